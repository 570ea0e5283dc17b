import type { SegmentDoc, SubsegmentDoc } from '../types.ts';
import { MISSING_PARENT } from './classify.ts';
import type { AssembledTrace } from './facts.ts';

/**
 * One walk over an assembled trace that everything else reads: every segment, subsegment and
 * inferred segment once, in pre-order of the *call tree*. A piece's children are its nested
 * subsegments plus the segments whose `parent_id` names it (the downstream services it called),
 * ordered by start time then id. So the subtree of piece i is `i .. i + size[i] - 1`, and
 * children can be enumerated without arrays: `for (j = i + 1; j < i + size[i]; j += size[j])`.
 */
export type PieceKind = 'segment' | 'subsegment' | 'inferred';

export interface Piece {
  doc: SegmentDoc | SubsegmentDoc;
  kind: PieceKind;
  /** Index of the parent piece (containing piece, or calling piece for segments); -1 for roots. */
  parent: number;
  /** Index of the segment (or inferred segment) this piece belongs to; itself for segments. */
  segment: number;
  depth: number;
  /** Number of pieces in the subtree, this one included. */
  size: number;
}

export interface PieceIndex {
  pieces: Piece[];
  /** Index of the entry segment, or -1 when the trace holds no segment. */
  root: number;
}

export function isPlaceholder(seg: SegmentDoc): boolean {
  return (
    seg.name === MISSING_PARENT.name &&
    seg.origin === MISSING_PARENT.origin &&
    seg.parent_id === undefined
  );
}

function byStart(
  a: { start_time: number; id: string },
  b: { start_time: number; id: string },
): number {
  return a.start_time - b.start_time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface Frame {
  doc: SegmentDoc | SubsegmentDoc;
  segment: boolean;
  parent: number;
  owner: number;
  depth: number;
}

/** Builds the pre-order piece list. Linear apart from sorting each piece's downstream calls. */
export function indexPieces(trace: AssembledTrace): PieceIndex {
  const ids = new Set<string>();
  const stackIds: (SegmentDoc | SubsegmentDoc)[] = [...trace.segments];
  for (let d = stackIds.pop(); d !== undefined; d = stackIds.pop()) {
    ids.add(d.id);
    if (d.subsegments !== undefined) for (const s of d.subsegments) stackIds.push(s);
  }
  const downstream = new Map<string, SegmentDoc[]>();
  const roots: SegmentDoc[] = [];
  for (const s of trace.segments) {
    if (s.parent_id !== undefined && ids.has(s.parent_id)) {
      const list = downstream.get(s.parent_id);
      if (list === undefined) downstream.set(s.parent_id, [s]);
      else list.push(s);
    } else roots.push(s);
  }
  roots.sort((a, b) => Number(isPlaceholder(a)) - Number(isPlaceholder(b)) || byStart(a, b));

  const isSegment = new Set<SegmentDoc | SubsegmentDoc>(trace.segments);
  const pieces: Piece[] = [];
  const visited = new Set<SegmentDoc>();
  const walk = (start: SegmentDoc) => {
    const stack: Frame[] = [{ doc: start, segment: true, parent: -1, owner: -1, depth: 0 }];
    for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
      if (f.segment) {
        if (visited.has(f.doc as SegmentDoc)) continue;
        visited.add(f.doc as SegmentDoc);
      }
      const index = pieces.length;
      const seg = f.segment ? (f.doc as SegmentDoc) : undefined;
      pieces.push({
        doc: f.doc,
        kind: seg === undefined ? 'subsegment' : seg.inferred === true ? 'inferred' : 'segment',
        parent: f.parent,
        segment: seg === undefined ? f.owner : index,
        depth: f.depth,
        size: 1,
      });
      const owner = seg === undefined ? f.owner : index;
      const subs = f.doc.subsegments ?? [];
      const calls = downstream.get(f.doc.id);
      let kids: (SegmentDoc | SubsegmentDoc)[] = subs;
      if (calls !== undefined) {
        kids = [...subs, ...calls];
        kids.sort(byStart);
      }
      for (let k = kids.length - 1; k >= 0; k--) {
        const doc = kids[k] as SegmentDoc | SubsegmentDoc;
        stack.push({ doc, segment: isSegment.has(doc), parent: index, owner, depth: f.depth + 1 });
      }
    }
  };
  for (const r of roots) walk(r);
  // Segments only reachable through a parent_id cycle become roots of their own.
  for (const s of trace.segments) if (!visited.has(s)) walk(s);

  for (let i = pieces.length - 1; i > 0; i--) {
    const p = pieces[i] as Piece;
    if (p.parent >= 0) (pieces[p.parent] as Piece).size += p.size;
  }
  return { pieces, root: pieces.length > 0 ? 0 : -1 };
}

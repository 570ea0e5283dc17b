import type { SegmentDoc, SubsegmentDoc } from '../types.ts';
import { isComplete, nodeIdOf, outcomeBits, outcomeFromBits } from './classify.ts';
import type { AssembledTrace } from './facts.ts';
import { indexPieces, KIND_NAMES, type PieceKind } from './pieces.ts';

/**
 * Rows of the timeline waterfall: every segment, subsegment and inferred segment once, in
 * pre-order of the call tree (a downstream service's segment sits under the subsegment that
 * called it), children by start time then id. Built in one linear walk (plus per-piece sorts).
 */
export interface TraceRow {
  id: string;
  /** Index of the parent row, -1 for roots. */
  parentIndex: number;
  depth: number;
  kind: PieceKind;
  /** Service (map node) name of the segment this piece belongs to. */
  service: string;
  name: string;
  /** Epoch seconds. */
  start: number;
  /** Epoch seconds; undefined while in progress. */
  end: number | undefined;
  ok: boolean;
  error: boolean;
  throttle: boolean;
  fault: boolean;
  /** Starts before its parent: clocks of two hosts disagree. Kept in place, not dropped. */
  clockSkew: boolean;
  /** Rows in this row's subtree, itself included: its descendants are rows i+1 … i+size-1. */
  size: number;
  doc: SegmentDoc | SubsegmentDoc;
}

export function flattenTrace(trace: AssembledTrace): TraceRow[] {
  const idx = indexPieces(trace);
  const rows: TraceRow[] = new Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    const doc = idx.docs[i] as SegmentDoc | SubsegmentDoc;
    const seg = idx.segment[i] as number;
    const p = idx.parent[i] as number;
    const o = outcomeFromBits(outcomeBits(doc));
    rows[i] = {
      id: doc.id,
      parentIndex: p,
      depth: idx.depth[i] as number,
      kind: KIND_NAMES[idx.kind[i] as number] as PieceKind,
      service: seg === i ? nodeIdOf(doc as SegmentDoc).Name : (rows[seg] as TraceRow).service,
      name: doc.name,
      start: doc.start_time,
      end: isComplete(doc) ? doc.end_time : undefined,
      ok: o.ok,
      error: o.error,
      throttle: o.throttle,
      fault: o.fault,
      clockSkew: p >= 0 && doc.start_time < (rows[p] as TraceRow).start,
      size: idx.size[i] as number,
      doc,
    };
  }
  return rows;
}

/**
 * The critical path: the pieces that determined when the first root finished, as in Jaeger's
 * critical-path view. From the root, with a cursor at its end: take the child that ends last
 * among those ending at or before the cursor, put it on the path (and recurse into it), move the
 * cursor to that child's start, repeat until no child fits. Children are first clipped to their
 * parent (start no earlier, end no later; children starting after the parent ended are ignored),
 * which is also how clock skew is tolerated. In-progress pieces count as ending at the latest
 * time seen in the trace. Returns row indices. O(n log n) for the per-parent sorts.
 */
export function criticalPath(rows: readonly TraceRow[]): Set<number> {
  const path = new Set<number>();
  const first = rows[0];
  if (first === undefined) return path;
  let latest = Number.NEGATIVE_INFINITY;
  for (const r of rows) latest = Math.max(latest, r.end ?? r.start);
  const stack: { index: number; start: number; end: number }[] = [
    { index: 0, start: first.start, end: first.end ?? latest },
  ];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    path.add(f.index);
    const row = rows[f.index] as TraceRow;
    const kids: { index: number; start: number; end: number }[] = [];
    for (let j = f.index + 1; j < f.index + row.size; j += (rows[j] as TraceRow).size) {
      const c = rows[j] as TraceRow;
      if (c.start >= f.end) continue;
      kids.push({
        index: j,
        start: Math.max(c.start, f.start),
        end: Math.min(c.end ?? latest, f.end),
      });
    }
    kids.sort((a, b) => b.end - a.end || b.start - a.start);
    let cursor = f.end;
    for (const k of kids) {
      if (k.end > cursor) continue;
      stack.push(k);
      cursor = k.start;
    }
  }
  return path;
}

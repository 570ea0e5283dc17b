import type { SegmentDoc, SubsegmentDoc } from '../types.ts';
import { MISSING_PARENT } from './classify.ts';
import type { AssembledTrace } from './facts.ts';

/**
 * One walk over an assembled trace that everything else reads: every segment, subsegment and
 * inferred segment once, in pre-order of the *call tree*. A piece's children are its nested
 * subsegments plus the segments whose `parent_id` names it (the downstream services it called),
 * ordered by start time then id. So the subtree of piece i is `i .. i + size[i] - 1`, and the
 * children can be enumerated without arrays: `for (j = i + 1; j < i + size[i]; j += size[j])`.
 *
 * Stored as parallel typed arrays rather than one object per piece: a 50,000-piece trace is
 * walked several times per analysis and per-piece objects dominated the cost.
 */
export type PieceKind = 'segment' | 'subsegment' | 'inferred';
export const KIND_SEGMENT = 0;
export const KIND_SUBSEGMENT = 1;
export const KIND_INFERRED = 2;
export const KIND_NAMES: readonly PieceKind[] = ['segment', 'subsegment', 'inferred'];

export interface PieceIndex {
  length: number;
  docs: (SegmentDoc | SubsegmentDoc)[];
  /** KIND_SEGMENT | KIND_SUBSEGMENT | KIND_INFERRED. */
  kind: Uint8Array;
  /** Parent piece (containing piece, or calling piece for segments); -1 for roots. */
  parent: Int32Array;
  /** The segment (or inferred segment) a piece belongs to; itself for segments. */
  segment: Int32Array;
  depth: Int32Array;
  /** Pieces in the subtree, this one included. */
  size: Int32Array;
  /** The entry segment: 0, or -1 when the trace holds no segment. */
  root: number;
}

export function isPlaceholder(seg: SegmentDoc): boolean {
  return (
    seg.name === MISSING_PARENT.name &&
    seg.origin === MISSING_PARENT.origin &&
    seg.parent_id === undefined
  );
}

type Doc = SegmentDoc | SubsegmentDoc;

function byStart(a: Doc, b: Doc): number {
  return a.start_time - b.start_time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isSorted(list: readonly Doc[]): boolean {
  for (let i = 1; i < list.length; i++)
    if (byStart(list[i - 1] as Doc, list[i] as Doc) > 0) return false;
  return true;
}

function rootOrder(a: SegmentDoc, b: SegmentDoc): number {
  return Number(isPlaceholder(a)) - Number(isPlaceholder(b)) || byStart(a, b);
}

/**
 * Builds the pre-order index. Linear apart from sorting children that arrive unsorted.
 *
 * Hash lookups by id dominate on big traces, so each piece's id is looked up once: the walk
 * starts from segments without `parent_id` and consumes the call lists of the pieces it meets.
 * Only segments left over (their parent is missing, or sits below such a segment, or on a cycle)
 * need a second look to tell the real roots apart; root blocks are then put in start order.
 */
export function indexPieces(trace: AssembledTrace): PieceIndex {
  const downstream = new Map<string, SegmentDoc[]>();
  const roots: SegmentDoc[] = [];
  for (const s of trace.segments) {
    const pid = s.parent_id;
    if (pid === undefined) {
      roots.push(s);
      continue;
    }
    const list = downstream.get(pid);
    if (list === undefined) downstream.set(pid, [s]);
    else list.push(s);
  }
  roots.sort(rootOrder);

  const idx = alloc(trace.segments.length * 4 + 16);
  // Explicit stack as parallel arrays; owner -1 marks a segment frame.
  const sDoc: Doc[] = [];
  const sParent: number[] = [];
  const sOwner: number[] = [];
  const sDepth: number[] = [];
  let n = 0;
  const push = (doc: Doc, parent: number, owner: number, depth: number) => {
    sDoc.push(doc);
    sParent.push(parent);
    sOwner.push(owner);
    sDepth.push(depth);
  };
  const walk = (start: SegmentDoc) => {
    push(start, -1, -1, 0);
    while (sDoc.length > 0) {
      const doc = sDoc.pop() as Doc;
      const parent = sParent.pop() as number;
      let owner = sOwner.pop() as number;
      const depth = sDepth.pop() as number;
      if (n === idx.docs.length) grow(idx);
      const i = n++;
      idx.docs[i] = doc;
      idx.parent[i] = parent;
      idx.depth[i] = depth;
      idx.segment[i] = owner < 0 ? i : owner;
      if (owner >= 0) idx.kind[i] = KIND_SUBSEGMENT;
      else if ((doc as SegmentDoc).inferred === true) {
        // Service-made: no subsegments, and nothing names it as parent; skip the id lookup.
        idx.kind[i] = KIND_INFERRED;
        if (doc.subsegments === undefined) continue;
      } else idx.kind[i] = KIND_SEGMENT;
      if (owner < 0) owner = i;
      let subs = doc.subsegments;
      if (subs !== undefined && !isSorted(subs)) subs = [...subs].sort(byStart);
      // Each call list is consumed once, so a parent_id cycle cannot loop forever.
      const calls = downstream.size > 0 ? downstream.get(doc.id) : undefined;
      if (calls === undefined) {
        if (subs !== undefined)
          for (let k = subs.length - 1; k >= 0; k--) push(subs[k] as Doc, i, owner, depth + 1);
        continue;
      }
      downstream.delete(doc.id);
      if (!isSorted(calls)) calls.sort(byStart);
      // Merge two sorted lists, pushing from the back so the earliest child pops first.
      let a = (subs?.length ?? 0) - 1;
      let b = calls.length - 1;
      while (a >= 0 || b >= 0) {
        const sa = a >= 0 ? (subs?.[a] as Doc) : undefined;
        const sb = b >= 0 ? (calls[b] as Doc) : undefined;
        if (sb === undefined || (sa !== undefined && byStart(sa, sb) > 0)) {
          push(sa as Doc, i, owner, depth + 1);
          a--;
        } else {
          push(sb, i, -1, depth + 1);
          b--;
        }
      }
    }
  };
  for (const r of roots) walk(r);

  if (downstream.size > 0) {
    // Left over: segments whose parent was not reached. A real root's parent is no piece at all;
    // the others hang below a real root (or on a cycle) and get walked from there.
    const ids = new Set<string>();
    const pending: Doc[] = [];
    for (const list of downstream.values()) for (const s of list) pending.push(s);
    for (let d = pending.pop(); d !== undefined; d = pending.pop()) {
      ids.add(d.id);
      const subs = d.subsegments;
      if (subs !== undefined) for (let i = 0; i < subs.length; i++) pending.push(subs[i] as Doc);
    }
    const late: SegmentDoc[] = [];
    for (const [pid, list] of downstream) {
      if (ids.has(pid)) continue;
      downstream.delete(pid);
      for (const s of list) late.push(s);
    }
    late.sort(rootOrder);
    for (const r of late) {
      roots.push(r);
      walk(r);
    }
    // Whatever is still left hangs off a parent_id cycle: walk it from where it is entered.
    for (const [pid, list] of downstream) {
      downstream.delete(pid);
      for (const s of list) {
        roots.push(s);
        walk(s);
      }
    }
  }

  idx.length = n;
  for (let i = 0; i < n; i++) idx.size[i] = 1;
  for (let i = n - 1; i > 0; i--) {
    const p = idx.parent[i] as number;
    if (p >= 0) idx.size[p] = (idx.size[p] as number) + (idx.size[i] as number);
  }
  idx.root = n > 0 ? 0 : -1;
  return rootsSorted(roots) ? idx : reorderRoots(idx);
}

function rootsSorted(roots: readonly SegmentDoc[]): boolean {
  for (let i = 1; i < roots.length; i++)
    if (rootOrder(roots[i - 1] as SegmentDoc, roots[i] as SegmentDoc) > 0) return false;
  return true;
}

/** Puts the root blocks (each a contiguous pre-order range) in root order. */
function reorderRoots(idx: PieceIndex): PieceIndex {
  const blocks: number[] = [];
  for (let i = 0; i < idx.length; i += idx.size[i] as number) blocks.push(i);
  blocks.sort((a, b) => rootOrder(idx.docs[a] as SegmentDoc, idx.docs[b] as SegmentDoc));
  const out = alloc(idx.length);
  out.length = idx.length;
  out.root = idx.root;
  let at = 0;
  for (const from of blocks) {
    const size = idx.size[from] as number;
    const shift = at - from;
    for (let k = 0; k < size; k++) {
      const i = from + k;
      const j = at + k;
      out.docs[j] = idx.docs[i] as Doc;
      out.kind[j] = idx.kind[i] as number;
      out.depth[j] = idx.depth[i] as number;
      out.size[j] = idx.size[i] as number;
      const p = idx.parent[i] as number;
      out.parent[j] = p < 0 ? -1 : p + shift;
      out.segment[j] = (idx.segment[i] as number) + shift;
    }
    at += size;
  }
  return out;
}

function alloc(cap: number): PieceIndex {
  return {
    length: 0,
    docs: new Array(cap),
    kind: new Uint8Array(cap),
    parent: new Int32Array(cap),
    segment: new Int32Array(cap),
    depth: new Int32Array(cap),
    size: new Int32Array(cap),
    root: -1,
  };
}

function grow(idx: PieceIndex): void {
  const cap = idx.docs.length * 2 + 16;
  const next = alloc(cap);
  next.kind.set(idx.kind);
  next.parent.set(idx.parent);
  next.segment.set(idx.segment);
  next.depth.set(idx.depth);
  next.size.set(idx.size);
  idx.docs.length = cap;
  idx.kind = next.kind;
  idx.parent = next.parent;
  idx.segment = next.segment;
  idx.depth = next.depth;
  idx.size = next.size;
}

import { deriveSegmentId } from '../ids.ts';
import type { EntityDoc, IngestDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';
import { inferredTargetOf, isComplete, MISSING_PARENT } from './classify.ts';
import type { AssembledTrace } from './facts.ts';

/**
 * Trace assembly: from every stored document of one trace to what BatchGetTraces returns.
 *
 * Decisions (segment-document.md §1, §7):
 * - Revisions: among documents with the same id a complete one beats an in-progress one; between
 *   equals the later one in `docs` (arrival order) wins. A replaced segment's embedded
 *   subsegments go with it. An independent subsegment also replaces an embedded piece with the
 *   same id by the same rule.
 * - Independent subsegments are nested under their parent segment or subsegment, at any depth,
 *   whatever the arrival order. Nested copies keep `type`/`trace_id`/`parent_id` (harmless, and
 *   the timeline can show them).
 * - Orphans (subsegments whose parent never arrived, e.g. Lambda-style clients whose function
 *   segment comes from Lambda itself) stay visible: one placeholder segment per missing parent id,
 *   `id` = that parent id, named/typed `unknown` (MISSING_PARENT), spanning its children. A
 *   parent_id cycle is cut the same way under a placeholder with a derived id.
 * - Inferred segments: every subsegment with namespace `aws` or `remote` that no segment names as
 *   its `parent_id` gets one (`inferred: true`, `parent_id` = subsegment id, deterministic derived
 *   id, name/origin from `inferredTargetOf`, http/aws/times/flags copied; the aws block without
 *   the caller's `request_id`/`retries`, as in the reference example 11.1 (d)).
 * - Order: segments, and the children of every piece, by start_time then id.
 *
 * Stored documents are never mutated: a piece whose children change is shallow-copied; untouched
 * embedded subtrees are shared (their child order is kept when already sorted). Cost: linear plus
 * the sorts; only ids that can matter (top-level ids and parent ids) go through hash tables,
 * since those dominate the cost on 50,000-piece traces.
 */
export function assembleTrace(traceId: string, docs: readonly IngestDoc[]): AssembledTrace {
  const b = new Builder(traceId);
  b.collect(docs);
  b.link();
  return { id: traceId, segments: b.materialize(), revision: docs.length };
}

type AnyDoc = EntityDoc & Partial<SegmentDoc> & Partial<SubsegmentDoc>;

/**
 * A piece whose output may differ from its stored document. Embedded subtrees nobody attaches to
 * stay `raw`: their documents are reused as they are and never get nodes of their own, which is
 * what keeps assembly cheap on big traces.
 */
interface Node {
  doc: AnyDoc;
  /** Arrival index of the document this piece came in. */
  order: number;
  segment: boolean;
  /** Output is the stored document itself (subtree untouched). */
  raw: boolean;
  /** Children (embedded and attached) of a non-raw node. */
  kids: Node[];
  /** Lost to a better piece with the same id. */
  dropped: boolean;
  placed: boolean;
  out: AnyDoc | undefined;
}

function node(doc: AnyDoc, order: number, segment: boolean, raw: boolean): Node {
  return { doc, order, segment, raw, kids: [], dropped: false, placed: false, out: undefined };
}

function wins(doc: EntityDoc, order: number, prev: { doc: EntityDoc; order: number }): boolean {
  const a = isComplete(doc);
  const b = isComplete(prev.doc);
  if (a !== b) return a;
  return order >= prev.order;
}

function startOrder(a: EntityDoc, b: EntityDoc): number {
  return a.start_time - b.start_time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const byStart = (a: Node, b: Node) => startOrder(a.doc, b.doc);

class Builder {
  private readonly tops: Node[] = [];
  /** Pieces reachable by id: top-level winners plus embedded pieces someone points at. */
  private readonly byId = new Map<string, Node>();
  private readonly roots: Node[] = [];
  private readonly placeholders = new Map<string, Node>();
  /** Ids named as parent by an independent subsegment. */
  private readonly parentIds = new Set<string>();
  /** parentIds plus the ids of top-level documents: the only ids embedded pieces are checked for. */
  private readonly wanted = new Set<string>();

  constructor(private readonly traceId: string) {}

  collect(docs: readonly IngestDoc[]): void {
    const best = new Map<string, Node>();
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as AnyDoc;
      const prev = best.get(doc.id);
      if (prev === undefined || wins(doc, i, prev))
        best.set(doc.id, node(doc, i, doc.type !== 'subsegment', true));
    }
    for (const n of best.values()) {
      this.tops.push(n);
      this.byId.set(n.doc.id, n);
      this.wanted.add(n.doc.id);
      if (!n.segment && n.doc.parent_id !== undefined) this.parentIds.add(n.doc.parent_id);
    }
    for (const id of this.parentIds) this.wanted.add(id);
    // Scratch arrays reused across documents: a breadth-first list of one document's pieces.
    const bfs: Bfs = { docs: [], parent: [], first: [], open: [] };
    for (const top of this.tops) this.embed(top, bfs);
  }

  /**
   * Opens the pieces of `top`'s document that must be rebuilt (those someone attaches to, whose
   * children are unsorted, or above such a piece) and gives them child nodes; the rest stay raw.
   */
  private embed(top: Node, bfs: Bfs) {
    bfs.docs.length = 0;
    bfs.parent.length = 0;
    bfs.first.length = 0;
    bfs.open.length = 0;
    bfs.docs.push(top.doc);
    bfs.parent.push(-1);
    const openPath = (from: number) => {
      for (let x = from; x >= 0 && bfs.open[x] !== true; x = bfs.parent[x] as number)
        bfs.open[x] = true;
    };
    for (let x = 0; x < bfs.docs.length; x++) {
      const doc = bfs.docs[x] as AnyDoc;
      bfs.first[x] = bfs.docs.length;
      if (x === 0 ? this.parentIds.has(doc.id) : this.wanted.has(doc.id)) openPath(x);
      const subs = doc.subsegments;
      if (!Array.isArray(subs)) continue;
      for (let k = 0; k < subs.length; k++) {
        bfs.docs.push(subs[k] as AnyDoc);
        bfs.parent.push(x);
        if (k > 0 && startOrder(subs[k - 1] as AnyDoc, subs[k] as AnyDoc) > 0) openPath(x);
      }
    }
    if (bfs.open[0] !== true) return;
    const nodes: (Node | undefined)[] = [top];
    for (let x = 0; x < bfs.docs.length; x++) {
      const host = nodes[x];
      if (host === undefined || bfs.open[x] !== true) continue;
      host.raw = false;
      const end = x + 1 < bfs.first.length ? (bfs.first[x + 1] as number) : bfs.docs.length;
      for (let c = bfs.first[x] as number; c < end; c++) {
        const doc = bfs.docs[c] as AnyDoc;
        const n = node(doc, top.order, false, bfs.open[c] !== true);
        if (this.wanted.has(doc.id)) {
          const prev = this.byId.get(doc.id);
          // The loser goes with its embedded subtree, like a replaced revision.
          if (prev !== undefined && !wins(doc, top.order, prev)) continue;
          if (prev !== undefined) prev.dropped = true;
          this.byId.set(doc.id, n);
        }
        host.kids.push(n);
        nodes[c] = n;
      }
    }
  }

  link(): void {
    for (const n of this.tops) {
      if (n.dropped) continue;
      if (n.segment) {
        this.roots.push(n);
        continue;
      }
      const pid = n.doc.parent_id ?? deriveSegmentId(`orphan:${n.doc.id}`);
      const parent = this.byId.get(pid);
      (parent !== undefined && !parent.dropped ? parent : this.placeholder(pid)).kids.push(n);
    }
    for (const r of this.roots) this.place(r);
    // Independent subsegments not reached hang off a parent_id cycle: cut where it closes.
    for (const n of this.tops) {
      if (n.placed || n.dropped || n.segment) continue;
      const seen = new Set<Node>();
      let x = n;
      for (;;) {
        seen.add(x);
        const up = x.doc.parent_id === undefined ? undefined : this.byId.get(x.doc.parent_id);
        if (up === undefined || up.placed || seen.has(up)) break;
        x = up;
      }
      const parent = x.doc.parent_id === undefined ? undefined : this.byId.get(x.doc.parent_id);
      if (parent !== undefined) parent.kids = parent.kids.filter((k) => k !== x);
      this.placeholder(deriveSegmentId(`cycle:${x.doc.id}`)).kids.push(x);
      this.place(x);
    }
  }

  private placeholder(id: string): Node {
    let p = this.placeholders.get(id);
    if (p === undefined) {
      const doc: AnyDoc = {
        id,
        name: MISSING_PARENT.name,
        origin: MISSING_PARENT.origin,
        trace_id: this.traceId,
        start_time: 0,
      };
      p = node(doc, -1, true, false);
      this.placeholders.set(id, p);
      this.roots.push(p);
    }
    return p;
  }

  private place(root: Node) {
    const stack = [root];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      if (n.placed) continue;
      n.placed = true;
      for (const k of n.kids) if (!k.dropped) stack.push(k);
    }
  }

  materialize(): SegmentDoc[] {
    for (const p of this.placeholders.values()) spanChildren(p);
    // Pre-order, then build outputs children-first so each parent can point at final children.
    const order: Node[] = [];
    const stack = [...this.roots];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      order.push(n);
      for (const k of n.kids) if (!k.dropped) stack.push(k);
    }
    const called = new Set<string>();
    for (const r of this.roots) if (r.doc.parent_id !== undefined) called.add(r.doc.parent_id);
    const segments: SegmentDoc[] = [];
    const infer = (sub: AnyDoc) => {
      if ((sub.namespace === 'aws' || sub.namespace === 'remote') && !called.has(sub.id)) {
        const inferred = inferSegment(this.traceId, sub as SubsegmentDoc);
        if (inferred !== undefined) segments.push(inferred);
      }
    };
    const scan: AnyDoc[] = [];
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i] as Node;
      if (n.raw) {
        n.out = n.doc;
        // Untouched subtree: still look for calls that need an inferred segment.
        const subs = n.doc.subsegments;
        if (subs !== undefined) for (const s of subs) scan.push(s as AnyDoc);
        for (let d = scan.pop(); d !== undefined; d = scan.pop()) {
          infer(d);
          const below = d.subsegments;
          if (below !== undefined) for (const s of below) scan.push(s as AnyDoc);
        }
      } else {
        let kids = n.kids;
        if (kids.some((k) => k.dropped)) kids = kids.filter((k) => !k.dropped);
        if (kids.length > 1) kids.sort(byStart);
        if (kids.length > 0)
          n.out = { ...n.doc, subsegments: kids.map((k) => k.out as SubsegmentDoc) };
        else if (n.doc.subsegments !== undefined) {
          const { subsegments: _, ...rest } = n.doc;
          n.out = rest as AnyDoc;
        } else n.out = n.doc;
      }
      if (n.segment) segments.push(n.out as SegmentDoc);
      else infer(n.out as AnyDoc);
    }
    return sortByStart(segments);
  }
}

/** Sorts by start then id, reading start times once into a typed array (tens of thousands of
 * segments with varied shapes make a plain comparator slow). */
function sortByStart(segments: SegmentDoc[]): SegmentDoc[] {
  const starts = new Float64Array(segments.length);
  const order = new Array<number>(segments.length);
  for (let i = 0; i < segments.length; i++) {
    starts[i] = (segments[i] as SegmentDoc).start_time;
    order[i] = i;
  }
  order.sort((a, b) => {
    const d = (starts[a] as number) - (starts[b] as number);
    if (d !== 0) return d;
    const x = (segments[a] as SegmentDoc).id;
    const y = (segments[b] as SegmentDoc).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return order.map((i) => segments[i] as SegmentDoc);
}

interface Bfs {
  docs: AnyDoc[];
  parent: number[];
  /** Index of a piece's first child in `docs` (children of one piece are contiguous). */
  first: number[];
  open: boolean[];
}

/** A placeholder spans its children: earliest start, latest end, in progress while any child is. */
function spanChildren(p: Node) {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let open = false;
  for (const c of p.kids) {
    if (c.dropped) continue;
    start = Math.min(start, c.doc.start_time);
    if (isComplete(c.doc)) end = Math.max(end, c.doc.end_time as number);
    else open = true;
  }
  p.doc.start_time = Number.isFinite(start) ? start : 0;
  if (open || !Number.isFinite(end)) p.doc.in_progress = true;
  else p.doc.end_time = end;
}

function inferSegment(traceId: string, sub: SubsegmentDoc): SegmentDoc | undefined {
  const target = inferredTargetOf(sub);
  if (target === undefined) return undefined;
  const inferred: SegmentDoc = {
    id: deriveSegmentId(`inferred:${sub.id}`),
    name: target.name,
    trace_id: traceId,
    parent_id: sub.id,
    inferred: true,
    origin: target.origin,
    start_time: sub.start_time,
  };
  if (sub.end_time !== undefined) inferred.end_time = sub.end_time;
  if (sub.in_progress !== undefined) inferred.in_progress = sub.in_progress;
  if (sub.http !== undefined) inferred.http = sub.http;
  if (sub.aws !== undefined) {
    const { request_id: _r, retries: _n, ...aws } = sub.aws;
    inferred.aws = aws;
  }
  if (sub.error !== undefined) inferred.error = sub.error;
  if (sub.throttle !== undefined) inferred.throttle = sub.throttle;
  if (sub.fault !== undefined) inferred.fault = sub.fault;
  return inferred;
}

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
 *   subsegments go with it.
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
 * Stored documents are never mutated: every piece in the result is a shallow copy.
 * Cost: O(n log n) for the sorts, otherwise linear in the number of pieces.
 */
export function assembleTrace(traceId: string, docs: readonly IngestDoc[]): AssembledTrace {
  const entries = collectEntries(docs);
  const { segments, children } = link(traceId, entries);
  addInferred(traceId, entries, segments);
  for (const list of children.values()) if (list.length > 1) list.sort(byStart);
  segments.sort(byStart);
  return { id: traceId, segments, revision: docs.length };
}

type AnyDoc = EntityDoc & Partial<SegmentDoc> & Partial<SubsegmentDoc>;

interface Entry {
  doc: AnyDoc;
  /** Containing piece for embedded subsegments, `parent_id` for top-level documents. */
  parentId: string | undefined;
  segment: boolean;
  order: number;
  /** The shallow copy that goes into the result. */
  copy: AnyDoc;
}

function wins(doc: EntityDoc, order: number, prev: { doc: EntityDoc; order: number }): boolean {
  const a = isComplete(doc);
  const b = isComplete(prev.doc);
  if (a !== b) return a;
  return order >= prev.order;
}

function collectEntries(docs: readonly IngestDoc[]): Map<string, Entry> {
  const top = new Map<string, { doc: AnyDoc; order: number }>();
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] as AnyDoc;
    const prev = top.get(doc.id);
    if (prev === undefined || wins(doc, i, prev)) top.set(doc.id, { doc, order: i });
  }
  const entries = new Map<string, Entry>();
  const put = (doc: AnyDoc, parentId: string | undefined, segment: boolean, order: number) => {
    const prev = entries.get(doc.id);
    if (prev !== undefined && !wins(doc, order, prev)) return;
    entries.set(doc.id, { doc, parentId, segment, order, copy: copyWithoutChildren(doc) });
  };
  for (const { doc, order } of top.values()) {
    put(doc, doc.parent_id, doc.type !== 'subsegment', order);
    const stack: AnyDoc[] = [doc];
    for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
      const subs = d.subsegments;
      if (!Array.isArray(subs)) continue;
      for (const s of subs) {
        put(s as AnyDoc, d.id, false, order);
        stack.push(s as AnyDoc);
      }
    }
  }
  return entries;
}

function copyWithoutChildren(doc: AnyDoc): AnyDoc {
  const { subsegments: _, ...rest } = doc;
  return rest as AnyDoc;
}

function byStart(a: EntityDoc, b: EntityDoc): number {
  return a.start_time - b.start_time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function childrenOf(children: Map<string, AnyDoc[]>, parent: AnyDoc): AnyDoc[] {
  let list = children.get(parent.id);
  if (list === undefined) {
    list = [];
    children.set(parent.id, list);
    parent.subsegments = list as SubsegmentDoc[];
  }
  return list;
}

/** Attaches subsegments to parents, adds placeholders for orphans and cuts cycles. */
function link(traceId: string, entries: Map<string, Entry>) {
  const segments: SegmentDoc[] = [];
  const children = new Map<string, AnyDoc[]>();
  const placeholders = new Map<string, AnyDoc>();
  const placeholderFor = (id: string): AnyDoc => {
    let p = placeholders.get(id);
    if (p === undefined) {
      p = {
        id,
        name: MISSING_PARENT.name,
        origin: MISSING_PARENT.origin,
        trace_id: traceId,
        start_time: 0,
      };
      placeholders.set(id, p);
      segments.push(p as SegmentDoc);
    }
    return p;
  };
  for (const e of entries.values()) {
    if (e.segment) {
      segments.push(e.copy as SegmentDoc);
      continue;
    }
    const parent = e.parentId === undefined ? undefined : entries.get(e.parentId);
    const host =
      parent?.copy ?? placeholderFor(e.parentId ?? deriveSegmentId(`orphan:${e.doc.id}`));
    childrenOf(children, host).push(e.copy);
  }

  // Everything reachable from a segment is placed; what is left hangs off a parent_id cycle.
  const placed = new Set<AnyDoc>();
  const mark = (root: AnyDoc) => {
    const stack = [root];
    for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
      if (placed.has(d)) continue;
      placed.add(d);
      for (const c of children.get(d.id) ?? []) stack.push(c);
    }
  };
  for (const s of segments) mark(s);
  for (const e of entries.values()) {
    if (placed.has(e.copy)) continue;
    // Walk up to a piece that repeats: it is on the cycle; cut it loose from its parent.
    const seen = new Set<Entry>();
    let x: Entry = e;
    while (!seen.has(x)) {
      seen.add(x);
      const up = x.parentId === undefined ? undefined : entries.get(x.parentId);
      if (up === undefined || placed.has(up.copy)) break;
      x = up;
    }
    const parentList = x.parentId === undefined ? undefined : children.get(x.parentId);
    if (parentList !== undefined) parentList.splice(parentList.indexOf(x.copy), 1);
    childrenOf(children, placeholderFor(deriveSegmentId(`cycle:${x.doc.id}`))).push(x.copy);
    mark(x.copy);
  }
  for (const p of placeholders.values()) spanChildren(p, children);
  return { segments, children };
}

/** A placeholder spans its children: earliest start, latest end, in progress while any child is. */
function spanChildren(p: AnyDoc, children: Map<string, AnyDoc[]>) {
  const list = children.get(p.id) ?? [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let open = false;
  for (const c of list) {
    start = Math.min(start, c.start_time);
    if (isComplete(c)) end = Math.max(end, c.end_time as number);
    else open = true;
  }
  p.start_time = Number.isFinite(start) ? start : 0;
  if (open || !Number.isFinite(end)) p.in_progress = true;
  else p.end_time = end;
}

function addInferred(traceId: string, entries: Map<string, Entry>, segments: SegmentDoc[]) {
  const called = new Set<string>();
  for (const s of segments) if (s.parent_id !== undefined) called.add(s.parent_id);
  for (const e of entries.values()) {
    if (e.segment || called.has(e.doc.id)) continue;
    const sub = e.copy as SubsegmentDoc;
    const target = inferredTargetOf(sub);
    if (target === undefined) continue;
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
    segments.push(inferred);
  }
}

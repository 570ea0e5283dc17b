import type { EntityDoc, IngestDoc, SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';

/** Helpers shared by the generator tests (not used by generator code). */

export function byTrace(docs: readonly IngestDoc[]): Map<string, IngestDoc[]> {
  const traces = new Map<string, IngestDoc[]>();
  for (const doc of docs) {
    const list = traces.get(doc.trace_id);
    if (list) list.push(doc);
    else traces.set(doc.trace_id, [doc]);
  }
  return traces;
}

/** Every entity in a document, the document itself first, depth-first. */
export function entities(doc: EntityDoc): EntityDoc[] {
  const all: EntityDoc[] = [];
  const stack: EntityDoc[] = [doc];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    all.push(e);
    for (const c of e.subsegments ?? []) stack.push(c);
  }
  return all;
}

export function segments(docs: readonly IngestDoc[], name?: string): SegmentDoc[] {
  return docs.filter(
    (d): d is SegmentDoc => !('type' in d) && (name === undefined || d.name === name),
  );
}

/** Complete segments only (drops in-progress placeholders). */
export function completeSegments(docs: readonly IngestDoc[], name?: string): SegmentDoc[] {
  return segments(docs, name).filter((d) => d.end_time !== undefined);
}

export function allSubsegments(docs: readonly IngestDoc[]): SubsegmentDoc[] {
  return docs
    .flatMap((d) => entities(d).filter((e) => e !== d))
    .concat(docs.filter((d) => 'type' in d)) as SubsegmentDoc[];
}

export function duration(e: EntityDoc): number {
  return (e.end_time ?? e.start_time) - e.start_time;
}

/** Maximum nesting depth of plain JSON (an object with no children has depth 1). */
export function jsonDepth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let max = 0;
  for (const v of Object.values(value)) max = Math.max(max, jsonDepth(v));
  return max + 1;
}

import type { EntityDoc, IngestDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { ENTITY_ID_RE, TRACE_ID_RE } from './ids.ts';
import { docBytes, MAX_DOC_BYTES } from './size.ts';

/**
 * Shape checks for generated documents, written from segment-document.md §2–§9. Generators' tests
 * run every document through these; they return problems instead of throwing so a test can print
 * all of them at once.
 */

/** Segment names: Unicode letters, digits, whitespace and `_ . : / % & # = + \ - @` (§3). */
const SEGMENT_NAME_RE = /^[\p{L}\p{N}\s_.:/%&#=+\\\-@]{1,200}$/u;

function checkEntity(e: EntityDoc, where: string, problems: string[], nested: boolean): void {
  if (typeof e.id !== 'string' || !ENTITY_ID_RE.test(e.id))
    problems.push(`${where}: bad id ${e.id}`);
  if (typeof e.name !== 'string' || e.name.length === 0 || e.name.length > 200) {
    problems.push(`${where}: name must be 1..200 chars`);
  }
  if (typeof e.start_time !== 'number' || !Number.isFinite(e.start_time)) {
    problems.push(`${where}: start_time must be a number`);
  }
  if (e.in_progress === true) {
    if (e.end_time !== undefined) problems.push(`${where}: in_progress with end_time`);
  } else if (typeof e.end_time !== 'number' || !(e.end_time >= e.start_time)) {
    problems.push(`${where}: end_time missing or before start_time`);
  }
  for (const flag of ['error', 'throttle', 'fault'] as const) {
    if (e[flag] !== undefined && typeof e[flag] !== 'boolean')
      problems.push(`${where}: ${flag} not boolean`);
  }
  const status = e.http?.response?.status;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    problems.push(`${where}: bad http status ${status}`);
  }
  for (const [key, value] of Object.entries(e.annotations ?? {})) {
    const t = typeof value;
    if (t !== 'string' && t !== 'boolean' && !(t === 'number' && Number.isFinite(value))) {
      problems.push(`${where}: annotation ${key} is not a string, finite number or boolean`);
    }
  }
  if (e.metadata !== undefined && (typeof e.metadata !== 'object' || e.metadata === null)) {
    problems.push(`${where}: metadata must be an object`);
  }
  if (typeof e.cause === 'string') {
    if (!ENTITY_ID_RE.test(e.cause)) problems.push(`${where}: cause id ${e.cause}`);
  } else if (e.cause !== undefined) {
    for (const ex of e.cause.exceptions ?? []) {
      if (!ENTITY_ID_RE.test(ex.id)) problems.push(`${where}: exception id ${ex.id}`);
      if (ex.cause !== undefined && !ENTITY_ID_RE.test(ex.cause))
        problems.push(`${where}: exception cause ${ex.cause}`);
    }
  }
  if (nested && (e as SubsegmentDoc).type !== undefined)
    problems.push(`${where}: nested subsegment has type`);
  for (const [i, child] of (e.subsegments ?? []).entries()) {
    const at = `${where}.subsegments[${i}]`;
    checkEntity(child, at, problems, true);
    // Nested pieces come from the same process and clock, so they must sit inside their parent.
    if (child.start_time < e.start_time) problems.push(`${at}: starts before its parent`);
    if (e.end_time !== undefined && (child.end_time ?? Number.POSITIVE_INFINITY) > e.end_time) {
      problems.push(`${at}: ends after its parent`);
    }
  }
}

/** Problems with one document on its own (empty when it is fine). */
export function checkDoc(doc: IngestDoc): string[] {
  const problems: string[] = [];
  const where = `${'type' in doc ? 'subsegment' : 'segment'} ${doc.id}`;
  checkEntity(doc, where, problems, false);
  if (typeof doc.trace_id !== 'string' || !TRACE_ID_RE.test(doc.trace_id)) {
    problems.push(`${where}: bad trace_id ${doc.trace_id}`);
  }
  if (doc.parent_id !== undefined && !ENTITY_ID_RE.test(doc.parent_id))
    problems.push(`${where}: bad parent_id`);
  if ('type' in doc) {
    if (doc.parent_id === undefined)
      problems.push(`${where}: independent subsegment without parent_id`);
  } else if (!SEGMENT_NAME_RE.test(doc.name)) {
    problems.push(`${where}: segment name has characters outside the allowed set`);
  }
  const bytes = docBytes(doc);
  if (bytes > MAX_DOC_BYTES) problems.push(`${where}: ${bytes} bytes > ${MAX_DOC_BYTES}`);
  return problems;
}

interface Placed {
  start: number;
  end: number | undefined;
  doc: IngestDoc;
}

function index(e: EntityDoc, doc: IngestDoc, into: Map<string, Placed>, dupes: string[]): void {
  const prev = into.get(e.id);
  // A complete document replaces its in-progress twin (same id), so that pair is not a duplicate.
  if (prev && !(prev.doc.in_progress || doc.in_progress)) dupes.push(e.id);
  if (!prev || prev.end === undefined)
    into.set(e.id, { start: e.start_time, end: e.end_time, doc });
  for (const child of e.subsegments ?? []) index(child, doc, into, dupes);
}

/**
 * Cross-document problems of one trace: one trace id, unique ids, every `parent_id` resolves, and
 * each document sits inside the (sub)segment it hangs off, allowing `skewMs` of clock skew because
 * separate documents usually come from separate hosts.
 */
export function checkTrace(docs: readonly IngestDoc[], skewMs = 10): string[] {
  const problems: string[] = [];
  const traceIds = new Set(docs.map((d) => d.trace_id));
  if (traceIds.size !== 1) problems.push(`trace has ${traceIds.size} trace ids`);
  const byId = new Map<string, Placed>();
  const dupes: string[] = [];
  for (const doc of docs) index(doc, doc, byId, dupes);
  for (const id of dupes) problems.push(`duplicate id ${id}`);
  const skew = skewMs / 1000;
  const roots = new Set<string>();
  for (const doc of docs) {
    if (doc.parent_id === undefined) {
      roots.add(doc.id);
      const epoch = Number.parseInt(doc.trace_id.slice(2, 10), 16);
      if (Math.floor(doc.start_time) !== epoch)
        problems.push(`root ${doc.id} starts outside the trace id second`);
      continue;
    }
    const parent = byId.get(doc.parent_id);
    if (!parent) {
      problems.push(`${doc.id}: parent ${doc.parent_id} not in trace`);
      continue;
    }
    if (doc.start_time < parent.start - skew) problems.push(`${doc.id}: starts before its parent`);
    const end = doc.end_time ?? doc.start_time;
    if (parent.end !== undefined && end > parent.end + skew)
      problems.push(`${doc.id}: ends after its parent`);
  }
  if (roots.size !== 1) problems.push(`trace has ${roots.size} root segments`);
  return problems;
}

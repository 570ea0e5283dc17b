import { isSegmentId, isTraceId } from './ids.ts';
import type { IngestDoc } from './types.ts';

/**
 * Validation of one PutTraceSegments / daemon-UDP document (segment-document.md §1–§9).
 *
 * Accepts a single object (segment or independent subsegment) or, tolerantly, a top-level array of
 * such objects (§1; every element must pass, otherwise the whole document is rejected). Never
 * throws; unknown keys are kept as they are.
 *
 * Error codes (X-Ray documents only `InvalidTraceId`; the others follow moto's naming):
 * - `JSONFormatError`  the text is not JSON, or not an object / array of objects
 * - `SegmentTooLarge`  more than 64 kB (65,536 UTF-8 bytes)
 * - `MissingParameter` a required field is absent
 * - `InvalidTraceId`   `trace_id` is not `1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx`
 * - `InvalidSegment`   any other field has the wrong type or format
 * Messages name the field by its path, e.g. "missing required field `subsegments[1].start_time`".
 */
export type SegmentValidation =
  | { ok: true; docs: IngestDoc[] }
  | { ok: false; id?: string; code: SegmentErrorCode; message: string };

export type SegmentErrorCode =
  | 'JSONFormatError'
  | 'SegmentTooLarge'
  | 'MissingParameter'
  | 'InvalidTraceId'
  | 'InvalidSegment';

export const MAX_DOCUMENT_BYTES = 64 * 1024;
export const MAX_NAME_LENGTH = 200;
/** The schema's default limit for string fields (§3). */
export const MAX_STRING_LENGTH = 250;

type Json = Record<string, unknown>;
type Problem = { code: SegmentErrorCode; message: string };

export function validateSegmentDocument(raw: string): SegmentValidation {
  if (utf8Length(raw) > MAX_DOCUMENT_BYTES) {
    return fail(
      peekId(raw),
      'SegmentTooLarge',
      `document is larger than ${MAX_DOCUMENT_BYTES} bytes`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    return fail(
      peekId(raw),
      'JSONFormatError',
      `document is not valid JSON: ${(e as Error).message}`,
    );
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0) return fail(undefined, 'JSONFormatError', 'document is an empty array');
  for (let i = 0; i < list.length; i++) {
    const doc: unknown = list[i];
    const at = Array.isArray(parsed) ? `[${i}].` : '';
    if (!isObject(doc))
      return fail(undefined, 'JSONFormatError', `document ${at || ''}is not a JSON object`);
    const problem = checkTopLevel(doc, at);
    if (problem !== undefined) {
      return fail(typeof doc.id === 'string' ? doc.id : undefined, problem.code, problem.message);
    }
  }
  return { ok: true, docs: list as IngestDoc[] };
}

function fail(id: string | undefined, code: SegmentErrorCode, message: string): SegmentValidation {
  return id === undefined ? { ok: false, code, message } : { ok: false, id, code, message };
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Best-effort id of a document that cannot be parsed, for UnprocessedTraceSegments.Id. */
function peekId(raw: string): string | undefined {
  return /"id"\s*:\s*"([0-9a-fA-F]{16})"/.exec(raw.slice(0, 4096))?.[1];
}

/** UTF-8 byte length without TextEncoder (not in the DOM-free lib). */
export function utf8Length(s: string): number {
  if (s.length > MAX_DOCUMENT_BYTES) return s.length; // each UTF-16 unit is ≥ 1 byte: already too large
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const missing = (field: string): Problem => ({
  code: 'MissingParameter',
  message: `missing required field \`${field}\``,
});
const invalid = (field: string, expected: string): Problem => ({
  code: 'InvalidSegment',
  message: `invalid field \`${field}\`: expected ${expected}`,
});

function checkTopLevel(doc: Json, at: string): Problem | undefined {
  if (doc.trace_id === undefined) return missing(`${at}trace_id`);
  if (!isTraceId(doc.trace_id)) {
    return {
      code: 'InvalidTraceId',
      message: `invalid field \`${at}trace_id\`: expected 1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx`,
    };
  }
  if (doc.type !== undefined) {
    if (doc.type !== 'subsegment')
      return invalid(`${at}type`, '"subsegment" (or no type for a segment)');
    if (doc.parent_id === undefined) return missing(`${at}parent_id`);
  }
  if (doc.parent_id !== undefined && !isSegmentId(doc.parent_id))
    return invalid(`${at}parent_id`, '16 hexadecimal digits');
  for (const f of ['user', 'origin', 'resource_arn'] as const) {
    const p = checkString(doc, f, at, MAX_STRING_LENGTH);
    if (p !== undefined) return p;
  }
  for (const f of ['service'] as const) {
    if (doc[f] !== undefined && !isObject(doc[f])) return invalid(`${at}${f}`, 'an object');
  }
  if (doc.inferred !== undefined && typeof doc.inferred !== 'boolean')
    return invalid(`${at}inferred`, 'a boolean');
  return checkEntityTree(doc, at);
}

function checkString(doc: Json, field: string, at: string, max: number): Problem | undefined {
  const v = doc[field];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return invalid(`${at}${field}`, 'a string');
  if (v.length > max) return invalid(`${at}${field}`, `at most ${max} characters`);
  return undefined;
}

/** Checks `doc` and every embedded subsegment (iteratively: nesting depth is unbounded). */
function checkEntityTree(root: Json, rootAt: string): Problem | undefined {
  const stack: { doc: Json; at: string }[] = [{ doc: root, at: rootAt }];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    const problem = checkEntity(f.doc, f.at);
    if (problem !== undefined) return problem;
    const subs = f.doc.subsegments;
    if (subs === undefined) continue;
    if (!Array.isArray(subs)) return invalid(`${f.at}subsegments`, 'an array');
    for (let i = subs.length - 1; i >= 0; i--) {
      const s: unknown = subs[i];
      const at = `${f.at}subsegments[${i}].`;
      if (!isObject(s)) return invalid(at.slice(0, -1), 'an object');
      stack.push({ doc: s, at });
    }
  }
  return undefined;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function checkEntity(doc: Json, at: string): Problem | undefined {
  if (doc.name === undefined) return missing(`${at}name`);
  if (typeof doc.name !== 'string' || doc.name === '')
    return invalid(`${at}name`, 'a non-empty string');
  if (doc.name.length > MAX_NAME_LENGTH)
    return invalid(`${at}name`, `at most ${MAX_NAME_LENGTH} characters`);
  if (doc.id === undefined) return missing(`${at}id`);
  if (!isSegmentId(doc.id)) return invalid(`${at}id`, '16 hexadecimal digits');
  if (doc.start_time === undefined) return missing(`${at}start_time`);
  if (!isFiniteNumber(doc.start_time))
    return invalid(`${at}start_time`, 'a finite number of epoch seconds');
  if (doc.in_progress !== undefined && typeof doc.in_progress !== 'boolean') {
    return invalid(`${at}in_progress`, 'a boolean');
  }
  if (doc.end_time === undefined) {
    if (doc.in_progress !== true) return missing(`${at}end_time\` (or \`in_progress: true`);
  } else if (!isFiniteNumber(doc.end_time)) {
    return invalid(`${at}end_time`, 'a finite number of epoch seconds');
  }
  for (const f of ['error', 'throttle', 'fault'] as const) {
    if (doc[f] !== undefined && typeof doc[f] !== 'boolean')
      return invalid(`${at}${f}`, 'a boolean');
  }
  for (const f of ['aws', 'metadata', 'sql'] as const) {
    if (doc[f] !== undefined && !isObject(doc[f])) return invalid(`${at}${f}`, 'an object');
  }
  const ns = checkString(doc, 'namespace', at, MAX_STRING_LENGTH);
  if (ns !== undefined) return ns;
  return (
    checkHttp(doc.http, at) ??
    checkCause(doc.cause, at) ??
    checkAnnotations(doc.annotations, at) ??
    checkPrecursors(doc, at)
  );
}

function checkHttp(http: unknown, at: string): Problem | undefined {
  if (http === undefined) return undefined;
  if (!isObject(http)) return invalid(`${at}http`, 'an object');
  for (const part of ['request', 'response'] as const) {
    if (http[part] !== undefined && !isObject(http[part]))
      return invalid(`${at}http.${part}`, 'an object');
  }
  const status = isObject(http.response) ? http.response.status : undefined;
  if (status !== undefined && !(typeof status === 'number' && Number.isInteger(status))) {
    return invalid(`${at}http.response.status`, 'an integer');
  }
  return undefined;
}

function checkCause(cause: unknown, at: string): Problem | undefined {
  if (cause === undefined || typeof cause === 'string') return undefined;
  if (!isObject(cause)) return invalid(`${at}cause`, 'an exception id string or an object');
  const ex = cause.exceptions;
  if (ex === undefined) return undefined;
  if (!Array.isArray(ex)) return invalid(`${at}cause.exceptions`, 'an array');
  for (let i = 0; i < ex.length; i++) {
    if (!isObject(ex[i])) return invalid(`${at}cause.exceptions[${i}]`, 'an object');
  }
  return undefined;
}

function checkAnnotations(ann: unknown, at: string): Problem | undefined {
  if (ann === undefined) return undefined;
  if (!isObject(ann)) return invalid(`${at}annotations`, 'an object');
  for (const key in ann) {
    const v = ann[key];
    if (typeof v !== 'string' && typeof v !== 'boolean' && !isFiniteNumber(v)) {
      return invalid(`${at}annotations.${key}`, 'a string, number or boolean');
    }
  }
  return undefined;
}

function checkPrecursors(doc: Json, at: string): Problem | undefined {
  const p = doc.precursor_ids;
  if (p === undefined) return undefined;
  if (!Array.isArray(p) || !p.every(isSegmentId))
    return invalid(`${at}precursor_ids`, 'an array of 16-hex ids');
  return undefined;
}

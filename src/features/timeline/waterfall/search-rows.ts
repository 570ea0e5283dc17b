import type { SegmentDoc, SubsegmentDoc } from '../../../xray/types.ts';

/**
 * Search inside one trace: a case-insensitive substring over what an on-call engineer would type
 * — names, service, annotation keys and values, HTTP URL/method/status, AWS operation and
 * resource, SQL query and URL, exception types and messages. Metadata is not searched (it can be
 * huge and is rarely what you remember).
 */
export interface SearchableRow {
  service?: string;
  doc: SegmentDoc | SubsegmentDoc;
}

const SEP = '\u0001';

function push(out: string[], v: unknown): void {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
}

/** The text one row is searched in, lower-cased. */
export function rowHaystack(row: SearchableRow): string {
  const d = row.doc as SegmentDoc & SubsegmentDoc;
  const out: string[] = [];
  push(out, d.name);
  push(out, row.service);
  push(out, d.id);
  push(out, d.http?.request?.url);
  push(out, d.http?.request?.method);
  push(out, d.http?.response?.status);
  push(out, d.aws?.operation);
  push(out, d.aws?.table_name);
  push(out, d.aws?.queue_url);
  push(out, d.resource_arn);
  push(out, d.sql?.sanitized_query);
  push(out, d.sql?.url);
  push(out, d.user);
  if (d.annotations && typeof d.annotations === 'object') {
    for (const [k, v] of Object.entries(d.annotations)) {
      out.push(k);
      push(out, v);
    }
  }
  const cause = d.cause;
  if (cause && typeof cause === 'object' && Array.isArray(cause.exceptions)) {
    for (const e of cause.exceptions) {
      push(out, e?.type);
      push(out, e?.message);
    }
  }
  return out.join(SEP).toLowerCase();
}

/**
 * Indices of matching rows, in row order. `haystacks` is built once per trace (lazily, see
 * createSearchIndex) so typing costs one scan of strings, not a walk over documents.
 */
export function findMatches(haystacks: readonly string[], query: string): Int32Array {
  const q = query.trim().toLowerCase();
  if (q === '') return new Int32Array(0);
  const hits: number[] = [];
  for (let i = 0; i < haystacks.length; i++) if ((haystacks[i] as string).includes(q)) hits.push(i);
  return Int32Array.from(hits);
}

/** Haystacks for a whole trace, built on the first search only: opening a trace costs nothing. */
export function createSearchIndex(rows: readonly SearchableRow[]): () => readonly string[] {
  let cache: string[] | undefined;
  return () => {
    cache ??= rows.map(rowHaystack);
    return cache;
  };
}

/**
 * The match to move to from the current row: the next (or previous) match after the current row
 * in row order, wrapping around; the first match when nothing is selected.
 */
export function stepMatch(
  matches: Int32Array,
  current: number,
  direction: 1 | -1,
): number | undefined {
  if (matches.length === 0) return undefined;
  if (current < 0) return direction === 1 ? matches[0] : matches[matches.length - 1];
  // Binary search for the first match > current (or last < current).
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as number) <= current) lo = mid + 1;
    else hi = mid;
  }
  if (direction === 1) return lo < matches.length ? matches[lo] : matches[0];
  // lo = first index with match > current; the previous one < current is before any equal one.
  let j = lo - 1;
  if (j >= 0 && matches[j] === current) j--;
  return j >= 0 ? matches[j] : matches[matches.length - 1];
}

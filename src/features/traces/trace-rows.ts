import type { AnnotationValueUnion, TraceSummary } from '../../xray/types.ts';

export type TraceStatus = 'ok' | 'error' | 'throttle' | 'fault';
export type AnnotationLiteral = string | number | boolean;

/** One list row: the summary flattened to what the columns, sort and breakdowns read. */
export interface TraceRow {
  id: string;
  start: number | undefined;
  status: TraceStatus;
  partial: boolean;
  method: string | undefined;
  code: number | undefined;
  url: string | undefined;
  clientIp: string | undefined;
  responseTime: number | undefined;
  duration: number | undefined;
  users: string[];
  /** First value of each annotation key (a trace rarely has two). */
  annotations: Record<string, AnnotationLiteral>;
  summary: TraceSummary;
}

/** Fault outranks throttle outranks error: the worst thing that happened is what a person sees first. */
export function statusOf(s: TraceSummary): TraceStatus {
  if (s.HasFault) return 'fault';
  if (s.HasThrottle) return 'throttle';
  if (s.HasError) return 'error';
  return 'ok';
}

export function annotationLiteral(
  v: AnnotationValueUnion | undefined,
): AnnotationLiteral | undefined {
  if (!v) return undefined;
  return v.StringValue ?? v.NumberValue ?? v.BooleanValue;
}

export function toRow(s: TraceSummary): TraceRow {
  const annotations: Record<string, AnnotationLiteral> = {};
  for (const [key, values] of Object.entries(s.Annotations ?? {})) {
    const v = annotationLiteral(values[0]?.AnnotationValue);
    if (v !== undefined) annotations[key] = v;
  }
  return {
    id: s.Id ?? '',
    start: s.StartTime,
    status: statusOf(s),
    partial: s.IsPartial === true,
    method: s.Http?.HttpMethod,
    code: s.Http?.HttpStatus,
    url: s.Http?.HttpURL,
    clientIp: s.Http?.ClientIp,
    responseTime: s.ResponseTime,
    duration: s.Duration,
    users: (s.Users ?? []).map((u) => u.UserName).filter((u): u is string => !!u),
    annotations,
    summary: s,
  };
}

/**
 * Rows of every loaded page, de-duplicated by id (a trace updated between page fetches can
 * appear on two pages; the first, newest copy wins).
 */
export function rowsFromPages(
  pages: readonly { summaries: readonly TraceSummary[] }[],
): TraceRow[] {
  const seen = new Set<string>();
  const rows: TraceRow[] = [];
  for (const page of pages)
    for (const s of page.summaries) {
      if (!s.Id || seen.has(s.Id)) continue;
      seen.add(s.Id);
      rows.push(toRow(s));
    }
  return rows;
}

export const SORT_KEYS = [
  'time',
  'id',
  'status',
  'method',
  'code',
  'url',
  'responsetime',
  'duration',
  'client',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const STATUS_RANK: Record<TraceStatus, number> = { ok: 0, error: 1, throttle: 2, fault: 3 };

function sortValue(r: TraceRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'time':
      return r.start;
    case 'id':
      return r.id;
    case 'status':
      return STATUS_RANK[r.status];
    case 'method':
      return r.method;
    case 'code':
      return r.code;
    case 'url':
      return r.url;
    case 'responsetime':
      return r.responseTime;
    case 'duration':
      return r.duration;
    case 'client':
      return r.clientIp ?? r.users[0];
  }
}

/**
 * Sorted copy; missing values go last in either direction and ties keep arrival order (newest
 * first), so rows don't shuffle when a refresh brings equal values.
 */
export function sortRows(rows: readonly TraceRow[], key: SortKey, desc: boolean): TraceRow[] {
  const dir = desc ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i, v: sortValue(r, key) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) {
        if (a.v === b.v) return a.i - b.i;
        return a.v === undefined ? 1 : -1;
      }
      const c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
      return c === 0 ? a.i - b.i : c * dir;
    })
    .map((x) => x.r);
}

import { queryOptions } from '@tanstack/react-query';
import type {
  BatchGetTracesResult,
  EntityDoc,
  GetTraceGraphResult,
  SegmentDoc,
  Service,
  Trace,
} from '../xray/types.ts';
import { callXRay } from './client.ts';
import { xrayKeys } from './keys.ts';

/** BatchGetTraces rejects more than 5 ids per call (xray-api.md §4.2, Limits). */
export const BATCH_GET_TRACES_MAX_IDS = 5;

/** Raw BatchGetTraces for any number of ids: chunks of 5, each followed through NextToken. */
export async function batchGetTraces(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<{ traces: Trace[]; unprocessed: string[] }> {
  const traces: Trace[] = [];
  const unprocessed: string[] = [];
  for (let i = 0; i < ids.length; i += BATCH_GET_TRACES_MAX_IDS) {
    const chunk = ids.slice(i, i + BATCH_GET_TRACES_MAX_IDS);
    let token: string | undefined;
    do {
      const page: BatchGetTracesResult = await callXRay(
        'BatchGetTraces',
        token ? { TraceIds: chunk, NextToken: token } : { TraceIds: chunk },
        signal,
      );
      traces.push(...(page.Traces ?? []));
      unprocessed.push(...(page.UnprocessedTraceIds ?? []));
      token = page.NextToken ?? undefined;
    } while (token);
  }
  return { traces, unprocessed };
}

/** One trace as the console reads it: documents parsed once, right after the fetch. */
export interface LoadedTrace {
  id: string;
  /** Seconds, as the API reports it. */
  duration?: number;
  limitExceeded: boolean;
  /** Parsed segment documents (subsegments nested), in API order. */
  segments: SegmentDoc[];
  /** Documents whose JSON could not be parsed: counted and shown, never fatal. */
  unreadable: number;
  /** Some piece is still in progress: the trace may grow, so it is refetched. */
  partial: boolean;
}

function hasInProgress(doc: EntityDoc): boolean {
  const stack: EntityDoc[] = [doc];
  for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
    if (d.in_progress === true || typeof d.end_time !== 'number') return true;
    if (d.subsegments) for (const s of d.subsegments) stack.push(s);
  }
  return false;
}

/** The fields every view reads without checking: a piece without them cannot be shown. */
function isPiece(d: unknown): d is SegmentDoc {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
  const p = d as Record<string, unknown>;
  return typeof p.id === 'string' && typeof p.name === 'string' && typeof p.start_time === 'number';
}

/** Removes nested subsegments that are not pieces (freshly parsed, so ours to edit); counts them. */
function dropMalformedSubsegments(doc: EntityDoc): number {
  let dropped = 0;
  const stack: EntityDoc[] = [doc];
  for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
    const subs: unknown = d.subsegments;
    if (subs === undefined) continue;
    const list = Array.isArray(subs) ? subs : [];
    const kept = list.filter(isPiece);
    dropped += list.length - kept.length + (Array.isArray(subs) ? 0 : 1);
    if (kept.length !== list.length || !Array.isArray(subs)) d.subsegments = kept;
    stack.push(...kept);
  }
  return dropped;
}

/** Parses the API's double-encoded documents. Pages of one trace (NextToken) are merged by id. */
export function toLoadedTrace(id: string, parts: readonly Trace[]): LoadedTrace {
  const segments: SegmentDoc[] = [];
  // Only pages of one trace can repeat a segment; a single answer needs no de-duplication.
  const seen = parts.length > 1 ? new Set<string>() : undefined;
  let unreadable = 0;
  let partial = false;
  let duration: number | undefined;
  let limitExceeded = false;
  for (const t of parts) {
    duration = t.Duration ?? duration;
    limitExceeded ||= t.LimitExceeded === true;
    for (const s of t.Segments ?? []) {
      let doc: SegmentDoc;
      try {
        doc = JSON.parse(s.Document ?? '') as SegmentDoc;
      } catch {
        unreadable++;
        continue;
      }
      if (!isPiece(doc)) {
        unreadable++;
        continue;
      }
      unreadable += dropMalformedSubsegments(doc);
      if (seen) {
        if (seen.has(doc.id)) continue;
        seen.add(doc.id);
      }
      if (!partial && hasInProgress(doc)) partial = true;
      segments.push(doc);
    }
  }
  return { id, duration, limitExceeded, segments, unreadable, partial };
}

/** One trace by id, or null when X-Ray does not know it (expired or wrong id). */
export async function getTrace(id: string, signal?: AbortSignal): Promise<LoadedTrace | null> {
  const { traces } = await batchGetTraces([id], signal);
  const parts = traces.filter((t) => t.Id?.toLowerCase() === id.toLowerCase());
  if (parts.length === 0 || parts.every((t) => (t.Segments?.length ?? 0) === 0)) return null;
  return toLoadedTrace(id, parts);
}

/**
 * Keyed by the id alone: the trace opens whatever time range the URL carries. A complete trace
 * never changes, so it stays fresh for good; a partial one is polled until it completes.
 */
export const traceQuery = (id: string) =>
  queryOptions({
    queryKey: xrayKeys.traces([id]),
    queryFn: ({ signal }) => getTrace(id, signal),
    // A trace can hold 100k pieces: deep-comparing refetches of it would cost more than it saves.
    structuralSharing: false,
    staleTime: (q) => (q.state.data?.partial ? 5_000 : Number.POSITIVE_INFINITY),
    refetchInterval: (q) => (q.state.data?.partial ? 5_000 : false),
  });

/** GetTraceGraph for some traces, every page. */
export async function getTraceGraph(ids: readonly string[], signal?: AbortSignal) {
  const services: Service[] = [];
  let token: string | undefined;
  do {
    const page: GetTraceGraphResult = await callXRay(
      'GetTraceGraph',
      token ? { TraceIds: ids, NextToken: token } : { TraceIds: ids },
      signal,
    );
    services.push(...(page.Services ?? []));
    token = page.NextToken ?? undefined;
  } while (token);
  return services;
}

export const traceGraphQuery = (id: string) =>
  queryOptions({
    queryKey: xrayKeys.traceGraph([id]),
    queryFn: ({ signal }) => getTraceGraph([id], signal),
    staleTime: 60_000,
  });

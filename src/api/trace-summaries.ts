import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { resolveRange, type TimeRange } from '../lib/time-range.ts';
import type {
  EpochSeconds,
  GetTraceSummariesRequest,
  GetTraceSummariesResult,
  TraceSummary,
} from '../xray/types.ts';
import { callXRay } from './client.ts';
import { xrayKeys } from './keys.ts';
import {
  type ServiceGraphData,
  type ServiceGraphParams,
  serviceGraphQuery,
} from './service-graph.ts';

/**
 * What the trace list asks for. `filter` is the expression actually sent: GetTraceSummaries has
 * no group parameter (xray-api.md §4.1), so callers combine a group's filter with the box's.
 */
export interface SummariesParams {
  range: TimeRange;
  filter?: string;
}

/** One page of the list: possibly several API calls (see `MAX_CALLS_PER_PAGE`). */
export interface SummariesPage {
  summaries: TraceSummary[];
  /** TracesProcessedCount summed over the calls behind this page. */
  processed: number;
  /** The window, resolved once for the first page and carried to the next ones. */
  start: EpochSeconds;
  end: EpochSeconds;
  nextToken?: string;
  /** Oldest time this page reached (ApproximateTime), to say how far the scan got. */
  approximateTime?: EpochSeconds;
}

export type SummariesPageParam = { token: string; start: EpochSeconds; end: EpochSeconds } | null;

/**
 * A page may come back empty while NextToken is still set (the server stops after a scan
 * budget). Keep calling until something matches, the scan ends, or this many calls — the cap
 * keeps a filter that matches nothing in a huge window from scanning forever.
 */
export const MAX_CALLS_PER_PAGE = 10;

export async function getSummariesPage(
  params: SummariesParams,
  pageParam: SummariesPageParam,
  signal?: AbortSignal,
): Promise<SummariesPage> {
  const { start, end } = pageParam ?? resolveRange(params.range, Date.now());
  let token = pageParam?.token;
  const page: SummariesPage = { summaries: [], processed: 0, start, end };
  for (let call = 0; call < MAX_CALLS_PER_PAGE; call++) {
    const req: GetTraceSummariesRequest = { StartTime: start, EndTime: end };
    if (params.filter) req.FilterExpression = params.filter;
    if (token) req.NextToken = token;
    const res = await callXRay<GetTraceSummariesResult>('GetTraceSummaries', req, signal);
    page.summaries.push(...(res.TraceSummaries ?? []));
    page.processed += res.TracesProcessedCount ?? 0;
    if (res.ApproximateTime !== undefined) page.approximateTime = res.ApproximateTime;
    token = res.NextToken || undefined;
    if (page.summaries.length > 0 || !token) break;
  }
  if (token) page.nextToken = token;
  return page;
}

/**
 * The paged trace list. Keyed by the range itself (a relative range stays relative, so a
 * refetch looks at "the last hour" again) and the filter that is sent.
 */
export const traceSummariesQuery = (params: SummariesParams) =>
  infiniteQueryOptions({
    queryKey: xrayKeys.traceSummaries({ range: params.range, filter: params.filter ?? '' }),
    queryFn: ({ pageParam, signal }) => getSummariesPage(params, pageParam, signal),
    initialPageParam: null as SummariesPageParam,
    getNextPageParam: (last): SummariesPageParam =>
      last.nextToken ? { token: last.nextToken, start: last.start, end: last.end } : null,
    staleTime: 15_000,
  });

/** Every name of every service on a graph, sorted; for the filter box's completions. */
export function serviceNamesOf(graph: ServiceGraphData): string[] {
  const names = new Set<string>();
  for (const s of graph.services) for (const n of s.Names ?? [s.Name]) if (n) names.add(n);
  return [...names].sort();
}

/**
 * Service names on the map for a window (GetServiceGraph). Shares the map view's query and
 * cache, so the filter box after the map costs no request.
 */
export const serviceNamesQuery = (params: ServiceGraphParams) =>
  queryOptions({ ...serviceGraphQuery(params), select: serviceNamesOf });

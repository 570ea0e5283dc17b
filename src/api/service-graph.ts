import { queryOptions } from '@tanstack/react-query';
import { resolveRange, type TimeRange } from '../lib/time-range.ts';
import type {
  EpochSeconds,
  GetServiceGraphRequest,
  GetServiceGraphResult,
  GetTimeSeriesServiceStatisticsRequest,
  GetTimeSeriesServiceStatisticsResult,
  Service,
  TimeSeriesServiceStatistics,
} from '../xray/types.ts';
import { callXRay } from './client.ts';
import { xrayKeys } from './keys.ts';

/** The map's scope: the time range (relative stays relative) and the selected group. */
export interface ServiceGraphParams {
  range: TimeRange;
  group?: string;
}

/** A service graph and the window it was asked for (resolved once per fetch). */
export interface ServiceGraphData {
  services: Service[];
  start: EpochSeconds;
  end: EpochSeconds;
  containsOldGroupVersions: boolean;
}

/** GetServiceGraph over one window, following NextToken to the last page. */
export async function getServiceGraph(
  req: Omit<GetServiceGraphRequest, 'NextToken'>,
  signal?: AbortSignal,
): Promise<ServiceGraphData> {
  const services: Service[] = [];
  let token: string | undefined;
  let old = false;
  // Pages are few (the mock answers in one); the cap stops a server that keeps sending tokens.
  for (let page = 0; page < 50; page++) {
    const res = await callXRay<GetServiceGraphResult>(
      'GetServiceGraph',
      token ? { ...req, NextToken: token } : req,
      signal,
    );
    services.push(...(res.Services ?? []));
    old ||= res.ContainsOldGroupVersions === true;
    token = res.NextToken || undefined;
    if (!token) break;
  }
  return { services, start: req.StartTime, end: req.EndTime, containsOldGroupVersions: old };
}

/**
 * The service graph of a range and group. Keyed by the range itself, so a relative range is
 * re-resolved ("the last hour" from now) on every refetch.
 */
export const serviceGraphQuery = (params: ServiceGraphParams) =>
  queryOptions({
    queryKey: xrayKeys.serviceGraph({ range: params.range, group: params.group ?? '' }),
    queryFn: ({ signal }) => {
      const { start, end } = resolveRange(params.range, Date.now());
      return getServiceGraph(
        { StartTime: start, EndTime: end, ...(params.group ? { GroupName: params.group } : {}) },
        signal,
      );
    },
    staleTime: 10_000,
  });

export interface TimeSeriesParams {
  start: EpochSeconds;
  end: EpochSeconds;
  group?: string;
  /** `service(id(name: "…", type: "…"))` or `edge(id(…), id(…))`. */
  selector: string;
  /** Bucket length in seconds (a multiple of 60). */
  period: number;
}

/** GetTimeSeriesServiceStatistics for one entity, all pages. */
export async function getTimeSeries(
  p: TimeSeriesParams,
  signal?: AbortSignal,
): Promise<TimeSeriesServiceStatistics[]> {
  const req: GetTimeSeriesServiceStatisticsRequest = {
    StartTime: p.start,
    EndTime: p.end,
    EntitySelectorExpression: p.selector,
    Period: p.period,
    ...(p.group ? { GroupName: p.group } : {}),
  };
  const points: TimeSeriesServiceStatistics[] = [];
  let token: string | undefined;
  for (let page = 0; page < 50; page++) {
    const res = await callXRay<GetTimeSeriesServiceStatisticsResult>(
      'GetTimeSeriesServiceStatistics',
      token ? { ...req, NextToken: token } : req,
      signal,
    );
    points.push(...(res.TimeSeriesServiceStatistics ?? []));
    token = res.NextToken || undefined;
    if (!token) break;
  }
  return points;
}

/**
 * The time series of the selected node or edge over the graph's own window, so the panel's
 * numbers and chart describe the same minutes as the map.
 */
export const timeSeriesQuery = (p: TimeSeriesParams) =>
  queryOptions({
    queryKey: xrayKeys.timeSeries(p),
    queryFn: ({ signal }) => getTimeSeries(p, signal),
    staleTime: 30_000,
  });

/** A bucket length giving about 60 points (whole minutes, at least one). */
export function periodFor(windowSeconds: number): number {
  return Math.max(60, Math.round(windowSeconds / 60 / 60) * 60);
}

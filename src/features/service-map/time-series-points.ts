import { healthCounts } from '../../ui/service-graph/health.ts';
import type { TimeSeriesServiceStatistics } from '../../xray/types.ts';

/** One bucket of the panel's small chart: counts over `period` seconds from `t`. */
export interface SeriesPoint {
  /** Bucket start, epoch seconds. */
  t: number;
  requests: number;
  /** 4xx including throttles. */
  errors: number;
  faults: number;
}

/**
 * GetTimeSeriesServiceStatistics points → chart points, oldest first. A node's series reads
 * ServiceSummaryStatistics, an edge's EdgeSummaryStatistics; whichever is present is used.
 */
export function seriesPoints(stats: readonly TimeSeriesServiceStatistics[]): SeriesPoint[] {
  return stats
    .filter((s) => Number.isFinite(s.Timestamp))
    .map((s) => {
      const wire = s.ServiceSummaryStatistics ?? s.EdgeSummaryStatistics;
      const c = healthCounts(wire);
      return {
        t: s.Timestamp as number,
        requests: Math.max(c.total, wire?.TotalCount ?? 0),
        errors: c.error + c.throttle,
        faults: c.fault,
      };
    })
    .sort((a, b) => a.t - b.t);
}

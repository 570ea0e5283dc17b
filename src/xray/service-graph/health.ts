import type { ServiceStatistics } from '../types.ts';

/** Shares of a node's or edge's requests by class, for the map's health ring. */
export interface HealthFractions {
  ok: number;
  /** 4xx other than 429. */
  error: number;
  /** 429 only (X-Ray reports it inside ErrorStatistics; the map shows it apart). */
  throttle: number;
  /** 5xx. */
  fault: number;
}

/** Request counts per class, and their sum. */
export interface HealthCounts extends HealthFractions {
  total: number;
}

/**
 * Counts of ok / other-error / throttle / fault requests from wire statistics. Missing or
 * non-finite fields count as 0; the 4xx-other count falls back to `ErrorStatistics.TotalCount`
 * minus throttles when the split is missing.
 */
export function healthCounts(stats: ServiceStatistics | undefined): HealthCounts {
  const ok = nonNegative(stats?.OkCount);
  const throttle = nonNegative(stats?.ErrorStatistics?.ThrottleCount);
  const other = stats?.ErrorStatistics?.OtherCount;
  const error =
    other !== undefined
      ? nonNegative(other)
      : Math.max(0, nonNegative(stats?.ErrorStatistics?.TotalCount) - throttle);
  const fault = nonNegative(
    stats?.FaultStatistics?.TotalCount ?? stats?.FaultStatistics?.OtherCount,
  );
  return { ok, error, throttle, fault, total: ok + error + throttle + fault };
}

/**
 * Fractions of ok / other-error / throttle / fault requests. They sum to 1 whenever the
 * statistics hold any request; with no requests (or none of the counts set) every fraction is 0,
 * which the map draws as "no data" rather than as healthy.
 */
export function healthFractions(stats: ServiceStatistics | undefined): HealthFractions {
  const { ok, error, throttle, fault, total } = healthCounts(stats);
  if (total === 0) return { ok: 0, error: 0, throttle: 0, fault: 0 };
  return { ok: ok / total, error: error / total, throttle: throttle / total, fault: fault / total };
}

function nonNegative(n: number | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

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

/**
 * Fractions of ok / other-error / throttle / fault requests. They sum to 1 whenever the
 * statistics hold any request; with no requests (or none of the counts set) every fraction is 0,
 * which the map draws as "no data" rather than as healthy.
 */
export function healthFractions(stats: ServiceStatistics | undefined): HealthFractions {
  const ok = Math.max(0, stats?.OkCount ?? 0);
  const throttle = Math.max(0, stats?.ErrorStatistics?.ThrottleCount ?? 0);
  const errorTotal = stats?.ErrorStatistics?.TotalCount;
  const error = Math.max(
    0,
    stats?.ErrorStatistics?.OtherCount ?? (errorTotal === undefined ? 0 : errorTotal - throttle),
  );
  const fault = Math.max(
    0,
    stats?.FaultStatistics?.TotalCount ?? stats?.FaultStatistics?.OtherCount ?? 0,
  );
  const total = ok + error + throttle + fault;
  if (total === 0) return { ok: 0, error: 0, throttle: 0, fault: 0 };
  return { ok: ok / total, error: error / total, throttle: throttle / total, fault: fault / total };
}

import {
  healthFractions as domainFractions,
  type HealthCounts,
  type HealthFractions,
} from '../../xray/service-graph/health.ts';
import type { ServiceStatistics } from '../../xray/types.ts';

/**
 * The map's view of health: the domain's counts and shares of ok / error (4xx) / throttle (429)
 * / fault (5xx), plus the badge text and "no data" as undefined.
 */
export { healthCounts } from '../../xray/service-graph/health.ts';
export type { HealthCounts, HealthFractions };

export type HealthStatus = keyof HealthFractions;
export const HEALTH_STATUSES: readonly HealthStatus[] = ['ok', 'error', 'throttle', 'fault'];

/** The domain's shares; undefined when nothing completed in the window ("no data", not healthy). */
export function healthFractions(stats: ServiceStatistics | undefined): HealthFractions | undefined {
  const f = domainFractions(stats);
  return f.ok + f.error + f.throttle + f.fault > 0 ? f : undefined;
}

/**
 * The one-line health text shown beside a node and read by screen readers: the largest non-ok
 * share ("12% fault"; a tie goes to the more severe class), "healthy" when everything was ok,
 * "no requests" when nothing completed.
 */
export function healthBadge(f: HealthFractions | undefined): string {
  if (!f) return 'no requests';
  let worst: HealthStatus | undefined;
  for (const s of ['fault', 'throttle', 'error'] as const) {
    if (f[s] > 0 && (worst === undefined || f[s] > f[worst])) worst = s;
  }
  return worst ? `${percent(f[worst])} ${worst}` : 'healthy';
}

/** Whole percent, but never rounds a non-zero share down to "0%". */
export function percent(fraction: number): string {
  if (fraction > 0 && fraction < 0.01) return '<1%';
  if (fraction < 1 && fraction > 0.99) return '>99%';
  return `${Math.round(fraction * 100)}%`;
}

import { queryOptions } from '@tanstack/react-query';
import type { TimeRange } from '../lib/time-range.ts';
import { type HealthCounts, healthCounts } from '../xray/service-graph/health.ts';
import type { Service } from '../xray/types.ts';
import { type ServiceGraphData, serviceGraphQuery } from './service-graph.ts';

/** A group's requests in the window by class (ok / 4xx / 429 / 5xx) and in all. */
export type GroupTraffic = HealthCounts;

/**
 * A group's traffic over the window, read from its scoped service graph: the requests that
 * entered through its root services. Shares the map's query, so a group's map opens from cache.
 */
export const groupTrafficQuery = (groupName: string, range: TimeRange) =>
  queryOptions({
    ...serviceGraphQuery({ range, group: groupName }),
    select: (graph: ServiceGraphData) => sumRoots(graph.services),
  });

/** Requests that entered through the root services: the sum of their counts. */
export function sumRoots(services: readonly Service[]): GroupTraffic {
  const t: GroupTraffic = { total: 0, ok: 0, error: 0, throttle: 0, fault: 0 };
  for (const s of services) {
    if (!s.Root) continue;
    const c = healthCounts(s.SummaryStatistics);
    t.total += c.total;
    t.ok += c.ok;
    t.error += c.error;
    t.throttle += c.throttle;
    t.fault += c.fault;
  }
  return t;
}

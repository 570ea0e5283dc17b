import { queryOptions } from '@tanstack/react-query';
import { resolveRange, type TimeRange } from '../lib/time-range.ts';
import type { GetServiceGraphResult, ServiceStatistics } from '../xray/types.ts';
import { callXRay } from './client.ts';
import { xrayKeys } from './keys.ts';

export interface GroupTraffic {
  total: number;
  ok: number;
  error: number;
  throttle: number;
  fault: number;
}

/**
 * A group's traffic over the window, read from its scoped service graph: the requests that
 * entered through its root services (the edges out of the client node).
 */
export function groupTrafficQuery(groupName: string, range: TimeRange) {
  return queryOptions({
    queryKey: [...xrayKeys.serviceGraph({ group: groupName, range }), 'traffic'],
    queryFn: async ({ signal }): Promise<GroupTraffic> => {
      const { start, end } = resolveRange(range, Date.now());
      const graph = await callXRay<GetServiceGraphResult>(
        'GetServiceGraph',
        { StartTime: start, EndTime: end, GroupName: groupName },
        signal,
      );
      return sumRoots(graph);
    },
  });
}

export function sumRoots(graph: GetServiceGraphResult): GroupTraffic {
  const t: GroupTraffic = { total: 0, ok: 0, error: 0, throttle: 0, fault: 0 };
  for (const s of graph.Services ?? []) {
    if (!s.Root) continue;
    add(t, s.SummaryStatistics);
  }
  return t;
}

function add(t: GroupTraffic, s: ServiceStatistics | undefined): void {
  if (!s) return;
  const throttle = s.ErrorStatistics?.ThrottleCount ?? 0;
  t.total += s.TotalCount ?? 0;
  t.ok += s.OkCount ?? 0;
  t.throttle += throttle;
  t.error += (s.ErrorStatistics?.TotalCount ?? 0) - throttle;
  t.fault += s.FaultStatistics?.TotalCount ?? 0;
}

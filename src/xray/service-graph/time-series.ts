import type { ServiceId, TimeSeriesServiceStatistics } from '../types.ts';
import type { GraphBucket, NodeAgg } from './bucket.ts';
import {
  emptyStats,
  type Histogram,
  mergeHistogram,
  mergeStats,
  type StatsAgg,
  toHistogramEntries,
  toServiceStatistics,
} from './stats.ts';

/**
 * GetTimeSeriesServiceStatistics (xray-api.md §4.5) from the same buckets the graph uses.
 *
 * The selector is structural so that whoever parses `EntitySelectorExpression` (the filter module)
 * plugs in predicates over node ids:
 * - `service`: sum of the matching nodes → ServiceSummaryStatistics;
 * - `edge`: sum of edges from a matching node to a matching node → EdgeSummaryStatistics;
 * - `entry` (no selector): requests entering the system, i.e. the client → entry-service edges →
 *   EdgeSummaryStatistics (the API answers edge statistics when the selector is absent).
 * Every period of the window gets an entry (zeros where nothing happened) so charts need no gap
 * logic; a bucket counts in the period holding its start time.
 */
export type EntitySelector =
  | { kind: 'service'; match: (id: ServiceId) => boolean }
  | { kind: 'edge'; from: (id: ServiceId) => boolean; to: (id: ServiceId) => boolean }
  | { kind: 'entry' };

export interface TimedBucket {
  /** Epoch seconds the bucket starts at. */
  start: number;
  bucket: GraphBucket;
}

/** Upper bound on returned periods, whatever the caller asks for. */
export const MAX_PERIODS = 100_000;

/** The node's id as the wire shows it (no Type for untyped services), for selector predicates. */
function idOf(n: NodeAgg): ServiceId {
  const id: ServiceId = {
    Name: n.id.Name,
    Names: [n.id.Name],
    Type: n.client ? 'client' : n.id.Type,
  };
  if (n.id.AccountId !== undefined) id.AccountId = n.id.AccountId;
  return id;
}

export function timeSeriesStatistics(
  buckets: Iterable<TimedBucket>,
  selector: EntitySelector,
  window: { start: number; end: number; period: number },
): TimeSeriesServiceStatistics[] {
  const period = window.period > 0 ? window.period : 60;
  const count = Math.min(MAX_PERIODS, Math.max(0, Math.ceil((window.end - window.start) / period)));
  const slots: { stats: StatsAgg; hist: Histogram }[] = [];
  for (let i = 0; i < count; i++) slots.push({ stats: emptyStats(), hist: new Map() });

  for (const { start, bucket } of buckets) {
    const slot = slots[Math.floor((start - window.start) / period)];
    if (slot === undefined) continue;
    if (selector.kind === 'service') {
      for (const n of bucket.nodes.values()) {
        if (n.client || !selector.match(idOf(n))) continue;
        mergeStats(slot.stats, n.stats);
        mergeHistogram(slot.hist, n.responseTime);
      }
      continue;
    }
    for (const e of bucket.edges.values()) {
      const from = bucket.nodes.get(e.from);
      const to = bucket.nodes.get(e.to);
      if (from === undefined || to === undefined) continue;
      const hit =
        selector.kind === 'entry'
          ? from.client
          : !from.client && selector.from(idOf(from)) && selector.to(idOf(to));
      if (!hit) continue;
      mergeStats(slot.stats, e.stats);
      mergeHistogram(slot.hist, e.responseTime);
    }
  }

  return slots.map((slot, i) => {
    const entry: TimeSeriesServiceStatistics = {
      Timestamp: window.start + i * period,
      ResponseTimeHistogram: toHistogramEntries(slot.hist),
    };
    if (selector.kind === 'service')
      entry.ServiceSummaryStatistics = toServiceStatistics(slot.stats);
    else entry.EdgeSummaryStatistics = toServiceStatistics(slot.stats);
    return entry;
  });
}

import { GraphBucket } from '../../src/xray/service-graph/bucket.ts';
import { ServiceGraphAggregator } from '../../src/xray/service-graph/build.ts';
import {
  type EntitySelector,
  timeSeriesStatistics,
} from '../../src/xray/service-graph/time-series.ts';
import type { Service, TimeSeriesServiceStatistics } from '../../src/xray/types.ts';
import type { TracePredicate } from '../domain/filter.ts';
import type { TraceStore } from './trace-store.ts';

/** Which traces a graph covers: every trace, or those of one group (keyed by its filter). */
export interface GraphScope {
  key: string;
  predicate?: TracePredicate;
}

export const ALL_TRACES: GraphScope = { key: '*' };

interface Cached {
  version: number;
  bucket: GraphBucket;
  lastUsed: number;
}

const EMPTY = new GraphBucket();

/**
 * Service-graph aggregates (the domain's mergeable GraphBucket) per minute of trace start time.
 * A query merges the minutes of its window — whole minutes: the answer's StartTime/EndTime say
 * which window was used. A minute is rebuilt only when a trace keyed in it changed
 * (TraceStore.minuteVersion), so a 6-hour map over settled data merges 360 small aggregates.
 * Rebuilding, rather than remove-old/add-new per trace, needs no old facts kept around.
 */
export class GraphBuckets {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly store: TraceStore,
    private readonly maxBuckets = 100_000,
  ) {}

  /** The service graph of every whole minute overlapping [start, end). */
  graph(
    start: number,
    end: number,
    scope: GraphScope,
  ): { services: Service[]; start: number; end: number } {
    const from = Math.floor(start / 60);
    const to = Math.max(from + 1, Math.ceil(end / 60));
    const agg = new ServiceGraphAggregator();
    for (let m = from; m < to; m++) {
      const b = this.minute(m, scope);
      if (b.traceCount > 0) agg.merge(b);
    }
    const window = { start: from * 60, end: to * 60 };
    return { services: agg.result(window), ...window };
  }

  /** GetTimeSeriesServiceStatistics over the minute aggregates; periods are whole minutes. */
  timeSeries(
    start: number,
    end: number,
    period: number,
    selector: EntitySelector,
    scope: GraphScope,
  ): TimeSeriesServiceStatistics[] {
    const first = Math.floor(start / period) * period;
    const buckets = [];
    for (let m = first / 60; m < Math.ceil(end / 60); m++)
      buckets.push({ start: m * 60, bucket: this.minute(m, scope) });
    return timeSeriesStatistics(buckets, selector, {
      start: first,
      end: Math.max(end, first + period),
      period,
    });
  }

  /** One minute's aggregate for a scope, rebuilt if any trace in it changed since last time. */
  minute(m: number, scope: GraphScope): GraphBucket {
    const key = `${scope.key}|${m}`;
    const version = this.store.minuteVersion(m);
    const hit = this.cache.get(key);
    if (hit && hit.version === version) {
      hit.lastUsed = Date.now();
      return hit.bucket;
    }
    if (version === 0) return EMPTY; // nothing ever stored in this minute
    const bucket = new GraphBucket();
    for (const rec of this.store.range(m * 60, m * 60 + 59)) {
      const f = this.store.factsOf(rec);
      if (f && (!scope.predicate || scope.predicate(f))) bucket.add(f);
    }
    this.cache.set(key, { version, bucket, lastUsed: Date.now() });
    if (this.cache.size > this.maxBuckets) this.evictColdest();
    return bucket;
  }

  /** True if this minute's aggregate for the scope is current. */
  isFresh(m: number, scope: GraphScope): boolean {
    const version = this.store.minuteVersion(m);
    return version === 0 || this.cache.get(`${scope.key}|${m}`)?.version === version;
  }

  /**
   * Rebuilds stale minutes of [fromMinute, toMinute), newest first, for at most `budgetMs`, so
   * queries find settled minutes ready. Returns how many minutes are still stale.
   */
  warm(fromMinute: number, toMinute: number, scope: GraphScope, budgetMs: number): number {
    const until = performance.now() + budgetMs;
    let stale = 0;
    for (let m = toMinute - 1; m >= fromMinute; m--) {
      if (this.isFresh(m, scope)) continue;
      if (performance.now() < until) this.minute(m, scope);
      else stale++;
    }
    return stale;
  }

  private evictColdest(): void {
    const entries = [...this.cache.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [key] of entries.slice(0, Math.ceil(entries.length / 10))) this.cache.delete(key);
  }
}

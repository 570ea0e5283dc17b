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

/** One minute: the store version it was built at and one aggregate per scope. */
interface Minute {
  version: number;
  byScope: Map<string, GraphBucket>;
}

const EMPTY = new GraphBucket();

/**
 * Service-graph aggregates (the domain's mergeable GraphBucket) per minute of trace start time.
 * A query merges the minutes of its window — whole minutes: the answer's StartTime/EndTime say
 * which window was used. A minute is rebuilt only when a trace keyed in it changed
 * (TraceStore.minuteVersion), so a 6-hour map over settled data merges 360 small aggregates.
 *
 * Deriving a trace's facts is the expensive step, so a rebuild derives each trace once and feeds
 * every known scope (all traces + each group) in the same pass; `scopes` says which are known.
 */
export class GraphBuckets {
  private readonly minutes = new Map<number, Minute>();

  constructor(
    private readonly store: TraceStore,
    private readonly scopes: () => GraphScope[] = () => [ALL_TRACES],
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
    for (let m = first / 60; m < Math.ceil(end / 60); m++) {
      buckets.push({ start: m * 60, bucket: this.minute(m, scope) });
    }
    return timeSeriesStatistics(buckets, selector, {
      start: first,
      end: Math.max(end, first + period),
      period,
    });
  }

  /** One minute's aggregate for a scope, rebuilt if any trace in it changed since last time. */
  minute(m: number, scope: GraphScope): GraphBucket {
    const version = this.store.minuteVersion(m);
    if (version === 0) return EMPTY; // nothing was ever stored in this minute
    const entry = this.minutes.get(m);
    const hit = entry?.version === version ? entry.byScope.get(scope.key) : undefined;
    return hit ?? this.build(m, version, scope);
  }

  /** True if this minute's aggregates are current for every known scope. */
  isFresh(m: number): boolean {
    const version = this.store.minuteVersion(m);
    if (version === 0) return true;
    const entry = this.minutes.get(m);
    return entry?.version === version && this.scopes().every((s) => entry.byScope.has(s.key));
  }

  /**
   * Rebuilds stale minutes of [fromMinute, toMinute), newest first, for at most `budgetMs`, so
   * queries find settled minutes ready. Returns how many minutes are still stale.
   */
  warm(fromMinute: number, toMinute: number, budgetMs: number): number {
    const until = performance.now() + budgetMs;
    let stale = 0;
    for (let m = toMinute - 1; m >= fromMinute; m--) {
      if (this.isFresh(m)) continue;
      if (performance.now() < until) this.build(m, this.store.minuteVersion(m), ALL_TRACES);
      else stale++;
    }
    return stale;
  }

  /** Forgets minutes before `minute` (their traces were evicted). */
  dropBefore(minute: number): void {
    for (const m of this.minutes.keys()) if (m < minute) this.minutes.delete(m);
  }

  private build(m: number, version: number, wanted: GraphScope): GraphBucket {
    let entry = this.minutes.get(m);
    if (!entry || entry.version !== version) {
      entry = { version, byScope: new Map() };
      this.minutes.set(m, entry);
    }
    const missing = new Map<string, GraphScope>();
    for (const s of [wanted, ...this.scopes()])
      if (!entry.byScope.has(s.key)) missing.set(s.key, s);
    const fresh = [...missing.values()].map((scope) => ({ scope, bucket: new GraphBucket() }));
    for (const rec of this.store.range(m * 60, m * 60 + 59)) {
      const f = this.store.factsOf(rec);
      if (!f) continue;
      for (const { scope, bucket } of fresh)
        if (!scope.predicate || scope.predicate(f)) bucket.add(f);
    }
    for (const { scope, bucket } of fresh) entry.byScope.set(scope.key, bucket);
    return entry.byScope.get(wanted.key) as GraphBucket;
  }
}

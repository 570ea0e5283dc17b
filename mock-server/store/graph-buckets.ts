import { GraphBucket } from '../../src/xray/service-graph/bucket.ts';
import { ServiceGraphAggregator } from '../../src/xray/service-graph/build.ts';
import {
  type EntitySelector,
  timeSeriesStatistics,
} from '../../src/xray/service-graph/time-series.ts';
import type { TraceFacts } from '../../src/xray/trace/facts.ts';
import type { Service, TimeSeriesServiceStatistics } from '../../src/xray/types.ts';
import type { TracePredicate } from '../domain/filter.ts';
import type { TraceRecord } from './trace-record.ts';
import type { TraceStore } from './trace-store.ts';

/** Which traces a graph covers: every trace, or those of one group (keyed by its filter). */
export interface GraphScope {
  key: string;
  predicate?: TracePredicate;
}

export const ALL_TRACES: GraphScope = { key: '*' };

/** A minute's aggregates, one per scope, and what it takes to keep them current. */
interface Minute {
  byScope: Map<string, GraphBucket>;
  /**
   * The facts each trace was added with, kept while the minute is young so that a changed trace
   * can be taken out (GraphBucket.remove) and put back; null once dropped to save memory — a
   * change after that means a rebuild.
   */
  members: Map<TraceRecord, TraceFacts | null> | null;
  /** Traces changed since they were aggregated. */
  dirty: Set<TraceRecord>;
}

/** A rebuild in progress: done in slices so a big minute never blocks the event loop for long. */
interface Build {
  records: TraceRecord[];
  next: number;
  scopes: GraphScope[];
  entry: Minute;
}

/** Minutes with more traces than this don't keep per-trace facts (memory); changes rebuild them. */
const MAX_MEMBERS = 20_000;
/**
 * Only minutes this recent (by trace time) keep per-trace facts: that is where late documents
 * of a trace arrive. An older minute that still changes is rebuilt instead.
 */
const YOUNG_SEC = 180;
const isYoung = (m: number) => m * 60 >= Date.now() / 1000 - YOUNG_SEC;
/** A minute counts as settled this long after its last change. */
const SETTLE_MS = 5_000;
/** How long one slice of graph work may hold the event loop. */
const SLICE_MS = 20;
/** Longest a query spends catching one ever-changing minute up (see settle). */
const CATCH_UP_MS = 1_000;

const EMPTY = new GraphBucket();
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Service-graph aggregates (the domain's mergeable GraphBucket) per minute of trace start time.
 * A query merges the minutes of its window — whole minutes: the answer's StartTime/EndTime say
 * which window was used — so a 6-hour map over settled data merges 360 small aggregates.
 *
 * Deriving a trace's facts is the expensive step. So: each trace is derived once per revision
 * and fed to every known scope (all traces + each group) in the same pass; new and changed
 * traces of a young minute are applied incrementally (remove old facts, add new); a background
 * warmer builds settled minutes; and all of it runs in slices of ≤ SLICE_MS between which other
 * requests are served. Answers are exact: a query finishes the pending work of its minutes first.
 */
export class GraphBuckets {
  private readonly minutes = new Map<number, Minute>();
  private readonly builds = new Map<number, Build>();
  private readonly changedAt = new Map<number, number>();

  constructor(
    private readonly store: TraceStore,
    private readonly scopes: () => GraphScope[] = () => [ALL_TRACES],
  ) {
    store.onChange = (rec) => this.touch(rec);
  }

  /** The service graph of every whole minute overlapping [start, end). */
  async graph(
    start: number,
    end: number,
    scope: GraphScope,
  ): Promise<{ services: Service[]; start: number; end: number }> {
    const from = Math.floor(start / 60);
    const to = Math.max(from + 1, Math.ceil(end / 60));
    await this.settle(from, to, scope);
    const agg = new ServiceGraphAggregator();
    for (let m = from; m < to; m++) {
      const b = this.bucket(m, scope);
      if (b.traceCount > 0) agg.merge(b);
    }
    const window = { start: from * 60, end: to * 60 };
    return { services: agg.result(window), ...window };
  }

  /** GetTimeSeriesServiceStatistics over the minute aggregates; periods are whole minutes. */
  async timeSeries(
    start: number,
    end: number,
    period: number,
    selector: EntitySelector,
    scope: GraphScope,
  ): Promise<TimeSeriesServiceStatistics[]> {
    const first = Math.floor(start / period) * period;
    const last = Math.ceil(end / 60);
    await this.settle(first / 60, last, scope);
    const buckets = [];
    for (let m = first / 60; m < last; m++)
      buckets.push({ start: m * 60, bucket: this.bucket(m, scope) });
    return timeSeriesStatistics(buckets, selector, {
      start: first,
      end: Math.max(end, first + period),
      period,
    });
  }

  /**
   * Background upkeep for [fromMinute, toMinute): builds or refreshes settled minutes (newest
   * first) and lets old minutes drop their per-trace facts, for at most `budgetMs`.
   * Returns how many minutes still have pending work.
   */
  warm(fromMinute: number, toMinute: number, budgetMs: number): number {
    const deadline = performance.now() + budgetMs;
    const now = Date.now();
    let pending = 0;
    for (let m = toMinute - 1; m >= fromMinute; m--) {
      const changed = this.changedAt.get(m) ?? 0;
      const entry = this.minutes.get(m);
      if (entry?.members && !isYoung(m) && entry.dirty.size === 0) entry.members = null;
      if (now - changed < SETTLE_MS || this.isCurrent(m, this.scopes())) continue;
      if (performance.now() >= deadline || !this.step(m, ALL_TRACES, deadline)) pending++;
    }
    return pending;
  }

  /** Brings minutes [fromMinute, toMinute) up to date now, without slicing (demo back-fill). */
  buildNow(fromMinute: number, toMinute: number): void {
    for (let m = fromMinute; m < toMinute; m++) {
      while (!this.step(m, ALL_TRACES, Number.POSITIVE_INFINITY)) {
        // a step without deadline only stops early when a young minute lost its members
      }
    }
  }

  /** Forgets minutes before `minute` (their traces were evicted). */
  dropBefore(minute: number): void {
    for (const m of this.minutes.keys()) if (m < minute) this.minutes.delete(m);
    for (const m of this.builds.keys()) if (m < minute) this.builds.delete(m);
    for (const m of this.changedAt.keys()) if (m < minute) this.changedAt.delete(m);
  }

  private touch(rec: TraceRecord): void {
    const m = Math.floor(rec.key / 60);
    this.changedAt.set(m, Date.now());
    this.minutes.get(m)?.dirty.add(rec);
    this.builds.get(m)?.entry.dirty.add(rec);
  }

  /**
   * Finishes the pending work of minutes [from, to) for `scope`, yielding between slices. A minute
   * that has been built once but keeps changing faster than it can be caught up with (a flood
   * into one minute) is answered as of its last build after CATCH_UP_MS, so a query always ends.
   */
  private async settle(from: number, to: number, scope: GraphScope): Promise<void> {
    let deadline = performance.now() + SLICE_MS;
    for (let m = from; m < to; m++) {
      const started = performance.now();
      while (!this.step(m, scope, deadline)) {
        const built = this.minutes.get(m)?.byScope.has(scope.key);
        if (built && performance.now() - started > CATCH_UP_MS) break;
        await yieldToLoop();
        deadline = performance.now() + SLICE_MS;
      }
    }
  }

  private bucket(m: number, scope: GraphScope): GraphBucket {
    return this.minutes.get(m)?.byScope.get(scope.key) ?? EMPTY;
  }

  private isCurrent(m: number, scopes: readonly GraphScope[]): boolean {
    if (this.store.minuteVersion(m) === 0) return true;
    const entry = this.minutes.get(m);
    return !!entry && entry.dirty.size === 0 && scopes.every((s) => entry.byScope.has(s.key));
  }

  /** Does work on minute `m` until it is current for `scope` (true) or `deadline` passes (false). */
  private step(m: number, scope: GraphScope, deadline: number): boolean {
    if (this.isCurrent(m, [scope])) return true;
    const entry = this.minutes.get(m);
    if (!this.builds.has(m) && entry?.members && entry.byScope.has(scope.key)) {
      return this.refresh(entry, deadline);
    }
    return this.build(m, scope, deadline);
  }

  /** Applies changed traces to a young minute: remove the facts they were added with, add new. */
  private refresh(entry: Minute, deadline: number): boolean {
    const scopes = [...entry.byScope.keys()].map((k) => this.scopeByKey(k));
    const members = entry.members as Map<TraceRecord, TraceFacts | null>;
    let n = 0;
    for (const rec of entry.dirty) {
      if ((++n & 63) === 0 && performance.now() > deadline) return false;
      entry.dirty.delete(rec);
      const old = members.get(rec);
      const alive = this.store.get(rec.id) === rec;
      const facts = alive ? this.store.factsOf(rec, false) : null;
      for (const s of scopes) {
        if (!s) continue;
        const b = entry.byScope.get(s.key) as GraphBucket;
        if (old && (!s.predicate || s.predicate(old))) b.remove(old);
        if (facts && (!s.predicate || s.predicate(facts))) b.add(facts);
      }
      if (alive) members.set(rec, facts);
      else members.delete(rec);
      if (members.size > MAX_MEMBERS) entry.members = null;
      if (!entry.members) return entry.dirty.size === 0;
    }
    return true;
  }

  /** (Re)builds every known scope of a minute from its traces, resumably. */
  private build(m: number, scope: GraphScope, deadline: number): boolean {
    let job = this.builds.get(m);
    if (!job) {
      const scopes = new Map<string, GraphScope>();
      for (const s of [scope, ...this.scopes()]) scopes.set(s.key, s);
      const records = [...this.store.range(m * 60, m * 60 + 59)];
      job = {
        records,
        next: 0,
        scopes: [...scopes.values()],
        entry: {
          byScope: new Map([...scopes.keys()].map((k) => [k, new GraphBucket()])),
          members: records.length <= MAX_MEMBERS && isYoung(m) ? new Map() : null,
          dirty: new Set(),
        },
      };
      this.builds.set(m, job);
    }
    const { entry } = job;
    while (job.next < job.records.length) {
      if ((job.next & 63) === 63 && performance.now() > deadline) return false;
      const rec = job.records[job.next++] as TraceRecord;
      const facts = this.store.factsOf(rec, false);
      if (facts) {
        for (const s of job.scopes)
          if (!s.predicate || s.predicate(facts)) entry.byScope.get(s.key)?.add(facts);
      }
      entry.members?.set(rec, facts);
    }
    this.builds.delete(m);
    // Traces that changed while this build ran are in entry.dirty: with members the next step
    // refreshes them, without they need another build (until then this one answers).
    this.minutes.set(m, entry);
    return entry.dirty.size === 0 && entry.byScope.has(scope.key);
  }

  private scopeByKey(key: string): GraphScope | undefined {
    return key === ALL_TRACES.key ? ALL_TRACES : this.scopes().find((s) => s.key === key);
  }
}

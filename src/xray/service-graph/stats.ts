import type { CallFacts } from '../trace/facts.ts';
import type { HistogramEntry, ServiceStatistics } from '../types.ts';

/**
 * Mergeable counters behind ServiceStatistics / EdgeStatistics, and the histograms behind
 * DurationHistogram / ResponseTimeHistogram.
 *
 * Every completed call lands in exactly one class, worst first: fault (5xx) > throttle (429) >
 * other error (4xx) > ok; so OkCount + ErrorStatistics.TotalCount + FaultStatistics.TotalCount =
 * TotalCount. Calls still in progress are not counted (TotalCount = completed requests).
 *
 * Histogram bins: values rounded to two significant digits (0.012 s, 0.25 s, 1.3 s, 42 s): ~90
 * bins per decade, fine enough for latency charts, bounded enough to merge hundreds of buckets.
 * Bins are kept as integer keys so merging never compares floats.
 */
export interface StatsAgg {
  ok: number;
  errorOther: number;
  throttle: number;
  fault: number;
  total: number;
  responseTime: number;
}

export function emptyStats(): StatsAgg {
  return { ok: 0, errorOther: 0, throttle: 0, fault: 0, total: 0, responseTime: 0 };
}

/** Adds (sign 1) or removes (sign -1) one call. Returns false for calls that are not counted. */
export function addCall(s: StatsAgg, call: CallFacts, sign: 1 | -1): boolean {
  if (call.inProgress) return false;
  if (call.fault) s.fault += sign;
  else if (call.throttle) s.throttle += sign;
  else if (call.error) s.errorOther += sign;
  else s.ok += sign;
  s.total += sign;
  s.responseTime += sign * call.responseTime;
  return true;
}

export function mergeStats(into: StatsAgg, from: StatsAgg): void {
  into.ok += from.ok;
  into.errorOther += from.errorOther;
  into.throttle += from.throttle;
  into.fault += from.fault;
  into.total += from.total;
  into.responseTime += from.responseTime;
}

export function toServiceStatistics(s: StatsAgg): ServiceStatistics {
  return {
    OkCount: s.ok,
    ErrorStatistics: {
      ThrottleCount: s.throttle,
      OtherCount: s.errorOther,
      TotalCount: s.throttle + s.errorOther,
    },
    FaultStatistics: { OtherCount: s.fault, TotalCount: s.fault },
    TotalCount: s.total,
    // Sums of many float seconds drift in the last digits; microseconds are plenty.
    TotalResponseTime: Math.round(s.responseTime * 1e6) / 1e6,
  };
}

/** Bin key → count. */
export type Histogram = Map<number, number>;

const EXP_OFFSET = 40;

/** Integer key of the two-significant-digit bin holding `seconds` (0 for 0 and below). */
export function binKey(seconds: number): number {
  if (!(seconds > 0) || !Number.isFinite(seconds)) return 0;
  let e = Math.floor(Math.log10(seconds));
  // The relative nudge makes halves like 0.285 (28.4999… after division) round up, as written.
  let m = Math.round((seconds / 10 ** (e - 1)) * (1 + 1e-12));
  if (m >= 100) {
    m = 10;
    e += 1;
  } else if (m < 10) {
    // log10 rounding just below a power of ten.
    m = Math.round((seconds / 10 ** (e - 2)) * (1 + 1e-12));
    e -= 1;
  }
  return (e + EXP_OFFSET) * 100 + m;
}

/** Seconds a bin key stands for. */
export function binValue(key: number): number {
  if (key === 0) return 0;
  const e = Math.floor(key / 100) - EXP_OFFSET;
  const m = key % 100;
  return Number((m * 10 ** (e - 1)).toPrecision(2));
}

export function addToHistogram(h: Histogram, seconds: number, sign: 1 | -1): void {
  const key = binKey(seconds);
  const next = (h.get(key) ?? 0) + sign;
  if (next > 0) h.set(key, next);
  else h.delete(key);
}

export function mergeHistogram(into: Histogram, from: Histogram): void {
  for (const [k, c] of from) into.set(k, (into.get(k) ?? 0) + c);
}

export function toHistogramEntries(h: Histogram): HistogramEntry[] {
  return [...h.keys()]
    .sort((a, b) => a - b)
    .map((k) => ({ Value: binValue(k), Count: h.get(k) as number }));
}

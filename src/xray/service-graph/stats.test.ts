import { describe, expect, it } from 'vitest';
import type { CallFacts } from '../trace/facts.ts';
import {
  addCall,
  addToHistogram,
  binKey,
  binValue,
  emptyStats,
  type Histogram,
  toHistogramEntries,
  toServiceStatistics,
} from './stats.ts';

const call = (o: Partial<CallFacts>): CallFacts => ({
  entityId: 'x',
  responseTime: 0.1,
  duration: 0.1,
  inProgress: false,
  ok: true,
  error: false,
  throttle: false,
  fault: false,
  ...o,
});

describe('histogram bins', () => {
  it('round to two significant digits', () => {
    const cases: [number, number][] = [
      [0.0123, 0.012],
      [0.285, 0.29],
      [0.125, 0.13],
      [0.3, 0.3],
      [0.301, 0.3],
      [0.99, 0.99],
      [0.996, 1],
      [1, 1],
      [9.96, 10],
      [13.02, 13],
      [1234, 1200],
      [0.000042, 0.000042],
      [0, 0],
      [-1, 0],
    ];
    for (const [v, bin] of cases) expect([v, binValue(binKey(v))]).toEqual([v, bin]);
  });
  it('are monotonic in the value', () => {
    let prev = -1;
    for (let v = 0.0001; v < 100; v *= 1.013) {
      const k = binKey(v);
      expect(k).toBeGreaterThanOrEqual(prev);
      prev = k;
    }
  });
  it('count, uncount and list sorted by value', () => {
    const h: Histogram = new Map();
    for (const v of [0.5, 0.012, 0.5, 3]) addToHistogram(h, v, 1);
    addToHistogram(h, 3, -1);
    expect(toHistogramEntries(h)).toEqual([
      { Value: 0.012, Count: 1 },
      { Value: 0.5, Count: 2 },
    ]);
  });
});

describe('request classes', () => {
  it('put each completed call in exactly one class, worst first, and skip in-progress calls', () => {
    const s = emptyStats();
    addCall(s, call({}), 1);
    addCall(s, call({ ok: false, error: true }), 1);
    addCall(s, call({ ok: false, error: true, throttle: true }), 1);
    addCall(s, call({ ok: false, error: true, throttle: true, fault: true }), 1);
    expect(addCall(s, call({ inProgress: true, ok: false }), 1)).toBe(false);
    expect(toServiceStatistics(s)).toEqual({
      OkCount: 1,
      ErrorStatistics: { ThrottleCount: 1, OtherCount: 1, TotalCount: 2 },
      FaultStatistics: { OtherCount: 1, TotalCount: 1 },
      TotalCount: 4,
      TotalResponseTime: 0.4,
    });
  });
});

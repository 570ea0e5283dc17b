import { describe, expect, it } from 'vitest';
import { healthCounts, healthFractions } from './health.ts';

describe('healthFractions', () => {
  it('splits requests into ok / other error / throttle / fault summing to 1', () => {
    const h = healthFractions({
      OkCount: 6,
      ErrorStatistics: { ThrottleCount: 1, OtherCount: 2, TotalCount: 3 },
      FaultStatistics: { OtherCount: 1, TotalCount: 1 },
      TotalCount: 10,
    });
    expect(h).toEqual({ ok: 0.6, error: 0.2, throttle: 0.1, fault: 0.1 });
    expect(h.ok + h.error + h.throttle + h.fault).toBeCloseTo(1, 12);
  });
  it('derives other errors from TotalCount − ThrottleCount when OtherCount is missing', () => {
    expect(
      healthFractions({ OkCount: 1, ErrorStatistics: { ThrottleCount: 1, TotalCount: 3 } }),
    ).toEqual({
      ok: 0.25,
      error: 0.5,
      throttle: 0.25,
      fault: 0,
    });
  });
  it('is all zero (no data) without requests', () => {
    expect(healthFractions({ OkCount: 0, TotalCount: 0 })).toEqual({
      ok: 0,
      error: 0,
      throttle: 0,
      fault: 0,
    });
    expect(healthFractions(undefined)).toEqual({ ok: 0, error: 0, throttle: 0, fault: 0 });
  });
});

describe('healthCounts', () => {
  it('splits 4xx into throttles and others, falls back to TotalCount, and ignores junk', () => {
    expect(
      healthCounts({
        OkCount: 7,
        ErrorStatistics: { ThrottleCount: 2, TotalCount: 5 },
        FaultStatistics: { TotalCount: 1 },
      }),
    ).toEqual({ ok: 7, error: 3, throttle: 2, fault: 1, total: 13 });
    expect(healthCounts({ OkCount: Number.NaN, ErrorStatistics: { OtherCount: -4 } })).toEqual({
      ok: 0,
      error: 0,
      throttle: 0,
      fault: 0,
      total: 0,
    });
  });
});

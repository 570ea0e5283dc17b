import { describe, expect, it } from 'vitest';
import { healthBadge, healthCounts, healthFractions, percent } from './health.ts';

describe('healthFractions', () => {
  it('splits requests into ok / error (4xx) / throttle (429) / fault (5xx)', () => {
    const f = healthFractions({
      OkCount: 80,
      ErrorStatistics: { ThrottleCount: 5, OtherCount: 5, TotalCount: 10 },
      FaultStatistics: { OtherCount: 10, TotalCount: 10 },
      TotalCount: 100,
      TotalResponseTime: 12,
    });
    expect(f).toEqual({ ok: 0.8, error: 0.05, throttle: 0.05, fault: 0.1 });
  });

  it('adds up to 1 even when TotalCount disagrees with the classes', () => {
    const f = healthFractions({
      OkCount: 3,
      FaultStatistics: { TotalCount: 1 },
      TotalCount: 10,
    })!;
    expect(f.ok + f.error + f.throttle + f.fault).toBeCloseTo(1);
    expect(f.fault).toBe(0.25);
  });

  it('derives the 4xx share from TotalCount when OtherCount is missing', () => {
    expect(
      healthCounts({ OkCount: 1, ErrorStatistics: { ThrottleCount: 1, TotalCount: 3 } }),
    ).toEqual({ ok: 1, error: 2, throttle: 1, fault: 0, total: 4 });
  });

  it('is undefined without completed requests (client nodes, idle services)', () => {
    expect(healthFractions(undefined)).toBeUndefined();
    expect(healthFractions({ TotalCount: 0 })).toBeUndefined();
  });

  it('ignores negative and non-finite counts from hostile data', () => {
    expect(healthCounts({ OkCount: -5, FaultStatistics: { TotalCount: Number.NaN } }).total).toBe(
      0,
    );
  });
});

describe('healthBadge', () => {
  it('names the largest non-ok share', () => {
    expect(healthBadge({ ok: 0.85, error: 0.02, throttle: 0.01, fault: 0.12 })).toBe('12% fault');
    expect(healthBadge({ ok: 0.7, error: 0.05, throttle: 0.25, fault: 0 })).toBe('25% throttle');
  });
  it('says healthy or no requests', () => {
    expect(healthBadge({ ok: 1, error: 0, throttle: 0, fault: 0 })).toBe('healthy');
    expect(healthBadge(undefined)).toBe('no requests');
  });
  it('never rounds a real share to 0%', () => {
    expect(percent(0.001)).toBe('<1%');
    expect(percent(0.999)).toBe('>99%');
  });
});

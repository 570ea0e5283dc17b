import { describe, expect, it } from 'vitest';
import { hashParts, Rng, rngFor } from './random.ts';

describe('random', () => {
  it('is reproducible for the same seed and differs between seeds', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 20 }, () => a.u32());
    expect(Array.from({ length: 20 }, () => b.u32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.u32())).not.toEqual(seqA);
  });

  it('hashes neighbouring slots, large epoch values and part order apart', () => {
    const seen = new Set<number>();
    for (let slot = 1_717_200_000; slot < 1_717_210_000; slot++) seen.add(hashParts(42, slot));
    expect(seen.size).toBe(10_000);
    expect(hashParts(1, 2)).not.toBe(hashParts(2, 1));
    // Millisecond epochs exceed 2^32: the high word must matter.
    expect(hashParts(1_717_200_000_000)).not.toBe(hashParts(1_717_200_000_000 + 2 ** 32));
  });

  it('draws uniform-looking values, integers in range and valid hex', () => {
    const rng = rngFor(1, 2, 3);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
    const ints = new Set(Array.from({ length: 1000 }, () => rng.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    expect(rng.hex(24)).toMatch(/^[0-9a-f]{24}$/);
    expect(rng.chars(52, 'AB')).toMatch(/^[AB]{52}$/);
  });

  it('poisson and latency have the requested centre', () => {
    const rng = new Rng(99);
    for (const lambda of [3, 12, 80]) {
      let total = 0;
      for (let i = 0; i < 5000; i++) total += rng.poisson(lambda);
      expect(total / 5000).toBeGreaterThan(lambda * 0.95);
      expect(total / 5000).toBeLessThan(lambda * 1.05);
    }
    const lat = Array.from({ length: 5001 }, () => rng.latency(200)).sort((x, y) => x - y);
    expect(lat[2500]).toBeGreaterThan(180);
    expect(lat[2500]).toBeLessThan(220);
    expect(lat[0]).toBeGreaterThanOrEqual(1);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binValues, snapToBins } from './bins.ts';

describe('binValues', () => {
  it('counts every finite value exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 200 }),
        (vs) => {
          const bins = binValues(vs);
          expect(bins.reduce((s, b) => s + b.count, 0)).toBe(vs.length);
          for (const v of vs) expect(bins.some((b) => b.x0 <= v && v <= b.x1)).toBe(true);
        },
      ),
    );
  });

  it('uses round edges', () => {
    const bins = binValues([0.012, 0.2, 0.47, 0.9], 10);
    expect(bins[0]!.x0).toBe(0);
    expect(bins[1]!.x0).toBe(0.1);
    expect(bins.at(-1)!.x1).toBe(1);
  });

  it('ignores NaN and handles a single value', () => {
    expect(binValues([Number.NaN])).toEqual([]);
    const one = binValues([2, 2]);
    expect(one).toHaveLength(1);
    expect(one[0]!.count).toBe(2);
  });
});

describe('snapToBins', () => {
  const bins = [
    { x0: 0, x1: 0.1, count: 1 },
    { x0: 0.1, x1: 0.2, count: 1 },
    { x0: 0.2, x1: 0.3, count: 1 },
  ];
  it('widens to the touched bins, either direction', () => {
    expect(snapToBins(bins, 0.15, 0.25)).toEqual([0.1, 0.3]);
    expect(snapToBins(bins, 0.25, 0.15)).toEqual([0.1, 0.3]);
    expect(snapToBins(bins, -1, 5)).toEqual([0, 0.3]);
  });
});

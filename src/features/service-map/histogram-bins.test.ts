import { describe, expect, it } from 'vitest';
import { entriesToBins } from './histogram-bins.ts';

describe('entriesToBins', () => {
  it('weights each X-Ray entry by its count into nice bins', () => {
    const bins = entriesToBins([
      { Value: 0.1, Count: 60 },
      { Value: 0.5, Count: 40 },
      { Value: 0.12, Count: 5 },
    ]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(105);
    // The last bin also holds its upper edge.
    const holding = (v: number) =>
      bins.find((b, i) => b.x0 <= v && (v < b.x1 || i === bins.length - 1))!;
    expect(holding(0.1).count).toBe(60);
    expect(holding(0.5).count).toBe(40);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.x0).toBeCloseTo(bins[i - 1]!.x1);
  });

  it('ignores empty, negative and non-finite entries', () => {
    expect(entriesToBins([])).toEqual([]);
    expect(
      entriesToBins([{ Value: Number.NaN, Count: 3 }, { Value: -1, Count: 2 }, { Count: 4 }]),
    ).toEqual([]);
    const one = entriesToBins([{ Value: 0.2, Count: 7 }]);
    expect(one).toHaveLength(1);
    expect(one[0]!.count).toBe(7);
  });
});

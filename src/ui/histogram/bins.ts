import { scaleLinear } from 'd3-scale';

/** One bar of a histogram: values in [x0, x1) (the last bin also holds x1). */
export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Counts `values` into about `target` bins with "nice" edges (d3's tick step), so brushing
 * snaps to round numbers like 0.05 s rather than 0.0473 s. Non-finite values are ignored.
 */
export function binValues(values: Iterable<number>, target = 30): Bin[] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const finite: number[] = [];
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    finite.push(v);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (finite.length === 0) return [];
  const single = (): Bin[] => {
    // One distinct value (or a spread too small to divide): a single bar of non-zero width
    // keeps the scale usable.
    const half = min === 0 ? 0.001 : Math.abs(min) * 0.05;
    return [{ x0: min - half, x1: max + half, count: finite.length }];
  };
  // d3 cannot tick a spread this small (denormals); nobody reads nanosecond bins anyway.
  if (max - min < 1e-9) return single();
  const ticks = scaleLinear().domain([min, max]).nice(target).ticks(target);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : max - min;
  const lo = ticks[0]!;
  const n = Math.max(1, Math.ceil((max - lo) / step + 1e-9));
  if (!(step > 0) || !Number.isFinite(n) || n > 10 * target || lo > min) return single();
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    x0: round(lo + i * step),
    x1: round(lo + (i + 1) * step),
    count: 0,
  }));
  for (const v of finite) {
    const i = Math.min(n - 1, Math.max(0, Math.floor((v - lo) / step + 1e-9) || 0));
    bins[i]!.count++;
  }
  return bins;
}

/** Float noise off bin edges (0.30000000000000004 → 0.3). */
function round(v: number): number {
  return Number.parseFloat(v.toPrecision(12));
}

/**
 * Widens a dragged range [a, b] (either order) to the edges of the bins it touches, so the
 * selection always covers whole bars and reads as round numbers.
 */
export function snapToBins(bins: readonly Bin[], a: number, b: number): [number, number] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const first = bins[0];
  const last = bins[bins.length - 1];
  if (!first || !last) return [lo, hi];
  let from = first.x0;
  let to = last.x1;
  for (const bin of bins) {
    if (bin.x0 <= lo && lo < bin.x1) from = bin.x0;
    if (bin.x0 < hi && hi <= bin.x1) to = bin.x1;
  }
  if (lo <= first.x0) from = first.x0;
  if (hi >= last.x1) to = last.x1;
  return [from, Math.max(from, to)];
}

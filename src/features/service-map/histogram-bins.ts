import { type Bin, binValues } from '../../ui/histogram/bins.ts';
import type { HistogramEntry } from '../../xray/types.ts';

/**
 * X-Ray's response-time histogram (`{ Value: seconds, Count }` per distinct value) → the shared
 * Histogram's bins. The bin edges are the shared component's "nice" ones (computed over the
 * distinct values); the counts are the entries' weights.
 */
export function entriesToBins(entries: readonly HistogramEntry[], target = 30): Bin[] {
  const valid = entries.filter(
    (e): e is { Value: number; Count: number } =>
      Number.isFinite(e.Value) && (e.Value ?? -1) >= 0 && (e.Count ?? 0) > 0,
  );
  const bins = binValues(
    valid.map((e) => e.Value),
    target,
  ).map((b) => ({ ...b, count: 0 }));
  if (bins.length === 0) return bins;
  const last = bins.length - 1;
  for (const e of valid) {
    // Bins are sorted and contiguous: binary search for the one holding the value.
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bins[mid]!.x0 <= e.Value) lo = mid;
      else hi = mid - 1;
    }
    bins[lo]!.count += e.Count;
  }
  return bins;
}

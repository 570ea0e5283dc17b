/**
 * The shape every benchmark reports in. `bench/run.ts` discovers `bench/*.bench.ts`, runs each
 * default export and prints one table (and writes bench/results/latest.json).
 */
export interface BenchResult {
  /** What was measured, e.g. "GetTraceSummaries, filtered, first page". */
  metric: string;
  /** Conditions, e.g. "1M traces, 2 CPUs". */
  conditions: string;
  unit: string;
  median: number;
  p95?: number;
  /** Human-readable target, e.g. "< 200 ms". */
  target?: string;
  /** Whether the target is met; undefined when there is no target. */
  met?: boolean;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Median and p95 of a list of samples. */
export function stats(samples: readonly number[]): { median: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
  return { median: at(0.5), p95: at(0.95), p99: at(0.99) };
}

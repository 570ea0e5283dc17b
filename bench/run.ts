/**
 * `npm run bench [-- <name>…]`: discovers bench/*.bench.ts, runs each (or the named ones) one
 * after another so they don't compete for the 2 cores, prints one table and writes
 * bench/results/latest.json for comparing runs.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './lib.ts';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => !wanted.length || wanted.includes(f.replace('.bench.ts', '')));

if (!files.length) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}. Available: ${readdirSync(dir)
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  );
  process.exit(1);
}

const rows: (BenchResult & { bench: string })[] = [];
const failures: string[] = [];
const started = Date.now();
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Benchmark };
  const bench = mod.default;
  process.stderr.write(`▶ ${bench.name}…\n`);
  const t0 = Date.now();
  try {
    for (const r of await bench.run()) rows.push({ bench: bench.name, ...r });
  } catch (e) {
    failures.push(`${bench.name}: ${(e as Error).stack ?? e}`);
  }
  process.stderr.write(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n)
    ? ''
    : n >= 100
      ? n.toFixed(0)
      : n >= 1
        ? n.toFixed(2)
        : n.toPrecision(3);
console.log(
  `\nTrace Console benchmarks — ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString()}\n`,
);
const table = rows.map((r) => ({
  benchmark: r.bench,
  metric: r.metric,
  conditions: r.conditions,
  median: `${fmt(r.median)} ${r.unit}`,
  p95: r.p95 === undefined ? '' : `${fmt(r.p95)} ${r.unit}`,
  target: r.target ?? '',
  met: r.met === undefined ? '' : r.met ? 'yes' : 'NO',
}));
printTable(table);
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(
  join(dir, 'results', 'latest.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      cpus: cpus().length,
      node: process.version,
      results: rows,
      failures,
    },
    null,
    2,
  ),
);
console.log(
  `\n${rows.length} figures from ${files.length} benchmarks in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results/latest.json`,
);
if (failures.length) {
  console.error(`\n${failures.length} benchmark(s) failed:\n${failures.join('\n')}`);
  process.exit(1);
}

function printTable(data: Record<string, string>[]): void {
  if (!data.length) return;
  const cols = Object.keys(data[0]!);
  const width = cols.map((c) => Math.max(c.length, ...data.map((r) => r[c]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ');
  console.log(line(cols));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of data) console.log(line(cols.map((c) => r[c]!)));
}

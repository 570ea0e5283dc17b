/**
 * JS heap of the console in headless Chromium against the real mock server (needs
 * `npx vite build`). Heap = CDP `Performance.getMetrics` JSHeapUsedSize right after
 * `HeapProfiler.collectGarbage`.
 * - big trace: the shell alone (/groups, no groups), then /trace/<id> of a 50,000-piece trace
 *   (generator big-trace.ts, ingested over PutTraceSegments) with its first rows painted, then
 *   after leaving it for /groups (react-query keeps the answer cached for gcTime). The trace's
 *   document bytes are in the conditions, for "what the data needs".
 * - auto-refresh: /traces?last=1h&refresh=10s over two hours of ingested traces; Playwright's
 *   clock (installed an hour in the past) is advanced 10 s per cycle, so react-query's own
 *   refetchInterval fires and the real request/render path runs 360 times (an hour). Heap at
 *   cycles 0, 60, 360 and the growth 60 → 360 (the first minute warms caches).
 */

import { cpus, loadavg } from 'node:os';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts';
import { putSegments, simpleTrace } from '../e2e/ingest.ts';
import { startMockServer } from '../e2e/server.ts';
import { generateBigTrace } from '../mock-server/generator/big-trace.ts';
import { type Benchmark, type BenchResult, stats } from './lib.ts';

const PIECES = 50_000;
/** The mock keeps at most this many documents per trace (store/trace-record.ts). */
const MAX_DOCS_PER_TRACE = 5_000;
const CYCLES = 360;
const REFRESH_MS = 10_000;
/** Growth over the last 300 cycles above this is reported as not met. */
const GROWTH_BUDGET_MB = 5;

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  return used / 1024 / 1024;
}

async function cdpFor(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return cdp;
}

async function bigTrace(): Promise<BenchResult[]> {
  const server = await startMockServer({ demo: false });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const startSec = Math.floor(Date.now() / 1000) - 600;
    let docs = generateBigTrace({ pieces: PIECES, seed: 11, startSec });
    for (let s = 12; docs.length > MAX_DOCS_PER_TRACE && s < 60; s++)
      docs = generateBigTrace({ pieces: PIECES, seed: s, startSec });
    const json = docs.map((d) => JSON.stringify(d));
    const dataMb = json.reduce((n, s) => n + s.length, 0) / 1024 / 1024;
    await putSegments(server.url, json);
    const id = docs[0]?.trace_id as string;

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const cdp = await cdpFor(page);
    await page.goto(`${server.url}/groups`);
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.waitForTimeout(1_000);
    const shell = await heapMb(cdp);

    await page.goto(`${server.url}/trace/${id}`);
    await page.getByRole('tree', { name: 'Trace timeline' }).getByRole('treeitem').first().waitFor({
      timeout: 120_000,
    });
    await page.waitForTimeout(1_000);
    const open = await heapMb(cdp);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Groups' })
      .click();
    await page.getByRole('button', { name: 'New group' }).waitFor();
    await page.waitForTimeout(1_000);
    const left = await heapMb(cdp);
    await ctx.close();

    const load = `load ${loadavg()[0]?.toFixed(1)}, ${cpus().length} CPUs`;
    const cond = `${PIECES.toLocaleString('en-US')} pieces, ${json.length} documents, ${dataMb.toFixed(1)} MB JSON, ${load}`;
    return [
      { metric: 'JS heap: shell only (/groups)', conditions: load, unit: 'MB', median: shell },
      {
        metric: 'JS heap: 50k-piece trace open',
        conditions: `${cond}; +${(open - shell).toFixed(1)} MB over the shell = ${((open - shell) / dataMb).toFixed(2)}× the JSON`,
        unit: 'MB',
        median: open,
      },
      {
        metric: 'JS heap: after leaving the 50k trace',
        conditions: `back on /groups, trace still in react-query cache (gcTime 5 min); ${load}`,
        unit: 'MB',
        median: left,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function autoRefresh(): Promise<BenchResult[]> {
  const server = await startMockServer({ demo: false });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // Two hours of traffic ending now: a trace every 5 s, every 7th faulty.
    const now = Math.floor(Date.now() / 1000);
    const docs: string[] = [];
    for (let t = now - 7200, i = 0; t < now; t += 5, i++)
      docs.push(
        ...simpleTrace({
          entry: `svc-${i % 6}`,
          downstream: `dep-${i % 4}`,
          startSec: t,
          status: i % 7 === 0 ? 500 : 200,
        }),
      );
    await putSegments(server.url, docs);

    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    // The page's clock starts an hour ago; every cycle moves it 10 s on, so "last 1h" slides
    // over real data and ends at the real now after 360 cycles.
    await page.clock.install({ time: (now - 3600) * 1000 });
    const cdp = await cdpFor(page);
    let inFlight = 0;
    let finished = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/TraceSummaries')) inFlight++;
    });
    const done = (r: { url(): string }) => {
      if (r.url().endsWith('/TraceSummaries')) {
        inFlight--;
        finished++;
      }
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);

    await page.goto(`${server.url}/traces?last=1h&refresh=10s`);
    await page.getByRole('table', { name: 'Traces' }).locator('tbody tr').first().waitFor({
      timeout: 60_000,
    });
    const settle = async () => {
      const deadline = Date.now() + 30_000;
      // Let the page's tasks (fetch resolution, React commit) run on real time.
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 30));
    };
    await settle();
    const heap: Record<number, number> = { 0: await heapMb(cdp) };
    const cycleMs: number[] = [];
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const before = finished;
      const t0 = Date.now();
      await page.clock.runFor(REFRESH_MS);
      // Wait until this cycle's refetch has been issued and answered.
      const deadline = Date.now() + 30_000;
      while (finished === before && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5));
      if (finished === before) throw new Error(`cycle ${cycle}: no refetch of /TraceSummaries`);
      await settle();
      cycleMs.push(Date.now() - t0);
      if (cycle === 60 || cycle === CYCLES) heap[cycle] = await heapMb(cdp);
    }
    const rows = await page.getByRole('table', { name: 'Traces' }).locator('tbody tr').count();
    await ctx.close();

    const load = `load ${loadavg()[0]?.toFixed(1)}, ${cpus().length} CPUs`;
    const cond = `/traces last 1h refresh=10s, ${docs.length / 2} traces ingested (2 h), ${finished} list requests`;
    const growth = (heap[CYCLES] ?? Number.NaN) - (heap[60] ?? Number.NaN);
    return [
      {
        metric: 'JS heap: traces auto-refresh, cycle 0',
        conditions: `${cond}, ${load}`,
        unit: 'MB',
        median: heap[0] ?? Number.NaN,
      },
      {
        metric: 'JS heap: traces auto-refresh, cycle 60 (10 min)',
        conditions: cond,
        unit: 'MB',
        median: heap[60] ?? Number.NaN,
      },
      {
        metric: 'JS heap: traces auto-refresh, cycle 360 (1 h)',
        conditions: `${cond}, ${rows} rows mounted`,
        unit: 'MB',
        median: heap[CYCLES] ?? Number.NaN,
      },
      {
        metric: 'JS heap growth, refresh cycles 60 → 360',
        conditions: `${((growth / 300) * 1024).toFixed(1)} KB per cycle`,
        unit: 'MB',
        median: growth,
        target: `≤ ${GROWTH_BUDGET_MB} MB`,
        met: growth <= GROWTH_BUDGET_MB,
      },
      {
        metric: 'refresh cycle wall time (clock tick → answered → settled)',
        conditions: `${CYCLES} cycles, ${load}`,
        unit: 'ms',
        median: stats(cycleMs).median,
        p95: stats(cycleMs).p95,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}

const bench: Benchmark = {
  name: 'memory',
  async run() {
    return [...(await bigTrace()), ...(await autoRefresh())];
  },
};

export default bench;

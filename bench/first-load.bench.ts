/**
 * First load of the production build (needs `npx vite build`), in headless Chromium against a
 * demo server (seed 42) on loopback:
 * - initial JS: gzip size (zlib level 6, what a gzip-serving proxy would send) of the entry
 *   script and the modulepreloaded chunks named in dist/index.html — what `/` loads before any
 *   lazy route chunk. Also bytes actually transferred for `/map` up to the first map paint (the
 *   mock server does not compress, so these are raw bytes), from Resource Timing.
 * - interactive: navigation start → the header's view links are in the DOM, visible and enabled
 *   and a frame has been painted after that (a MutationObserver installed before any script
 *   records the time; rAF marks the paint).
 * - first map paint: navigation start → the map's test hook `readyAt` (Cytoscape's first render
 *   of the graph), see src/features/service-map/use-map-renderer.ts.
 * Each load is cold: a new browser context (no HTTP cache, no storage).
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium.ts';
import { startMockServer } from '../e2e/server.ts';
import '../src/ui/service-graph/test-hook.ts';
import { type Benchmark, type BenchResult, stats } from './lib.ts';

const RUNS = 10;
const JS_BUDGET_KB = 250;
const INTERACTIVE_BUDGET_MS = 1_000;
const DIST = join(import.meta.dirname, '..', 'dist');

/** The entry script and modulepreloads of dist/index.html, with raw and gzip sizes. */
export function initialJs(dist = DIST): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    srcs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g))
    srcs.add(m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const buf = readFileSync(join(dist, src.replace(/^\//, '')));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 6 }).length;
  }
  return { files: [...srcs], raw, gzip };
}

/** Installed before any page script: when the header's links became usable, then painted. */
const INIT = `
window.__name = (f) => f;
(() => {
  const ready = () => {
    const links = document.querySelectorAll('nav[aria-label="Views"] a[href]');
    if (links.length < 3) return false;
    for (const a of links) {
      const r = a.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(a).pointerEvents === 'none') return false;
    }
    return true;
  };
  const mo = new MutationObserver(() => {
    if (window.__shellAt === undefined && ready()) {
      window.__shellAt = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__shellPaintedAt = performance.now(); }, 0));
    }
  });
  mo.observe(document, { childList: true, subtree: true });
})();
`;

interface Load {
  interactive: number;
  mapPaint: number;
  bytesToMapPaint: number;
  jsBytesToMapPaint: number;
  requestsToMapPaint: number;
}

const bench: Benchmark = {
  name: 'first-load',
  async run(): Promise<BenchResult[]> {
    if (!existsSync(join(DIST, 'index.html')))
      throw new Error('dist/ is missing: run `npx vite build` first');
    const js = initialJs();
    const server = await startMockServer({ seed: 42 });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const loads: Load[] = [];
    const loadAvgs: number[] = [];
    try {
      // One warm-up load (server-side caches of the graph window, not the browser's).
      for (let i = 0; i <= RUNS; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await ctx.newPage();
        await page.addInitScript({ content: INIT });
        loadAvgs.push(loadavg()[0] ?? 0);
        await page.goto(`${server.url}/map?last=1h`, { waitUntil: 'commit' });
        // A function, not a string: the console's CSP forbids eval of predicate strings.
        await page.waitForFunction(
          () => {
            const w = window as unknown as { __shellPaintedAt?: number };
            return (
              w.__shellPaintedAt !== undefined && window.__traceConsoleMap?.readyAt !== undefined
            );
          },
          undefined,
          { timeout: 120_000, polling: 50 },
        );
        // The header link really takes a click (and the router answers it).
        await page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('link', { name: 'Traces' })
          .click({ trial: true });
        const m = await page.evaluate<Omit<Load, 'interactive'> & { interactive: number }>(`(() => {
          const mapAt = window.__traceConsoleMap.readyAt;
          const nav = performance.getEntriesByType('navigation')[0];
          const res = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= mapAt);
          const size = (r) => r.transferSize || r.encodedBodySize || 0;
          return {
            interactive: window.__shellPaintedAt,
            mapPaint: mapAt,
            bytesToMapPaint: size(nav) + res.reduce((n, r) => n + size(r), 0),
            jsBytesToMapPaint: res.filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + size(r), 0),
            requestsToMapPaint: res.length + 1,
          };
        })()`);
        if (i > 0) loads.push(m);
        await ctx.close();
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    const load = `load ${stats(loadAvgs).median.toFixed(1)}, ${cpus().length} CPUs`;
    const interactive = stats(loads.map((l) => l.interactive));
    const mapPaint = stats(loads.map((l) => l.mapPaint));
    const bytes = stats(loads.map((l) => l.bytesToMapPaint / 1024));
    const jsBytes = stats(loads.map((l) => l.jsBytesToMapPaint / 1024));
    const gzipKb = js.gzip / 1024;
    return [
      {
        metric: 'initial JS (entry + modulepreload, gzip -6)',
        conditions: `${js.files.length} files, ${(js.raw / 1024).toFixed(0)} KB raw`,
        unit: 'KB',
        median: gzipKb,
        target: `≤ ${JS_BUDGET_KB} KB`,
        met: gzipKb <= JS_BUDGET_KB,
      },
      {
        metric: '/map: bytes transferred up to first map paint',
        conditions: `uncompressed (server sends no gzip), ${RUNS} cold loads, ${load}`,
        unit: 'KB',
        median: bytes.median,
        p95: bytes.p95,
      },
      {
        metric: '/map: JS bytes transferred up to first map paint',
        conditions: `incl. lazy map + Cytoscape chunks, ${RUNS} cold loads, ${load}`,
        unit: 'KB',
        median: jsBytes.median,
        p95: jsBytes.p95,
      },
      {
        metric: 'navigation → interactive shell (header links painted)',
        conditions: `/map, demo server, loopback, ${RUNS} cold loads, ${load}`,
        unit: 'ms',
        median: interactive.median,
        p95: interactive.p95,
        target: `< ${INTERACTIVE_BUDGET_MS} ms`,
        met: interactive.median < INTERACTIVE_BUDGET_MS,
      },
      {
        metric: 'navigation → first map paint',
        conditions: `/map last 1h, demo shop, ${RUNS} cold loads, ${load}`,
        unit: 'ms',
        median: mapPaint.median,
        p95: mapPaint.p95,
      },
    ];
  },
};

export default bench;

/**
 * API latency under ingest load, against the real mock server (a child process of its own, as
 * `npm run server` runs it, with the daemon UDP port open):
 * - base data: the demo shop's last hour (generator demo.ts, default rate) over PutTraceSegments;
 * - idle: GetTraceSummaries (first page, unfiltered and filtered) and GetServiceGraph over the
 *   last hour, one request at a time, rotating;
 * - under load: the same queries, for as long as the load lasts, while this process pushes PutTraceSegments batches every
 *   100 ms (at most 2 in flight) and daemon datagrams over UDP, both pre-built so the sender
 *   costs little CPU; the rate achieved (acknowledged documents/s) is in the conditions;
 * - the ratio loaded/idle of the medians.
 * Latency is wall-clock on a shared machine: the load average is reported alongside.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/server.ts';
import { createDemoSystem } from '../mock-server/generator/demo.ts';
import { type Benchmark, type BenchResult, stats } from './lib.ts';

const BATCH_DOCS = 250;
const TICK_MS = 100;
const UDP_PER_TICK = 50;
const LOAD_SEC = 60;
/** Demo rate for the pre-built load (req/s of the generator; ~3.4 documents per request). */
const LOAD_RATE = 900;
const SAMPLES = 20;
const DAEMON_HEADER = '{"format":"json","version":1}\n';

interface Server {
  url: string;
  udpPort: number;
  child: ChildProcess;
  dataDir: string;
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const udpPort = await freeUdpPort();
  const dataDir = mkdtempSync(join(tmpdir(), 'trace-console-load-'));
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    ['mock-server/main.ts', '--port', String(port), '--udp-port', String(udpPort)].concat([
      '--data-dir',
      dataDir,
      '--no-demo',
    ]),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!/^ready:/m.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, udpPort, child, dataDir };
}

async function stopServer(s: Server): Promise<void> {
  const exited = new Promise<void>((r) => s.child.once('exit', () => r()));
  s.child.kill('SIGTERM');
  await exited;
  rmSync(s.dataDir, { recursive: true, force: true });
}

async function put(url: string, body: string): Promise<number> {
  const res = await fetch(`${url}/TraceSegments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json = (await res.json()) as { UnprocessedTraceSegments?: unknown[] };
  if (!res.ok) throw new Error(`PutTraceSegments: ${res.status}`);
  return json.UnprocessedTraceSegments?.length ?? 0;
}

function batches(docs: readonly string[], size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < docs.length; i += size)
    out.push(`{"TraceSegmentDocuments":${JSON.stringify(docs.slice(i, i + size))}}`);
  return out;
}

type Query = { name: string; path: string; body: () => object };

function queries(): Query[] {
  const window = () => {
    const now = Math.floor(Date.now() / 1000);
    return { StartTime: now - 3600, EndTime: now };
  };
  return [
    { name: 'GetTraceSummaries, unfiltered, 1 h', path: '/TraceSummaries', body: window },
    {
      name: 'GetTraceSummaries, filtered, 1 h',
      path: '/TraceSummaries',
      body: () => ({
        ...window(),
        FilterExpression: 'service("payments") { fault } OR responsetime > 2',
      }),
    },
    { name: 'GetServiceGraph, 1 h', path: '/ServiceGraph', body: window },
  ];
}

async function timeQuery(url: string, q: Query): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url + q.path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(q.body()),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${q.path}: ${res.status}`);
  return performance.now() - t0;
}

async function measure(
  url: string,
  qs: Query[],
  rounds = SAMPLES,
  until?: () => boolean,
): Promise<number[][]> {
  const samples: number[][] = qs.map(() => []);
  for (let round = 0; round < rounds && !(until?.() ?? false); round++)
    for (const [i, q] of qs.entries()) samples[i]!.push(await timeQuery(url, q));
  return samples;
}

const bench: Benchmark = {
  name: 'load',
  async run(): Promise<BenchResult[]> {
    const server = await startServer();
    const udp = dgram.createSocket('udp4');
    try {
      // Base data: the last hour of the demo shop, in 60 s chunks.
      const now = Math.floor(Date.now() / 1000);
      const demo = createDemoSystem({ seed: 5, includeHostile: false });
      let baseDocs = 0;
      for (let t = now - 3600; t < now - LOAD_SEC; t += 60) {
        const docs = demo
          .generate(t, Math.min(t + 60, now - LOAD_SEC))
          .map((d) => JSON.stringify(d));
        baseDocs += docs.length;
        for (const b of batches(docs, 2_000)) await put(server.url, b);
      }
      const qs = queries();
      await measure(server.url, qs); // warm-up round set (JIT, first graph build)
      const idle = await measure(server.url, qs);
      const idleLoad = loadavg()[0] ?? 0;

      // The load, pre-built: the demo at LOAD_RATE req/s for the last LOAD_SEC seconds.
      const heavy = createDemoSystem({ seed: 6, ratePerSecond: LOAD_RATE, includeHostile: false });
      const loadDocs = heavy.generate(now - LOAD_SEC, now).map((d) => JSON.stringify(d));
      const udpDocs: Buffer[] = [];
      const httpDocs: string[] = [];
      for (const [i, d] of loadDocs.entries()) {
        if (i % 6 === 0 && d.length < 60_000) udpDocs.push(Buffer.from(DAEMON_HEADER + d));
        else httpDocs.push(d);
      }
      const httpBodies = batches(httpDocs, BATCH_DOCS);

      let nextBody = 0;
      let nextUdp = 0;
      let inFlight = 0;
      let acked = 0;
      let refused = 0;
      let skippedTicks = 0;
      const started = performance.now();
      const timer = setInterval(() => {
        for (let k = 0; k < UDP_PER_TICK && nextUdp < udpDocs.length; k++)
          udp.send(udpDocs[nextUdp++]!, server.udpPort, '127.0.0.1');
        if (nextBody >= httpBodies.length) return;
        if (inFlight >= 2) {
          skippedTicks++;
          return;
        }
        const i = nextBody++;
        inFlight++;
        put(server.url, httpBodies[i]!)
          .then((bad) => {
            refused += bad;
            acked += BATCH_DOCS - bad;
          })
          .catch(() => (refused += BATCH_DOCS))
          .finally(() => inFlight--);
      }, TICK_MS);
      // Let the load reach its steady state before measuring.
      await new Promise((r) => setTimeout(r, 2_000));
      // Query for as long as the pre-built load lasts (≈ LOAD_SEC s at the target rate).
      const loaded = await measure(server.url, qs, 1_000, () => nextBody >= httpBodies.length);
      const loadedLoad = loadavg()[0] ?? 0;
      const elapsed = (performance.now() - started) / 1000;
      clearInterval(timer);
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
      const httpRate = acked / elapsed;
      const udpRate = nextUdp / elapsed;

      const results: BenchResult[] = [];
      const cores = `${cpus().length} CPUs`;
      for (const [i, q] of qs.entries()) {
        const a = stats(idle[i]!);
        const b = stats(loaded[i]!);
        results.push(
          {
            metric: `${q.name}: idle`,
            conditions: `${baseDocs} docs stored, ${idle[i]!.length} calls, load ${idleLoad.toFixed(1)}, ${cores}`,
            unit: 'ms',
            median: a.median,
            p95: a.p95,
          },
          {
            metric: `${q.name}: under ingest`,
            conditions: `HTTP ${httpRate.toFixed(0)} docs/s acked + UDP ${udpRate.toFixed(0)} datagrams/s, ${loaded[i]!.length} calls, load ${loadedLoad.toFixed(1)}`,
            unit: 'ms',
            median: b.median,
            p95: b.p95,
          },
          {
            metric: `${q.name}: under ingest / idle`,
            conditions: `median ratio (p95 ratio ${(b.p95 / a.p95).toFixed(2)})`,
            unit: '×',
            median: b.median / a.median,
          },
        );
      }
      results.push({
        metric: 'ingest during the query run',
        conditions: `${refused} refused, ${skippedTicks} ticks skipped (2 batches in flight), ${elapsed.toFixed(0)} s`,
        unit: 'docs/s',
        median: httpRate + udpRate,
      });
      return results;
    } finally {
      udp.close();
      await stopServer(server);
    }
  },
};

export default bench;

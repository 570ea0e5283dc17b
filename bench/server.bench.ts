/**
 * The mock X-Ray server under load, in-process on loopback (2 CPUs shared by client and server):
 * - ingest rate through PutTraceSegments (batches of 50 documents, as the daemon sends, 4 in
 *   flight) and through the daemon UDP port, each acknowledged document durably appended;
 * - GetTraceSummaries first page, unfiltered and filtered, over 100k and 1M stored traces;
 * - GetServiceGraph over 6 hours of 1M traces, from settled per-minute aggregates (and the cold
 *   first query that has to build them, reported separately);
 * - memory per million traces;
 * - API latency while ingest runs at a steady 20k segments/s (issue #9 "Load").
 * Traces come from the domain's deterministic synthetic generator (two services, ~1.5 documents
 * and ~1.1 kB per trace). Latencies are wall-clock through HTTP, including JSON encoding.
 */
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { type RunningServer, startServer } from '../mock-server/server.ts';
import { syntheticTraceDocs } from '../src/xray/trace/synthetic.ts';
import { type Benchmark, type BenchResult, stats } from './lib.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const HOUR = 3600;
const DOCS_PER_BATCH = 50;

/** Raw documents of `count` traces spread evenly over [start, start + span). */
function traceDocs(count: number, start: number, span: number, seedBase: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const docs = syntheticTraceDocs({
      pieces: 6,
      services: 2,
      seed: seedBase + i + 1,
      start: start + (i * span) / count,
      independent: 0,
      faultRate: 0.01,
    });
    for (const d of docs) out.push(JSON.stringify(d));
  }
  return out;
}

async function withServer<T>(fn: (s: RunningServer) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xray-bench-'));
  const s = await startServer({ dataDir: dir, port: 0, udpPort: null, log: () => {} });
  try {
    return await fn(s);
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The real server as its own process (like `npm run server`), so the load generator doesn't share its event loop. */
async function withChildServer<T>(fn: (url: string, udpPort: number) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xray-bench-'));
  const main = path.join(import.meta.dirname, '..', 'mock-server', 'main.ts');
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', main, '--port', '0', '--udp-port', '0', '--data-dir', dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out);
      });
      proc.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const m = /(http:\/\/\S+) \(daemon udp\+tcp (\d+)\)/.exec(line);
    if (!m) throw new Error(`unexpected start line: ${line}`);
    return await fn(m[1] as string, Number(m[2]));
  } finally {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** POSTs a JSON body; resolves with the wall-clock milliseconds until the full response. */
function post(url: string, body: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - t0)
            : reject(new Error(`${url} → ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface ServerStats {
  documentsAccepted: number;
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}
async function stats_(url: string): Promise<ServerStats> {
  const res = await fetch(`${url}/_mock/stats`);
  return (await res.json()) as ServerStats;
}
const cpuMicros = (a: ServerStats, b: ServerStats) =>
  b.cpu.user + b.cpu.system - a.cpu.user - a.cpu.system;

async function ingestHttp(): Promise<BenchResult> {
  return withChildServer(async (url) => {
    const rates: number[] = [];
    const cpuPerDoc: number[] = [];
    for (let run = 0; run < 5; run++) {
      const docs = traceDocs(20_000, Date.now() / 1000 - HOUR, HOUR, run * 1_000_000);
      const bodies: string[] = [];
      for (let i = 0; i < docs.length; i += DOCS_PER_BATCH) {
        bodies.push(JSON.stringify({ TraceSegmentDocuments: docs.slice(i, i + DOCS_PER_BATCH) }));
      }
      let next = 0;
      const s0 = await stats_(url);
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < bodies.length) await post(`${url}/TraceSegments`, bodies[next++] as string);
        }),
      );
      rates.push(docs.length / ((performance.now() - t0) / 1000));
      cpuPerDoc.push(cpuMicros(s0, await stats_(url)) / docs.length);
    }
    const cpu = stats(cpuPerDoc).median;
    return {
      metric: 'ingest, PutTraceSegments',
      conditions: `server process; 5 runs × ~30k docs, 50 per call, 4 in flight; p95 = slowest run; server CPU ${cpu.toFixed(1)} µs/segment (${Math.round(1e6 / cpu)}/s per core)`,
      unit: 'segments/s',
      median: stats(rates).median,
      p95: Math.min(...rates),
      target: '≥ 50000 segments/s',
      met: stats(rates).median >= 50_000,
    };
  });
}

async function ingestUdp(): Promise<BenchResult> {
  return withChildServer(async (url, udpPort) => {
    const socket = dgram.createSocket('udp4');
    const rates: number[] = [];
    const cpuPerDoc: number[] = [];
    let sent = 0;
    const before = (await stats_(url)).documentsAccepted;
    for (let run = 0; run < 5; run++) {
      const docs = traceDocs(20_000, Date.now() / 1000 - HOUR, HOUR, 50_000_000 + run * 1_000_000);
      const packets = docs.map((d) => Buffer.from(`{"format":"json","version":1}\n${d}`));
      const s0 = await stats_(url);
      const start = s0.documentsAccepted;
      const t0 = performance.now();
      // Bursts of 100 datagrams with a short pause, roughly how a busy host's daemon traffic arrives.
      for (let i = 0; i < packets.length; i += 100) {
        await Promise.all(
          packets
            .slice(i, i + 100)
            .map((p) => new Promise<void>((r) => socket.send(p, udpPort, '127.0.0.1', () => r()))),
        );
        await new Promise((r) => setTimeout(r, 1));
      }
      sent += packets.length;
      // Done when everything arrived, or nothing more arrived for 300 ms (the rest was dropped).
      let got = 0;
      let lastProgress = performance.now();
      while (got < packets.length && performance.now() - lastProgress < 300) {
        await new Promise((r) => setTimeout(r, 10));
        const now = (await stats_(url)).documentsAccepted - start;
        if (now > got) lastProgress = performance.now();
        got = now;
      }
      rates.push(got / ((lastProgress - t0) / 1000));
      cpuPerDoc.push(cpuMicros(s0, await stats_(url)) / Math.max(1, got));
    }
    socket.close();
    const cpu = stats(cpuPerDoc).median;
    const received = (await stats_(url)).documentsAccepted - before;
    return {
      metric: 'ingest, daemon UDP',
      conditions: `server process; 5 runs × ~30k datagrams in bursts of 100; ${(100 * (1 - received / sent)).toFixed(2)} % dropped by the kernel; p95 = slowest run; server CPU ${cpu.toFixed(1)} µs/segment (${Math.round(1e6 / cpu)}/s per core)`,
      unit: 'segments/s',
      median: stats(rates).median,
      p95: Math.min(...rates),
      target: '≥ 50000 segments/s',
      met: stats(rates).median >= 50_000,
    };
  });
}

/** Loads `count` traces over the last 6 hours through the ingest path (validated, logged). */
function load(s: RunningServer, count: number, seedBase: number): void {
  const now = Date.now() / 1000;
  const chunk = 10_000;
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    // Oldest first, as traffic would have arrived.
    const start = now - 6 * HOUR + ((6 * HOUR - 120) * i) / count;
    s.backend.ingest(traceDocs(n, start, ((6 * HOUR - 120) * n) / count, seedBase + i));
  }
}

async function timed(url: string, body: () => string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await post(url, body()));
  return samples;
}

async function queries(count: number, label: string): Promise<BenchResult[]> {
  return withServer(async (s) => {
    const used = () => {
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const heap0 = used();
    load(s, count, 100_000_000);
    const heap1 = used();
    const now = Date.now() / 1000;
    const results: BenchResult[] = [];
    const summaries = (filter?: string) => () =>
      JSON.stringify({
        StartTime: now - 6 * HOUR,
        EndTime: now,
        ...(filter ? { FilterExpression: filter } : {}),
      });
    const filters = [
      'fault',
      'responsetime > 1.6',
      'service("svc-1") { fault }',
      'annotation.tier = "gold"',
    ];
    let f = 0;
    const cold = await post(`${s.url}/TraceSummaries`, summaries(filters[0])());
    const unfiltered = stats(await timed(`${s.url}/TraceSummaries`, summaries(), 30));
    const filtered = stats(
      await timed(`${s.url}/TraceSummaries`, () => summaries(filters[f++ % filters.length])(), 40),
    );
    results.push(
      {
        metric: 'GetTraceSummaries, first page',
        conditions: `${label} traces, 6 h window, no filter`,
        unit: 'ms',
        median: unfiltered.median,
        p95: unfiltered.p95,
      },
      {
        metric: 'GetTraceSummaries, first page, filtered',
        conditions: `${label} traces, 6 h, 4 filters rotating; first (cold) query ${cold.toFixed(0)} ms`,
        unit: 'ms',
        median: filtered.median,
        p95: filtered.p95,
        target: '< 200 ms',
        met: filtered.p95 < 200,
      },
    );
    if (count >= 1_000_000) {
      results.push({
        metric: 'memory per million traces',
        conditions: `${label} traces of ~1.1 kB raw JSON; JS heap + document arena after GC, incl. facts cache`,
        unit: 'MB',
        median: ((heap1 - heap0) / 1e6) * (1_000_000 / count),
      });
      const graphBody = () => JSON.stringify({ StartTime: now - 6 * HOUR, EndTime: now });
      const t0 = performance.now();
      await post(`${s.url}/ServiceGraph`, graphBody());
      const coldGraph = performance.now() - t0;
      const graph = stats(await timed(`${s.url}/ServiceGraph`, graphBody, 30));
      results.push({
        metric: 'GetServiceGraph, 6 h',
        conditions: `${label} traces, settled minute aggregates; cold build of all 360 minutes: ${(coldGraph / 1000).toFixed(1)} s`,
        unit: 'ms',
        median: graph.median,
        p95: graph.p95,
        target: '< 300 ms',
        met: graph.p95 < 300,
      });
      results.push(...(await underLoad(s)));
    }
    return results;
  });
}

/** API latency while PutTraceSegments runs at a steady 20k segments/s in the same process. */
async function underLoad(s: RunningServer): Promise<BenchResult[]> {
  const docs = traceDocs(20_000, Date.now() / 1000 - 60, 60, 900_000_000);
  const bodies: string[] = [];
  for (let i = 0; i < docs.length; i += DOCS_PER_BATCH) {
    bodies.push(JSON.stringify({ TraceSegmentDocuments: docs.slice(i, i + DOCS_PER_BATCH) }));
  }
  let stop = false;
  let next = 0;
  const ingest = (async () => {
    // 20k segments/s = one 50-document batch every 2.5 ms.
    const t0 = performance.now();
    while (!stop && next < bodies.length) {
      const due = t0 + next * 2.5;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await post(`${s.url}/TraceSegments`, bodies[next++] as string);
    }
  })();
  const now = Date.now() / 1000;
  const list = stats(
    await timed(
      `${s.url}/TraceSummaries`,
      () =>
        JSON.stringify({ StartTime: now - HOUR, EndTime: now + 120, FilterExpression: 'fault' }),
      20,
    ),
  );
  const graph = stats(
    await timed(
      `${s.url}/ServiceGraph`,
      () => JSON.stringify({ StartTime: now - HOUR, EndTime: now + 60 }),
      20,
    ),
  );
  stop = true;
  await ingest;
  return [
    {
      metric: 'GetTraceSummaries under ingest load',
      conditions: '1M stored, 20k segments/s arriving, filter "fault", 1 h',
      unit: 'ms',
      median: list.median,
      p95: list.p95,
    },
    {
      metric: 'GetServiceGraph under ingest load',
      conditions: '1M stored, 20k segments/s arriving, 1 h',
      unit: 'ms',
      median: graph.median,
      p95: graph.p95,
    },
  ];
}

const bench: Benchmark = {
  name: 'server',
  async run() {
    return [
      await ingestHttp(),
      await ingestUdp(),
      ...(await queries(100_000, '100k')),
      ...(await queries(1_000_000, '1M')),
    ];
  },
};
export default bench;

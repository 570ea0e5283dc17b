import { availableParallelism, loadavg } from 'node:os';
import { compileFilter, complete, highlight, parseFilter } from '../src/xray/filter/index.ts';
import { annotations, facts, users } from '../src/xray/filter/test-fixtures.ts';
import type { TraceFacts } from '../src/xray/trace/facts.ts';
import { type Benchmark, type BenchResult, stats } from './lib.ts';

/**
 * The filter language's two hot paths:
 * - per keystroke in the console: parse + highlight + complete of a ~200-character expression,
 *   measured at every prefix as if typed character by character (target < 1 ms);
 * - per trace on the server: a compiled filter over 100,000 generated TraceFacts (target
 *   ≥ 1,000,000 simple evaluations per second).
 */

const EXPRESSION =
  'service("payments") { fault OR responsetime > 2.5 } AND http.url CONTAINS "/checkout" ' +
  'AND !annotation.canary AND (user = "alice" OR annotation.tenant = "acme") ' +
  'AND rootcause.fault.entity { last and name = "charge" }';

const CONTEXT = {
  services: ['web', 'api', 'payments', 'inventory', 'DynamoDB', 'auth'],
  annotationKeys: ['tenant', 'canary', 'items', 'region'],
  annotationValues: { tenant: ['acme', 'globex', 'initech'] },
};

function keystrokes(): BenchResult[] {
  const rounds = 30;
  const warm = 5; // first rounds warm the JIT
  const samples: number[] = [];
  const best = new Array<number>(EXPRESSION.length).fill(Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round++) {
    for (let i = 1; i <= EXPRESSION.length; i++) {
      const text = EXPRESSION.slice(0, i);
      const t0 = performance.now();
      parseFilter(text);
      highlight(text);
      complete(text, i, CONTEXT);
      const us = (performance.now() - t0) * 1000;
      if (round < warm) continue;
      samples.push(us);
      best[i - 1] = Math.min(best[i - 1]!, us);
    }
  }
  const raw = stats(samples);
  // On a loaded machine the raw tail is the scheduler, not us: also report each keystroke's
  // best of the timed rounds, whose p99 is the cost of the slowest keystrokes themselves.
  const own = stats(best);
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const conditions = `${EXPRESSION.length}-char expression typed one character at a time, ${rounds - warm} rounds, load avg ${load} on ${availableParallelism()} CPUs`;
  return [
    {
      metric: 'Filter box keystroke: parse + highlight + complete',
      conditions,
      unit: 'µs',
      median: round2(raw.median),
      p95: round2(raw.p95),
      target: '< 1000 µs',
      met: raw.median < 1000,
    },
    {
      metric: 'Filter box keystroke, p99 (wall clock, all samples)',
      conditions,
      unit: 'µs',
      median: round2(raw.p99),
      target: '< 1000 µs',
      met: raw.p99 < 1000,
    },
    {
      metric: 'Filter box keystroke, p99 over keystrokes (best of rounds each)',
      conditions,
      unit: 'µs',
      median: round2(own.p99),
      target: '< 1000 µs',
      met: own.p99 < 1000,
    },
  ];
}

/** 100k varied traces: a few services, some faults, annotations, users and root causes. */
function generate(n: number): TraceFacts[] {
  const out: TraceFacts[] = [];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const tenants = ['acme', 'globex', 'initech'];
  for (let i = 0; i < n; i++) {
    const faulty = rnd() < 0.1;
    const rt = Math.round(rnd() * 400) / 100;
    out.push(
      facts({
        summary: {
          ResponseTime: rt,
          Duration: rt + rnd(),
          HasFault: faulty,
          HasError: !faulty && rnd() < 0.05,
          IsPartial: rnd() < 0.02,
          Http: {
            HttpURL:
              rnd() < 0.3
                ? `https://shop.example.com/api/checkout/${i}`
                : `https://shop.example.com/api/items/${i}`,
            HttpStatus: faulty ? 502 : 200,
            HttpMethod: 'GET',
          },
          Users: users(rnd() < 0.5 ? 'alice' : 'bob'),
          Annotations: annotations({ tenant: tenants[i % 3]!, items: i % 7, canary: rnd() < 0.1 }),
          ...(faulty
            ? {
                FaultRootCauses: [
                  {
                    Services: [
                      { Name: 'payments', EntityPath: [{ Name: 'payments' }, { Name: 'charge' }] },
                    ],
                  },
                ],
              }
            : {}),
        },
        nodes: [
          { name: 'web', calls: [{ status: faulty ? 502 : 200, responseTime: rt }] },
          { name: 'api', calls: [{ responseTime: rt * 0.8 }] },
          { name: 'payments', calls: [{ status: faulty ? 500 : 200, responseTime: rt * 0.5 }] },
          {
            name: 'DynamoDB',
            type: 'AWS::DynamoDB',
            inferred: true,
            calls: [{ responseTime: 0.01 }],
          },
        ],
        edges: [
          { from: 'web', to: 'api' },
          { from: 'api', to: 'payments', calls: [{ status: faulty ? 500 : 200 }] },
          { from: 'api', to: 'DynamoDB' },
        ],
      }),
    );
  }
  return out;
}

const EVALUATIONS: [label: string, expression: string][] = [
  ['simple: responsetime > 2', 'responsetime > 2'],
  ['simple: fault', 'fault'],
  ['string: http.url CONTAINS', 'http.url CONTAINS "/checkout"'],
  ['annotation = string', 'annotation.tenant = "acme"'],
  ['implicit AND of three terms', 'ok !partial duration < 3'],
  ['service() { … }', 'service("payments") { fault OR responsetime > 1.5 }'],
  ['edge() { … }', 'edge("api", "payments") { fault }'],
  ['rootcause.fault.entity { … }', 'rootcause.fault.entity { last and name = "charge" }'],
  ['the 200-char expression', EXPRESSION],
];

function throughput(traces: TraceFacts[]): BenchResult[] {
  return EVALUATIONS.map(([label, expression]) => {
    const parsed = parseFilter(expression);
    if (!parsed.ok) throw new Error(`${expression}: ${JSON.stringify(parsed.errors)}`);
    const test = compileFilter(parsed.ast);
    // CPU time of this process, not wall time: on a shared, loaded machine a 30 ms round is
    // often preempted, and that says nothing about the filter.
    const rates: number[] = [];
    let matched = 0;
    for (let round = 0; round < 12; round++) {
      const c0 = process.cpuUsage();
      matched = 0;
      for (const t of traces) if (test(t)) matched++;
      const c = process.cpuUsage(c0);
      rates.push(traces.length / ((c.user + c.system) / 1e6));
    }
    const s = stats(rates.slice(2));
    const simple = label.startsWith('simple');
    return {
      metric: `Filter evaluation: ${label}`,
      conditions: `${traces.length.toLocaleString('en')} generated traces, compiled once (${matched} match)`,
      unit: 'traces/CPU-s',
      median: Math.round(s.median),
      ...(simple ? { target: '≥ 1,000,000 traces/s', met: s.median >= 1_000_000 } : {}),
    };
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

const bench: Benchmark = {
  name: 'filter',
  async run() {
    return [...keystrokes(), ...throughput(generate(100_000))];
  },
};

export default bench;

import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { addSubsegment } from './entity.ts';
import { newId, newTraceId } from './ids.ts';
import { hashParts, Rng, rngFor } from './random.ts';

/**
 * A layered random service topology for service-map benchmarks (50/200/500 services). Layer 0
 * holds the entry services; every other service has at least one caller in the layer above, and
 * callers fan out to services one or two layers down until they have `edgesPerService` edges.
 * About 8 % of the services are faulty (a quarter of their requests answer 500). Requests are
 * generated per second from (seed, second, index), so windows compose like the demo's.
 */

export interface TopologyService {
  name: string;
  origin: 'AWS::ECS::Container' | 'AWS::EC2::Instance' | 'AWS::Lambda::Function';
  layer: number;
  faulty: boolean;
  /** Indices of the services it calls. */
  calls: readonly number[];
  /** Median own work in ms. */
  workMs: number;
  parallel: boolean;
}

export interface Topology {
  readonly services: readonly TopologyService[];
  /** Every caller → callee pair, by name. */
  readonly edges: readonly (readonly [string, string])[];
  /** Documents of every trace starting in `[fromSec, toSec)` at `ratePerSecond` requests/s. */
  generate(fromSec: number, toSec: number, ratePerSecond: number): IngestDoc[];
}

const WORDS = [
  'auth',
  'billing',
  'catalog',
  'ledger',
  'search',
  'profile',
  'pricing',
  'media',
  'notify',
  'audit',
  'quota',
  'session',
  'geo',
  'tax',
  'review',
  'loyalty',
  'fraud',
  'export',
  'rules',
  'report',
];
/** Calls per trace are capped so a deep random graph cannot produce oversized traces. */
const MAX_SEGMENTS_PER_TRACE = 120;
const SLOT_SALT = 0x7090;

function build(count: number, edgesPerService: number, rng: Rng): TopologyService[] {
  const layers = Math.max(2, Math.min(10, Math.round(Math.log2(count))));
  const entries = Math.max(1, Math.round(count * 0.05));
  const layerOf: number[] = [];
  for (let i = 0; i < count; i++) {
    layerOf.push(
      i < entries
        ? 0
        : 1 + Math.floor(((i - entries) * (layers - 1)) / Math.max(1, count - entries)),
    );
  }
  const byLayer: number[][] = Array.from({ length: layers }, () => []);
  for (let i = 0; i < count; i++) byLayer[layerOf[i] as number]?.push(i);
  const calls: Set<number>[] = Array.from({ length: count }, () => new Set<number>());
  // Reachability first: one caller from the layer above for every non-entry service.
  for (let i = entries; i < count; i++) {
    const above = byLayer[(layerOf[i] as number) - 1] as number[];
    calls[rng.pick(above)]?.add(i);
  }
  for (let i = 0; i < count; i++) {
    const layer = layerOf[i] as number;
    const candidates = [...(byLayer[layer + 1] ?? []), ...(byLayer[layer + 2] ?? [])];
    const own = calls[i] as Set<number>;
    for (
      let tries = 0;
      own.size < Math.min(edgesPerService, candidates.length) && tries < 50;
      tries++
    )
      own.add(rng.pick(candidates));
  }
  return Array.from({ length: count }, (_, i) => {
    const kind = rng.next();
    return {
      name: `${WORDS[i % WORDS.length]}-${String(i).padStart(3, '0')}`,
      origin:
        kind < 0.6
          ? 'AWS::ECS::Container'
          : kind < 0.85
            ? 'AWS::Lambda::Function'
            : 'AWS::EC2::Instance',
      layer: layerOf[i] as number,
      faulty: i >= entries && rng.chance(0.08),
      calls: [...(calls[i] as Set<number>)].sort((a, b) => a - b),
      workMs: rng.int(2, 40),
      parallel: rng.chance(0.3),
    };
  });
}

interface Req {
  rng: Rng;
  traceId: string;
  out: IngestDoc[];
  budget: number;
  services: readonly TopologyService[];
}

/** One service handling one request; returns its end time (ms) and status. */
function visit(
  req: Req,
  index: number,
  startMs: number,
  parentId: string | undefined,
): { endMs: number; status: number } {
  const { rng } = req;
  const svc = req.services[index] as TopologyService;
  req.budget--;
  const seg: SegmentDoc = {
    id: newId(rng),
    name: svc.name,
    trace_id: req.traceId,
    start_time: startMs / 1000,
    end_time: 0,
    origin: svc.origin,
  };
  if (parentId) seg.parent_id = parentId;
  seg.http = {
    request: {
      method: rng.chance(0.7) ? 'GET' : 'POST',
      url: `http://${svc.name}:8080/v1/${svc.name.split('-')[0]}`,
    },
  };
  let t = startMs + rng.latency(svc.workMs / 2, 0.4);
  let end = t;
  let downstreamFault = false;
  // Each edge is taken with a probability that keeps ~1.3 calls per service on average.
  const p = Math.min(1, 1.3 / Math.max(1, svc.calls.length));
  for (const callee of svc.calls) {
    if (req.budget <= 0 || !rng.chance(p)) continue;
    const target = req.services[callee] as TopologyService;
    const at = svc.parallel ? startMs + rng.int(1, 3) : t;
    const sub: SubsegmentDoc = {
      id: newId(rng),
      name: target.name,
      start_time: at / 1000,
      end_time: 0,
      namespace: 'remote',
      http: { request: { method: 'GET', url: `http://${target.name}:8080/`, traced: true } },
    };
    addSubsegment(seg, sub);
    const reply = visit(req, callee, at + rng.int(1, 2), sub.id);
    const subEnd = reply.endMs + rng.int(1, 2);
    sub.end_time = subEnd / 1000;
    sub.http = { ...sub.http, response: { status: reply.status } };
    if (reply.status >= 500) {
      sub.fault = true;
      downstreamFault = true;
    } else if (reply.status >= 400) sub.error = true;
    if (reply.status === 429) sub.throttle = true;
    end = Math.max(end, subEnd);
    if (!svc.parallel) t = subEnd + rng.int(0, 1);
  }
  end = Math.max(end, t) + rng.latency(svc.workMs / 2, 0.4);
  let status = 200;
  const roll = rng.next();
  if ((svc.faulty && roll < 0.25) || (downstreamFault && rng.chance(0.5))) status = 500;
  else if (roll > 0.99) status = 404;
  else if (roll > 0.987) status = 429;
  seg.end_time = end / 1000;
  seg.http.response = { status };
  if (status >= 500) {
    seg.fault = true;
    seg.cause = {
      working_directory: '/app',
      exceptions: [
        {
          id: newId(rng),
          type: 'InternalError',
          message: `${svc.name} failed`,
          stack: [{ path: 'src/handler.ts', line: 42, label: 'handle' }],
        },
      ],
    };
  } else if (status >= 400) seg.error = true;
  if (status === 429) seg.throttle = true;
  req.out.push(seg);
  return { endMs: end, status };
}

export function generateTopology(opts: {
  services: number;
  seed: number;
  edgesPerService?: number;
}): Topology {
  const count = Math.max(1, Math.floor(opts.services));
  const seed = Math.trunc(opts.seed);
  const services = build(count, opts.edgesPerService ?? 3, rngFor(seed, 0x70b0, count));
  const entries = services.flatMap((s, i) => (s.layer === 0 ? [i] : []));
  const edges = services.flatMap((s) =>
    s.calls.map((c) => [s.name, (services[c] as TopologyService).name] as const),
  );
  return {
    services,
    edges,
    generate(fromSec, toSec, ratePerSecond) {
      const out: IngestDoc[] = [];
      for (let slot = Math.floor(fromSec); slot < toSec; slot++) {
        const slotRng = new Rng(hashParts(seed, SLOT_SALT, slot, Math.round(ratePerSecond * 1000)));
        const n = slotRng.poisson(ratePerSecond);
        for (let i = 0; i < n; i++) {
          const startMs = slot * 1000 + slotRng.int(0, 999);
          if (startMs < fromSec * 1000 || startMs >= toSec * 1000) continue;
          const rng = rngFor(seed, slot, i, count);
          const req: Req = {
            rng,
            traceId: newTraceId(slot, rng),
            out,
            budget: MAX_SEGMENTS_PER_TRACE,
            services,
          };
          visit(req, rng.pick(entries), startMs, undefined);
        }
      }
      return out;
    },
  };
}

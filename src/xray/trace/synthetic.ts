import { deriveSegmentId } from '../ids.ts';
import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';

/**
 * Deterministic synthetic traces for tests and benchmarks: a root service calling other services
 * over HTTP (instrumented downstream segments), DynamoDB and SQL (inferred), plus local work;
 * nested to varying depth; some subsegments sent independently; documents shuffled.
 * `pieces` counts segments + subsegments as sent (inferred segments come on top).
 */
export interface SyntheticOptions {
  pieces: number;
  seed?: number;
  traceId?: string;
  /** Epoch seconds of the root's start. */
  start?: number;
  /** Number of instrumented services (≥ 1). */
  services?: number;
  /** Share of subsegments sent as independent documents (0..1). */
  independent?: number;
  /** Share of pieces that fail with a 5xx (0..1). */
  faultRate?: number;
}

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Node {
  doc: SegmentDoc | SubsegmentDoc;
  segment: boolean;
  service: number;
}

export function syntheticTraceDocs(opts: SyntheticOptions): IngestDoc[] {
  const rand = prng(opts.seed ?? 1);
  const start = opts.start ?? 1717200000;
  const traceId =
    opts.traceId ??
    `1-${Math.floor(start).toString(16).padStart(8, '0')}-${deriveSegmentId(`t${opts.seed ?? 1}`)}00000000`;
  const services = Math.max(1, opts.services ?? 4);
  const faultRate = opts.faultRate ?? 0.02;
  let counter = 0;
  const nextId = () => deriveSegmentId(`${traceId}:${counter++}`);

  const root: SegmentDoc = {
    id: nextId(),
    name: 'svc-0',
    trace_id: traceId,
    origin: 'AWS::EC2::Instance',
    start_time: start,
    end_time: start + 1 + rand(),
    http: {
      request: { method: 'GET', url: 'https://svc-0.example.com/api' },
      response: { status: 200 },
    },
    annotations: { tier: rand() < 0.5 ? 'gold' : 'silver' },
  };
  const nodes: Node[] = [{ doc: root, segment: true, service: 0 }];
  const segments: SegmentDoc[] = [root];
  while (nodes.length < opts.pieces) {
    // Bias towards recent pieces so depth grows, but keep fan-out.
    const pick = nodes.length - 1 - Math.floor(rand() ** 3 * nodes.length);
    const parent = nodes[Math.max(0, pick)] as Node;
    const p = parent.doc;
    const pEnd = p.end_time as number;
    const s = p.start_time + rand() * (pEnd - p.start_time) * 0.5;
    const e = s + rand() * (pEnd - s);
    const roll = rand();
    const sub: SubsegmentDoc = {
      id: nextId(),
      name: `step-${counter}`,
      start_time: s,
      end_time: e,
    };
    if (rand() < faultRate) {
      sub.fault = true;
      sub.cause = { exceptions: [{ id: nextId(), type: 'Error', message: 'boom' }] };
    }
    if (p.subsegments === undefined) p.subsegments = [];
    p.subsegments.push(sub);
    nodes.push({ doc: sub, segment: false, service: parent.service });
    if (roll < 0.15) {
      sub.name = 'DynamoDB';
      sub.namespace = 'aws';
      sub.aws = { operation: 'GetItem', table_name: `table-${Math.floor(rand() * 3)}` };
    } else if (roll < 0.2) {
      sub.name = 'app@db.internal';
      sub.namespace = 'remote';
      sub.sql = { url: 'postgres://db.internal:5432/app', database_type: 'PostgreSQL' };
    } else if (roll < 0.35 && services > 1 && nodes.length < opts.pieces) {
      const callee = 1 + Math.floor(rand() * (services - 1));
      sub.name = `svc-${callee}.internal`;
      sub.namespace = 'remote';
      sub.http = {
        request: { method: 'GET', url: `http://svc-${callee}.internal/x` },
        response: { status: 200 },
      };
      const seg: SegmentDoc = {
        id: nextId(),
        name: `svc-${callee}`,
        trace_id: traceId,
        parent_id: sub.id,
        origin: 'AWS::ECS::Container',
        start_time: s + (e - s) * 0.05,
        end_time: e - (e - s) * 0.05,
        http: {
          request: { method: 'GET', url: `http://svc-${callee}.internal/x` },
          response: { status: 200 },
        },
      };
      if (sub.fault === true) {
        seg.fault = true;
        seg.http = { ...seg.http, response: { status: 500 } };
      }
      segments.push(seg);
      nodes.push({ doc: seg, segment: true, service: callee });
    }
  }

  // Send some subsegments on their own (detached from their parent's document).
  const share = opts.independent ?? 0.1;
  const docs: IngestDoc[] = [...segments];
  // Children before parents, so a detached copy carries its own already-detached children list.
  for (let k = nodes.length - 1; k >= 0; k--) {
    const n = nodes[k] as Node;
    const subs = n.doc.subsegments;
    if (subs === undefined) continue;
    const kept: SubsegmentDoc[] = [];
    for (const c of subs) {
      if (rand() < share) {
        docs.push({ ...c, type: 'subsegment', trace_id: traceId, parent_id: n.doc.id });
      } else kept.push(c);
    }
    n.doc.subsegments = kept;
  }
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [docs[i], docs[j]] = [docs[j] as IngestDoc, docs[i] as IngestDoc];
  }
  return docs;
}

import type { EntityDoc, IngestDoc, SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { addSubsegment } from './entity.ts';
import { newId, newTraceId } from './ids.ts';
import { packSegment } from './pack.ts';
import { hashParts, Rng } from './random.ts';

/**
 * One huge trace for timeline/waterfall stress tests: a catalog import fanning out to six worker
 * services, each doing a deep recursive resolution (40 levels), a very wide batch write (12 % of
 * its pieces under one parent) and a random mix of nested batches, parallel and sequential.
 * Exactly `pieces` segments + subsegments in total; every document ≤ 64 kB (big subtrees are sent
 * as independent subsegments, like the Node SDK's streaming).
 */

const WORKERS = [
  'price-sync',
  'image-ingest',
  'search-indexer',
  'stock-sync',
  'translation',
  'feed-export',
];
const MAX_DEPTH = 40;
const TABLES = ['catalog-items', 'prices', 'stock-levels'];

interface Ctx {
  rng: Rng;
}

/** A leaf call: DynamoDB, S3, SQL or plain code; now and then it fails. */
function leaf(ctx: Ctx, parent: EntityDoc, startMs: number): number {
  const { rng } = ctx;
  const kind = rng.int(0, 3);
  const durationMs = rng.latency(kind === 3 ? 2 : 6, 0.5);
  const sub: SubsegmentDoc = {
    id: newId(rng),
    name: '',
    start_time: startMs / 1000,
    end_time: (startMs + durationMs) / 1000,
  };
  if (kind === 0) {
    sub.name = 'DynamoDB';
    sub.namespace = 'aws';
    sub.aws = {
      operation: 'PutItem',
      table_name: rng.pick(TABLES),
      region: 'us-east-1',
      request_id: rng.hex(32).toUpperCase(),
    };
  } else if (kind === 1) {
    sub.name = 'S3';
    sub.namespace = 'aws';
    sub.aws = {
      operation: 'PutObject',
      bucket_name: 'catalog-assets',
      key: `items/${rng.hex(8)}.json`,
      region: 'us-east-1',
    };
  } else if (kind === 2) {
    sub.name = 'catalog@catalog-db.cluster-example.us-east-1.rds.amazonaws.com';
    sub.namespace = 'remote';
    sub.sql = {
      url: 'postgres://catalog-db.cluster-example.us-east-1.rds.amazonaws.com:5432/catalog',
      sanitized_query:
        'INSERT INTO items (sku, doc) VALUES ($1, $2) ON CONFLICT (sku) DO UPDATE SET doc = $2',
      database_type: 'PostgreSQL',
    };
  } else {
    sub.name = 'transform';
    sub.metadata = { default: { sku: `SKU-${rng.int(10000, 99999)}` } };
  }
  const roll = rng.next();
  if (roll < 0.004) {
    sub.fault = true;
    sub.cause = {
      working_directory: '/app',
      exceptions: [
        {
          id: newId(rng),
          type: 'ConnectionResetError',
          message: 'socket hang up',
          stack: [{ path: 'src/import/write.ts', line: 88, label: 'writeItem' }],
        },
      ],
    };
  } else if (roll < 0.008 && kind === 0) {
    sub.error = true;
    sub.throttle = true;
    sub.http = { response: { status: 429 } };
  }
  addSubsegment(parent, sub);
  return startMs + durationMs;
}

/** A named block containing exactly `budget` descendant pieces; returns its end (ms). */
function nested(
  ctx: Ctx,
  parent: EntityDoc,
  name: string,
  startMs: number,
  budget: number,
  depth: number,
): number {
  const sub: SubsegmentDoc = { id: newId(ctx.rng), name, start_time: startMs / 1000, end_time: 0 };
  addSubsegment(parent, sub);
  const end = fill(ctx, sub, startMs + ctx.rng.int(0, 1), budget, depth + 1) + ctx.rng.int(0, 1);
  sub.end_time = end / 1000;
  return end;
}

/** Adds exactly `budget` pieces under `parent`, mixing leaves and nested blocks. */
function fill(ctx: Ctx, parent: EntityDoc, startMs: number, budget: number, depth: number): number {
  const { rng } = ctx;
  const parallel = rng.chance(0.5);
  let cursor = startMs;
  let end = startMs;
  let remaining = budget;
  let batch = 0;
  while (remaining > 0) {
    let size = 1;
    if (depth < MAX_DEPTH && remaining > 1 && rng.chance(0.15)) {
      size = Math.min(
        remaining,
        rng.chance(0.1) ? Math.ceil(remaining * rng.next()) : rng.int(2, 60),
      );
    }
    const at = parallel ? startMs + rng.int(0, 3) : cursor;
    const childEnd =
      size === 1
        ? leaf(ctx, parent, at)
        : nested(ctx, parent, `batch-${depth}-${batch++}`, at, size - 1, depth);
    remaining -= size;
    end = Math.max(end, childEnd);
    cursor = childEnd + rng.int(0, 1);
  }
  return end;
}

/** A chain `resolve-dependency` nested `levels` deep, the innermost doing one lookup. */
function chain(ctx: Ctx, parent: EntityDoc, startMs: number, levels: number): number {
  if (levels === 1) return leaf(ctx, parent, startMs);
  const sub: SubsegmentDoc = {
    id: newId(ctx.rng),
    name: 'resolve-dependency',
    start_time: startMs / 1000,
    end_time: 0,
  };
  addSubsegment(parent, sub);
  sub.annotations = { level: levels };
  const end = chain(ctx, sub, startMs + 1, levels - 1) + 1;
  sub.end_time = end / 1000;
  return end;
}

function segment(
  rng: Rng,
  name: string,
  traceId: string,
  startMs: number,
  origin: string,
): SegmentDoc {
  return {
    id: newId(rng),
    name,
    trace_id: traceId,
    start_time: startMs / 1000,
    end_time: 0,
    origin,
  };
}

/** The worker's own pieces: `budget` under its segment (deep chain, wide batch, then random). */
function work(ctx: Ctx, seg: SegmentDoc, startMs: number, budget: number): number {
  let t = startMs + 1;
  let left = budget;
  const deep = Math.min(MAX_DEPTH, left);
  if (deep > 0) {
    t = chain(ctx, seg, t, deep) + 1;
    left -= deep;
  }
  const wide = Math.ceil(budget * 0.12); // children of the batch block
  if (wide > 1 && left >= wide + 1) {
    // A batch write issuing every item at once: one parent, thousands of parallel children.
    const block: SubsegmentDoc = {
      id: newId(ctx.rng),
      name: 'write-batch',
      start_time: t / 1000,
      end_time: 0,
    };
    addSubsegment(seg, block);
    let end = t;
    for (let i = 0; i < wide; i++) end = Math.max(end, leaf(ctx, block, t + ctx.rng.int(0, 20)));
    block.end_time = (end + 1) / 1000;
    t = end + 2;
    left -= wide + 1;
  }
  return fill(ctx, seg, t, left, 1) + 1;
}

export function generateBigTrace(opts: {
  pieces: number;
  seed: number;
  startSec: number;
}): IngestDoc[] {
  const pieces = Math.max(1, Math.floor(opts.pieces));
  const rng = new Rng(hashParts(opts.seed, opts.startSec, 0xb16));
  const ctx: Ctx = { rng };
  const traceId = newTraceId(opts.startSec, rng);
  const t0 = opts.startSec * 1000 + rng.int(0, 500);
  const root = segment(rng, 'catalog-import', traceId, t0, 'AWS::EC2::Instance');
  root.http = {
    request: {
      method: 'POST',
      url: 'https://admin.shop.example.com/imports/catalog',
      client_ip: '10.0.0.12',
    },
  };
  root.annotations = { import_id: `imp-${rng.hex(8)}`, pieces };

  const workers = Math.min(WORKERS.length, Math.floor((pieces - 1) / 2));
  let budget = pieces - 1 - 2 * workers;
  const docs: IngestDoc[] = [];
  let t = t0 + 2;
  let end = t;
  let failed = false;
  for (let w = 0; w < workers; w++) {
    const share = w === workers - 1 ? budget : Math.floor(budget / (workers - w));
    budget -= share;
    const name = WORKERS[w] as string;
    const call: SubsegmentDoc = {
      id: newId(rng),
      name,
      start_time: t / 1000,
      end_time: 0,
      namespace: 'remote',
      http: { request: { method: 'POST', url: `http://${name}:8080/run`, traced: true } },
    };
    addSubsegment(root, call);
    const seg = segment(rng, name, traceId, t + 1, 'AWS::ECS::Container');
    seg.parent_id = call.id;
    const segEnd = work(ctx, seg, t + 1, share);
    seg.end_time = segEnd / 1000;
    // The last worker fails: the import finishes, partially, and says so.
    const status = w === workers - 1 && workers > 1 ? 500 : 200;
    if (status === 500) {
      failed = true;
      seg.fault = true;
      seg.cause = {
        working_directory: '/app',
        exceptions: [
          {
            id: newId(rng),
            type: 'ImportError',
            message: 'feed export aborted: 3 items failed validation',
            stack: [{ path: 'src/export/run.ts', line: 57, label: 'run' }],
          },
        ],
      };
    }
    seg.http = {
      request: { method: 'POST', url: `http://${name}:8080/run` },
      response: { status },
    };
    call.end_time = (segEnd + 1) / 1000;
    call.http = { ...call.http, response: { status } };
    if (status === 500) call.fault = true;
    docs.push(...packSegment(seg));
    end = Math.max(end, segEnd + 1);
    // Workers start staggered: two in parallel, the rest after a short delay.
    t = w % 2 === 0 ? t + rng.int(1, 5) : segEnd + 2;
  }
  if (budget > 0) end = Math.max(end, fill(ctx, root, end, budget, 1));
  root.end_time = (end + 2) / 1000;
  root.http = { ...root.http, response: { status: failed ? 207 : 200 } };
  docs.push(...packSegment(root));
  return docs;
}

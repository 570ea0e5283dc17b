import { dynamo, s3 } from '../aws-calls.ts';
import { finishSegment, startSegment } from '../hosts.ts';
import { BUCKETS, SERVICES, TABLES } from '../shop.ts';
import { block } from '../spans.ts';
import type { Handler } from '../tx.ts';

/**
 * recommendations (ECS, Python, its host clock ~3 ms behind). Reads candidates from DynamoDB, now
 * and then reloads its ranking model from S3 (a cache miss), and ranks in a custom subsegment.
 */

const svc = SERVICES.recommendations;

/** GET /recommendations/{sku} or /recommendations?category=… */
export const recommend: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(1, 3);
  const modelMiss = tx.rng.chance(0.05);
  if (modelMiss) {
    t = s3(
      tx,
      seg.doc,
      t,
      'GetObject',
      BUCKETS.models,
      'ranker/2024-10-28/model.onnx',
      tx.rng.int(1_500_000, 2_400_000),
    ).endMs;
  }
  t = dynamo(tx, seg.doc, t, 'Query', TABLES.recommendations).endMs + tx.rng.int(0, 1);
  const candidates = tx.rng.int(20, 200);
  t = block(
    seg.doc,
    tx.rng,
    'rank-candidates',
    t,
    (_sub, at) => at + tx.rng.latency(22, 0.4),
  ).endMs;
  seg.doc.metadata = {
    default: {
      model: { name: 'ranker', version: '2024-10-28', cache: modelMiss ? 'miss' : 'hit' },
      candidates,
      returned: 8,
    },
  };
  const endMs = t + tx.rng.int(1, 2);
  const bytes = tx.rng.int(1200, 2600);
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};

import { dynamo } from '../aws-calls.ts';
import { callService } from '../calls.ts';
import { exception, nodeFrames } from '../faults.ts';
import { finishSegment, outbound, startSegment } from '../hosts.ts';
import { SERVICES, TABLES } from '../shop.ts';
import { addCause, block } from '../spans.ts';
import type { Handler } from '../tx.ts';
import { getStock } from './inventory.ts';
import { recommend } from './recommendations.ts';

/**
 * catalog (ECS, Node). Product pages fetch stock and recommendations in parallel and degrade
 * gracefully: a failing inventory still yields a 200 page ("stock unknown"), which is exactly the
 * downstream fault a top-level `fault` filter does not find but `service("inventory") { fault }` does.
 */

const svc = SERVICES.catalog;

function query(path: string, key: string): string {
  const m = new RegExp(`[?&]${key}=([^&]*)`).exec(path);
  return m?.[1] ?? '';
}

/** GET /products?category=… */
export const listProducts: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(1, 3);
  const category = query(inbound.path, 'category');
  t = dynamo(tx, seg.doc, t, 'Query', TABLES.products).endMs + tx.rng.int(0, 2);
  if (tx.rng.chance(0.4)) {
    t = callService(
      tx,
      seg.doc,
      t,
      'recommendations',
      'GET',
      `/recommendations?category=${category}`,
      recommend,
      outbound(tx, svc),
    ).endMs;
  }
  const results = tx.rng.int(0, 48);
  t = block(seg.doc, tx.rng, 'render-listing', t, (_s, at) => at + tx.rng.latency(3)).endMs;
  seg.doc.metadata = {
    default: { query: { category, sort: 'popularity', page: 1, page_size: 48 }, results },
  };
  const endMs = t + tx.rng.int(1, 2);
  const bytes = 800 + results * 410;
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};

/** GET /products/{sku} */
export const getProduct: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(1, 3);
  const sku = inbound.path.split('/')[2] ?? '';
  t = dynamo(tx, seg.doc, t, 'GetItem', TABLES.products).endMs + tx.rng.int(0, 1);
  if (tx.rng.chance(0.03)) {
    // Stale links from search engines: the product was delisted.
    const ex = exception(
      tx.rng,
      'NotFoundError',
      `product ${sku} not found`,
      nodeFrames('getProduct@src/routes/products.ts:58'),
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 404, 48);
    return { endMs, status: 404, bytes: 48, exceptionId: ex.id };
  }
  // Promise.all: both calls leave at the same moment.
  const from = outbound(tx, svc);
  const stock = callService(tx, seg.doc, t, 'inventory', 'GET', `/stock/${sku}`, getStock, from);
  const recs = callService(
    tx,
    seg.doc,
    t + tx.rng.int(0, 1),
    'recommendations',
    'GET',
    `/recommendations/${sku}`,
    recommend,
    from,
  );
  t = Math.max(stock.endMs, recs.endMs) + tx.rng.int(0, 1);
  const degraded = stock.reply.status >= 500;
  seg.doc.metadata = { default: { product: { sku, stock: degraded ? 'unknown' : 'live' } } };
  t = block(seg.doc, tx.rng, 'render-product', t, (_s, at) => at + tx.rng.latency(2)).endMs;
  const endMs = t + tx.rng.int(1, 2);
  const bytes = tx.rng.int(3000, 9000);
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};

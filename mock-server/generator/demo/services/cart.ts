import type { SegmentDoc } from '../../../../src/xray/types.ts';
import { dynamo } from '../aws-calls.ts';
import { callService } from '../calls.ts';
import { downstreamError, exception, nodeFrames } from '../faults.ts';
import { finishSegment, outbound, startSegment } from '../hosts.ts';
import { SERVICES, sku, TABLES } from '../shop.ts';
import { addCause, causeRef } from '../spans.ts';
import type { Handler, Reply, Tx } from '../tx.ts';
import { getStock } from './inventory.ts';

/**
 * cart (ECS, Node, DynamoDB `carts`). While the carts table is throttled most calls fail after the
 * SDK's retries and cart answers 429, re-recording the DynamoDB error by reference (Node SDK style).
 */

const svc = SERVICES.cart;

function throttled(tx: Tx): boolean {
  return tx.rng.chance(tx.incidents.cartsThrottling ? 0.65 : 0.003);
}

function cartMetadata(tx: Tx, doc: SegmentDoc, items: number): void {
  const lines = [];
  let subtotal = 0;
  for (let i = 0; i < Math.min(items, 6); i++) {
    const price = tx.rng.int(999, 34999) / 100;
    const qty = tx.rng.int(1, 3);
    subtotal += price * qty;
    lines.push({ sku: sku(tx.rng.int(0, 89999)), qty, unit_price: price });
  }
  doc.metadata = {
    default: {
      cart: {
        id: tx.shopper.cartId,
        currency: 'USD',
        lines,
        subtotal: Math.round(subtotal * 100) / 100,
      },
    },
  };
  doc.annotations = { ...doc.annotations, cart_items: items };
}

/** GET /cart/{id} */
export const getCart: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  const t = inbound.startMs + tx.rng.int(1, 2);
  const read = dynamo(tx, seg.doc, t, 'GetItem', TABLES.carts, { throttled: throttled(tx) });
  if (read.failed) {
    causeRef(seg.doc, read.sub.id);
    const endMs = read.endMs + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 429, 71);
    return { endMs, status: 429, bytes: 71, exceptionId: read.failed };
  }
  cartMetadata(tx, seg.doc, tx.rng.int(0, 9));
  const endMs = read.endMs + tx.rng.int(1, 3);
  const bytes = tx.rng.int(400, 2400);
  finishSegment(tx, seg, endMs, 200, bytes);
  return { endMs, status: 200, bytes };
};

/** POST /cart/{id}/items */
export const addItem: Handler = (tx, inbound): Reply => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(1, 3);
  if (tx.rng.chance(0.02)) {
    const ex = exception(
      tx.rng,
      'ValidationError',
      'quantity must be an integer between 1 and 10',
      nodeFrames('parseLine@src/routes/items.ts:24'),
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 400, 92);
    return { endMs, status: 400, bytes: 92, exceptionId: ex.id };
  }
  const item = sku(tx.rng.int(0, 89999));
  const stock = callService(
    tx,
    seg.doc,
    t,
    'inventory',
    'GET',
    `/stock/${item}`,
    getStock,
    outbound(tx, svc),
  );
  t = stock.endMs + tx.rng.int(0, 1);
  if (stock.reply.status >= 500) {
    const ex = downstreamError(
      tx.rng,
      'node',
      'inventory',
      stock.reply.status,
      stock.reply.exceptionId,
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 502, 64);
    return { endMs, status: 502, bytes: 64, exceptionId: ex.id };
  }
  const write = dynamo(tx, seg.doc, t, 'UpdateItem', TABLES.carts, { throttled: throttled(tx) });
  if (write.failed) {
    causeRef(seg.doc, write.sub.id);
    const endMs = write.endMs + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 429, 71);
    return { endMs, status: 429, bytes: 71, exceptionId: write.failed };
  }
  cartMetadata(tx, seg.doc, tx.rng.int(1, 10));
  const endMs = write.endMs + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 201, 180);
  return { endMs, status: 201, bytes: 180 };
};

import { sqsSend } from '../aws-calls.ts';
import { callService } from '../calls.ts';
import { downstreamError, exception, nodeFrames } from '../faults.ts';
import type { OpenSegment } from '../hosts.ts';
import { finishSegment, outbound, startSegment } from '../hosts.ts';
import { invoke } from '../lambda.ts';
import { LAMBDAS, QUEUES, SERVICES } from '../shop.ts';
import { addCause, block } from '../spans.ts';
import type { Handler, Reply, Tx } from '../tx.ts';
import { getCart } from './cart.ts';
import { fraudCheck } from './functions.ts';
import { reserve } from './inventory.ts';
import { createOrder } from './legacy-orders.ts';
import { pay } from './payments.ts';

/**
 * checkout (ECS, Node): the long chain every incident shows up in. Steps run one after another,
 * each wrapped in a named subsegment: load cart → reserve stock → fraud check (Lambda) → charge
 * (payments → provider) → persist (legacy-orders) → publish an order event (SQS).
 */

const svc = SERVICES.checkout;

function fail(
  tx: Tx,
  seg: OpenSegment,
  atMs: number,
  status: number,
  type: string,
  message: string,
  line: number,
  cause?: string,
): Reply {
  const ex = exception(
    tx.rng,
    type,
    message,
    nodeFrames(`checkout@src/routes/checkout.ts:${line}`),
    cause ? { cause } : {},
  );
  addCause(seg.doc, svc.workingDir, [ex]);
  const endMs = atMs + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, status, 90);
  return { endMs, status, bytes: 90, exceptionId: ex.id };
}

/** POST /checkout */
export const checkout: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  const from = outbound(tx, svc);
  const cartId = tx.shopper.cartId;
  const items = tx.rng.int(1, 8);
  const total = tx.rng.int(1500, 60000) / 100;
  seg.doc.annotations = {
    ...seg.doc.annotations,
    cart_items: items,
    payment_method: tx.rng.pick(['card', 'card', 'card', 'paypal', 'apple_pay']),
  };
  seg.doc.metadata = {
    default: {
      order: {
        cart_id: cartId,
        items,
        total,
        currency: 'USD',
        shipping: { method: tx.rng.pick(['ground', 'express']), country: 'US' },
      },
    },
  };
  let t = inbound.startMs + tx.rng.int(1, 3);

  const cart = block(
    seg.doc,
    tx.rng,
    'load-cart',
    t,
    (sub, at) => callService(tx, sub, at, 'cart', 'GET', `/cart/${cartId}`, getCart, from).endMs,
  );
  t = cart.endMs;
  const cartStatus = cart.sub.subsegments?.[0]?.http?.response?.status ?? 200;
  if (cartStatus >= 400) {
    return fail(tx, seg, t, 503, 'CartUnavailableError', `cart service answered ${cartStatus}`, 48);
  }

  let stockStatus = 201;
  let stockEx: string | undefined;
  t = block(seg.doc, tx.rng, 'reserve-stock', t, (sub, at) => {
    const call = callService(tx, sub, at, 'inventory', 'POST', '/reservations', reserve, from);
    stockStatus = call.reply.status;
    stockEx = call.reply.exceptionId;
    return call.endMs;
  }).endMs;
  if (stockStatus >= 500) {
    const ex = downstreamError(tx.rng, 'node', 'inventory', stockStatus, stockEx);
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 3);
    finishSegment(tx, seg, endMs, 502, 88);
    return { endMs, status: 502, bytes: 88, exceptionId: ex.id };
  }

  const fraud = invoke(tx, seg.doc, t + tx.rng.int(0, 1), LAMBDAS.fraudCheck, fraudCheck(tx));
  t = fraud.endMs;
  // Fail open: an erroring fraud check must not block sales; the order is flagged for review.
  if (fraud.run.error) seg.doc.annotations = { ...seg.doc.annotations, manual_review: true };

  let payReply: Reply = { endMs: t, status: 201, bytes: 0 };
  t = block(seg.doc, tx.rng, 'charge', t, (sub, at) => {
    const call = callService(tx, sub, at, 'payments', 'POST', '/payments', pay, from);
    payReply = call.reply;
    return call.endMs;
  }).endMs;
  if (payReply.status === 402) {
    return fail(
      tx,
      seg,
      t,
      402,
      'PaymentDeclinedError',
      'payment declined',
      97,
      payReply.exceptionId,
    );
  }
  if (payReply.status >= 500) {
    return fail(
      tx,
      seg,
      t,
      502,
      'PaymentFailedError',
      `payments answered ${payReply.status}`,
      101,
      payReply.exceptionId,
    );
  }

  let orderReply: Reply = { endMs: t, status: 201, bytes: 0 };
  t = block(seg.doc, tx.rng, 'persist-order', t, (sub, at) => {
    const call = callService(tx, sub, at, 'legacy-orders', 'POST', '/orders', createOrder, from);
    orderReply = call.reply;
    return call.endMs;
  }).endMs;
  if (orderReply.status >= 500) {
    return fail(
      tx,
      seg,
      t,
      500,
      'OrderPersistError',
      'could not store the order',
      118,
      orderReply.exceptionId,
    );
  }

  t = sqsSend(tx, seg.doc, t + tx.rng.int(0, 1), QUEUES.orderEvents).endMs;
  const endMs = t + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 201, 310);
  return { endMs, status: 201, bytes: 310 };
};

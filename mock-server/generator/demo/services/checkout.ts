import { sqsSend } from '../aws-calls.ts';
import { callService } from '../calls.ts';
import { exception, nodeFrames } from '../faults.ts';
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

/**
 * Answers `status` with checkout's own exception. When a downstream reply caused it, the exception
 * is `remote` and its `cause` points at the downstream exception, so root-cause analysis can walk
 * from checkout to the service that actually failed.
 */
function fail(
  tx: Tx,
  seg: OpenSegment,
  atMs: number,
  status: number,
  error: { type: string; message: string; line: number; cause?: string | undefined },
): Reply {
  const extra = error.cause ? { remote: true, cause: error.cause } : {};
  const ex = exception(
    tx.rng,
    error.type,
    error.message,
    nodeFrames(`checkout@src/routes/checkout.ts:${error.line}`),
    extra,
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

  /** One step of the chain: a named subsegment wrapping the call to another service. */
  const step = (
    name: string,
    target: string,
    method: string,
    path: string,
    handler: Handler,
  ): Reply => {
    let reply: Reply = { endMs: t, status: 200, bytes: 0 };
    t = block(seg.doc, tx.rng, name, t, (sub, at) => {
      const call = callService(tx, sub, at, target, method, path, handler, from);
      reply = call.reply;
      return call.endMs;
    }).endMs;
    return reply;
  };

  const cart = step('load-cart', 'cart', 'GET', `/cart/${cartId}`, getCart);
  if (cart.status >= 400) {
    const message = `cart service answered ${cart.status}`;
    return fail(tx, seg, t, 503, {
      type: 'CartUnavailableError',
      message,
      line: 48,
      cause: cart.exceptionId,
    });
  }

  const stock = step('reserve-stock', 'inventory', 'POST', '/reservations', reserve);
  if (stock.status >= 500) {
    const message = `inventory answered ${stock.status}`;
    return fail(tx, seg, t, 502, {
      type: 'ReservationFailedError',
      message,
      line: 63,
      cause: stock.exceptionId,
    });
  }

  const fraud = invoke(tx, seg.doc, t + tx.rng.int(0, 1), LAMBDAS.fraudCheck, fraudCheck(tx));
  t = fraud.endMs;
  // Fail open: an erroring fraud check must not block sales; the order is flagged for review.
  if (fraud.run.error) seg.doc.annotations = { ...seg.doc.annotations, manual_review: true };

  const payment = step('charge', 'payments', 'POST', '/payments', pay);
  if (payment.status === 402) {
    return fail(tx, seg, t, 402, {
      type: 'PaymentDeclinedError',
      message: 'payment declined',
      line: 97,
      cause: payment.exceptionId,
    });
  }
  if (payment.status >= 500) {
    const message = `payments answered ${payment.status}`;
    return fail(tx, seg, t, 502, {
      type: 'PaymentFailedError',
      message,
      line: 101,
      cause: payment.exceptionId,
    });
  }

  const order = step('persist-order', 'legacy-orders', 'POST', '/orders', createOrder);
  if (order.status >= 500) {
    const message = 'could not store the order';
    return fail(tx, seg, t, 500, {
      type: 'OrderPersistError',
      message,
      line: 118,
      cause: order.exceptionId,
    });
  }

  t = sqsSend(tx, seg.doc, t + tx.rng.int(0, 1), QUEUES.orderEvents).endMs;
  const endMs = t + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 201, 310);
  return { endMs, status: 201, bytes: 310 };
};

import type { EntityDoc } from '../../../../src/xray/types.ts';
import { dynamo } from '../aws-calls.ts';
import { exception, nodeFrames } from '../faults.ts';
import { finishSegment, startSegment } from '../hosts.ts';
import { SERVICES, STRIPE_HOST, TABLES } from '../shop.ts';
import { addCause, closeAt, openSub, setStatus } from '../spans.ts';
import type { Handler, Tx } from '../tx.ts';

/**
 * payments (ECS, Node) charging cards through an external provider. During the latency incident
 * the provider takes 2–8 s; payments gives up after 6 s (504), so traces show both slow successes
 * and timeouts.
 */

const svc = SERVICES.payments;
const TIMEOUT_MS = 6000;

interface Charge {
  endMs: number;
  status: number | 'timeout';
  exceptionId?: string;
}

/** The uninstrumented provider: a remote call with `traced: false` (X-Ray infers its node). */
function charge(tx: Tx, parent: EntityDoc, startMs: number): Charge {
  const sub = openSub(parent, tx.rng, STRIPE_HOST, startMs, {
    namespace: 'remote',
    http: {
      request: { method: 'POST', url: `https://${STRIPE_HOST}/v1/payment_intents`, traced: false },
    },
  });
  const slow = tx.incidents.paymentLatency && tx.rng.chance(0.8);
  const latency = slow
    ? Math.min(8000, Math.max(2000, tx.rng.latency(4200, 0.4)))
    : tx.rng.latency(260, 0.3);
  if (latency > TIMEOUT_MS) {
    const endMs = startMs + TIMEOUT_MS;
    closeAt(sub, endMs);
    sub.fault = true;
    const ex = exception(
      tx.rng,
      'TimeoutError',
      `Request to ${STRIPE_HOST} timed out after ${TIMEOUT_MS} ms`,
      nodeFrames(
        'onTimeout@node_modules/undici/lib/core/request.js:318',
        'createIntent@src/provider/stripe.ts:77',
      ),
    );
    addCause(sub, svc.workingDir, [ex]);
    return { endMs, status: 'timeout', exceptionId: ex.id };
  }
  const endMs = startMs + latency;
  closeAt(sub, endMs);
  if (tx.rng.chance(0.02)) {
    setStatus(sub, 402, 214);
    const ex = exception(
      tx.rng,
      'CardError',
      'Your card was declined.',
      nodeFrames('createIntent@src/provider/stripe.ts:91'),
      { remote: true },
    );
    addCause(sub, svc.workingDir, [ex]);
    return { endMs, status: 402, exceptionId: ex.id };
  }
  setStatus(sub, 200, tx.rng.int(1400, 1900));
  return { endMs, status: 200 };
}

/** POST /payments */
export const pay: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  let t = inbound.startMs + tx.rng.int(1, 3);
  // Idempotency key lookup first, so a retried checkout never charges twice.
  t = dynamo(tx, seg.doc, t, 'GetItem', TABLES.payments).endMs + tx.rng.int(0, 1);
  const result = charge(tx, seg.doc, t);
  t = result.endMs + tx.rng.int(0, 1);
  const amount = tx.rng.int(1500, 60000) / 100;
  seg.doc.annotations = { ...seg.doc.annotations, payment_provider: 'stripe', amount };
  seg.doc.metadata = {
    provider: {
      name: 'stripe',
      payment_intent: `pi_${tx.rng.hex(24)}`,
      idempotency_key: tx.rng.hex(32),
      attempt: 1,
    },
  };
  if (result.status === 'timeout') {
    const ex = exception(
      tx.rng,
      'PaymentProviderTimeoutError',
      'payment provider did not answer in time',
      nodeFrames('pay@src/routes/payments.ts:112'),
      {
        cause: result.exceptionId,
      },
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 504, 77);
    return { endMs, status: 504, bytes: 77, exceptionId: ex.id };
  }
  if (result.status === 402) {
    const ex = exception(
      tx.rng,
      'PaymentDeclinedError',
      'card declined by issuer',
      nodeFrames('pay@src/routes/payments.ts:98'),
      { remote: true, cause: result.exceptionId },
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = t + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 402, 120);
    return { endMs, status: 402, bytes: 120, exceptionId: ex.id };
  }
  t = dynamo(tx, seg.doc, t, 'PutItem', TABLES.payments).endMs;
  const endMs = t + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 201, 240);
  return { endMs, status: 201, bytes: 240 };
};

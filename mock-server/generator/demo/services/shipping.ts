import { exception, nodeFrames } from '../faults.ts';
import { finishSegment, startSegment } from '../hosts.ts';
import { invoke } from '../lambda.ts';
import { LAMBDAS, SERVICES } from '../shop.ts';
import { addCause } from '../spans.ts';
import type { Handler } from '../tx.ts';
import { shippingRates } from './functions.ts';

/** shipping (ECS, Node): quotes delivery by invoking the shipping-rates function synchronously. */

const svc = SERVICES.shipping;

/** GET /shipping/quote?zip=… */
export const quote: Handler = (tx, inbound) => {
  const seg = startSegment(tx, svc, inbound);
  const zip = /zip=(\d+)/.exec(inbound.path)?.[1] ?? '00000';
  const call = invoke(
    tx,
    seg.doc,
    inbound.startMs + tx.rng.int(1, 3),
    LAMBDAS.shippingRates,
    shippingRates(tx, zip),
  );
  if (call.run.error) {
    const ex = exception(
      tx.rng,
      'RatesUnavailableError',
      'shipping-rates failed',
      nodeFrames('quote@src/routes/quote.ts:40'),
    );
    addCause(seg.doc, svc.workingDir, [ex]);
    const endMs = call.endMs + tx.rng.int(1, 2);
    finishSegment(tx, seg, endMs, 502, 70);
    return { endMs, status: 502, bytes: 70, exceptionId: ex.id };
  }
  seg.doc.metadata = { default: { quote: { zip, options: ['ground', 'express', 'overnight'] } } };
  const endMs = call.endMs + tx.rng.int(1, 3);
  finishSegment(tx, seg, endMs, 200, 380);
  return { endMs, status: 200, bytes: 380 };
};

import { dynamo, s3 } from '../aws-calls.ts';
import { exception } from '../faults.ts';
import type { LambdaBody } from '../lambda.ts';
import { BUCKETS, TABLES } from '../shop.ts';
import { block } from '../spans.ts';
import type { Tx } from '../tx.ts';

/**
 * Bodies of the three Lambda functions: what the X-Ray SDK inside each records. Top-level
 * subsegments become independent documents (see lambda.ts); `cold_start` is annotated on the
 * first one because the function segment itself belongs to Lambda, not to the SDK.
 */

/** fraud-check: scores an order from recent risk signals. */
export function fraudCheck(tx: Tx): LambdaBody {
  return (facade, atMs, cold) => {
    const { sub, endMs } = block(facade, tx.rng, 'score-order', atMs, (s, at) => {
      const c = dynamo(tx, s, at, 'Query', TABLES.risk, { medianMs: 9 }).endMs;
      return c + tx.rng.latency(6);
    });
    const score = Math.round(tx.rng.next() ** 3 * 100) / 100;
    sub.annotations = { cold_start: cold, risk_score: score };
    sub.metadata = {
      default: {
        model: 'rules-v3',
        signals: { velocity: tx.rng.int(0, 5), new_device: tx.rng.chance(0.2) },
      },
    };
    if (tx.rng.chance(0.005)) {
      const error = exception(
        tx.rng,
        'Runtime.UnhandledPromiseRejection',
        'TypeError: Cannot convert undefined or null to object',
        ['scoreSignals@/var/task/index.mjs:212', 'handler@/var/task/index.mjs:41'],
      );
      return { endMs, error };
    }
    return { endMs };
  };
}

/** shipping-rates: looks up carrier rates for a destination zip. */
export function shippingRates(tx: Tx, zip: string): LambdaBody {
  return (facade, atMs, cold) => {
    const { sub, endMs } = block(facade, tx.rng, 'quote', atMs, (s, at) => {
      const c = dynamo(tx, s, at, 'GetItem', TABLES.rates).endMs;
      return c + tx.rng.latency(4);
    });
    sub.annotations = { cold_start: cold, zip_prefix: zip.slice(0, 3) };
    return { endMs };
  };
}

/** image-resizer: fetches an upload, resizes it, stores the thumbnail (each call its own document). */
export function imageResizer(tx: Tx): LambdaBody {
  return (facade, atMs, cold) => {
    const key = `avatars/${tx.rng.hex(8)}.jpg`;
    const size = tx.rng.int(150_000, 4_000_000);
    const get = s3(tx, facade, atMs, 'GetObject', BUCKETS.uploads, key, size);
    get.sub.annotations = { cold_start: cold, image_bytes: size };
    if (tx.rng.chance(0.01)) {
      const error = exception(tx.rng, 'Error', 'Input buffer contains unsupported image format', [
        'Sharp.toBuffer@/var/task/node_modules/sharp/lib/output.js:163',
        'resize@/var/task/resize.mjs:28',
        'handler@/var/task/index.mjs:19',
      ]);
      return { endMs: get.endMs + tx.rng.int(2, 10), error };
    }
    const resize = block(
      facade,
      tx.rng,
      'resize',
      get.endMs + tx.rng.int(0, 2),
      (_s, at) => at + tx.rng.latency(60 + size / 20_000, 0.3),
    );
    resize.sub.metadata = {
      default: { sizes: [64, 128, 512], format: 'webp', source_bytes: size },
    };
    const put = s3(
      tx,
      facade,
      resize.endMs + tx.rng.int(0, 2),
      'PutObject',
      BUCKETS.thumbnails,
      key.replace('.jpg', '-512.webp'),
      Math.round(size / 12),
    );
    return { endMs: put.endMs };
  };
}

import type { Rng } from './random.ts';

/**
 * X-Ray identifiers (segment-document.md §2): trace ids are `1-<start second hex>-<24 hex>`,
 * segment, subsegment and exception ids are 16 hex digits.
 */

export const TRACE_ID_RE = /^1-[0-9a-f]{8}-[0-9a-f]{24}$/;
export const ENTITY_ID_RE = /^[0-9a-f]{16}$/;

export function newId(rng: Rng): string {
  return rng.hex(16);
}

/** Trace id whose time part is `startSec` (whole epoch seconds, as the SDKs write it). */
export function newTraceId(startSec: number, rng: Rng): string {
  return `1-${Math.floor(startSec).toString(16).padStart(8, '0')}-${rng.hex(24)}`;
}

/** An AWS request id in UUID form (Lambda, SQS, SNS). */
export function uuid(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** DynamoDB/S3-style request id: 52 upper-case alphanumerics. */
export function awsRequestId(rng: Rng): string {
  return rng.chars(52, UPPER_ALNUM);
}

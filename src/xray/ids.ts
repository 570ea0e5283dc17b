/**
 * Trace and segment identifiers (segment-document.md §2).
 *
 * Trace id: `1-<8 hex: epoch seconds>-<24 hex random>`; segment/subsegment/exception id: 16 hex.
 * W3C/OpenTelemetry trace ids (32 hex) map onto the same shape by splitting after 8 digits; their
 * "time" part is then random, so callers must not trust `traceIdEpoch` for them.
 */

const TRACE_ID = /^1-[0-9a-fA-F]{8}-[0-9a-fA-F]{24}$/;
const SEGMENT_ID = /^[0-9a-fA-F]{16}$/;
const W3C_TRACE_ID = /^[0-9a-fA-F]{32}$/;
const ROOT_IN_HEADER = /(?:^|;)\s*Root=([^;\s]+)/i;

/** True for an X-Ray trace id (`1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx`, either hex case). */
export function isTraceId(s: unknown): s is string {
  return typeof s === 'string' && TRACE_ID.test(s);
}

/** True for a 16-hex-digit segment, subsegment or exception id. */
export function isSegmentId(s: unknown): s is string {
  return typeof s === 'string' && SEGMENT_ID.test(s);
}

/**
 * Epoch seconds encoded in the middle part of a trace id, or undefined when `id` is not a
 * trace id. Meaningless for ids converted from W3C form (see file comment).
 */
export function traceIdEpoch(id: string): number | undefined {
  if (!isTraceId(id)) return undefined;
  return Number.parseInt(id.slice(2, 10), 16);
}

/**
 * Turns what a person pastes into a canonical lower-case X-Ray trace id: the X-Ray form, a
 * 32-hex W3C id, or an `X-Amzn-Trace-Id` header value (`Root=…;Parent=…`). Returns undefined for
 * anything else. Lower case because every SDK emits lower-case hex, so stored ids match.
 */
export function normalizeTraceId(input: string): string | undefined {
  let s = input.trim();
  const root = ROOT_IN_HEADER.exec(s);
  if (root?.[1] !== undefined) s = root[1];
  if (TRACE_ID.test(s)) return s.toLowerCase();
  if (W3C_TRACE_ID.test(s)) return `1-${s.slice(0, 8)}-${s.slice(8)}`.toLowerCase();
  return undefined;
}

/**
 * A deterministic 16-hex id derived from `seed` (64-bit FNV-1a). Used for ids the service
 * synthesizes (inferred segments) so that reading a trace twice yields the same ids.
 */
export function deriveSegmentId(seed: string): string {
  // Two 32-bit FNV-1a lanes with different offset bases stand in for one 64-bit hash; BigInt
  // would be simpler but is ~10x slower and this runs once per downstream call.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

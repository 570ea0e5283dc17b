import { validateSegmentDocument } from '../../src/xray/segment-validate.ts';
import type { UnprocessedTraceSegment } from '../../src/xray/types.ts';
import type { AcceptedDoc } from '../store/trace-record.ts';

export interface ParsedBatch {
  accepted: AcceptedDoc[];
  unprocessed: UnprocessedTraceSegment[];
}

/**
 * Validates a PutTraceSegments batch (or a daemon datagram body) document by document: bad ones
 * become UnprocessedTraceSegments entries, good ones are kept. A top-level array of independent
 * subsegments is split into one stored document each, so the log and the store hold one JSON
 * object per entry.
 */
export function parseDocuments(raws: readonly string[]): ParsedBatch {
  const accepted: AcceptedDoc[] = [];
  const unprocessed: UnprocessedTraceSegment[] = [];
  for (const raw of raws) {
    const result = validateSegmentDocument(raw);
    if (!result.ok) {
      unprocessed.push({
        ...(result.id !== undefined ? { Id: result.id } : idOf(raw)),
        ErrorCode: result.code,
        Message: result.message,
      });
      continue;
    }
    const single = result.docs.length === 1 && !isArrayText(raw);
    for (const doc of result.docs) accepted.push({ raw: single ? raw : JSON.stringify(doc), doc });
  }
  return { accepted, unprocessed };
}

/** True if the JSON text is an array (first non-whitespace character), without copying it. */
function isArrayText(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c === 0x5b;
  }
  return false;
}

/** Best-effort id of a document that didn't validate, so the caller can tell which one failed. */
function idOf(raw: string): { Id?: string } {
  const m = /"id"\s*:\s*"([0-9A-Za-z]{1,64})"/.exec(raw.slice(0, 4096));
  return m?.[1] ? { Id: m[1] } : {};
}

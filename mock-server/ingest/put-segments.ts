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
    const single = result.docs.length === 1 && !raw.trimStart().startsWith('[');
    for (const doc of result.docs) accepted.push({ raw: single ? raw : JSON.stringify(doc), doc });
  }
  return { accepted, unprocessed };
}

/** Best-effort id of a document that didn't validate, so the caller can tell which one failed. */
function idOf(raw: string): { Id?: string } {
  const m = /"id"\s*:\s*"([0-9A-Za-z]{1,64})"/.exec(raw.slice(0, 4096));
  return m?.[1] ? { Id: m[1] } : {};
}

/**
 * The document size limit. X-Ray caps a segment document at 64 kB (segment-document.md §1) and the
 * daemon reads 64 KB datagrams that also carry a header line, so we stay under 64,000 bytes.
 */
export const MAX_DOC_BYTES = 64_000;

// The validator's own measure, so generated documents are judged exactly as ingest judges them.
export { utf8Length } from '../../src/xray/segment-validate.ts';

import { utf8Length } from '../../src/xray/segment-validate.ts';

/** Size of a document as it goes over the wire (compact JSON, UTF-8). */
export function docBytes(doc: unknown): number {
  return utf8Length(JSON.stringify(doc));
}

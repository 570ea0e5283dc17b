/**
 * The document size limit. X-Ray caps a segment document at 64 kB (segment-document.md §1) and the
 * daemon reads 64 KB datagrams that also carry a header line, so we stay under 64,000 bytes.
 */
export const MAX_DOC_BYTES = 64_000;

/** UTF-8 byte length of a string, without depending on Buffer or TextEncoder. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // surrogate pair: one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size of a document as it goes over the wire (compact JSON, UTF-8). */
export function docBytes(doc: unknown): number {
  return utf8Length(JSON.stringify(doc));
}

/**
 * The X-Ray daemon datagram: `{"format":"json","version":1}` + "\n" + one document
 * (segment-document.md §10). Like the daemon, the header is parsed as JSON and must say format
 * "json" (any case) and version 1; the body is passed on unparsed for normal validation.
 */
export type Datagram = { ok: true; body: string } | { ok: false; reason: string };

/** What every SDK sends; recognised without a JSON parse (the common case at high rates). */
const CANONICAL = '{"format":"json","version":1}\n';

export function parseDatagram(text: string): Datagram {
  if (text.startsWith(CANONICAL) && text.length > CANONICAL.length) {
    return { ok: true, body: text.slice(CANONICAL.length) };
  }
  const nl = text.indexOf('\n');
  if (nl < 0 || nl === text.length - 1) return { ok: false, reason: 'missing header or segment' };
  let header: unknown;
  try {
    header = JSON.parse(text.slice(0, nl));
  } catch {
    return { ok: false, reason: 'invalid header (not JSON)' };
  }
  const h = header as { format?: unknown; version?: unknown } | null;
  if (typeof h?.format !== 'string' || h.format.toLowerCase() !== 'json' || h.version !== 1) {
    return { ok: false, reason: 'invalid header (expected {"format":"json","version":1})' };
  }
  return { ok: true, body: text.slice(nl + 1) };
}

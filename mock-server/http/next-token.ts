import type { ScanCursor } from '../store/time-index.ts';
import { invalid } from './errors.ts';

/** NextToken values the server hands out stay short; anything longer is not one of ours. */
export const MAX_TOKEN_LENGTH = 512;

/**
 * Opaque page tokens: base64url JSON of the resume cursor plus a fingerprint of the request, so
 * a token replayed with a different filter or window is rejected instead of silently skipping.
 */
export function encodeToken(cursor: ScanCursor, fingerprint: string): string {
  return Buffer.from(
    JSON.stringify({ s: cursor.sec, i: cursor.idx, f: hash(fingerprint) }),
  ).toString('base64url');
}

export function decodeToken(
  token: string | undefined,
  fingerprint: string,
): ScanCursor | undefined {
  if (token === undefined || token === '') return undefined;
  if (token.length > MAX_TOKEN_LENGTH)
    throw invalid(`NextToken is too long (${token.length} characters)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid('NextToken is not a token this server issued');
  }
  const t = parsed as { s?: unknown; i?: unknown; f?: unknown };
  if (!Number.isInteger(t?.s) || !Number.isInteger(t?.i) || typeof t?.f !== 'string') {
    throw invalid('NextToken is not a token this server issued');
  }
  if (t.f !== hash(fingerprint)) throw invalid('NextToken belongs to a different request');
  return { sec: t.s as number, idx: t.i as number };
}

/** Small non-cryptographic hash (FNV-1a, hex): tokens are not a security boundary. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

import { rangeFromSearch, resolveRange, toIso } from './time-range.ts';

/**
 * The same view with its relative time range replaced by the absolute window it covers now.
 * `href` is a path with search (`/traces?last=1h&filter=…`).
 */
export function absoluteHref(origin: string, href: string, nowMs: number): string {
  const url = new URL(href, origin);
  const p = url.searchParams;
  const range = rangeFromSearch({
    last: jsonish(p.get('last')),
    from: jsonish(p.get('from')),
    to: jsonish(p.get('to')),
  });
  const { start, end } = resolveRange(range, nowMs);
  p.delete('last');
  p.set('from', JSON.stringify(toIso(start)));
  p.set('to', JSON.stringify(toIso(end)));
  return url.toString();
}

/** TanStack Router JSON-encodes string search values ("%221h%22"); accept both forms. */
function jsonish(v: string | null): string | undefined {
  if (v === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? parsed : v;
  } catch {
    return v;
  }
}

/** Adds `embed` to a link, for runbooks and wiki pages. */
export function embedHref(origin: string, href: string): string {
  const url = new URL(href, origin);
  url.searchParams.set('embed', 'true');
  return url.toString();
}

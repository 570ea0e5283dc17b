/**
 * Building filter expressions from clicks (breakdowns, histogram brush, groups). Values are
 * quoted here; the parser is the judge of the result, this file only composes text.
 */

/** A string literal of the filter language: double quotes, with `"` and `\` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `a AND b`, parenthesising each side so an OR inside either keeps its meaning. */
export function andFilters(...parts: (string | undefined)[]): string | undefined {
  const present = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.map((p) => (isAtomic(p) ? p : `(${p})`)).join(' AND ');
}

/**
 * True when `p` needs no parentheses to be ANDed: it has no top-level OR. Brackets and strings
 * are skipped so `http.url = "a OR b"` or `service("x") { a OR b }` count as atomic. Being wrong
 * only costs a redundant pair of parentheses, never a change of meaning, because anything
 * uncertain is treated as non-atomic.
 */
function isAtomic(p: string): boolean {
  let depth = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '"') {
      i++;
      while (i < p.length && p[i] !== '"') i += p[i] === '\\' ? 2 : 1;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (depth === 0) {
      if (p.startsWith('||', i)) return false;
      if (/^or\b/i.test(p.slice(i, i + 3)) && (i === 0 || /[\s)}\]"]/.test(p[i - 1]!)))
        return false;
    }
  }
  return true;
}

/** Seconds with at most microsecond precision, without float noise. */
export function formatSeconds(v: number): string {
  return String(Number.parseFloat(v.toFixed(6)));
}

/** The clause a histogram brush adds. */
export function responseTimeClause([a, b]: readonly [number, number]): string {
  return `responsetime >= ${formatSeconds(a)} AND responsetime <= ${formatSeconds(b)}`;
}

/** The filter the list sends: the group's expression AND the box's (X-Ray has no group field). */
export function effectiveFilter(groupFilter: string | undefined, boxFilter: string | undefined) {
  return andFilters(groupFilter, boxFilter);
}

const NUM = '(-?\\d+(?:\\.\\d+)?(?:e-?\\d+)?)';
const BRUSH_RE = new RegExp(`responsetime >= ${NUM} AND responsetime <= ${NUM}`);

/** The range of a brush clause this view wrote into `filter`, if there is one. */
export function brushRange(filter: string | undefined): [number, number] | undefined {
  const m = filter ? BRUSH_RE.exec(filter) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/**
 * Replaces the view's own brush clause (or adds one; `range` undefined removes it). The text is
 * edited only when the result still parses (`isValid`), so a clause someone nested inside
 * `service() { … }` is left alone and the new range is ANDed instead.
 */
export function withResponseTimeRange(
  filter: string | undefined,
  range: readonly [number, number] | undefined,
  isValid: (text: string) => boolean,
): string | undefined {
  let rest = filter?.trim() || undefined;
  const m = rest ? BRUSH_RE.exec(rest) : null;
  if (rest && m) {
    const before = rest.slice(0, m.index).replace(/\s+AND\s*$/i, '');
    const after = rest.slice(m.index + m[0].length).replace(/^\s*AND\s+/i, '');
    const removed = [before.trim(), after.trim()].filter(Boolean).join(' AND ') || undefined;
    if (removed === undefined || isValid(removed)) rest = removed;
  }
  return range ? andFilters(rest, responseTimeClause(range)) : rest;
}

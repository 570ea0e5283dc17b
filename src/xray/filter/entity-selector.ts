import type { FilterDiagnostic, ServiceSelector } from './ast.ts';
import { lex } from './lexer.ts';
import { parseId, parseSelector } from './parse-selector.ts';
import { runParser } from './parser.ts';
import { TokenStream } from './token-stream.ts';

export type EntitySelector =
  /** service: null for `service()` (every service). */
  | { kind: 'service'; service: ServiceSelector | null }
  | { kind: 'edge'; source: ServiceSelector; destination: ServiceSelector };

export type EntitySelectorResult =
  | { ok: true; selector: EntitySelector }
  | { ok: false; errors: FilterDiagnostic[] };

/**
 * GetTimeSeriesServiceStatistics' EntitySelectorExpression: only `service(…)`, `edge(…, …)` or a
 * bare `id(…)` (= that service), without `{ … }` filters (reference §3, F3). Never throws.
 * ForecastStatistics needs an id(…) selector; callers check `service?.kind === 'id'`.
 */
export function parseEntitySelector(text: string): EntitySelectorResult {
  const s = new TokenStream(lex(text), text);
  const selector = runParser(s, () => parseEntity(s));
  if (!selector || s.errors.length > 0) {
    const errors =
      s.errors.length > 0 ? s.errors : [{ from: 0, to: text.length, message: 'invalid selector' }];
    return { ok: false, errors };
  }
  return { ok: true, selector };
}

function parseEntity(s: TokenStream): EntitySelector {
  const t = s.peek();
  const w = t.kind === 'word' ? t.text.toLowerCase() : '';
  let selector: EntitySelector;
  if (w === 'id' && s.isPunct('(', 1)) {
    selector = { kind: 'service', service: parseId(s) };
  } else if (w === 'service' || w === 'edge') {
    s.next();
    s.expectPunct('(', `expected \`(\` after \`${t.text}\``);
    if (w === 'service') {
      const service = s.isPunct(')') ? null : parseSelector(s);
      selector = { kind: 'service', service };
    } else {
      const source = parseSelector(s);
      s.expectPunct(',', 'edge() needs two services: expected `,` after the source');
      selector = { kind: 'edge', source, destination: parseSelector(s) };
    }
    s.expectPunct(')', 'expected `)`');
  } else {
    return s.unexpected(t, 'service(…), edge(…) or id(…)');
  }
  const end = s.peek();
  if (end.kind === 'punct' && end.text === '{') {
    s.fail(end.from, end.to, 'an entity selector takes no `{ … }` filter');
  }
  if (end.kind !== 'eof') s.unexpected(end, 'the end of the selector');
  return selector;
}

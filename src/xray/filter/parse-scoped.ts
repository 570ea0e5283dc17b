import type { FilterNode, RootCauseNode } from './ast.ts';
import {
  COMPLEX_KEYWORDS,
  type FilterScope,
  type RootCauseCategory,
  type RootCauseLevel,
} from './keywords.ts';
import type { Token } from './lexer.ts';
import { scopeMessage } from './parse-comparison.ts';
import { parseSelector } from './parse-selector.ts';
import { closest } from './suggest.ts';
import type { TokenStream } from './token-stream.ts';

/**
 * Terms that open a scope: `service(…) { … }`, `edge(…, …) { … }` and `rootcause.*.* { … }`.
 * The braced sub-filter is parsed by `parseExpr` (the expression parser, passed in so this file
 * and parser.ts don't import each other).
 */

export type ParseExpr = (s: TokenStream, after?: Token) => FilterNode;

/** Nesting limit for parentheses, braces and `!`, far beyond any real filter. */
export const MAX_DEPTH = 100;

const RC_CATEGORIES: readonly RootCauseCategory[] = ['fault', 'error', 'responsetime'];
const RC_LEVELS: readonly RootCauseLevel[] = ['service', 'entity', 'exception'];
const RC_NAMES = COMPLEX_KEYWORDS.map((k) => k.name).filter((n) => n.startsWith('rootcause.'));

/**
 * rootcause.<fault|error|responsetime>.<service|entity|exception> { filter }. `rootcause.error.*`
 * is UNCONFIRMED in AWS's docs; accepted (§7) since the API has the parallel ErrorRootCauses.
 */
export function parseRootCause(s: TokenStream, parseExpr: ParseExpr): RootCauseNode {
  const t = s.next();
  const [, cat, level, ...rest] = t.text.toLowerCase().split('.');
  const category = RC_CATEGORIES.find((c) => c === cat);
  const lvl = RC_LEVELS.find((l) => l === level);
  if (!category || !lvl || rest.length > 0) {
    const guess = closest(t.text, RC_NAMES);
    s.fail(
      t.from,
      t.to,
      `unknown keyword \`${t.text}\`${guess ? ` — did you mean \`${guess}\`?` : ''}`,
    );
  }
  if (category === 'responsetime' && lvl === 'exception') {
    s.fail(
      t.from,
      t.to,
      'response-time root causes have no exceptions — use rootcause.fault.exception or rootcause.error.exception',
    );
  }
  if (s.scope !== 'trace') s.report(t.from, t.to, scopeMessage(t.text, ['trace'], s.scope));
  s.note({ kind: 'open-brace' });
  if (!s.isPunct('{')) {
    const at = s.peek();
    s.fail(
      at.from,
      at.to,
      `expected \`{ filter }\` after \`${t.text}\`, e.g. \`${t.text} { name = "api" }\``,
    );
  }
  const scope: FilterScope =
    lvl === 'service'
      ? 'rootcause.service'
      : lvl === 'exception'
        ? 'rootcause.exception'
        : category === 'responsetime'
          ? 'rootcause.responsetime.entity'
          : 'rootcause.entity';
  const filter = parseBraced(s, scope, parseExpr);
  return { kind: 'rootcause', category, level: lvl, filter, from: t.from, to: s.lastTo };
}

/** `{ expr }` evaluated in `scope`. */
function parseBraced(s: TokenStream, scope: FilterScope, parseExpr: ParseExpr): FilterNode {
  const open = s.next();
  if (s.isPunct('}')) {
    s.fail(open.from, s.peek().to, 'empty `{ }` — write a filter inside the braces or remove them');
  }
  if (++s.depth > MAX_DEPTH) s.fail(open.from, open.to, 'expression nested too deeply');
  const outer = s.scope;
  s.scope = scope;
  const inner = parseExpr(s, open);
  s.scope = outer;
  s.depth--;
  s.note({ kind: 'close', text: '}' });
  s.expectPunct('}', `expected \`}\` to close the \`{\` at character ${open.from}`);
  return inner;
}

/** service([selector]) [{ filter }] and edge(selector, selector) [{ filter }]. */
export function parseServiceOrEdge(
  s: TokenStream,
  which: 'service' | 'edge',
  parseExpr: ParseExpr,
): FilterNode {
  const t = s.next();
  if (s.scope !== 'trace') s.report(t.from, t.to, scopeMessage(`${which}()`, ['trace'], s.scope));
  s.expectPunct('(', `expected \`(\` after \`${t.text}\``);
  let node: FilterNode;
  if (which === 'service') {
    s.note({ kind: 'close', text: ')' });
    const selector = s.isPunct(')') ? null : parseSelector(s);
    s.note({ kind: 'close', text: ')' });
    s.expectPunct(')', 'expected `)` after the service');
    node = { kind: 'service', selector, filter: null, from: t.from, to: s.lastTo };
  } else {
    if (s.isPunct(')')) {
      s.fail(t.from, s.peek().to, 'edge() needs two services: edge("source", "destination")');
    }
    const source = parseSelector(s);
    s.note({ kind: 'comma' });
    s.expectPunct(',', 'edge() needs two services: expected `,` after the source');
    const destination = parseSelector(s);
    s.note({ kind: 'close', text: ')' });
    s.expectPunct(')', 'expected `)` after the destination');
    node = { kind: 'edge', source, destination, filter: null, from: t.from, to: s.lastTo };
  }
  s.note({ kind: 'open-brace' });
  if (s.isPunct('{')) {
    node.filter = parseBraced(s, which, parseExpr);
    node.to = s.lastTo;
  }
  return node;
}

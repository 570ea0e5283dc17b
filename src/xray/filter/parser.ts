import type { FilterDiagnostic, FilterNode, FilterParseResult } from './ast.ts';
import { COMPLEX_KEYWORDS, KEYWORDS, keywordInfo } from './keywords.ts';
import { lex, type Token } from './lexer.ts';
import {
  parseAnnotation,
  parseGroup,
  parseKeyword,
  peekOperator,
  STRING_OPS,
} from './parse-comparison.ts';
import { parseRootCauseJson } from './parse-json.ts';
import { MAX_DEPTH, parseRootCause, parseServiceOrEdge } from './parse-scoped.ts';
import { closest } from './suggest.ts';
import { type Expectation, RESERVED_WORDS, STOP, TokenStream } from './token-stream.ts';

/**
 * Parses an X-Ray filter expression: the grammar of reference §8 with the decisions of §7.
 *
 * Precedence (§7 recommendation; AWS documents none): `!`/NOT binds tightest and applies to the
 * next whole term (so `!responsetime > 5` is NOT (responsetime > 5)), then the comparison,
 * then AND — explicit (`AND`, `and`, `&&`) or implicit between two terms side by side
 * (`ok !partial duration <3`, example #11) — then OR (`OR`, `||`). Parentheses group.
 * Keywords and operator words are case-insensitive (`responseTime`, `and` appear in AWS's own
 * examples); string values and annotation keys are case-sensitive.
 *
 * Types and scopes are checked here too (`CONTAINS` on a number, `root` outside service{}), so
 * an expression that parses can always be evaluated. Never throws: syntax errors stop the parse,
 * type and scope errors are collected and parsing goes on.
 */
export function parseFilter(text: string): FilterParseResult {
  const s = new TokenStream(lex(text), text);
  if (s.atEnd()) return { ok: true, ast: null };
  const ast = runParser(s, () => parseTop(s));
  if (s.errors.length > 0 || !ast) return { ok: false, errors: tidy(s.errors, text) };
  return { ok: true, ast };
}

/**
 * Parses the tokens before the cursor and returns what the grammar expects where they end.
 * Used by `complete()`; tokens must end with an `eof` token placed at the cursor.
 */
export function expectationsAt(tokens: readonly Token[], text: string): Expectation[] {
  const notes: Expectation[] = [];
  const s = new TokenStream(tokens, text, notes);
  runParser(s, () => parseTop(s));
  return notes;
}

/** Runs a parse, turning the internal STOP (and any bug) into a diagnostic. */
export function runParser<T>(s: TokenStream, parse: () => T): T | null {
  try {
    return parse();
  } catch (e) {
    if (e !== STOP) {
      // A bug or a stack overflow must still not escape: report it like any other error.
      const msg = e instanceof RangeError ? 'expression nested too deeply' : 'could not parse';
      s.report(0, s.text.length, msg);
    }
    return null;
  }
}

function tidy(errors: FilterDiagnostic[], text: string): FilterDiagnostic[] {
  const seen = new Set<string>();
  const out: FilterDiagnostic[] = [];
  for (const e of errors) {
    const from = Math.max(0, Math.min(e.from, text.length));
    const to = Math.max(from, Math.min(e.to, text.length));
    const key = `${from}:${to}:${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ from, to, message: e.message });
  }
  return out.sort((a, b) => a.from - b.from);
}

function parseTop(s: TokenStream): FilterNode {
  const ast = parseOr(s);
  const t = s.peek();
  if (t.kind === 'eof') return ast;
  if (t.kind === 'punct' && (t.text === ')' || t.text === '}')) {
    s.fail(t.from, t.to, `unmatched \`${t.text}\``);
  }
  return s.unexpected(t, 'AND, OR or the end of the filter');
}

function isOr(t: Token): boolean {
  return (
    (t.kind === 'op' && t.text === '||') || (t.kind === 'word' && t.text.toLowerCase() === 'or')
  );
}
function isAnd(t: Token): boolean {
  return (
    (t.kind === 'op' && t.text === '&&') || (t.kind === 'word' && t.text.toLowerCase() === 'and')
  );
}
/** Can `t` begin a term? Used for implicit AND between juxtaposed terms. */
function startsTerm(t: Token): boolean {
  if (t.kind === 'word') {
    const w = t.text.toLowerCase();
    return w !== 'and' && w !== 'or' && !STRING_OPS.has(w);
  }
  if (t.kind === 'op') return t.text === '!';
  if (t.kind === 'punct') return t.text === '(';
  return t.kind === 'error';
}

function parseOr(s: TokenStream, after?: Token): FilterNode {
  const first = parseAnd(s, after);
  const operands = [first];
  for (;;) {
    s.note({ kind: 'logical' });
    const t = s.peek();
    if (!isOr(t)) break;
    s.next();
    operands.push(parseAnd(s, t));
  }
  return operands.length === 1 ? first : { kind: 'or', operands, from: first.from, to: s.lastTo };
}

function parseAnd(s: TokenStream, after?: Token): FilterNode {
  const first = parseUnary(s, after);
  const operands = [first];
  for (;;) {
    s.note({ kind: 'logical' });
    s.note({ kind: 'term', scope: s.scope });
    const t = s.peek();
    if (isAnd(t)) {
      s.next();
      operands.push(parseUnary(s, t));
    } else if (startsTerm(t)) {
      operands.push(parseUnary(s)); // implicit AND (reference §1, example #11)
    } else if (t.kind === 'op' && (t.text === '&' || t.text === '|')) {
      s.fail(t.from, t.to, `\`${t.text}\` is not an operator — use \`${t.text}${t.text}\``);
    } else {
      break;
    }
  }
  return operands.length === 1 ? first : { kind: 'and', operands, from: first.from, to: s.lastTo };
}

function parseUnary(s: TokenStream, after?: Token): FilterNode {
  s.note({ kind: 'term', scope: s.scope });
  const t = s.peek();
  const isNot =
    (t.kind === 'op' && t.text === '!') || (t.kind === 'word' && t.text.toLowerCase() === 'not');
  if (!isNot) return parsePrimary(s, after);
  s.next();
  if (++s.depth > MAX_DEPTH) s.fail(t.from, t.to, 'expression nested too deeply');
  const operand = parseUnary(s, t);
  s.depth--;
  return { kind: 'not', operand, from: t.from, to: s.lastTo };
}

function parsePrimary(s: TokenStream, after?: Token): FilterNode {
  const t = s.peek();
  const expected = after ? `a filter after \`${after.text}\`` : 'a filter';
  if (t.kind === 'punct' && t.text === '(') {
    s.next();
    if (++s.depth > MAX_DEPTH) s.fail(t.from, t.to, 'expression nested too deeply');
    if (s.isPunct(')')) s.fail(t.from, s.peek().to, 'empty `( )` — write a filter inside');
    const inner = parseOr(s, t);
    s.depth--;
    s.note({ kind: 'close', text: ')' });
    s.expectPunct(')', `expected \`)\` to close the \`(\` at character ${t.from}`);
    return inner;
  }
  if (t.kind !== 'word') return s.unexpected(t, expected);
  const w = t.text.toLowerCase();
  if (w === 'service' || w === 'edge') return parseServiceOrEdge(s, w, parseOr);
  if (w === 'annotation' || w.startsWith('annotation.')) return parseAnnotation(s);
  if (w === 'group.name' || w === 'group.arn') return parseGroup(s);
  if (w === 'rootcause.json') return parseRootCauseJson(s);
  if (w.startsWith('rootcause.')) return parseRootCause(s, parseOr);
  const info = keywordInfo(w);
  if (info) return parseKeyword(s, info);
  if (w === 'id') {
    s.fail(t.from, t.to, '`id(…)` only selects a service — use it inside service(…) or edge(…)');
  }
  if (w === 'and' || w === 'or' || STRING_OPS.has(w)) {
    s.fail(t.from, t.to, `expected ${expected}, found \`${t.text}\``);
  }
  if (w === 'true' || w === 'false') {
    s.fail(
      t.from,
      t.to,
      `\`${t.text}\` alone is not a filter — compare a keyword with it, e.g. \`fault = true\``,
    );
  }
  return recoverUnknownKeyword(s, t);
}

/** Every word that can start a term, for "did you mean". */
const TERM_WORDS: readonly string[] = [
  ...KEYWORDS.map((k) => k.name),
  ...COMPLEX_KEYWORDS.map((k) => k.name).filter((n) => n !== 'id'),
  'not',
];

/** Reports an unknown keyword, then skips its operator and value so later errors show too. */
function recoverUnknownKeyword(s: TokenStream, t: Token): FilterNode {
  s.next();
  let guess = closest(t.text, TERM_WORDS);
  const dot = t.text.indexOf('.');
  if (!guess && dot > 0) {
    const head = closest(t.text.slice(0, dot), ['annotation', 'group', 'rootcause', 'http']);
    if (head) guess = head + t.text.slice(dot);
  }
  if (guess?.toLowerCase() === t.text.toLowerCase()) guess = undefined;
  s.report(
    t.from,
    t.to,
    `unknown keyword \`${t.text}\`${guess ? ` — did you mean \`${guess}\`?` : ''}`,
  );
  if (peekOperator(s)) {
    s.next();
    const v = s.peek();
    if (v.kind === 'string' || v.kind === 'number') s.next();
    else if (v.kind === 'word' && !RESERVED_WORDS.has(v.text.toLowerCase())) s.next();
  }
  return { kind: 'keyword', keyword: 'ok', from: t.from, to: s.lastTo };
}

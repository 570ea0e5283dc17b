import type {
  AnnotationNode,
  FilterDiagnostic,
  FilterNode,
  FilterParseResult,
  GroupNode,
  Literal,
  RootCauseNode,
} from './ast.ts';
import {
  COMPLEX_KEYWORDS,
  type ComparisonOperator,
  type FilterScope,
  KEYWORDS,
  type KeywordInfo,
  keywordInfo,
  OPERATORS_BY_TYPE,
  type RootCauseCategory,
  type RootCauseLevel,
  SCOPE_LABEL,
  type ValueType,
} from './keywords.ts';
import { lex, type Token } from './lexer.ts';
import { parseRootCauseJson } from './parse-json.ts';
import { parseSelector } from './parse-selector.ts';
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

const MAX_DEPTH = 100;

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
  if (w === 'service' || w === 'edge') return parseServiceOrEdge(s, w);
  if (w === 'annotation' || w.startsWith('annotation.')) return parseAnnotation(s);
  if (w === 'group.name' || w === 'group.arn') return parseGroup(s);
  if (w === 'rootcause.json') return parseRootCauseJson(s);
  if (w.startsWith('rootcause.')) return parseRootCause(s);
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

const STRING_OPS: ReadonlyMap<string, ComparisonOperator> = new Map([
  ['contains', 'CONTAINS'],
  ['beginswith', 'BEGINSWITH'],
  ['endswith', 'ENDSWITH'],
]);
const SYMBOL_OPS: ReadonlySet<string> = new Set(['=', '!=', '<', '<=', '>', '>=', '==']);

/** The comparison operator at the cursor, canonical; `==` is read as `=` (and reported). */
function peekOperator(s: TokenStream): ComparisonOperator | null {
  const t = s.peek();
  if (t.kind === 'op' && SYMBOL_OPS.has(t.text))
    return (t.text === '==' ? '=' : t.text) as ComparisonOperator;
  if (t.kind === 'word') return STRING_OPS.get(t.text.toLowerCase()) ?? null;
  return null;
}

/** Consumes an operator; reports `==`. */
function takeOperator(s: TokenStream): Token {
  const t = s.next();
  if (t.text === '==') s.report(t.from, t.to, '`==` is not an operator — use `=`');
  return t;
}

/** "`root` can only be used inside service() { … }" / "`user` can't be used inside edge() { … }". */
function scopeMessage(name: string, scopes: readonly FilterScope[], here: FilterScope): string {
  if (scopes.length === 1 && scopes[0] === 'trace') {
    return `\`${name}\` can't be used inside ${SCOPE_LABEL[here]} — only at the top level`;
  }
  // rootcause.*.entity already covers the response-time entity scope.
  const shown = scopes.includes('rootcause.entity')
    ? scopes.filter((x) => x !== 'rootcause.responsetime.entity')
    : scopes;
  const labels = shown.map((x) => (x === 'trace' ? 'at the top level' : SCOPE_LABEL[x]));
  const list =
    labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : labels[0];
  return `\`${name}\` can only be used ${scopes.includes('trace') ? '' : 'inside '}${list}`;
}

function parseKeyword(s: TokenStream, info: KeywordInfo): FilterNode {
  const kwTok = s.next();
  if (!info.scopes.includes(s.scope)) {
    s.report(kwTok.from, kwTok.to, scopeMessage(info.name, info.scopes, s.scope));
  }
  s.note({ kind: 'operator', type: info.type });
  const op = peekOperator(s);
  if (!op) {
    const v = s.peek();
    if (v.kind === 'string' || v.kind === 'number') {
      s.fail(
        v.from,
        v.to,
        `expected an operator after \`${kwTok.text}\` (${OPERATORS_BY_TYPE[info.type].join(' ')})`,
      );
    }
    if (v.kind === 'word' && (s.peek(1).kind === 'string' || s.peek(1).kind === 'number')) {
      const guess = closest(v.text, ['CONTAINS', 'BEGINSWITH', 'ENDSWITH']);
      if (!keywordInfo(v.text) || guess) {
        s.fail(
          v.from,
          v.to,
          guess
            ? `unknown operator \`${v.text}\` — did you mean \`${guess}\`?`
            : `unknown operator \`${v.text}\` — use ${OPERATORS_BY_TYPE[info.type].join(' ')}`,
        );
      }
    }
    return { kind: 'keyword', keyword: info.name, from: kwTok.from, to: kwTok.to };
  }
  const opTok = takeOperator(s);
  if (!OPERATORS_BY_TYPE[info.type].includes(op)) {
    s.report(
      opTok.from,
      opTok.to,
      `\`${opTok.text}\` can't be used with \`${info.name}\`, a ${TYPE_NAME[info.type]} — use ${OPERATORS_BY_TYPE[info.type].join(' ')}`,
    );
  }
  const value = parseValue(s, info.type, op, `${kwTok.text} ${opTok.text}`, {
    kind: 'value',
    type: info.type,
    scope: s.scope,
    keyword: info.name,
  });
  return { kind: 'compare', keyword: info.name, op, value, from: kwTok.from, to: s.lastTo };
}

const TYPE_NAME: Readonly<Record<ValueType, string>> = {
  boolean: 'boolean',
  number: 'number',
  string: 'text keyword',
};

/**
 * A literal after `subject` (e.g. "responsetime >"). `type` 'any' is for annotations, whose type
 * is the value's; the operator then decides what fits. An unquoted word is a string value
 * (§7: AWS's own example #8 writes `name = traces`); `true`/`false` are booleans where a
 * boolean can go.
 */
function parseValue(
  s: TokenStream,
  type: ValueType | 'any',
  op: ComparisonOperator,
  subject: string,
  expectation: Expectation,
): Literal {
  s.note(expectation);
  const t = s.peek();
  const lower = t.kind === 'word' ? t.text.toLowerCase() : '';
  const isBool = lower === 'true' || lower === 'false';
  const bareWord = t.kind === 'word' && !RESERVED_WORDS.has(lower);
  let lit: Literal | null = null;
  if (type === 'number' || (type === 'any' && isNumericOp(op))) {
    if (t.kind === 'number') lit = numberLiteral(s, t);
  } else if (type === 'boolean') {
    if (isBool) lit = { kind: 'boolean', value: lower === 'true' };
  } else if (type === 'string' || STRING_OPS.has(op.toLowerCase())) {
    if (t.kind === 'string') lit = { kind: 'string', value: s.stringValue(t) };
    else if (bareWord) lit = { kind: 'string', value: t.text };
  } else if (t.kind === 'number') {
    lit = numberLiteral(s, t);
  } else if (t.kind === 'string') {
    lit = { kind: 'string', value: s.stringValue(t) };
  } else if (isBool) {
    lit = { kind: 'boolean', value: lower === 'true' };
  } else if (bareWord) {
    lit = { kind: 'string', value: t.text };
  }
  if (!lit) {
    const what =
      type === 'number' || (type === 'any' && isNumericOp(op))
        ? 'a number'
        : type === 'boolean'
          ? 'true or false'
          : type === 'string' || STRING_OPS.has(op.toLowerCase())
            ? 'a value in double quotes'
            : 'a value';
    if (t.kind === 'error') s.unexpected(t, what);
    const unquote =
      what === 'a number' && t.kind === 'string' && /^-?\d+(\.\d+)?$/.test(t.value ?? '')
        ? ` — remove the quotes: ${t.value}`
        : '';
    s.fail(t.from, t.to, `expected ${what} after \`${subject}\`${unquote}`);
  }
  s.next();
  return lit;
}

const isNumericOp = (op: ComparisonOperator) =>
  op === '<' || op === '<=' || op === '>' || op === '>=';

function numberLiteral(s: TokenStream, t: Token): Literal {
  const n = t.num ?? Number.NaN;
  if (!Number.isFinite(n)) s.fail(t.from, t.to, `\`${t.text}\` is too large a number`);
  return { kind: 'number', value: n === 0 ? 0 : n }; // -0 → 0: prints and re-parses the same
}

/**
 * `annotation.key`, `annotation[key]`, `annotation["key.with.dots"]` (the bracket forms are
 * UNCONFIRMED in AWS's docs; §7 recommends accepting them as aliases, so we do). A dotted key
 * longer than one part (`annotation.otel.attr`) is read as the key `otel.attr`.
 */
function parseAnnotation(s: TokenStream): AnnotationNode {
  const t = s.next();
  let key: string;
  if (t.text.length > 'annotation'.length) {
    key = t.text.slice('annotation.'.length);
    if (key === '') s.fail(t.from, t.to, 'expected an annotation key after `annotation.`');
  } else {
    s.expectPunct('[', 'expected `.key` or `[key]` after `annotation`');
    s.note({ kind: 'annotation-key' });
    const k = s.peek();
    if (k.kind === 'string') key = s.stringValue(s.next());
    else if (k.kind === 'word') key = s.next().text;
    else return s.unexpected(k, 'an annotation key after `annotation[`');
    if (key === '') s.fail(k.from, k.to, 'an annotation key cannot be empty');
    s.expectPunct(']', 'expected `]` after the annotation key');
  }
  // Decision (§2.4/§7): the guide says annotations can't be combined with service/edge, read as
  // "not inside their braces" — so we reject them there instead of guessing a meaning.
  if (s.scope !== 'trace') {
    s.report(
      t.from,
      s.lastTo,
      `annotations can't be used inside ${SCOPE_LABEL[s.scope]} — move \`${s.text.slice(t.from, s.lastTo)}\` outside the braces`,
    );
  }
  const subject = s.text.slice(t.from, s.lastTo);
  s.note({ kind: 'operator', type: 'any' });
  const op = peekOperator(s);
  if (!op) {
    const v = s.peek();
    if (v.kind === 'string' || v.kind === 'number') {
      s.fail(v.from, v.to, `expected an operator after \`${subject}\``);
    }
    return { kind: 'annotation', key, from: t.from, to: s.lastTo };
  }
  const opTok = takeOperator(s);
  const value = parseValue(s, 'any', op, `${subject} ${opTok.text}`, {
    kind: 'value',
    type: 'any',
    scope: s.scope,
    annotationKey: key,
  });
  if (value.kind === 'boolean' && op !== '=' && op !== '!=') {
    s.report(opTok.from, opTok.to, `\`${opTok.text}\` can't compare booleans — use = or !=`);
  }
  return { kind: 'annotation', key, op, value, from: t.from, to: s.lastTo };
}

/** group.name / group.arn: only `=` and `!=` against a group name or ARN. */
function parseGroup(s: TokenStream): GroupNode {
  const t = s.next();
  const by = t.text.toLowerCase() === 'group.name' ? 'name' : 'arn';
  if (s.scope !== 'trace') s.report(t.from, t.to, scopeMessage(`group.${by}`, ['trace'], s.scope));
  s.note({ kind: 'operator', type: 'string', only: ['=', '!='] });
  const op = peekOperator(s);
  if (op !== '=' && op !== '!=') {
    const at = s.peek();
    const example = by === 'name' ? '"my-group"' : '"arn:aws:xray:…"';
    s.fail(
      at.from,
      at.to,
      op
        ? `\`group.${by}\` takes = or != only`
        : `expected \`=\` after \`${t.text}\`, e.g. \`group.${by} = ${example}\``,
    );
  }
  const opTok = takeOperator(s);
  const value = parseValue(s, 'string', op, `${t.text} ${opTok.text}`, {
    kind: 'value',
    type: 'string',
    scope: s.scope,
    group: by,
  });
  return { kind: 'group', by, op, value: String(value.value), from: t.from, to: s.lastTo };
}

const RC_CATEGORIES: readonly RootCauseCategory[] = ['fault', 'error', 'responsetime'];
const RC_LEVELS: readonly RootCauseLevel[] = ['service', 'entity', 'exception'];
const RC_NAMES = COMPLEX_KEYWORDS.map((k) => k.name).filter((n) => n.startsWith('rootcause.'));

/**
 * rootcause.<fault|error|responsetime>.<service|entity|exception> { filter }. `rootcause.error.*`
 * is UNCONFIRMED in AWS's docs; accepted (§7) since the API has the parallel ErrorRootCauses.
 */
function parseRootCause(s: TokenStream): RootCauseNode {
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
  const filter = parseBraced(s, scope);
  return { kind: 'rootcause', category, level: lvl, filter, from: t.from, to: s.lastTo };
}

/** `{ expr }` evaluated in `scope`. */
function parseBraced(s: TokenStream, scope: FilterScope): FilterNode {
  const open = s.next();
  if (s.isPunct('}')) {
    s.fail(open.from, s.peek().to, 'empty `{ }` — write a filter inside the braces or remove them');
  }
  if (++s.depth > MAX_DEPTH) s.fail(open.from, open.to, 'expression nested too deeply');
  const outer = s.scope;
  s.scope = scope;
  const inner = parseOr(s, open);
  s.scope = outer;
  s.depth--;
  s.note({ kind: 'close', text: '}' });
  s.expectPunct('}', `expected \`}\` to close the \`{\` at character ${open.from}`);
  return inner;
}

/** service([selector]) [{ filter }] and edge(selector, selector) [{ filter }]. */
function parseServiceOrEdge(s: TokenStream, which: 'service' | 'edge'): FilterNode {
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
    node.filter = parseBraced(s, which);
    node.to = s.lastTo;
  }
  return node;
}

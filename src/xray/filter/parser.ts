import type {
  CompareOp,
  Expr,
  FilterError,
  KeywordRef,
  Literal,
  ParseResult,
  Selector,
  Span,
} from './ast.ts';
import {
  type FilterScope,
  keywordInfo,
  OPERATORS_BY_TYPE,
  type RootCauseCategory,
  type RootCauseLevel,
  SCOPE_LABEL,
  type ValueType,
} from './keywords.ts';
import { lexFilter, type Token } from './lexer.ts';

/**
 * Parses an X-Ray filter expression (reference/filter-expressions.md §8 grammar, with the
 * decisions of §7): `!`/NOT binds tightest, then comparison, then AND (explicit, `&&`, or two
 * terms side by side), then OR (`||`); parentheses group; keywords and operator words are
 * case-insensitive, string values are not. Keyword/operator/value types and the scope of each
 * keyword are checked here, so an expression that parses can always be evaluated.
 *
 * A blank expression parses to an empty AND, which every trace satisfies: X-Ray treats a missing
 * filter (GetTraceSummaries, a group without one) as "no filter".
 *
 * Never throws: returns the tree or the first problem, positioned in the source.
 */
export function parseFilter(text: string): ParseResult {
  const tokens = lexFilter(text);
  // Parse only up to the first malformed token; if the parser gets that far without finding an
  // earlier problem, the malformed token is the first error in reading order.
  const bad = tokens.findIndex((t) => t.error !== undefined);
  const badToken = bad < 0 ? undefined : tokens[bad]!;
  const usable = badToken ? tokens.slice(0, bad) : tokens;
  if (tokens.length === 0) {
    return { ok: true, expr: { kind: 'and', terms: [], span: { from: 0, to: text.length } } };
  }
  const parser = new Parser(usable, badToken?.from ?? text.length);
  const expr = parser.parseExpression();
  const error = parser.error;
  if (badToken && (!error || error.from >= badToken.from)) {
    return fail({ message: badToken.error!, from: badToken.from, to: badToken.to });
  }
  if (error || !expr) return fail(error ?? { message: 'Invalid expression', from: 0, to: 0 });
  return { ok: true, expr };
}

function fail(d: FilterError): ParseResult {
  return { ok: false, errors: [d] };
}

/** Deep enough for any hand-written filter; keeps hostile input off the call stack's limit. */
const MAX_NESTING = 100;

type Scope = FilterScope;
const SYMBOL_OPS = new Set<CompareOp>(['=', '!=', '<', '<=', '>', '>=']);
const WORD_OPS = new Set<CompareOp>(['CONTAINS', 'BEGINSWITH', 'ENDSWITH']);
/** Annotations take their type from the value, so every operator is possible. */
const OPS_BY_TYPE: Record<ValueType | 'any' | 'group', readonly CompareOp[]> = {
  ...OPERATORS_BY_TYPE,
  any: [...SYMBOL_OPS, ...WORD_OPS],
  group: ['=', '!='],
};
const ROOTCAUSE_CATEGORIES: readonly RootCauseCategory[] = ['fault', 'error', 'responsetime'];
const ROOTCAUSE_LEVELS: readonly RootCauseLevel[] = ['service', 'entity', 'exception'];
const RC_SCOPES: readonly Scope[] = [
  'rootcause.service',
  'rootcause.entity',
  'rootcause.responsetime.entity',
  'rootcause.exception',
];
const RESERVED_WORDS = new Set(['and', 'or', 'not', 'contains', 'beginswith', 'endswith']);
const ID_FIELDS = { name: 'name', type: 'type', 'account.id': 'accountId' } as const;

class Parser {
  private pos = 0;
  private depth = 0;
  /** End of the last consumed token: where the node being built ends. */
  private lastEnd = 0;
  error: FilterError | undefined;

  constructor(
    private readonly tokens: readonly Token[],
    /** Offset reported for "unexpected end of input". */
    private readonly endOffset: number,
  ) {}

  parseExpression(): Expr | undefined {
    const expr = this.parseOr('trace');
    if (!expr) return undefined;
    const extra = this.peek();
    if (extra) {
      const message =
        extra.text === ')' || extra.text === '}'
          ? `Unmatched '${extra.text}'`
          : `Unexpected '${extra.text}'`;
      return this.failAt(message, extra);
    }
    return expr;
  }

  // --- logic ---------------------------------------------------------------------------------

  private parseOr(scope: Scope): Expr | undefined {
    const first = this.parseAnd(scope);
    if (!first) return undefined;
    const terms = [first];
    while (isOr(this.peek())) {
      const op = this.take();
      const term = this.parseAnd(scope);
      if (!term) return this.afterOperatorFailure(op);
      terms.push(term);
    }
    return terms.length === 1 ? first : { kind: 'or', terms, span: this.spanFrom(first.span) };
  }

  private parseAnd(scope: Scope): Expr | undefined {
    const first = this.parseUnary(scope);
    if (!first) return undefined;
    const terms = [first];
    for (;;) {
      const tok = this.peek();
      let term: Expr | undefined;
      if (isAnd(tok)) {
        const op = this.take();
        term = this.parseUnary(scope);
        if (!term) return this.afterOperatorFailure(op);
      } else if (startsTerm(tok)) {
        // Juxtaposition is AND: `ok !partial duration < 3`.
        term = this.parseUnary(scope);
        if (!term) return undefined;
      } else break;
      terms.push(term);
    }
    return terms.length === 1 ? first : { kind: 'and', terms, span: this.spanFrom(first.span) };
  }

  /** `!` / NOT, looped rather than recursed so `!!!…` cannot exhaust the stack. */
  private parseUnary(scope: Scope): Expr | undefined {
    const starts: number[] = [];
    for (let tok = this.peek(); tok && isNot(tok); tok = this.peek()) {
      starts.push(this.take().from);
    }
    let expr = this.parsePrimary(scope);
    if (!expr) return undefined;
    for (let i = starts.length - 1; i >= 0; i--) {
      expr = { kind: 'not', expr, span: { from: starts[i]!, to: this.lastEnd } };
    }
    return expr;
  }

  private parsePrimary(scope: Scope): Expr | undefined {
    const tok = this.peek();
    if (!tok) return this.failAtEnd('Expected a keyword, found the end of the expression');
    if (tok.text === '(' && tok.kind === 'punct') return this.parseGroup(scope);
    if (tok.kind !== 'word') {
      const what = tok.kind === 'string' || tok.kind === 'number' ? 'a value' : `'${tok.text}'`;
      return this.failAt(`Expected a keyword, found ${what}`, tok);
    }
    const lower = tok.text.toLowerCase();
    if (lower === 'service') return this.parseService(scope);
    if (lower === 'edge') return this.parseEdge(scope);
    if (lower === 'id') {
      return this.failAt('id(…) picks a service: use it inside service(…) or edge(…)', tok);
    }
    if (lower === 'rootcause' || lower.startsWith('rootcause.')) return this.parseRootCause(scope);
    if (lower === 'annotation' || lower.startsWith('annotation.')) {
      return this.parseAnnotation(scope);
    }
    if (lower === 'group' || lower.startsWith('group.')) return this.parseGroupKeyword(scope);
    if (RESERVED_WORDS.has(lower)) {
      return this.failAt(`Expected a keyword before ${tok.text.toUpperCase()}`, tok);
    }
    const info = keywordInfo(tok.text);
    if (!info) return this.failAt(`Unknown keyword '${tok.text}'`, tok);
    if (!info.scopes.includes(scope)) {
      return this.failAt(scopeMessage(info.name, info.scopes, scope), tok);
    }
    this.take();
    return this.parseComparison({ kind: 'field', name: info.name }, info.type, tok);
  }

  private parseGroup(scope: Scope): Expr | undefined {
    const open = this.take();
    if (++this.depth > MAX_NESTING) return this.failAt('Parentheses are nested too deeply', open);
    const inner = this.parseOr(scope);
    if (!inner) return undefined;
    if (!this.takePunct(')')) {
      return this.failHere(`Expected ')' to close the '(' at position ${open.from + 1}`);
    }
    this.depth--;
    return inner;
  }

  private afterOperatorFailure(op: Token): undefined {
    if (this.error?.from === this.endOffset && this.pos >= this.tokens.length) {
      this.error = { ...this.error, message: `Expected a term after ${op.text.toUpperCase()}` };
    }
    return undefined;
  }

  // --- keywords and comparisons --------------------------------------------------------------

  private parseComparison(
    keyword: KeywordRef,
    type: ValueType | 'any' | 'group',
    start: Token,
  ): Expr | undefined {
    const opTok = this.peek();
    if (opTok?.text === '==') return this.failAt("Use '=' to compare", opTok);
    const op = opTok && (opTok.kind === 'op' || opTok.kind === 'word') ? compareOp(opTok) : null;
    if (!op || !opTok) return { kind: 'test', keyword, span: this.spanFrom(start) };
    this.take();
    const name = keyword.kind === 'field' ? keyword.name : start.text;
    if (!OPS_BY_TYPE[type].includes(op)) {
      return this.failAt(`${describeType(name, type)}: compare it with ${opList(type)}`, opTok);
    }
    const valueTok = this.peek();
    const value = valueTok ? literalOf(valueTok, type) : undefined;
    if (value === undefined || !valueTok) {
      const message = `Expected a value after '${opTok.text}'`;
      return valueTok ? this.failAt(message, valueTok) : this.failAtEnd(message);
    }
    const need = neededType(type, op);
    if (need && typeof value !== need) {
      const subject = type === 'any' ? `${op} compares ${need}s` : describeType(name, type);
      return this.failAt(`${subject}: expected ${valueHint(need)}`, valueTok);
    }
    this.take();
    return { kind: 'compare', keyword, op, value, span: this.spanFrom(start) };
  }

  /** `annotation.key` or `annotation[key]` / `annotation["key.with.dots"]`. */
  private parseAnnotation(scope: Scope): Expr | undefined {
    const tok = this.take();
    if (scope !== 'trace') {
      return this.failAt(`Annotations can only be used at the top level, not ${place(scope)}`, tok);
    }
    let key: string;
    if (tok.text.toLowerCase() === 'annotation') {
      if (!this.takePunct('[')) {
        return this.failHere("Expected '.key' or '[key]' after 'annotation'");
      }
      const keyTok = this.peek();
      if (!keyTok || !['word', 'string', 'number'].includes(keyTok.kind)) {
        return this.failHere('Expected an annotation key inside [ ]');
      }
      this.take();
      key = keyTok.kind === 'string' ? String(keyTok.value) : keyTok.text;
      if (!this.takePunct(']')) return this.failHere("Expected ']' after the annotation key");
      if (key === '') return this.failAt('Expected an annotation key', keyTok);
    } else {
      key = tok.text.slice('annotation.'.length);
      // `annotation.` / `annotation.a.` are half-typed, not keys ending in a dot.
      if (key === '' || key.endsWith('.')) return this.failAt('Expected an annotation key', tok);
    }
    return this.parseComparison({ kind: 'annotation', key }, 'any', tok);
  }

  private parseGroupKeyword(scope: Scope): Expr | undefined {
    const tok = this.take();
    const by = tok.text.toLowerCase().slice('group.'.length);
    if (by !== 'name' && by !== 'arn') return this.failAt('Expected group.name or group.arn', tok);
    if (scope !== 'trace') {
      return this.failAt(`group.${by} can only be used at the top level, not ${place(scope)}`, tok);
    }
    const expr = this.parseComparison({ kind: 'group', by }, 'group', tok);
    if (expr?.kind === 'test') {
      return this.failAt(`Compare group.${by} with a value: group.${by} = "…"`, tok);
    }
    return expr;
  }

  // --- service(), edge(), id() ---------------------------------------------------------------

  private parseService(scope: Scope): Expr | undefined {
    const tok = this.take();
    if (scope !== 'trace') {
      return this.failAt(`service(…) can't be used ${place(scope)}`, tok);
    }
    if (!this.takePunct('(')) return this.failHere("Expected '(' after service");
    let selector: Selector | null = null;
    if (!this.takePunct(')')) {
      const sel = this.parseSelector();
      if (!sel) return undefined;
      selector = sel;
      if (!this.takePunct(')')) return this.failHere("Expected ')' after the service");
    }
    const filter = this.parseOptionalBraces('service');
    if (filter === undefined) return undefined;
    return { kind: 'service', selector, filter, span: this.spanFrom(tok) };
  }

  private parseEdge(scope: Scope): Expr | undefined {
    const tok = this.take();
    if (scope !== 'trace') return this.failAt(`edge(…) can't be used ${place(scope)}`, tok);
    const usage = 'edge(…) takes two services: edge("from", "to")';
    if (!this.takePunct('(')) return this.failHere(`Expected '(': ${usage}`);
    if (this.peek()?.text === ')') return this.failHere(usage);
    const from = this.parseSelector();
    if (!from) return undefined;
    if (!this.takePunct(',')) return this.failHere(`Expected ',': ${usage}`);
    const to = this.parseSelector();
    if (!to) return undefined;
    if (!this.takePunct(')')) return this.failHere(`Expected ')': ${usage}`);
    const filter = this.parseOptionalBraces('edge');
    if (filter === undefined) return undefined;
    return { kind: 'edge', from, to, filter, span: this.spanFrom(tok) };
  }

  private parseSelector(): Selector | undefined {
    const tok = this.peek();
    if (tok?.kind === 'string') {
      this.take();
      return { kind: 'name', name: String(tok.value) };
    }
    if (tok?.kind === 'word' && tok.text.toLowerCase() === 'id') return this.parseId();
    return this.failHere('Expected a quoted service name or id(…)');
  }

  /** `id(name: "…", type: "…", account.id: "…")`, any non-empty subset, each at most once. */
  private parseId(): Selector | undefined {
    this.take();
    if (!this.takePunct('(')) return this.failHere("Expected '(' after id");
    const selector: { kind: 'id'; name?: string; type?: string; accountId?: string } = {
      kind: 'id',
    };
    do {
      const keyTok = this.peek();
      const key = keyTok?.kind === 'word' ? keyTok.text.toLowerCase() : '';
      if (!keyTok || !Object.hasOwn(ID_FIELDS, key)) {
        return this.failHere('Expected name:, type: or account.id: inside id(…)');
      }
      const field = ID_FIELDS[key as keyof typeof ID_FIELDS];
      if (selector[field] !== undefined) return this.failAt(`${key} is given twice`, keyTok);
      this.take();
      if (!this.takePunct(':')) return this.failHere(`Expected ':' after ${key}`);
      const valueTok = this.peek();
      if (valueTok?.kind !== 'string') return this.failHere(`Expected a quoted ${key} value`);
      this.take();
      selector[field] = String(valueTok.value);
    } while (this.takePunct(','));
    if (!this.takePunct(')')) return this.failHere("Expected ',' or ')' in id(…)");
    return selector;
  }

  /** `{ filter }` after service()/edge(); null when absent, undefined on error. */
  private parseOptionalBraces(scope: Scope): Expr | null | undefined {
    if (this.peek()?.text !== '{' || this.peek()?.kind !== 'punct') return null;
    return this.parseBraces(scope);
  }

  private parseBraces(scope: Scope): Expr | undefined {
    const open = this.peek();
    if (!open || !this.takePunct('{')) return this.failHere("Expected '{'");
    if (this.peek()?.text === '}') {
      return this.failAt('Empty braces: write a filter inside { } or leave them out', open);
    }
    const inner = this.parseOr(scope);
    if (!inner) return undefined;
    if (!this.takePunct('}')) {
      return this.failHere(`Expected '}' to close the '{' at position ${open.from + 1}`);
    }
    return inner;
  }

  // --- rootcause -----------------------------------------------------------------------------

  private parseRootCause(scope: Scope): Expr | undefined {
    const tok = this.take();
    const lower = tok.text.toLowerCase();
    if (scope !== 'trace') return this.failAt(`${lower} can't be used ${place(scope)}`, tok);
    if (lower === 'rootcause.json') return this.parseRootCauseJson(tok);
    const [, category, level, ...rest] = lower.split('.');
    const isCategory = (ROOTCAUSE_CATEGORIES as readonly string[]).includes(category ?? '');
    const isLevel = (ROOTCAUSE_LEVELS as readonly string[]).includes(level ?? '');
    if (!isCategory || !isLevel || rest.length > 0) {
      return this.failAt(
        'Expected rootcause.<fault|error|responsetime>.<service|entity|exception> { … } or rootcause.json = #[…]',
        tok,
      );
    }
    const c = category as RootCauseCategory;
    const l = level as RootCauseLevel;
    if (c === 'responsetime' && l === 'exception') {
      return this.failAt('Response-time root causes have no exceptions', tok);
    }
    // Response-time entities get their own scope: only they carry `coverage`.
    const inner: Scope =
      l === 'entity' && c === 'responsetime' ? 'rootcause.responsetime.entity' : `rootcause.${l}`;
    if (this.peek()?.text !== '{') return this.failHere(`Expected '{ … }' after ${lower}`);
    const filter = this.parseBraces(inner);
    if (!filter) return undefined;
    return { kind: 'rootcause', category: c, level: l, filter, span: this.spanFrom(tok) };
  }

  private parseRootCauseJson(tok: Token): Expr | undefined {
    if (this.peek()?.text !== '=') return this.failHere("Expected '= #[…]' after rootcause.json");
    this.take();
    const json = this.peek();
    if (json?.kind !== 'json') return this.failHere('Expected a JSON array: #[ { … } ]');
    this.take();
    let pattern: unknown;
    try {
      pattern = JSON.parse(json.text.slice(1));
    } catch (e) {
      return this.failAt(`Invalid JSON: ${(e as Error).message}`, json);
    }
    if (!Array.isArray(pattern)) return this.failAt('Expected a JSON array: #[ { … } ]', json);
    return { kind: 'rootcause-json', pattern, span: this.spanFrom(tok) };
  }

  // --- token plumbing ------------------------------------------------------------------------

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private take(): Token {
    const tok = this.tokens[this.pos++]!;
    this.lastEnd = tok.to;
    return tok;
  }

  private takePunct(text: string): boolean {
    const tok = this.peek();
    if (tok?.kind !== 'punct' || tok.text !== text) return false;
    this.take();
    return true;
  }

  private spanFrom(start: Span): Span {
    return { from: start.from, to: this.lastEnd };
  }

  private failAt(message: string, span: Span): undefined {
    this.error ??= { message, from: span.from, to: span.to };
    return undefined;
  }

  /** Fails at the next token, or at the end when there is none. */
  private failHere(message: string): undefined {
    const tok = this.peek();
    return tok ? this.failAt(message, tok) : this.failAtEnd(message);
  }

  private failAtEnd(message: string): undefined {
    return this.failAt(message, { from: this.endOffset, to: this.endOffset });
  }
}

// --- helpers ---------------------------------------------------------------------------------

function isWord(tok: Token | undefined, upper: string): boolean {
  return tok?.kind === 'word' && tok.text.toUpperCase() === upper;
}
function isOr(tok: Token | undefined): boolean {
  return isWord(tok, 'OR') || (tok?.kind === 'op' && tok.text === '||');
}
function isAnd(tok: Token | undefined): boolean {
  return isWord(tok, 'AND') || (tok?.kind === 'op' && tok.text === '&&');
}
function isNot(tok: Token): boolean {
  return isWord(tok, 'NOT') || (tok.kind === 'op' && tok.text === '!');
}
/** Whether `tok` can begin a term, which makes two side-by-side terms an implicit AND. */
function startsTerm(tok: Token | undefined): boolean {
  if (!tok) return false;
  if (tok.kind === 'word') return !isAnd(tok) && !isOr(tok);
  return (tok.kind === 'op' && tok.text === '!') || (tok.kind === 'punct' && tok.text === '(');
}

function compareOp(tok: Token): CompareOp | null {
  const op = (tok.kind === 'word' ? tok.text.toUpperCase() : tok.text) as CompareOp;
  const known = tok.kind === 'word' ? WORD_OPS.has(op) : SYMBOL_OPS.has(op);
  return known ? op : null;
}

/**
 * The literal a value token stands for. `true`/`false` are booleans except for string keywords;
 * a bare word is accepted as a string (AWS's own example writes `name = traces`).
 */
function literalOf(tok: Token, type: ValueType | 'any' | 'group'): Literal | undefined {
  if (tok.kind === 'string') return String(tok.value);
  if (tok.kind === 'number') return tok.value as number;
  if (tok.kind !== 'word') return undefined;
  const lower = tok.text.toLowerCase();
  if (RESERVED_WORDS.has(lower)) return undefined;
  if (type !== 'string' && type !== 'group' && (lower === 'true' || lower === 'false')) {
    return lower === 'true';
  }
  return tok.text;
}

/** The value type a comparison needs; for annotations it follows from the operator. */
function neededType(type: ValueType | 'any' | 'group', op: CompareOp): ValueType | undefined {
  if (type === 'group') return 'string';
  if (type !== 'any') return type;
  if (WORD_OPS.has(op)) return 'string';
  if (op === '=' || op === '!=') return undefined;
  return 'number';
}

function describeType(name: string, type: ValueType | 'any' | 'group'): string {
  if (type === 'group') return `'${name}' is a group name or ARN`;
  if (type === 'any') return `'${name}'`;
  return `'${name}' is a ${type}`;
}

function valueHint(type: ValueType): string {
  if (type === 'boolean') return 'true or false';
  return type === 'string' ? 'a quoted string' : 'a number';
}

function opList(type: ValueType | 'any' | 'group'): string {
  const ops = OPS_BY_TYPE[type];
  return ops.length === 2 ? ops.join(' or ') : `${ops.slice(0, -1).join(', ')} or ${ops.at(-1)}`;
}

function place(scope: Scope): string {
  return scope === 'trace' ? 'at the top level' : `inside ${SCOPE_LABEL[scope]}`;
}

function scopeMessage(name: string, allowed: readonly Scope[], scope: Scope): string {
  const rc = allowed.filter((s) => RC_SCOPES.includes(s));
  const places = allowed.filter((s) => !RC_SCOPES.includes(s)).map(place);
  if (rc.length === RC_SCOPES.length) places.push('inside rootcause.… { … }');
  else places.push(...rc.map(place));
  return `'${name}' can't be used ${place(scope)}; use it ${places.join(' or ')}`;
}

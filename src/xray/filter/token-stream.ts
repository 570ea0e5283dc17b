import type { FilterDiagnostic } from './ast.ts';
import type { ComparisonOperator, FilterScope, SimpleKeyword, ValueType } from './keywords.ts';
import type { Token } from './lexer.ts';

/**
 * What the parser would have accepted where the input ended. The completer parses the text
 * before the cursor and turns these into suggestions, so completion can never disagree with
 * the grammar.
 */
export type Expectation =
  | { kind: 'term'; scope: FilterScope }
  | { kind: 'logical' }
  | { kind: 'close'; text: ')' | '}' }
  /** `only`: a narrower set than the type allows (group.name: = !=; rootcause.json: =). */
  | { kind: 'operator'; type: ValueType | 'any'; only?: readonly ComparisonOperator[] }
  | {
      kind: 'value';
      type: ValueType | 'any';
      scope: FilterScope;
      keyword?: SimpleKeyword;
      annotationKey?: string;
      group?: 'name' | 'arn';
    }
  | { kind: 'selector' }
  | { kind: 'id-arg'; used: readonly string[] }
  | { kind: 'id-value'; arg: string }
  | { kind: 'comma' }
  | { kind: 'open-brace' }
  | { kind: 'json' }
  | { kind: 'annotation-key' };

/** Thrown inside the parser to unwind after a syntax error; never escapes the module. */
export const STOP: unique symbol = Symbol('filter-parse-stop');

/**
 * The token cursor shared by the expression parser and the selector parser: look-ahead,
 * recoverable diagnostics (`report`) and fatal ones (`fail`, which unwinds with STOP), and the
 * expectation log used by completion.
 */
export class TokenStream {
  pos = 0;
  /** End offset of the last consumed token (for node ranges). */
  lastTo = 0;
  readonly errors: FilterDiagnostic[] = [];
  scope: FilterScope = 'trace';
  depth = 0;

  constructor(
    readonly tokens: readonly Token[],
    readonly text: string,
    /** Non-null while completing: expectations met at the end of input are collected here. */
    readonly notes: Expectation[] | null = null,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') {
      this.pos++;
      this.lastTo = t.to;
    }
    return t;
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  isWord(lower: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.text.toLowerCase() === lower;
  }

  /** Records what would be valid here, if "here" is where the input (or cursor) ends. */
  note(e: Expectation): void {
    if (this.notes && this.peek().kind === 'eof') this.notes.push(e);
  }

  report(from: number, to: number, message: string): void {
    this.errors.push({ from, to, message });
  }

  fail(from: number, to: number, message: string): never {
    this.report(from, to, message);
    throw STOP;
  }

  /** Fails at token `t`, which is not `expected`; lexer errors speak for themselves. */
  unexpected(t: Token, expected: string): never {
    if (t.kind === 'error') this.fail(t.from, t.to, t.value ?? `unexpected \`${t.text}\``);
    return this.fail(t.from, t.to, `expected ${expected}, found ${describeToken(t)}`);
  }

  /** Consumes punctuation `text` or fails with `message`. */
  expectPunct(text: string, message: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    if (t.kind === 'error') this.unexpected(t, '');
    return this.fail(t.from, t.to, `${message}, found ${describeToken(t)}`);
  }

  /** A string token as a value; an unterminated one is reported but still used. */
  stringValue(t: Token): string {
    if (t.unterminated) this.report(t.from, t.to, 'missing closing `"`');
    return t.value ?? '';
  }
}

export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'the end of the filter';
  const shown = t.text.length > 30 ? `${t.text.slice(0, 27)}…` : t.text;
  return `\`${shown}\``;
}

/** Words that can never be an unquoted value or a service name. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'contains',
  'beginswith',
  'endswith',
]);

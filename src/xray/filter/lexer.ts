/**
 * Splits a filter expression into tokens. Never fails: unreadable input becomes a token with an
 * `error` message, so a highlighter can still colour the rest and the parser reports the first
 * problem in reading order. Offsets are UTF-16 indices into the source, end exclusive.
 */

export type TokenKind =
  /** Identifiers and dotted keyword paths: `ok`, `http.url`, `annotation.age`, `AND`, `traces`. */
  | 'word'
  /** A double-quoted string; `value` holds it unescaped. */
  | 'string'
  /** A decimal number; `value` holds it. */
  | 'number'
  /** `#[…]`, the root-cause JSON pattern; `text` is the whole literal including `#`. */
  | 'json'
  /** `=` `!=` `==` `<` `<=` `>` `>=` `!` `&&` `||` */
  | 'op'
  /** `(` `)` `{` `}` `[` `]` `,` `:` */
  | 'punct'
  /** A character the language has no use for. */
  | 'unknown';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  from: number;
  to: number;
  /** Unescaped string or parsed number. */
  value?: string | number;
  /** Set when the token is malformed (unterminated string, stray character, …). */
  error?: string;
}

const WORD_START = /[A-Za-z_]/;
const WORD_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const TWO_CHAR_OPS = new Set(['!=', '==', '<=', '>=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['=', '<', '>', '!']);
const PUNCT = new Set(['(', ')', '{', '}', '[', ']', ',', ':']);
const MAX_JSON_NESTING = 32;

/** Tokenizes `text`; whitespace is dropped. */
export function lexFilter(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const token = readToken(text, i, c);
    tokens.push(token);
    i = token.to;
  }
  return tokens;
}

function readToken(text: string, start: number, c: string): Token {
  if (WORD_START.test(c)) return readWord(text, start);
  if (DIGIT.test(c) || (c === '-' && DIGIT.test(text[start + 1] ?? ''))) {
    return readNumber(text, start);
  }
  if (c === '"') return readString(text, start);
  if (c === '#') return readJson(text, start);
  const two = text.slice(start, start + 2);
  if (TWO_CHAR_OPS.has(two)) return { kind: 'op', text: two, from: start, to: start + 2 };
  if (ONE_CHAR_OPS.has(c)) return { kind: 'op', text: c, from: start, to: start + 1 };
  if (PUNCT.has(c)) return { kind: 'punct', text: c, from: start, to: start + 1 };
  // Take a whole surrogate pair so an emoji is one token, not two halves.
  const end = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
  const ch = text.slice(start, end);
  const error =
    c === "'"
      ? 'Strings use double quotes: "…"'
      : c === '&' || c === '|'
        ? `Unexpected '${c}'; use AND / OR (or && / ||)`
        : `Unexpected character '${ch}'`;
  return { kind: 'unknown', text: ch, from: start, to: end, error };
}

/**
 * A word is `[A-Za-z_][A-Za-z0-9_]*` followed by any number of `.part`s. A trailing dot stays in
 * the word (`annotation.`) so the parser can say what is missing and the completer can continue it.
 */
function readWord(text: string, start: number): Token {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (WORD_PART.test(ch) || ch === '.') i++;
    else break;
  }
  return { kind: 'word', text: text.slice(start, i), from: start, to: i };
}

function readNumber(text: string, start: number): Token {
  NUMBER.lastIndex = start;
  const m = NUMBER.exec(text)!;
  const end = start + m[0].length;
  return { kind: 'number', text: m[0], from: start, to: end, value: Number(m[0]) };
}

/** `\"` and `\\` are escapes; any other backslash is kept as written (e.g. Windows paths). */
function readString(text: string, start: number): Token {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      return { kind: 'string', text: text.slice(start, i + 1), from: start, to: i + 1, value };
    }
    const next = text[i + 1];
    if (ch === '\\' && (next === '"' || next === '\\')) {
      value += next;
      i += 2;
    } else {
      value += ch;
      i++;
    }
  }
  return {
    kind: 'string',
    text: text.slice(start),
    from: start,
    to: text.length,
    value,
    error: 'Unterminated string: add the closing "',
  };
}

/**
 * `#[ … ]`: reads a bracket-balanced, string-aware span; the parser hands it to JSON.parse.
 * Whitespace between `#` and `[` is allowed.
 */
function readJson(text: string, start: number): Token {
  let i = start + 1;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  if (text[i] !== '[') {
    return {
      kind: 'unknown',
      text: '#',
      from: start,
      to: start + 1,
      error: "'#' must start a JSON array: #[ … ]",
    };
  }
  let depth = 0;
  let maxDepth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') maxDepth = Math.max(maxDepth, ++depth);
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        const token: Token = {
          kind: 'json',
          text: text.slice(start, i + 1),
          from: start,
          to: i + 1,
        };
        // Root causes nest four levels; the cap keeps the recursive matcher off the stack limit.
        if (maxDepth > MAX_JSON_NESTING) token.error = 'The JSON pattern is nested too deeply';
        return token;
      }
    }
  }
  return {
    kind: 'json',
    text: text.slice(start),
    from: start,
    to: text.length,
    error: 'Unterminated JSON array: brackets are not balanced',
  };
}

/**
 * Splits a filter expression into tokens. Never throws: a character it cannot place becomes an
 * `error` token carrying the message, and the parser reports it where it meets it.
 *
 * Words are `[A-Za-z_][A-Za-z0-9_.]*`, so dotted keywords (`http.url`, `annotation.tenant`,
 * `rootcause.fault.service`, `account.id`) come out as one token; logical and string operators
 * (`AND`, `CONTAINS`) are words too and the parser classifies them, case-insensitively.
 */

export type TokenKind =
  | 'word'
  | 'string'
  | 'number'
  /** = != < <= > >= ! && || and the mistaken `==`, `&`, `|` (parser explains those) */
  | 'op'
  /** ( ) { } [ ] , : */
  | 'punct'
  /** `#[ … ]`: raw text of a JSON array (rootcause.json), `#` included */
  | 'json'
  | 'error'
  | 'eof';

export interface Token {
  kind: TokenKind;
  from: number;
  to: number;
  /** Source text of the token. */
  text: string;
  /** string: decoded value; error: the message. */
  value?: string;
  /** number: its value. */
  num?: number;
  /** string/json: true when the closing quote/bracket is missing. */
  unterminated?: boolean;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isWordStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordPart = (c: number) => isWordStart(c) || isDigit(c) || c === 46; // '.'
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

const PUNCT = '(){}[],:';

/** All tokens of `text`, ending with one `eof` token at `text.length`. */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isWordStart(c)) {
      i++;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', from: start, to: i, text: text.slice(start, i) });
    } else if (isDigit(c) || (c === 45 && isDigit(text.charCodeAt(i + 1)))) {
      i = scanNumber(text, i);
      const raw = text.slice(start, i);
      tokens.push({ kind: 'number', from: start, to: i, text: raw, num: Number(raw) });
    } else if (c === 34) {
      tokens.push(scanString(text, start));
      i = tokens[tokens.length - 1]!.to;
    } else if (c === 35) {
      const tok = scanJson(text, start);
      tokens.push(tok);
      i = tok.to;
    } else if (PUNCT.includes(text[i]!)) {
      i++;
      tokens.push({ kind: 'punct', from: start, to: i, text: text[start]! });
    } else {
      const op = scanOperator(text, i);
      if (op) {
        i += op.length;
        tokens.push({ kind: 'op', from: start, to: i, text: op });
      } else {
        // One code point, so a surrogate pair is not split in the message.
        const cp = text.codePointAt(i) ?? c;
        i += cp > 0xffff ? 2 : 1;
        const ch = text.slice(start, i);
        const afterWord = start > 0 && isWordPart(text.charCodeAt(start - 1));
        // Single quotes are not string delimiters (§7 decision: only "…" is documented).
        const hint =
          ch === "'"
            ? ' — strings use double quotes'
            : afterWord && (ch === '-' || ch === '/' || ch === '@')
              ? ' — put text values in double quotes'
              : '';
        tokens.push({
          kind: 'error',
          from: start,
          to: i,
          text: ch,
          value: `unexpected character \`${ch}\`${hint}`,
        });
      }
    }
  }
  tokens.push({ kind: 'eof', from: n, to: n, text: '' });
  return tokens;
}

/** `-?digits[.digits][e[+-]digits]`: exponents are accepted so any printed number re-parses. */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  if (text.charCodeAt(i) === 45) i++;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const s = text.charCodeAt(j);
    if (s === 43 || s === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

/**
 * A double-quoted string. Decision (reference §7, escapes undocumented): `\"` and `\\` are
 * escapes; a backslash before any other character is kept as is (so `"C:\temp"` means what it
 * shows). Single quotes are not string delimiters.
 */
function scanString(text: string, start: number): Token {
  const n = text.length;
  let i = start + 1;
  let value = '';
  let chunk = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      value += text.slice(chunk, i);
      return { kind: 'string', from: start, to: i + 1, text: text.slice(start, i + 1), value };
    }
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next === 34 || next === 92) {
        value += text.slice(chunk, i);
        chunk = i + 1; // keep the escaped character, drop the backslash
        i += 2;
        continue;
      }
    }
    i++;
  }
  value += text.slice(chunk, n);
  return {
    kind: 'string',
    from: start,
    to: n,
    text: text.slice(start, n),
    value,
    unterminated: true,
  };
}

/**
 * `#[ … ]` for rootcause.json: brackets balanced, strings skipped, so the JSON sub-parser gets
 * the whole array (reference §4 parser note).
 */
function scanJson(text: string, start: number): Token {
  const n = text.length;
  let i = start + 1;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text[i] !== '[') {
    return {
      kind: 'error',
      from: start,
      to: start + 1,
      text: '#',
      value: '`#` must be followed by a JSON array: `#[{ … }]`',
    };
  }
  let depth = 0;
  while (i < n) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '[' || c === '{') {
      depth++;
    } else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        i++;
        return { kind: 'json', from: start, to: i, text: text.slice(start, i) };
      }
    }
    i++;
  }
  return {
    kind: 'json',
    from: start,
    to: n,
    text: text.slice(start, n),
    unterminated: true,
  };
}

function scanOperator(text: string, i: number): string | null {
  const two = text.slice(i, i + 2);
  if (two === '!=' || two === '<=' || two === '>=' || two === '&&' || two === '||' || two === '==')
    return two;
  const one = text[i]!;
  if (one === '=' || one === '<' || one === '>' || one === '!' || one === '&' || one === '|')
    return one;
  return null;
}

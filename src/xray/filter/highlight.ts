import { keywordInfo } from './keywords.ts';
import { lex, type Token } from './lexer.ts';

export type HighlightKind =
  | 'keyword'
  | 'operator'
  | 'string'
  | 'number'
  | 'boolean'
  | 'annotation'
  | 'function'
  | 'punctuation'
  | 'logical'
  | 'json'
  | 'error';

export interface HighlightToken {
  from: number;
  to: number;
  kind: HighlightKind;
}

const LOGICAL_WORDS = new Set(['and', 'or', 'not']);
const STRING_OPS = new Set(['contains', 'beginswith', 'endswith']);
const COMPARISON = new Set(['=', '!=', '<', '<=', '>', '>=']);
const RC_WORD =
  /^rootcause\.((fault|error)\.(service|entity|exception)|responsetime\.(service|entity)|json)$/;

/**
 * Token ranges with kinds, for colouring the filter box on every keystroke. Purely lexical plus
 * one token of look-behind (a word after a comparison operator or `:` is a value), so it stays
 * cheap and never depends on the whole expression being valid; the parser's diagnostics give
 * the squiggles. Whitespace is not covered. Never throws.
 */
export function highlight(text: string): HighlightToken[] {
  const tokens = lex(text);
  const out: HighlightToken[] = [];
  let prev: Token | undefined;
  for (const t of tokens) {
    if (t.kind === 'eof') break;
    out.push({ from: t.from, to: t.to, kind: kindOf(t, prev) });
    prev = t;
  }
  return out;
}

function kindOf(t: Token, prev: Token | undefined): HighlightKind {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'json':
      return t.unterminated ? 'error' : 'json';
    case 'error':
      return 'error';
    case 'punct':
      return 'punctuation';
    case 'op':
      if (COMPARISON.has(t.text)) return 'operator';
      if (t.text === '!' || t.text === '&&' || t.text === '||') return 'logical';
      return 'error';
    default:
      return wordKind(t, prev);
  }
}

function wordKind(t: Token, prev: Token | undefined): HighlightKind {
  const w = t.text.toLowerCase();
  if (w === 'true' || w === 'false') return 'boolean';
  const afterOperator =
    prev !== undefined &&
    ((prev.kind === 'op' && COMPARISON.has(prev.text)) ||
      (prev.kind === 'word' && STRING_OPS.has(prev.text.toLowerCase())) ||
      (prev.kind === 'punct' && prev.text === ':'));
  if (afterOperator) return 'string'; // unquoted value (§7: `name = traces`)
  if (prev?.kind === 'punct' && prev.text === '[') return 'annotation';
  if (LOGICAL_WORDS.has(w)) return 'logical';
  if (STRING_OPS.has(w)) return 'operator';
  if (w === 'service' || w === 'edge' || w === 'id') return 'function';
  if (w === 'annotation' || w.startsWith('annotation.')) return 'annotation';
  if (keywordInfo(w) || w === 'group.name' || w === 'group.arn' || w === 'account.id') {
    return 'keyword';
  }
  if (RC_WORD.test(w)) return 'keyword';
  if (prev?.kind === 'punct' && (prev.text === '(' || prev.text === ',')) return 'string';
  return 'error';
}

import { keywordInfo } from './keywords.ts';
import { lexFilter, type Token } from './lexer.ts';

/**
 * Syntax classes for the filter box. Kinds: keyword (simple keywords), annotation, complex
 * (rootcause.*, group.*), function (service/edge/id), field (id() argument names), logical
 * (AND OR NOT ! && ||), operator, string, number, boolean, json, punctuation. Text the lexer
 * cannot read, or words that are nothing known, get no span (the parser reports them).
 */
export interface HighlightSpan {
  from: number;
  to: number;
  kind: string;
}

const LOGICAL = new Set(['AND', 'OR', 'NOT', '!', '&&', '||']);
const WORD_OPERATORS = new Set(['CONTAINS', 'BEGINSWITH', 'ENDSWITH']);

/** Cheap enough to run on every keystroke: one lexer pass and one look back per token. */
export function highlight(text: string): HighlightSpan[] {
  const tokens = lexFilter(text);
  const spans: HighlightSpan[] = [];
  tokens.forEach((tok, i) => {
    const kind = kindOf(tok, tokens[i - 1], tokens[i + 1]);
    if (kind) spans.push({ from: tok.from, to: tok.to, kind });
  });
  return spans;
}

function kindOf(tok: Token, prev: Token | undefined, next: Token | undefined): string | undefined {
  switch (tok.kind) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'json':
      return 'json';
    case 'punct':
      return 'punctuation';
    case 'op':
      return LOGICAL.has(tok.text) ? 'logical' : 'operator';
    case 'unknown':
      return undefined;
    case 'word':
      return wordKind(tok, prev, next);
  }
}

function wordKind(
  tok: Token,
  prev: Token | undefined,
  next: Token | undefined,
): string | undefined {
  const upper = tok.text.toUpperCase();
  const lower = tok.text.toLowerCase();
  if (LOGICAL.has(upper)) return 'logical';
  if (WORD_OPERATORS.has(upper)) return 'operator';
  if (next?.text === ':' && next.kind === 'punct') return 'field';
  // After a comparison operator a word is a value: true/false, or an unquoted string.
  if (prev && isComparison(prev))
    return upper === 'TRUE' || upper === 'FALSE' ? 'boolean' : 'string';
  if (upper === 'TRUE' || upper === 'FALSE') return 'boolean';
  if (lower === 'service' || lower === 'edge' || lower === 'id') return 'function';
  if (lower === 'annotation' || lower.startsWith('annotation.')) return 'annotation';
  if (/^(rootcause|group)(\.|$)/.test(lower)) return 'complex';
  return keywordInfo(tok.text) ? 'keyword' : undefined;
}

function isComparison(tok: Token): boolean {
  if (tok.kind === 'op') return !LOGICAL.has(tok.text);
  return tok.kind === 'word' && WORD_OPERATORS.has(tok.text.toUpperCase());
}

import type { Literal } from './ast.ts';
import {
  COMPLEX_KEYWORDS,
  type FilterScope,
  KEYWORDS,
  keywordInfo,
  OPERATORS_BY_TYPE,
  type ValueType,
} from './keywords.ts';
import { lexFilter, type Token } from './lexer.ts';
import { quote } from './print.ts';

/**
 * Completions for the filter box at a caret position. Reads only the tokens before the caret to
 * decide what may come next (a keyword valid in the current braces, an operator for the
 * keyword's type, a value, a service name inside `service(`/`edge(`/`id(name:`, AND/OR), then
 * keeps the items that continue what is being typed. Never throws; cheap enough per keystroke.
 */
export interface CompletionItem {
  label: string;
  /** Replaces the text between `from` and `to`. */
  insert: string;
  kind: string;
  detail?: string;
}
export interface CompletionResult {
  from: number;
  to: number;
  items: CompletionItem[];
}
/** Names seen in the current data, offered where they fit. */
export interface CompletionSources {
  services?: readonly string[];
  annotationKeys?: readonly string[];
  annotationValues?: Readonly<Record<string, readonly Literal[]>>;
  /** Whole expressions used recently, offered while the box is blank. */
  recent?: readonly string[];
}

const MAX_ITEMS = 50;
const WORD_OPERATORS = new Set(['CONTAINS', 'BEGINSWITH', 'ENDSWITH']);
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

type Expect =
  | { kind: 'term' }
  | { kind: 'selector' }
  | { kind: 'id-key' }
  | { kind: 'id-value'; key: string }
  | { kind: 'operator'; type: ValueType | 'any' }
  | { kind: 'value'; keyword: string; type: ValueType | 'any' }
  | { kind: 'after-term'; braces: boolean }
  | { kind: 'none' };

export function complete(
  text: string,
  cursor: number,
  sources: CompletionSources = {},
): CompletionResult {
  const at = Math.max(0, Math.min(text.length, cursor));
  const tokens = lexFilter(text.slice(0, at));
  const last = tokens.at(-1);
  // The token being typed: a word, number or unterminated string that touches the caret.
  const typing =
    last &&
    last.to === at &&
    (last.kind === 'word' || last.kind === 'number' || (last.kind === 'string' && last.error))
      ? last
      : undefined;
  const before = typing ? tokens.slice(0, -1) : tokens;
  const prefix = typing ? (typing.kind === 'string' ? String(typing.value) : typing.text) : '';
  let to = at;
  if (typing?.kind === 'word') to += /^[A-Za-z0-9_.]*/.exec(text.slice(at))?.[0].length ?? 0;
  if (typing?.kind === 'string' && text[at] === '"') to += 1;

  const { scope, expect } = readContext(before);
  const all = candidates(expect, scope, sources, prefix !== '');
  const items = dedupe(all.filter((item) => continues(item, prefix)));
  if (text.trim() === '' && sources.recent?.length) {
    const recent = sources.recent.map((r) => ({ label: r, insert: r, kind: 'recent' }));
    return { from: 0, to: text.length, items: [...recent, ...items].slice(0, MAX_ITEMS) };
  }
  return { from: typing ? typing.from : at, to, items: items.slice(0, MAX_ITEMS) };
}

/** Where the caret is: which braces it is in, and what the grammar allows next. */
function readContext(tokens: readonly Token[]): { scope: FilterScope; expect: Expect } {
  const scopes: FilterScope[] = ['trace'];
  const parens: string[] = [];
  let pendingScope: FilterScope | undefined;
  let closedCall = false;
  tokens.forEach((tok, i) => {
    const lower = tok.text.toLowerCase();
    const opened = pendingScope;
    pendingScope = undefined;
    closedCall = false;
    if (tok.kind === 'punct' && tok.text === '(') {
      const fn = tokens[i - 1]?.text.toLowerCase() ?? '';
      parens.push(['service', 'edge', 'id'].includes(fn) ? fn : 'group');
    } else if (tok.kind === 'punct' && tok.text === ')') {
      const fn = parens.pop();
      if (fn === 'service' || fn === 'edge') {
        pendingScope = fn;
        closedCall = true;
      }
    } else if (tok.kind === 'punct' && tok.text === '{') {
      scopes.push(opened ?? scopes.at(-1) ?? 'trace');
    } else if (tok.kind === 'punct' && tok.text === '}') {
      if (scopes.length > 1) scopes.pop();
    } else if (
      tok.kind === 'word' &&
      lower.startsWith('rootcause.') &&
      lower !== 'rootcause.json'
    ) {
      pendingScope = rootCauseScope(lower);
      closedCall = pendingScope !== undefined;
    }
  });
  const scope = scopes.at(-1) ?? 'trace';
  return { scope, expect: expectAfter(tokens, parens.at(-1), closedCall) };
}

function rootCauseScope(word: string): FilterScope | undefined {
  const [, category, level] = word.split('.');
  if (level === 'service') return 'rootcause.service';
  if (level === 'exception') return 'rootcause.exception';
  if (level !== 'entity') return undefined;
  return category === 'responsetime' ? 'rootcause.responsetime.entity' : 'rootcause.entity';
}

function expectAfter(
  tokens: readonly Token[],
  frame: string | undefined,
  closedCall: boolean,
): Expect {
  const prev = tokens.at(-1);
  if (!prev) return { kind: 'term' };
  const text = prev.text;
  if (prev.kind === 'punct') {
    if ((text === '(' || text === ',') && (frame === 'service' || frame === 'edge')) {
      return { kind: 'selector' };
    }
    if ((text === '(' || text === ',') && frame === 'id') return { kind: 'id-key' };
    if (text === ':' && frame === 'id') return { kind: 'id-value', key: tokens.at(-2)?.text ?? '' };
    if (text === '(' || text === '{') return { kind: 'term' };
    if (text === ')' || text === '}') return { kind: 'after-term', braces: closedCall };
    return { kind: 'none' };
  }
  if (isComparison(prev)) {
    const keyword = tokens.at(-2)?.text ?? '';
    return { kind: 'value', keyword, type: typeOf(keyword) ?? 'any' };
  }
  if (prev.kind === 'op') return { kind: 'term' }; // ! && ||
  if (prev.kind === 'word') {
    const upper = text.toUpperCase();
    if (upper === 'AND' || upper === 'OR' || upper === 'NOT') return { kind: 'term' };
    const beforePrev = tokens.at(-2);
    if (beforePrev && isComparison(beforePrev)) return { kind: 'after-term', braces: false };
    if (closedCall) return { kind: 'after-term', braces: true };
    const type = typeOf(text);
    return type ? { kind: 'operator', type } : { kind: 'none' };
  }
  return { kind: 'after-term', braces: false }; // a value, or a JSON pattern
}

function isComparison(tok: Token): boolean {
  if (tok.kind === 'op') return !['!', '&&', '||'].includes(tok.text);
  return tok.kind === 'word' && WORD_OPERATORS.has(tok.text.toUpperCase());
}

/** The value type of a keyword as written; annotations take any type; undefined if none. */
function typeOf(word: string): ValueType | 'any' | undefined {
  const lower = word.toLowerCase();
  if (lower.startsWith('annotation.') && lower.length > 'annotation.'.length) return 'any';
  if (lower === 'group.name' || lower === 'group.arn') return 'string';
  return keywordInfo(word)?.type;
}

function candidates(
  expect: Expect,
  scope: FilterScope,
  sources: CompletionSources,
  typing: boolean,
): CompletionItem[] {
  switch (expect.kind) {
    case 'term':
      return terms(scope, sources);
    case 'selector':
      return [...serviceItems(sources), { label: 'id(…)', insert: 'id(', kind: 'function' }];
    case 'id-key':
      return ['name', 'type', 'account.id'].map((k) => ({
        label: `${k}:`,
        insert: `${k}: `,
        kind: 'field',
      }));
    case 'id-value':
      return expect.key.toLowerCase() === 'name' ? serviceItems(sources) : [];
    case 'operator': {
      const ops =
        expect.type === 'any'
          ? [...OPERATORS_BY_TYPE.number, 'CONTAINS', 'BEGINSWITH', 'ENDSWITH']
          : OPERATORS_BY_TYPE[expect.type];
      const items = ops.map((op) => ({ label: op, insert: op, kind: 'operator' }));
      return [...items, ...logical(), ...(typing ? terms(scope, sources) : [])];
    }
    case 'value':
      return values(expect.keyword, expect.type, sources);
    case 'after-term': {
      const braces = expect.braces
        ? [{ label: '{ … }', insert: '{ ', kind: 'punctuation', detail: 'filter inside' }]
        : [];
      return [...braces, ...logical(), ...(typing ? terms(scope, sources) : [])];
    }
    case 'none':
      return [];
  }
}

function terms(scope: FilterScope, sources: CompletionSources): CompletionItem[] {
  const items: CompletionItem[] = KEYWORDS.filter((k) => k.scopes.includes(scope)).map((k) => ({
    label: k.name,
    insert: k.name,
    kind: 'keyword',
    detail: k.description,
  }));
  if (scope !== 'trace') return items;
  for (const key of sources.annotationKeys ?? []) {
    const insert = /^[A-Za-z0-9_]+$/.test(key) ? `annotation.${key}` : `annotation[${quote(key)}]`;
    items.push({ label: insert, insert, kind: 'annotation', detail: 'annotation' });
  }
  for (const c of COMPLEX_KEYWORDS) {
    if (c.name === 'id') continue;
    items.push({
      label: c.syntax,
      insert: complexInsert(c.name),
      kind: c.name === 'service' || c.name === 'edge' ? 'function' : 'complex',
      detail: c.description,
    });
  }
  return items;
}

function complexInsert(name: string): string {
  if (name === 'service' || name === 'edge') return `${name}(`;
  if (name === 'annotation') return 'annotation.';
  if (name === 'rootcause.json') return 'rootcause.json = #[';
  if (name.startsWith('group.')) return `${name} = `;
  return `${name} { `;
}

function logical(): CompletionItem[] {
  return [
    { label: 'AND', insert: 'AND', kind: 'logical' },
    { label: 'OR', insert: 'OR', kind: 'logical' },
  ];
}

function values(keyword: string, type: ValueType | 'any', sources: CompletionSources) {
  const lower = keyword.toLowerCase();
  const literals: Literal[] = [];
  if (type === 'boolean') literals.push(true, false);
  if (lower.startsWith('annotation.')) {
    const key = keyword.slice('annotation.'.length);
    literals.push(...(sources.annotationValues?.[key] ?? []));
  }
  if (lower === 'http.method') literals.push(...HTTP_METHODS);
  return literals.map((v) => ({ label: String(v), insert: literal(v), kind: 'value' }));
}

function serviceItems(sources: CompletionSources): CompletionItem[] {
  return (sources.services ?? []).map((s) => ({ label: s, insert: quote(s), kind: 'service' }));
}

function literal(v: Literal): string {
  return typeof v === 'string' ? quote(v) : String(v);
}

/** Case-insensitive prefix match, ignoring the opening quote of string items. */
function continues(item: CompletionItem, prefix: string): boolean {
  if (prefix === '') return true;
  const body = item.insert.startsWith('"') ? item.insert.slice(1) : item.insert;
  return body.toLowerCase().startsWith(prefix.toLowerCase());
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.insert) && seen.add(i.insert));
}

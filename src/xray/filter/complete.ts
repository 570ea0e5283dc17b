import {
  ALL_OPERATORS,
  COMPLEX_KEYWORDS,
  type FilterScope,
  KEYWORDS,
  OPERATORS_BY_TYPE,
} from './keywords.ts';
import { lex, type Token } from './lexer.ts';
import { expectationsAt } from './parser.ts';
import { quote } from './print.ts';
import type { Expectation } from './token-stream.ts';

export interface CompletionItem {
  label: string;
  /** Text that replaces [from, to). */
  insert: string;
  kind: string;
  detail?: string;
}

export interface CompletionResult {
  from: number;
  to: number;
  items: CompletionItem[];
}

/** Data the console knows and the grammar doesn't: offered where a value fits. */
export interface CompletionContext {
  services?: readonly string[];
  annotationKeys?: readonly string[];
  /** Values seen per annotation key; numbers and booleans are inserted unquoted. */
  annotationValues?: Readonly<Record<string, readonly (string | number | boolean)[]>>;
  /** Recent expressions, offered when the box is empty. */
  recent?: readonly string[];
  /** Group names, offered after `group.name =` (an addition to the agreed shape; optional). */
  groups?: readonly string[];
}

const COMMON_TYPES = [
  'AWS::EC2::Instance',
  'AWS::ECS::Container',
  'AWS::ElasticBeanstalk::Environment',
  'AWS::Lambda',
  'AWS::Lambda::Function',
  'AWS::DynamoDB',
  'AWS::DynamoDB::Table',
  'AWS::S3',
  'AWS::SNS',
  'AWS::SQS',
  'AWS::ApiGateway::Stage',
  'remote',
];
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

/** Tokens the person may still be typing when the cursor touches their end. */
const PARTIAL_KINDS = new Set<Token['kind']>(['word', 'string', 'number', 'op', 'error']);

/**
 * Completions valid at `cursor`. The text before the token being typed is run through the real
 * parser, which records what it would accept where that text ends (see `expectationsAt`), so
 * suggestions follow the grammar exactly: keywords of the current scope, operators for the
 * keyword's type, values, connectives after a complete term, closing brackets. `[from, to)` is
 * the token under the cursor (the whole of it, so completing mid-word replaces the word).
 * Never throws; returns no items where nothing sensible fits (e.g. after a syntax error).
 */
export function complete(
  text: string,
  cursor: number,
  context: CompletionContext = {},
): CompletionResult {
  const at = Math.max(
    0,
    Math.min(Number.isFinite(cursor) ? Math.trunc(cursor) : text.length, text.length),
  );
  try {
    return completeAt(text, at, context);
  } catch {
    return { from: at, to: at, items: [] };
  }
}

function completeAt(text: string, cursor: number, ctx: CompletionContext): CompletionResult {
  const tokens = lex(text);
  let cut = tokens.findIndex((t) => t.kind === 'eof' || t.to >= cursor);
  let from = cursor;
  let to = cursor;
  const t = tokens[cut]!;
  if (t.kind !== 'eof' && t.from < cursor) {
    // The cursor is inside or at the end of token t.
    const closedAtEnd = cursor === t.to && t.kind === 'string' && !t.unterminated;
    if (t.kind === 'json' || t.kind === 'punct' || closedAtEnd) {
      if (cursor !== t.to || t.kind === 'json') return { from: cursor, to: cursor, items: [] };
      cut++; // a finished token: complete what comes after it
    } else if (PARTIAL_KINDS.has(t.kind)) {
      from = t.from;
      to = t.to;
    }
  }
  const before = tokens.slice(0, cut);
  before.push({ kind: 'eof', from, to: from, text: '' });
  const prefix = text.slice(from, cursor).toLowerCase();

  const notes = expectationsAt(before, text);
  const ranked: { item: CompletionItem; rank: number }[] = [];
  const seen = new Set<string>();
  const add = (rank: number, item: CompletionItem) => {
    if (seen.has(item.insert)) return;
    if (
      !item.insert.toLowerCase().startsWith(prefix) &&
      !item.label.toLowerCase().startsWith(prefix)
    )
      return;
    seen.add(item.insert);
    ranked.push({ item, rank });
  };
  if (text.trim() === '') {
    for (const r of ctx.recent ?? []) add(0, { label: r, insert: r, kind: 'recent' });
    from = 0;
    to = text.length;
  }
  for (const e of notes) addItems(e, ctx, add);
  ranked.sort((a, b) => a.rank - b.rank);
  return { from, to, items: ranked.map((r) => r.item) };
}

type Add = (rank: number, item: CompletionItem) => void;

function addItems(e: Expectation, ctx: CompletionContext, add: Add): void {
  switch (e.kind) {
    case 'term':
      addTerms(e.scope, ctx, add);
      return;
    case 'logical':
      add(1, { label: 'AND', insert: 'AND ', kind: 'logical', detail: 'both must hold' });
      add(1, { label: 'OR', insert: 'OR ', kind: 'logical', detail: 'either may hold' });
      return;
    case 'close':
      add(1, { label: e.text, insert: e.text, kind: 'punctuation' });
      return;
    case 'operator':
      // A boolean keyword is usually complete alone, so its = / != come after AND / OR.
      for (const op of e.only ?? (e.type === 'any' ? ALL_OPERATORS : OPERATORS_BY_TYPE[e.type])) {
        add(e.type === 'boolean' ? 2 : 0, { label: op, insert: `${op} `, kind: 'operator' });
      }
      return;
    case 'value':
      addValues(e, ctx, add);
      return;
    case 'selector':
      for (const s of ctx.services ?? []) add(0, { label: s, insert: quote(s), kind: 'service' });
      add(0, {
        label: 'id(…)',
        insert: 'id(',
        kind: 'function',
        detail: 'select by name, type, account',
      });
      return;
    case 'id-arg':
      for (const a of ['name', 'type', 'account.id']) {
        if (!e.used.includes(a)) add(0, { label: `${a}:`, insert: `${a}: `, kind: 'keyword' });
      }
      return;
    case 'id-value':
      if (e.arg === 'name')
        for (const s of ctx.services ?? []) add(0, { label: s, insert: quote(s), kind: 'service' });
      if (e.arg === 'type')
        for (const ty of COMMON_TYPES) add(0, { label: ty, insert: quote(ty), kind: 'string' });
      return;
    case 'comma':
      add(1, { label: ',', insert: ', ', kind: 'punctuation' });
      return;
    case 'open-brace':
      add(1, { label: '{ … }', insert: '{ ', kind: 'punctuation', detail: 'filter its calls' });
      return;
    case 'json':
      add(0, { label: '#[ … ]', insert: '#[{ "Services": [] }]', kind: 'json' });
      return;
    case 'annotation-key':
      for (const k of ctx.annotationKeys ?? [])
        add(0, { label: k, insert: quote(k), kind: 'annotation' });
      return;
  }
}

function addTerms(scope: FilterScope, ctx: CompletionContext, add: Add): void {
  for (const k of KEYWORDS) {
    if (k.scopes.includes(scope))
      add(3, { label: k.name, insert: k.name, kind: 'keyword', detail: k.description });
  }
  if (scope === 'trace') {
    for (const key of ctx.annotationKeys ?? []) {
      const ref = /^[A-Za-z0-9_]+$/.test(key) ? `annotation.${key}` : `annotation[${quote(key)}]`;
      add(3, { label: ref, insert: ref, kind: 'annotation' });
    }
    for (const c of COMPLEX_KEYWORDS) {
      if (c.name === 'id') continue;
      const insert =
        c.name === 'service' || c.name === 'edge'
          ? `${c.name}(`
          : c.name === 'annotation'
            ? 'annotation.'
            : c.name.startsWith('group.')
              ? `${c.name} = `
              : c.name === 'rootcause.json'
                ? 'rootcause.json = #['
                : `${c.name} { `;
      add(4, {
        label: c.name,
        insert,
        kind: c.name === 'service' || c.name === 'edge' ? 'function' : 'keyword',
        detail: c.syntax,
      });
    }
  }
  add(5, { label: 'NOT', insert: 'NOT ', kind: 'logical', detail: 'negates the next term' });
  add(5, { label: '!', insert: '!', kind: 'logical', detail: 'negates the next term' });
  add(5, { label: '(', insert: '(', kind: 'punctuation' });
}

function addValues(
  e: Extract<Expectation, { kind: 'value' }>,
  ctx: CompletionContext,
  add: Add,
): void {
  if (e.type === 'boolean') {
    add(0, { label: 'true', insert: 'true', kind: 'boolean' });
    add(0, { label: 'false', insert: 'false', kind: 'boolean' });
    return;
  }
  if (e.group === 'name') {
    for (const g of ctx.groups ?? []) add(0, { label: g, insert: quote(g), kind: 'string' });
    return;
  }
  if (e.annotationKey !== undefined) {
    const values = ctx.annotationValues;
    const list =
      values && Object.hasOwn(values, e.annotationKey) ? values[e.annotationKey] : undefined;
    for (const v of list ?? []) {
      // A string that reads as a number or boolean is inserted quoted only when it is a string.
      const raw = typeof v !== 'string';
      add(0, {
        label: String(v),
        insert: raw ? String(v) : quote(v),
        kind: raw ? typeof v : 'string',
      });
    }
    return;
  }
  if (e.keyword === 'name' && (e.scope === 'service' || e.scope === 'rootcause.service')) {
    for (const s of ctx.services ?? []) add(0, { label: s, insert: quote(s), kind: 'service' });
  } else if (e.keyword === 'type') {
    for (const ty of COMMON_TYPES) add(0, { label: ty, insert: quote(ty), kind: 'string' });
  } else if (e.keyword === 'http.method') {
    for (const m of HTTP_METHODS) add(0, { label: m, insert: quote(m), kind: 'string' });
  }
}

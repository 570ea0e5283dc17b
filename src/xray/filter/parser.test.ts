import { describe, expect, it } from 'vitest';
import { parseFilter } from './parser.ts';
import { DOCUMENTED_EXAMPLES, stripSpans } from './test-support.ts';

function tree(text: string): unknown {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  return stripSpans(r.expr);
}

function error(text: string) {
  const r = parseFilter(text);
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.errors[0];
}

const f = (name: string) => ({ kind: 'test', keyword: { kind: 'field', name } });
const cmp = (name: string, op: string, value: unknown) => ({
  kind: 'compare',
  keyword: { kind: 'field', name },
  op,
  value,
});

describe('parseFilter: documented examples', () => {
  it('parses all 45 documented examples', () => {
    expect(DOCUMENTED_EXAMPLES).toHaveLength(45);
    const failures = DOCUMENTED_EXAMPLES.filter((e) => !parseFilter(e).ok);
    expect(failures).toEqual([]);
  });

  it('reads #11 as an implicit AND of three terms', () => {
    expect(tree('ok !partial duration <3')).toEqual({
      kind: 'and',
      terms: [f('ok'), { kind: 'not', expr: f('partial') }, cmp('duration', '<', 3)],
    });
  });

  it('reads #8 with the unquoted value as a string', () => {
    expect(tree('rootcause.fault.service { inferred and name = traces }')).toEqual({
      kind: 'rootcause',
      category: 'fault',
      level: 'service',
      filter: { kind: 'and', terms: [f('inferred'), cmp('name', '=', 'traces')] },
    });
  });

  it('reads id() selectors with every field', () => {
    expect(tree('service(id(name: "a", type:"T", account.id:"1")) { error }')).toEqual({
      kind: 'service',
      selector: { kind: 'id', name: 'a', type: 'T', accountId: '1' },
      filter: f('error'),
    });
    expect(tree('edge("a", id(type: "T"))')).toEqual({
      kind: 'edge',
      from: { kind: 'name', name: 'a' },
      to: { kind: 'id', type: 'T' },
      filter: null,
    });
    expect(tree('service()')).toEqual({ kind: 'service', selector: null, filter: null });
  });

  it('keeps the root-cause JSON pattern as parsed JSON', () => {
    expect(tree('rootcause.json = #[{"Services":[{"Name":"A"}]}]')).toEqual({
      kind: 'rootcause-json',
      pattern: [{ Services: [{ Name: 'A' }] }],
    });
  });
});

describe('parseFilter: precedence and case', () => {
  it('binds AND tighter than OR, and ! tightest', () => {
    expect(tree('ok OR error AND !fault')).toEqual({
      kind: 'or',
      terms: [f('ok'), { kind: 'and', terms: [f('error'), { kind: 'not', expr: f('fault') }] }],
    });
  });

  it('groups with parentheses', () => {
    expect(tree('(ok OR error) fault')).toEqual({
      kind: 'and',
      terms: [{ kind: 'or', terms: [f('ok'), f('error')] }, f('fault')],
    });
  });

  it('accepts NOT, && and || as synonyms', () => {
    expect(tree('NOT ok && error || fault')).toEqual(tree('!ok AND error OR fault'));
  });

  it('applies ! to a whole comparison', () => {
    expect(tree('!http.status = 200')).toEqual({
      kind: 'not',
      expr: cmp('http.status', '=', 200),
    });
  });

  it('matches keywords and operators case-insensitively, values case-sensitively', () => {
    expect(tree('HTTP.URL contains "/Api" and ResponseTime > 2')).toEqual({
      kind: 'and',
      terms: [cmp('http.url', 'CONTAINS', '/Api'), cmp('responsetime', '>', 2)],
    });
    expect(tree('annotation.GameId = "x"')).toEqual({
      kind: 'compare',
      keyword: { kind: 'annotation', key: 'GameId' },
      op: '=',
      value: 'x',
    });
  });

  it('reads true/false as booleans except for string keywords', () => {
    expect(tree('annotation.flag = TRUE')).toMatchObject({ value: true });
    expect(tree('user = true')).toMatchObject({ value: 'true' });
  });

  it('reads annotation[key] like annotation.key, and quoted keys with dots', () => {
    expect(tree('annotation[age] > 3')).toEqual(tree('annotation.age > 3'));
    expect(tree('annotation["http.route"] = "/x"')).toMatchObject({
      keyword: { kind: 'annotation', key: 'http.route' },
    });
  });

  it('unescapes \\" and \\\\ in strings and keeps other backslashes', () => {
    expect(tree('user = "a\\"b\\\\c\\d"')).toMatchObject({ value: 'a"b\\c\\d' });
  });

  it('reads negative and fractional numbers', () => {
    expect(tree('annotation.t > -1.5')).toMatchObject({ value: -1.5 });
  });

  it('reads a blank expression as an empty AND (no filter)', () => {
    expect(tree('  \n ')).toEqual({ kind: 'and', terms: [] });
  });

  it('records source spans', () => {
    const r = parseFilter('ok AND service("a") { fault }');
    expect(r.ok && r.expr.kind === 'and' && r.expr.terms[1]?.span).toEqual({ from: 7, to: 29 });
  });
});

describe('parseFilter: errors', () => {
  it.each([
    ['service(', 'Expected a quoted service name or id(…)', 8, 8],
    ['duration >', "Expected a value after '>'", 10, 10],
    ['annotation.age >> 3', "Expected a value after '>'", 16, 17],
    ['ok AND', 'Expected a term after AND', 6, 6],
    ['foo = 1', "Unknown keyword 'foo'", 0, 3],
    ['(ok', "Expected ')' to close the '(' at position 1", 3, 3],
    ['ok)', "Unmatched ')'", 2, 3],
    ["user = 'x'", 'Strings use double quotes: "…"', 7, 8],
    ['user = "x', 'Unterminated string: add the closing "', 7, 9],
    ['ok & error', "Unexpected '&'; use AND / OR (or && / ||)", 3, 4],
    ['ok == true', "Use '=' to compare", 3, 5],
    ['ok = yes', "'ok' is a boolean: expected true or false", 5, 8],
    [
      'http.url > 3',
      "'http.url' is a string: compare it with =, !=, CONTAINS, BEGINSWITH or ENDSWITH",
      9,
      10,
    ],
    [
      'duration CONTAINS "1"',
      "'duration' is a number: compare it with =, !=, <, <=, > or >=",
      9,
      17,
    ],
    ['annotation.a CONTAINS 5', 'CONTAINS compares strings: expected a quoted string', 22, 23],
    ['annotation.a < "x"', '< compares numbers: expected a number', 15, 18],
    ['annotation. = 1', 'Expected an annotation key', 0, 11],
    ['id(name: "x")', 'id(…) picks a service: use it inside service(…) or edge(…)', 0, 2],
    ['edge("a")', 'Expected \',\': edge(…) takes two services: edge("from", "to")', 8, 9],
    ['service() { }', 'Empty braces: write a filter inside { } or leave them out', 10, 11],
    ['service(x)', 'Expected a quoted service name or id(…)', 8, 9],
    ['service(id(name: "a", name: "b"))', 'name is given twice', 22, 26],
    ['rootcause.fault.service', "Expected '{ … }' after rootcause.fault.service", 23, 23],
    [
      'rootcause.responsetime.exception { first }',
      'Response-time root causes have no exceptions',
      0,
      32,
    ],
    ['rootcause.json = #[{"a":}]', 'Invalid JSON', 17, 26],
    ['rootcause.json = #{"a":1}', "'#' must start a JSON array: #[ … ]", 17, 18],
    ['group.name', 'Compare group.name with a value: group.name = "…"', 0, 10],
    ['group.id = "x"', 'Expected group.name or group.arn', 0, 8],
    ['ok 5', "Unexpected '5'", 3, 4],
    ['AND ok', 'Expected a keyword before AND', 0, 3],
  ])('%s → %s', (text, message, start, end) => {
    const d = error(text);
    expect(d?.message.startsWith(message)).toBe(true);
    expect(d?.message).toContain(message);
    expect([d?.from, d?.to]).toEqual([start, end]);
  });

  it('checks keyword scopes', () => {
    expect(error('root')?.message).toBe(
      "'root' can't be used at the top level; use it inside service() { … }",
    );
    expect(error('service() { user = "a" }')?.message).toBe(
      "'user' can't be used inside service() { … }; use it at the top level",
    );
    expect(error('rootcause.fault.entity { coverage > 0.5 }')?.message).toContain(
      'rootcause.responsetime.entity',
    );
    expect(error('service("a") { annotation.x = 1 }')?.message).toContain('top level');
    expect(error('service("a") { service("b") }')?.message).toContain("can't be used inside");
    expect(parseFilter('rootcause.responsetime.entity { coverage > 0.5 }').ok).toBe(true);
  });

  it('reports the first problem in reading order', () => {
    // The stray character comes after a complete, valid prefix.
    expect(error('ok AND error ~')?.from).toBe(13);
    // A parse error before a later lexer error wins.
    expect(error('duration > AND ~')?.message).toBe("Expected a value after '>'");
  });

  it('survives hostile nesting without throwing', () => {
    expect(error(`${'('.repeat(10_000)}ok${')'.repeat(10_000)}`)?.message).toBe(
      'Parentheses are nested too deeply',
    );
    expect(parseFilter(`${'!'.repeat(100_000)}ok`).ok).toBe(true);
    expect(error(`rootcause.json = #${'['.repeat(50)}${']'.repeat(50)}`)?.message).toBe(
      'The JSON pattern is nested too deeply',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { describeFilterError } from './describe.ts';
import { parseFilter } from './parser.ts';

/** [expression, from, to, message] of the first diagnostic. Offsets: 0-based, end exclusive. */
type ErrorCase = [string, number, number, string];

const CASES: ErrorCase[] = [
  ['respnsetime > 5', 0, 11, 'unknown keyword `respnsetime` — did you mean `responsetime`?'],
  ['duraton < 3', 0, 7, 'unknown keyword `duraton` — did you mean `duration`?'],
  ['anotation.age > 3', 0, 13, 'unknown keyword `anotation.age` — did you mean `annotation.age`?'],
  // §7: http.contentlength is not documented → unknown keyword.
  ['http.contentlength > 5', 0, 18, 'unknown keyword `http.contentlength`'],
  ['responsetime >', 14, 14, 'expected a number after `responsetime >`'],
  ['responsetime > "5"', 15, 18, 'expected a number after `responsetime >` — remove the quotes: 5'],
  ['responsetime > 1e999', 15, 20, '`1e999` is too large a number'],
  [
    'responsetime CONTAINS "5"',
    13,
    21,
    "`CONTAINS` can't be used with `responsetime`, a number — use = != < <= > >=",
  ],
  [
    'http.url > 5',
    9,
    10,
    "`>` can't be used with `http.url`, a text keyword — use = != CONTAINS BEGINSWITH ENDSWITH",
  ],
  ['http.url =', 10, 10, 'expected a value in double quotes after `http.url =`'],
  ['http.url = and', 11, 14, 'expected a value in double quotes after `http.url =`'],
  ['ok = yes', 5, 8, 'expected true or false after `ok =`'],
  ['responsetime 5', 13, 14, 'expected an operator after `responsetime` (= != < <= > >=)'],
  ['responsetime == 5', 13, 15, '`==` is not an operator — use `=`'],
  ['http.url LIKE "x"', 9, 13, 'unknown operator `LIKE` — use = != CONTAINS BEGINSWITH ENDSWITH'],
  ['http.url CONTAIN "x"', 9, 16, 'unknown operator `CONTAIN` — did you mean `CONTAINS`?'],
  ['annotation.age >> 3', 16, 17, 'expected a number after `annotation.age >`'],
  [
    'annotation.x CONTAINS 5',
    22,
    23,
    'expected a value in double quotes after `annotation.x CONTAINS`',
  ],
  ['annotation.', 0, 11, 'expected an annotation key after `annotation.`'],
  ['annotation[""]', 11, 13, 'an annotation key cannot be empty'],
  [
    'annotation',
    10,
    10,
    'expected `.key` or `[key]` after `annotation`, found the end of the filter',
  ],
  ['ok AND', 6, 6, 'expected a filter after `AND`, found the end of the filter'],
  ['AND ok', 0, 3, 'expected a filter, found `AND`'],
  ['ok OR OR error', 6, 8, 'expected a filter after `OR`, found `OR`'],
  ['ok )', 3, 4, 'unmatched `)`'],
  ['(ok', 3, 3, 'expected `)` to close the `(` at character 0, found the end of the filter'],
  ['()', 0, 2, 'empty `( )` — write a filter inside'],
  ['ok & error', 3, 4, '`&` is not an operator — use `&&`'],
  ['ok @', 3, 4, 'unexpected character `@`'],
  [
    'name = foo-bar',
    0,
    4,
    '`name` can only be used inside service() { … }, rootcause.*.service { … }, rootcause.*.entity { … } or rootcause.*.exception { … }',
  ],
  ['true', 0, 4, '`true` alone is not a filter — compare a keyword with it, e.g. `fault = true`'],
  ['"x"', 0, 3, 'expected a filter, found `"x"`'],
  ['!', 1, 1, 'expected a filter after `!`, found the end of the filter'],
  ['user = "unterminated', 7, 20, 'missing closing `"`'],
  [
    'service(',
    8,
    8,
    'expected a service name in double quotes or id(…), found the end of the filter',
  ],
  ['service("a"', 11, 11, 'expected `)` after the service, found the end of the filter'],
  ['service("a") { }', 13, 16, 'empty `{ }` — write a filter inside the braces or remove them'],
  [
    'service("a") { fault',
    20,
    20,
    'expected `}` to close the `{` at character 13, found the end of the filter',
  ],
  ['edge("a")', 8, 9, 'edge() needs two services: expected `,` after the source, found `)`'],
  ['edge()', 0, 6, 'edge() needs two services: edge("source", "destination")'],
  ['service(id())', 11, 12, 'id() needs at least one of name:, type:, account.id:'],
  ['service(id(nme: "x"))', 11, 14, 'unknown id() argument `nme` — did you mean `name`?'],
  ['service(id(name "x"))', 16, 19, 'expected `:` after `name`, found `"x"`'],
  ['service(id(name: "x", name: "y"))', 22, 26, '`name` is given twice in id(…)'],
  ['id(name: "x")', 0, 2, '`id(…)` only selects a service — use it inside service(…) or edge(…)'],
  ['root', 0, 4, '`root` can only be used inside service() { … }'],
  [
    'service("a") { user = "x" }',
    15,
    19,
    "`user` can't be used inside service() { … } — only at the top level",
  ],
  [
    'service("a") { service("b") }',
    15,
    22,
    "`service()` can't be used inside service() { … } — only at the top level",
  ],
  // §7 decision: annotations inside service/edge braces are rejected (the guide says they can't
  // be combined), with a message that says what to do.
  [
    'service("a") { annotation.x = 1 }',
    15,
    27,
    "annotations can't be used inside service() { … } — move `annotation.x` outside the braces",
  ],
  [
    'edge("a", "b") { annotation[k] }',
    17,
    30,
    "annotations can't be used inside edge() { … } — move `annotation[k]` outside the braces",
  ],
  [
    'rootcause.fault.service',
    23,
    23,
    'expected `{ filter }` after `rootcause.fault.service`, e.g. `rootcause.fault.service { name = "api" }`',
  ],
  [
    'rootcause.fault.servce { name = "x" }',
    0,
    22,
    'unknown keyword `rootcause.fault.servce` — did you mean `rootcause.fault.service`?',
  ],
  [
    'rootcause.responsetime.exception { name = "x" }',
    0,
    32,
    'response-time root causes have no exceptions — use rootcause.fault.exception or rootcause.error.exception',
  ],
  [
    'rootcause.fault.entity { coverage > 0.5 }',
    25,
    33,
    '`coverage` can only be used inside rootcause.responsetime.entity { … }',
  ],
  ['rootcause.json = #[', 17, 19, 'missing `]` to close the JSON array'],
  [
    'rootcause.json = #[1]',
    17,
    21,
    'rootcause.json needs an array of root-cause objects: #[{ … }]',
  ],
  ['rootcause.json #[{}]', 15, 20, 'expected `= #[…]` after `rootcause.json`'],
  ['rootcause.json = #x', 17, 18, '`#` must be followed by a JSON array: `#[{ … }]`'],
  ['group.name', 10, 10, 'expected `=` after `group.name`, e.g. `group.name = "my-group"`'],
  ['group.name CONTAINS "x"', 11, 19, '`group.name` takes = or != only'],
];

describe('error cases: exact positions and messages', () => {
  it.each(CASES)('%s', (text, from, to, message) => {
    const r = parseFilter(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toEqual({ from, to, message });
  });

  it('keeps going after type and scope errors, so all of them show', () => {
    const r = parseFilter('root AND responsetime CONTAINS 5 AND respnsetime > 1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.from, e.to])).toEqual([
        [0, 4],
        [22, 30],
        [37, 48],
      ]);
    }
  });

  it('empty and whitespace-only input is the empty filter (all traces)', () => {
    expect(parseFilter('')).toEqual({ ok: true, ast: null });
    expect(parseFilter(' \t\n ')).toEqual({ ok: true, ast: null });
  });

  it('deep nesting is an error, not a stack overflow', () => {
    const r = parseFilter(`${'('.repeat(5000)}ok${')'.repeat(5000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toBe('expression nested too deeply');
    expect(parseFilter('!'.repeat(100_000)).ok).toBe(false);
  });
});

describe('describeFilterError', () => {
  it('gives one line for the API 400, naming the characters', () => {
    const text = 'respnsetime > 5';
    const r = parseFilter(text);
    if (r.ok) throw new Error('should fail');
    expect(describeFilterError(text, r.errors)).toBe(
      'Invalid filter expression: unknown keyword `respnsetime` — did you mean `responsetime`? (at characters 0-11)',
    );
  });
  it('says "at the end" for a problem at the end, and counts the rest', () => {
    expect(describeFilterError('ok AND', [{ from: 6, to: 6, message: 'expected a filter' }])).toBe(
      'Invalid filter expression: expected a filter (at the end)',
    );
    expect(
      describeFilterError('x y', [
        { from: 0, to: 1, message: 'a' },
        { from: 2, to: 3, message: 'b' },
      ]),
    ).toBe('Invalid filter expression: a (at characters 0-1) (and 1 more)');
  });
});

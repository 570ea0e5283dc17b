import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFilter } from './parser.ts';
import { printFilter } from './print.ts';
import { filterArb, withoutRanges } from './test-ast.ts';

function reparse(text: string): unknown {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.errors)}`);
  return r.ast;
}

describe('printFilter', () => {
  it.each([
    [
      'a OR b inside AND keeps its parentheses',
      '(ok OR error) AND fault',
      '(ok OR error) AND fault',
    ],
    ['AND inside OR needs none', 'ok AND error OR fault', 'ok AND error OR fault'],
    ['explicit grouping of ANDs is kept', 'ok AND (error AND fault)', 'ok AND (error AND fault)'],
    ['NOT of a group', 'NOT (ok || error)', '!(ok OR error)'],
    ['double negation', '!!ok', '!!ok'],
    ['escapes', 'http.url = "a\\"b\\\\c"', 'http.url = "a\\"b\\\\c"'],
    ['unknown escapes keep their backslash', 'http.url = "C:\\temp"', 'http.url = "C:\\\\temp"'],
    [
      'bracket annotation keys',
      'annotation[key] AND annotation["a-b"] = 1',
      'annotation.key AND annotation["a-b"] = 1',
    ],
    [
      'numbers',
      'responsetime > 1e-7 AND duration < -2.50',
      'responsetime > 1e-7 AND duration < -2.5',
    ],
    [
      'case is normalised',
      'ResponseTime >= 5 and HTTP.URL contains "X"',
      'responsetime >= 5 AND http.url CONTAINS "X"',
    ],
  ])('%s', (_why, text, printed) => {
    const ast = reparse(text);
    if (!ast || typeof ast !== 'object') throw new Error('empty');
    const out = printFilter(ast as Parameters<typeof printFilter>[0]);
    expect(out).toBe(printed);
    expect(withoutRanges(reparse(out))).toEqual(withoutRanges(ast));
  });

  it('property: print(ast) parses back to ast, for random valid ASTs', () => {
    fc.assert(
      fc.property(filterArb('trace'), (ast) => {
        const text = printFilter(ast);
        const r = parseFilter(text);
        if (!r.ok) throw new Error(`${text}\n${JSON.stringify(r.errors)}`);
        expect(withoutRanges(r.ast)).toEqual(withoutRanges(ast));
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { lexFilter } from './lexer.ts';

const brief = (text: string) =>
  lexFilter(text).map((t) => [t.kind, t.text, t.from, t.to, ...(t.error ? ['!'] : [])]);

describe('lexFilter', () => {
  it('reads dotted words, operators, punctuation and numbers with positions', () => {
    expect(brief('http.status>=500&&!ok')).toEqual([
      ['word', 'http.status', 0, 11],
      ['op', '>=', 11, 13],
      ['number', '500', 13, 16],
      ['op', '&&', 16, 18],
      ['op', '!', 18, 19],
      ['word', 'ok', 19, 21],
    ]);
    expect(brief('service("a"){x}')).toEqual([
      ['word', 'service', 0, 7],
      ['punct', '(', 7, 8],
      ['string', '"a"', 8, 11],
      ['punct', ')', 11, 12],
      ['punct', '{', 12, 13],
      ['word', 'x', 13, 14],
      ['punct', '}', 14, 15],
    ]);
  });

  it('reads numbers: negative, fractional, exponent', () => {
    expect(lexFilter('-1.5 2e3 7').map((t) => t.value)).toEqual([-1.5, 2000, 7]);
  });

  it('keeps a trailing dot in a word so a half-typed keyword stays one token', () => {
    expect(brief('annotation.')).toEqual([['word', 'annotation.', 0, 11]]);
  });

  it('unescapes strings and flags unterminated ones', () => {
    const [s] = lexFilter('"a\\"b\\\\c\\n"');
    expect(s?.value).toBe('a"b\\c\\n');
    const [u] = lexFilter('"abc');
    expect([u?.kind, u?.value, u?.to, u?.error]).toEqual([
      'string',
      'abc',
      4,
      'Unterminated string: add the closing "',
    ]);
  });

  it('reads a #[…] JSON literal as one token, brackets inside strings included', () => {
    expect(brief('rootcause.json = #[{"a":"]}"}] ok')).toEqual([
      ['word', 'rootcause.json', 0, 14],
      ['op', '=', 15, 16],
      ['json', '#[{"a":"]}"}]', 17, 30],
      ['word', 'ok', 31, 33],
    ]);
    expect(brief('#[1')).toEqual([['json', '#[1', 0, 3, '!']]);
    expect(brief('# x')).toEqual([
      ['unknown', '#', 0, 1, '!'],
      ['word', 'x', 2, 3],
    ]);
  });

  it('turns unreadable characters into error tokens and goes on', () => {
    expect(brief("ok ~ 'x' é")).toEqual([
      ['word', 'ok', 0, 2],
      ['unknown', '~', 3, 4, '!'],
      ['unknown', "'", 5, 6, '!'],
      ['word', 'x', 6, 7],
      ['unknown', "'", 7, 8, '!'],
      ['unknown', 'é', 9, 10, '!'],
    ]);
    expect(brief('😀')).toEqual([['unknown', '😀', 0, 2, '!']]);
  });
});

import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

/** "text:kind" pairs, for readable expectations. */
function kinds(text: string): string[] {
  return highlight(text).map((t) => `${text.slice(t.from, t.to)}:${t.kind}`);
}

describe('highlight', () => {
  it('classifies every token of a rich expression', () => {
    expect(
      kinds('service(id(name: "a")) { fault } AND annotation.x = foo OR !responsetime >= 5'),
    ).toEqual([
      'service:function',
      '(:punctuation',
      'id:function',
      '(:punctuation',
      'name:keyword',
      '::punctuation',
      '"a":string',
      '):punctuation',
      '):punctuation',
      '{:punctuation',
      'fault:keyword',
      '}:punctuation',
      'AND:logical',
      'annotation.x:annotation',
      '=:operator',
      'foo:string',
      'OR:logical',
      '!:logical',
      'responsetime:keyword',
      '>=:operator',
      '5:number',
    ]);
  });

  it('marks string operators, booleans, JSON, bracket keys and rootcause keywords', () => {
    expect(kinds('http.url contains "x" && ok = TRUE')).toEqual([
      'http.url:keyword',
      'contains:operator',
      '"x":string',
      '&&:logical',
      'ok:keyword',
      '=:operator',
      'TRUE:boolean',
    ]);
    expect(kinds('rootcause.json = #[{"a": [1]}]')).toEqual([
      'rootcause.json:keyword',
      '=:operator',
      '#[{"a": [1]}]:json',
    ]);
    expect(kinds('annotation[k.x]')).toEqual([
      'annotation:annotation',
      '[:punctuation',
      'k.x:annotation',
      ']:punctuation',
    ]);
    expect(kinds('rootcause.fault.entity {')).toEqual([
      'rootcause.fault.entity:keyword',
      '{:punctuation',
    ]);
  });

  it('marks unknown words, stray characters and unterminated JSON as errors', () => {
    expect(kinds('respnsetime @ & #[')).toEqual([
      'respnsetime:error',
      '@:error',
      '&:error',
      '#[:error',
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(highlight('')).toEqual([]);
    expect(highlight('   ')).toEqual([]);
  });
});

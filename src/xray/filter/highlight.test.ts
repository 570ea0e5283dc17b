import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

function kinds(text: string): string[] {
  return highlight(text).map((s) => `${text.slice(s.from, s.to)}:${s.kind}`);
}

describe('highlight', () => {
  it('classifies every part of a complex expression', () => {
    expect(kinds('service(id(name: "a")) { fault } AND !annotation.x = traces')).toEqual([
      'service:function',
      '(:punctuation',
      'id:function',
      '(:punctuation',
      'name:field',
      '::punctuation',
      '"a":string',
      '):punctuation',
      '):punctuation',
      '{:punctuation',
      'fault:keyword',
      '}:punctuation',
      'AND:logical',
      '!:logical',
      'annotation.x:annotation',
      '=:operator',
      'traces:string',
    ]);
  });

  it('tells values, operators and complex keywords apart', () => {
    expect(
      kinds('ok = true OR user contains "a" rootcause.json = #[{}] group.name = "g" 3'),
    ).toEqual([
      'ok:keyword',
      '=:operator',
      'true:boolean',
      'OR:logical',
      'user:keyword',
      'contains:operator',
      '"a":string',
      'rootcause.json:complex',
      '=:operator',
      '#[{}]:json',
      'group.name:complex',
      '=:operator',
      '"g":string',
      '3:number',
    ]);
  });

  it('leaves unknown words and stray characters unclassified', () => {
    expect(kinds('foo ~ ok')).toEqual(['ok:keyword']);
  });
});

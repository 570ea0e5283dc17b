import { describe, expect, it } from 'vitest';
import { type CompletionContext, complete } from './complete.ts';

const ctx: CompletionContext = {
  services: ['api', 'payments', 'my service'],
  annotationKeys: ['tenant', 'otel.key'],
  annotationValues: { tenant: ['acme', 42, '7'] },
  recent: ['fault AND responsetime > 2'],
  groups: ['slow'],
};

/** Completes at the `|` in `text` (or at the end); returns the inserts. */
function inserts(text: string): string[] {
  const cursor = text.includes('|') ? text.indexOf('|') : text.length;
  return complete(text.replace('|', ''), cursor, ctx).items.map((i) => i.insert);
}
function range(text: string): [number, number] {
  const cursor = text.includes('|') ? text.indexOf('|') : text.length;
  const r = complete(text.replace('|', ''), cursor, ctx);
  return [r.from, r.to];
}

describe('complete', () => {
  it('offers recent expressions and every top-level keyword in an empty box', () => {
    const items = inserts('');
    expect(items[0]).toBe('fault AND responsetime > 2');
    expect(items).toEqual(
      expect.arrayContaining([
        'ok',
        'responsetime',
        'http.url',
        'service(',
        'edge(',
        'annotation.tenant',
        'annotation["otel.key"]',
        'group.name = ',
        'rootcause.fault.service { ',
        'NOT ',
        '(',
      ]),
    );
    expect(items).not.toContain('root'); // only inside service() { … }
  });

  it('completes a keyword prefix, replacing the whole word', () => {
    expect(inserts('resp')).toEqual(['responsetime']);
    expect(range('resp')).toEqual([0, 4]);
    expect(inserts('respo|nsetime > 5')).toEqual(['responsetime']);
    expect(range('respo|nsetime > 5')).toEqual([0, 12]);
    expect(inserts('RESP')).toEqual(['responsetime']);
  });

  it('offers the operators of the keyword type, then connectives', () => {
    expect(inserts('responsetime ').slice(0, 8)).toEqual([
      '= ',
      '!= ',
      '< ',
      '<= ',
      '> ',
      '>= ',
      'AND ',
      'OR ',
    ]);
    expect(inserts('http.url ').slice(0, 5)).toEqual([
      '= ',
      '!= ',
      'CONTAINS ',
      'BEGINSWITH ',
      'ENDSWITH ',
    ]);
    expect(inserts('http.url c')).toEqual(['CONTAINS ']);
    expect(inserts('responsetime >')).toEqual(['> ', '>= ']);
    // A boolean keyword is complete alone: connectives first.
    expect(inserts('ok ').slice(0, 4)).toEqual(['AND ', 'OR ', '= ', '!= ']);
  });

  it('offers values: booleans, services, types, annotation values, groups', () => {
    expect(inserts('ok = ')).toEqual(['true', 'false']);
    expect(inserts('service("api") { name = ')).toEqual(['"api"', '"payments"', '"my service"']);
    expect(inserts('service("api") { type = "AWS::L')).toEqual([
      '"AWS::Lambda"',
      '"AWS::Lambda::Function"',
    ]);
    expect(inserts('annotation.tenant = ')).toEqual(['"acme"', '42', '"7"']);
    expect(inserts('group.name = ')).toEqual(['"slow"']);
    expect(inserts('http.method = "P')).toEqual(['"POST"', '"PUT"', '"PATCH"']);
  });

  it('offers service names and id( inside service( and edge(', () => {
    expect(inserts('service(')).toEqual(['"api"', '"payments"', '"my service"', 'id(', ')']);
    expect(inserts('service("pa')).toEqual(['"payments"']);
    expect(range('service("pa')).toEqual([8, 11]);
    expect(inserts('edge("api", ')).toEqual(['"api"', '"payments"', '"my service"', 'id(']);
    expect(inserts('service(id(')).toEqual(['name: ', 'type: ', 'account.id: ']);
    expect(inserts('service(id(name: "x", ')).toEqual(['type: ', 'account.id: ']);
    expect(inserts('service(id(name: ')).toEqual(['"api"', '"payments"', '"my service"']);
  });

  it('offers only the operators a complex keyword takes', () => {
    expect(inserts('group.name ').slice(0, 2)).toEqual(['= ', '!= ']);
    expect(inserts('group.name ')).not.toContain('CONTAINS ');
    expect(inserts('rootcause.json ')).toEqual(['= ']);
    expect(inserts('rootcause.json = ')).toEqual(['#[{ "Services": [] }]']);
  });

  it('offers annotation keys', () => {
    expect(inserts('annotation.ten')).toEqual(['annotation.tenant']);
    expect(inserts('annotation[')).toEqual(['"tenant"', '"otel.key"']);
  });

  it('offers connectives and the right closing bracket after a complete term', () => {
    const inParens = inserts('(ok AND responsetime > 2 ');
    expect(inParens.slice(0, 3)).toEqual(['AND ', 'OR ', ')']);
    const inBraces = inserts('service("api") { fault ');
    expect(inBraces.slice(0, 3)).toEqual(['AND ', 'OR ', '}']);
    expect(inserts('service("api") ').slice(0, 3)).toEqual(['{ ', 'AND ', 'OR ']);
  });

  it('offers only the keywords of the scope inside braces', () => {
    const rc = inserts('rootcause.fault.entity { ');
    expect(rc).toEqual(['first', 'last', 'remote', 'index', 'name', 'NOT ', '!', '(']);
    expect(inserts('rootcause.responsetime.entity { c')).toEqual(['coverage']);
    expect(inserts('service("a") { ro')).toEqual(['root']);
    expect(inserts('service("a") { annot')).toEqual([]);
  });

  it('offers nothing after a syntax error or inside JSON', () => {
    expect(inserts('ok ) ')).toEqual([]);
    expect(inserts('rootcause.json = #[{"a|": 1}]')).toEqual([]);
  });

  it('clamps odd cursors', () => {
    expect(() => complete('ok', 99)).not.toThrow();
    expect(() => complete('ok', -5)).not.toThrow();
    expect(() => complete('ok', Number.NaN)).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { type CompletionSources, complete } from './complete.ts';

const sources: CompletionSources = {
  services: ['api.example.com', 'payments'],
  annotationKeys: ['gameid', 'http.route'],
  annotationValues: { gameid: ['817DL6VO', 3] },
  recent: ['fault AND user = "alice"'],
};

/** Completes with the caret at `|`; returns the range and the inserts. */
function at(marked: string) {
  const cursor = marked.indexOf('|');
  const r = complete(marked.replace('|', ''), cursor, sources);
  return { from: r.from, to: r.to, inserts: r.items.map((i) => i.insert) };
}

describe('complete', () => {
  it('offers recent expressions and every top-level term in a blank box', () => {
    const r = at('|');
    expect(r.inserts[0]).toBe('fault AND user = "alice"');
    expect(r.inserts).toEqual(
      expect.arrayContaining([
        'ok',
        'http.url',
        'service(',
        'edge(',
        'annotation.gameid',
        'annotation["http.route"]',
        'rootcause.fault.entity { ',
        'rootcause.json = #[',
        'group.name = ',
      ]),
    );
    expect(r.inserts).not.toContain('root');
    expect(r.inserts).not.toContain('coverage');
  });

  it('continues the word being typed and replaces all of it', () => {
    expect(at('res|')).toEqual({ from: 0, to: 3, inserts: ['responsetime', 'resource.arn'] });
    expect(at('ok AND res|ponse')).toMatchObject({ from: 7, to: 15 });
    expect(at('rootcause.resp|').inserts).toEqual([
      'rootcause.responsetime.service { ',
      'rootcause.responsetime.entity { ',
    ]);
  });

  it('offers only the keywords of the braces the caret is in', () => {
    const inService = at('service("a") { |').inserts;
    expect(inService).toContain('root');
    expect(inService).not.toContain('user');
    expect(inService).not.toContain('service(');
    expect(at('rootcause.responsetime.entity { |').inserts).toContain('coverage');
    expect(at('rootcause.fault.entity { |').inserts).not.toContain('coverage');
    expect(at('rootcause.fault.exception { first } AND |').inserts).toContain('user');
  });

  it('offers service names and id() inside service( and edge(', () => {
    expect(at('service(|').inserts).toEqual(['"api.example.com"', '"payments"', 'id(']);
    expect(at('edge("a", |').inserts).toEqual(['"api.example.com"', '"payments"', 'id(']);
    expect(at('service("pa|')).toEqual({ from: 8, to: 11, inserts: ['"payments"'] });
    expect(at('service("pa|")')).toEqual({ from: 8, to: 12, inserts: ['"payments"'] });
    expect(at('service(id(|').inserts).toEqual(['name: ', 'type: ', 'account.id: ']);
    expect(at('service(id(type: "T", name: |').inserts).toEqual([
      '"api.example.com"',
      '"payments"',
    ]);
  });

  it('offers operators by keyword type, then values', () => {
    expect(at('http.url |').inserts).toEqual([
      '=',
      '!=',
      'CONTAINS',
      'BEGINSWITH',
      'ENDSWITH',
      'AND',
      'OR',
    ]);
    expect(at('duration |').inserts.slice(0, 6)).toEqual(['=', '!=', '<', '<=', '>', '>=']);
    expect(at('http.url con|').inserts).toEqual(['CONTAINS']);
    expect(at('ok = |').inserts).toEqual(['true', 'false']);
    expect(at('annotation.gameid = |').inserts).toEqual(['"817DL6VO"', '3']);
    expect(at('http.method = P|').inserts).toEqual(['"POST"', '"PUT"', '"PATCH"']);
  });

  it('offers AND/OR (and braces after a call) once a term is complete', () => {
    expect(at('user = "x" |').inserts).toEqual(['AND', 'OR']);
    expect(at('service("a") |').inserts).toEqual(['{ ', 'AND', 'OR']);
    expect(at('ok par|').inserts).toEqual(['partial']);
  });

  it('clamps the caret and never throws on broken input', () => {
    expect(() => complete('((("\\', 99)).not.toThrow();
    expect(complete('ok', -5).from).toBe(0);
  });
});

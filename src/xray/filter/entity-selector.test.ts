import { describe, expect, it } from 'vitest';
import { parseEntitySelector } from './entity-selector.ts';
import { matchesServiceSelector } from './selector.ts';

describe('parseEntitySelector (GetTimeSeriesServiceStatistics)', () => {
  it('accepts service(), edge() and a bare id()', () => {
    expect(parseEntitySelector('service("api")')).toEqual({
      ok: true,
      selector: { kind: 'service', service: { kind: 'name', name: 'api', from: 8, to: 13 } },
    });
    expect(parseEntitySelector('service()')).toEqual({
      ok: true,
      selector: { kind: 'service', service: null },
    });
    const edge = parseEntitySelector('edge("a", id(name: "b", type: "AWS::Lambda"))');
    expect(edge).toMatchObject({
      ok: true,
      selector: {
        kind: 'edge',
        source: { kind: 'name', name: 'a' },
        destination: { kind: 'id', name: 'b', type: 'AWS::Lambda' },
      },
    });
    expect(parseEntitySelector('id(name: "api", type: "AWS::EC2::Instance")')).toMatchObject({
      ok: true,
      selector: {
        kind: 'service',
        service: { kind: 'id', name: 'api', type: 'AWS::EC2::Instance' },
      },
    });
    expect(parseEntitySelector('SERVICE(id(account.id: "1"))')).toMatchObject({ ok: true });
  });

  it('rejects filters, other keywords and trailing text with positions', () => {
    expect(parseEntitySelector('service("a") { fault }')).toEqual({
      ok: false,
      errors: [{ from: 13, to: 14, message: 'an entity selector takes no `{ … }` filter' }],
    });
    expect(parseEntitySelector('fault')).toEqual({
      ok: false,
      errors: [{ from: 0, to: 5, message: 'expected service(…), edge(…) or id(…), found `fault`' }],
    });
    expect(parseEntitySelector('service("a") ok')).toMatchObject({
      ok: false,
      errors: [{ from: 13, to: 15 }],
    });
    expect(parseEntitySelector('')).toMatchObject({ ok: false, errors: [{ from: 0, to: 0 }] });
    expect(parseEntitySelector('edge("a")')).toMatchObject({ ok: false });
  });
});

describe('matchesServiceSelector', () => {
  const lambdaFn = {
    Name: 'f',
    Names: ['f', 'f-alias'],
    Type: 'AWS::Lambda::Function',
    AccountId: '1',
  };
  it('matches by any name, and by every given id() field', () => {
    expect(matchesServiceSelector(null, lambdaFn)).toBe(true);
    expect(
      matchesServiceSelector({ kind: 'name', name: 'f-alias', from: 0, to: 0 }, lambdaFn),
    ).toBe(true);
    expect(matchesServiceSelector({ kind: 'name', name: 'F', from: 0, to: 0 }, lambdaFn)).toBe(
      false,
    );
    expect(
      matchesServiceSelector(
        { kind: 'id', name: 'f', type: 'AWS::Lambda::Function', from: 0, to: 0 },
        lambdaFn,
      ),
    ).toBe(true);
    expect(
      matchesServiceSelector(
        { kind: 'id', name: 'f', type: 'AWS::Lambda', from: 0, to: 0 },
        lambdaFn,
      ),
    ).toBe(false);
    expect(matchesServiceSelector({ kind: 'id', accountId: '2', from: 0, to: 0 }, lambdaFn)).toBe(
      false,
    );
  });
});

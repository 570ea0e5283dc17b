import { describe, expect, it } from 'vitest';
import { describeFilterError } from './describe-error.ts';
import { parseEntitySelector } from './selector.ts';

const fn = { Name: 'orders', Names: ['orders'], Type: 'AWS::Lambda::Function', AccountId: '1' };
const svc = { Name: 'orders', Names: ['orders'], Type: 'AWS::Lambda' };
const api = { Name: 'api', Names: ['api', 'api.example.com'], Type: 'AWS::EC2::Instance' };

describe('parseEntitySelector', () => {
  it('turns service(…) into a node predicate', () => {
    const r = parseEntitySelector('service(id(name: "orders", type: "AWS::Lambda::Function"))');
    expect(r.ok && r.selector.kind === 'service' && [fn, svc, api].map(r.selector.match)).toEqual([
      true,
      false,
      false,
    ]);
    const byName = parseEntitySelector('service("api.example.com")');
    expect(byName.ok && byName.selector.kind === 'service' && byName.selector.match(api)).toBe(
      true,
    );
  });

  it('turns edge(…, …) into two node predicates', () => {
    const r = parseEntitySelector('edge("api", id(account.id: "1"))');
    if (!r.ok || r.selector.kind !== 'edge') throw new Error('expected an edge');
    expect([
      r.selector.from(api),
      r.selector.from(fn),
      r.selector.to(fn),
      r.selector.to(svc),
    ]).toEqual([true, false, true, false]);
  });

  it('rejects anything but a single service/edge without braces', () => {
    for (const text of ['ok', 'service("a") { fault }', 'service("a") AND service("b")', '']) {
      const r = parseEntitySelector(text);
      expect(r.ok ? 'ok' : r.errors[0]?.message).toBe(
        'An entity selector is a single service(…) or edge(…, …) without { }',
      );
    }
    const bad = parseEntitySelector('service(');
    expect(bad.ok ? '' : bad.errors[0]?.message).toBe('Expected a quoted service name or id(…)');
  });
});

describe('describeFilterError', () => {
  it('names the 1-based position, the text at fault and the problem', () => {
    const text = 'ok AND foo = 1';
    expect(describeFilterError({ message: "Unknown keyword 'foo'", from: 7, to: 10 }, text)).toBe(
      `Invalid filter expression at position 8 near "foo": Unknown keyword 'foo'`,
    );
    expect(describeFilterError({ message: 'Expected a term after AND', from: 6, to: 6 })).toBe(
      'Invalid filter expression at position 7: Expected a term after AND',
    );
  });
});

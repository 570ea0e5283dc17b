import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../xray/filter/parser.ts';
import {
  edgeFilter,
  edgeSelector,
  quote,
  seconds,
  serviceFilter,
  serviceSelector,
} from './trace-filters.ts';

describe('trace filters', () => {
  it('service and edge filters as the Traces view takes them', () => {
    expect(serviceFilter('orders-api')).toBe('service("orders-api")');
    expect(serviceFilter('orders-api', { status: 'fault' })).toBe(
      'service("orders-api") { fault }',
    );
    expect(edgeFilter('web', 'orders-api', { status: 'throttle' })).toBe(
      'edge("web", "orders-api") { throttle }',
    );
    expect(serviceFilter('api', { responseTime: [0.5, 1.25] })).toBe(
      'service("api") { responsetime >= 0.5 AND responsetime <= 1.25 }',
    );
    expect(edgeFilter('a', 'b', { status: 'error', responseTime: [0, 0.1] })).toBe(
      'edge("a", "b") { error AND responsetime >= 0 AND responsetime <= 0.1 }',
    );
  });

  it('quotes hostile names so they stay one string', () => {
    expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
    const f = serviceFilter('evil") OR service("x', { status: 'fault' });
    const parsed = parseFilter(f);
    expect(parsed.ok).toBe(true);
  });

  it('every filter it builds parses', () => {
    for (const f of [
      serviceFilter('orders-api'),
      serviceFilter('x', { status: 'ok', responseTime: [0.0001, 12.5] }),
      edgeFilter('a', 'b', { status: 'fault' }),
      serviceSelector('orders', 'AWS::DynamoDB::Table'),
      edgeSelector({ name: 'a', type: '' }, { name: 'b', type: 'remote' }),
    ])
      expect(parseFilter(f), f).toMatchObject({ ok: true });
  });

  it('seconds are short decimals without exponents', () => {
    expect([0.25, 1.5, 0.000012, 3.0000000000000004, 0, -1, 5e-8].map(seconds)).toEqual([
      '0.25',
      '1.5',
      '0.000012',
      '3',
      '0',
      '0',
      '0.00000005',
    ]);
  });

  it('selectors name the node by id(name, type)', () => {
    expect(serviceSelector('orders', 'AWS::DynamoDB::Table')).toBe(
      'service(id(name: "orders", type: "AWS::DynamoDB::Table"))',
    );
    expect(edgeSelector({ name: 'a', type: '' }, { name: 'b', type: 'remote' })).toBe(
      'edge(id(name: "a"), id(name: "b", type: "remote"))',
    );
  });
});

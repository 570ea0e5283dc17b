import { describe, expect, it } from 'vitest';
import type { SegmentDoc, SubsegmentDoc } from '../../../xray/types.ts';
import { createSearchIndex, findMatches, rowHaystack, stepMatch } from './search-rows.ts';

const base = { start_time: 1, end_time: 2 };
const docs: (SegmentDoc | SubsegmentDoc)[] = [
  {
    ...base,
    id: 'a000000000000001',
    name: 'checkout-api',
    trace_id: '1-00000001-000000000000000000000001',
    http: {
      request: { method: 'POST', url: 'https://shop.example.com/Checkout' },
      response: { status: 502 },
    },
    annotations: { customer_tier: 'Gold', items: 3 },
  },
  {
    ...base,
    id: 'a000000000000002',
    name: 'postgres@db',
    namespace: 'remote',
    sql: { sanitized_query: 'SELECT * FROM orders WHERE id = $1', url: 'postgres://db:5432/shop' },
  },
  {
    ...base,
    id: 'a000000000000003',
    name: 'DynamoDB',
    namespace: 'aws',
    aws: { operation: 'GetItem', table_name: 'carts' },
  },
  {
    ...base,
    id: 'a000000000000004',
    name: 'charge',
    cause: {
      exceptions: [{ id: 'e000000000000001', type: 'PaymentDeclined', message: 'card expired' }],
    },
    metadata: { debug: { secret: 'needle-in-metadata' } },
  },
];
const rows = docs.map((doc, i) => ({ doc, service: i === 0 ? 'checkout-api' : 'payments' }));

describe('search inside a trace', () => {
  const hay = createSearchIndex(rows);
  const find = (q: string) => Array.from(findMatches(hay(), q));

  it('matches names, service, URL, method, status, annotations, SQL, AWS and exceptions, case-insensitively', () => {
    expect(find('CHECKOUT')).toEqual([0]);
    expect(find('shop.example.com/checkout')).toEqual([0]);
    expect(find('gold')).toEqual([0]);
    expect(find('customer_tier')).toEqual([0]);
    expect(find('502')).toEqual([0]);
    expect(find('from orders')).toEqual([1]);
    expect(find('postgres://')).toEqual([1]);
    expect(find('getitem')).toEqual([2]);
    expect(find('carts')).toEqual([2]);
    expect(find('card expired')).toEqual([3]);
    expect(find('paymentdeclined')).toEqual([3]);
    expect(find('payments')).toEqual([1, 2, 3]);
  });

  it('does not search metadata and ignores blank queries', () => {
    expect(find('needle-in-metadata')).toEqual([]);
    expect(find('   ')).toEqual([]);
  });

  it('does not match across field boundaries', () => {
    expect(rowHaystack(rows[0]!)).toContain('checkout-api');
    expect(find('checkout-apicheckout')).toEqual([]);
  });

  it('builds haystacks once', () => {
    expect(hay()).toBe(hay());
  });
});

describe('stepMatch', () => {
  const m = Int32Array.from([2, 5, 9]);
  it('moves to the next or previous match, wrapping around', () => {
    expect(stepMatch(m, -1, 1)).toBe(2);
    expect(stepMatch(m, -1, -1)).toBe(9);
    expect(stepMatch(m, 2, 1)).toBe(5);
    expect(stepMatch(m, 3, 1)).toBe(5);
    expect(stepMatch(m, 9, 1)).toBe(2);
    expect(stepMatch(m, 5, -1)).toBe(2);
    expect(stepMatch(m, 6, -1)).toBe(5);
    expect(stepMatch(m, 2, -1)).toBe(9);
    expect(stepMatch(m, 0, -1)).toBe(9);
    expect(stepMatch(new Int32Array(0), 0, 1)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { TraceSummary } from '../../xray/types.ts';
import { deriveBreakdowns, urlLabel } from './breakdowns.ts';
import { toRow } from './trace-rows.ts';

const summaries: TraceSummary[] = [
  {
    Id: 'a',
    Http: { HttpURL: 'https://shop/cart', HttpStatus: 500 },
    Users: [{ UserName: 'al"ice' }],
    ServiceIds: [{ Name: 'shop-api' }, { Name: 'payments' }],
    FaultRootCauses: [{ Services: [{ Name: 'payments' }] }],
    Annotations: {
      tier: [{ AnnotationValue: { StringValue: 'gold' } }],
      items: [{ AnnotationValue: { NumberValue: 3 } }],
      'bad key': [{ AnnotationValue: { StringValue: 'x' } }],
    },
  },
  {
    Id: 'b',
    Http: { HttpURL: 'https://shop/cart', HttpStatus: 200 },
    ServiceIds: [{ Name: 'shop-api' }, { Name: 'shop-api' }],
    Annotations: { tier: [{ AnnotationValue: { StringValue: 'silver' } }] },
  },
];
const rows = summaries.map(toRow);

describe('deriveBreakdowns', () => {
  const byId = new Map(deriveBreakdowns(rows).map((b) => [b.id, b]));

  it('counts each trace once per value, most frequent first', () => {
    expect(byId.get('url')!.values).toEqual([
      { label: '/cart', count: 2, clause: 'http.url = "https://shop/cart"' },
    ]);
    expect(byId.get('service')!.values.map((v) => [v.label, v.count])).toEqual([
      ['shop-api', 2],
      ['payments', 1],
    ]);
  });

  it('builds a valid clause per facet, escaping strings', () => {
    expect(
      byId
        .get('status')!
        .values.map((v) => v.clause)
        .sort(),
    ).toEqual(['http.status = 200', 'http.status = 500']);
    expect(byId.get('user')!.values[0]!.clause).toBe('user = "al\\"ice"');
    expect(byId.get('service')!.values[1]!.clause).toBe('service("payments")');
    expect(byId.get('rootcause')!.values[0]!.clause).toBe(
      'rootcause.fault.service { name = "payments" }',
    );
    expect(byId.get('annotation.items')!.values[0]!.clause).toBe('annotation.items = 3');
    expect(byId.get('annotation.tier')!.distinct).toBe(2);
  });

  it('skips annotation keys the language cannot name', () => {
    expect(byId.has('annotation.bad key')).toBe(false);
  });

  it('orders fixed facets before annotations', () => {
    expect([...byId.keys()].slice(0, 5)).toEqual(['url', 'status', 'user', 'service', 'rootcause']);
  });
});

describe('urlLabel', () => {
  it('drops scheme and host, keeps anything that is not a URL', () => {
    expect(urlLabel('https://shop.example.com/api/cart?x=1')).toBe('/api/cart?x=1');
    expect(urlLabel('https://shop.example.com')).toBe('https://shop.example.com');
    expect(urlLabel('/relative')).toBe('/relative');
  });
});

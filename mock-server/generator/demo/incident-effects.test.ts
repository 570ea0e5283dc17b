import { describe, expect, it } from 'vitest';
import { compileFilterText } from '../../../src/xray/filter/index.ts';
import { analyzeTrace } from '../../../src/xray/trace/analyze.ts';
import { assembleTrace } from '../../../src/xray/trace/assemble.ts';
import type { IngestDoc, SubsegmentDoc } from '../../../src/xray/types.ts';
import { createDemoSystem } from '../demo.ts';
import { byTrace, completeSegments, duration, entities } from '../test-support.ts';
import { incidentWindows } from './incidents.ts';

const DAY0 = 1_717_200_000;
const demo = createDemoSystem({ seed: 7, includeHostile: false });

/** Documents of traces starting in the first/last minutes of a window (clear of its edges). */
function during(name: Parameters<typeof incidentWindows>[0], minutes = 3): IngestDoc[] {
  const [start] = incidentWindows(name, DAY0 + 3600, DAY0 + 7200)[0]!;
  return demo.generate(start + 10, start + 10 + minutes * 60);
}
/** Documents of the first stretch after 01:00 during which no incident is active. */
function clearOf(minutes = 3): IngestDoc[] {
  const quiet = (t: number) => demo.incidents.every((i) => !demo.isIncidentActive(i.name, t));
  let from = DAY0 + 3600;
  for (let t = from; t < from + minutes * 60; t++) if (!quiet(t)) from = t + 1;
  expect(from).toBeLessThan(DAY0 + 7200);
  return demo.generate(from, from + minutes * 60);
}
function fraction<T>(items: readonly T[], test: (x: T) => boolean): number {
  return items.filter(test).length / Math.max(1, items.length);
}
function subs(docs: readonly IngestDoc[]): SubsegmentDoc[] {
  return docs.flatMap((d) => entities(d)) as SubsegmentDoc[];
}

describe('payment-provider-latency', () => {
  it('makes payments slow (and some time out) only while active', () => {
    const payments = completeSegments(during('payment-provider-latency'), 'payments');
    expect(payments.length).toBeGreaterThan(20);
    expect(fraction(payments, (p) => duration(p) > 2)).toBeGreaterThan(0.6);
    expect(payments.some((p) => p.http?.response?.status === 504 && p.fault)).toBe(true);
    const stripe = subs(payments).filter((s) => s.name === 'api.stripe-payments.example.com');
    expect(Math.max(...stripe.map(duration))).toBeLessThanOrEqual(6);
    expect(
      stripe.some(
        (s) =>
          s.fault &&
          typeof s.cause === 'object' &&
          s.cause.exceptions?.[0]?.type === 'TimeoutError',
      ),
    ).toBe(true);

    const calm = completeSegments(clearOf(), 'payments');
    expect(calm.length).toBeGreaterThan(20);
    expect(calm.filter((p) => duration(p) > 2)).toEqual([]);
  });
});

describe('inventory-bad-deploy', () => {
  it('rolls out 2024.11.4 with a burst of 500s, then rolls back', () => {
    const inventory = completeSegments(during('inventory-bad-deploy'), 'inventory');
    expect(inventory.length).toBeGreaterThan(50);
    expect(inventory.every((s) => s.annotations?.version === '2024.11.4')).toBe(true);
    const faultShare = fraction(inventory, (s) => s.fault === true);
    expect(faultShare).toBeGreaterThan(0.3);
    expect(faultShare).toBeLessThan(0.6);

    const calm = completeSegments(clearOf(), 'inventory');
    expect(calm.every((s) => s.annotations?.version === '2024.11.3' && !s.fault)).toBe(true);
  });
});

describe('carts-throttling', () => {
  it('throttles the carts table: 429, error + throttle, ProvisionedThroughputExceededException', () => {
    const docs = during('carts-throttling');
    const carts = subs(docs).filter((s) => s.name === 'DynamoDB' && s.aws?.table_name === 'carts');
    const throttled = carts.filter((s) => s.throttle);
    expect(throttled.length / carts.length).toBeGreaterThan(0.5);
    for (const s of throttled) {
      expect(s.error).toBe(true);
      expect(s.http?.response?.status).toBe(429);
      expect(typeof s.cause === 'object' && s.cause.exceptions?.[0]?.type).toBe(
        'ProvisionedThroughputExceededException',
      );
    }
    expect(
      completeSegments(docs, 'cart').some((s) => s.throttle && s.http?.response?.status === 429),
    ).toBe(true);

    const [, end] = incidentWindows('carts-throttling', DAY0 + 3600, DAY0 + 7200)[0]!;
    const after = subs(demo.generate(end + 60, end + 240)).filter(
      (s) => s.aws?.table_name === 'carts',
    );
    expect(fraction(after, (s) => s.throttle === true)).toBeLessThan(0.02);
  });
});

describe('demo groups against the project filter evaluator', () => {
  function matching(group: string, docs: readonly IngestDoc[]): number {
    const expression = demo.groups.find((g) => g.GroupName === group)!.FilterExpression;
    const compiled = compileFilterText(expression);
    if (!compiled.ok) throw new Error(`${group}: ${JSON.stringify(compiled.errors)}`);
    let n = 0;
    for (const [id, list] of byTrace(docs))
      if (compiled.test(analyzeTrace(assembleTrace(id, list)))) n++;
    return n;
  }

  it('uses valid group names and expressions that compile', () => {
    for (const g of demo.groups) {
      expect(g.GroupName).toMatch(/^[A-Za-z0-9-]{1,32}$/);
      expect(compileFilterText(g.FilterExpression).ok, g.FilterExpression).toBe(true);
    }
  });

  it('lights the incident groups up during their incidents only', () => {
    const calm = clearOf(2);
    expect(matching('slow-payments', during('payment-provider-latency', 2))).toBeGreaterThan(10);
    expect(matching('slow-payments', calm)).toBe(0);
    expect(matching('inventory-faults', during('inventory-bad-deploy', 2))).toBeGreaterThan(10);
    expect(matching('inventory-faults', calm)).toBe(0);
    expect(matching('cart-throttles', during('carts-throttling', 2))).toBeGreaterThan(10);
    expect(matching('checkout-errors', during('payment-provider-latency', 2))).toBeGreaterThan(5);
    expect(matching('tenant-acme', calm)).toBeGreaterThan(100);
  });
});

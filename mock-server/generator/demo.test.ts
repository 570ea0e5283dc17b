import { describe, expect, it } from 'vitest';
import { validateSegmentDocument } from '../../src/xray/segment-validate.ts';
import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../../src/xray/types.ts';
import { checkDoc, checkTrace } from './check-docs.ts';
import { createDemoSystem, docSendTime, HOSTILE_SECOND_OF_HOUR } from './demo.ts';
import { byTrace, completeSegments, entities, segments } from './test-support.ts';

// 2024-06-01T10:00:00Z: inside no incident window at :00, busy daytime traffic.
const T0 = 1_717_236_000;
const demo = createDemoSystem({ seed: 42 });

describe('createDemoSystem: determinism', () => {
  it('gives the same documents for the same seed and window', () => {
    const again = createDemoSystem({ seed: 42 });
    expect(JSON.stringify(again.generate(T0, T0 + 20))).toBe(
      JSON.stringify(demo.generate(T0, T0 + 20)),
    );
  });

  it('gives different documents for another seed', () => {
    const other = createDemoSystem({ seed: 43 }).generate(T0, T0 + 20);
    expect(other.map((d) => d.trace_id)).not.toEqual(
      demo.generate(T0, T0 + 20).map((d) => d.trace_id),
    );
  });

  it('split windows concatenate to the whole window (whole and fractional split points)', () => {
    const whole = JSON.stringify(demo.generate(T0, T0 + 30));
    expect(
      JSON.stringify([...demo.generate(T0, T0 + 12), ...demo.generate(T0 + 12, T0 + 30)]),
    ).toBe(whole);
    expect(
      JSON.stringify([...demo.generate(T0, T0 + 12.345), ...demo.generate(T0 + 12.345, T0 + 30)]),
    ).toBe(whole);
    const perSecond: IngestDoc[] = [];
    for (let s = T0; s < T0 + 30; s++) perSecond.push(...demo.generate(s, s + 1));
    expect(JSON.stringify(perSecond)).toBe(whole);
  });

  it('only returns traces whose root starts inside the window, and countTraces agrees', () => {
    const from = T0 + 0.25;
    const to = T0 + 40.5;
    const traces = byTrace(demo.generate(from, to));
    expect(traces.size).toBe(demo.countTraces(from, to));
    for (const docs of traces.values()) {
      const root = docs.find((d) => d.parent_id === undefined);
      expect(root).toBeDefined();
      expect(root!.start_time).toBeGreaterThanOrEqual(from);
      expect(root!.start_time).toBeLessThan(to);
    }
  });
});

describe('createDemoSystem: document shape', () => {
  // Ten minutes that include the bad-deploy incident (:17–:21) and the hostile trace (:28:37).
  const from = T0 + 16 * 60;
  const docs = demo.generate(from, from + 13 * 60);
  const traces = byTrace(docs);

  it('passes the per-document checks and the domain validator', () => {
    const problems = docs.flatMap(checkDoc);
    expect(problems.slice(0, 5)).toEqual([]);
    for (const doc of docs) {
      const verdict = validateSegmentDocument(JSON.stringify(doc));
      if (!verdict.ok) expect.fail(`${doc.id}: ${verdict.message}`);
    }
  });

  it('passes the per-trace checks: one root, parents resolve, children inside parents ±10 ms', () => {
    const problems = [...traces.values()].flatMap((list) => checkTrace(list, 10));
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('puts the trace start second into the trace id', () => {
    for (const [id, list] of traces) {
      const root = list.find((d) => d.parent_id === undefined)!;
      expect(Number.parseInt(id.slice(2, 10), 16)).toBe(Math.floor(root.start_time));
    }
  });

  it('has a realistic mix of services, origins and downstream calls', () => {
    const origins = new Map(segments(docs).map((s) => [s.name, s.origin]));
    expect(origins.get('shop-api')).toBe('AWS::ApiGateway::Stage');
    for (const name of [
      'checkout',
      'cart',
      'catalog',
      'payments',
      'inventory',
      'shipping',
      'recommendations',
    ]) {
      expect(origins.get(name), name).toBe('AWS::ECS::Container');
    }
    expect(origins.get('legacy-orders')).toBe('AWS::EC2::Instance');
    const lambdaOrigins = segments(docs, 'fraud-check').map((s) => s.origin);
    expect(new Set(lambdaOrigins)).toEqual(new Set(['AWS::Lambda', 'AWS::Lambda::Function']));
    expect(
      segments(docs, 'image-resizer').every((s) => s.resource_arn?.startsWith('arn:aws:lambda:')),
    ).toBe(true);
    const ec2 = completeSegments(docs, 'legacy-orders')[0]!.aws as {
      ec2: { instance_id: string; availability_zone: string };
    };
    expect(ec2.ec2.instance_id).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(ec2.ec2.availability_zone).toMatch(/^us-east-1[abc]$/);

    const subs = docs.flatMap((d) => entities(d)) as SubsegmentDoc[];
    const ops = new Set(
      subs
        .filter((s) => s.namespace === 'aws')
        .map((s) => `${s.name}:${(s.aws as { operation: string }).operation}`),
    );
    for (const op of [
      'DynamoDB:GetItem',
      'DynamoDB:PutItem',
      'DynamoDB:Query',
      'SQS:SendMessage',
      'SNS:Publish',
      'S3:GetObject',
      'S3:PutObject',
      'Lambda:Invoke',
    ]) {
      expect(ops, op).toContain(op);
    }
    const sql = subs.find((s) => s.sql);
    expect(sql?.namespace).toBe('remote');
    expect(sql?.sql?.database_type).toBe('PostgreSQL');
    expect(sql?.sql?.url).toMatch(/^postgres:\/\//);
    const stripe = subs.find((s) => s.name === 'api.stripe-payments.example.com');
    expect(stripe?.http?.request?.traced).toBe(false);
    const dynamo = subs.find((s) => s.name === 'DynamoDB')!.aws as Record<string, unknown>;
    expect(dynamo).toMatchObject({
      region: 'us-east-1',
      table_name: expect.any(String),
      request_id: expect.any(String),
    });
  });

  it('links every callee segment to a traced remote (or Lambda Invoke) subsegment of its caller', () => {
    for (const list of traces.values()) {
      if (list.some((d) => d.name.includes('pwned'))) continue; // the hostile trace has its own rules
      const subsById = new Map<string, SubsegmentDoc>();
      for (const d of list) for (const e of entities(d)) subsById.set(e.id, e as SubsegmentDoc);
      for (const seg of completeSegments(list)) {
        if (seg.parent_id === undefined || seg.origin === 'AWS::Lambda::Function') continue;
        const caller = subsById.get(seg.parent_id);
        expect(caller, seg.name).toBeDefined();
        if (seg.origin === 'AWS::Lambda') {
          expect(caller!.aws?.operation).toBe('Invoke');
        } else {
          expect(caller!.namespace).toBe('remote');
          expect(caller!.http?.request?.traced).toBe(true);
          expect(caller!.name).toBe(seg.name);
        }
      }
    }
  });

  it('chains exceptions across services: causes resolve inside the trace, wrappers are remote', () => {
    let chained = 0;
    for (const list of traces.values()) {
      const all = list.flatMap((d) => entities(d));
      const exceptionIds = new Set(
        all.flatMap((e) =>
          typeof e.cause === 'object' ? (e.cause.exceptions ?? []).map((x) => x.id) : [],
        ),
      );
      const entityIds = new Set(all.map((e) => e.id));
      for (const e of all) {
        if (typeof e.cause !== 'object') continue;
        if (e.cause.id !== undefined) expect(entityIds.has(e.cause.id)).toBe(true);
        for (const ex of e.cause.exceptions ?? []) {
          if (ex.cause === undefined) continue;
          expect(exceptionIds.has(ex.cause), `${e.name}: ${ex.type}`).toBe(true);
          chained++;
        }
      }
    }
    expect(chained).toBeGreaterThan(10);
    const wrapped = segments(docs, 'checkout').flatMap((s) =>
      typeof s.cause === 'object' ? (s.cause.exceptions ?? []) : [],
    );
    expect(wrapped.length).toBeGreaterThan(0);
    expect(wrapped.every((x) => x.remote === true && x.cause !== undefined)).toBe(true);
  });

  it('shows a few ms of clock skew on some hosts, never more than 10 ms', () => {
    const starts = new Map<string, number>();
    for (const d of docs) for (const e of entities(d)) starts.set(e.id, e.start_time);
    const leads = completeSegments(docs)
      .filter((s) => s.parent_id !== undefined && starts.has(s.parent_id))
      .map((s) => starts.get(s.parent_id!)! - s.start_time);
    expect(leads.some((lead) => lead > 0)).toBe(true); // callee clock behind its caller
    expect(Math.max(...leads)).toBeLessThanOrEqual(0.01);
  });

  it('records users, annotations, metadata and the public request on the entry segment', () => {
    const roots = completeSegments(docs, 'shop-api');
    expect(
      roots.every((r) => r.http?.request?.url?.startsWith('https://shop.example.com/api/')),
    ).toBe(true);
    expect(roots.some((r) => r.http?.request?.url?.includes('/products?category='))).toBe(true);
    const first = segments(docs).filter((s) => s.annotations?.tenant !== undefined);
    expect(new Set(first.map((s) => s.annotations?.tenant)).size).toBeGreaterThanOrEqual(5);
    expect(first.some((s) => typeof s.user === 'string')).toBe(true);
    expect(segments(docs).some((s) => typeof s.annotations?.cart_items === 'number')).toBe(true);
    const subs = docs.flatMap((d) => entities(d));
    expect(subs.some((s) => typeof s.annotations?.cold_start === 'boolean')).toBe(true);
    expect(segments(docs).some((s) => s.metadata !== undefined)).toBe(true);
  });

  it('includes independent subsegments and in-progress → complete pairs with the same id', () => {
    const independent = docs.filter((d) => 'type' in d);
    expect(independent.length).toBeGreaterThan(0);
    // Fresh window during the payment incident: long checkouts announce themselves first.
    const spike = demo.generate(T0 + 3 * 60, T0 + 5 * 60);
    const open = spike.filter((d) => d.in_progress);
    expect(open.length).toBeGreaterThan(0);
    for (const doc of open) {
      const done = spike.find((d) => d.id === doc.id && d.end_time !== undefined);
      expect(done).toBeDefined();
      expect(spike.indexOf(done!)).toBeGreaterThan(spike.indexOf(doc));
      expect(docSendTime(doc)).toBeLessThan(docSendTime(done!));
    }
  });

  it('has 4xx errors, 5xx faults and their exceptions with stack frames', () => {
    const statuses = new Set(completeSegments(docs).map((s) => s.http?.response?.status));
    expect(statuses).toContain(404);
    expect(statuses).toContain(500);
    const withStack = segments(docs).find(
      (s): s is SegmentDoc =>
        typeof s.cause === 'object' && (s.cause.exceptions?.[0]?.stack?.length ?? 0) > 0,
    );
    const frame =
      typeof withStack?.cause === 'object'
        ? withStack.cause.exceptions?.[0]?.stack?.[0]
        : undefined;
    expect(frame).toMatchObject({ path: expect.any(String), label: expect.any(String) });
  });
});

describe('createDemoSystem: traffic', () => {
  it('keeps the rate within 5–15 req/s through the day and tracks the expected curve', () => {
    for (const hour of [0, 6, 12, 18]) {
      const from = 1_717_200_000 + hour * 3600;
      const perSecond = demo.countTraces(from, from + 3600) / 3600;
      const expected = demo.expectedRate(from + 1800);
      expect(perSecond).toBeGreaterThan(expected * 0.85);
      expect(perSecond).toBeLessThan(expected * 1.15);
      expect(perSecond).toBeGreaterThan(4);
      expect(perSecond).toBeLessThan(15);
    }
  });

  it('keeps any 6-hour back-fill under 250k traces', () => {
    // 09:00–15:00 UTC is the busiest quarter of the day.
    const from = 1_717_200_000 + 9 * 3600;
    const n = demo.countTraces(from, from + 6 * 3600);
    expect(n).toBeGreaterThan(150_000);
    expect(n).toBeLessThan(250_000);
  });

  it('scales with ratePerSecond for benchmarks', () => {
    const fast = createDemoSystem({ seed: 42, ratePerSecond: 200, includeHostile: false });
    const n = fast.countTraces(T0, T0 + 60);
    expect(n / 60).toBeGreaterThan(fast.expectedRate(T0) * 0.85);
    expect(n / 60).toBeLessThan(fast.expectedRate(T0) * 1.15);
    expect(fast.expectedRate(T0)).toBeGreaterThan(150);
  });

  it('adds one hostile trace per hour unless disabled', () => {
    const hostileSecond = T0 + HOSTILE_SECOND_OF_HOUR;
    const ids = demo.hostileTraceIds(T0, T0 + 3600);
    expect(ids).toHaveLength(1);
    const docs = demo.generate(hostileSecond, hostileSecond + 1);
    expect(docs.filter((d) => d.trace_id === ids[0]).length).toBeGreaterThan(1);
    const quiet = createDemoSystem({ seed: 42, includeHostile: false });
    expect(quiet.hostileTraceIds(T0, T0 + 3600)).toEqual([]);
    expect(
      quiet.generate(hostileSecond, hostileSecond + 1).some((d) => d.trace_id === ids[0]),
    ).toBe(false);
    expect(demo.countTraces(hostileSecond, hostileSecond + 1)).toBe(
      quiet.countTraces(hostileSecond, hostileSecond + 1) + 1,
    );
  });
});

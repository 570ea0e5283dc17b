import { describe, expect, it } from 'vitest';
import type { IngestDoc, SegmentDoc, SubsegmentDoc } from '../types.ts';
import { analyzeTrace } from './analyze.ts';
import { assembleTrace } from './assemble.ts';
import { MAX_ANNOTATION_KEYS } from './indexed-fields.ts';
import {
  FAULT_TRACE_ID,
  faultDocs,
  LAMBDA_TRACE_ID,
  LONG_TRACE_ID,
  lambdaDocs,
  longDocs,
  THROTTLE_TRACE_ID,
  throttleDocs,
} from './reference-examples.ts';
import { MAX_ROOT_CAUSES } from './root-causes.ts';
import { syntheticTraceDocs } from './synthetic.ts';

const T = '1-665a6480-75ed1faa09214d2e66193645';
const facts = (id: string, docs: IngestDoc[]) => analyzeTrace(assembleTrace(id, docs));
const seg = (
  id: string,
  start: number,
  end: number | undefined,
  extra: Partial<SegmentDoc> = {},
): SegmentDoc => ({
  id,
  name: 'api',
  trace_id: T,
  start_time: start,
  ...(end === undefined ? { in_progress: true } : { end_time: end }),
  ...extra,
});
const call = (
  id: string,
  start: number,
  end: number,
  extra: Partial<SubsegmentDoc> = {},
): SubsegmentDoc => ({
  id,
  name: `call-${id.slice(-2)}`,
  start_time: start,
  end_time: end,
  ...extra,
});
const orders = { Name: 'orders-api', Names: ['orders-api'], Type: 'AWS::EC2::Instance' };
const payments = { Name: 'payments.example.com', Names: ['payments.example.com'], Type: 'remote' };

describe('analyzeTrace: §11.2 fault behind a 500', () => {
  const f = facts(FAULT_TRACE_ID, faultDocs);

  it('fills the summary from the root segment', () => {
    expect(f.summary).toMatchObject({
      Id: FAULT_TRACE_ID,
      StartTime: 1717200000.012,
      ResponseTime: 0.301,
      Duration: 0.301,
      HasFault: true,
      HasError: false,
      HasThrottle: false,
      IsPartial: false,
      Http: {
        HttpURL: 'https://api.example.com/orders',
        HttpStatus: 500,
        HttpMethod: 'POST',
        UserAgent: 'curl/8.5.0',
        ClientIp: '203.0.113.7',
      },
      Users: [{ UserName: 'alice', ServiceIds: [orders] }],
      ServiceIds: [orders, payments],
      InstanceIds: [{ Id: 'i-0a1b2c3d4e5f67890' }],
      AvailabilityZones: [{ Name: 'us-east-1a' }],
      ResourceARNs: [],
      EntryPoint: orders,
      ErrorRootCauses: [],
      Revision: 1,
    });
    expect(f.summary.Annotations).toEqual({
      customer_tier: [{ AnnotationValue: { StringValue: 'gold' }, ServiceIds: [orders] }],
      items: [{ AnnotationValue: { NumberValue: 3 }, ServiceIds: [orders] }],
    });
    expect(f.rootSegmentId).toBe('5b79c484be4cad27');
  });

  it('finds the fault root cause in the remote payments call, exceptions included', () => {
    expect(f.summary.FaultRootCauses).toEqual([
      {
        ClientImpacting: true,
        Services: [
          {
            ...orders,
            Inferred: false,
            EntityPath: [
              { Name: 'orders-api', Remote: false },
              { Name: 'payments.example.com', Remote: true },
            ],
          },
          {
            ...payments,
            Inferred: true,
            EntityPath: [
              {
                Name: 'payments.example.com',
                Remote: true,
                Exceptions: [{ Name: 'HttpError', Message: '503 Service Unavailable' }],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('has an orders-api → payments edge carrying the faulted call', () => {
    expect(f.nodes.map((n) => [n.id.Name, n.root, n.inferred])).toEqual([
      ['orders-api', true, false],
      ['payments.example.com', false, true],
    ]);
    expect(f.edges).toHaveLength(1);
    expect(f.edges[0]).toMatchObject({ from: 0, to: 1 });
    expect(f.edges[0]?.calls[0]).toMatchObject({
      fault: true,
      ok: false,
      responseTime: 0.285,
      inProgress: false,
    });
    expect(f.subsegments.map((s) => s.id)).toEqual(['8b3694f9ba4e1908']);
    expect(f.endTime).toBe(1717200000.313);
  });

  it('puts the slowest chain into the response-time root cause', () => {
    const rc = f.summary.ResponseTimeRootCauses?.[0];
    expect(rc?.Services?.map((s) => s.Name)).toEqual(['orders-api', 'payments.example.com']);
    expect(rc?.Services?.[0]?.EntityPath).toEqual([
      { Name: 'orders-api', Coverage: 1, Remote: false },
      { Name: 'payments.example.com', Coverage: 0.9468, Remote: true },
    ]);
  });
});

describe('analyzeTrace: §11.3 throttled DynamoDB', () => {
  const f = facts(THROTTLE_TRACE_ID, throttleDocs);

  it('reports error and throttle but no fault, and names the table node after the table', () => {
    expect(f.summary).toMatchObject({ HasError: true, HasThrottle: true, HasFault: false });
    expect(f.nodes.map((n) => n.id)).toEqual([
      { Name: 'inventory-svc', Names: ['inventory-svc'], Type: 'AWS::ECS::Container' },
      { Name: 'inventory', Names: ['inventory'], Type: 'AWS::DynamoDB::Table' },
    ]);
    expect(f.edges[0]?.calls[0]).toMatchObject({
      error: true,
      throttle: true,
      fault: false,
      ok: false,
    });
  });

  it('roots the error in the table with the throttling exception', () => {
    const rc = f.summary.ErrorRootCauses?.[0];
    expect(rc?.ClientImpacting).toBe(true);
    const last = rc?.Services?.at(-1);
    expect(last).toMatchObject({ Name: 'inventory', Type: 'AWS::DynamoDB::Table', Inferred: true });
    expect(last?.EntityPath?.at(-1)?.Exceptions).toEqual([
      {
        Name: 'ProvisionedThroughputExceededException',
        Message: 'The level of configured provisioned throughput for the table was exceeded.',
      },
    ]);
  });
});

describe('analyzeTrace: §11.1 Lambda → DynamoDB', () => {
  const f = facts(LAMBDA_TRACE_ID, lambdaDocs);

  it('builds the documented map: Lambda → function → table', () => {
    expect(f.nodes.map((n) => `${n.id.Name}|${n.id.Type}`)).toEqual([
      'orders-lookup|AWS::Lambda',
      'orders-lookup|AWS::Lambda::Function',
      'orders|AWS::DynamoDB::Table',
    ]);
    expect(f.nodes[1]?.id.AccountId).toBe('111122223333');
    expect(f.edges.map((e) => [e.from, e.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('collects annotations of subsegments under their service, and the resource ARN', () => {
    const fn = {
      Name: 'orders-lookup',
      Names: ['orders-lookup'],
      Type: 'AWS::Lambda::Function',
      AccountId: '111122223333',
    };
    expect(f.summary.Annotations).toEqual({
      order_id: [{ AnnotationValue: { StringValue: 'A-10042' }, ServiceIds: [fn] }],
      cache_hit: [{ AnnotationValue: { BooleanValue: false }, ServiceIds: [fn] }],
    });
    expect(f.summary.ResourceARNs).toEqual([
      { ARN: 'arn:aws:lambda:us-east-1:111122223333:function:orders-lookup' },
    ]);
    expect(f.summary.Revision).toBe(3);
  });

  it('keeps a Lambda-style orphan visible: the placeholder becomes the entry point', () => {
    const only = facts(LAMBDA_TRACE_ID, [lambdaDocs[2] as IngestDoc]);
    expect(only.summary.EntryPoint).toEqual({
      Name: 'unknown',
      Names: ['unknown'],
      Type: 'unknown',
    });
    expect(only.nodes.map((n) => n.id.Name)).toEqual(['unknown', 'orders']);
    expect(only.edges).toHaveLength(1);
  });
});

describe('analyzeTrace: §11.4 partial, then complete', () => {
  it('is partial with no response time while the segment is in progress', () => {
    const f = facts(LONG_TRACE_ID, longDocs.slice(0, 2));
    expect(f.summary.IsPartial).toBe(true);
    expect(f.summary.ResponseTime).toBeUndefined();
    expect(f.summary.Duration).toBe(12.75);
    expect(f.nodes[0]?.calls[0]).toMatchObject({ inProgress: true, ok: false });
    expect(f.summary.Revision).toBe(2);
  });
  it('is complete with ResponseTime 13.02 once the final document arrived', () => {
    const f = facts(LONG_TRACE_ID, longDocs);
    expect(f.summary).toMatchObject({
      IsPartial: false,
      ResponseTime: 13.02,
      Duration: 13.02,
      Revision: 3,
    });
    expect(f.summary.Http).toEqual({
      HttpURL: 'https://reports.example.com/jobs',
      HttpMethod: 'POST',
      HttpStatus: 202,
    });
  });
});

describe('analyzeTrace: rules', () => {
  it('picks the earliest segment whose parent is missing as the entry point', () => {
    const f = facts(T, [
      seg('aa00000000000002', 2, 3, { name: 'worker', parent_id: 'ffffffffffffffff' }),
      seg('aa00000000000001', 1, 4, { name: 'gateway', parent_id: 'eeeeeeeeeeeeeeee' }),
    ]);
    expect(f.summary.EntryPoint?.Name).toBe('gateway');
    expect(f.nodes.map((n) => [n.id.Name, n.root])).toEqual([
      ['gateway', true],
      ['worker', false],
    ]);
    expect(f.summary.StartTime).toBe(1);
  });

  it('derives fault/error/throttle from the status when flags are missing', () => {
    expect(
      facts(T, [seg('aa00000000000001', 1, 2, { http: { response: { status: 502 } } })]).summary,
    ).toMatchObject({
      HasFault: true,
      HasError: false,
    });
    expect(
      facts(T, [seg('aa00000000000001', 1, 2, { http: { response: { status: 429 } } })]).summary,
    ).toMatchObject({
      HasFault: false,
      HasError: true,
      HasThrottle: true,
    });
  });

  it('omits Type for segments without origin and uses calls[0] = entry segment', () => {
    const f = facts(T, [
      seg('aa00000000000001', 1, 5, {
        subsegments: [
          call('bb00000000000001', 2, 4, {
            namespace: 'remote',
            http: { request: { url: 'http://api.internal/x' } },
          }),
        ],
      }),
      seg('aa00000000000002', 2.1, 3.9, { parent_id: 'bb00000000000001' }),
    ]);
    expect(f.summary.ServiceIds).toEqual([{ Name: 'api', Names: ['api'] }]);
    expect(f.nodes).toHaveLength(1);
    expect(f.nodes[0]?.calls.map((c) => c.entityId)).toEqual([
      'aa00000000000001',
      'aa00000000000002',
    ]);
    // a service calling itself is an edge to itself
    expect(f.edges).toEqual([{ from: 0, to: 0, calls: [f.nodes[0]?.calls[1]] }]);
  });

  it('duration of a call runs to the end of its latest downstream piece', () => {
    const f = facts(T, [
      seg('aa00000000000001', 1, 2, {
        subsegments: [call('bb00000000000001', 1.5, 3, { namespace: 'aws', name: 'SQS' })],
      }),
    ]);
    expect(f.nodes[0]?.calls[0]).toMatchObject({ responseTime: 1, duration: 2, start: 1, end: 2 });
    expect(f.summary.Duration).toBe(2);
  });

  it('indexes annotation keys made of [A-Za-z0-9_], distinct values by type, at most 50 keys', () => {
    const annotations: Record<string, string | number | boolean> = {
      'bad key!': 1,
      'dotted.key': 'x',
    };
    for (let i = 0; i < 60; i++) annotations[`k${i}`] = i;
    const f = facts(T, [
      seg('aa00000000000001', 1, 2, {
        annotations: { same: '1' },
        subsegments: [
          call('bb00000000000001', 1.1, 1.2, { annotations: { same: 1 } }),
          call('bb00000000000002', 1.2, 1.3, { annotations }),
        ],
      }),
    ]);
    const keys = Object.keys(f.summary.Annotations ?? {});
    expect(keys).toHaveLength(MAX_ANNOTATION_KEYS);
    expect(keys).not.toContain('bad key!');
    expect(keys).not.toContain('dotted.key');
    expect(f.summary.Annotations?.same?.map((v) => v.AnnotationValue)).toEqual([
      { StringValue: '1' },
      { NumberValue: 1 },
    ]);
  });

  it('reports a handled downstream fault as not client-impacting, and dedupes equal paths', () => {
    const failing = (id: string, start: number) =>
      call(id, start, start + 0.1, {
        name: 'DynamoDB',
        namespace: 'aws',
        fault: true,
        aws: { table_name: 't' },
      });
    const f = facts(T, [
      seg('aa00000000000001', 1, 2, {
        subsegments: [failing('bb00000000000001', 1.1), failing('bb00000000000002', 1.3)],
      }),
    ]);
    expect(f.summary.HasFault).toBe(false);
    expect(f.summary.FaultRootCauses).toHaveLength(1);
    expect(f.summary.FaultRootCauses?.[0]?.ClientImpacting).toBe(false);
    expect(f.summary.FaultRootCauses?.[0]?.Services?.map((s) => s.Name)).toEqual(['api', 't']);
  });

  it('caps the root causes per family', () => {
    const subs = Array.from({ length: 30 }, (_, i) =>
      call(`bb000000000000${String(i).padStart(2, '0')}`, 1 + i / 100, 1.001 + i / 100, {
        name: `step-${i}`,
        fault: true,
      }),
    );
    const f = facts(T, [seg('aa00000000000001', 1, 2, { fault: true, subsegments: subs })]);
    expect(f.summary.FaultRootCauses).toHaveLength(MAX_ROOT_CAUSES);
  });

  it('analyzes a 50,000-piece trace with every piece accounted for', () => {
    const docs = syntheticTraceDocs({ pieces: 50_000, seed: 3 });
    const t = assembleTrace('1-665a6480-000000000000000000000003', docs);
    const f = analyzeTrace(t);
    const segments = t.segments.length;
    expect(f.subsegments.length + segments).toBe(
      50_000 + t.segments.filter((s) => s.inferred).length,
    );
    expect(f.nodes.reduce((n, node) => n + node.calls.length, 0)).toBe(segments);
    expect(f.edges.reduce((n, e) => n + e.calls.length, 0)).toBe(segments - 1);
    expect(f.nodes[0]?.root).toBe(true);
    expect(f.summary.ServiceIds?.length).toBe(f.nodes.length);
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeTrace } from '../trace/analyze.ts';
import { assembleTrace } from '../trace/assemble.ts';
import type { TraceFacts } from '../trace/facts.ts';
import {
  FAULT_TRACE_ID,
  faultDocs,
  LAMBDA_TRACE_ID,
  LONG_TRACE_ID,
  lambdaDocs,
  longDocs,
  THROTTLE_TRACE_ID,
  throttleDocs,
} from '../trace/reference-examples.ts';
import { syntheticTraceDocs } from '../trace/synthetic.ts';
import type { Service } from '../types.ts';
import { GraphBucket } from './bucket.ts';
import { buildServiceGraph, ServiceGraphAggregator } from './build.ts';

const lambda = analyzeTrace(assembleTrace(LAMBDA_TRACE_ID, lambdaDocs));
const fault = analyzeTrace(assembleTrace(FAULT_TRACE_ID, faultDocs));
const throttle = analyzeTrace(assembleTrace(THROTTLE_TRACE_ID, throttleDocs));
const WINDOW = { start: 1717199000, end: 1717201000 };
const byName = (services: Service[], name: string, type: string) =>
  services.find((s) => s.Name === name && (s.Type ?? '') === type) as Service;

describe('buildServiceGraph', () => {
  const graph = buildServiceGraph([lambda, fault, throttle], WINDOW);

  it('has every service once with ReferenceIds 0..n-1, client nodes first', () => {
    expect(graph.map((s) => s.ReferenceId)).toEqual(graph.map((_, i) => i));
    expect(graph.map((s) => `${s.Name}|${s.Type}`)).toEqual([
      'inventory-svc|client',
      'orders-api|client',
      'orders-lookup|client',
      'inventory-svc|AWS::ECS::Container',
      'orders-api|AWS::EC2::Instance',
      'orders-lookup|AWS::Lambda',
      'inventory|AWS::DynamoDB::Table',
      'orders|AWS::DynamoDB::Table',
      'orders-lookup|AWS::Lambda::Function',
      'payments.example.com|remote',
    ]);
  });

  it('marks entry services Root and active, inferred and client nodes unknown', () => {
    const api = byName(graph, 'orders-api', 'AWS::EC2::Instance');
    expect(api).toMatchObject({
      Root: true,
      State: 'active',
      StartTime: 1717200000.012,
      EndTime: 1717200000.313,
    });
    const fn = byName(graph, 'orders-lookup', 'AWS::Lambda::Function');
    expect(fn.Root).toBeUndefined();
    expect(fn).toMatchObject({ State: 'active', AccountId: '111122223333' });
    const table = byName(graph, 'orders', 'AWS::DynamoDB::Table');
    expect(table).toMatchObject({ State: 'unknown', Edges: [] });
    const client = byName(graph, 'orders-api', 'client');
    expect(client.State).toBe('unknown');
    expect(client.SummaryStatistics).toBeUndefined();
    expect(client.Edges?.map((e) => e.ReferenceId)).toEqual([api.ReferenceId]);
  });

  it('links client → Lambda → function → table like the documented map', () => {
    const ref = (name: string, type: string) => byName(graph, name, type).ReferenceId;
    const edgesOf = (name: string, type: string) =>
      byName(graph, name, type).Edges?.map((e) => e.ReferenceId);
    expect(edgesOf('orders-lookup', 'client')).toEqual([ref('orders-lookup', 'AWS::Lambda')]);
    expect(edgesOf('orders-lookup', 'AWS::Lambda')).toEqual([
      ref('orders-lookup', 'AWS::Lambda::Function'),
    ]);
    expect(edgesOf('orders-lookup', 'AWS::Lambda::Function')).toEqual([
      ref('orders', 'AWS::DynamoDB::Table'),
    ]);
  });

  it('counts statistics on nodes and edges, throttles inside errors', () => {
    const svc = byName(graph, 'inventory-svc', 'AWS::ECS::Container');
    expect(svc.SummaryStatistics).toEqual({
      OkCount: 0,
      ErrorStatistics: { ThrottleCount: 1, OtherCount: 0, TotalCount: 1 },
      FaultStatistics: { OtherCount: 0, TotalCount: 0 },
      TotalCount: 1,
      TotalResponseTime: 0.087,
    });
    expect(svc.Edges?.[0]?.SummaryStatistics?.ErrorStatistics?.ThrottleCount).toBe(1);
    const api = byName(graph, 'orders-api', 'AWS::EC2::Instance');
    expect(api.Edges?.[0]).toMatchObject({
      SummaryStatistics: {
        FaultStatistics: { TotalCount: 1 },
        TotalCount: 1,
        TotalResponseTime: 0.285,
      },
      ResponseTimeHistogram: [{ Value: 0.29, Count: 1 }],
      Aliases: [],
    });
    expect(api.ResponseTimeHistogram).toEqual([{ Value: 0.3, Count: 1 }]);
    expect(api.DurationHistogram).toEqual([{ Value: 0.3, Count: 1 }]);
  });

  it('does not count requests still in progress', () => {
    const open = analyzeTrace(assembleTrace(LONG_TRACE_ID, longDocs.slice(0, 2)));
    const g = buildServiceGraph([open], { start: 0, end: 2e9 });
    expect(byName(g, 'report-worker', '').SummaryStatistics?.TotalCount).toBe(0);
    expect(byName(g, 'report-worker', '').Type).toBeUndefined();
  });

  it('clamps times to the window', () => {
    const g = buildServiceGraph([fault], { start: 1717200000.1, end: 1717200000.2 });
    expect(byName(g, 'orders-api', 'AWS::EC2::Instance')).toMatchObject({
      StartTime: 1717200000.1,
      EndTime: 1717200000.2,
    });
  });

  it('gives the same graph whatever order the traces come in', () => {
    expect(buildServiceGraph([throttle, fault, lambda], WINDOW)).toEqual(graph);
  });
});

describe('GraphBucket', () => {
  const synthetic: TraceFacts[] = Array.from({ length: 40 }, (_, i) =>
    analyzeTrace(
      assembleTrace(
        `1-665a6480-${String(i).padStart(24, '0')}`,
        syntheticTraceDocs({ pieces: 30, seed: i + 1, faultRate: 0.1 }),
      ),
    ),
  );
  const all = [lambda, fault, throttle, ...synthetic];

  it('merging per-bucket aggregates equals aggregating everything at once', () => {
    const buckets = [new GraphBucket(), new GraphBucket(), new GraphBucket()];
    all.forEach((f, i) => {
      buckets[i % 3]?.add(f);
    });
    const merged = ServiceGraphAggregator.merged(buckets);
    expect(merged.traceCount).toBe(all.length);
    expect(merged.result(WINDOW)).toEqual(buildServiceGraph(all, WINDOW));
  });

  it('merging leaves the source buckets untouched', () => {
    const b = new GraphBucket();
    b.add(fault);
    const before = new ServiceGraphAggregator();
    before.merge(b);
    const snapshot = JSON.stringify(before.result(WINDOW));
    ServiceGraphAggregator.merged([b, b]);
    const after = new ServiceGraphAggregator();
    after.merge(b);
    expect(JSON.stringify(after.result(WINDOW))).toBe(snapshot);
  });

  it('remove takes a trace back out (counts, histograms, vanished nodes)', () => {
    const agg = new ServiceGraphAggregator();
    agg.add(fault);
    agg.add(throttle);
    agg.add(lambda);
    agg.remove(lambda);
    const expected = buildServiceGraph([fault, throttle], WINDOW);
    expect(agg.result(WINDOW)).toEqual(expected);
    expect(agg.traceCount).toBe(2);
  });

  it('totals match: node calls sum to TotalCount across many traces', () => {
    const graph = buildServiceGraph(synthetic, WINDOW);
    const expectedCalls = synthetic.reduce(
      (n, f) => n + f.nodes.reduce((m, node) => m + node.calls.length, 0),
      0,
    );
    const counted = graph.reduce((n, s) => n + (s.SummaryStatistics?.TotalCount ?? 0), 0);
    expect(counted).toBe(expectedCalls);
    for (const s of graph) {
      const st = s.SummaryStatistics;
      if (st === undefined) continue;
      expect(
        (st.OkCount ?? 0) +
          (st.ErrorStatistics?.TotalCount ?? 0) +
          (st.FaultStatistics?.TotalCount ?? 0),
      ).toBe(st.TotalCount);
      expect(s.ResponseTimeHistogram?.reduce((n, h) => n + (h.Count ?? 0), 0)).toBe(st.TotalCount);
    }
  });
});

describe('GraphBucket churn', () => {
  it('re-adding a removed trace restores the same graph', () => {
    const lambdaFacts = analyzeTrace(assembleTrace(LAMBDA_TRACE_ID, lambdaDocs));
    const faultFacts = analyzeTrace(assembleTrace(FAULT_TRACE_ID, faultDocs));
    const agg = new ServiceGraphAggregator();
    agg.add(faultFacts);
    agg.add(lambdaFacts);
    const before = agg.result(WINDOW);
    for (let i = 0; i < 3; i++) {
      agg.remove(lambdaFacts);
      expect(agg.nodes.size).toBe(3);
      agg.add(lambdaFacts);
    }
    expect(agg.result(WINDOW)).toEqual(before);
  });
});

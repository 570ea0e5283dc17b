import { describe, expect, it } from 'vitest';
import { sampleServices } from './fixtures.ts';
import { buildMapGraph, formatRate } from './graph-elements.ts';

const graph = () => buildMapGraph(sampleServices(), { windowSeconds: 600 });
const node = (id: string) => graph().nodes.find((n) => n.data.id === id)!.data;

describe('buildMapGraph', () => {
  it('makes one node per service with a stable Type::Name id and its kind', () => {
    const g = graph();
    expect(g.nodes.map((n) => [n.data.id, n.data.kind])).toEqual([
      ['client::checkout-api', 'client'],
      ['AWS::ECS::Container::checkout-api', 'compute'],
      ['AWS::DynamoDB::Table::orders', 'dynamodb'],
      ['AWS::SNS::SNS', 'sns'],
      ['remote::payments.example.com', 'remote'],
    ]);
    expect(g.nodes.every((n) => n.group === 'nodes')).toBe(true);
  });

  it('resolves edges from ReferenceIds to node ids', () => {
    expect(graph().edges.map((e) => e.data.id)).toEqual([
      'client::checkout-api -> AWS::ECS::Container::checkout-api',
      'AWS::ECS::Container::checkout-api -> AWS::DynamoDB::Table::orders',
      'AWS::ECS::Container::checkout-api -> AWS::SNS::SNS',
      'AWS::ECS::Container::checkout-api -> remote::payments.example.com',
    ]);
    const sns = graph().edges[2]!.data;
    expect(sns.async).toBe(true);
    expect(sns.source).toBe('AWS::ECS::Container::checkout-api');
  });

  it('computes health shares, ring slices and the badge', () => {
    const api = node('AWS::ECS::Container::checkout-api');
    expect(api.health).toEqual({ ok: 0.9, error: 0.05, throttle: 0, fault: 0.05 });
    expect([api.pieOk, api.pieError, api.pieThrottle, api.pieFault, api.pieNone]).toEqual([
      90, 5, 0, 5, 0,
    ]);
    // A tie goes to the more severe class.
    expect(api.healthText).toBe('5% fault');
    const remote = node('remote::payments.example.com');
    expect(remote.pieFault).toBe(100);
    expect(remote.healthText).toBe('100% fault');
    expect(remote.label).toContain('100% fault');
  });

  it('rings sum to at most 100% and show tiny shares', () => {
    const services = sampleServices();
    services[1]!.SummaryStatistics = {
      OkCount: 9990,
      FaultStatistics: { TotalCount: 10 },
      TotalCount: 10000,
      TotalResponseTime: 100,
    };
    const api = buildMapGraph(services, { windowSeconds: 60 }).nodes[1]!.data;
    expect(api.pieFault).toBe(1);
    expect(api.pieOk + api.pieError + api.pieThrottle + api.pieFault).toBeLessThanOrEqual(100);
  });

  it('gives latency and traffic per node and edge', () => {
    const api = node('AWS::ECS::Container::checkout-api');
    expect(api.avgResponseTime).toBeCloseTo(0.3);
    expect(api.perMinute).toBeCloseTo(10);
    expect(api.label).toBe('checkout-api\n300 ms · 10/min\n5% fault');
    const ddb = graph().edges[1]!.data;
    expect(ddb.perMinute).toBeCloseTo(16);
    expect(ddb.label).toBe('25 ms · 16/min · 6% throttle');
    expect(ddb.histogram).toEqual([{ Value: 0.025, Count: 160 }]);
  });

  it('gives the client node its outgoing traffic, and marks inferred nodes', () => {
    const client = node('client::checkout-api');
    expect(client.client).toBe(true);
    expect(client.inferred).toBe(false);
    expect(client.perMinute).toBeCloseTo(10);
    expect(client.label.split('\n')[1]).toBe('10/min');
    expect(node('AWS::DynamoDB::Table::orders').inferred).toBe(true);
    expect(node('AWS::ECS::Container::checkout-api').inferred).toBe(false);
    expect(node('AWS::ECS::Container::checkout-api').root).toBe(true);
  });

  it('shows "no requests" and a grey ring for a node without statistics', () => {
    const sns = node('AWS::SNS::SNS');
    expect(sns.health).toBeUndefined();
    expect(sns.pieNone).toBe(100);
    expect(sns.label).toBe('SNS\nno requests');
  });

  it('survives hostile data: missing names, dangling references, duplicate ids', () => {
    const g = buildMapGraph(
      [
        { ReferenceId: 1, Type: 'x', Edges: [{ ReferenceId: 99 }, { ReferenceId: 2 }] },
        { ReferenceId: 2, Name: 'a', Type: 'x' },
        { ReferenceId: 3, Name: 'a', Type: 'x', AccountId: '123' },
      ],
      { windowSeconds: 0 },
    );
    expect(g.nodes.map((n) => n.data.id)).toEqual(['x::#1', 'x::a', 'x::a@123']);
    expect(g.edges).toHaveLength(1);
  });
});

describe('formatRate', () => {
  it('keeps two or three significant figures', () => {
    expect([0, 0.071, 2.44, 35.2, 1234, 45678].map(formatRate)).toEqual([
      '0',
      '0.07',
      '2.4',
      '35',
      '1.2k',
      '46k',
    ]);
  });
});

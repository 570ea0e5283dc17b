import {
  CreateGroupCommand,
  GetInsightSummariesCommand,
  GetServiceGraphCommand,
  GetTimeSeriesServiceStatisticsCommand,
  InvalidRequestException,
  PutTraceSegmentsCommand,
  paginateGetServiceGraph,
  paginateGetTimeSeriesServiceStatistics,
  paginateGetTraceGraph,
  type Service,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, makeTrace, nowSec } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let t: TestServer;
// Aligned to 2 minutes so that the 120 s period below covers exactly the two minutes used.
const minute = Math.floor(nowSec() / 120) * 120 - 1800;
const traces = [
  makeTrace({ start: minute + 1, service: 'orders-api', status: 200, table: 'orders' }),
  makeTrace({ start: minute + 2, service: 'orders-api', status: 500, table: 'orders' }),
  makeTrace({ start: minute + 61, service: 'orders-api', status: 429 }),
  makeTrace({ start: minute + 62, service: 'billing', status: 200 }),
];

beforeAll(async () => {
  t = await startTestServer();
  await t.client.send(
    new PutTraceSegmentsCommand({
      TraceSegmentDocuments: traces.map((x) => JSON.stringify(x.segment)),
    }),
  );
  await t.client.send(
    new CreateGroupCommand({ GroupName: 'billing', FilterExpression: 'service("billing")' }),
  );
});
afterAll(() => t.close());

const byKey = (services: Service[] | undefined) =>
  new Map((services ?? []).map((s) => [`${s.Type}:${s.Name}`, s]));

describe('GetServiceGraph', () => {
  it('aggregates nodes, client nodes and edges with statistics over the window', async () => {
    const res = await t.client.send(
      new GetServiceGraphCommand({ StartTime: at(minute), EndTime: at(minute + 120) }),
    );
    expect(res.StartTime?.getTime()).toBe(minute * 1000);
    expect(res.EndTime?.getTime()).toBe((minute + 120) * 1000);
    const nodes = byKey(res.Services);
    const api = nodes.get('AWS::EC2::Instance:orders-api');
    expect(api?.Root).toBe(true);
    expect(api?.State).toBe('active');
    expect(api?.SummaryStatistics).toMatchObject({
      TotalCount: 3,
      OkCount: 1,
      FaultStatistics: { TotalCount: 1 },
      ErrorStatistics: { ThrottleCount: 1 },
    });
    const table = nodes.get('AWS::DynamoDB::Table:orders');
    expect(table?.State).toBe('unknown');
    expect(api?.Edges?.map((e) => e.ReferenceId)).toEqual([table?.ReferenceId]);
    expect(api?.Edges?.[0]?.SummaryStatistics?.TotalCount).toBe(2);
    const client = nodes.get('client:orders-api');
    expect(client?.Edges?.[0]?.ReferenceId).toBe(api?.ReferenceId);
    expect(nodes.has('AWS::EC2::Instance:billing')).toBe(true);
  });

  it('limits the graph to whole minutes of the window', async () => {
    const res = await t.client.send(
      new GetServiceGraphCommand({ StartTime: at(minute + 5), EndTime: at(minute + 50) }),
    );
    const api = byKey(res.Services).get('AWS::EC2::Instance:orders-api');
    expect(api?.SummaryStatistics?.TotalCount).toBe(2);
    expect(byKey(res.Services).has('AWS::EC2::Instance:billing')).toBe(false);
  });

  it('scopes the graph to a group by name or ARN', async () => {
    const res = await t.client.send(
      new GetServiceGraphCommand({
        StartTime: at(minute),
        EndTime: at(minute + 120),
        GroupName: 'billing',
      }),
    );
    expect([...byKey(res.Services).keys()].sort()).toEqual([
      'AWS::EC2::Instance:billing',
      'client:billing',
    ]);
    await expect(
      t.client.send(
        new GetServiceGraphCommand({
          StartTime: at(minute),
          EndTime: at(minute + 60),
          GroupName: 'nope',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidRequestException);
  });

  it('rejects reversed windows', async () => {
    await expect(
      t.client.send(
        new GetServiceGraphCommand({ StartTime: at(minute + 60), EndTime: at(minute) }),
      ),
    ).rejects.toThrow(/is before StartTime/);
  });
});

describe('GetTimeSeriesServiceStatistics', () => {
  it('returns one entry per period for a service selector', async () => {
    const res = await t.client.send(
      new GetTimeSeriesServiceStatisticsCommand({
        StartTime: at(minute),
        EndTime: at(minute + 120),
        Period: 60,
        EntitySelectorExpression: 'service("orders-api")',
      }),
    );
    const series = res.TimeSeriesServiceStatistics ?? [];
    expect(series.map((p) => p.Timestamp?.getTime())).toEqual([
      minute * 1000,
      (minute + 60) * 1000,
    ]);
    expect(series.map((p) => p.ServiceSummaryStatistics?.TotalCount)).toEqual([2, 1]);
    expect(series[0]?.ServiceSummaryStatistics?.FaultStatistics?.TotalCount).toBe(1);
  });

  it('answers edge statistics for an edge selector and for no selector', async () => {
    const edge = await t.client.send(
      new GetTimeSeriesServiceStatisticsCommand({
        StartTime: at(minute),
        EndTime: at(minute + 120),
        EntitySelectorExpression: 'edge("orders-api", "orders")',
      }),
    );
    expect(
      edge.TimeSeriesServiceStatistics?.map((p) => p.EdgeSummaryStatistics?.TotalCount),
    ).toEqual([2, 0]);
    const entry = await t.client.send(
      new GetTimeSeriesServiceStatisticsCommand({
        StartTime: at(minute),
        EndTime: at(minute + 120),
        Period: 120,
      }),
    );
    expect(
      entry.TimeSeriesServiceStatistics?.map((p) => p.EdgeSummaryStatistics?.TotalCount),
    ).toEqual([4]);
  });

  it('rejects bad selectors and periods', async () => {
    const base = { StartTime: at(minute), EndTime: at(minute + 120) };
    await expect(
      t.client.send(
        new GetTimeSeriesServiceStatisticsCommand({
          ...base,
          EntitySelectorExpression: 'service(',
        }),
      ),
    ).rejects.toThrow(/Invalid entity selector expression/);
    await expect(
      t.client.send(new GetTimeSeriesServiceStatisticsCommand({ ...base, Period: 90 })),
    ).rejects.toThrow(/multiple of 60/);
  });
});

describe('SDK paginators over the graph operations', () => {
  it('end after one page with every service in it', async () => {
    const window = { StartTime: at(minute), EndTime: at(minute + 120) };
    const pages = [];
    for await (const page of paginateGetServiceGraph({ client: t.client }, window))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.Services?.length).toBe(5);
    let points = 0;
    for await (const page of paginateGetTimeSeriesServiceStatistics({ client: t.client }, window)) {
      points += page.TimeSeriesServiceStatistics?.length ?? 0;
    }
    expect(points).toBe(2);
    const traceGraphPages = [];
    for await (const page of paginateGetTraceGraph(
      { client: t.client },
      { TraceIds: [traces[0]?.id as string] },
    )) {
      traceGraphPages.push(page);
    }
    expect(traceGraphPages.map((p) => p.Services?.length)).toEqual([3]);
  });

  it('answers GetInsightSummaries with an empty list (insights are not simulated)', async () => {
    const res = await t.client.send(
      new GetInsightSummariesCommand({
        GroupName: 'billing',
        StartTime: at(minute),
        EndTime: at(minute + 60),
      }),
    );
    expect(res.InsightSummaries).toEqual([]);
  });
});

describe('a trace that arrives in pieces', () => {
  it('is counted once, with its latest facts, on every refresh of a live minute', async () => {
    const p = await startTestServer();
    try {
      const start = nowSec() - 5;
      const first = makeTrace({ start, service: 'front', inProgress: true });
      const window = { StartTime: at(start - 60), EndTime: at(start + 60) };
      const put = (doc: object) =>
        p.client.send(
          new PutTraceSegmentsCommand({ TraceSegmentDocuments: [JSON.stringify(doc)] }),
        );
      await put(first.segment);
      const g1 = byKey((await p.client.send(new GetServiceGraphCommand(window))).Services);
      expect(g1.get('AWS::EC2::Instance:front')?.SummaryStatistics?.TotalCount ?? 0).toBe(0);

      await put({
        ...first.segment,
        in_progress: undefined,
        end_time: start + 0.2,
        fault: true,
        http: { response: { status: 503 } },
      });
      const g2 = byKey((await p.client.send(new GetServiceGraphCommand(window))).Services);
      expect(g2.get('AWS::EC2::Instance:front')?.SummaryStatistics).toMatchObject({
        TotalCount: 1,
        FaultStatistics: { TotalCount: 1 },
      });

      const again = await p.client.send(new GetServiceGraphCommand(window));
      expect(
        byKey(again.Services).get('AWS::EC2::Instance:front')?.SummaryStatistics?.TotalCount,
      ).toBe(1);
    } finally {
      await p.close();
    }
  });
});

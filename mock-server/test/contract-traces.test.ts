import {
  BatchGetTracesCommand,
  GetTraceGraphCommand,
  GetTraceSummariesCommand,
  InvalidRequestException,
  PutTraceSegmentsCommand,
  paginateGetTraceSummaries,
  type TraceSummary,
} from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, makeTrace, nowSec } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let t: TestServer;
const base = Math.floor(nowSec()) - 3600;
const faulty = makeTrace({
  start: base + 10,
  status: 502,
  table: 'orders',
  user: 'alice',
  annotations: { tenant: 'acme', items: 3 },
});
const ok = makeTrace({ start: base + 20, status: 200, user: 'bob' });
const slow = makeTrace({ start: base + 30, status: 200, duration: 4.5 });

beforeAll(async () => {
  t = await startTestServer();
  const put = await t.client.send(
    new PutTraceSegmentsCommand({
      TraceSegmentDocuments: [faulty, ok, slow].map((x) => JSON.stringify(x.segment)),
    }),
  );
  expect(put.UnprocessedTraceSegments).toEqual([]);
});
afterAll(() => t.close());

const window = { StartTime: at(base), EndTime: at(base + 3600) };

describe('GetTraceSummaries', () => {
  it('returns every trace in the window, newest first, with the summary fields', async () => {
    const res = await t.client.send(new GetTraceSummariesCommand(window));
    expect(res.TraceSummaries?.map((s) => s.Id)).toEqual([slow.id, ok.id, faulty.id]);
    expect(res.TracesProcessedCount).toBe(3);
    expect(res.NextToken).toBeUndefined();
    const f = res.TraceSummaries?.find((s) => s.Id === faulty.id) as TraceSummary;
    expect(f.HasFault).toBe(true);
    expect(f.HasError).toBe(false);
    expect(f.IsPartial).toBe(false);
    expect(f.Http).toMatchObject({ HttpStatus: 502, HttpMethod: 'GET' });
    expect(f.StartTime?.getTime()).toBe((base + 10) * 1000);
    expect(f.Users?.[0]?.UserName).toBe('alice');
    expect(f.Annotations?.tenant?.[0]?.AnnotationValue).toEqual({ StringValue: 'acme' });
    expect(f.Annotations?.items?.[0]?.AnnotationValue).toEqual({ NumberValue: 3 });
    expect(f.EntryPoint?.Name).toBe('orders-api');
    expect(f.ServiceIds?.map((s) => s.Name)).toContain('orders');
    expect(f.Duration).toBeCloseTo(0.05, 5);
  });

  it('applies a filter expression through the shared filter module', async () => {
    const faults = await t.client.send(
      new GetTraceSummariesCommand({ ...window, FilterExpression: 'fault' }),
    );
    expect(faults.TraceSummaries?.map((s) => s.Id)).toEqual([faulty.id]);
    const slowOnes = await t.client.send(
      new GetTraceSummariesCommand({ ...window, FilterExpression: 'responsetime > 3 AND !fault' }),
    );
    expect(slowOnes.TraceSummaries?.map((s) => s.Id)).toEqual([slow.id]);
    const tenant = await t.client.send(
      new GetTraceSummariesCommand({ ...window, FilterExpression: 'annotation.tenant = "acme"' }),
    );
    expect(tenant.TraceSummaries?.map((s) => s.Id)).toEqual([faulty.id]);
  });

  it('compares the window with the trace-ID time by default and end times with Service', async () => {
    const narrow = await t.client.send(
      new GetTraceSummariesCommand({ StartTime: at(base + 15), EndTime: at(base + 25) }),
    );
    expect(narrow.TraceSummaries?.map((s) => s.Id)).toEqual([ok.id]);
    // The slow trace starts at +30 and ends at +34.5: only its end lies in [34, 35).
    const byService = await t.client.send(
      new GetTraceSummariesCommand({
        StartTime: at(base + 34),
        EndTime: at(base + 35),
        TimeRangeType: 'Service',
      }),
    );
    expect(byService.TraceSummaries?.map((s) => s.Id)).toEqual([slow.id]);
    const byEvent = await t.client.send(
      new GetTraceSummariesCommand({
        StartTime: at(base + 32),
        EndTime: at(base + 33),
        TimeRangeType: 'Event',
      }),
    );
    expect(byEvent.TraceSummaries?.map((s) => s.Id)).toEqual([slow.id]);
    expect(byEvent.TraceSummaries?.[0]?.MatchedEventTime).toBeInstanceOf(Date);
  });

  it('rejects invalid filters with the parser position, reversed and over-long windows', async () => {
    const bad = t.client.send(
      new GetTraceSummariesCommand({ ...window, FilterExpression: 'responsetime > ' }),
    );
    await expect(bad).rejects.toBeInstanceOf(InvalidRequestException);
    await expect(bad).rejects.toThrow(
      /Invalid filter expression: .+ \(at (the end|characters \d+-\d+)\)/,
    );
    const reversed = t.client.send(
      new GetTraceSummariesCommand({ StartTime: at(base + 10), EndTime: at(base) }),
    );
    await expect(reversed).rejects.toThrow(/EndTime .* is before StartTime/);
    const long = t.client.send(
      new GetTraceSummariesCommand({ StartTime: at(base - 86_400 * 2), EndTime: at(base) }),
    );
    await expect(long).rejects.toThrow(/exceeds the maximum of 24 hours/);
  });
});

describe('GetTraceSummaries pagination', () => {
  it('pages newest to oldest through the SDK paginator, each trace exactly once', async () => {
    const p = await startTestServer();
    try {
      const start = Math.floor(nowSec()) - 7200;
      const traces = Array.from({ length: 250 }, (_, i) => makeTrace({ start: start + i * 10 }));
      await p.client.send(
        new PutTraceSegmentsCommand({
          TraceSegmentDocuments: traces.map((x) => JSON.stringify(x.segment)),
        }),
      );
      const ids: string[] = [];
      let pages = 0;
      for await (const page of paginateGetTraceSummaries(
        { client: p.client },
        { StartTime: at(start), EndTime: at(start + 3000) },
      )) {
        pages++;
        ids.push(...(page.TraceSummaries ?? []).map((s) => s.Id as string));
      }
      expect(pages).toBe(3);
      expect(ids).toEqual(traces.map((x) => x.id).reverse());
      const tampered = p.client.send(
        new GetTraceSummariesCommand({
          StartTime: at(start),
          EndTime: at(start + 10),
          NextToken: 'eyJzIjoxfQ',
        }),
      );
      await expect(tampered).rejects.toBeInstanceOf(InvalidRequestException);
    } finally {
      await p.close();
    }
  });
});

describe('BatchGetTraces', () => {
  it('returns processed documents as JSON strings and lists unknown ids as unprocessed', async () => {
    const unknown = '1-5f000000-000000000000000000000000';
    const res = await t.client.send(new BatchGetTracesCommand({ TraceIds: [faulty.id, unknown] }));
    expect(res.UnprocessedTraceIds).toEqual([unknown]);
    const trace = res.Traces?.[0];
    expect(trace?.Id).toBe(faulty.id);
    const docs = (trace?.Segments ?? []).map((s) => JSON.parse(s.Document as string));
    const root = docs.find((d) => d.id === faulty.segment.id);
    expect(root.name).toBe('orders-api');
    // The DynamoDB call becomes an inferred segment of its own.
    expect(
      docs.some((d) => d.inferred === true && d.parent_id === faulty.segment.subsegments?.[0]?.id),
    ).toBe(true);
  });

  it('rejects more than 5 ids and malformed ids', async () => {
    const six = Array.from({ length: 6 }, () => faulty.id);
    await expect(t.client.send(new BatchGetTracesCommand({ TraceIds: six }))).rejects.toThrow(
      'Exceeding maximum query size: 5',
    );
    await expect(
      t.client.send(new BatchGetTracesCommand({ TraceIds: ['not-a-trace'] })),
    ).rejects.toThrow(/Invalid trace ID "not-a-trace"/);
  });
});

describe('GetTraceGraph', () => {
  it('builds the graph of the given traces only', async () => {
    const res = await t.client.send(new GetTraceGraphCommand({ TraceIds: [faulty.id] }));
    const names = res.Services?.map((s) => `${s.Type}:${s.Name}`).sort();
    expect(names).toEqual([
      'AWS::DynamoDB::Table:orders',
      'AWS::EC2::Instance:orders-api',
      'client:orders-api',
    ]);
    const api = res.Services?.find((s) => s.Type === 'AWS::EC2::Instance');
    expect(api?.SummaryStatistics?.FaultStatistics?.TotalCount).toBe(1);
    expect(api?.Edges?.length).toBe(1);
  });
});

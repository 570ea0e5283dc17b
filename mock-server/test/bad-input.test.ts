import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XRAY_OPERATIONS } from '../../src/xray/api-paths.ts';
import { MAX_BODY_BYTES } from '../http/app.ts';
import { hex, makeTrace, nowSec } from './fixtures.ts';
import { type RawResponse, startTestServer, type TestServer } from './harness.ts';

let t: TestServer;
const now = Math.floor(nowSec());
const stored = makeTrace({ start: now - 100, status: 500 });

beforeAll(async () => {
  t = await startTestServer();
  await t.post('/TraceSegments', { TraceSegmentDocuments: [JSON.stringify(stored.segment)] });
  await t.post('/CreateGroup', { GroupName: 'keep', FilterExpression: 'fault' });
});
afterAll(() => t.close());

/** What must not change whatever garbage arrives: the groups, the rules, the stored trace. */
async function snapshot(): Promise<string> {
  const groups = (await t.post('/Groups', {})).json();
  const rules = (await t.post('/GetSamplingRules', {})).json();
  const trace = (await t.post('/Traces', { TraceIds: [stored.id] })).json();
  const list = (
    await t.post('/TraceSummaries', { StartTime: now - 3600, EndTime: now + 60 })
  ).json();
  return JSON.stringify([groups, rules, trace, (list.TraceSummaries as unknown[]).length]);
}

function expectXRayError(
  res: RawResponse,
  status: number,
  message: RegExp,
  code = 'InvalidRequestException',
) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('x-amzn-errortype')).toBe(code);
  const body = res.json();
  expect(body.__type).toBe(code);
  expect(body.message).toMatch(message);
}

const OPS = Object.entries(XRAY_OPERATIONS);

describe('malformed requests to every operation', () => {
  let before: string;
  beforeAll(async () => {
    before = await snapshot();
  });

  it.each(OPS)(
    '%s: invalid JSON and non-object bodies are 400 InvalidRequestException',
    async (_op, path) => {
      expectXRayError(await t.post(path, '{"StartTime": 1,'), 400, /not valid JSON/);
      expectXRayError(await t.post(path, '[1,2,3]'), 400, /must be a JSON object/);
      expectXRayError(await t.post(path, '"text"'), 400, /must be a JSON object/);
    },
  );

  const cases: [string, unknown, RegExp][] = [
    ['/TraceSummaries', {}, /StartTime is required/],
    [
      '/TraceSummaries',
      { StartTime: 'yesterday', EndTime: now },
      /StartTime must be a number, got string/,
    ],
    ['/TraceSummaries', { StartTime: now, EndTime: now - 10 }, /is before StartTime/],
    [
      '/TraceSummaries',
      { StartTime: now - 86_400 * 3, EndTime: now },
      /exceeds the maximum of 24 hours/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, FilterExpression: 42 },
      /FilterExpression must be a string/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, FilterExpression: 'http.status = "x' },
      /Invalid filter expression/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, TimeRangeType: 'Wall' },
      /TimeRangeType must be one of/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, NextToken: 'x'.repeat(100_000) },
      /NextToken is too long/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, NextToken: '!!!' },
      /not a token this server issued/,
    ],
    [
      '/TraceSummaries',
      { StartTime: now - 60, EndTime: now, Sampling: 'yes' },
      /Sampling must be a boolean/,
    ],
    ['/Traces', {}, /TraceIds is required/],
    ['/Traces', { TraceIds: 'abc' }, /TraceIds must be a list/],
    ['/Traces', { TraceIds: [1] }, /TraceIds\[0\] must be a string/],
    ['/Traces', { TraceIds: ['1-xyz'] }, /Invalid trace ID "1-xyz"/],
    ['/Traces', { TraceIds: [`1-${'a'.repeat(40)}`] }, /1\.\.35 characters/],
    ['/TraceGraph', { TraceIds: ['<script>'] }, /Invalid trace ID/],
    ['/ServiceGraph', { StartTime: now }, /EndTime is required/],
    [
      '/ServiceGraph',
      { StartTime: now - 60, EndTime: now, GroupName: '' },
      /GroupName must be 1\.\.32/,
    ],
    [
      '/TimeSeriesServiceStatistics',
      { StartTime: now - 60, EndTime: now, Period: 'hour' },
      /Period must be a number/,
    ],
    [
      '/TimeSeriesServiceStatistics',
      { StartTime: now - 60, EndTime: now, EntitySelectorExpression: 'fault' },
      /Invalid entity selector/,
    ],
    ['/CreateGroup', {}, /GroupName is required/],
    ['/CreateGroup', { GroupName: '<img src=x>' }, /Invalid group name/],
    ['/CreateGroup', { GroupName: 'keep' }, /already exists/],
    [
      '/CreateGroup',
      { GroupName: 'g2', FilterExpression: 'service("a") {' },
      /Invalid filter expression/,
    ],
    [
      '/CreateGroup',
      { GroupName: 'g3', Tags: [{ Key: 'aws:x', Value: 'y' }] },
      /may not start with "aws:"/,
    ],
    ['/UpdateGroup', { GroupName: 'keep', FilterExpression: '((' }, /Invalid filter expression/],
    [
      '/UpdateGroup',
      { GroupName: 'keep', InsightsConfiguration: 'on' },
      /InsightsConfiguration must be an object/,
    ],
    ['/GetGroup', { GroupARN: 'arn:nope' }, /Group not found/],
    ['/DeleteGroup', { GroupName: 'ghost' }, /Group not found/],
    ['/Groups', { NextToken: 'x'.repeat(101) }, /NextToken must be 1\.\.100/],
    ['/TraceSegments', {}, /TraceSegmentDocuments is required/],
    [
      '/TraceSegments',
      { TraceSegmentDocuments: [{ id: 'a' }] },
      /must be a string holding one JSON document/,
    ],
    ['/CreateSamplingRule', { SamplingRule: { RuleName: 'x' } }, /is required/],
    ['/UpdateSamplingRule', { SamplingRuleUpdate: {} }, /RuleName or RuleARN/],
    ['/DeleteSamplingRule', {}, /RuleName or RuleARN is required/],
    [
      '/SamplingTargets',
      { SamplingStatisticsDocuments: [{ RuleName: 'Default', ClientID: 'short', Timestamp: 1 }] },
      /ClientID must be 24\.\.24/,
    ],
    ['/TelemetryRecords', { TelemetryRecords: 5 }, /TelemetryRecords must be a list/],
  ];

  it.each(cases)('%s %j → 400 naming the problem', async (path, body, message) => {
    expectXRayError(await t.post(path, body), 400, message);
  });

  it('rejects a body over the limit with an X-Ray error', async () => {
    const huge = JSON.stringify({ TraceSegmentDocuments: ['x'.repeat(MAX_BODY_BYTES)] });
    expectXRayError(await t.post('/TraceSegments', huge), 400, /exceeds the 5 MB limit/);
  });

  it('answers unknown operations with an X-Ray-shaped 404', async () => {
    expectXRayError(
      await t.post('/GetTraceIds', {}),
      404,
      /Unknown operation: POST \/GetTraceIds/,
      'UnknownOperationException',
    );
    const get = await fetch(`${t.server.url}/TraceSummaries`);
    expect(get.status).toBe(404);
    expect(get.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
  });

  it('still answers, with nothing changed', async () => {
    expect(await snapshot()).toBe(before);
  });
});

describe('PutTraceSegments partial success', () => {
  it('stores the good documents and reports each bad one with an id, code and message', async () => {
    const good = [makeTrace({ start: now - 50 }), makeTrace({ start: now - 40 })];
    const badId = hex(8);
    const res = await t.post('/TraceSegments', {
      TraceSegmentDocuments: [
        JSON.stringify(good[0]?.segment),
        '{"name": "broken"',
        JSON.stringify({
          name: 'a',
          id: badId,
          trace_id: '1-nothex-xx',
          start_time: now,
          end_time: now + 1,
        }),
        JSON.stringify({
          name: 'big',
          id: hex(8),
          trace_id: good[1]?.id,
          start_time: now,
          end_time: now,
          metadata: { x: 'y'.repeat(70_000) },
        }),
        JSON.stringify({ name: 'no-end', id: hex(8), trace_id: good[1]?.id, start_time: now }),
        JSON.stringify(good[1]?.segment),
      ],
    });
    expect(res.status).toBe(200);
    const unprocessed = res.json().UnprocessedTraceSegments as {
      Id?: string;
      ErrorCode: string;
      Message: string;
    }[];
    expect(unprocessed.map((u) => u.ErrorCode)).toEqual([
      'JSONFormatError',
      'InvalidTraceId',
      'SegmentTooLarge',
      'MissingParameter',
    ]);
    expect(unprocessed[1]?.Id).toBe(badId);
    for (const u of unprocessed) expect(u.Message.length).toBeGreaterThan(5);
    const back = (await t.post('/Traces', { TraceIds: good.map((g) => g.id) })).json();
    expect((back.Traces as unknown[]).length).toBe(2);
  });
});

describe('fuzzed segment documents', () => {
  it('never crash the server, and valid documents beside them are always stored', async () => {
    const junkDoc = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record(
          {
            name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
            id: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string()),
            trace_id: fc.oneof(fc.constant(stored.id), fc.string()),
            start_time: fc.oneof(fc.double(), fc.string(), fc.constant(now)),
            end_time: fc.oneof(fc.double(), fc.constant(undefined)),
            in_progress: fc.oneof(fc.boolean(), fc.string()),
            subsegments: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
            annotations: fc.dictionary(fc.string(), fc.jsonValue()),
            http: fc.jsonValue(),
            cause: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map((d) => JSON.stringify(d)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(junkDoc, { maxLength: 8 }),
        fc.nat({ max: 8 }),
        async (junk, at) => {
          const good = makeTrace({ start: now - 30 });
          const docs = [...junk];
          docs.splice(Math.min(at, docs.length), 0, JSON.stringify(good.segment));
          const res = await t.post('/TraceSegments', { TraceSegmentDocuments: docs });
          expect(res.status).toBe(200);
          const back = (await t.post('/Traces', { TraceIds: [good.id] })).json();
          expect((back.Traces as { Id: string }[]).map((x) => x.Id)).toEqual([good.id]);
        },
      ),
      { numRuns: 150 },
    );
    // The trace that fuzzed documents may have joined still reads back and lists.
    expect((await t.post('/Traces', { TraceIds: [stored.id] })).status).toBe(200);
    expect(
      (await t.post('/TraceSummaries', { StartTime: now - 3600, EndTime: now + 60 })).status,
    ).toBe(200);
  });
});

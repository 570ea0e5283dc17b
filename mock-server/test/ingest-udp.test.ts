import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import path from 'node:path';
import { promisify } from 'node:util';
import { BatchGetTracesCommand, GetTraceSummariesCommand } from '@aws-sdk/client-xray';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, hex, makeTrace, nowSec } from './fixtures.ts';
import { rawPost, startTestServer, type TestServer } from './harness.ts';

const run = promisify(execFile);
let t: TestServer;
let udpPort: number;

beforeAll(async () => {
  t = await startTestServer({ udpPort: 0 });
  udpPort = t.server.udpPort as number;
});
afterAll(() => t.close());

function send(payloads: (string | Buffer)[]): Promise<void> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    let left = payloads.length;
    for (const p of payloads) {
      socket.send(p, udpPort, '127.0.0.1', (err) => {
        if (err) reject(err);
        if (--left === 0) {
          socket.close();
          resolve();
        }
      });
    }
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('daemon protocol', () => {
  it('receives a real aws-xray-sdk-core app over UDP and serves its sampling calls over TCP', async () => {
    const runId = hex(6);
    const app = path.join(import.meta.dirname, 'apps/tiny-app.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', app], {
      env: { ...process.env, AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${udpPort}`, RUN_ID: runId },
      timeout: 20_000,
    });
    const out = JSON.parse(stdout.trim().split('\n').pop() as string);
    expect(out.rules).toEqual(['Default']);
    expect(out.targets.Default).toMatchObject({ rate: 0.05, quota: 1, interval: 10 });

    const trace = await eventually(async () => {
      const res = await t.client.send(new BatchGetTracesCommand({ TraceIds: [out.traceId] }));
      const tr = res.Traces?.[0];
      // The subsegment is streamed on its own; wait until it has been nested under the segment.
      const doc = tr && JSON.parse(tr.Segments?.[0]?.Document ?? '{}');
      return doc?.subsegments?.length ? doc : undefined;
    });
    expect(trace.id).toBe(out.segmentId);
    expect(trace.name).toBe('tiny-app');
    expect(trace.annotations).toEqual({ run: runId });
    expect(trace.subsegments[0]).toMatchObject({
      id: out.subsegmentId,
      name: 'compute',
      annotations: { step: 1 },
    });

    const summaries = await t.client.send(
      new GetTraceSummariesCommand({
        StartTime: at(nowSec() - 300),
        EndTime: at(nowSec() + 60),
        FilterExpression: `annotation.run = "${runId}"`,
      }),
    );
    expect(summaries.TraceSummaries?.map((s) => s.Id)).toEqual([out.traceId]);
  });

  it('counts and logs garbage datagrams, keeps good ones next to them, and keeps answering', async () => {
    const good = makeTrace({ start: nowSec() - 5 });
    const header = '{"format":"json","version":1}\n';
    const before = t.server.backend.counters.udpRejected;
    await send([
      'no header at all',
      '{"format":"xml","version":1}\n{}',
      'not json\n{}',
      Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0x01]),
      `${header}{"id":"broken`,
      `${header}${JSON.stringify(good.segment)}`,
      `${header}{"name":"x","id":"0123456789abcdef","trace_id":"nope","start_time":1,"end_time":2}`,
    ]);
    const res = await eventually(async () => {
      const r = await t.client.send(new BatchGetTracesCommand({ TraceIds: [good.id] }));
      return r.Traces?.length ? r : undefined;
    });
    expect(res.Traces?.[0]?.Id).toBe(good.id);
    await eventually(async () =>
      t.server.backend.counters.udpRejected - before >= 6 ? true : undefined,
    );
    expect(
      t.logs.some((l) => l.startsWith('udp: dropped datagram') && l.includes('invalid header')),
    ).toBe(true);
    expect(t.logs.some((l) => l.includes('InvalidTraceId'))).toBe(true);
    const alive = await rawPost(`${t.server.url}/Groups`, {});
    expect(alive.status).toBe(200);
  });

  it('serves the sampling operations on the TCP side of the daemon address', async () => {
    const rules = await rawPost(`http://127.0.0.1:${udpPort}/GetSamplingRules`, {});
    expect(rules.status).toBe(200);
    expect(rules.json().SamplingRuleRecords).toHaveLength(1);
    const targets = await rawPost(`http://127.0.0.1:${udpPort}/SamplingTargets`, {
      SamplingStatisticsDocuments: [
        {
          RuleName: 'Default',
          ClientID: 'a'.repeat(24),
          RequestCount: 3,
          SampledCount: 1,
          BorrowCount: 0,
          Timestamp: nowSec(),
        },
        {
          RuleName: 'Missing',
          ClientID: 'a'.repeat(24),
          RequestCount: 1,
          SampledCount: 0,
          Timestamp: nowSec(),
        },
      ],
    });
    const body = targets.json();
    expect(body.SamplingTargetDocuments).toMatchObject([{ RuleName: 'Default', FixedRate: 0.05 }]);
    expect(body.UnprocessedStatistics).toMatchObject([{ RuleName: 'Missing', ErrorCode: '400' }]);
    expect(typeof body.LastRuleModification).toBe('number');
  });
});

describe('busy UDP port', () => {
  it('says so and carries on over HTTP', async () => {
    const busy = dgram.createSocket('udp4');
    const port = await new Promise<number>((r) =>
      busy.bind(0, '127.0.0.1', () => r(busy.address().port)),
    );
    const other = await startTestServer({ udpPort: port });
    try {
      expect(other.server.udpPort).toBeUndefined();
      expect(other.logs.some((l) => l.includes(`udp: port ${port} is not available`))).toBe(true);
      expect((await other.post('/Groups', {})).status).toBe(200);
    } finally {
      await other.close();
      busy.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { BatchGetTracesCommand, PutTraceSegmentsCommand } from '@aws-sdk/client-xray';
import { describe, expect, it } from 'vitest';
import { makeTrace, nowSec } from './fixtures.ts';
import { startTestServer } from './harness.ts';

describe('log compaction and retention', () => {
  it('rewrites a log full of replaced documents and loses nothing live across a restart', async () => {
    const t = await startTestServer();
    const traces = Array.from({ length: 4000 }, () => makeTrace({ start: nowSec() - 60 }));
    const put = (docs: object[]) =>
      t.client.send(
        new PutTraceSegmentsCommand({ TraceSegmentDocuments: docs.map((d) => JSON.stringify(d)) }),
      );
    for (let i = 0; i < traces.length; i += 500) {
      const batch = traces.slice(i, i + 500);
      // Each segment is sent in progress twice, then complete: two thirds of the log is dead.
      const open = batch.map((x) => ({ ...x.segment, end_time: undefined, in_progress: true }));
      await put(open);
      await put(open);
      await put(batch.map((x) => x.segment));
    }
    const log = path.join(t.dir, 'segments.log');
    const before = fs.statSync(log).size;
    t.server.backend.maintain();
    expect(t.logs.some((l) => l.startsWith('store: compacted the log'))).toBe(true);
    expect(fs.statSync(log).size).toBeLessThan(before / 2);
    const dir = t.dir;
    await t.close();

    const again = await startTestServer({ dataDir: dir });
    try {
      expect(again.server.backend.traces.traceCount).toBe(traces.length);
      const sample = traces.filter((_, i) => i % 800 === 0).map((x) => x.id);
      const res = await again.client.send(new BatchGetTracesCommand({ TraceIds: sample }));
      const docs = (res.Traces ?? []).map((tr) => JSON.parse(tr.Segments?.[0]?.Document ?? '{}'));
      expect(docs.every((d) => typeof d.end_time === 'number' && d.in_progress !== true)).toBe(
        true,
      );
    } finally {
      await again.close();
    }
  });

  it('drops traces older than the retention period', async () => {
    const t = await startTestServer({ retentionHours: 1 });
    try {
      const old = makeTrace({ start: nowSec() - 7200 });
      const fresh = makeTrace({ start: nowSec() - 60 });
      await t.client.send(
        new PutTraceSegmentsCommand({
          TraceSegmentDocuments: [old, fresh].map((x) => JSON.stringify(x.segment)),
        }),
      );
      t.server.backend.maintain();
      const res = await t.client.send(new BatchGetTracesCommand({ TraceIds: [old.id, fresh.id] }));
      expect(res.UnprocessedTraceIds).toEqual([old.id]);
      expect(res.Traces?.map((x) => x.Id)).toEqual([fresh.id]);
    } finally {
      await t.close();
    }
  });
});

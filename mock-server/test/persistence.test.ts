import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import {
  BatchGetTracesCommand,
  CreateGroupCommand,
  GetGroupCommand,
  PutTraceSegmentsCommand,
} from '@aws-sdk/client-xray';
import { describe, expect, it } from 'vitest';
import { type Child, runMain, spawnServer } from './child-server.ts';
import { makeTrace, nowSec } from './fixtures.ts';
import { sdkClient, startTestServer, tempDir } from './harness.ts';

async function allFound(url: string, ids: string[]): Promise<string[]> {
  const client = sdkClient(url);
  const missing: string[] = [];
  for (let i = 0; i < ids.length; i += 5) {
    const res = await client.send(new BatchGetTracesCommand({ TraceIds: ids.slice(i, i + 5) }));
    missing.push(...(res.UnprocessedTraceIds ?? []));
  }
  client.destroy();
  return missing;
}

describe('crash safety', () => {
  it('keeps every acknowledged segment and group after kill -9 during HTTP and UDP ingest', async () => {
    const dir = tempDir();
    const first: Child = await spawnServer(['--data-dir', dir, '--udp-port', '0']);
    const client = sdkClient(first.url);
    await client.send(new CreateGroupCommand({ GroupName: 'survivor', FilterExpression: 'fault' }));

    const acked: string[] = [];
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        const batch = Array.from({ length: 20 }, () => makeTrace({ start: nowSec() - 10 }));
        try {
          const res = await client.send(
            new PutTraceSegmentsCommand({
              TraceSegmentDocuments: batch.map((b) => JSON.stringify(b.segment)),
            }),
          );
          if (res.UnprocessedTraceSegments?.length === 0) acked.push(...batch.map((b) => b.id));
        } catch {
          return; // the server died mid-request: that batch was never acknowledged
        }
      }
    })();
    const udp = dgram.createSocket('udp4');
    const udpSender = setInterval(() => {
      const doc = makeTrace({ start: nowSec() - 10 }).segment;
      udp.send(
        `{"format":"json","version":1}\n${JSON.stringify(doc)}`,
        first.udpPort as number,
        '127.0.0.1',
      );
    }, 2);

    await new Promise((r) => setTimeout(r, 1500));
    first.proc.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    stop = true;
    clearInterval(udpSender);
    udp.close();
    await writer;
    client.destroy();
    expect(acked.length).toBeGreaterThan(100);

    const second = await spawnServer(['--data-dir', dir, '--no-udp']);
    try {
      expect(await allFound(second.url, acked)).toEqual([]);
      const c2 = sdkClient(second.url);
      const g = await c2.send(new GetGroupCommand({ GroupName: 'survivor' }));
      expect(g.Group?.FilterExpression).toBe('fault');
      c2.destroy();
    } finally {
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('drops a torn last record with a log line, keeps everything before it', async () => {
    const dir = tempDir();
    const t = await startTestServer({ dataDir: dir });
    const traces = [makeTrace({ start: nowSec() - 20 }), makeTrace({ start: nowSec() - 10 })];
    await t.client.send(
      new PutTraceSegmentsCommand({
        TraceSegmentDocuments: traces.map((x) => JSON.stringify(x.segment)),
      }),
    );
    await t.close();
    const log = path.join(dir, 'segments.log');
    const size = fs.statSync(log).size;
    // A record header promising 500 bytes, followed by only a few: what a crash mid-write leaves.
    const torn = Buffer.alloc(20);
    torn[0] = 0x53;
    torn.writeUInt32LE(500, 1);
    fs.appendFileSync(log, torn);

    const again = await startTestServer({ dataDir: dir });
    try {
      expect(
        again.logs.some((l) => l.includes(`dropped a torn/corrupt record at byte ${size}`)),
      ).toBe(true);
      expect(fs.statSync(log).size).toBe(size);
      expect(
        await allFound(
          again.server.url,
          traces.map((x) => x.id),
        ),
      ).toEqual([]);
      // And the log keeps working after the cut.
      const more = makeTrace({ start: nowSec() - 5 });
      await again.client.send(
        new PutTraceSegmentsCommand({ TraceSegmentDocuments: [JSON.stringify(more.segment)] }),
      );
      expect(await allFound(again.server.url, [more.id])).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('detects a corrupted checksum in the last record', async () => {
    const dir = tempDir();
    const t = await startTestServer({ dataDir: dir });
    const a = makeTrace({ start: nowSec() - 20 });
    const b = makeTrace({ start: nowSec() - 10 });
    await t.client.send(
      new PutTraceSegmentsCommand({ TraceSegmentDocuments: [JSON.stringify(a.segment)] }),
    );
    await t.client.send(
      new PutTraceSegmentsCommand({ TraceSegmentDocuments: [JSON.stringify(b.segment)] }),
    );
    await t.close();
    const log = path.join(dir, 'segments.log');
    const bytes = fs.readFileSync(log);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0xff; // flip a byte inside b
    fs.writeFileSync(log, bytes);
    const again = await startTestServer({ dataDir: dir });
    try {
      expect(again.logs.some((l) => l.includes('dropped a torn/corrupt record'))).toBe(true);
      expect(await allFound(again.server.url, [a.id])).toEqual([]);
      expect(await allFound(again.server.url, [b.id])).toEqual([b.id]);
    } finally {
      await again.close();
    }
  });

  it('refuses to start with an unusable data dir, saying why, with a non-zero exit', async () => {
    const file = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    const { code, output } = await runMain([
      '--port',
      '0',
      '--no-udp',
      '--data-dir',
      path.join(file, 'data'),
    ]);
    expect(code).toBe(1);
    expect(output).toMatch(/error: could not start: data dir .*not-a-dir\/data is not writable/);
  });

  it('prints every flag with --help', async () => {
    const { code, output } = await runMain(['--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--host',
      '--port',
      '--udp-port',
      '--data-dir',
      '--demo',
      '--no-demo',
      '--seed',
      '--static',
    ]) {
      expect(output).toContain(flag);
    }
  });
});

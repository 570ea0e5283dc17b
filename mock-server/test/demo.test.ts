import {
  GetGroupsCommand,
  GetServiceGraphCommand,
  GetTraceSummariesCommand,
} from '@aws-sdk/client-xray';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestDoc } from '../../src/xray/types.ts';
import { createDemoSystem } from '../generator/demo.ts';
import { at, makeTrace, nowSec } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('--demo', () => {
  it('back-fills six hours, creates the demo groups, and shows them on the map', async () => {
    const system = createDemoSystem({ seed: 7, ratePerSecond: 0.05 });
    t = await startTestServer({ demo: true, demoSystem: system });
    await t.server.ready;
    const now = nowSec();
    const expected = system.countTraces(Math.floor(now) - 6 * 3600, Math.floor(now) - 60);
    let listed = 0;
    // Every back-filled trace of the first five and a half hours is listed.
    for (let from = Math.floor(now) - 6 * 3600; from < Math.floor(now) - 60; from += 3600) {
      const to = Math.min(from + 3600, Math.floor(now) - 60);
      let token: string | undefined;
      do {
        const page = await t.client.send(
          new GetTraceSummariesCommand({
            StartTime: at(from),
            EndTime: at(to),
            ...(token ? { NextToken: token } : {}),
          }),
        );
        listed += page.TraceSummaries?.length ?? 0;
        token = page.NextToken;
      } while (token);
    }
    expect(listed).toBe(expected);
    const groups = await t.client.send(new GetGroupsCommand({}));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(
      expect.arrayContaining(system.groups.map((g) => g.GroupName)),
    );
    const graph = await t.client.send(
      new GetServiceGraphCommand({ StartTime: at(now - 6 * 3600), EndTime: at(now) }),
    );
    expect(graph.Services?.some((s) => s.Root)).toBe(true);
    expect(t.logs.filter((l) => l.startsWith('demo:'))).toEqual([]);
  });

  it('keeps generating in real time without writing demo data to the log', async () => {
    // One trace per second, so a live tick is visible within a few seconds.
    const perSecond = {
      groups: [],
      generate(from: number, to: number): IngestDoc[] {
        const docs: IngestDoc[] = [];
        for (let s = Math.ceil(from); s < to; s++) docs.push(makeTrace({ start: s }).segment);
        return docs;
      },
    };
    t = await startTestServer({ demo: true, demoSystem: perSecond });
    await t.server.ready;
    const started = nowSec();
    const count = async (from: number) =>
      (
        await t?.client.send(
          new GetTraceSummariesCommand({ StartTime: at(from), EndTime: at(nowSec() + 5) }),
        )
      )?.TraceSummaries?.length ?? 0;
    await new Promise((r) => setTimeout(r, 3500));
    expect(await count(started)).toBeGreaterThanOrEqual(2);
    // Demo documents are not in the log.
    expect(t.server.backend.counters.documentsAccepted).toBe(0);
  });
});

import {
  CreateSamplingRuleCommand,
  DeleteSamplingRuleCommand,
  GetSamplingRulesCommand,
  GetSamplingTargetsCommand,
  InvalidRequestException,
  PutTelemetryRecordsCommand,
  paginateGetSamplingRules,
  RuleLimitExceededException,
  type SamplingRule,
  UpdateSamplingRuleCommand,
} from '@aws-sdk/client-xray';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const rule = (name: string, priority = 100): SamplingRule => ({
  RuleName: name,
  ResourceARN: '*',
  Priority: priority,
  FixedRate: 0.5,
  ReservoirSize: 2,
  ServiceName: 'checkout',
  ServiceType: '*',
  Host: '*',
  HTTPMethod: 'POST',
  URLPath: '/pay*',
  Version: 1,
});

describe('sampling rules', () => {
  it('lists the Default rule, creates, updates, targets and deletes rules, and persists them', async () => {
    t = await startTestServer();
    const initial = await t.client.send(new GetSamplingRulesCommand({}));
    expect(initial.SamplingRuleRecords?.map((r) => r.SamplingRule)).toMatchObject([
      { RuleName: 'Default', Priority: 10000, FixedRate: 0.05, ReservoirSize: 1, Version: 1 },
    ]);

    const created = await t.client.send(
      new CreateSamplingRuleCommand({ SamplingRule: rule('payments') }),
    );
    expect(created.SamplingRuleRecord?.SamplingRule?.RuleARN).toMatch(/:sampling-rule\/payments$/);
    expect(created.SamplingRuleRecord?.CreatedAt).toBeInstanceOf(Date);

    const updated = await t.client.send(
      new UpdateSamplingRuleCommand({
        SamplingRuleUpdate: { RuleName: 'payments', FixedRate: 0.25 },
      }),
    );
    expect(updated.SamplingRuleRecord?.SamplingRule).toMatchObject({
      FixedRate: 0.25,
      ReservoirSize: 2,
    });

    const names: string[] = [];
    for await (const page of paginateGetSamplingRules({ client: t.client }, {})) {
      names.push(
        ...(page.SamplingRuleRecords ?? []).map((r) => r.SamplingRule?.RuleName as string),
      );
    }
    expect(names).toEqual(['payments', 'Default']);

    const targets = await t.client.send(
      new GetSamplingTargetsCommand({
        SamplingStatisticsDocuments: [
          {
            RuleName: 'payments',
            ClientID: 'c'.repeat(24),
            Timestamp: new Date(),
            RequestCount: 10,
            SampledCount: 2,
          },
        ],
      }),
    );
    expect(targets.SamplingTargetDocuments).toMatchObject([
      { RuleName: 'payments', FixedRate: 0.25, ReservoirQuota: 2 },
    ]);
    expect(targets.LastRuleModification).toBeInstanceOf(Date);

    const dir = t.dir;
    await t.close();
    t = await startTestServer({ dataDir: dir });
    const after = await t.client.send(new GetSamplingRulesCommand({}));
    expect(after.SamplingRuleRecords?.map((r) => r.SamplingRule?.FixedRate)).toEqual([0.25, 0.05]);

    await t.client.send(new DeleteSamplingRuleCommand({ RuleName: 'payments' }));
    const left = await t.client.send(new GetSamplingRulesCommand({}));
    expect(left.SamplingRuleRecords?.map((r) => r.SamplingRule?.RuleName)).toEqual(['Default']);
  });

  it('rejects invalid rules, duplicates, unknown names and deleting Default', async () => {
    t = await startTestServer();
    const c = t.client;
    await expect(
      c.send(new CreateSamplingRuleCommand({ SamplingRule: { ...rule('r'), FixedRate: 2 } })),
    ).rejects.toThrow(/FixedRate must be between 0 and 1/);
    await expect(
      c.send(new CreateSamplingRuleCommand({ SamplingRule: { ...rule('r'), Priority: 0 } })),
    ).rejects.toThrow(/Priority/);
    await c.send(new CreateSamplingRuleCommand({ SamplingRule: rule('r') }));
    await expect(
      c.send(new CreateSamplingRuleCommand({ SamplingRule: rule('r') })),
    ).rejects.toBeInstanceOf(InvalidRequestException);
    await expect(c.send(new DeleteSamplingRuleCommand({ RuleName: 'Default' }))).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      c.send(
        new UpdateSamplingRuleCommand({
          SamplingRuleUpdate: { RuleName: 'ghost', FixedRate: 0.1 },
        }),
      ),
    ).rejects.toThrow(/not found/);
    for (let i = 1; i < 25; i++)
      await c.send(new CreateSamplingRuleCommand({ SamplingRule: rule(`r${i}`) }));
    await expect(
      c.send(new CreateSamplingRuleCommand({ SamplingRule: rule('one-too-many') })),
    ).rejects.toBeInstanceOf(RuleLimitExceededException);
  });

  it('accepts telemetry records and ignores them', async () => {
    t = await startTestServer();
    const res = await t.client.send(
      new PutTelemetryRecordsCommand({
        TelemetryRecords: [{ Timestamp: new Date(), SegmentsReceivedCount: 3 }],
      }),
    );
    expect(res.$metadata.httpStatusCode).toBe(200);
  });
});

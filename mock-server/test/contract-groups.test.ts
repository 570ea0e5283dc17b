import {
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  GetGroupsCommand,
  InvalidRequestException,
  paginateGetGroups,
  UpdateGroupCommand,
} from '@aws-sdk/client-xray';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let t: TestServer | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('groups', () => {
  it('creates, reads, updates, lists and deletes a group, wrapped as X-Ray wraps them', async () => {
    t = await startTestServer();
    const created = await t.client.send(
      new CreateGroupCommand({
        GroupName: 'checkout-errors',
        FilterExpression: 'service("checkout") { fault }',
      }),
    );
    expect(created.Group?.GroupName).toBe('checkout-errors');
    expect(created.Group?.GroupARN).toMatch(
      /^arn:aws:xray:us-east-1:\d{12}:group\/checkout-errors\/\w+$/,
    );
    expect(created.Group?.InsightsConfiguration).toEqual({
      InsightsEnabled: false,
      NotificationsEnabled: false,
    });

    const byArn = await t.client.send(new GetGroupCommand({ GroupARN: created.Group?.GroupARN }));
    expect(byArn.Group?.FilterExpression).toBe('service("checkout") { fault }');

    const updated = await t.client.send(
      new UpdateGroupCommand({ GroupName: 'checkout-errors', FilterExpression: 'fault OR error' }),
    );
    expect(updated.Group).toMatchObject({
      GroupARN: created.Group?.GroupARN,
      FilterExpression: 'fault OR error',
    });

    const names: string[] = [];
    for await (const page of paginateGetGroups({ client: t.client }, {})) {
      names.push(...(page.Groups ?? []).map((g) => g.GroupName as string));
    }
    expect(names).toEqual(['Default', 'checkout-errors']);

    const deleted = await t.client.send(new DeleteGroupCommand({ GroupName: 'checkout-errors' }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    const after = await t.client.send(new GetGroupsCommand({}));
    expect(after.Groups?.map((g) => g.GroupName)).toEqual(['Default']);
  });

  it('rejects invalid filters with the parser message, bad names, Default and duplicates', async () => {
    t = await startTestServer();
    const client = t.client;
    const expectInvalid = async (p: Promise<unknown>, message: RegExp) => {
      const err = await p.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InvalidRequestException);
      expect((err as Error).message).toMatch(message);
      expect((err as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
    };
    await expectInvalid(
      client.send(
        new CreateGroupCommand({ GroupName: 'g1', FilterExpression: 'responsetime >>> 5' }),
      ),
      /^Invalid filter expression: .+\(at /,
    );
    await expectInvalid(
      client.send(new CreateGroupCommand({ GroupName: 'has space' })),
      /Invalid group name/,
    );
    await expectInvalid(
      client.send(new CreateGroupCommand({ GroupName: 'x'.repeat(33) })),
      /1\.\.32 characters/,
    );
    await expectInvalid(client.send(new CreateGroupCommand({ GroupName: 'Default' })), /reserved/);
    await client.send(new CreateGroupCommand({ GroupName: 'g1', FilterExpression: 'fault' }));
    await expectInvalid(
      client.send(new CreateGroupCommand({ GroupName: 'g1', FilterExpression: 'error' })),
      /already exists/,
    );
    await expectInvalid(
      client.send(new GetGroupCommand({ GroupName: 'nope' })),
      /Group not found: nope/,
    );
    await expectInvalid(client.send(new GetGroupCommand({})), /GroupName or GroupARN is required/);
    await expectInvalid(
      client.send(new DeleteGroupCommand({ GroupName: 'Default' })),
      /cannot be deleted/,
    );
    await expectInvalid(
      client.send(new UpdateGroupCommand({ GroupName: 'g1', FilterExpression: 'annotation.' })),
      /^Invalid filter expression/,
    );
    // A failed update leaves the group as it was.
    expect(
      (await client.send(new GetGroupCommand({ GroupName: 'g1' }))).Group?.FilterExpression,
    ).toBe('fault');
  });

  it('keeps groups across a restart', async () => {
    t = await startTestServer();
    const dir = t.dir;
    await t.client.send(
      new CreateGroupCommand({ GroupName: 'slow', FilterExpression: 'responsetime > 2' }),
    );
    await t.close();
    t = await startTestServer({ dataDir: dir });
    const res = await t.client.send(new GetGroupCommand({ GroupName: 'slow' }));
    expect(res.Group?.FilterExpression).toBe('responsetime > 2');
  });
});

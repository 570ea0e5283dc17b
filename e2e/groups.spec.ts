import { expect, test } from '@playwright/test';
import { putSegments, simpleTrace } from './ingest.ts';
import { type MockServer, removeDataDir, startMockServer } from './server.ts';

// This spec restarts its own server, so it runs its tests in order on one server.
test.describe.configure({ mode: 'serial' });

let server: MockServer;
const now = () => Date.now() / 1000;

test.beforeAll(async () => {
  server = await startMockServer({ demo: false });
  const docs: string[] = [];
  for (let i = 0; i < 6; i++)
    docs.push(
      ...simpleTrace({ entry: 'alpha', downstream: 'beta', startSec: now() - 60 - i, status: 500 }),
    );
  for (let i = 0; i < 4; i++)
    docs.push(...simpleTrace({ entry: 'gamma', startSec: now() - 90 - i }));
  await putSegments(server.url, docs);
});

test.afterAll(async () => {
  await server.stop();
  removeDataDir(server.dataDir);
});

test('groups: create (invalid, then valid), scope map and list, survive reload and restart, delete', async ({
  page,
}) => {
  await page.goto(`${server.url}/groups`);
  await page.getByRole('button', { name: 'New group' }).click();
  const form = page.getByRole('form', { name: 'New group' });
  await form.getByRole('textbox', { name: 'Name' }).fill('alpha-only');

  // An invalid expression is pointed at, and nothing is created.
  const box = form.getByRole('combobox', { name: 'Group filter expression' });
  await box.fill('service("alpha") { respnsetime > 1 }');
  await box.press('Escape'); // close the suggestions, as a person would before clicking
  await expect(form.getByText(/unknown keyword `respnsetime`/).first()).toBeVisible();
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByRole('row', { name: 'Group alpha-only' })).toHaveCount(0);

  await box.fill('service("alpha")');
  await box.press('Escape');
  await form.getByRole('button', { name: 'Create group' }).click();
  const row = page.getByRole('row', { name: 'Group alpha-only' });
  await expect(row).toBeVisible();
  await expect(row.getByText('service("alpha")')).toBeVisible();
  await expect(row.getByText(/6 requests/)).toBeVisible();

  // The server refuses a duplicate, and the console shows its message.
  await page.getByRole('button', { name: 'New group' }).click();
  await form.getByRole('textbox', { name: 'Name' }).fill('alpha-only');
  await form.getByRole('combobox', { name: 'Group filter expression' }).fill('fault');
  await form.getByRole('combobox', { name: 'Group filter expression' }).press('Escape');
  await form.getByRole('button', { name: 'Create group' }).click();
  await expect(form.getByText(/The server refused the group: .*alpha-only/)).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Selecting the group scopes the map: gamma is outside it.
  await page.getByRole('combobox', { name: 'Group' }).selectOption('alpha-only');
  await page.getByRole('link', { name: 'Service map' }).click();
  const services = page.getByRole('table').filter({ hasText: 'Services in the map' });
  // The services table is the map's accessible twin (visually hidden until "Table" is pressed).
  await expect(services.getByText('beta', { exact: true }).first()).toBeAttached();
  await expect(services.getByText('alpha', { exact: true }).first()).toBeAttached();
  await expect(services.getByText('gamma', { exact: true })).toHaveCount(0);

  // …and the list: only alpha's six traces.
  await page.getByRole('link', { name: 'Traces', exact: true }).click();
  const traces = page.getByRole('table', { name: 'Traces' });
  await expect(traces.getByRole('link', { name: /^1-/ })).toHaveCount(6);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue('alpha-only');
  await expect(traces.getByRole('link', { name: /^1-/ })).toHaveCount(6);

  // A restart keeps the group (and the traces).
  const { port, dataDir } = server;
  await server.stop();
  server = await startMockServer({ demo: false, port, dataDir });
  await page.goto(`${server.url}/groups`);
  await expect(page.getByRole('row', { name: 'Group alpha-only' })).toBeVisible();

  // Delete with confirmation.
  await page
    .getByRole('row', { name: 'Group alpha-only' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page
    .getByRole('alertdialog', { name: 'Delete group alpha-only?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('row', { name: 'Group alpha-only' })).toHaveCount(0);
  const res = await fetch(`${server.url}/GetGroup`, {
    method: 'POST',
    body: JSON.stringify({ GroupName: 'alpha-only' }),
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
});

test('"save as group" from the Traces view pre-fills the group form', async ({ page }) => {
  await page.goto(
    `${server.url}/traces?filter=${encodeURIComponent(JSON.stringify('service("gamma")'))}`,
  );
  await page.getByRole('link', { name: /save as group/i }).click();
  await expect(page).toHaveURL(/\/groups/);
  await expect(page.getByRole('combobox', { name: 'Group filter expression' })).toHaveValue(
    'service("gamma")',
  );
});

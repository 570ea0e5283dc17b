import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { putSegments, simpleTrace } from './ingest.ts';
import { type MockServer, removeDataDir, startMockServer } from './server.ts';

/**
 * Faults seen from the browser (issue #9): the server goes away and comes back, the server is
 * slower than the auto-refresh interval, and views get input they cannot show. Each test starts
 * its own server (with a few known traces) because one of them stops and restarts it.
 */

test.describe.configure({ timeout: 180_000 });

async function serverWithTraces(): Promise<MockServer> {
  const server = await startMockServer({ demo: false });
  const now = Date.now() / 1000;
  const docs: string[] = [];
  for (let i = 0; i < 5; i++)
    docs.push(
      ...simpleTrace({ entry: 'front', downstream: 'back', startSec: now - 30 - i, status: 200 }),
    );
  await putSegments(server.url, docs);
  return server;
}

const banner = (page: Page) =>
  page.getByRole('alert').filter({ hasText: 'Lost connection to the X-Ray API' });
const rows = (page: Page) => page.getByRole('table', { name: 'Traces' }).locator('tbody tr');

test('a lost server shows the banner; it clears by itself when the server is back', async ({
  page,
}) => {
  let server = await serverWithTraces();
  const { port, dataDir } = server;
  try {
    await page.goto(`${server.url}/traces?last=1h&refresh=10s`);
    await expect(rows(page)).toHaveCount(5, { timeout: 45_000 });
    await expect(banner(page)).toHaveCount(0);

    await server.stop();
    // The next auto-refresh (≤ 10 s) fails at the network level.
    await expect(banner(page)).toBeVisible({ timeout: 30_000 });
    // The rows already shown stay on screen while the server is away.
    await expect(rows(page)).toHaveCount(5);

    server = await startMockServer({ port, dataDir, demo: false });
    // No reload, no click: the banner's probe notices the server and the view refreshes.
    await expect(banner(page)).toHaveCount(0, { timeout: 30_000 });
    await expect(rows(page)).toHaveCount(5);
    // New data written after the restart shows up through the ordinary refresh.
    await putSegments(server.url, simpleTrace({ entry: 'front', startSec: Date.now() / 1000 - 5 }));
    await expect(rows(page)).toHaveCount(6, { timeout: 30_000 });
  } finally {
    await server.stop();
    removeDataDir(dataDir);
  }
});

/**
 * Every X-Ray call the page makes, grouped by what it asks (path + body without the time
 * window, which moves with a relative range): how many ran and the most in flight at once.
 */
function trackInFlight(page: Page) {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const started = new Map<string, number>();
  const keyOf = new WeakMap<Request, string>();
  const keyFor = (r: Request): string | undefined => {
    const path = new URL(r.url()).pathname;
    if (r.method() !== 'POST' || path.startsWith('/assets')) return undefined;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(r.postData() ?? '{}') as Record<string, unknown>;
    } catch {
      // not JSON: key by path alone
    }
    const { StartTime: _s, EndTime: _e, ...rest } = body;
    return `${path} ${JSON.stringify(rest)}`;
  };
  page.on('request', (r) => {
    const key = keyFor(r);
    if (!key) return;
    keyOf.set(r, key);
    const n = (inFlight.get(key) ?? 0) + 1;
    inFlight.set(key, n);
    started.set(key, (started.get(key) ?? 0) + 1);
    maxInFlight.set(key, Math.max(maxInFlight.get(key) ?? 0, n));
  });
  const done = (r: Request) => {
    const key = keyOf.get(r);
    if (key) inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { started, maxInFlight };
}

test('auto-refresh never stacks requests when the server is slower than the interval', async ({
  page,
}) => {
  const server = await serverWithTraces();
  try {
    const slowMs = 14_000; // longer than the 10 s refresh interval
    let calls = 0;
    // The first answer is quick (the list shows); every later one is slow.
    await page.route(/\/TraceSummaries$/, async (route) => {
      if (calls++ > 0) await new Promise((r) => setTimeout(r, slowMs));
      await route.continue().catch(() => undefined); // the page may have aborted it meanwhile
    });
    const { started, maxInFlight } = trackInFlight(page);
    await page.goto(`${server.url}/traces?last=1h&refresh=10s`);
    await expect(rows(page)).toHaveCount(5, { timeout: 45_000 });
    // Four and a half refresh intervals with every answer taking 1.4 intervals.
    await page.waitForTimeout(45_000);

    const list = [...started.keys()].filter((k) => k.startsWith('/TraceSummaries'));
    expect(list.length).toBeGreaterThan(0);
    const listCalls = list.reduce((n, k) => n + (started.get(k) ?? 0), 0);
    // The refresh did run (not just the first load)…
    expect(listCalls).toBeGreaterThanOrEqual(3);
    // …and never more than one request per query in flight at a time.
    for (const [key, max] of maxInFlight) expect(max, key).toBeLessThanOrEqual(1);
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

test('views report bad input and bad answers instead of going blank', async ({ page }) => {
  const server = await serverWithTraces();
  try {
    // A malformed trace id in the path: a message, with the shell still usable.
    await page.goto(`${server.url}/trace/not-an-id`);
    await expect(page.getByRole('alert', { name: 'Invalid trace ID' })).toContainText(
      'is not an X-Ray trace ID',
    );
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();

    // A well-formed id nobody stored.
    await page.goto(`${server.url}/trace/1-5f000000-000000000000000000000000`);
    await expect(page.getByRole('alert', { name: 'Trace not found' })).toBeVisible({
      timeout: 30_000,
    });

    // A route that does not exist.
    await page.goto(`${server.url}/no-such-view`);
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await expect(page.locator('main, #root').first()).not.toBeEmpty();

    // The server answers garbage (not JSON) for the trace: an error message, not a blank page.
    const id = '1-5f000001-000000000000000000000001';
    await page.route('**/Traces', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"Traces": [' }),
    );
    await page.goto(`${server.url}/trace/${id}`);
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // The server answers a trace whose documents have fields of the wrong type: the ill-formed
    // pieces are counted and left out, the rest is shown and every detail tab opens.
    const nasty = [
      { id: 'aaaaaaaaaaaaaaaa', name: { not: 'a string' }, start_time: 'soon', subsegments: 'x' },
      { id: 'bbbbbbbbbbbbbbbb', parent_id: 'aaaaaaaaaaaaaaaa', name: 7, start_time: null },
      {
        id: 'cccccccccccccccc',
        name: 'ok',
        start_time: 1,
        end_time: 2,
        cause: 42,
        http: [],
        annotations: 'x',
        metadata: [1, { a: null }],
        sql: 5,
        subsegments: [{ id: 'dddddddddddddddd', name: ['x'], start_time: 1 }, 'junk'],
      },
    ];
    await page.route('**/Traces', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          Traces: [
            {
              Id: id,
              Duration: 1,
              Segments: nasty.map((d) => ({ Id: d.id, Document: JSON.stringify(d) })),
            },
          ],
          UnprocessedTraceIds: [],
        }),
      }),
    );
    await page.goto(`${server.url}/trace/${id}`);
    const tree = page.getByRole('tree', { name: 'Trace timeline' });
    await expect(tree.getByRole('treeitem')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByText(/4 segment documents .* not shown/)).toBeVisible();
    await tree.getByRole('treeitem').first().click();
    const details = page.getByRole('complementary', { name: 'Segment details' });
    for (const t of [
      'Overview',
      'Resources',
      'Annotations',
      'Metadata',
      'Exceptions',
      'SQL',
      'Raw',
    ]) {
      await details.getByRole('tab', { name: new RegExp(`^${t}`) }).click();
      await expect(page.getByText('failed to render')).toHaveCount(0);
    }
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await server.stop();
    removeDataDir(server.dataDir);
  }
});

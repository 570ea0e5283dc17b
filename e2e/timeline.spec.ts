import type { Page } from '@playwright/test';
import { generateBigTrace } from '../mock-server/generator/big-trace.ts';
import { createDemoSystem } from '../mock-server/generator/demo.ts';
import { HOSTILE_GLOBAL } from '../mock-server/generator/hostile.ts';
import type {
  BatchGetTracesResult,
  EntityDoc,
  GetTraceSummariesResult,
  SegmentDoc,
  SubsegmentDoc,
} from '../src/xray/types.ts';
import { expect, test } from './fixtures.ts';
import { putSegments } from './ingest.ts';
import { startMockServer } from './server.ts';

/** The trace view (/trace/$traceId) against the real mock server; facts come from the API. */

async function api<T>(base: string, path: string, body: object): Promise<T> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Piece = SegmentDoc & SubsegmentDoc;

/**
 * Every piece of a trace as BatchGetTraces returns it (segments, inferred segments and nested
 * subsegments), and how many of them are segments (the API's top-level entries).
 */
async function tracePieces(base: string, id: string): Promise<{ all: Piece[]; segments: number }> {
  const res = await api<BatchGetTracesResult>(base, '/Traces', { TraceIds: [id] });
  const all: Piece[] = [];
  const top = res.Traces?.[0]?.Segments ?? [];
  const stack: EntityDoc[] = top.map((s) => JSON.parse(s.Document ?? '{}') as EntityDoc);
  for (let d = stack.pop(); d; d = stack.pop()) {
    all.push(d as Piece);
    stack.push(...(d.subsegments ?? []));
  }
  return { all, segments: top.length };
}

/** A demo trace from the last hour with a fault piece that recorded an exception. */
async function faultyTrace(base: string) {
  const now = Math.floor(Date.now() / 1000);
  let token: string | undefined;
  // A page may hold few or no summaries while NextToken is set: keep scanning a few pages.
  for (let page = 0; page < 20; page++) {
    const res: GetTraceSummariesResult = await api<GetTraceSummariesResult>(
      base,
      '/TraceSummaries',
      { StartTime: now - 3600, EndTime: now, FilterExpression: 'fault', NextToken: token },
    );
    for (const s of (res.TraceSummaries ?? []).slice(0, 20)) {
      const { all: pieces, segments } = await tracePieces(base, s.Id as string);
      const faulty = pieces.find(
        (p) =>
          p.fault === true &&
          typeof p.cause === 'object' &&
          (p.cause.exceptions?.length ?? 0) > 0 &&
          p.cause.exceptions?.[0]?.message,
      );
      if (faulty && typeof faulty.cause === 'object')
        return {
          id: s.Id as string,
          pieces,
          segments,
          faulty,
          exception: faulty.cause.exceptions?.[0],
        };
    }
    token = res.NextToken;
    if (!token) break;
  }
  throw new Error('the demo has no faulty trace with an exception in the last hour');
}

const tree = (page: Page) => page.getByRole('tree', { name: 'Trace timeline' });
/** aria-setsize of the rows = number of visible rows, whether rendered or virtualized away. */
const visibleRowCount = async (page: Page) =>
  Number(await tree(page).getByRole('treeitem').first().getAttribute('aria-setsize'));

test('a faulty demo trace opens by URL: fault row labelled, exception in the Exceptions tab', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const { id, pieces, faulty, exception } = await faultyTrace(baseURL as string);
  await page.goto(`/trace/${id}`);
  await expect(page.getByRole('heading', { name: `Trace ${id}` })).toBeVisible();
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  // Every piece is a row (inferred segments are pieces of the API answer too).
  expect(await visibleRowCount(page)).toBe(pieces.length);

  // Search by the piece id: it becomes the selected row and scrolls into view.
  await page.getByRole('searchbox', { name: 'Search in trace' }).fill(faulty.id);
  await expect(page.getByRole('status').filter({ hasText: /1 match/ })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search in trace' }).press('Enter');
  const row = tree(page).getByRole('treeitem', { selected: true });
  await expect(row).toHaveAttribute('aria-label', new RegExp(`^${escapeRe(faulty.name)} .*fault`));
  await expect(row.getByText('fault', { exact: true })).toBeVisible();
  // Colour too (pattern + colour): the bar is painted with the theme's fault colour.
  const faultColour = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--fault').trim(),
  );
  const barBackground = await row
    .locator('.wf-bar')
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(barBackground).toContain(hexToRgb(faultColour));

  const details = page.getByRole('complementary', { name: 'Segment details' });
  await expect(details.getByRole('heading', { name: faulty.name })).toBeVisible();
  await details.getByRole('tab', { name: /Exceptions/ }).click();
  await expect(page).toHaveURL(/tab=(%22)?exceptions/);
  const list = details.getByRole('list', { name: 'Exceptions' });
  // Long messages are cut on screen (the rest is one click away): match their beginning.
  await expect(
    list.getByText(String(exception?.message).slice(0, 60), { exact: false }).first(),
  ).toBeVisible();
  if (exception?.type)
    await expect(
      list.getByText(exception.type.slice(0, 60), { exact: false }).first(),
    ).toBeVisible();
  if (exception?.stack?.[0]?.label)
    await expect(
      list
        .getByRole('list', { name: 'Stack frames' })
        .first()
        .getByText(exception.stack[0].label.slice(0, 60), {
          exact: false,
        })
        .first(),
    ).toBeVisible();

  // Trace data is shown as text: markup in it (the demo has a hostile trace) never runs.
  expect(
    await page.evaluate(
      (name) => (window as unknown as Record<string, unknown>)[name],
      HOSTILE_GLOBAL,
    ),
  ).toBeUndefined();

  // The selection and tab survive a reload (they live in the URL).
  await page.reload();
  await expect(details.getByRole('tab', { name: /Exceptions/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect(consoleErrors).toEqual([]);
});

test('collapse and expand subtrees, all rows, services only, and the keyboard', async ({
  page,
  baseURL,
}) => {
  const { id, pieces, segments } = await faultyTrace(baseURL as string);
  await page.goto(`/trace/${id}`);
  const first = tree(page).getByRole('treeitem').first();
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  const all = pieces.length;
  expect(await visibleRowCount(page)).toBe(all);
  const rootName = (await first.getAttribute('aria-label'))?.split(' (')[0] as string;

  await first.getByRole('button', { name: `Collapse ${rootName}`, exact: true }).click();
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  // Only top-level rows remain (one for a trace with a single entry point).
  await expect(tree(page).locator('[role=treeitem]:not([aria-level="1"])')).toHaveCount(0);
  expect(await visibleRowCount(page)).toBeLessThan(all);
  await first.getByRole('button', { name: `Expand ${rootName}`, exact: true }).click();
  await expect.poll(() => visibleRowCount(page)).toBe(all);

  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(tree(page).locator('[role=treeitem]:not([aria-level="1"])')).toHaveCount(0);
  expect(await visibleRowCount(page)).toBe(await tree(page).getByRole('treeitem').count());
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect.poll(() => visibleRowCount(page)).toBe(all);

  await page.getByRole('button', { name: 'Services only' }).click();
  await expect.poll(() => visibleRowCount(page)).toBe(segments);
  await page.getByRole('button', { name: 'Services only' }).click();
  await expect.poll(() => visibleRowCount(page)).toBe(all);

  // Keyboard: Home/down move the cursor, left collapses, right expands, Enter opens details.
  await tree(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowRight');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const second = tree(page).getByRole('treeitem').nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('complementary', { name: 'Segment details' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search in trace' })).toBeFocused();
});

test('search inside the trace highlights matches and steps through them', async ({
  page,
  baseURL,
}) => {
  const { id, pieces } = await faultyTrace(baseURL as string);
  // A term from the data: the name of a piece that occurs more than once, else any name.
  const counts = new Map<string, number>();
  for (const p of pieces) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  const term = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
  const minimum = counts.get(term) as number;

  await page.goto(`/trace/${id}`);
  const box = page.getByRole('searchbox', { name: 'Search in trace' });
  await box.fill(term);
  await expect(page).toHaveURL(/[?&]q=/);
  const status = page.getByRole('toolbar').getByRole('status');
  await expect(status).toHaveText(/\d+ match/);
  const total = Number(/(\d+) match/.exec((await status.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(minimum);
  await expect(
    tree(page)
      .getByRole('treeitem', { name: /matches search/ })
      .first(),
  ).toBeVisible();

  await box.press('Enter');
  await expect(status).toHaveText(`1 of ${total} ${total === 1 ? 'match' : 'matches'}`);
  const selected = tree(page).getByRole('treeitem', { selected: true });
  await expect(selected).toHaveAttribute('aria-label', /matches search/);
  if (total > 1) {
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText(`2 of ${total} matches`);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect(status).toHaveText(`1 of ${total} matches`);
  }
  await box.fill('no-such-thing-in-any-trace-zzz');
  await expect(status).toHaveText('No matches');
});

test('the critical path toggle marks rows and lives in the URL', async ({ page, baseURL }) => {
  const { id } = await faultyTrace(baseURL as string);
  await page.goto(`/trace/${id}`);
  const onPath = tree(page).getByRole('treeitem', { name: /on critical path/ });
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  await expect(onPath).toHaveCount(0);
  await page.getByRole('button', { name: 'Critical path' }).click();
  await expect(page.getByRole('button', { name: 'Critical path' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page).toHaveURL(/critical=true/);
  // The root determines the trace's end, so it is always on the path.
  await expect(tree(page).getByRole('treeitem').first()).toHaveAttribute(
    'aria-label',
    /on critical path/,
  );
  expect(await onPath.count()).toBeGreaterThan(1);
  await page.reload();
  await expect(tree(page).getByRole('treeitem').first()).toHaveAttribute(
    'aria-label',
    /on critical path/,
  );
  await page.getByRole('button', { name: 'Critical path' }).click();
  await expect(onPath).toHaveCount(0);
});

test('dragging across the time axis zooms, the URL keeps it, Reset zoom undoes it', async ({
  page,
  baseURL,
}) => {
  const { id } = await faultyTrace(baseURL as string);
  await page.goto(`/trace/${id}`);
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  const axis = page.getByTitle('Drag to zoom into a time range');
  const box = (await axis.boundingBox()) as { x: number; y: number; width: number; height: number };
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.25, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/zoom=/);
  const zoom = decodeURIComponent(new URL(page.url()).searchParams.get('zoom') ?? '').replace(
    /"/g,
    '',
  );
  const [a, b] = zoom.split('-').map(Number) as [number, number];
  expect(b).toBeGreaterThan(a);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Reset zoom' })).toBeVisible();
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(page).not.toHaveURL(/zoom=/);
});

test('the trace map shows the services of this trace, loaded when opened', async ({
  page,
  baseURL,
}) => {
  const { id } = await faultyTrace(baseURL as string);
  const graph = await api<{ Services?: unknown[] }>(baseURL as string, '/TraceGraph', {
    TraceIds: [id],
  });
  const services = graph.Services?.length ?? 0;
  expect(services).toBeGreaterThan(1);
  await page.goto(`/trace/${id}`);
  const map = page.getByRole('img', { name: /^Trace map:/ });
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  await expect(map).toHaveCount(0);
  await page.getByRole('button', { name: 'Trace map' }).click();
  await expect(map).toHaveAttribute('aria-label', new RegExp(`^Trace map: ${services} services`));
});

test('a 20,000-piece trace ingested through the API opens and scrolls to its last row', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  const server = await startMockServer({ demo: false });
  try {
    const docs = generateBigTrace({
      pieces: 20_000,
      seed: 7,
      startSec: Math.floor(Date.now() / 1000) - 120,
    });
    const traceId = docs[0]?.trace_id as string;
    await putSegments(
      server.url,
      docs.map((d) => JSON.stringify(d)),
    );
    const { all: pieces } = await tracePieces(server.url, traceId);
    expect(pieces.length).toBeGreaterThanOrEqual(20_000);

    await page.goto(`${server.url}/trace/${traceId}`);
    await expect(tree(page).getByRole('treeitem').first()).toBeVisible({ timeout: 30_000 });
    expect(await visibleRowCount(page)).toBe(pieces.length);
    // Only what is on screen is in the DOM.
    expect(await tree(page).getByRole('treeitem').count()).toBeLessThan(200);

    await tree(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = tree(page).locator(`[role=treeitem][aria-posinset="${pieces.length}"]`);
    await expect(last).toBeVisible();
    await expect(last).toBeInViewport();
    expect(consoleErrors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('a hostile demo trace renders its payloads as text in every tab', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const now = Math.floor(Date.now() / 1000);
  // The shared server runs the demo with seed 42 and a 6 h back-fill.
  const ids = createDemoSystem({ seed: 42 }).hostileTraceIds(now - 6 * 3600, now - 60);
  const id = ids[ids.length - 1];
  expect(id).toBeDefined();
  const { all } = await tracePieces(baseURL as string, id as string);
  expect(all.length).toBeGreaterThan(0);
  const pwned = () =>
    page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], HOSTILE_GLOBAL);

  await page.goto(`/trace/${id}`);
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  const details = page.getByRole('complementary', { name: 'Segment details' });
  // Open every rendered row's details and every tab, expanding the metadata trees.
  const rows = await tree(page).getByRole('treeitem').count();
  for (let i = 0; i < Math.min(rows, 12); i++) {
    await tree(page).getByRole('treeitem').nth(i).click();
    for (const tab of [
      'Overview',
      'Resources',
      'Annotations',
      'Metadata',
      'Exceptions',
      'SQL',
      'Raw',
    ])
      await details.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await details.getByRole('tab', { name: /^Metadata/ }).click();
    for (const toggle of await details
      .getByRole('button', { expanded: false })
      .all()
      .then((b) => b.slice(0, 20)))
      await toggle.click();
  }
  await page.getByRole('button', { name: 'Trace map' }).click();
  await expect(page.getByRole('img', { name: /^Trace map:/ })).toBeVisible();
  expect(await pwned()).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});

test('an unknown trace id says so, with the id and a way to search', async ({ page }) => {
  const id = '1-00000000-000000000000000000000000';
  await page.goto(`/trace/${id}`);
  const alert = page.getByRole('alert', { name: 'Trace not found' });
  await expect(alert.getByRole('heading', { name: 'Trace not found' })).toBeVisible();
  await expect(alert.getByText(id)).toBeVisible();
  await alert.getByRole('link', { name: 'Search for traces' }).click();
  await expect(page).toHaveURL(/\/traces/);
});

test('a malformed id is rejected; a W3C id is normalized', async ({ page }) => {
  await page.goto('/trace/not-a-trace');
  await expect(page.getByRole('heading', { name: 'Not a trace ID' })).toBeVisible();
  await expect(page.getByText('not-a-trace', { exact: true })).toBeVisible();

  await page.goto('/trace/0123456789ABCDEF0123456789abcdef');
  await expect(page).toHaveURL(/\/trace\/1-01234567-89abcdef0123456789abcdef/);
  await expect(page.getByRole('heading', { name: 'Trace not found' })).toBeVisible();
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hexToRgb(hex: string): string {
  const h = hex.replace('#', '');
  const n = Number.parseInt(h.length === 3 ? h.replace(/./g, '$&$&') : h, 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

import type { Page } from '@playwright/test';
import '../src/ui/service-graph/test-hook.ts';
import type { GetServiceGraphResult, Service } from '../src/xray/types.ts';
import { expect, test } from './fixtures.ts';

/**
 * The service map against the real demo server. Facts (which services exist, which one faults)
 * come from GetServiceGraph itself, so the tests follow the generator rather than restating it.
 */

async function graphOfLastHour(base: string): Promise<Service[]> {
  const now = Math.floor(Date.now() / 1000);
  const res = await fetch(`${base}/ServiceGraph`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ StartTime: now - 3600, EndTime: now }),
  });
  expect(res.ok).toBe(true);
  return ((await res.json()) as GetServiceGraphResult).Services ?? [];
}

/** The instrumented service with the most faults in the last hour (the demo's incidents). */
async function faultyService(base: string, graph?: Service[]): Promise<Service> {
  const services = (graph ?? (await graphOfLastHour(base))).filter(
    (s) => s.Type !== 'client' && s.State === 'active',
  );
  const faults = (s: Service) => s.SummaryStatistics?.FaultStatistics?.TotalCount ?? 0;
  const worst = services.sort((a, b) => faults(b) - faults(a))[0];
  expect(worst && faults(worst)).toBeGreaterThan(0);
  return worst!;
}

const idOf = (s: Service) => `${s.Type ?? ''}::${s.Name}`;

// The shared demo server keeps back-filling its history for a minute after it answers; pages
// load slowly meanwhile, so these tests allow for it rather than flake.
test.describe.configure({ timeout: 120_000 });

async function openMap(page: Page, query = '') {
  await page.goto(`/map${query}`);
  // Generous: the first visit also downloads the map chunk and asks for an hour of graph.
  await expect(page.locator('.map-canvas[data-state="ready"]')).toBeAttached({ timeout: 45_000 });
}

/** Zooms the map to `zoom` with the node in the centre, so a click can aim at its ring. */
function zoomOnto(page: Page, id: string, zoom: number) {
  return page.evaluate(
    ([nodeId, level]) => {
      const cy = window.__traceConsoleMap!.renderer.cy;
      cy.zoom(level);
      cy.center(cy.getElementById(nodeId));
    },
    [id, zoom] as const,
  );
}

/** What Cytoscape holds for a node: its ring data and the colour it paints the fault slice. */
function nodeFacts(page: Page, id: string) {
  return page.evaluate((nodeId) => {
    const cy = window.__traceConsoleMap!.renderer.cy;
    const n = cy.getElementById(nodeId);
    const probe = document.createElement('span');
    probe.style.color = 'var(--fault)';
    document.body.append(probe);
    const faultColour = getComputedStyle(probe).color;
    probe.remove();
    const pos = n.renderedPosition();
    const box = (cy.container() as HTMLElement).getBoundingClientRect();
    return {
      exists: n.nonempty(),
      pieFault: n.data('pieFault') as number,
      pieBefore: (n.data('pieOk') + n.data('pieError') + n.data('pieThrottle')) as number,
      sliceColour: String(n.style('pie-4-background-color')).replace(/\s/g, ''),
      faultColour: faultColour.replace(/\s/g, ''),
      selected: n.hasClass('sel'),
      x: box.left + pos.x,
      y: box.top + pos.y,
      radius: (n.renderedWidth() / 2) * 0.92,
    };
  }, id);
}

test('the map renders every demo service and paints the faulty one with the fault colour', async ({
  page,
  baseURL,
  consoleErrors,
}) => {
  const services = await graphOfLastHour(baseURL!);
  const faulty = await faultyService(baseURL!);
  await openMap(page);

  const table = page.getByRole('table', { name: /Services in the map/ });
  // Services with steady traffic: a one-off request near the window's start may leave the
  // window between the API call above and the page's own.
  const steady = services.filter(
    (x) => x.Type !== 'client' && (x.SummaryStatistics?.TotalCount ?? 0) >= 20,
  );
  expect(steady.length).toBeGreaterThan(10);
  for (const s of steady)
    await expect(table.getByRole('button', { name: s.Name!, exact: true }).first()).toBeAttached();

  const row = table.locator(`tr[data-node-id="${idOf(faulty)}"]`);
  await expect(row).toContainText(/fault [1-9]|fault <1%/);

  const facts = await nodeFacts(page, idOf(faulty));
  expect(facts.exists).toBe(true);
  expect(facts.pieFault).toBeGreaterThan(0);
  expect(facts.sliceColour).toBe(facts.faultColour);
  // Hostile names from the demo stay text: nothing they carry ran.
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(consoleErrors).toEqual([]);
});

test('clicking a node opens its panel; View traces lands on /traces with the filter', async ({
  page,
  baseURL,
}) => {
  const faulty = await faultyService(baseURL!);
  await openMap(page);
  await zoomOnto(page, idOf(faulty), 1.5);
  const facts = await nodeFacts(page, idOf(faulty));
  await page.mouse.click(facts.x, facts.y); // the centre of the ring: plain selection

  const panel = page.getByRole('complementary', { name: `Service ${faulty.Name}` });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/[?&]node=/);
  const requests = panel.locator('dt:text-is("Requests") + dd');
  await expect(requests).not.toHaveText(/^(0|—)$/);
  await expect(panel.getByRole('img', { name: /Over the window: [1-9]/ })).toBeVisible();

  await panel.getByRole('link', { name: 'View traces' }).click();
  await expect(page).toHaveURL(/\/traces\?/);
  const filter = new URL(page.url()).searchParams.get('filter') ?? '';
  // The router may or may not JSON-quote a string param.
  expect(filter.startsWith('"') ? JSON.parse(filter) : filter).toBe(`service("${faulty.Name}")`);
  await expect(page.getByRole('combobox', { name: 'Filter expression' })).toHaveValue(
    `service("${faulty.Name}")`,
  );
  await expect(
    page.getByRole('table', { name: 'Traces' }).locator('tbody tr').first(),
  ).toBeVisible();
});

test('a click on the fault slice of the ring selects the node with the fault filter', async ({
  page,
  baseURL,
}) => {
  const faulty = await faultyService(baseURL!);
  await openMap(page);
  await zoomOnto(page, idOf(faulty), 2.5);
  const f = await nodeFacts(page, idOf(faulty));
  // Middle of the fault slice: slices run clockwise from 12 o'clock; the ring is between the
  // hole (66%) and the edge of the pie.
  const share = (f.pieBefore + f.pieFault / 2) / 100;
  const r = f.radius * 0.83;
  const angle = share * 2 * Math.PI;
  await page.mouse.click(f.x + r * Math.sin(angle), f.y - r * Math.cos(angle));

  await expect(page).toHaveURL(/status=fault/);
  const panel = page.getByRole('complementary', { name: `Service ${faulty.Name}` });
  await expect(panel.locator('.map-filter-preview')).toHaveText(
    `service("${faulty.Name}") { fault }`,
  );
  await expect(panel.getByRole('button', { name: 'fault' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // The legend offers the same outcome across the whole map.
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await expect(legend.getByRole('button', { name: 'Fault (5xx)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(legend.getByRole('link', { name: 'View all fault traces' })).toHaveAttribute(
    'href',
    /\/traces\?.*filter=/,
  );
});

test('reloading a link with a selected node restores the selection and the panel', async ({
  page,
  baseURL,
}) => {
  const faulty = await faultyService(baseURL!);
  const search = new URLSearchParams({ node: JSON.stringify(idOf(faulty)), color: '"latency"' });
  await openMap(page, `?${search}`);
  const panel = page.getByRole('complementary', { name: `Service ${faulty.Name}` });
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(page.locator('.map-canvas[data-state="ready"]')).toBeAttached({ timeout: 45_000 });
  await expect(panel).toBeVisible();
  expect((await nodeFacts(page, idOf(faulty))).selected).toBe(true);
  await expect(page.getByRole('button', { name: 'Latency' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByText('Average response time')).toBeVisible();
});

test('filters: unhealthy only, hide by name, focus on a neighbourhood, find', async ({
  page,
  baseURL,
}) => {
  const faulty = await faultyService(baseURL!);
  await openMap(page);
  const hidden = () =>
    page.evaluate(() => window.__traceConsoleMap!.renderer.cy.nodes('.hidden').length);
  expect(await hidden()).toBe(0);

  await page.getByLabel('Unhealthy only').check();
  await expect(page).toHaveURL(/unhealthy=true/);
  await expect(page.getByRole('status').filter({ hasText: /services shown/ })).toBeVisible();
  expect(await hidden()).toBeGreaterThan(0);
  expect((await nodeFacts(page, idOf(faulty))).exists).toBe(true);
  await page.getByLabel('Unhealthy only').uncheck();

  await page.getByLabel('Hide services matching').fill(faulty.Name!);
  await page.getByLabel('Hide services matching').press('Enter');
  await expect(page).toHaveURL(/hide=/);
  await expect
    .poll(() =>
      page.evaluate(
        (id) => window.__traceConsoleMap!.renderer.cy.getElementById(id).hasClass('hidden'),
        idOf(faulty),
      ),
    )
    .toBe(true);
  await page.getByLabel('Hide services matching').fill('');
  await page.getByLabel('Hide services matching').press('Enter');

  await page.getByLabel('Find a service').fill(faulty.Name!);
  await page.getByLabel('Find a service').press('Enter');
  await expect
    .poll(() =>
      page.evaluate(
        (id) => window.__traceConsoleMap!.renderer.cy.getElementById(id).hasClass('found'),
        idOf(faulty),
      ),
    )
    .toBe(true);

  // Path from the busiest client to the faulty service: the path is emphasised, the rest faded.
  const clients = (await graphOfLastHour(baseURL!)).filter((s) => s.Type === 'client');
  const sent = (s: Service) =>
    (s.Edges ?? []).reduce((n, e) => n + (e.SummaryStatistics?.TotalCount ?? 0), 0);
  const client = clients.sort((a, b) => sent(b) - sent(a))[0];
  await page.getByLabel('Path from').fill(client!.Name!);
  await page.getByLabel('Path to').fill(faulty.Name!);
  await page.getByRole('button', { name: 'Path', exact: true }).click();
  await expect
    .poll(() =>
      page.evaluate((id) => {
        const cy = window.__traceConsoleMap!.renderer.cy;
        return {
          targetOnPath: !cy.getElementById(id).hasClass('faded'),
          othersFaded: cy.nodes('.faded').length > 0,
          pathEdgesShown: cy.edges().not('.faded').length > 0,
        };
      }, idOf(faulty)),
    )
    .toEqual({ targetOnPath: true, othersFaded: true, pathEdgesShown: true });
  await page.getByRole('button', { name: 'Clear path' }).click();

  const table = page.getByRole('table', { name: /Services in the map/ });
  await page.getByRole('button', { name: 'Table' }).click();
  await table.getByRole('button', { name: faulty.Name!, exact: true }).first().click();
  const panel = page.getByRole('complementary', { name: `Service ${faulty.Name}` });
  await panel.getByRole('button', { name: 'Focus on neighbours' }).click();
  await expect(page).toHaveURL(/focus=/);
  await expect(page.getByText(/Focus:/)).toBeVisible();
  expect(await hidden()).toBeGreaterThan(0);
});

test('nodes stay where they are across a data refresh and a visit to another view', async ({
  page,
}) => {
  const positions = () =>
    page.evaluate(() => {
      const out: Record<string, { x: number; y: number }> = {};
      window.__traceConsoleMap!.renderer.cy.nodes().forEach((n) => {
        out[n.id()] = { ...n.position() };
      });
      return out;
    });
  const expectSame = (
    before: Record<string, { x: number; y: number }>,
    after: Record<string, { x: number; y: number }>,
  ) => {
    const common = Object.keys(before).filter((id) => id in after);
    expect(common.length).toBeGreaterThan(5);
    for (const id of common) expect(after[id], id).toEqual(before[id]);
  };

  await openMap(page, '?refresh=%2210s%22');
  const before = await positions();
  // The next auto-refresh brings a new graph for a window 10 s later.
  await page.waitForResponse((r) => r.url().endsWith('/ServiceGraph'), { timeout: 30_000 });
  await page.waitForTimeout(300);
  expectSame(before, await positions());

  await page.getByRole('link', { name: 'Traces' }).click();
  await expect(page).toHaveURL(/\/traces/);
  await page.goBack();
  await expect(page.locator('.map-canvas[data-state="ready"]')).toBeAttached({ timeout: 45_000 });
  expectSame(before, await positions());
});

test('an edge link opens the edge panel with its time series and an edge() filter', async ({
  page,
  baseURL,
}) => {
  // One graph for both: ReferenceIds are only meaningful within a single answer.
  const services = await graphOfLastHour(baseURL!);
  const faulty = await faultyService(baseURL!, services);
  const caller = services.find(
    (s) => s.Type !== 'client' && s.Edges?.some((e) => e.ReferenceId === faulty.ReferenceId),
  );
  expect(caller).toBeDefined();
  const edge = `${idOf(caller!)} -> ${idOf(faulty)}`;
  await openMap(page, `?${new URLSearchParams({ edge: JSON.stringify(edge) })}`);

  const panel = page.getByRole('complementary', { name: `Edge ${caller!.Name} → ${faulty.Name}` });
  await expect(panel).toBeVisible();
  await expect(panel.locator('dt:text-is("Requests") + dd')).not.toHaveText(/^(0|—)$/);
  await expect(panel.getByRole('img', { name: /Over the window: [1-9]/ })).toBeVisible();
  await expect(panel.locator('.map-filter-preview')).toHaveText(
    `edge("${caller!.Name}", "${faulty.Name}")`,
  );
  expect(
    await page.evaluate(
      (id) => window.__traceConsoleMap!.renderer.cy.getElementById(id).hasClass('sel'),
      edge,
    ),
  ).toBe(true);
});

test('switching the theme repaints the ring with the dark palette', async ({ page, baseURL }) => {
  const faulty = await faultyService(baseURL!);
  await openMap(page);
  const light = await nodeFacts(page, idOf(faulty));
  expect(light.sliceColour).toBe(light.faultColour);

  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  await expect
    .poll(async () => {
      const f = await nodeFacts(page, idOf(faulty));
      return f.sliceColour === f.faultColour && f.faultColour !== light.faultColour;
    })
    .toBe(true);
});

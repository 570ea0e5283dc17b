import type { Page } from '@playwright/test';
import { parseFilter } from '../src/xray/filter/index.ts';
import type { GetServiceGraphResult, GetTraceSummariesResult } from '../src/xray/types.ts';
import { expect, test } from './fixtures.ts';

/**
 * The traces view (/traces) against the shared demo server (seed 42). Expected facts come from
 * the API and the shared filter parser, never from numbers copied out of the demo.
 */

async function api<T>(base: string, path: string, body: object): Promise<T> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const lastHour = () => {
  const now = Math.floor(Date.now() / 1000);
  return { StartTime: now - 3600, EndTime: now };
};

/**
 * The committed filter. TanStack Router JSON-encodes a search string only when the raw text
 * would read back as another JSON value, so both forms occur.
 */
function urlFilter(page: Page, name = 'filter'): string | undefined {
  const raw = new URL(page.url()).searchParams.get(name);
  if (raw === null) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw;
  }
}

const table = (page: Page) => page.getByRole('table', { name: 'Traces' });
const dataRows = (page: Page) => table(page).locator('tbody tr');
/** Column order of the list: ID, Time, Status, Method, Code, URL, Response, Duration, Client. */
const COL = { id: 0, status: 2, code: 4, response: 6 } as const;
const cell = (page: Page, row: number, col: number) =>
  dataRows(page).nth(row).locator('td').nth(col);

async function openTraces(page: Page, filter?: string) {
  await page.goto(
    filter ? `/traces?filter=${encodeURIComponent(JSON.stringify(filter))}` : '/traces',
  );
  // The first load waits for the demo's back-fill on a busy machine; later steps are quick.
  await expect(page.getByRole('status').filter({ hasText: 'traces matched of' })).toBeVisible({
    timeout: 45_000,
  });
}

async function submitFilter(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Filter expression' });
  await box.fill(text);
  await box.press('Enter');
}

/** Seconds from the list's "412 ms" / "2.35 s" / "85 µs" display. */
function seconds(display: string): number {
  const m = /([\d.]+)\s*(µs|ms|s)/.exec(display);
  if (!m) throw new Error(`not a duration: ${display}`);
  return Number(m[1]) * { µs: 1e-6, ms: 1e-3, s: 1 }[m[2] as 'µs' | 'ms' | 's'];
}

test('an invalid expression is marked at the parser’s characters and never sent', async ({
  page,
  consoleErrors,
}) => {
  await openTraces(page);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/TraceSummaries')) sent.push(r.postData() ?? '');
  });

  const text = 'http.status = = 5 AND fault';
  const parsed = parseFilter(text);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  const [err] = parsed.errors;
  await submitFilter(page, text);

  const box = page.getByRole('combobox', { name: 'Filter expression' });
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toContainText(err!.message);
  await expect(page.getByRole('alert')).toContainText(`column ${err!.from + 1}`);
  // The squiggle sits under exactly the characters the parser named.
  const marked = await page.locator('.fi-mirror .fi-error').allTextContents();
  expect(marked.join('')).toBe(text.slice(err!.from, err!.to));

  await page.waitForTimeout(500);
  expect(urlFilter(page)).toBeUndefined();
  expect(sent).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a valid expression updates the URL and the list shows only matching traces', async ({
  page,
  baseURL,
}) => {
  // Pick a status code that does occur in the demo's last hour.
  const res = await api<GetTraceSummariesResult>(baseURL!, '/TraceSummaries', {
    ...lastHour(),
    FilterExpression: 'http.status >= 400 AND http.status < 500',
  });
  const code = res.TraceSummaries?.find((s) => s.Http?.HttpStatus)?.Http?.HttpStatus;
  expect(code, 'the demo has 4xx traces in the last hour').toBeDefined();

  await openTraces(page);
  await submitFilter(page, `http.status = ${code}`);
  await expect.poll(() => urlFilter(page)).toBe(`http.status = ${code}`);
  await expect(page.getByRole('status').filter({ hasText: 'traces matched of' })).toBeVisible();
  await expect(dataRows(page).first()).toBeVisible();
  const n = Math.min(5, await dataRows(page).count());
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(cell(page, i, COL.code)).toHaveText(String(code));

  // A service filter: the first rows are among the API's newest matches for the same filter.
  await submitFilter(page, 'service("payments")');
  await expect.poll(() => urlFilter(page)).toBe('service("payments")');
  await expect(page.locator('.trace-list[data-stale]')).toHaveCount(0);
  const shown = (await table(page).locator('tbody tr td:first-child').allTextContents()).slice(
    0,
    5,
  );
  const byApi = await api<GetTraceSummariesResult>(baseURL!, '/TraceSummaries', {
    ...lastHour(),
    FilterExpression: 'service("payments")',
  });
  const expected = new Set((byApi.TraceSummaries ?? []).map((s) => s.Id));
  expect(shown.length).toBeGreaterThan(0);
  for (const id of shown) expect(expected).toContain(id);
});

test('autocomplete offers a demo service name and an annotation key', async ({ page, baseURL }) => {
  const graph = await api<GetServiceGraphResult>(baseURL!, '/ServiceGraph', lastHour());
  const services = (graph.Services ?? []).map((s) => s.Name ?? '').filter(Boolean);
  expect(services).toContain('payments');
  const summaries = await api<GetTraceSummariesResult>(baseURL!, '/TraceSummaries', lastHour());
  const key = Object.keys(summaries.TraceSummaries?.[0]?.Annotations ?? {})[0];
  expect(key, 'demo traces carry annotations').toBeDefined();

  await openTraces(page);
  const box = page.getByRole('combobox', { name: 'Filter expression' });
  await box.click();
  await box.pressSequentially('service("pay');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option', { name: /payments/ })).toBeVisible();
  // Keyboard: Down selects, Enter accepts (and does not submit).
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(box).toHaveValue(/service\("payments"\)?/);
  expect(urlFilter(page)).toBeUndefined();
  await box.press('Escape');

  await box.fill('');
  await box.pressSequentially('annotation.');
  await expect(list.getByRole('option', { name: new RegExp(key!) }).first()).toBeVisible();
});

test('clicking a breakdown value adds its clause to the filter', async ({ page }) => {
  await openTraces(page, 'ok OR error OR fault');
  const statusList = page.getByRole('list', { name: 'Status code' });
  const value = statusList.getByRole('button').first();
  const code = (await value.locator('.breakdown-label').textContent())?.trim();
  expect(code).toMatch(/^\d{3}$/);
  await value.click();
  await expect.poll(() => urlFilter(page)).toBe(`(ok OR error OR fault) AND http.status = ${code}`);
  await expect(page.getByRole('combobox', { name: 'Filter expression' })).toHaveValue(
    `(ok OR error OR fault) AND http.status = ${code}`,
  );
  await expect(cell(page, 0, COL.code)).toHaveText(code!);
});

test('brushing the histogram narrows the filter to a response-time range', async ({ page }) => {
  await openTraces(page);
  const chart = page.getByRole('img', { name: /Response time distribution/ });
  const box = (await chart.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.05, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();

  await expect
    .poll(() => urlFilter(page))
    .toMatch(/^responsetime >= [\d.]+ AND responsetime <= [\d.]+$/);
  const [, lo, hi] = /responsetime >= ([\d.]+) AND responsetime <= ([\d.]+)/.exec(
    urlFilter(page)!,
  )!;
  await expect(page.getByRole('status').filter({ hasText: 'traces matched of' })).toBeVisible();
  await expect(page.locator('.trace-list[data-stale]')).toHaveCount(0);
  const n = Math.min(8, await dataRows(page).count());
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const v = seconds((await cell(page, i, COL.response).textContent()) ?? '');
    // The display rounds to whole milliseconds.
    expect(v).toBeGreaterThanOrEqual(Number(lo) - 0.0005);
    expect(v).toBeLessThanOrEqual(Number(hi) + 0.0005);
  }
});

test('a trace opens from the list and Back returns to the same list', async ({ page }) => {
  await openTraces(page, 'fault');
  const link = cell(page, 0, COL.id).getByRole('link');
  const id = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/trace/${id}`));
  await expect(page.getByRole('region', { name: 'Trace timeline view' })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/traces/);
  expect(urlFilter(page)).toBe('fault');
  await expect(page.getByRole('combobox', { name: 'Filter expression' })).toHaveValue('fault');
  await expect(cell(page, 0, COL.id)).toHaveText(id);
  await expect(dataRows(page).first()).toHaveAttribute('data-selected', 'true');
});

test('a pasted trace ID opens that trace', async ({ page, baseURL }) => {
  const res = await api<GetTraceSummariesResult>(baseURL!, '/TraceSummaries', lastHour());
  const id = res.TraceSummaries?.[0]?.Id;
  expect(id).toBeDefined();
  await openTraces(page);
  // The W3C form of the same id: 32 hex digits, no dashes.
  await submitFilter(page, id!.slice(2).replace('-', ''));
  await expect(page).toHaveURL(new RegExp(`/trace/${id}`));
});

test('an invalid filter in a link is shown with its error and not sent', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/TraceSummaries')) sent.push(r.postData() ?? '');
  });
  const text = 'service("payments" { fault }';
  const parsed = parseFilter(text);
  expect(parsed.ok).toBe(false);
  await page.goto(`/traces?filter=${encodeURIComponent(JSON.stringify(text))}`);
  await expect(page.getByRole('combobox', { name: 'Filter expression' })).toHaveValue(text);
  await expect(page.getByRole('alert').filter({ hasText: 'link is not valid' })).toBeVisible();
  if (!parsed.ok) {
    await expect(page.getByRole('alert').filter({ hasText: 'column' })).toContainText(
      parsed.errors[0]!.message,
    );
  }
  await page.waitForTimeout(1000);
  expect(sent).toEqual([]);
});

test('Back from a trace restores the list’s scroll position', async ({ page }) => {
  await openTraces(page);
  const scroller = page.locator('.trace-table');
  await scroller.evaluate((el) => {
    el.scrollTop = 600;
  });
  // A row in the middle of the viewport after scrolling.
  const row = page.locator('.trace-table tbody tr[data-index="30"]');
  await expect(row).toBeVisible();
  const link = row.locator('td').first().getByRole('link');
  const id = (await link.textContent())!;
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/trace/${id}`));

  await page.goBack();
  await expect(page).toHaveURL(/\/traces/);
  const back = page.locator('.trace-table tbody tr', { hasText: id });
  await expect(back).toBeInViewport();
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300);
});

test('“Save as group” hands the current filter to the Groups page', async ({ page }) => {
  await openTraces(page, 'service("payments") { fault }');
  await page.getByRole('link', { name: 'Save as group' }).click();
  await expect(page).toHaveURL(/\/groups/);
  expect(urlFilter(page, 'create')).toBe('service("payments") { fault }');
});

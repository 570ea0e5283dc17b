import { expect, test } from './fixtures.ts';

const q = (v: string) => encodeURIComponent(JSON.stringify(v));

/** The router writes strings unquoted when that is unambiguous ("15m"), quoted otherwise. */
const param = (url: URL, key: string) => {
  const v = url.searchParams.get(key);
  if (v === null) return null;
  try {
    return String(JSON.parse(v));
  } catch {
    return v;
  }
};

/** The newest demo trace matching a filter; pages may be empty while NextToken goes on. */
async function newestTraceId(baseURL: string, filter: string): Promise<string> {
  const end = Date.now() / 1000;
  let token: string | undefined;
  do {
    const res = await fetch(`${baseURL}/TraceSummaries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        StartTime: end - 6 * 3600,
        EndTime: end,
        FilterExpression: filter,
        NextToken: token,
      }),
    });
    const body = (await res.json()) as { TraceSummaries?: { Id?: string }[]; NextToken?: string };
    const id = body.TraceSummaries?.[0]?.Id;
    if (id) return id;
    token = body.NextToken;
  } while (token);
  throw new Error(`no demo trace matches ${filter}`);
}

test('"Copy link" gives an absolute link that reopens the same view with the same rows', async ({
  page,
  context,
  baseURL,
}) => {
  const to = new Date(Date.now() - 10 * 60_000).toISOString();
  const from = new Date(Date.now() - 40 * 60_000).toISOString();
  await page.goto(`/traces?from=${q(from)}&to=${q(to)}&filter=${q('service("payments")')}`);
  const ids = page.getByRole('table', { name: 'Traces' }).getByRole('link', { name: /^1-/ });
  await expect(ids.first()).toBeVisible();
  const before = (await ids.allTextContents()).slice(0, 8);

  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.getByRole('status', { name: 'Copied link' }).textContent();
  expect(link).toContain(`${baseURL}/traces?`);

  const other = await context.newPage();
  await other.goto(link!);
  const otherIds = other.getByRole('table', { name: 'Traces' }).getByRole('link', { name: /^1-/ });
  await expect(otherIds.first()).toBeVisible();
  expect((await otherIds.allTextContents()).slice(0, 8)).toEqual(before);
  await expect(other.getByRole('combobox', { name: 'Filter expression' })).toHaveValue(
    'service("payments")',
  );
});

test('a relative view copies as absolute times, and as relative on request', async ({ page }) => {
  await page.goto('/map?last=%2215m%22');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const absolute = new URL(
    (await page.getByRole('status', { name: 'Copied link' }).textContent())!,
  );
  expect(param(absolute, 'last')).toBeNull();
  const from = Date.parse(param(absolute, 'from')!);
  const to = Date.parse(param(absolute, 'to')!);
  expect(to - from).toBe(15 * 60_000);

  await page.getByRole('button', { name: 'Copy relative link' }).click();
  const relative = new URL(
    (await page.getByRole('status', { name: 'Copied link' }).textContent())!,
  );
  expect(param(relative, 'last')).toBe('15m');
  expect(param(relative, 'from')).toBeNull();
});

test('a trace link opens that trace with nothing else in the URL', async ({ page, baseURL }) => {
  const id = await newestTraceId(baseURL!, 'fault');
  await page.goto(`/trace/${id}`);
  await expect(page.getByRole('heading', { name: `Trace ${id}` })).toBeVisible();
});

test('embed mode shows the view without the chrome, with a way back to the console', async ({
  page,
  baseURL,
}) => {
  const id = await newestTraceId(baseURL!, 'ok');
  await page.goto(`/trace/${id}?embed=true`);
  await expect(page.getByRole('heading', { name: `Trace ${id}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveCount(0);
  const open = page.getByRole('link', { name: /Open in Trace Console/ });
  await expect(open).toHaveAttribute('href', new RegExp(`/trace/${id}$`));
});

test('back and forward walk through the views with their state', async ({ page }) => {
  await page.goto('/traces');
  const box = page.getByRole('combobox', { name: 'Filter expression' });
  await box.fill('fault');
  await box.press('Enter');
  await expect.poll(() => param(new URL(page.url()), 'filter')).toBe('fault');
  // Let the scan settle first: while pages arrive, the rows are re-rendered.
  await expect(page.getByRole('status').filter({ hasText: 'traces matched' })).toBeVisible();
  const first = page
    .getByRole('table', { name: 'Traces' })
    .getByRole('link', { name: /^1-/ })
    .first();
  const id = await first.textContent();
  // Click that trace by its id: live demo traffic may put a newer row on top meanwhile.
  await page
    .getByRole('table', { name: 'Traces' })
    .getByRole('link', { name: id!, exact: true })
    // A DOM click, not Playwright's actionability loop: the list re-renders its rows while live
    // traffic arrives, so "stable" may never hold long enough (a known issue of the list).
    .dispatchEvent('click');
  await expect(page).toHaveURL(new RegExp(`/trace/${id}`));
  await page.goBack();
  await expect(page).toHaveURL(/\/traces/);
  expect(param(new URL(page.url()), 'filter')).toBe('fault');
  await expect(box).toHaveValue('fault');
  await page.goForward();
  await expect(page.getByRole('heading', { name: `Trace ${id}` })).toBeVisible();
});

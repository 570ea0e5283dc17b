import { expect, test } from './fixtures.ts';

test('the shell renders and its URL state survives a reload', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/map/);
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();

  // Time range: an absolute window chosen in the picker.
  await page.getByRole('button', { name: 'Time range' }).click();
  await page.getByRole('radio', { name: 'UTC' }).check();
  await page.getByLabel('Start time').fill('2026-11-20T10:00:00');
  await page.getByLabel('End time').fill('2026-11-20T11:30:00');
  await page.getByRole('button', { name: 'Apply absolute range' }).click();
  await expect(page).toHaveURL(/from=.*2026-11-20T10%3A00%3A00Z/);

  // Group: one of the demo groups, from the API.
  const group = page.getByRole('combobox', { name: 'Group' });
  await expect(group.locator('option')).not.toHaveCount(1);
  const firstGroup = await group.locator('option').nth(1).getAttribute('value');
  expect(firstGroup).toBeTruthy();
  await group.selectOption(firstGroup!);

  // Filter: the traces view keeps it in the URL.
  await page.getByRole('link', { name: 'Traces' }).click();
  await expect(page).toHaveURL(/\/traces/);
  const url = new URL(page.url());
  url.searchParams.set('filter', JSON.stringify('fault'));
  await page.goto(url.toString());

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Group' })).toHaveValue(firstGroup!);
  await expect(page.getByRole('button', { name: 'Time range' })).toContainText(
    '2026-11-20 10:00:00',
  );
  await expect(page).toHaveURL(/filter=(%22)?fault/);
  await expect(page).toHaveURL(/group=/);
  expect(consoleErrors).toEqual([]);
});

test('garbage parameters still render a usable page with a message', async ({ page }) => {
  await page.goto('/map?last=banana&refresh=7&from=yesterday&group=&hops=99');
  await expect(
    page.getByRole('status').filter({ hasText: 'Ignored invalid link parameters' }),
  ).toBeVisible();
  for (const bad of ['last=banana', 'refresh=7', 'from=yesterday', 'hops=99'])
    await expect(page.getByRole('status').getByText(bad)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Time range' })).toContainText('Last hour');
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
});

test('an unknown path shows a not-found page, not a blank one', async ({ page }) => {
  await page.goto('/no/such/view');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

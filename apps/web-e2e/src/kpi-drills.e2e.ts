import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { authHeaders, login } from './support';

/** The tiles this spec opens: the list each opens and how that list writes its total. */
const DRILLS = {
  c_rated_customers: { path: '/customers', total: 'customers-total', text: (n: string) => `共 ${n} 户` },
  overdue_tasks: { path: '/tasks', total: 'tasks-total', text: (n: string) => `共 ${n} 项` },
  open_escalations: { path: '/requests', total: 'requests-total', text: (n: string) => `共 ${n} 条` },
} as const;
type Code = keyof typeof DRILLS;
const CODES = Object.keys(DRILLS) as Code[];

/** The tiles' values of the current month, for a region or the whole company. */
async function values(request: APIRequestContext, region?: string): Promise<Record<Code, number>> {
  const headers = await authHeaders(request, 'leader');
  const query = region ? `?region=${encodeURIComponent(region)}` : '';
  const res = await request.get(`/api/kpis${query}`, { headers });
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as { code: string; value: number | null }[];
  return Object.fromEntries(CODES.map((code) => [code, items.find((i) => i.code === code)?.value ?? 0])) as Record<
    Code,
    number
  >;
}

/** Opens the tile of `code` on the cockpit and checks that its list shows the tile's number as its total. */
async function openTile(page: Page, code: Code, value: number): Promise<void> {
  const shown = value.toLocaleString('en');
  await expect(page.getByTestId(`kpi-value-${code}`)).toHaveText(shown, { timeout: 20_000 });
  // The tiles are drawn again when a load ends: click once they have settled.
  await expect(page.getByTestId('kpi-tiles').locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 20_000 });
  await page.getByTestId(`kpi-value-${code}`).click();
  await expect(page).toHaveURL(new RegExp(`${DRILLS[code].path}\\?`));
  await expect(page.getByTestId(DRILLS[code].total)).toHaveText(DRILLS[code].text(shown), { timeout: 20_000 });
}

test('leadership opens the C-rated, overdue tasks and escalations tiles: each list has the tile’s total', async ({
  page,
  request,
}) => {
  // Up to three lists, each a page load and a count on a busy machine.
  test.setTimeout(180_000);
  const company = await values(request);
  const opened = CODES.filter((code) => company[code] > 0);
  expect(opened.length).toBeGreaterThan(0);

  await login(page, 'leader');
  for (const code of opened) {
    await page.goto('/leadership');
    await openTile(page, code, company[code]);
  }
  // The tasks list: every row overdue, with its days overdue, its customer linking to the customer page.
  if (opened.includes('overdue_tasks')) {
    await page.goto('/leadership');
    await page.getByTestId('kpi-value-overdue_tasks').click();
    const first = page.getByTestId('tasks').locator('tbody tr[data-testid]').first();
    await expect(first).toContainText('逾期');
    expect(Number((await first.locator('td').nth(4).innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
    await expect(page.getByTestId('tasks-filter-overdue')).toContainText('逾期');
    await first.locator('td').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
  }
});

test('with a region chosen in the cockpit, each list is filtered by that region too', async ({ page, request }) => {
  // The current month is computed live for each region the search below reads.
  test.setTimeout(180_000);
  const headers = await authHeaders(request, 'leader');
  const regions = (await (await request.get('/api/reference/regions', { headers })).json()) as { nameZh: string }[];
  // The first region with the most tiles to open.
  let best = { region: '', values: {} as Record<Code, number>, sum: -1 };
  for (const { nameZh } of regions) {
    const v = await values(request, nameZh);
    const sum = CODES.filter((code) => v[code] > 0).length;
    if (sum > best.sum) best = { region: nameZh, values: v, sum };
    if (sum === CODES.length) break;
  }
  const opened = CODES.filter((code) => best.values[code] > 0);
  expect(opened.length).toBeGreaterThan(0);

  await login(page, 'leader');
  await page.getByTestId('kpi-filter-region').click();
  await page.locator('nz-option-item', { hasText: best.region }).click();
  await expect(page).toHaveURL(new RegExp(`region=${encodeURIComponent(best.region)}`));
  const cockpit = page.url();
  for (const code of opened) {
    await page.goto(cockpit);
    await openTile(page, code, best.values[code]);
    await expect(page).toHaveURL(new RegExp(`region=${encodeURIComponent(best.region)}`));
  }
});

test("the league highlights the cockpit's manager and keeps the others", async ({ page, request }) => {
  const headers = await authHeaders(request, 'leader');
  const league = (await (await request.get('/api/kpis/managers', { headers })).json()) as { manager: { id: string } }[];
  const chosen = league[1].manager.id;
  const one = await request.get(`/api/kpis/managers?managerId=${chosen}`, { headers });
  expect((await one.json()).map((r: { manager: { id: string } }) => r.manager.id)).toEqual([chosen]);

  await login(page, 'leader');
  await page.goto(`/leadership?managerId=${chosen}`);
  const rows = page.getByTestId('kpi-league').locator('tbody tr[data-testid]');
  await expect(rows).toHaveCount(league.length, { timeout: 20_000 });
  await expect(page.getByTestId(`league-row-${chosen}`)).toHaveAttribute('data-chosen', 'true');
  await expect(page.getByTestId(`league-row-${league[0].manager.id}`)).toHaveAttribute('data-chosen', 'false');
  await expect(page.locator('tr.chosen')).toHaveCount(1);
});

import { expect, Page, test } from '@playwright/test';
import { authHeaders, login } from './support';

interface Item {
  code: string;
  value: number | null;
  breakdown?: { key: string; value: number; drill?: { path: string; query: Record<string, string> } }[];
}

/** The China month of now and the one before, YYYY-MM. */
function months(): { current: string; previous: string } {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const previous = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return { current: china.toISOString().slice(0, 7), previous: previous.toISOString().slice(0, 7) };
}

/** The values the tiles show, by code. */
async function shownValues(page: Page): Promise<Record<string, string>> {
  await expect(page.getByTestId('kpi-value-customers_by_stage')).toBeVisible();
  const values = page.locator('[data-testid^="kpi-value-"]');
  const shown: Record<string, string> = {};
  for (const value of await values.all()) {
    shown[(await value.getAttribute('data-testid')) ?? ''] = (await value.innerText()).trim();
  }
  return shown;
}

test('leadership lands on the cockpit, reads the tiles and a stage opens the same number of customers', async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'leader');
  const res = await request.get(`/api/kpis?period=${months().current}`, { headers });
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as Item[];
  const byCode = (code: string) => items.find((i) => i.code === code) as Item;

  await login(page, 'leader');
  await expect(page).toHaveURL(/\/leadership$/);
  await expect(page.getByTestId('kpi-cockpit')).toBeVisible();
  await expect(page.getByTestId('kpi-section-customers')).toContainText('客户');
  for (const code of ['open_applications_overdue', 'open_escalations', 'overdue_tasks']) {
    await expect(page.getByTestId(`kpi-value-${code}`)).toHaveText((byCode(code).value ?? 0).toLocaleString('en'));
  }
  // The definition shows on hovering the name, in the UI language.
  await page.getByTestId('kpi-name-time_limit_compliance_rate').hover();
  await expect(page.locator('.ant-tooltip')).toContainText('当月停止的全部时限');

  const stage = byCode('customers_by_stage').breakdown?.find((p) => p.drill && p.value > 0);
  expect(stage).toBeTruthy();
  const part = page.getByTestId(`kpi-part-customers_by_stage-${stage?.key}`);
  await expect(part).toHaveText((stage?.value ?? 0).toLocaleString('en'));
  await part.click();
  await expect(page).toHaveURL(/\/customers\?/);
  await expect(page.getByTestId('customers-total')).toHaveText(`共 ${(stage?.value ?? 0).toLocaleString('en')} 户`);
});

test('the month and region live in the URL: a reload shows the same filters and figures', async ({ page }) => {
  const { current, previous } = months();
  await login(page, 'leader');
  await expect(page.getByTestId('kpi-cockpit')).toBeVisible();

  await page.getByTestId('kpi-filter-region').click();
  const region = page.locator('nz-option-item').first();
  const regionName = (await region.innerText()).trim();
  await region.click();
  await expect(page).toHaveURL(/region=/);
  await page.getByTestId('kpi-period').click();
  if (previous.slice(0, 4) !== current.slice(0, 4)) await page.locator('.ant-picker-header-super-prev-btn').click();
  await page.getByRole('gridcell', { name: `${Number(previous.slice(5))}月`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${previous}`));
  await expect(page.getByTestId('kpi-tiles').locator('.ant-spin-spinning')).toHaveCount(0);
  const before = await shownValues(page);

  await page.reload();
  await expect(page).toHaveURL(new RegExp(`period=${previous}`));
  await expect(page.getByTestId('kpi-filter-region')).toContainText(regionName);
  await expect(page.getByTestId('kpi-period').locator('input')).toHaveValue(previous);
  await expect(page.getByTestId('kpi-tiles').locator('.ant-spin-spinning')).toHaveCount(0);
  expect(await shownValues(page)).toEqual(before);
});

test('the league table sorts by a column, kept in the URL', async ({ page, request }) => {
  const headers = await authHeaders(request, 'leader');
  const res = await request.get(`/api/kpis/managers?period=${months().current}`, { headers });
  const league = (await res.json()) as { manager: { displayName: string }; customers: number }[];
  const byCustomers = (a: number, b: number) => a - b;
  // The table's managers and their customers, top to bottom.
  const shown = async () => {
    const rows = await page.getByTestId('kpi-league').locator('tbody tr[data-testid]').all();
    return Promise.all(
      rows.map(async (r) => ({
        name: (await r.locator('td').nth(0).innerText()).trim(),
        customers: Number((await r.locator('td').nth(1).innerText()).replace(/,/g, '')),
      })),
    );
  };
  const customers = async () => (await shown()).map((r) => r.customers);

  await login(page, 'leader');
  await expect
    .poll(async () => (await shown()).map((r) => r.name).sort(), { timeout: 20_000 })
    .toEqual(league.map((r) => r.manager.displayName).sort());
  const header = page.getByTestId('kpi-league').locator('th', { hasText: '客户数' });
  await header.click();
  await expect(page).toHaveURL(/sort=customers/);
  await expect.poll(customers, { timeout: 20_000 }).toEqual(league.map((r) => r.customers).sort(byCustomers));
  await header.click();
  await expect(page).toHaveURL(/sort=-customers/);
  await expect.poll(customers, { timeout: 20_000 }).toEqual(league.map((r) => r.customers).sort((a, b) => b - a));
  await page.reload();
  await expect.poll(customers, { timeout: 20_000 }).toEqual(league.map((r) => r.customers).sort((a, b) => b - a));

  // A manager's name opens the cockpit for that manager.
  const first = page.getByTestId('kpi-league').locator('tbody tr[data-testid]').first().locator('a');
  const name = (await first.innerText()).trim();
  await first.click();
  await expect(page).toHaveURL(/managerId=/);
  await expect(page.getByTestId('kpi-filter-manager')).toContainText(name);
});

test('an admin sets a target in the glossary and the tile shows it', async ({ page }) => {
  await login(page, 'admin');
  await page.getByRole('link', { name: '指标驾驶舱' }).click();
  await expect(page).toHaveURL(/\/kpis$/);
  await page.getByTestId('kpi-glossary-link').click();
  await expect(page).toHaveURL(/\/kpis\/glossary$/);
  await expect(page.getByTestId('glossary-vip_downgrades')).toContainText('越低越好');

  const input = page.getByTestId('kpi-target-input-vip_downgrades').locator('input');
  await input.fill('-1');
  await page.getByTestId('kpi-target-save-vip_downgrades').click();
  await expect(page.getByTestId('kpi-target-error-vip_downgrades')).toBeVisible();

  await input.fill('7');
  await page.getByTestId('kpi-target-save-vip_downgrades').click();
  await expect(page.getByTestId('glossary-target-vip_downgrades')).toContainText('≤ 7');
  await expect(page.getByTestId('kpi-target-error-vip_downgrades')).toHaveCount(0);

  // The tiles load on a busy machine in a moment.
  await page.goto('/kpis');
  await expect(page.getByTestId('kpi-target-vip_downgrades')).toContainText('目标 ≤ 7', { timeout: 20_000 });
});

test('leadership refreshes the current month and the cockpit says when its figures were computed', async ({ page }) => {
  const cockpitRead = () => page.waitForResponse((res) => /\/api\/kpis\?/.test(res.url()) && res.status() === 200);
  const first = cockpitRead();
  await login(page, 'leader');
  const before = (await (await first).json()).computedAt as string;
  await expect(page.getByTestId('kpi-computed-at')).toContainText(/数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  const reload = cockpitRead();
  await page.getByTestId('kpi-refresh').click();
  const after = (await (await reload).json()).computedAt as string;
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(page.getByTestId('kpi-refresh-error')).toHaveCount(0);
  await expect(page.getByTestId('kpi-value-customers_by_stage')).toBeVisible();
});

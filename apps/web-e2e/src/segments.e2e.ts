import { expect, Locator, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authHeaders, login, SCREENSHOTS } from './support';

/** Opens a select of the rule builder, optionally types to filter it, and picks the option with exactly `label`. */
async function choose(page: Page, select: Locator, label: string, search?: string): Promise<void> {
  await select.click();
  if (search) await page.keyboard.type(search);
  await page.locator('nz-option-item').getByText(label, { exact: true }).click();
}

/** The live count once the preview of the current rule has answered. */
async function settledCount(page: Page): Promise<number> {
  const count = page.getByTestId('live-count');
  await expect(count).toHaveAttribute('aria-busy', 'false');
  await expect(count).toHaveText(/^\s*[\d,]+\s*$/);
  return Number((await count.textContent())?.replace(/[^\d]/g, ''));
}

/** Downloads the export chosen from the export menu (`export-csv`, `export-raw`, …) and reads its lines. */
async function exportLines(page: Page, item: string): Promise<string[]> {
  await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  return csv.split(/\r?\n/).filter((line) => line !== '');
}

test('marketing builds a segment from two groups, watches the live count, saves it and exports its members', async ({
  page,
}) => {
  await login(page, 'marketing');
  await page.getByTestId('nav').getByText('客户细分').click();
  await expect(page.getByTestId('segments')).toBeVisible();
  await page.getByTestId('new-segment').click();

  // An empty rule takes every customer: the 1,000 of the demo data and any the other tests created.
  const everyone = await settledCount(page);
  expect(everyone).toBeGreaterThanOrEqual(1000);

  // Root group (AND): voltage is one of 10 kV, 35 kV ("is any of" is where a pick-list starts).
  await page.getByTestId('add-condition').click();
  await expect(page.getByTestId('rule-problems')).toBeVisible();
  const voltage = page.getByTestId('condition-0');
  await expect(voltage.getByTestId('condition-operator')).toHaveText('属于');
  await choose(page, voltage.getByTestId('condition-value'), '10 kV');
  await page.locator('nz-option-item').getByText('35 kV', { exact: true }).click();
  await page.keyboard.press('Escape');
  const byVoltage = await settledCount(page);
  expect(byVoltage).toBeGreaterThan(0);
  expect(byVoltage).toBeLessThanOrEqual(everyone);

  // A nested group (OR): VIP tier is gold, or the credit rating is AAA.
  await page.getByTestId('add-group').first().click();
  const group = page.getByTestId('group-1');
  await expect(group.getByTestId('group-op').locator('.ant-radio-button-wrapper-checked')).toHaveText('或');
  const tier = page.getByTestId('condition-1-0');
  await choose(page, tier.getByTestId('condition-field'), 'VIP 等级', 'VIP');
  await choose(page, tier.getByTestId('condition-value'), '黄金');
  await page.keyboard.press('Escape');
  await group.getByTestId('add-condition').click();
  const rating = page.getByTestId('condition-1-1');
  await choose(page, rating.getByTestId('condition-field'), '信用等级', '信用');
  await choose(page, rating.getByTestId('condition-operator'), '等于');
  await choose(page, rating.getByTestId('condition-value'), 'AAA');
  const goldOrAaa = await settledCount(page);
  expect(goldOrAaa).toBeGreaterThan(0);
  expect(goldOrAaa).toBeLessThanOrEqual(byVoltage);
  await expect(page.getByTestId('preview-sample').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'segment-builder.png'), fullPage: true });

  // Most customers are rated AAA: asking for AA instead changes the count.
  await choose(page, rating.getByTestId('condition-value'), 'AA');
  await expect(page.getByTestId('live-count')).not.toHaveText(String(goldOrAaa));
  const goldOrAa = await settledCount(page);
  expect(goldOrAa).not.toBe(goldOrAaa);
  await choose(page, rating.getByTestId('condition-value'), 'AAA');
  await expect(page.getByTestId('live-count')).not.toHaveText(String(goldOrAa));
  expect(await settledCount(page)).toBe(goldOrAaa);

  const name = `浏览器测试细分 ${Date.now()}`;
  await page.getByTestId('segment-name').fill(name);
  await page.getByTestId('segment-save').click();

  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('segment-name')).toHaveText(name);
  await expect(page.getByTestId('segment-rule')).toHaveText(
    '电压等级 属于 10 kV, 35 kV 且 (VIP 等级 属于 黄金 或 信用等级 等于 AAA)',
  );
  await expect(page.getByTestId('segment-count')).toContainText(goldOrAaa.toLocaleString('en-US'));
  await expect(page.getByTestId('members').locator('tbody tr[data-testid="member"]').first()).toBeVisible();
  await expect(page.getByTestId('distribution-creditRating').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1000); // the charts' opening animation
  await page.screenshot({ path: join(SCREENSHOTS, 'segment.png'), fullPage: true });

  // The export is in the UI's language: the member list's labels as headers, names for codes.
  const lines = await exportLines(page, 'export-csv');
  expect(lines[0]).toMatch(/^户号,客户名称,行业,电压等级,供电区域,生命周期阶段,/);
  expect(lines.length - 1).toBe(goldOrAaa);
  expect(lines[1]).toMatch(/^\d+,/);
  expect(lines[1]).toMatch(/,(10|35) kV,/);
  expect(lines[1]).not.toMatch(/,(active|gold|standard|large_industry),/);
  // Raw codes for integrations: the API's field names and codes. (Chromium holds back a page's second download
  // until the user allows several; a reload starts afresh.)
  await page.reload();
  const raw = await exportLines(page, 'export-raw');
  expect(raw[0]).toMatch(/^accountNo,name,industry,voltageKv,region,stage,/);
  expect(raw.length - 1).toBe(goldOrAaa);
});

test('the segment builder picks a whole industry section: its live count is the sum of its divisions', async ({
  page,
  request,
}) => {
  await login(page, 'marketing');
  await page.goto('/segments/new');
  await page.getByTestId('add-condition').click();
  const industry = page.getByTestId('condition-0');
  await choose(page, industry.getByTestId('condition-field'), '行业', '行业');
  await expect(industry.getByTestId('condition-operator')).toHaveText('属于');

  // The picker lists the sections; a section opens to its divisions, and picking the section takes them all.
  await industry.getByTestId('condition-value').click();
  const node = (title: string) => page.locator('.ant-select-tree-node-content-wrapper', { hasText: title });
  await expect(node('C 制造业')).toBeVisible();
  await node('C 制造业').click();
  await page.keyboard.press('Escape');
  await expect(industry.getByTestId('condition-value')).toContainText('C 制造业');
  const section = await settledCount(page);

  // Manufacturing is divisions 13 to 43 (GB/T 4754-2017): count their customers through the customer list.
  const headers = await authHeaders(request, 'admin');
  const divisions = Array.from({ length: 31 }, (_, i) => String(13 + i));
  const totals = await Promise.all(
    divisions.map(async (code) => {
      const res = await request.get(`/api/customers?industry=${code}&pageSize=1`, { headers });
      expect(res.status()).toBe(200);
      return (await res.json()).total as number;
    }),
  );
  const sum = totals.reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThan(0);
  expect(section).toBe(sum);
  await page.screenshot({ path: join(SCREENSHOTS, 'segment-builder-industry.png'), fullPage: true });
});

test('a segment list with nothing to show says why and offers to create one', async ({ page }) => {
  await login(page, 'marketing');
  await page.goto('/segments?search=没有这样的分群');
  const segments = page.getByTestId('segments');
  await expect(segments.getByTestId('empty')).toHaveText(
    /没有客户分群：用规则编辑器新建一个，或修改搜索条件。\s*新建客户分群/,
  );
  await segments.getByTestId('create-first-segment').click();
  await expect(page).toHaveURL(/\/segments\/new$/);
});

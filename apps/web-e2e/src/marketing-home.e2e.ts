import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, newCustomer, SCREENSHOTS } from './support';

test('marketing lands on the home, sees segments with sizes and opens a KPI shortcut in the rule builder', async ({
  page,
  request,
}) => {
  // A static segment of marketing's with two new customers: two members, both joined today.
  const a = await newCustomer(request, '16', '首页测试甲');
  const b = await newCustomer(request, '16', '首页测试乙');
  const name = `首页测试分群${a.suffix}`;
  const res = await request.post('/api/segments', {
    headers: await authHeaders(request, 'marketing'),
    data: { name, kind: 'static', accountNos: [a.accountNo, b.accountNo] },
  });
  expect(res.status()).toBe(201);

  await login(page, 'marketing');
  await expect(page).toHaveURL(/\/marketing$/);
  await expect(page.getByTestId('marketing-home')).toBeVisible();
  const row = page.locator(`[data-testid="home-segment-row"][data-segment="${name}"]`);
  await expect(row).toContainText('我的');
  await expect(row.locator('td').nth(2)).toHaveText('2');
  await expect(row.locator('td').nth(3)).toHaveText('+2');
  await expect(row.getByTestId('home-coverage')).toContainText('0 / 2');
  const joiners = page.getByTestId('home-joiners');
  await expect(joiners).toContainText(a.name);
  await expect(joiners).toContainText(b.name);
  await page.screenshot({ path: join(SCREENSHOTS, 'marketing-home.png'), fullPage: true });

  // The C-rated customers: the rule builder opens with the rule of the KPI, and counts it.
  await page.getByTestId('shortcut-c_rated_customers').click();
  await expect(page).toHaveURL(/\/segments\/new\?rule=/);
  const rule = page.getByTestId('rule-builder');
  await expect(rule.getByTestId('condition-0').getByTestId('condition-field')).toContainText('生命周期阶段');
  await expect(rule.getByTestId('condition-1').getByTestId('condition-field')).toContainText('信用等级');
  await expect(rule.getByTestId('condition-1').getByTestId('condition-value')).toContainText('C');
  const count = page.getByTestId('live-count');
  await expect(count).toHaveAttribute('aria-busy', 'false');
  await expect(count).toHaveText(/^\s*[\d,]+\s*$/);
  await expect(page.getByTestId('rule-param-invalid')).toHaveCount(0);

  // A link with a rule the API would refuse starts from an empty rule, and says so.
  await page.goto(`/segments/new?rule=${encodeURIComponent('{"op":"and","rules":[{"field":"password"}]}')}`);
  await expect(page.getByTestId('rule-param-invalid')).toBeVisible();
  await expect(page.getByTestId('rule-builder').getByTestId('condition-0')).toHaveCount(0);
});

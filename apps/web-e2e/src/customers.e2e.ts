import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, newCustomer, SCREENSHOTS } from './support';

test('an account manager registers a prospective customer without a capacity, then sets it; the timeline shows it', async ({
  page,
}) => {
  const accountNo = `39${Date.now().toString().slice(-8)}`;
  await login(page, 'manager1');
  await page.goto('/customers');
  await page.getByTestId('new-customer').click();

  // The form checks the credit code with the API's rule before sending anything.
  await page.getByTestId('field-creditCode').fill('91350100M000100Y44');
  await page.getByTestId('customer-save').click();
  await expect(page.getByText('统一社会信用代码不正确')).toBeVisible();

  await page.getByTestId('field-accountNo').fill(accountNo);
  await page.getByTestId('field-name').fill(`温州瓯江浏览器电气有限公司${accountNo.slice(-4)}`);
  await page.getByTestId('field-creditCode').fill('91350100M000100Y43');
  await page.getByTestId('field-industry').click();
  await page.keyboard.type('38');
  await page.locator('nz-option-item', { hasText: '38 电气机械和器材制造业' }).click();
  // Applying: the contracted capacity may stay empty until the customer is energised.
  await expect(page.getByText('接电（装表接电）前可暂不填写')).toBeVisible();
  await page.getByTestId('field-region').click();
  await page.locator('nz-option-item', { hasText: '龙湾区' }).click();
  await page.getByTestId('field-address').fill('温州市龙湾区滨海园区 9 号');
  await page.getByTestId('contact-name-0').fill('陈国强');
  await page.getByTestId('contact-phone-0').fill('13857712345');
  await page.getByTestId('contact-role-0').fill('电气负责人');
  await page.getByTestId('customer-save').click();

  await expect(page.getByTestId('customer-profile')).toContainText(accountNo);
  await expect(page.getByTestId('customer-manager')).toHaveText('王建国');
  await expect(page.getByTestId('customer-capacity')).toHaveText('— 待定');

  await page.getByTestId('edit-customer').click();
  await page.getByTestId('field-address').fill('温州市龙湾区永强大道 100 号');
  await page.getByTestId('field-capacity').locator('input').fill('2000');
  await page.getByTestId('customer-save').click();

  await expect(page.getByTestId('customer-address')).toHaveText('温州市龙湾区永强大道 100 号');
  await expect(page.getByTestId('customer-capacity')).toHaveText('2,000');
  // The timeline is on the history tab, which the URL keeps.
  await page.getByRole('tab', { name: '历史记录' }).click();
  await expect(page).toHaveURL(/tab=history/);
  const updated = page.getByTestId('timeline').locator('[data-type="updated"]').first();
  await expect(updated).toContainText('地址: 温州市龙湾区滨海园区 9 号 → 温州市龙湾区永强大道 100 号');
  await expect(updated).toContainText('合同容量: — → 2000');
  await page.screenshot({ path: join(SCREENSHOTS, 'customer-detail.png'), fullPage: true });
});

test('a leader searches customers and opens one with its consumption and bills', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/customers');
  await page.getByTestId('customer-search').fill('电气');
  await expect(page).toHaveURL(/search=/);
  const rows = page.getByTestId('customers').locator('tbody tr');
  await expect(rows.first()).toContainText('电气');
  await page.screenshot({ path: join(SCREENSHOTS, 'customer-list.png'), fullPage: true });
  await rows.first().click();
  await expect(page.getByTestId('customer-profile')).toBeVisible();
  // 24 months of behaviour from the demo data, on their tab: the chart and the bills.
  await page.getByRole('tab', { name: '用电与缴费' }).click();
  await expect(page.getByTestId('consumption-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('bills').locator('tbody tr').first()).toBeVisible();
  // Money in yuan, grouped by thousands, with cents.
  await expect(page.getByTestId('arrears')).toContainText(/¥\d{1,3}(,\d{3})*\.\d{2}/);
  await expect(page.getByTestId('bills').locator('tbody tr').first()).toContainText(/¥\d{1,3}(,\d{3})*\.\d{2}/);
});

test('a leader hands a customer over to another manager, who then owns it, as its timeline says', async ({
  page,
  request,
}) => {
  // A customer of manager1 of its own, so that the demo customers keep their managers for the other tests.
  const { id: customerId, name, suffix } = await newCustomer(request, '37', '温州移交测试电气有限公司');

  await login(page, 'leader');
  await page.goto('/customers');
  await page.getByTestId('customer-search').fill(suffix);
  const rows = page.getByTestId('customers').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByTestId('customer-manager')).toHaveText('王建国');

  await page.getByTestId('handover').click();
  await page.getByTestId('handover-manager').click();
  // Every account manager but the current one.
  await expect(page.locator('nz-option-item')).toHaveCount(7);
  await expect(page.locator('nz-option-item', { hasText: '王建国' })).toHaveCount(0);
  await page.locator('nz-option-item', { hasText: '李静' }).click();
  await page.getByTestId('handover-reason').fill('片区调整');
  await page.getByTestId('handover-save').click();
  await expect(page.locator('.ant-modal-footer')).toBeHidden();

  await expect(page.getByTestId('customer-manager')).toHaveText('李静');
  await page.getByRole('tab', { name: '历史记录' }).click();
  const handover = page.getByTestId('timeline').locator('[data-type="handover"]');
  await expect(handover).toHaveCount(1);
  await expect(handover).toContainText('陈志刚 (营销部主任)');
  await expect(handover).toContainText('由 王建国 移交给 李静：片区调整');

  // Read again from the server, not from the page's state: the new owner sticks.
  // The open tab is in the URL: the reload stays on the history tab.
  await page.reload();
  await expect(page.getByTestId('timeline').locator('[data-type="handover"]')).toHaveCount(1);
  await page.getByRole('tab', { name: '概览' }).click();
  await expect(page.getByTestId('customer-manager')).toHaveText('李静');
  const customer = await (
    await request.get(`/api/customers/${customerId}`, { headers: await authHeaders(request, 'manager2') })
  ).json();
  expect(customer.accountManager.displayName).toBe('李静');
  expect(customer.name).toBe(name);
});

test('an account manager only finds their own customers and is told another one does not exist', async ({
  page,
  request,
}) => {
  // A real customer of another manager, found by an admin.
  const list = await request.get('/api/customers?pageSize=100&sort=accountNo', {
    headers: await authHeaders(request, 'admin'),
  });
  expect(list.status()).toBe(200);
  const others = (await list.json()).items.filter(
    (c: { accountManager: { displayName: string } | null }) =>
      c.accountManager && c.accountManager.displayName !== '李静',
  );
  expect(others.length).toBeGreaterThan(0);
  const other = others[0] as { id: string; name: string };

  await login(page, 'manager2');
  await page.goto('/customers');
  const cells = page.getByTestId('customers').locator('tbody tr td:nth-child(7)');
  await expect(cells.first()).toBeVisible();
  const managers = await cells.allTextContents();
  expect(managers.length).toBeGreaterThan(0);
  expect(new Set(managers.map((m) => m.trim()))).toEqual(new Set(['李静']));

  await page.goto(`/customers/${other.id}`);
  await expect(page.getByText('找不到该记录，或它不属于您')).toBeVisible();
  await expect(page.getByTestId('customer-profile')).toHaveCount(0);
  await expect(page.getByText(other.name)).toHaveCount(0);
});

test('only the roles that maintain customers see New and Edit: not auditors nor marketing, who read them', async ({
  page,
  request,
}) => {
  const customer = await newCustomer(request, '18', '只读角色测试电器有限公司');
  for (const [username, maintains] of [
    ['auditor', false],
    ['marketing', false],
    ['leader', true],
  ] as const) {
    await login(page, username);
    await page.goto('/customers');
    await expect(page.getByTestId('customers').locator('tbody tr[data-testid]').first()).toBeVisible();
    await expect(page.getByTestId('new-customer')).toHaveCount(maintains ? 1 : 0);
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByTestId('customer-heading')).toContainText(customer.name);
    await expect(page.getByTestId('edit-customer')).toHaveCount(maintains ? 1 : 0);
    await page.context().clearCookies();
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }
});

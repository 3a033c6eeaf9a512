import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { login, SCREENSHOTS } from './support';

test("a manager's change of a customer shows in its change history tab, in Chinese, and on the admin page", async ({
  page,
}) => {
  const address = `温州市鹿城区变更记录路 ${Date.now().toString().slice(-6)} 号`;
  await login(page, 'manager1');
  await page.goto('/customers');
  await page.getByTestId('customers').locator('tbody tr').first().click();
  const before = await page.getByTestId('customer-address').innerText();
  const name = await page.getByTestId('customer-profile').locator('.ant-card-head-title').innerText();

  await page.getByTestId('edit-customer').click();
  await page.getByTestId('field-address').fill(address);
  await page.getByTestId('customer-save').click();
  await expect(page.getByTestId('customer-address')).toHaveText(address);

  await page.getByRole('tab', { name: '历史记录' }).click();
  await page.getByRole('tab', { name: '变更记录' }).click();
  const change = page.getByTestId('change-history').locator('tbody tr').first();
  await expect(change).toContainText(`地址: ${before} → ${address}`);
  await expect(change).toContainText('客户');
  await expect(change).toContainText('修改');
  await expect(change).toContainText('王建国');
  await page.screenshot({ path: join(SCREENSHOTS, 'customer-change-history.png'), fullPage: true });

  await login(page, 'admin');
  await page.goto('/change-history?entityType=customer');
  await expect(page.getByTestId('filter-entity')).toContainText('客户');
  const row = page.getByTestId('change-history').locator('tbody tr', { hasText: address }).first();
  await expect(row).toContainText(name);
  await row.getByText('王建国').click();
  await expect(page).toHaveURL(/actorId=/);
  await expect(page.getByTestId('change-history').locator('tbody tr').first()).toContainText(address);
  await page.screenshot({ path: join(SCREENSHOTS, 'change-history.png'), fullPage: true });
});

import { Browser, expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { login, newCustomer, SCREENSHOTS } from './support';

/** A second signed-in browser page for another user. */
async function pageOf(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** Opens an action's dialog on the finding page, writes the note and confirms; waits for the new state. */
async function act(page: Page, action: string, note: string, state: string): Promise<void> {
  await page.getByTestId(`finding-${action}`).click();
  await expect(page.getByTestId('finding-action-save')).toBeDisabled();
  await page.getByTestId('finding-action-note').fill(note);
  await page.getByTestId('finding-action-save').click();
  await expect(page.getByTestId('finding-state')).toHaveAttribute('data-state', state);
}

test('an auditor runs the audit, the manager rectifies a contact-data finding and the auditor verifies it', async ({
  page,
  browser,
  request,
}) => {
  // A customer of manager1 with no contact at all: the contact-data rule finds it.
  const customer = await newCustomer(request, '15', '稽查测试联系人缺失有限公司', { contacts: [] });

  // The auditor lands on the workbench and runs every enabled rule now.
  await login(page, 'auditor');
  await expect(page).toHaveURL(/\/marketing-audit$/);
  await expect(page.getByTestId('rule-contact_data_incomplete')).toBeVisible();
  await page.getByTestId('audit-run').click();
  await expect(page.getByTestId('audit-run-state')).toHaveAttribute('data-state', 'completed', { timeout: 60_000 });
  await expect(page.getByTestId('audit-run-counts')).toBeVisible();
  await expect(page.getByTestId('audit-run-rule-contact_data_incomplete')).toBeVisible();

  // The finding is on the customer's audit tab; it opens the finding page.
  await page.goto(`/customers/${customer.id}?tab=audit`);
  const row = page.getByTestId('customer-findings').locator('tr[data-rule="contact_data_incomplete"]');
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page).toHaveURL(/\/marketing-audit\/findings\/[0-9a-f-]{36}$/);
  const findingUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId('finding-customer')).toHaveText(customer.name);
  await expect(page.getByTestId('finding-state')).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('finding-evidence')).toContainText('没有联系人');
  // Rectifying is the manager's: the auditor may only dismiss an open finding.
  await expect(page.getByTestId('finding-dismiss')).toBeVisible();
  await expect(page.getByTestId('finding-rectify')).toHaveCount(0);

  // The customer's manager has findings to rectify on their day (the newest may be past the card's first 20), and
  // rectifies this one with a note.
  const manager = await pageOf(browser, 'manager1');
  await manager.goto('/my-day');
  await expect(manager.getByTestId('findings-to-rectify').locator('li').first()).toBeVisible();
  await manager.goto(findingUrl);
  await act(manager, 'rectify', '已补录电气负责人及手机号', 'rectifying');
  await expect(manager.getByTestId('finding-verify')).toHaveCount(0);
  await expect(manager.getByTestId('event-rectified')).toBeVisible();

  // The auditor verifies the rectified finding; the history shows who did what.
  await page.reload();
  await expect(page.getByTestId('finding-state')).toHaveAttribute('data-state', 'rectifying');
  await act(page, 'verify', '已核实联系人资料完整', 'verified');
  await expect(page.getByTestId('finding-history')).toContainText('已补录电气负责人及手机号');
  await expect(page.getByTestId('finding-history')).toContainText('已核实联系人资料完整');
  await expect(page.getByTestId('finding-reopen')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'marketing-audit-finding.png'), fullPage: true });

  // The customer tab shows it verified.
  await page.goto(`/customers/${customer.id}?tab=audit`);
  await expect(row).toContainText('已核实');
  await manager.context().close();
});

test('a findings list with nothing to show says why, not just "no data"', async ({ page, request }) => {
  const customer = await newCustomer(request, '15', '稽查测试无问题有限公司');
  await login(page, 'manager1');
  await page.goto(`/customers/${customer.id}?tab=audit`);
  await expect(page.getByTestId('customer-findings').getByTestId('empty')).toHaveText(
    '没有稽查问题：稽查未发现需要整改的问题，或没有符合筛选条件的问题。',
  );
});

import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { login, newCustomer, SCREENSHOTS } from './support';

/** Types a term into the header's search box, as a person types. */
async function search(page: Page, term: string): Promise<void> {
  const box = page.getByTestId('global-search');
  await box.fill('');
  await box.pressSequentially(term);
}

test('the header search finds a customer by name fragment, account number or phone, and opens it', async ({
  page,
  request,
}) => {
  const phone = `139${Date.now().toString().slice(-8)}`;
  const customer = await newCustomer(request, '17', '瓯海全局搜索测试电器有限公司', {
    contacts: [{ name: '王晓东', phone, role: '电工' }],
  });
  await login(page, 'manager1');
  const box = page.getByTestId('global-search');
  const hits = page.getByTestId('global-search-hit');

  // By a fragment of the name, opened by a click.
  await search(page, `测试电器有限公司${customer.suffix}`);
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(customer.name);
  await expect(hits.first()).toContainText(customer.accountNo);
  await page.screenshot({ path: join(SCREENSHOTS, 'global-search.png') });
  await hits.first().click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));
  await expect(box).toHaveValue('');

  // By the account number, opened with Enter, after Ctrl+K went to the box from the page.
  await page.goto('/applications');
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type(customer.accountNo);
  await expect(hits).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));

  // By the contact phone, which the result names with its contact.
  await page.goto('/my-day');
  await search(page, phone);
  await expect(hits).toHaveCount(1);
  await expect(hits.first()).toContainText(`联系电话 ${phone} (王晓东)`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customers/${customer.id}$`));

  // Nothing matches: said in words.
  await search(page, '没有这样的客户名称');
  await expect(page.getByTestId('global-search-none')).toHaveText('没有匹配的客户');
});

test("an account manager does not find another manager's customer", async ({ page, request }) => {
  const customer = await newCustomer(request, '17', '瓯海他人客户搜索测试有限公司');
  await login(page, 'manager2');
  await search(page, customer.accountNo);
  await expect(page.getByTestId('global-search-none')).toBeVisible();
  await expect(page.getByTestId('global-search-hit')).toHaveCount(0);
  await search(page, customer.name);
  await expect(page.getByTestId('global-search-none')).toBeVisible();
});

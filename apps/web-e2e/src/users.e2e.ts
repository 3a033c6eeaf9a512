import { expect, test } from '@playwright/test';
import { login } from './support';

test('an admin creates a user who logs in; deactivated, their session ends at once', async ({ browser }) => {
  const username = `e2e.user${Date.now() % 100000}`;
  const password = 'e2e-secret-password';

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await login(admin, 'admin');
  await admin.goto('/users');
  await admin.getByTestId('user-create').click();
  await admin.getByTestId('user-username').fill(username);
  await admin.getByTestId('user-display-name').fill('端到端 测试');
  await admin.getByTestId('user-role').click();
  await admin.locator('nz-option-item').filter({ hasText: '营销人员' }).click();
  await admin.getByTestId('user-password').fill('short');
  await admin.getByTestId('user-save').click();
  await expect(admin.getByText('至少 10 个字符')).toBeVisible();
  await admin.getByTestId('user-password').fill(password);
  await admin.getByTestId('user-save').click();
  await admin.getByTestId('users-search').fill(username);
  await admin.getByTestId('users-search').press('Enter');
  await expect(admin).toHaveURL(new RegExp(`search=${username}`));
  const row = admin.getByTestId(`user-${username}`);
  await expect(row).toContainText('端到端 测试');
  await expect(row).toContainText('启用');

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await login(user, username, password);
  await expect(user).toHaveURL(/\/marketing$/);

  await row.getByTestId('user-deactivate').click();
  await admin.getByTestId('deactivate-save').click();
  await expect(row).toContainText('已停用');

  // The user's very next request is refused: back to the login page.
  await user.goto('/customers');
  await expect(user).toHaveURL(/\/login/);
  await user.locator('#username').fill(username);
  await user.locator('#password').fill(password);
  await user.getByTestId('login-submit').click();
  await expect(user.getByTestId('login-error')).toContainText('用户名或密码错误');

  await adminContext.close();
  await userContext.close();
});

test('deactivating an account manager with customers asks who takes them over', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/users?search=manager8');
  const row = page.getByTestId('user-manager8');
  await row.getByTestId('user-deactivate').click();
  await expect(page.getByTestId('takeover-count')).toContainText(/负责 [\d,]+ 个客户/);
  await expect(page.getByTestId('deactivate-save')).toBeDisabled();
  await page.getByTestId('takeover-manager').click();
  await page.locator('nz-option-item').first().click();
  await page.getByTestId('deactivate-save').click();
  await expect(row).toContainText('已停用');
  await expect(row.locator('td').nth(4)).toHaveText('0');
});

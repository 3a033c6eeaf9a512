import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { login, SCREENSHOTS } from './support';

/** Each role's home page; the account manager's is their day. */
const HOMES = [
  { username: 'manager1', path: '/my-day', role: '客户经理', page: 'my-day' },
  { username: 'marketing', path: '/marketing', role: '营销人员', page: 'marketing-home' },
  { username: 'leader', path: '/leadership', role: '领导', page: 'kpi-cockpit' },
  { username: 'admin', path: '/admin', role: '管理员', page: 'role-home' },
];

for (const home of HOMES) {
  test(`${home.username} logs in and lands on the ${home.path} home page`, async ({ page }) => {
    await login(page, home.username);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByTestId(home.page)).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText(home.role);
    await page.screenshot({ path: join(SCREENSHOTS, `${home.username}-home.png`), fullPage: true });
  });
}

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('the language switch turns the UI to English and is remembered', async ({ page }) => {
  await login(page, 'leader');
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('current-user')).toContainText('Leader');
  await page.reload();
  await expect(page.getByTestId('logout')).toContainText('Log out');
});

test('logout returns to the login page and the home page needs a login again', async ({ page }) => {
  await login(page, 'manager2');
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/my-day');
  await expect(page).toHaveURL(/\/login$/);
});

test('an account manager cannot open the admin home page', async ({ page }) => {
  await login(page, 'manager1');
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/my-day$/);
});

test('an expired session sends the user to the login page with a message', async ({ page }) => {
  await login(page, 'manager1');
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('crm.session') ?? '{}');
    session.accessToken = 'expired.token.value';
    localStorage.setItem('crm.session', JSON.stringify(session));
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login\?reason=expired$/);
  await expect(page.getByText('登录已过期，请重新登录')).toBeVisible();
});

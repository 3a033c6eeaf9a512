import { expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, DEMO_PASSWORD, SCREENSHOTS } from './support';

test.use({ viewport: { width: 390, height: 844 } });

/** Logs in on the phone, where the user's name sits in the header's menu: waits for the menu button instead. */
async function loginOnPhone(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('nav-toggle')).toBeVisible({ timeout: 15_000 });
}

/** The page is no wider than the phone: nothing scrolls sideways but inside its own container. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test('on a phone the menu is a drawer, closed at first and closed again once a link is followed', async ({ page }) => {
  await loginOnPhone(page, 'manager1');
  // Closed: nowhere on the screen (a drawer once drawn may stay in the page, off to the left).
  await expect(page.getByTestId('nav')).not.toBeInViewport();
  await page.getByTestId('nav-toggle').click();
  const nav = page.getByTestId('nav');
  await expect(nav).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-drawer.png') });
  await nav.getByText('客户', { exact: true }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await expect(nav).not.toBeInViewport();

  // The search is an icon that opens the box, focused, over the header.
  await page.getByTestId('search-open').click();
  const box = page.getByTestId('global-search');
  await expect(box).toBeFocused();
  await box.pressSequentially('有限公司');
  await expect(page.getByTestId('global-search-hit').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-search.png') });
  await page.getByTestId('search-close').click();
  await expect(box).toBeHidden();

  // The header's actions: the language, the user and logout fold into one menu.
  await page.getByTestId('header-menu').click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('logout')).toContainText('Log out');
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
});

test("a manager's pages on site fit a phone: my day, task completion, a customer, an application, request intake", async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'manager1');
  const customers = await (await request.get('/api/customers?pageSize=1', { headers })).json();
  const applications = await (await request.get('/api/applications?pageSize=1', { headers })).json();
  expect(customers.items.length).toBe(1);
  expect(applications.items.length).toBe(1);
  await loginOnPhone(page, 'manager1');

  await expect(page).toHaveURL(/\/my-day$/);
  await expect(page.getByTestId('today-task').first()).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByTestId('today-task').first().getByTestId('complete-task').click();
  await expect(page.getByTestId('complete-notes')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'phone-complete-task.png') });
  await page.keyboard.press('Escape');

  for (const tab of ['', '?tab=usage', '?tab=scores', '?tab=applications', '?tab=plans', '?tab=requests']) {
    await page.goto(`/customers/${customers.items[0].id}${tab}`);
    await expect(page.getByTestId('customer-heading')).toBeVisible();
    await expectNoSidewaysScroll(page);
  }

  await page.goto(`/applications/${applications.items[0].id}`);
  await expect(page.getByTestId('application-status')).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto('/requests/new');
  await expect(page.locator('form').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test('the pages with the longest English labels, charts and figures fit a phone, also right after turning narrow', async ({
  page,
}) => {
  await loginOnPhone(page, 'leader');
  await page.getByTestId('header-menu').click();
  await page.getByTestId('language-switch').getByText('English').click();
  await page.keyboard.press('Escape');
  for (const path of ['/requests', '/plans', '/vip', '/credit-risk', '/service-quality', '/marketing-audit/figures']) {
    // Drawn at desktop width first: a chart is redrawn a moment after the screen narrows, and must not widen the page.
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(path);
    await expect(page.locator('nz-card').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page);
  }
});

test("the managers' workload fits a phone: the bar that repeats the customer count is left out, the table scrolls in its box", async ({
  page,
}) => {
  await loginOnPhone(page, 'leader');
  await page.goto('/workload');
  const table = page.getByTestId('workload');
  await expect(table.locator('[data-testid^="hand-over-all-"]').first()).toBeVisible();
  await expect(table.locator('.bar').first()).toBeHidden();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'workload-phone-zh-CN.png'), fullPage: true });
  // The last column is reached by scrolling the table, not the page.
  await table.locator('[data-testid^="hand-over-all-"]').first().click();
  await expect(page.getByTestId('handover-manager')).toBeVisible();
});

test('on a phone the chart cards of a page are stacked, each as wide as the page: VIP list and time-limit compliance', async ({
  page,
}) => {
  await loginOnPhone(page, 'leader');
  for (const [path, chart] of [
    ['/vip', 'vip-tier-chart'],
    ['/lifecycle-report', 'chart-month'],
  ]) {
    await page.goto(path);
    await expect(page.getByTestId(chart)).toBeVisible();
    const widths = await page
      .locator('[nz-col]:has(crm-chart)')
      .evaluateAll((columns) => columns.map((column) => column.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(1);
    // Not three charts of 120 px side by side: every column takes the page's width (390 less the margins).
    for (const width of widths) expect(width).toBeGreaterThan(300);
    await expectNoSidewaysScroll(page);
  }
});

test("on a phone a card's title keeps its line and its actions wrap below it (requests, in Chinese)", async ({
  page,
}) => {
  await loginOnPhone(page, 'manager1');
  await page.goto('/requests');
  const title = page.locator('.ant-card-head-title').first();
  await expect(title).toHaveText('诉求与投诉工单');
  const box = await title.boundingBox();
  // Not one character a line beside the buttons: the title is as wide as its text, on one line.
  expect(box?.width).toBeGreaterThan(100);
  expect(box?.height).toBeLessThan(70); // one line of text and the head's padding (57 px)
  await expectNoSidewaysScroll(page);
});

import { APIRequestContext, Browser, expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, newCustomer, SCREENSHOTS } from './support';

/** A new rural customer of manager1 in Rui'an. */
const newRuralCustomer = (request: APIRequestContext) =>
  newCustomer(request, '14', '瑞安工单测试机械有限公司', {
    industry: '34',
    contractCapacityKva: 800,
    region: '瑞安市',
    address: '瑞安市经济开发区 14 号',
    area: 'rural',
    contacts: [{ name: '林海', phone: '13857714014', role: '电工' }],
  });

/** A second signed-in browser page for another user. */
async function pageOf(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Opens a step's dialog, lets `fill` fill it and confirms. */
async function step(page: Page, action: string, fill: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await fill();
  await page.getByTestId('action-save').click();
}

async function contactAndHandle(page: Page, round: number): Promise<void> {
  await step(page, 'contact', () => page.getByTestId('step-note').fill(`第${round}次电话联系客户`));
  await expect(page.getByTestId('action-handle')).toBeVisible();
  await step(page, 'handle', async () => {
    await page.getByTestId('step-result').fill(`第${round}轮：现场核查表计，已更换互感器`);
    await page.getByTestId('step-cause').fill('互感器老化导致计量偏差');
    await page.getByTestId('step-accountability').fill('计量班组月度考核');
  });
  await expect(page.getByTestId('request-state')).toHaveText('已办结待回访');
}

test('a complaint goes from intake through a refused own callback and a reopening to closure', async ({
  page,
  browser,
  request,
}) => {
  const customer = await newRuralCustomer(request);
  const externalRef = `9559814${Date.now()}`;

  await login(page, 'manager1');
  await page.goto('/requests');
  await page.getByTestId('new-request').click();
  await page.getByTestId('request-customer').click();
  await page.keyboard.type(customer.accountNo);
  await page.locator('.ant-select-item-option').filter({ hasText: customer.accountNo }).click();
  await choose(page, 'request-type', '投诉');
  await choose(page, 'request-topic', '抄表计费');
  await page.getByTestId('request-summary').fill('客户反映本月电费异常偏高，要求核查表计');
  await page.getByTestId('request-external').fill(externalRef);
  await page.getByTestId('request-contact-name').fill('林海');
  await page.getByTestId('request-save').click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('request-state')).toHaveText('处理中');
  await expect(page.getByTestId('contact-clock')).toContainText('正常');
  await expect(page.getByTestId('request')).toContainText(externalRef);

  await contactAndHandle(page, 1);
  // The handler's own callback is refused, with the API's reason in the dialog.
  await step(page, 'callback', () => page.getByTestId('step-note').fill('客户表示已解决'));
  await expect(page.getByTestId('action-error')).toContainText('cannot make the callback');
  await page.locator('.ant-modal-footer button').filter({ hasText: '取消' }).click();

  const leader = await pageOf(browser, 'leader');
  await leader.goto(page.url());
  await step(leader, 'callback', async () => {
    await leader.getByTestId('step-solved-no').click();
    await leader.locator('[data-testid="step-satisfaction"] li').nth(1).click();
    await leader.getByTestId('step-note').fill('客户表示电费仍然偏高，问题未解决');
  });
  await expect(leader.getByTestId('request-state')).toHaveText('已重启');
  await expect(leader.getByTestId('flag-contradicted')).toBeVisible();
  await expect(leader.getByTestId('event-reopened')).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('request-state')).toHaveText('已重启');
  await contactAndHandle(page, 2);

  await leader.reload();
  await step(leader, 'callback', () => leader.getByTestId('step-note').fill('复核后电费正常，客户满意'));
  await expect(leader.getByTestId('request-state')).toHaveText('已归档');
  await expect(leader.getByTestId('request-callback')).toContainText('已解决');
  await expect(leader.locator('[data-testid^="action-"]')).toHaveCount(0);
  await expect(leader.getByTestId('timeline').locator('[data-testid="event-callback"]')).toHaveCount(2);
  await leader.screenshot({ path: join(SCREENSHOTS, 'request-closed.png'), fullPage: true });
  await leader.context().close();
});

test('a 12398 order is on the escalation list of leadership', async ({ page, request }) => {
  const customer = await newRuralCustomer(request);
  const created = await request.post(`/api/customers/${customer.id}/requests`, {
    headers: await authHeaders(request, 'manager1'),
    data: { channel: 'regulator_12398', type: 'inquiry', summary: '客户向 12398 反映报装进度', externalRef: null },
  });
  expect(created.status()).toBe(201);
  const order = await created.json();

  await login(page, 'leader');
  await page.goto('/requests');
  await page.getByTestId('request-views').getByText('升级督办').click();
  await expect(page).toHaveURL(/escalated=true/);
  await page.getByTestId('request-search').fill(customer.accountNo);
  const row = page.getByTestId(`request-${order.id}`);
  await expect(row.getByTestId('flag-escalated')).toBeVisible();
  await expect(row).toContainText('12398 能源监管热线');
  await row.click();
  await expect(page.getByTestId('request')).toContainText('12398 监管热线');
});

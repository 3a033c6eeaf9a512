import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, newCustomer, SCREENSHOTS } from './support';

/** What the API answers to a request that failed on the server. */
const SERVER_ERROR = {
  status: 500,
  contentType: 'application/json',
  body: JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' }),
};

test('a list whose load failed says why and loads on Retry', async ({ page }) => {
  await login(page, 'manager1');
  let failing = true;
  await page.route(
    (url) => url.pathname === '/api/customers',
    (route) => (failing ? route.fulfill(SERVER_ERROR) : route.continue()),
  );
  await page.goto('/customers');
  const table = page.getByTestId('customers');
  const error = table.getByTestId('list-error');
  await expect(error).toContainText('服务器出错了');
  // Not an empty table that reads as "no customers".
  await expect(table.locator('.ant-table-placeholder')).toHaveCount(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'list-error.png') });

  failing = false;
  await error.getByTestId('retry').click();
  await expect(error).toHaveCount(0);
  await expect(table.locator('tbody tr[data-testid]').first()).toBeVisible();
});

test('a customer page whose load failed says why and loads on Retry', async ({ page, request }) => {
  const customer = await newCustomer(request, '18', '重试测试电器有限公司');
  await login(page, 'manager1');
  let failing = true;
  await page.route(`**/api/customers/${customer.id}`, (route) =>
    failing ? route.abort('connectionrefused') : route.continue(),
  );
  await page.goto(`/customers/${customer.id}`);
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('无法连接服务器');
  failing = false;
  await error.getByTestId('retry').click();
  await expect(page.getByTestId('customer-heading')).toContainText(customer.name);
  await expect(error).toHaveCount(0);
});

test('a report shows a skeleton while it loads; a failed load says why and loads on Retry', async ({ page }) => {
  await login(page, 'leader');
  let failing = true;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/lifecycle/report*', async (route) => {
    await held;
    return failing ? route.fulfill(SERVER_ERROR) : route.continue();
  });
  await page.goto('/lifecycle-report');
  // While the answer is held: a skeleton, not an empty page nor figures of zero.
  await expect(page.getByTestId('loading')).toBeVisible();
  await expect(page.getByTestId('kpi-rate')).toHaveCount(0);
  release();
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('服务器出错了');
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.getByTestId('kpi-rate')).toHaveCount(0);

  failing = false;
  await error.getByTestId('retry').click();
  await expect(page.getByTestId('kpi-rate')).toContainText('%');
  await expect(error).toHaveCount(0);
});

test('handing all customers of a manager over shows what moves before it is confirmed', async ({ page, request }) => {
  const managers = await (await request.get('/api/managers', { headers: await authHeaders(request, 'leader') })).json();
  const manager1 = managers.find((m: { username: string }) => m.username === 'manager1');
  const preview = await (
    await request.get(`/api/managers/${manager1.id}/handover-preview`, {
      headers: await authHeaders(request, 'leader'),
    })
  ).json();
  expect(preview.customers).toBeGreaterThan(0);

  await login(page, 'leader');
  await page.goto('/workload');
  await page.getByTestId(`hand-over-all-${manager1.id}`).click();
  const impact = page.getByTestId('handover-impact');
  const n = (value: number) => value.toLocaleString('en-US');
  await expect(impact).toContainText(`将移交 ${n(preview.customers)} 个客户`);
  await expect(impact).toContainText(`${n(preview.openApplications)} 个在途申请`);
  await expect(impact).toContainText(`${n(preview.openTasks)} 个未完成任务`);
  await expect(impact).toContainText(`${n(preview.openRequests)} 个未办结诉求工单`);
  // Not confirmed without a new manager and a reason, and the button says so.
  await expect(page.getByTestId('handover-save')).toBeDisabled();
  await page.getByTestId('handover-why-not').hover();
  await expect(page.locator('.ant-tooltip')).toContainText('请先填写必填项');
  await page.screenshot({ path: join(SCREENSHOTS, 'handover-impact.png') });
  await page.getByRole('button', { name: '取消' }).click();
  await expect(impact).toHaveCount(0);
});

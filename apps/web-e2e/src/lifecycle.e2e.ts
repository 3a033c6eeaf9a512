import { APIRequestContext, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { DEMO_PASSWORD, login, SCREENSHOTS } from './support';

async function token(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  return (await res.json()).accessToken;
}

/** A new customer of manager1 with a new-connection application just received. */
async function newConnection(request: APIRequestContext): Promise<{ customerId: string; applicationId: string }> {
  const headers = { authorization: `Bearer ${await token(request, 'manager1')}` };
  const suffix = Date.now().toString().slice(-8);
  const customer = await request.post('/api/customers', {
    headers,
    data: {
      accountNo: `38${suffix}`,
      name: `温州浏览器测试电气有限公司${suffix}`,
      creditCode: '91350100M000100Y43',
      industry: '38',
      voltageKv: 10,
      contractCapacityKva: 1250,
      tariffCategory: 'large_industry',
      region: '龙湾区',
      address: '温州市龙湾区滨海园区 8 号',
      contacts: [{ name: '陈国强', phone: '13857712345', role: '电气负责人' }],
    },
  });
  expect(customer.status()).toBe(201);
  const customerId = (await customer.json()).id;
  const app = await request.post(`/api/customers/${customerId}/applications`, {
    headers,
    data: { type: 'new_connection' },
  });
  expect(app.status()).toBe(201);
  return { customerId, applicationId: (await app.json()).id };
}

test('an account manager walks a new connection to energization', async ({ page, request }) => {
  const { customerId, applicationId } = await newConnection(request);
  await login(page, 'manager1');
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByTestId('step-acceptance')).toHaveAttribute('data-state', 'in_progress');
  const codes = [
    'acceptance',
    'survey_plan',
    'design_review',
    'mid_inspection',
    'completion_acceptance',
    'energization',
  ];
  for (const code of codes) {
    await page.getByTestId('advance').click();
    await page.getByTestId('advance-note').fill(`${code} 完成`);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect(page.getByTestId(`step-${code}`)).toHaveAttribute('data-state', 'done');
  }
  await expect(page.getByTestId('application-status')).toHaveText('已完成');
  await expect(page.getByTestId('step-energization')).toContainText('energization 完成');
  await page.screenshot({ path: join(SCREENSHOTS, 'application-completed.png'), fullPage: true });

  const headers = { authorization: `Bearer ${await token(request, 'manager1')}` };
  const customer = await (await request.get(`/api/customers/${customerId}`, { headers })).json();
  expect(customer.stage).toBe('active');
});

test('the manager’s application list puts urgent work first', async ({ page }) => {
  await login(page, 'manager1');
  await page.goto('/applications');
  const tags = page.getByTestId('applications').locator('[data-sla]');
  await expect(tags.first()).toBeVisible();
  const order = await tags.evaluateAll((els) => els.map((e) => e.getAttribute('data-sla')));
  const rank = { overdue: 0, warning: 1, on_time: 2 } as Record<string, number>;
  const ranks = order.map((s) => rank[s ?? 'on_time']);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await page.screenshot({ path: join(SCREENSHOTS, 'applications.png'), fullPage: true });
});

test('leadership sees the time-limit compliance rate with charts', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/lifecycle-report');
  await expect(page.getByTestId('kpi-rate')).toContainText('%');
  await expect(page.getByTestId('chart-month').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1500); // let the charts finish their entry animation
  await page.screenshot({ path: join(SCREENSHOTS, 'lifecycle-report.png'), fullPage: true });
});

test('an admin sees the holidays of 2026 and is told when a year is not known', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/calendar');
  await expect(page.getByTestId('calendar-days')).toContainText('2026-10-01');
  await page.getByTestId('calendar-year').click();
  await page.locator('nz-option-item', { hasText: String(new Date().getFullYear() + 2) }).click();
  await expect(page.getByTestId('calendar-unknown')).toBeVisible();
});

import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, SCREENSHOTS } from './support';

test("an account manager's day groups their own tasks as overdue, today and this week with counts; a completed task leaves its group", async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'manager1');
  const me = await (await request.get('/api/auth/me', { headers })).json();
  const own = await (
    await request.get(`/api/service-tasks?today=true&managerId=${me.id}&pageSize=1`, { headers })
  ).json();
  await login(page, 'manager1');
  await expect(page).toHaveURL(/\/my-day$/);

  // The demo data leaves manager1 overdue plan tasks and event-trigger tasks due within days.
  const overdue = page.getByTestId('task-group-overdue');
  await expect(overdue.locator('h3')).toHaveText(/^\s*已逾期\s*\d+\s*$/);
  await expect(page.getByTestId('task-group-today').locator('h3')).toHaveText(/^\s*今天到期\s*\d+\s*$/);
  await expect(page.getByTestId('task-group-thisWeek').locator('h3')).toHaveText(/^\s*本周到期\s*\d+\s*$/);
  const counts = await page.getByTestId('group-count').allTextContents();
  expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(own.total);
  const before = Number(await overdue.getByTestId('group-count').textContent());
  expect(before).toBeGreaterThan(0);
  // Every row is manager1's own: only their customers' tasks, each with its completion button.
  await expect(overdue.getByTestId('today-task').first()).toBeVisible();
  await expect(page.getByTestId('today-task')).toHaveCount(await page.getByTestId('complete-task').count());
  await page.screenshot({ path: join(SCREENSHOTS, 'my-day.png'), fullPage: true });

  // The time-limit card: past the limit and close to it apart, each with its count.
  const risk = page.getByTestId('applications-at-risk');
  await expect(risk.getByTestId('at-risk-overdue')).toContainText('已超时');
  await expect(risk.getByTestId('at-risk-warning')).toContainText('即将超时');
  await expect(risk.getByTestId('at-risk-count')).toHaveText([/^\s*\d+\s*$/, /^\s*\d+\s*$/]);

  const first = overdue.getByTestId('today-task').first();
  const taskId = await first.getAttribute('data-task-id');
  await first.getByTestId('complete-task').click();
  await page.getByTestId('complete-outcome').getByText('需要跟进').click();
  await page.getByTestId('complete-notes').fill('客户计划下月检修，约定检修后再回访。');
  await page.screenshot({ path: join(SCREENSHOTS, 'my-day-complete.png') });
  await page.getByTestId('complete-submit').click();

  await expect(page.locator(`[data-testid="today-task"][data-task-id="${taskId}"]`)).toHaveCount(0);
  await expect(overdue.getByTestId('group-count')).toHaveText(String(before - 1));
  await expect(page.getByText(/已完成「.+」的任务/)).toBeVisible();

  // The month view of the calendar shows the tasks of its six weeks, among them the event-trigger tasks due within days.
  await page.getByTestId('calendar-view').getByText('月', { exact: true }).click();
  await expect(page.getByTestId('calendar-month').getByTestId('calendar-task').first()).toBeVisible();
  await page.getByTestId('task-calendar').screenshot({ path: join(SCREENSHOTS, 'my-day-calendar.png') });
});

test('marketing lands on their own home, has no My day, and is sent home from it: never a list of others’ tasks', async ({
  page,
}) => {
  await login(page, 'marketing');
  await expect(page).toHaveURL(/\/marketing$/);
  await expect(page.getByTestId('nav')).not.toContainText('我的一天');
  await page.goto('/my-day');
  await expect(page).toHaveURL(/\/marketing$/);
  await expect(page.getByTestId('today-task')).toHaveCount(0);
});

test('a leader sees the service plans and how well their tasks are done', async ({ page }) => {
  await login(page, 'leader');
  await page.getByTestId('nav').getByText('服务计划').click();
  await expect(page.getByTestId('plans').getByTestId('plan').first()).toBeVisible();
  await expect(page.getByTestId('plans')).toContainText('每季度 15 日');

  const managers = page.getByTestId('completion-managers').getByTestId('completion-row');
  await expect(managers.first()).toBeVisible();
  await expect(managers.first().getByTestId('completion-percent')).toHaveText(/^\s*\d+\.\d%\s*$/);
  await expect(page.getByTestId('completion-plans').getByTestId('completion-row').first()).toBeVisible();
  await expect(page.getByTestId('completion-managers').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1000); // the charts' opening animation
  await page.screenshot({ path: join(SCREENSHOTS, 'plans.png'), fullPage: true });
});

test("an account manager opens a customer's energy-efficiency advice from its plans", async ({ page }) => {
  await login(page, 'manager1');
  await page.getByTestId('today-task').first().locator('a').first().click();
  await page.getByTestId('customer-plans').getByTestId('advice-link').click();
  const advice = page.getByTestId('energy-advice');
  await expect(advice).toContainText('能效诊断建议书');
  await expect(advice.getByTestId('advice-items').locator('li').first()).toBeVisible();
  await expect(advice.locator('canvas')).toBeVisible();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SCREENSHOTS, 'energy-advice.png'), fullPage: true });
});

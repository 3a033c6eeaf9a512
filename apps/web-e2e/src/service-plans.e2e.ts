import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { login, SCREENSHOTS } from './support';

test("an account manager completes the first task of the day and it leaves the day's list", async ({ page }) => {
  await login(page, 'manager1');
  await expect(page).toHaveURL(/\/my-day$/);

  // The demo data leaves manager1 open tasks: overdue plan tasks and event-trigger tasks due within days.
  const tasks = page.getByTestId('today-task');
  await expect(tasks.first()).toBeVisible();
  const count = page.getByTestId('today-count');
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThan(0);
  await page.screenshot({ path: join(SCREENSHOTS, 'my-day.png'), fullPage: true });

  const first = tasks.first();
  const taskId = await first.getAttribute('data-task-id');
  await first.getByTestId('complete-task').click();
  await page.getByTestId('complete-outcome').getByText('需要跟进').click();
  await page.getByTestId('complete-notes').fill('客户计划下月检修，约定检修后再回访。');
  await page.screenshot({ path: join(SCREENSHOTS, 'my-day-complete.png') });
  await page.getByTestId('complete-submit').click();

  await expect(page.locator(`[data-testid="today-task"][data-task-id="${taskId}"]`)).toHaveCount(0);
  await expect(count).toHaveText(String(before - 1));
  await expect(page.getByText(/已完成「.+」的任务/)).toBeVisible();

  // The month view of the calendar shows the tasks of its six weeks, among them the event-trigger tasks due within days.
  await page.getByTestId('calendar-view').getByText('月', { exact: true }).click();
  await expect(page.getByTestId('calendar-month').getByTestId('calendar-task').first()).toBeVisible();
  await page.getByTestId('task-calendar').screenshot({ path: join(SCREENSHOTS, 'my-day-calendar.png') });
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

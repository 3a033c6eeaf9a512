import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, login, SCREENSHOTS } from './support';

test('a leader filters the VIP list, opens a customer and sees the factors of both scores', async ({ page }) => {
  await login(page, 'leader');
  await page.getByTestId('nav').getByText('VIP 客户榜').click();
  const rows = page.getByTestId('vip-list').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('vip-tier-chart').locator('canvas')).toBeVisible();
  await expect(rows.first().locator('td').first()).toHaveText('1');

  await page.getByTestId('vip-filter-tier').click();
  await page.locator('nz-option-item', { hasText: '黄金' }).click();
  await expect(rows.first()).toContainText('黄金');
  const tiers = (await rows.locator('td:nth-child(8)').allTextContents()).map((t) => t.trim());
  expect(tiers.length).toBeGreaterThan(0);
  expect(new Set(tiers)).toEqual(new Set(['黄金']));
  await page.waitForTimeout(1000);
  await page.screenshot({ path: join(SCREENSHOTS, 'vip-list.png'), fullPage: true });

  const name = (await rows.first().locator('a').textContent())?.trim() ?? '';
  await rows.first().locator('a').click();
  await expect(page.getByTestId('customer-profile')).toContainText(name);
  await page.getByRole('tab', { name: '评分' }).click();
  const scores = page.getByTestId('customer-scores');
  await expect(scores.getByTestId('vip-score')).toContainText('黄金');
  await expect(scores.getByTestId('vip-factors').locator('canvas')).toBeVisible();
  await expect(scores.getByTestId('credit-factors').locator('canvas')).toBeVisible();
  await expect(scores.getByTestId('payment-method')).not.toBeEmpty();
  await expect(scores.getByTestId('score-history').locator('canvas')).toBeVisible();
  await scores.scrollIntoViewIfNeeded();
  await page.waitForTimeout(1000); // the charts' opening animation
  await page.screenshot({ path: join(SCREENSHOTS, 'customer-scores.png'), fullPage: true });
});

test('a leader previews a change of weights before saving it, and the preview saves nothing', async ({
  page,
  request,
}) => {
  const headers = await authHeaders(request, 'leader');
  const modelsBefore = await (await request.get('/api/scoring/models', { headers })).json();
  const current = modelsBefore[0];
  expect([current.vipWeights.consumption, current.vipWeights.growth]).not.toEqual([0.2, 0.25]);
  const vipBefore = await (await request.get('/api/vip?pageSize=20', { headers })).json();

  await login(page, 'leader');
  await page.goto('/scoring-model');
  await expect(page.getByTestId('model-version')).toHaveText(`v${current.version}`);
  await page.getByTestId('model-weight-consumption').locator('input').fill('0.2');
  await page.getByTestId('model-weight-growth').locator('input').fill('0.25');
  await page.getByTestId('model-preview').click();
  await expect(page.getByTestId('preview-result')).toBeVisible();
  await expect(page.getByTestId('preview-customers')).not.toHaveText('0');
  await page.screenshot({ path: join(SCREENSHOTS, 'scoring-model.png'), fullPage: true });

  // Nothing saved: the same versions, the current one with its own weights, and the same scores.
  expect(await (await request.get('/api/scoring/models', { headers })).json()).toEqual(modelsBefore);
  expect(await (await request.get('/api/vip?pageSize=20', { headers })).json()).toEqual(vipBefore);
  await expect(page.getByTestId('model-version')).toHaveText(`v${current.version}`);
  await page.reload();
  await expect(page.getByTestId('model-weight-consumption').locator('input')).toHaveValue(
    String(current.vipWeights.consumption),
  );
  await expect(page.getByTestId('model-weight-growth').locator('input')).toHaveValue(String(current.vipWeights.growth));
});

test('an account manager sees the rating and tier changes of their customers under the bell', async ({ page }) => {
  await login(page, 'manager1');
  await page.getByTestId('notification-bell').click();
  // The notifications are grouped by kind, each group with its unread count; the rating or tier changes ("A → B")
  // are a group of their own, perhaps with older ones behind "more".
  const panel = page.getByTestId('notifications');
  await expect(panel.getByTestId('notification-group').first()).toBeVisible();
  await panel.locator('[data-testid="notification-group"][data-kind$="_changed"]').first().click();
  const change = panel.locator('a.item', { hasText: '→' }).first();
  const more = page.getByTestId('notifications-more');
  await expect(panel.locator('a.item').first()).toBeVisible();
  while (!(await change.isVisible()) && (await more.isVisible())) {
    const shown = await panel.locator('a.item').count();
    await more.click();
    await expect(panel.locator('a.item')).not.toHaveCount(shown);
  }
  await expect(change).toBeVisible();
  await change.click();
  await expect(page.getByTestId('customer-profile')).toBeVisible();
});

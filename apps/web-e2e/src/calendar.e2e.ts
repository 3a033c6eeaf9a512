import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { login } from './support';

/** A made-up notice for 2027 (the real one is not published yet): 29 holidays, 6 make-up working days. */
const NOTICE_2027 = readFileSync(join(__dirname, '..', '..', '..', 'tools', 'test', 'holiday-notice-2027.txt'), 'utf8');

const NOTICE_2026 = readFileSync(join(__dirname, '..', '..', '..', 'seeds', 'holiday-notices', '2026.txt'));

test("an admin is reminded that 2027's holidays are not loaded and enters them by pasting the notice", async ({
  page,
}) => {
  // The calendar package knows the years up to 2026, so 2027 is the year to enter from 1 November 2026
  // (next year) to the end of 2027 (this year). Later, this test needs the notice of the year then missing.
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  expect(today >= '2026-11-01' && today <= '2027-12-31', `2027 is not the year to enter on ${today}`).toBe(true);

  await login(page, 'admin');
  await expect(page.getByTestId('calendar-reminder')).toContainText('2027');
  await page.getByTestId('calendar-reminder-link').click();
  await expect(page).toHaveURL(/\/calendar\?year=2027&notice=1$/);
  await expect(page.getByTestId('calendar-unknown')).toContainText('2027');

  // Last year's notice, uploaded by mistake: its weekdays are not 2027's, nothing can be saved.
  await page
    .getByTestId('notice-file')
    .setInputFiles({ name: '2026.txt', mimeType: 'text/plain', buffer: NOTICE_2026 });
  await expect(page.getByTestId('notice-errors')).toContainText(
    '第 5 行： 2027-01-01 是星期五，通知写的是星期四：是否粘贴了其他年份的通知？',
  );
  await expect(page.getByTestId('notice-save')).toBeDisabled();

  await page.getByTestId('notice-text').fill(NOTICE_2027);
  await expect(page.getByTestId('notice-errors')).toHaveCount(0);
  await expect(page.getByTestId('notice-counts')).toHaveText('2027 年：节假日 29 天，调休上班 6 天');
  await expect(page.getByTestId('notice-preview').locator('tr', { hasText: '2027-02-20' }).locator('td')).toHaveText([
    '2027-02-20',
    '星期六',
    '调休上班',
    '春节',
  ]);
  await page.getByTestId('notice-save').click();

  await expect(page.getByTestId('calendar-known')).toHaveText('2027 年节假日已加载（来源：管理员）');
  await expect(page.getByTestId('notice-entry')).toHaveCount(0);
  await expect(page.getByTestId('calendar-days')).toContainText('2027-10-09');
  await expect(page.getByTestId('calendar-reminder').filter({ hasText: '2027' })).toHaveCount(0);
});

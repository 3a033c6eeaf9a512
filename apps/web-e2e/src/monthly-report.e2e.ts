import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { login } from './support';

/** Where the report's PDF is kept for people to look at. */
const SHOTS = process.env['MONTHLY_REPORT_SHOTS'] ?? join(__dirname, '..', '..', '..', 'test-output', 'monthly-report');

/** Last month (China time), YYYY-MM: the month the leader generates. */
function lastMonth(): string {
  const china = new Date(Date.now() + 8 * 3_600_000);
  const month = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

test('leadership generates last month, opens the printable report, prints it to an A4 PDF and downloads the .xlsx', async ({
  page,
}) => {
  // The generation computes the month's snapshot, then the company's, the league's and each region's figures.
  test.setTimeout(120_000);
  const period = lastMonth();
  await login(page, 'leader');
  await page.getByTestId('nav').getByText('月度报告').click();
  await expect(page).toHaveURL(/\/kpis\/reports$/);
  await expect(page.getByTestId('report-period')).toContainText(period);
  await page.getByTestId('report-generate').click();
  await expect(page).toHaveURL(new RegExp(`/kpis/reports/${period}$`), { timeout: 30_000 });

  // The cover: Chinese whatever the UI language, the month and when it was generated.
  const [year, month] = period.split('-').map(Number);
  await expect(page.getByTestId('report-month')).toHaveText(`${year}年${month}月`);
  await expect(page.getByTestId('report-generated')).toContainText('由 ');
  await expect(page.getByTestId('report-section-service_quality')).toContainText('万户投诉率');
  await expect(page.getByTestId('report-league')).toContainText('客户经理排行');
  await expect(page.getByTestId('report-regions')).toContainText('分区域指标');
  await expect(page.getByTestId('report-region-鹿城区')).toContainText('鹿城区');
  // Every KPI has its chart, drawn as SVG so that it prints.
  await expect(page.locator('[data-testid^="chart-"] svg')).toHaveCount(22);

  // The list now has the month.
  await page.getByRole('link', { name: '← 全部月度报告' }).click();
  await expect(page.getByTestId(`report-${period}`)).toBeVisible();
  await page.getByTestId(`report-${period}`).getByRole('link', { name: period }).click();
  await expect(page.locator('[data-testid^="chart-"] svg')).toHaveCount(22);

  // Printed: A4 pages (cover, one per section, the league table, the regions) with the charts in them.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `monthly-report-${period}.pdf`), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(10);
  // Vector charts add tens of kilobytes a section; a report of tables alone stays far below.
  expect(pdf.length).toBeGreaterThan(150_000);

  // English on request: the same figures, English texts.
  await page.getByTestId('report-lang').getByText('English').click();
  await expect(page.getByTestId('report-section-service_quality')).toContainText('Complaints per 10,000 customers');
  await expect(page.getByTestId('report-region-鹿城区')).toContainText('Lucheng');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-xlsx').click()]);
  expect(download.suggestedFilename()).toBe(`monthly-report-${period}.xlsx`);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 2).toString()).toBe('PK');
});

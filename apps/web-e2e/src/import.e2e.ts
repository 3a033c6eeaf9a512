import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, login, SCREENSHOTS } from './support';

test('an admin imports consumption: a file with a bad row is refused, then its valid rows are imported', async ({
  page,
  request,
}) => {
  const token = (
    await (await request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).json()
  ).accessToken as string;
  const customers = await (
    await request.get('/api/customers?pageSize=1&sort=accountNo', { headers: { Authorization: `Bearer ${token}` } })
  ).json();
  const accountNo = customers.items[0].accountNo as string;
  const csv = [
    'accountNo,period,kwh,maxDemandKw,powerFactor',
    `${accountNo},2020-01,1200,310,0.93`,
    `${accountNo},2020-02,abc,305,0.92`,
  ]
    .join('\n')
    .concat('\n');

  await login(page, 'admin');
  await page.getByRole('link', { name: '数据导入' }).click();
  await expect(page.getByTestId('import-columns')).toContainText('maxDemandKw');
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'consumption.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-send').click();

  const result = page.getByTestId('import-result');
  /** The figures of the report: accepted, rejected, inserted, updated, unchanged (then the seconds). */
  const figures = async () =>
    (await result.locator('nz-statistic').allInnerTexts()).slice(0, 5).map((text) => text.replace(/\s+/g, ' ').trim());
  await expect(result).toContainText('未导入任何数据：1 行有错误');
  // Refused: nothing accepted, nothing written.
  expect(await figures()).toEqual(['接受 0', '拒绝 1', '新增 0', '更新 0', '未变 0']);
  // Row 2 of the data (the header is not counted), its field and the API's message.
  const errors = page.getByTestId('import-errors').locator('tbody tr');
  await expect(errors).toHaveCount(1);
  await expect(errors.first().locator('td')).toHaveText(['2', 'kwh', '须为数字']);
  const download = page.waitForEvent('download');
  await page.getByTestId('import-errors-csv').click();
  const errorsFile = await download;
  expect(errorsFile.suggestedFilename()).toBe('consumption-errors.csv');
  expect(readFileSync(await errorsFile.path(), 'utf8')).toBe('\uFEFF行号,字段,问题\r\n2,kwh,须为数字\r\n');

  await page.getByTestId('import-valid-rows').click();
  await expect(result).toContainText('导入成功：接受 1 行');
  await expect(page.getByTestId('import-progress')).toContainText('已完成');
  expect(await figures()).toEqual(['接受 1', '拒绝 1', '新增 1', '更新 0', '未变 0']);
  const customer = customers.items[0] as { id: string };
  const consumption = await (
    await request.get(`/api/customers/${customer.id}/consumption?months=120`, {
      headers: { Authorization: `Bearer ${token}` },
    })
  ).json();
  expect(consumption.filter((m: { period: string }) => m.period.startsWith('2020-'))).toEqual([
    { period: '2020-01', kwh: 1200, maxDemandKw: 310, powerFactor: 0.93 },
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'import.png'), fullPage: true });
});

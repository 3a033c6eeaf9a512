import { expect, test } from '@playwright/test';
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
  await expect(result).toContainText('未导入任何数据：1 行有错误');
  const errors = page.getByTestId('import-errors').locator('tbody tr');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText('2');
  await expect(errors.first()).toContainText('kwh');
  const download = page.waitForEvent('download');
  await page.getByTestId('import-errors-csv').click();
  expect((await download).suggestedFilename()).toBe('consumption-errors.csv');

  await page.getByTestId('import-valid-rows').click();
  await expect(result).toContainText('导入成功：接受 1 行');
  await expect(page.getByTestId('import-progress')).toContainText('已完成');
  await page.screenshot({ path: join(SCREENSHOTS, 'import.png'), fullPage: true });
});

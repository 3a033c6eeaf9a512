import { expect, test } from '@playwright/test';
import { authHeaders, login } from './support';

test('leadership sees the service quality and opens the orders behind a figure', async ({ page, request }) => {
  const headers = await authHeaders(request, 'leader');
  const customers = await (await request.get('/api/customers?pageSize=1', { headers })).json();
  const customerId = customers.items[0].id as string;
  // A 12398 complaint yesterday: counted, and escalated.
  const created = await request.post(`/api/customers/${customerId}/requests`, {
    headers,
    data: {
      channel: 'regulator_12398',
      type: 'complaint',
      topic: 'service_attitude',
      summary: '客户向12398投诉服务态度',
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    },
  });
  expect(created.status()).toBe(201);
  const report = await (await request.get('/api/requests/report', { headers })).json();

  await login(page, 'leader');
  await page.getByTestId('nav').getByText('服务质量').click();
  await expect(page).toHaveURL(/\/service-quality$/);
  await expect(page.getByTestId('sq-orders')).toContainText(report.orders.count.toLocaleString('en'));
  await expect(page.getByTestId('sq-escalated')).toContainText(String(report.escalated.count));
  await expect(page.getByTestId('chart-by-type').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('service-quality-managers')).toContainText(report.byManager[0].manager.displayName);

  // The card opens the requests list filtered to the escalated orders of the period: China dates in the
  // URL, the last day included, and the order just made among them.
  await page
    .getByRole('link')
    .filter({ has: page.getByTestId('sq-escalated') })
    .click();
  await expect(page).toHaveURL(/\/requests\?/);
  const url = new URL(page.url());
  const { from, to, ...rest } = report.escalated.filter as Record<string, string>;
  expect(Object.fromEntries(url.searchParams)).toEqual({
    ...rest,
    from: chinaDay(new Date(from)),
    to: chinaDay(new Date(Date.parse(to) - 1)),
  });
  await expect(page.getByTestId('request-views')).toBeVisible();
  await expect(page.locator('tbody')).toContainText('客户向12398投诉服务态度');
});

/** The China date of an instant, YYYY-MM-DD. */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

import { APIRequestContext, expect, Page } from '@playwright/test';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'demo12345';
export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

/** Logs in through the login page as a demo user and waits for the role's home page. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
  // A password check is deliberately slow, and the nightly jobs may be busy on a small machine.
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 15_000 });
}

/** The `authorization` header of a demo user, logged in through the API. */
export async function authHeaders(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

let customers = 0;

/**
 * A new customer of manager1, created through the API: account number `<prefix><suffix>` and name
 * `<name><suffix>`, with a suffix of 8 digits no other spec or run uses; `data` overrides the other fields.
 */
export async function newCustomer(
  request: APIRequestContext,
  prefix: string,
  name: string,
  data: Record<string, unknown> = {},
): Promise<{ id: string; accountNo: string; name: string; suffix: string }> {
  const suffix = `${Date.now().toString().slice(-6)}${String(customers++ % 100).padStart(2, '0')}`;
  const body = {
    accountNo: `${prefix}${suffix}`,
    name: `${name}${suffix}`,
    creditCode: '91350100M000100Y43',
    industry: '38',
    voltageKv: 10,
    contractCapacityKva: 1250,
    tariffCategory: 'large_industry',
    region: '龙湾区',
    address: '温州市龙湾区滨海园区 8 号',
    contacts: [{ name: '陈国强', phone: '13857712345', role: '电气负责人' }],
    ...data,
  };
  const res = await request.post('/api/customers', { headers: await authHeaders(request, 'manager1'), data: body });
  expect(res.status()).toBe(201);
  return { id: (await res.json()).id, accountNo: body.accountNo, name: body.name, suffix };
}

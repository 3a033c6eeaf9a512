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

import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { join } from 'node:path';
import { authHeaders, DEMO_PASSWORD, login, newCustomer, SCREENSHOTS } from './support';

const DAY = 24 * 60 * 60 * 1000;

/** A new customer of manager1 with a new-connection application received now, or at `receivedAt`. */
async function newConnection(
  request: APIRequestContext,
  receivedAt?: Date,
): Promise<{ customerId: string; applicationId: string }> {
  const headers = await authHeaders(request, 'manager1');
  const { id: customerId } = await newCustomer(request, '38', '温州浏览器测试电气有限公司');
  const app = await request.post(`/api/customers/${customerId}/applications`, {
    headers,
    data: { type: 'new_connection', ...(receivedAt ? { receivedAt: receivedAt.toISOString() } : {}) },
  });
  expect(app.status()).toBe(201);
  return { customerId, applicationId: (await app.json()).id };
}

test('an account manager walks a new connection to energization', async ({ page, request }) => {
  const { customerId, applicationId } = await newConnection(request);
  await login(page, 'manager1');
  await page.goto(`/applications/${applicationId}`);
  await expect(page.getByTestId('step-acceptance')).toHaveAttribute('data-state', 'in_progress');
  const codes = [
    'acceptance',
    'survey_plan',
    'design_review',
    'mid_inspection',
    'completion_acceptance',
    'energization',
  ];
  for (const [i, code] of codes.entries()) {
    await page.getByTestId('advance').click();
    await page.getByTestId('advance-note').fill(`${code} 完成`);
    await page.getByTestId('action-save').click();
    // The dialog closes once the API answered with the advanced application, which a busy machine may take longer
    // than an assertion's 5 s to do; the page then shows the step done and the next one started.
    await expect(page.getByTestId('advance-note')).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId(`step-${code}`)).toHaveAttribute('data-state', 'done');
    const next = codes[i + 1];
    if (next) await expect(page.getByTestId(`step-${next}`)).toHaveAttribute('data-state', 'in_progress');
  }
  await expect(page.getByTestId('application-status')).toHaveText('已完成');
  // Walked in one day: the utility's steps used none of the 22 working days of the commitment.
  await expect(page.getByTestId('commitment')).toContainText('供电企业环节已用 0 / 22 个工作日');
  await expect(page.getByTestId('commitment')).toContainText('已达标');
  await expect(page.getByTestId('step-energization')).toContainText('energization 完成');
  await page.screenshot({ path: join(SCREENSHOTS, 'application-completed.png'), fullPage: true });

  const headers = await authHeaders(request, 'manager1');
  const customer = await (await request.get(`/api/customers/${customerId}`, { headers })).json();
  expect(customer.stage).toBe('active');
});

/**
 * An open application of manager1 whose site survey (15 working days) started `daysAgo` calendar days ago,
 * its acceptance done then; returns its id and its SLA state today.
 */
async function surveyStarted(request: APIRequestContext, daysAgo: number): Promise<{ id: string; sla: string }> {
  const headers = await authHeaders(request, 'manager1');
  const receivedAt = new Date(Date.now() - daysAgo * DAY - 60_000);
  const { applicationId } = await newConnection(request, receivedAt);
  const advanced = await request.post(`/api/applications/${applicationId}/advance`, {
    headers,
    data: { completedAt: new Date(receivedAt.getTime() + 30_000).toISOString() },
  });
  expect(advanced.status()).toBe(200);
  const application = await advanced.json();
  const step = application.steps.find((s: { code: string }) => s.code === application.currentStep);
  expect(step.code).toBe('survey_plan');
  return { id: applicationId, sla: step.sla };
}

test('the manager’s application list puts urgent work first', async ({ page, request }) => {
  // One application in each SLA state, whatever the demo data holds.
  const overdue = await surveyStarted(request, 60);
  expect(overdue.sla).toBe('overdue');
  const onTime = await surveyStarted(request, 0);
  expect(onTime.sla).toBe('on_time');
  // In warning from 12 of the 15 working days (more calendar days, with weekends and holidays) to the due date:
  // go back a day at a time until one is, cancelling those still on time.
  let warning: { id: string; sla: string } | null = null;
  for (let daysAgo = 12; !warning && daysAgo <= 40; daysAgo++) {
    const candidate = await surveyStarted(request, daysAgo);
    expect(candidate.sla).not.toBe('overdue');
    if (candidate.sla === 'warning') warning = candidate;
    else
      expect(
        (
          await request.post(`/api/applications/${candidate.id}/cancel`, {
            headers: await authHeaders(request, 'manager1'),
            data: { reason: '测试数据' },
          })
        ).status(),
      ).toBe(200);
  }
  expect(warning).not.toBeNull();

  await login(page, 'manager1');
  await page.goto('/applications');
  const table = page.getByTestId('applications');
  await expect(table.locator('[data-sla]').first()).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'applications.png'), fullPage: true });
  // The open applications, page after page, in the order shown.
  const shown: { id: string | null; sla: string | null }[] = [];
  for (let pageNo = 1; ; pageNo++) {
    await expect(table.locator('.ant-pagination-item-active')).toHaveText(String(pageNo));
    await expect(table.locator('.ant-spin-blur')).toHaveCount(0);
    shown.push(
      ...(await table.locator('tbody tr[data-testid^="application-"]').evaluateAll((rows) =>
        rows.map((r) => ({
          id: r.getAttribute('data-testid'),
          sla: r.querySelector('[data-sla]')?.getAttribute('data-sla') ?? null,
        })),
      )),
    );
    if ((await table.locator('.ant-pagination-next.ant-pagination-disabled').count()) > 0 || pageNo >= 50) break;
    await table.locator('.ant-pagination-next').click();
  }
  const rank: Record<string, number> = { overdue: 0, warning: 1, on_time: 2 };
  const ranks = shown.map((r) => rank[r.sla ?? 'none']);
  expect(ranks.every((r) => r !== undefined)).toBe(true);
  expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  const position = (id: string) => shown.findIndex((r) => r.id === `application-${id}`);
  expect(position(overdue.id)).toBeGreaterThanOrEqual(0);
  expect(position(overdue.id)).toBeLessThan(position((warning as { id: string }).id));
  expect(position((warning as { id: string }).id)).toBeLessThan(position(onTime.id));
});

test('the application list shows dates people read, days overdue and its total, and keeps its filters in the URL', async ({
  page,
  request,
}) => {
  const overdue = await surveyStarted(request, 60);
  expect(overdue.sla).toBe('overdue');
  const headers = await authHeaders(request, 'manager1');
  const listed = async (query: string) => (await request.get(`/api/applications?${query}`, { headers })).json();
  // Page 1 of the list as the page asks for it (open, overdue, 20 rows).
  const all = await listed('status=open&sla=overdue&pageSize=20');
  expect(all.total).toBeGreaterThan(0);

  await login(page, 'manager1');
  await page.goto('/applications');
  await page.getByTestId('filter-sla').click();
  await page.locator('nz-option-item', { hasText: '超期' }).click();
  await expect(page).toHaveURL(/[?&]sla=overdue/);
  await page.reload();
  const table = page.getByTestId('applications');
  // A reload starts the app again: give a busy machine time.
  await expect(table.locator('[data-sla]').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('filter-sla')).toContainText('超期');
  await expect(table.locator('.ant-spin-blur')).toHaveCount(0);
  await expect(page.getByTestId('applications-total')).toHaveText(`共 ${all.total.toLocaleString('en')} 个工单`);
  const slas = await table.locator('[data-sla]').evaluateAll((tags) => tags.map((t) => t.getAttribute('data-sla')));
  expect(slas.length).toBeGreaterThan(0);
  expect(new Set(slas)).toEqual(new Set(['overdue']));
  await expect(table).not.toContainText('T00:00');
  // Each row: its due date as a date and its days overdue, as the API gives them.
  const headersShown = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const dueColumn = headersShown.indexOf('到期日');
  const daysColumn = headersShown.indexOf('逾期天数');
  expect(dueColumn).toBeGreaterThanOrEqual(0);
  expect(daysColumn).toBeGreaterThanOrEqual(0);
  const items = all.items as { id: string; dueDate: string; daysOverdue: number }[];
  expect(items.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.dueDate) && a.daysOverdue > 0)).toBe(true);
  const shown = await table.locator('tbody tr[data-testid^="application-"]').evaluateAll(
    (rows, [due, days]) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('td')].map((td) => td.textContent?.trim());
        return [r.getAttribute('data-testid'), cells[due], cells[days]];
      }),
    [dueColumn, daysColumn],
  );
  expect(shown).toEqual(items.map((a) => [`application-${a.id}`, a.dueDate, a.daysOverdue.toLocaleString('en')]));
  await page.screenshot({ path: join(SCREENSHOTS, 'applications-overdue.png'), fullPage: true });
});

test('leadership sees the time-limit compliance rate with charts', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/lifecycle-report');
  await expect(page.getByTestId('kpi-rate')).toContainText('%');
  await expect(page.getByTestId('chart-month').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1500); // let the charts finish their entry animation
  await page.screenshot({ path: join(SCREENSHOTS, 'lifecycle-report.png'), fullPage: true });
});

test('an admin sees the holidays of 2026 and is told when a year is not known', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/calendar');
  await expect(page.getByTestId('calendar-days')).toContainText('2026-10-01');
  await page.getByTestId('calendar-year').click();
  await page.locator('nz-option-item', { hasText: String(new Date().getFullYear() + 2) }).click();
  await expect(page.getByTestId('calendar-unknown')).toBeVisible();
});

interface LateStep {
  code: string;
  nameZh: string;
  nameEn: string;
  workingDaysLate: number | null;
}

/**
 * An application of manager1 received 60 days ago whose acceptance (1 working day) was done 10 days later, past its
 * due date; its survey (15 working days) has run since and is past its limit too.
 */
async function finishedLateAndOverdue(request: APIRequestContext): Promise<{ id: string; steps: LateStep[] }> {
  const receivedAt = new Date(Date.now() - 60 * DAY);
  const { applicationId } = await newConnection(request, receivedAt);
  const advanced = await request.post(`/api/applications/${applicationId}/advance`, {
    headers: await authHeaders(request, 'manager1'),
    data: { completedAt: new Date(receivedAt.getTime() + 10 * DAY).toISOString() },
  });
  expect(advanced.status()).toBe(200);
  const application = await advanced.json();
  expect(application.steps[0]).toMatchObject({ code: 'acceptance', state: 'done', sla: 'overdue' });
  expect(application.steps[0].workingDaysLate).toBeGreaterThan(1);
  expect(application.steps[1]).toMatchObject({ code: 'survey_plan', state: 'in_progress', sla: 'overdue' });
  expect(application.steps[1].workingDaysLate).toBeGreaterThan(1);
  return application;
}

/** Every step title of the step bar shows its whole text, none over another, all within the page's width. */
async function expectStepNamesInFull(page: Page, names: string[]): Promise<void> {
  const titles = page.getByTestId('tracker').locator('.ant-steps-item-title');
  await expect(titles).toHaveText(names);
  const boxes = await titles.evaluateAll((elements) =>
    elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped: e.scrollWidth > e.clientWidth };
    }),
  );
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  for (const [i, box] of boxes.entries()) {
    expect(box.clipped, names[i]).toBe(false);
    expect(box.left, names[i]).toBeGreaterThanOrEqual(0);
    expect(box.right, names[i]).toBeLessThanOrEqual(width);
    const next = boxes[i + 1];
    // Side by side: the next title starts right of this one; in a list, below it.
    if (next) expect(next.left >= box.right || next.top >= box.bottom, `${names[i]} overlaps the next`).toBe(true);
  }
  for (const [i, name] of names.entries()) {
    await expect(page.getByTestId('tracker').locator('nz-step').nth(i)).toHaveAttribute('title', name);
  }
}

/** The step bar in amber where steps ran late, with no error mark, and every step's name in full. */
async function expectStepBar(page: Page, application: { steps: LateStep[] }, lang: 'zh-CN' | 'en'): Promise<void> {
  const tracker = page.getByTestId('tracker');
  const [acceptance, survey] = application.steps.map((s) => s.workingDaysLate);
  await expect(tracker.getByTestId('tracker-acceptance')).toHaveAttribute('data-mark', 'late');
  await expect(tracker.getByTestId('tracker-survey_plan')).toHaveAttribute('data-mark', 'overdue');
  const words =
    lang === 'zh-CN'
      ? [`逾期 ${acceptance} 个工作日完成`, `已逾期 ${survey} 个工作日`]
      : [`Finished ${acceptance} working days late`, `${survey} working days late`];
  await expect(tracker.getByTestId('tracker-mark')).toHaveText(words);
  // Late is no failure: no red ✕, the marks amber.
  await expect(tracker.locator('.ant-steps-item-error')).toHaveCount(0);
  for (const code of ['acceptance', 'survey_plan']) {
    await expect(tracker.getByTestId(`tracker-${code}`).locator('.ant-steps-item-icon')).toHaveCSS(
      'border-color',
      'rgb(250, 173, 20)',
    );
  }
  await expect(page.getByTestId('step-acceptance').locator('[data-mark]')).toHaveText(words[0]);
  // The long English names ("Site survey and supply plan reply", "Mid-construction inspection") too.
  await expectStepNamesInFull(
    page,
    application.steps.map((s) => (lang === 'zh-CN' ? s.nameZh : s.nameEn)),
  );
}

test.describe('the application page at 1440 × 900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a late step reads as late in amber, not failed, and every step name reads in full, in Chinese and English', async ({
    page,
    request,
  }) => {
    const application = await finishedLateAndOverdue(request);
    await login(page, 'manager1');
    await page.goto(`/applications/${application.id}`);
    // A busy machine may take longer than an assertion's 5 s to load the page.
    await expect(page.getByTestId('tracker')).toHaveClass(/ant-steps-horizontal/, { timeout: 15_000 });
    await expectStepBar(page, application, 'zh-CN');
    await page.screenshot({ path: join(SCREENSHOTS, 'application-steps-desktop-zh-CN.png'), fullPage: true });

    await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
    await expectStepBar(page, application, 'en');
    await page.screenshot({ path: join(SCREENSHOTS, 'application-steps-desktop-en.png'), fullPage: true });
  });

  test('only the owner and admins see the actions on an application; leadership, marketing and auditors read it', async ({
    page,
    request,
  }) => {
    const { applicationId } = await newConnection(request);
    for (const username of ['auditor', 'leader', 'marketing']) {
      await login(page, username);
      await page.goto(`/applications/${applicationId}`);
      await expect(page.getByTestId('step-acceptance')).toHaveAttribute('data-state', 'in_progress');
      await expect(page.getByTestId('advance'), username).toHaveCount(0);
      await expect(page.getByTestId('cancel'), username).toHaveCount(0);
    }
    // What was applied for reads in full, never an empty cell: a new connection without a requested capacity is single supply.
    await expect(page.getByTestId('application-details')).toHaveText('单电源');
    for (const username of ['manager1', 'admin']) {
      await login(page, username);
      await page.goto(`/applications/${applicationId}`);
      await expect(page.getByTestId('advance'), username).toBeVisible();
      await expect(page.getByTestId('cancel'), username).toBeVisible();
    }
  });
});

test.describe('the application page on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the steps are a vertical list with their names in full and late in amber, nothing scrolls sideways', async ({
    page,
    request,
  }) => {
    const application = await finishedLateAndOverdue(request);
    await page.goto('/login');
    await page.locator('#username').fill('manager1');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('nav-toggle')).toBeVisible({ timeout: 15_000 });
    await page.goto(`/applications/${application.id}`);
    for (const lang of ['zh-CN', 'en'] as const) {
      if (lang === 'en') {
        await page.getByTestId('header-menu').click();
        await page.getByTestId('language-switch').getByText('English', { exact: true }).click();
        await page.keyboard.press('Escape');
      }
      await expect(page.getByTestId('tracker')).toHaveClass(/ant-steps-vertical/, { timeout: 15_000 });
      await expectStepBar(page, application, lang);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SCREENSHOTS, `application-steps-phone-${lang}.png`), fullPage: true });
    }
  });
});

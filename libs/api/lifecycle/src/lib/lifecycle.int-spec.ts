import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { OwnershipModule } from '@crm/api/ownership';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { NotificationsModule } from '@crm/api/notifications';
import { ClockScanService } from '@crm/api/time-limits';
import { LifecycleModule } from '../index';

const DAY = 86_400_000;

describe('lifecycle: applications, steps, time limits', () => {
  let t: TestApp;
  const customer = async (stage = 'applying', as = 'manager1') => {
    const c = await createCustomer(t, 'admin', { managerId: t.userIds[as] });
    if (stage !== 'applying') await t.dataSource.query('UPDATE customers SET stage = $2 WHERE id = $1', [c.id, stage]);
    return c;
  };
  const open = (customerId: string, body: Record<string, unknown>, as = 'manager1') =>
    t.request('POST', `/customers/${customerId}/applications`, { as, body });
  const advance = (id: string, body: Record<string, unknown> = {}, as = 'manager1') =>
    t.request('POST', `/applications/${id}/advance`, { as, body });
  const stageOf = async (id: string) => (await t.request('GET', `/customers/${id}`, { as: 'admin' })).body.stage;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OwnershipModule, CalendarModule, LifecycleModule, NotificationsModule]);
  });
  afterAll(() => t.close());

  describe('starting an application', () => {
    it('copies the step table with its limits and starts the first step at receivedAt', async () => {
      const c = await customer();
      const res = await open(c.id, { type: 'new_connection', receivedAt: '2026-09-24T02:00:00.000Z' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        customerId: c.id,
        type: 'new_connection',
        status: 'open',
        currentStep: 'acceptance',
      });
      expect(res.body.steps.map((s: { code: string; slaWorkingDays: number }) => [s.code, s.slaWorkingDays])).toEqual([
        ['acceptance', 1],
        ['survey_plan', 15],
        ['design_review', 10],
        ['mid_inspection', 5],
        ['completion_acceptance', 5],
        ['energization', 5],
      ]);
      // Thursday 24 Sep 2026 + 1 working day skips Mid-Autumn (25–27 Sep): Monday 28 Sep.
      expect(res.body.steps[0]).toMatchObject({
        state: 'in_progress',
        startedAt: '2026-09-24T02:00:00.000Z',
        dueDate: '2026-09-28',
        sla: 'overdue',
      });
      expect(res.body.steps[1]).toMatchObject({ state: 'pending', startedAt: null, dueDate: null });
    });

    it('gives the survey and supply plan 30 working days for dual supply', async () => {
      const c = await customer();
      const res = await open(c.id, { type: 'new_connection', dualSupply: true });
      expect(res.body.steps[1]).toMatchObject({ code: 'survey_plan', slaWorkingDays: 30 });
    });

    it('refuses, with 409 and a reason, what the lifecycle does not allow', async () => {
      const active = await customer('active');
      expect((await open(active.id, { type: 'new_connection' })).body.message).toMatch(/not yet connected/);
      expect((await open(active.id, { type: 'suspension' })).status).toBe(201);
      const again = await open(active.id, { type: 'suspension' });
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/already has an open suspension/);
      const closure = await open(active.id, { type: 'closure' });
      expect(closure.status).toBe(409);
      expect(closure.body.message).toMatch(/every other application/);

      const closing = await customer('active');
      expect((await open(closing.id, { type: 'closure' })).status).toBe(201);
      expect(await stageOf(closing.id)).toBe('closing');
      expect((await open(closing.id, { type: 'capacity_increase', requestedCapacityKva: 5000 })).body.message).toMatch(
        /only the closure/,
      );

      const closed = await customer('closed');
      expect((await open(closed.id, { type: 'closure' })).body.message).toMatch(/closed/);
    });

    it('validates the request: type, capacity, dates', async () => {
      const c = await customer('active');
      expect((await open(c.id, { type: 'upgrade' })).body.details[0].field).toBe('type');
      expect((await open(c.id, { type: 'capacity_increase', requestedCapacityKva: -5 })).body.details[0].field).toBe(
        'requestedCapacityKva',
      );
      expect((await open(c.id, { type: 'capacity_increase', requestedCapacityKva: 100 })).status).toBe(409);
      const future = await open(c.id, { type: 'suspension', receivedAt: new Date(Date.now() + 5 * DAY).toISOString() });
      expect(future.status).toBe(400);
      expect(future.body.details[0].field).toBe('receivedAt');
      const count = await t.dataSource.query('SELECT count(*)::int AS n FROM applications WHERE customer_id = $1', [
        c.id,
      ]);
      expect(count[0].n).toBe(0);
    });
  });

  describe('advancing', () => {
    it('walks a new connection to energization: each step on the timeline, the customer connected, then active', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      for (let i = 0; i < 6; i++) {
        const res = await advance(app.id, { note: `步骤 ${i + 1} 完成` });
        expect(res.status).toBe(200);
        if (i === 1) expect(await stageOf(c.id)).toBe('connecting');
      }
      const done = (await t.request('GET', `/applications/${app.id}`, { as: 'manager1' })).body;
      expect(done).toMatchObject({ status: 'completed', currentStep: null });
      expect(done.steps.every((s: { state: string }) => s.state === 'done')).toBe(true);
      expect(done.steps[2]).toMatchObject({ completedBy: { displayName: 'Manager One' }, note: '步骤 3 完成' });
      expect(await stageOf(c.id)).toBe('active');
      const timeline = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager1' })).body;
      expect(timeline.filter((e: { type: string }) => e.type === 'application_step')).toHaveLength(5);
      expect(timeline[0]).toMatchObject({ type: 'application_completed', actor: { displayName: 'Manager One' } });
      expect((await advance(app.id)).status).toBe(409);
    });

    it('completes exactly one step when two advances arrive at once', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      // Hold the application's row so that both requests are surely in flight together.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT 1 FROM applications WHERE id = $1 FOR UPDATE', [app.id]);
      const both = Promise.all([advance(app.id, { note: 'a' }), advance(app.id, { note: 'b' })]);
      // Both have read the current step once both wait for the row (a fixed pause is not enough on a busy machine).
      for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (waiting === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await blocker.commitTransaction();
      await blocker.release();
      const results = await both;
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const after = (await t.request('GET', `/applications/${app.id}`, { as: 'manager1' })).body;
      expect(after.steps.filter((s: { state: string }) => s.state === 'done')).toHaveLength(1);
      expect(after.currentStep).toBe('survey_plan');
    });

    it('refuses to complete a step other than the one the caller meant', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      expect((await advance(app.id, { step: 'design_review' })).status).toBe(409);
      const ok = await advance(app.id, { step: 'acceptance' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: app.id, status: 'open', currentStep: 'survey_plan' });
      expect(ok.body.steps.map((s: { state: string }) => s.state)).toEqual([
        'done',
        'in_progress',
        'pending',
        'pending',
        'pending',
        'pending',
      ]);
    });

    it('takes a back-dated completion, starts the next step then, and refuses dates before the start or in the future', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection', receivedAt: '2026-09-21T01:00:00.000Z' })).body;
      const before = await advance(app.id, { completedAt: '2026-09-20T01:00:00.000Z' });
      expect(before.status).toBe(400);
      expect(before.body.details[0].field).toBe('completedAt');
      const future = await advance(app.id, { completedAt: new Date(Date.now() + DAY).toISOString() });
      expect(future.status).toBe(400);
      const ok = await advance(app.id, { completedAt: '2026-09-22T03:00:00.000Z' });
      expect(ok.status).toBe(200);
      expect(ok.body.steps[0]).toMatchObject({ completedAt: '2026-09-22T03:00:00.000Z', sla: 'on_time' });
      // Survey: 15 working days from Tue 22 Sep, across Mid-Autumn, National Day and the make-up
      // Saturday 10 Oct → Tue 20 Oct.
      expect(ok.body.steps[1]).toMatchObject({ startedAt: '2026-09-22T03:00:00.000Z', dueDate: '2026-10-20' });
    });

    it('applies the change of the last step: capacity, owner, suspension, resumption, closure', async () => {
      const walk = async (id: string) => {
        for (let i = 0; i < 3; i++) expect((await advance(id)).status).toBe(200);
      };
      const c = await customer('active');
      const increase = (await open(c.id, { type: 'capacity_increase', requestedCapacityKva: 2000 })).body;
      for (let i = 0; i < 5; i++) await advance(increase.id);
      const before = (await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body;
      expect(before.contractCapacityKva).toBe(1250);
      await advance(increase.id);
      // One write of the customer, one version.
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body).toMatchObject({
        contractCapacityKva: 2000,
        version: before.version + 1,
      });

      await walk((await open(c.id, { type: 'transfer', newOwnerName: '温州新主人实业有限公司' })).body.id);
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body.name).toBe('温州新主人实业有限公司');

      await walk((await open(c.id, { type: 'suspension' })).body.id);
      expect(await stageOf(c.id)).toBe('suspended');
      await walk((await open(c.id, { type: 'resumption' })).body.id);
      expect(await stageOf(c.id)).toBe('active');
      await walk((await open(c.id, { type: 'closure' })).body.id);
      expect(await stageOf(c.id)).toBe('closed');
    });

    it('cancels with a reason, and a cancelled closure gives the customer its stage back', async () => {
      const c = await customer('suspended');
      const app = (await open(c.id, { type: 'closure' })).body;
      expect(await stageOf(c.id)).toBe('closing');
      expect((await t.request('POST', `/applications/${app.id}/cancel`, { as: 'manager1', body: {} })).status).toBe(
        400,
      );
      const res = await t.request('POST', `/applications/${app.id}/cancel`, {
        as: 'manager1',
        body: { reason: '客户撤回销户申请' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: '客户撤回销户申请', currentStep: null });
      expect(await stageOf(c.id)).toBe('suspended');
      const [entry] = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager1' })).body;
      expect(entry).toMatchObject({ type: 'application_cancelled', data: { reason: '客户撤回销户申请' } });
    });
  });

  describe('scope and handover', () => {
    it('answers 404 to an account manager for another manager’s applications', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      expect((await t.request('GET', `/applications/${app.id}`, { as: 'manager2' })).status).toBe(404);
      expect((await advance(app.id, {}, 'manager2')).status).toBe(404);
      expect(
        (await t.request('POST', `/applications/${app.id}/cancel`, { as: 'manager2', body: { reason: '试试' } }))
          .status,
      ).toBe(404);
      expect((await open(c.id, { type: 'new_connection' }, 'manager2')).status).toBe(404);
      const list = (await t.request('GET', '/applications?pageSize=500', { as: 'manager2' })).body.items;
      expect(list.map((a: { id: string }) => a.id)).not.toContain(app.id);
    });

    it('lets the owning manager and admins act on an application; leadership, marketing and auditors only read', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      for (const role of ['leader', 'marketing', 'auditor']) {
        expect((await t.request('GET', `/applications/${app.id}`, { as: role })).status).toBe(200);
        for (const [path, body] of [
          [`/applications/${app.id}/advance`, {}],
          [`/applications/${app.id}/cancel`, { reason: '只读角色试试' }],
          [`/customers/${c.id}/applications`, { type: 'capacity_increase', requestedCapacityKva: 800 }],
        ] as const) {
          const res = await t.request('POST', path, { as: role, body });
          expect([role, path, res.status]).toEqual([role, path, 403]);
          expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
        }
      }
      // Nothing changed: the first step is still the current one.
      expect((await t.request('GET', `/applications/${app.id}`, { as: 'manager1' })).body).toMatchObject({
        status: 'open',
        currentStep: 'acceptance',
      });
      const advanced = await advance(app.id, {}, 'admin');
      expect(advanced.status).toBe(200);
      expect(advanced.body.currentStep).toBe('survey_plan');
      const cancelled = await t.request('POST', `/applications/${app.id}/cancel`, {
        as: 'admin',
        body: { reason: '管理员撤销' },
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
    });

    it('moves open applications with the customer on handover', async () => {
      const openWork = async () =>
        Object.fromEntries(
          (await t.request('GET', '/managers/workload', { as: 'leader' })).body.map(
            (w: { manager: { username: string }; openWork: number }) => [w.manager.username, w.openWork],
          ),
        );
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      const before = await openWork();
      await t.request('POST', `/customers/${c.id}/handover`, {
        as: 'leader',
        body: { toManagerId: t.userIds['manager2'], reason: '调岗' },
      });
      expect((await t.request('GET', `/applications/${app.id}`, { as: 'manager1' })).status).toBe(404);
      const advanced = await advance(app.id, {}, 'manager2');
      expect(advanced.status).toBe(200);
      expect(advanced.body).toMatchObject({
        id: app.id,
        currentStep: 'survey_plan',
        accountManager: { id: t.userIds['manager2'], displayName: 'Manager Two' },
      });
      expect(advanced.body.steps[0].completedBy).toEqual({ id: t.userIds['manager2'], displayName: 'Manager Two' });
      const after = await openWork();
      expect([after['manager1'], after['manager2']]).toEqual([before['manager1'] - 1, before['manager2'] + 1]);
    });
  });

  describe('step table', () => {
    it('lets an admin change a limit; new applications take it, started ones keep theirs', async () => {
      const c1 = await customer('active');
      const before = (await open(c1.id, { type: 'suspension' })).body;
      /** Edits the site check of a suspension as `as`. */
      const editSiteCheck = (as: string, body: Record<string, unknown>) =>
        t.request('PUT', '/lifecycle/steps/suspension/site_check', { as, body });
      const edit = await editSiteCheck('admin', { nameZh: '现场核查', nameEn: 'Site check', slaWorkingDays: 2 });
      expect(edit.status).toBe(200);
      expect(edit.body).toEqual([
        {
          applicationType: 'suspension',
          position: 1,
          code: 'acceptance',
          nameZh: '业务受理',
          nameEn: 'Acceptance',
          slaWorkingDays: 1,
          slaWorkingDaysDualSupply: null,
        },
        {
          applicationType: 'suspension',
          position: 2,
          code: 'site_check',
          nameZh: '现场核查',
          nameEn: 'Site check',
          slaWorkingDays: 2,
          slaWorkingDaysDualSupply: null,
        },
        {
          applicationType: 'suspension',
          position: 3,
          code: 'execution',
          nameZh: '装表拆表/系统变更',
          nameEn: 'Execution',
          slaWorkingDays: 3,
          slaWorkingDaysDualSupply: null,
        },
      ]);
      expect((await editSiteCheck('leader', { nameZh: 'x', nameEn: 'x', slaWorkingDays: 2 })).status).toBe(403);
      expect((await editSiteCheck('admin', { nameZh: 'x', nameEn: 'x', slaWorkingDays: 0 })).status).toBe(400);
      const c2 = await customer('active');
      const after = (await open(c2.id, { type: 'suspension' })).body;
      expect(before.steps[1].slaWorkingDays).toBe(3);
      expect(after.steps[1].slaWorkingDays).toBe(2);
      await editSiteCheck('admin', { nameZh: '现场核查', nameEn: 'Site check', slaWorkingDays: 3 });
    });
  });

  describe('SLA', () => {
    const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    /**
     * The day before the `n`-th working day counting back from today: a step started then has had `n`
     * of its working days, by the calendar's exceptions to Monday–Friday.
     */
    const workingDaysAgo = async (n: number) => {
      const rows: { date: string; working: boolean }[] = await t.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, working FROM working_calendar`,
      );
      const exceptions = new Map(rows.map((r) => [r.date, r.working]));
      const day = new Date(`${chinaToday()}T00:00:00.000Z`);
      for (let passed = 0; passed < n; day.setUTCDate(day.getUTCDate() - 1)) {
        const weekday = day.getUTCDay();
        if (exceptions.get(day.toISOString().slice(0, 10)) ?? (weekday !== 0 && weekday !== 6)) passed++;
      }
      return day.toISOString().slice(0, 10);
    };
    /** A new connection whose survey (15 working days) has had 13 of them: 87 % ≥ 80 %, not yet due. */
    const inWarning = async () => {
      const c = await customer();
      const started = await workingDaysAgo(13);
      const app = (await open(c.id, { type: 'new_connection', receivedAt: `${started}T01:00:00.000Z` })).body;
      const res = await advance(app.id, { completedAt: `${started}T02:00:00.000Z` });
      expect(res.body.steps[1]).toMatchObject({ code: 'survey_plan', state: 'in_progress', sla: 'warning' });
      return { customer: c, app: res.body };
    };
    const inOverdue = async () => {
      const c = await customer();
      // Received 30 days ago: the one-day acceptance step is long overdue.
      const app = (
        await open(c.id, { type: 'new_connection', receivedAt: new Date(Date.now() - 30 * DAY).toISOString() })
      ).body;
      expect(app.steps[0].sla).toBe('overdue');
      return { customer: c, app };
    };
    /** The customer's timeline entries of step time limits (sla_warning, sla_overdue), as its manager reads them. */
    const slaEntriesOf = async (customerId: string) =>
      (await t.request('GET', `/customers/${customerId}/timeline`, { as: 'manager1' })).body.filter(
        (e: { type: string }) => e.type.startsWith('sla_'),
      );
    const notificationsOf = (customerId: string) =>
      t.dataSource.query(
        `SELECT u.username, n.kind, n.data->>'stepZh' AS step FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.customer_id = $1 AND n.kind LIKE 'sla%' ORDER BY n.created_at`,
        [customerId],
      );
    const eventsOf = (applicationId: string) =>
      t.dataSource.query(
        `SELECT s.position, e.kind FROM clock_events e JOIN clocks k ON k.id = e.clock_id
           JOIN application_steps s ON s.application_id = k.owner_id AND s.code = k.clock_kind
          WHERE k.owner_kind = 'application_step' AND k.owner_id = $1 ORDER BY e.id`,
        [applicationId],
      );
    /** The step events a scan recorded (the commitment clocks of the same applications have their own). */
    const scanSteps = async () => (await t.app.get(ClockScanService).scan())['application_step'];

    it('records warning and overdue events once each, on the timeline and to the manager', async () => {
      // Records what the other tests' applications are due first, so that the counts below are this test's.
      await scanSteps();
      const warned = await inWarning();
      const late = await inOverdue();

      expect(await scanSteps()).toEqual({ warning: 1, overdue: 1 });
      expect(await scanSteps()).toEqual({ warning: 0, overdue: 0 });
      expect(await eventsOf(warned.app.id)).toEqual([{ position: 2, kind: 'warning' }]);
      expect(await eventsOf(late.app.id)).toEqual([{ position: 1, kind: 'overdue' }]);

      const [warnedEntry] = await slaEntriesOf(warned.customer.id);
      expect(warnedEntry).toMatchObject({
        type: 'sla_warning',
        actor: null,
        data: { applicationId: warned.app.id, step: 'survey_plan', kind: 'warning' },
      });
      const [lateEntry] = await slaEntriesOf(late.customer.id);
      expect(lateEntry).toMatchObject({
        type: 'sla_overdue',
        actor: null,
        data: { applicationId: late.app.id, step: 'acceptance', kind: 'overdue' },
      });
      expect(await notificationsOf(warned.customer.id)).toEqual([
        { username: 'manager1', kind: 'sla_warning', step: '现场勘查及供电方案答复' },
      ]);
      expect(await notificationsOf(late.customer.id)).toEqual([
        { username: 'manager1', kind: 'sla_overdue', step: '业务受理' },
      ]);

      // The warned step then passes its due date: one overdue event more, then nothing.
      await t.dataSource.query(
        `UPDATE clocks SET due_at = now() - interval '1 minute'
          WHERE owner_kind = 'application_step' AND owner_id = $1 AND clock_kind = 'survey_plan'`,
        [warned.app.id],
      );
      expect(await scanSteps()).toEqual({ warning: 0, overdue: 1 });
      expect(await scanSteps()).toEqual({ warning: 0, overdue: 0 });
      expect(await eventsOf(warned.app.id)).toEqual([
        { position: 2, kind: 'warning' },
        { position: 2, kind: 'overdue' },
      ]);
      expect(await notificationsOf(warned.customer.id)).toEqual([
        { username: 'manager1', kind: 'sla_warning', step: '现场勘查及供电方案答复' },
        { username: 'manager1', kind: 'sla_overdue', step: '现场勘查及供电方案答复' },
      ]);
    });

    it('says how many working days a step ran late: to today while it runs, to its completion once done', async () => {
      // Received 30 days ago: the acceptance step is due the next working day, then every working day since is late.
      const late = await inOverdue();
      const acceptance = late.app.steps[0];
      // Working days in (due date, today]: the k-th one back from today is after the due date for k up to that count.
      let sinceDue = 0;
      while ((await workingDaysAgo(sinceDue + 1)) >= acceptance.dueDate) sinceDue++;
      expect(acceptance.workingDaysLate).toBe(sinceDue);
      expect(sinceDue).toBeGreaterThan(10);
      expect(late.app.steps[1].workingDaysLate).toBeNull();

      // Completed 3 working days after its due date (back-dated): late by those 3, and stays so.
      const completedOn = await workingDaysAgo(sinceDue - 3);
      const advanced = await advance(late.app.id, { completedAt: `${completedOn}T02:00:00.000Z` });
      expect(advanced.status).toBe(200);
      expect(advanced.body.steps[0]).toMatchObject({ state: 'done', sla: 'overdue', workingDaysLate: 3 });
      expect(advanced.body.steps[2]).toMatchObject({ state: 'pending', workingDaysLate: null });

      const onTime = await inWarning();
      expect(onTime.app.steps.map((s: { workingDaysLate: number | null }) => s.workingDaysLate)).toEqual(
        onTime.app.steps.map(() => null),
      );
    });

    it('resolves the time-limit notification of a step once the step is finished: no longer unread', async () => {
      const late = await inOverdue();
      await scanSteps();
      const bell = async () => (await t.request('GET', '/notifications?pageSize=100', { as: 'manager1' })).body;
      const ofStep = (page: { items: { kind: string; customerId: string; resolved: boolean }[] }) =>
        page.items.filter((n) => n.kind === 'sla_overdue' && n.customerId === late.customer.id);
      const before = await bell();
      expect(ofStep(before)).toEqual([expect.objectContaining({ resolved: false, read: false })]);

      expect((await advance(late.app.id)).status).toBe(200);
      const after = await bell();
      expect(ofStep(after)).toEqual([expect.objectContaining({ resolved: true, read: false })]);
      expect(after.unread).toBe(before.unread - 1);
      const group = (page: { groups: { kind: string; unread: number }[] }) =>
        page.groups.find((g) => g.kind === 'sla_overdue')?.unread ?? 0;
      expect(group(after)).toBe(group(before) - 1);
      // The next step's clock runs on, and the application's commitment clock too: their notifications stay open.
      await scanSteps();
      expect(ofStep(await bell())).toEqual([expect.objectContaining({ resolved: true })]);
    });

    it('lists open applications most urgent first and filters by sla', async () => {
      const completed = await customer();
      const done = (await open(completed.id, { type: 'new_connection' })).body;
      for (let i = 0; i < 6; i++) await advance(done.id);
      // Received before `later` but due sooner: the next working day, against 15 working days.
      const sooner = (await open((await customer()).id, { type: 'new_connection' })).body;
      const later = (await open((await customer()).id, { type: 'new_connection' })).body;
      await advance(later.id);
      // Due after `sooner`, yet in warning; received after the overdue one.
      const warning = (await inWarning()).app;
      const overdue = (await inOverdue()).app;

      const mine = (items: { id: string; sla: string }[]) =>
        items
          .filter((a) => [done, sooner, later, warning, overdue].some((x) => x.id === a.id))
          .map((a) => [a.id, a.sla]);
      const list = async (query: string) =>
        mine((await t.request('GET', `/applications?pageSize=500${query}`, { as: 'manager1' })).body.items);
      expect(await list('')).toEqual([
        [overdue.id, 'overdue'],
        [warning.id, 'warning'],
        [sooner.id, 'on_time'],
        [later.id, 'on_time'],
        [done.id, 'on_time'],
      ]);
      expect(await list('&status=open')).toEqual([
        [overdue.id, 'overdue'],
        [warning.id, 'warning'],
        [sooner.id, 'on_time'],
        [later.id, 'on_time'],
      ]);
      expect(await list('&sla=overdue')).toEqual([[overdue.id, 'overdue']]);
      expect(await list('&sla=warning')).toEqual([[warning.id, 'warning']]);
      expect(await list('&sla=on_time')).toEqual([
        [sooner.id, 'on_time'],
        [later.id, 'on_time'],
      ]);
      const all = (await t.request('GET', '/applications?sla=warning&pageSize=500', { as: 'manager1' })).body.items;
      expect(all.every((a: { sla: string }) => a.sla === 'warning')).toBe(true);

      // Days overdue: calendar days past the current step's due date, only while it is overdue.
      const daysOverdue = async () =>
        Object.fromEntries(
          (await t.request('GET', '/applications?pageSize=500', { as: 'manager1' })).body.items.map(
            (a: { id: string; daysOverdue: number | null }) => [a.id, a.daysOverdue],
          ),
        );
      const [{ due }] = await t.dataSource.query(
        `SELECT to_char(((k.due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS due
           FROM clocks k WHERE k.owner_kind = 'application_step' AND k.owner_id = $1 AND k.stopped_at IS NULL`,
        [overdue.id],
      );
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const expected = (Date.parse(today) - Date.parse(due)) / 86_400_000;
      expect(expected).toBeGreaterThan(20);
      const days = await daysOverdue();
      expect(days[overdue.id]).toBe(expected);
      expect([days[warning.id], days[sooner.id], days[later.id], days[done.id]]).toEqual([null, null, null, null]);
      // The day after the due date it is 1 day overdue.
      await t.dataSource.query(
        `UPDATE clocks SET due_at = date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'
                                     - interval '1 hour'
          WHERE owner_kind = 'application_step' AND owner_id = $1 AND stopped_at IS NULL`,
        [warning.id],
      );
      expect((await daysOverdue())[warning.id]).toBe(1);
    });

    it('reports the time-limit compliance rate by month and manager', async () => {
      /** Received on the first date, each step completed on the next ones, at 10:00 in China. */
      const walkOn = async (customerId: string, body: Record<string, unknown>, dates: string[], as: string) => {
        const app = (await open(customerId, { ...body, receivedAt: `${dates[0]}T02:00:00.000Z` }, as)).body;
        for (const date of dates.slice(1)) {
          expect((await advance(app.id, { completedAt: `${date}T02:00:00.000Z` }, as)).status).toBe(200);
        }
      };
      // Working days per step, in (start, completion]; limits 1, 15, 10, 5, 5, 5.
      // A, manager1, all in time:       1 (3/3), 2 (3/4, 3/5), 2 (3/6, 3/9), 1, 3 (3/11–3/13), 1 (3/16)
      await walkOn(
        (await customer()).id,
        { type: 'new_connection' },
        ['2026-03-02', '2026-03-03', '2026-03-05', '2026-03-09', '2026-03-10', '2026-03-13', '2026-03-16'],
        'manager1',
      );
      // B, manager1, acceptance late (due 3/3): 2 (3/3, 3/4), 2, 1, 2, 1, 3 (3/13, 3/16, 3/17)
      await walkOn(
        (await customer()).id,
        { type: 'new_connection' },
        ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11', '2026-03-12', '2026-03-17'],
        'manager1',
      );
      // C, manager2, capacity increase in time: 1, 4 (4/3, 4/7, 4/8, 4/9: Qingming 4/4–4/6 off), 1,
      // 2 (4/13, 4/14), 1, 1
      await walkOn(
        (await customer('active', 'manager2')).id,
        { type: 'capacity_increase', requestedCapacityKva: 2000 },
        ['2026-04-01', '2026-04-02', '2026-04-09', '2026-04-10', '2026-04-14', '2026-04-15', '2026-04-16'],
        'manager2',
      );
      // Not in the report: D, completed after the period (and late); E, a suspension (not a timed type).
      await walkOn(
        (await customer('applying', 'manager2')).id,
        { type: 'new_connection' },
        ['2026-05-06', '2026-05-08', '2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15'],
        'manager2',
      );
      await walkOn(
        (await customer('active')).id,
        { type: 'suspension' },
        ['2026-03-02', '2026-03-09', '2026-03-20', '2026-03-27'],
        'manager1',
      );

      const report = await t.request('GET', '/lifecycle/report?from=2026-03-01&to=2026-05-01', { as: 'leader' });
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ from: '2026-03-01', to: '2026-05-01' });
      // A and B each used 9 of the 22 working days of the new-connection commitment (design review to
      // mid-construction inspection, the customer's construction, not counted); C is no new connection.
      expect(report.body.byMonth).toEqual([
        {
          month: '2026-03',
          completed: 2,
          compliant: 1,
          rate: 0.5,
          commitmentCompleted: 2,
          commitmentMet: 2,
          commitmentRate: 1,
        },
        {
          month: '2026-04',
          completed: 1,
          compliant: 1,
          rate: 1,
          commitmentCompleted: 0,
          commitmentMet: 0,
          commitmentRate: null,
        },
      ]);
      expect(
        report.body.byManager.map(
          (m: { manager: { displayName: string }; completed: number; compliant: number; rate: number }) => ({
            manager: m.manager.displayName,
            completed: m.completed,
            compliant: m.compliant,
            rate: m.rate,
          }),
        ),
      ).toEqual([
        { manager: 'Manager One', completed: 2, compliant: 1, rate: 0.5 },
        { manager: 'Manager Two', completed: 1, compliant: 1, rate: 1 },
      ]);
      expect(report.body.steps).toEqual([
        // (1 + 2 + 1) / 3 = 1.33
        {
          code: 'acceptance',
          nameZh: '业务受理',
          nameEn: 'Acceptance',
          limit: 1,
          averageWorkingDays: 1.3,
          completed: 3,
        },
        // (2 + 2 + 4) / 3 = 2.67
        {
          code: 'survey_plan',
          nameZh: '现场勘查及供电方案答复',
          nameEn: 'Site survey and supply plan reply',
          limit: 15,
          averageWorkingDays: 2.7,
          completed: 3,
        },
        // (2 + 1 + 1) / 3 = 1.33
        {
          code: 'design_review',
          nameZh: '受电工程设计审查',
          nameEn: 'Design review',
          limit: 10,
          averageWorkingDays: 1.3,
          completed: 3,
        },
        // (1 + 2 + 2) / 3 = 1.67
        {
          code: 'mid_inspection',
          nameZh: '中间检查',
          nameEn: 'Mid-construction inspection',
          limit: 5,
          averageWorkingDays: 1.7,
          completed: 3,
        },
        // (3 + 1 + 1) / 3 = 1.67
        {
          code: 'completion_acceptance',
          nameZh: '竣工检验',
          nameEn: 'Completion acceptance',
          limit: 5,
          averageWorkingDays: 1.7,
          completed: 3,
        },
        // (1 + 3 + 1) / 3 = 1.67
        {
          code: 'energization',
          nameZh: '装表接电',
          nameEn: 'Metering and energization',
          limit: 5,
          averageWorkingDays: 1.7,
          completed: 3,
        },
      ]);
      expect((await t.request('GET', '/lifecycle/report', { as: 'manager1' })).status).toBe(403);
    });
  });

  describe('calendar', () => {
    it('knows the package years, says when a year is unknown, and lets an admin edit a day', async () => {
      const y2026 = (await t.request('GET', '/calendar/2026', { as: 'manager1' })).body;
      expect(y2026.known).toBe(true);
      expect(y2026.days).toEqual(
        expect.arrayContaining([{ date: '2026-10-10', working: true, name: '国庆节', source: 'package' }]),
      );
      const y2031 = (await t.request('GET', '/calendar/2031', { as: 'manager1' })).body;
      expect(y2031).toMatchObject({ known: false, days: [] });
      expect(
        (
          await t.request('PUT', '/calendar/days/2031-01-01', {
            as: 'manager1',
            body: { working: false, name: '元旦' },
          })
        ).status,
      ).toBe(403);
      const edited = await t.request('PUT', '/calendar/days/2031-01-01', {
        as: 'admin',
        body: { working: false, name: '元旦' },
      });
      expect(edited.body).toMatchObject({
        known: true,
        source: 'admin',
        days: [{ date: '2031-01-01', working: false }],
      });
      expect(
        (await t.request('PUT', '/calendar/days/2031-13-01', { as: 'admin', body: { working: false, name: 'x' } }))
          .status,
      ).toBe(400);
      expect((await t.request('POST', '/calendar/2031/load', { as: 'admin' })).status).toBe(400);
      const loaded = await t.request('POST', '/calendar/2026/load', { as: 'admin' });
      expect(loaded.status).toBe(200);
      expect(loaded.body).toMatchObject({ year: 2026, known: true, source: 'package' });
      expect(loaded.body.days).toEqual(
        expect.arrayContaining([
          { date: '2026-09-25', working: false, name: '中秋', source: 'package' },
          { date: '2026-10-10', working: true, name: '国庆节', source: 'package' },
        ]),
      );
    });
  });
});

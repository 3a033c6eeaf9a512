import { CalendarModule } from '@crm/api/calendar';
import { CustomersModule } from '@crm/api/customers';
import { OwnershipModule } from '@crm/api/ownership';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { LifecycleModule, SlaScanService } from '../index';

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
    t = await createTestApp([CustomersModule, OwnershipModule, CalendarModule, LifecycleModule]);
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
      await new Promise((resolve) => setTimeout(resolve, 300));
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
      expect((await advance(app.id, { step: 'acceptance' })).status).toBe(200);
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
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body.contractCapacityKva).toBe(1250);
      await advance(increase.id);
      expect((await t.request('GET', `/customers/${c.id}`, { as: 'admin' })).body.contractCapacityKva).toBe(2000);

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

    it('moves open applications with the customer on handover', async () => {
      const c = await customer();
      const app = (await open(c.id, { type: 'new_connection' })).body;
      await t.request('POST', `/customers/${c.id}/handover`, {
        as: 'leader',
        body: { toManagerId: t.userIds['manager2'], reason: '调岗' },
      });
      expect((await t.request('GET', `/applications/${app.id}`, { as: 'manager1' })).status).toBe(404);
      expect((await advance(app.id, {}, 'manager2')).status).toBe(200);
      const workload = (await t.request('GET', '/managers/workload', { as: 'leader' })).body;
      expect(
        workload.find((w: { manager: { username: string } }) => w.manager.username === 'manager2').openWork,
      ).toBeGreaterThan(0);
    });
  });

  describe('step table', () => {
    it('lets an admin change a limit; new applications take it, started ones keep theirs', async () => {
      const c1 = await customer('active');
      const before = (await open(c1.id, { type: 'suspension' })).body;
      const edit = await t.request('PUT', '/lifecycle/steps/suspension/site_check', {
        as: 'admin',
        body: { nameZh: '现场核查', nameEn: 'Site check', slaWorkingDays: 2 },
      });
      expect(edit.status).toBe(200);
      expect(
        (
          await t.request('PUT', '/lifecycle/steps/suspension/site_check', {
            as: 'leader',
            body: { nameZh: 'x', nameEn: 'x', slaWorkingDays: 2 },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await t.request('PUT', '/lifecycle/steps/suspension/site_check', {
            as: 'admin',
            body: { nameZh: 'x', nameEn: 'x', slaWorkingDays: 0 },
          })
        ).status,
      ).toBe(400);
      const c2 = await customer('active');
      const after = (await open(c2.id, { type: 'suspension' })).body;
      expect(before.steps[1].slaWorkingDays).toBe(3);
      expect(after.steps[1].slaWorkingDays).toBe(2);
      await t.request('PUT', '/lifecycle/steps/suspension/site_check', {
        as: 'admin',
        body: { nameZh: '现场核查', nameEn: 'Site check', slaWorkingDays: 3 },
      });
    });
  });

  describe('SLA', () => {
    it('records warning and overdue events once each, on the timeline and to the manager', async () => {
      const c = await customer();
      // Received 30 days ago: the one-day acceptance step is long overdue.
      const overdue = (
        await open(c.id, { type: 'new_connection', receivedAt: new Date(Date.now() - 30 * DAY).toISOString() })
      ).body;
      expect(overdue.steps[0].sla).toBe('overdue');
      const scan = t.app.get(SlaScanService);
      const first = await scan.scan();
      expect(first.overdue).toBeGreaterThanOrEqual(1);
      const second = await scan.scan();
      expect(second).toEqual({ warning: 0, overdue: 0 });
      const events = await t.dataSource.query('SELECT kind FROM sla_events WHERE application_id = $1', [overdue.id]);
      expect(events).toEqual([{ kind: 'overdue' }]);
      const timeline = (await t.request('GET', `/customers/${c.id}/timeline`, { as: 'manager1' })).body;
      expect(timeline[0]).toMatchObject({ type: 'sla_overdue', actor: null });
      const notified = await t.dataSource.query(
        `SELECT n.kind, n.data->>'stepZh' AS step FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.customer_id = $1 AND u.username = 'manager1'`,
        [c.id],
      );
      expect(notified).toEqual([{ kind: 'sla_overdue', step: expect.any(String) }]);
    });

    it('lists open applications most urgent first and filters by sla', async () => {
      const list = (await t.request('GET', '/applications?status=open&pageSize=500', { as: 'manager1' })).body.items;
      const rank = { overdue: 0, warning: 1, on_time: 2 } as Record<string, number>;
      const ranks = list.map((a: { sla: string }) => rank[a.sla]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      const overdue = (await t.request('GET', '/applications?sla=overdue', { as: 'manager1' })).body.items;
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((a: { sla: string }) => a.sla === 'overdue')).toBe(true);
    });

    it('reports the time-limit compliance rate by month and manager', async () => {
      const c = await customer();
      const app = (
        await open(c.id, { type: 'new_connection', receivedAt: new Date(Date.now() - 40 * DAY).toISOString() })
      ).body;
      for (let i = 0; i < 6; i++) await advance(app.id);
      const report = await t.request('GET', '/lifecycle/report', { as: 'leader' });
      expect(report.status).toBe(200);
      const total = report.body.byMonth.reduce((s: number, m: { completed: number }) => s + m.completed, 0);
      expect(total).toBeGreaterThanOrEqual(2);
      const m1 = report.body.byManager.find(
        (m: { manager: { displayName: string } }) => m.manager.displayName === 'Manager One',
      );
      expect(m1.completed).toBeGreaterThanOrEqual(1);
      expect(m1.rate).toBeLessThan(1); // the back-dated one missed its first step
      expect(report.body.steps.map((s: { code: string }) => s.code)).toContain('acceptance');
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
      expect((await t.request('POST', '/calendar/2026/load', { as: 'admin' })).status).toBe(200);
    });
  });
});

import { CustomersModule } from '@crm/api/customers';
import { SegmentsModule } from '@crm/api/segments';
import { createCustomer, createTestApp, TestApp, englishDetails } from '@crm/api/testing';
import { addCalendarDays, chinaDate, planServicesProblems } from '@crm/shared/domain';
import { ServicePlansModule, TaskGenerationService } from '../index';
import { JobsService } from '@crm/api/jobs';
import { MessagesModule, OutboxService } from '@crm/api/messages';

const today = chinaDate(new Date());
/** The first day of the month `back` months before this one. */
const month = (back: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
};

interface TaskRow {
  kind: string;
  service_key: string | null;
  period: string;
  due_on: string;
  visible_from: string;
  state: string;
}

describe('Service plans', () => {
  let t: TestApp;
  let generation: TaskGenerationService;
  let templateId: string;

  /** A new customer of `manager`, connected and supplied. */
  const activeCustomer = async (manager: string): Promise<string> => {
    const { id } = await createCustomer(t, manager);
    await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [id]);
    return id;
  };
  const postEnrolment = (customerId: string, as = 'manager1', planId = templateId) =>
    t.request('POST', `/plans/${planId}/enrolments`, { as, body: { customerId } });
  const enrol = async (customerId: string, as = 'manager1', planId = templateId) => {
    const res = await postEnrolment(customerId, as, planId);
    expect(res.status).toBe(201);
    return res.body;
  };
  const countTasksDue = async (from: string, to: string): Promise<number> =>
    (
      await t.dataSource.query('SELECT count(*)::int AS n FROM service_tasks WHERE due_on BETWEEN $1 AND $2', [
        from,
        to,
      ])
    )[0].n;

  const tasksOf = async (customerId: string): Promise<TaskRow[]> =>
    t.dataSource.query(
      `SELECT kind, service_key, period, due_on::text, visible_from::text, state FROM service_tasks
        WHERE customer_id = $1 ORDER BY due_on, service_key`,
      [customerId],
    );
  const inYear = (rows: TaskRow[], year: string) => rows.filter((r) => r.due_on.startsWith(year));

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule, ServicePlansModule, MessagesModule]);
    generation = t.app.get(TaskGenerationService);
    const created = await t.request('POST', '/plans', {
      as: 'leader',
      body: {
        name: 'Test plan',
        services: [
          { key: 'visit', kind: 'visit', recurrence: { every: 'quarter', day: 15 }, leadDays: 7 },
          {
            key: 'peak',
            kind: 'pre_summer_peak_check',
            recurrence: { every: 'year', month: 5, day: 10 },
            leadDays: 14,
          },
          { key: 'call', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 },
          { key: 'remind', kind: 'payment_reminder', recurrence: { every: 'bill', daysBefore: 5 }, leadDays: 2 },
        ],
      },
    });
    expect(created.status).toBe(201);
    templateId = created.body.id;
  }, 60_000);
  afterAll(() => t.close());

  it('seeds the four templates, each valid', async () => {
    const plans = (await t.request('GET', '/plans', { as: 'manager1' })).body;
    expect(plans.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['VIP 年度服务计划', '重要客户安全服务计划', '欠费风险客户计划', '新装客户首年计划']),
    );
    for (const p of plans) expect(planServicesProblems(p.services)).toEqual([]);
    const bad = await t.request('POST', '/plans', {
      as: 'leader',
      body: { name: 'Bad', services: [{ key: 'x', kind: 'visit', recurrence: { every: 'week' }, leadDays: 1 }] },
    });
    expect(bad.status).toBe(400);
    expect(englishDetails(bad.body.details)).toEqual([
      { field: 'services[0].recurrence.every', message: 'must be one of month, quarter, year, bill' },
    ]);
    expect((await t.request('POST', '/plans', { as: 'manager1', body: { name: 'x', services: [] } })).status).toBe(403);
  });

  it('turns an enrolment into exactly the tasks of a year, and never twice', async () => {
    const customers = { A: await activeCustomer('manager1'), C: await activeCustomer('manager2') };
    expect(await enrol(customers['A'])).toMatchObject({
      plan: { id: templateId, name: 'Test plan' },
      segmentId: null,
      endsOn: null,
    });
    // Enrolling makes the tasks of the coming 92 days at once.
    const soon = await tasksOf(customers['A']);
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((r) => r.due_on >= today && r.due_on <= addCalendarDays(today, 92))).toBe(true);

    const year = String(Number(today.slice(0, 4)) + 1);
    // Those of early next year exist already: the year makes the rest.
    const before = inYear(await tasksOf(customers['A']), year).length;
    const allBefore = await countTasksDue(`${year}-01-01`, `${year}-12-31`);
    const made = await t.dataSource.transaction((tx) => generation.generate(tx, `${year}-01-01`, `${year}-12-31`));
    const tasks = inYear(await tasksOf(customers['A']), year);
    expect(tasks).toHaveLength(4 + 1 + 12);
    expect(made).toBe(tasks.length - before);
    expect(await countTasksDue(`${year}-01-01`, `${year}-12-31`)).toBe(allBefore + made);
    expect(tasks.filter((r) => r.service_key === 'visit')).toEqual(
      ['01', '04', '07', '10'].map((m, i) => ({
        kind: 'visit',
        service_key: 'visit',
        period: `${year}-Q${i + 1}`,
        due_on: `${year}-${m}-15`,
        visible_from: addCalendarDays(`${year}-${m}-15`, -7),
        state: 'open',
      })),
    );
    expect(tasks.filter((r) => r.service_key === 'peak')).toEqual([
      expect.objectContaining({ period: year, due_on: `${year}-05-10`, visible_from: `${year}-04-26` }),
    ]);
    expect(tasks.filter((r) => r.service_key === 'call')).toHaveLength(12);

    const again = await t.dataSource.transaction((tx) => generation.generate(tx, `${year}-01-01`, `${year}-12-31`));
    expect(again).toBe(0);
    expect((await postEnrolment(customers['A'])).status).toBe(409);
    // Another manager's customer is not found.
    expect((await postEnrolment(customers['C'])).status).toBe(404);
  });

  it('reminds before each unpaid bill only', async () => {
    const customers = { A: await activeCustomer('manager1') };
    await enrol(customers['A']);
    const due = addCalendarDays(today, 30);
    const period = `${today.slice(0, 7)}-01`;
    await t.dataSource.query(
      `INSERT INTO bills (customer_id, period, amount, due_date) VALUES ($1, $2, 1000, $3), ($1, ($2::date - interval '1 month')::date, 0, $3)`,
      [customers['A'], period, due],
    );
    await t.dataSource.transaction((tx) => generation.generate(tx, today, addCalendarDays(today, 92)));
    const reminders = (await tasksOf(customers['A'])).filter((r) => r.service_key === 'remind');
    expect(reminders).toEqual([
      expect.objectContaining({
        kind: 'payment_reminder',
        period: period.slice(0, 7),
        due_on: addCalendarDays(due, -5),
      }),
    ]);
  });

  it("shows the manager's day, follows the customer on handover, and is completed by its manager", async () => {
    const day = (as: string) => t.request('GET', '/service-tasks?today=true&pageSize=500', { as });
    const customers = { A: await activeCustomer('manager1') };
    await enrol(customers['A']);
    const mine = (
      await t.request('GET', `/service-tasks?customerId=${customers['A']}&pageSize=500`, { as: 'manager1' })
    ).body;
    expect(mine.total).toBeGreaterThan(0);
    expect((await t.request('GET', `/service-tasks?customerId=${customers['A']}`, { as: 'manager2' })).body.total).toBe(
      0,
    );
    const first = mine.items[0];
    const visitedToday = async (): Promise<number> =>
      (
        await t.request('POST', '/segments/preview', {
          as: 'leader',
          body: { rule: { op: 'and', rules: [{ field: 'daysSinceVisit', operator: 'eq', value: 0 }] } },
        })
      ).body.count;
    const visitedBefore = await visitedToday();
    await t.dataSource.query('UPDATE service_tasks SET visible_from = $2 WHERE id = $1', [first.id, today]);
    expect((await day('manager1')).body.items.map((x: { id: string }) => x.id)).toContain(first.id);

    expect(
      (
        await t.request('POST', `/service-tasks/${first.id}/complete`, {
          as: 'manager2',
          body: { outcome: 'completed', visitedOn: today },
        })
      ).status,
    ).toBe(404);
    const [{ id: manager2 }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'manager2'`);
    await t.dataSource.query('UPDATE customers SET account_manager_id = $2 WHERE id = $1', [customers['A'], manager2]);
    expect((await day('manager2')).body.items.map((x: { id: string }) => x.id)).toContain(first.id);
    expect((await day('manager1')).body.items.map((x: { id: string }) => x.id)).not.toContain(first.id);

    const bad = await t.request('POST', `/service-tasks/${first.id}/complete`, {
      as: 'manager2',
      body: { outcome: 'great', visitedOn: today },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('outcome');
    const done = await t.request('POST', `/service-tasks/${first.id}/complete`, {
      as: 'manager2',
      body: { outcome: 'completed', notes: '检查了无功补偿', visitedOn: today },
    });
    expect(done.body).toMatchObject({ state: 'done', outcome: 'completed', notes: '检查了无功补偿', visitedOn: today });
    // The visit is what segments count the days since.
    expect(done.body.kind).toBe('visit');
    expect(await visitedToday()).toBe(visitedBefore + 1);
    const twice = await t.request('POST', `/service-tasks/${first.id}/complete`, {
      as: 'manager2',
      body: { outcome: 'completed', visitedOn: today },
    });
    expect(twice.status).toBe(409);
  });

  it('enrols a segment and follows its membership', async () => {
    const customers = { B: await activeCustomer('manager1'), C: await activeCustomer('manager2') };
    const segment = (
      await t.request('POST', '/segments', {
        as: 'marketing',
        body: { name: 'plan segment', kind: 'static', customerIds: [customers['B'], customers['C']] },
      })
    ).body;
    const enrolled = await t.request('POST', `/plans/${templateId}/segments`, {
      as: 'marketing',
      body: { segmentId: segment.id },
    });
    expect(enrolled.body).toEqual({ enrolled: 2 });
    expect((await tasksOf(customers['C'])).length).toBeGreaterThan(0);

    await t.request('DELETE', `/segments/${segment.id}/members/${customers['C']}`, { as: 'marketing' });
    expect(await t.dataSource.transaction((tx) => generation.syncSegmentEnrolments(tx, today))).toEqual({
      enrolled: 0,
      unenrolled: 1,
    });
    const left = await tasksOf(customers['C']);
    expect(left.filter((r) => r.state === 'open')).toEqual([]);
    expect((await t.request('GET', `/customers/${customers['C']}/plans`, { as: 'manager2' })).body).toEqual([]);
    expect((await t.request('GET', `/customers/${customers['B']}/plans`, { as: 'manager1' })).body).toEqual([
      expect.objectContaining({ plan: { id: templateId, name: 'Test plan' }, segmentId: segment.id }),
    ]);
  });

  it('creates a task once per event, for each kind of event', async () => {
    const customers = { B: await activeCustomer('manager1'), C: await activeCustomer('manager2') };
    // Tasks of events in the other tests' data are made first, so that the counts below are this test's.
    await generation.daily();
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor)
       VALUES ($1, $2, 40, 10, 0.9), ($1, $3, 100, 10, 0.9), ($4, $2, 0, 0, 0.9), ($4, $5, 0, 0, 0.9)`,
      [customers['B'], month(1), month(13), customers['C'], month(2)],
    );
    const first = await generation.daily();
    expect(first['triggered']).toBe(2);
    expect((await generation.daily())['triggered']).toBe(0);
    const triggered = await t.dataSource.query(
      `SELECT customer_id, trigger, period FROM service_tasks
        WHERE trigger IS NOT NULL AND customer_id = ANY($1) ORDER BY trigger`,
      [[customers['B'], customers['C']]],
    );
    expect(triggered).toEqual([
      { customer_id: customers['B'], trigger: 'consumption_drop', period: month(1).slice(0, 7) },
      { customer_id: customers['C'], trigger: 'zero_consumption', period: month(1).slice(0, 7) },
    ]);

    // B's rating falls from A to C between two runs; an application step of C's became overdue.
    for (const rating of ['A', 'C']) {
      const [{ id: run }] = await t.dataSource.query(
        `INSERT INTO scoring_runs (model_version, as_of, state) VALUES (1, $1, 'completed') RETURNING id`,
        [today],
      );
      await t.dataSource.query(
        `INSERT INTO customer_scores (run_id, customer_id, vip_rank, vip_score, vip_tier, vip_values, vip_normalised,
           credit_score, credit_rating, credit_values, credit_normalised)
         VALUES ($1, $2, 1, 50, 'standard', '{}', '{}', 55, $3, '{}', '{}')`,
        [run, customers['B'], rating],
      );
    }
    const [{ id: application }] = await t.dataSource.query(
      `INSERT INTO applications (customer_id, type, status, stage_before, received_at)
       VALUES ($1, 'new_connection', 'completed', 'applying', now()) RETURNING id`,
      [customers['C']],
    );
    await t.dataSource.query(
      `INSERT INTO application_steps (application_id, position, code, name_zh, name_en, sla_working_days, state, started_at)
       VALUES ($1, 2, 'survey_plan', '现场勘查', 'Site survey', 15, 'in_progress', now() - interval '30 days')`,
      [application],
    );
    await t.dataSource.query(
      `WITH k AS (
         INSERT INTO clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at, warn_at, due_at)
         VALUES ('application_step', $1, 'survey_plan', $2, 15, 'working_days', now() - interval '30 days',
                 now() - interval '3 days', now() - interval '1 day') RETURNING id)
       INSERT INTO clock_events (clock_id, kind) SELECT id, 'overdue' FROM k`,
      [application, customers['C']],
    );
    expect((await generation.daily())['triggered']).toBe(2);
    expect((await generation.daily())['triggered']).toBe(0);
    expect(
      await t.dataSource.query(
        `SELECT customer_id, trigger FROM service_tasks
          WHERE trigger IN ('rating_fall', 'overdue_step') AND customer_id = ANY($1) ORDER BY trigger`,
        [[customers['B'], customers['C']]],
      ),
    ).toEqual([
      { customer_id: customers['C'], trigger: 'overdue_step' },
      { customer_id: customers['B'], trigger: 'rating_fall' },
    ]);
  });

  it('counts completion per manager and per plan for leadership', async () => {
    const plan = await t.request('POST', '/plans', {
      as: 'leader',
      body: {
        name: 'Stats plan',
        services: [{ key: 'visit', kind: 'visit', recurrence: { every: 'month', day: 1 }, leadDays: 3 }],
      },
    });
    expect(plan.status).toBe(201);
    const customerId = await activeCustomer('manager2');
    await enrol(customerId, 'manager2', plan.body.id);
    const [task] = (await t.request('GET', `/service-tasks?customerId=${customerId}&pageSize=500`, { as: 'manager2' }))
      .body.items;
    type Figures = { due: number; done: number; overdue: number };
    const managerTwo = (stats: { byManager: (Figures & { manager: { displayName: string } })[] }): Figures =>
      stats.byManager.find((m) => m.manager.displayName === 'Manager Two') ?? { due: 0, done: 0, overdue: 0 };
    const before = managerTwo((await t.request('GET', '/service-tasks/stats', { as: 'leader' })).body);

    const done = await t.request('POST', `/service-tasks/${task.id}/complete`, {
      as: 'manager2',
      body: { outcome: 'completed', visitedOn: today },
    });
    expect(done.status).toBe(200);
    // Stats count the tasks due before today: this one is made due yesterday.
    await t.dataSource.query(`UPDATE service_tasks SET due_on = $2::date - 1 WHERE id = $1`, [task.id, today]);
    const stats = (await t.request('GET', '/service-tasks/stats', { as: 'leader' })).body;
    expect(managerTwo(stats)).toMatchObject({
      due: before.due + 1,
      done: before.done + 1,
      overdue: before.overdue,
    });
    expect(stats.byPlan.filter((p: { plan: { id: string } }) => p.plan.id === plan.body.id)).toEqual([
      { plan: { id: plan.body.id, name: 'Stats plan' }, due: 1, done: 1, overdue: 0 },
    ]);
  });

  it("analyses the customer's own months for the energy-efficiency advice", async () => {
    const customerId = await activeCustomer('manager1');
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor) VALUES ($1, $2, 40, 10, 0.9)`,
      [customerId, month(1)],
    );
    const advice = (await t.request('GET', `/customers/${customerId}/energy-advice`, { as: 'manager1' })).body;
    // The customer's only month in the last twelve: 40 kWh at 10 kW, power factor 0.9.
    expect(advice.months).toHaveLength(1);
    expect(advice).toMatchObject({
      customer: { id: customerId, tariffCategory: 'large_industry', contractCapacityKva: 1250 },
      powerFactorTarget: 0.9,
      monthsBelowTarget: 0,
      peakDemandKw: 10,
      advice: ['power_factor_good', 'shift_peak_load', 'bill_by_demand'],
    });
    expect((await t.request('GET', `/customers/${customerId}/energy-advice`, { as: 'manager2' })).status).toBe(404);
  });

  it('gives no capacity advice to a customer without a contracted capacity yet', async () => {
    const prospect = await createCustomer(t, 'manager1', { contractCapacityKva: null });
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor) VALUES ($1, $2, 40, 10, 0.9)`,
      [prospect.id, month(1)],
    );
    const res = await t.request('GET', `/customers/${prospect.id}/energy-advice`, { as: 'manager1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      customer: { id: prospect.id, contractCapacityKva: null },
      peakDemandKw: 10,
      demandToCapacity: null,
      advice: ['power_factor_good', 'shift_peak_load'],
    });
  });

  it('tells each manager once a day how many service tasks were created, naming no customer', async () => {
    await enrol(await activeCustomer('manager1'));
    await generation.daily();
    const notified = async () =>
      t.dataSource.query(
        `SELECT user_id, customer_id, summary, data FROM notifications
          WHERE kind = 'tasks_new' AND data->>'on' = $1 ORDER BY user_id`,
        [today],
      );
    const rows: { user_id: string; customer_id: string | null; summary: string; data: object }[] = await notified();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(rows.length);
    for (const r of rows) {
      const tasks = Number(r.summary.split(' ')[0]);
      expect(r).toEqual({
        user_id: expect.any(String),
        customer_id: null,
        summary: `${tasks} new service tasks`,
        data: { tasks, on: today },
      });
    }
    await generation.daily();
    expect(await notified()).toEqual(rows);
  });

  it('sends payment reminders and outage notices through the outbox, once each, recording delivery', async () => {
    const customers = {
      A: await activeCustomer('manager1'),
      B: await activeCustomer('manager1'),
      C: await activeCustomer('manager2'),
    };
    await enrol(customers['A']);
    await t.dataSource.query(`INSERT INTO bills (customer_id, period, amount, due_date) VALUES ($1, $2, 1000, $3)`, [
      customers['A'],
      month(0),
      addCalendarDays(today, 30),
    ]);
    await t.dataSource.transaction((tx) => generation.generate(tx, today, addCalendarDays(today, 92)));
    // Reminders that went out before this test, so that the counts below are this test's.
    await generation.daily();
    const outbox = t.app.get(OutboxService);
    await outbox.sendPending();
    await t.dataSource.query(
      `UPDATE service_tasks SET visible_from = $1 WHERE service_key = 'remind' AND customer_id = $2`,
      [today, customers['A']],
    );
    expect((await generation.daily())['reminders']).toBe(1);
    expect((await generation.daily())['reminders']).toBe(0);
    expect(await outbox.sendPending()).toEqual({ sent: 1, failed: 0 });
    const [reminder] = (await t.request('GET', `/customers/${customers['A']}/messages`, { as: 'manager1' })).body;
    expect(reminder).toMatchObject({ kind: 'payment_reminder', recipient: '13857712345', state: 'sent', attempts: 1 });
    expect(reminder.body).toContain('1000');

    const notice = {
      customerIds: [customers['B'], customers['C']],
      startsAt: '2027-01-10T08:00:00+08:00',
      reason: '线路检修',
    };
    const bad = await t.request('POST', '/messages/outage-notices', {
      as: 'manager1',
      body: { ...notice, endsAt: '2027-01-10T07:00:00+08:00' },
    });
    expect(bad.status).toBe(400);
    expect(englishDetails(bad.body.details)).toEqual([{ field: 'endsAt', message: 'must be after startsAt' }]);
    // C is manager2's: not found for manager1, and nothing is queued, not even B's notice.
    const countOutbox = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM outbox_messages'))[0].n;
    const before = await countOutbox();
    const notMine = await t.request('POST', '/messages/outage-notices', {
      as: 'manager1',
      body: { ...notice, endsAt: '2027-01-10T18:00:00+08:00' },
    });
    expect(notMine.status).toBe(404);
    expect(notMine.body.message).toContain(customers['C']);
    const unknown = await t.request('POST', '/messages/outage-notices', {
      as: 'admin',
      body: { ...notice, customerIds: ['00000000-0000-4000-8000-000000000000'], endsAt: '2027-01-10T18:00:00+08:00' },
    });
    expect(unknown.status).toBe(404);
    expect(await countOutbox()).toBe(before);
    const queued = await t.request('POST', '/messages/outage-notices', {
      as: 'manager1',
      body: { ...notice, customerIds: [customers['B']], endsAt: '2027-01-10T18:00:00+08:00' },
    });
    expect(queued.body).toEqual({ queued: 1 });

    // A gateway that refuses: tried three times, then failed.
    const refusing = new OutboxService(t.dataSource, t.app.get(JobsService), {
      send: async () => {
        throw new Error('gateway down');
      },
    });
    expect(await refusing.sendPending()).toEqual({ sent: 0, failed: 0 });
    expect(await refusing.sendPending()).toEqual({ sent: 0, failed: 0 });
    expect(await refusing.sendPending()).toEqual({ sent: 0, failed: 1 });
    const [failed] = (await t.request('GET', `/customers/${customers['B']}/messages`, { as: 'manager1' })).body;
    expect(failed).toMatchObject({
      kind: 'outage_notice',
      state: 'failed',
      attempts: 3,
      lastError: 'Error: gateway down',
    });
    expect(failed.body).toContain('01月10日 08:00');
  });
});

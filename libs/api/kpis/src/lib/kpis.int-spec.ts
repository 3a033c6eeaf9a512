import { CustomersModule } from '@crm/api/customers';
import { execute, query } from '@crm/api/database';
import { LifecycleModule } from '@crm/api/lifecycle';
import { MarketingAuditModule } from '@crm/api/marketing-audit';
import { OwnershipModule } from '@crm/api/ownership';
import { ServicePlansModule } from '@crm/api/service-plans';
import { WorkOrdersModule } from '@crm/api/work-orders';
import { createTestApp, seedWorkOrderReference, TestApp } from '@crm/api/testing';
import {
  chinaDate,
  currentKpiPeriod,
  KPI_CODES,
  KpiCode,
  KpiItem,
  kpiPeriodRange,
  KpiView,
  shiftKpiPeriod,
} from '@crm/shared/domain';
import { KpisModule, KpisService } from '../index';

/**
 * A small fixed population in two regions (甲区, 乙区) with two managers, its records placed in the current month M
 * and the month before P, and every KPI checked against the figure worked out by hand below, for all customers,
 * the region 甲区 and manager1.
 *
 *   customer  region  manager   stage
 *   a1        甲区    manager1  active
 *   a2        甲区    manager2  active
 *   a3        乙区    manager1  connecting (35 kV)
 *   a4        乙区    manager2  closed
 *   a5        乙区    manager2  applying
 */
describe('KPIs', () => {
  let t: TestApp;
  let service: KpisService;
  const today = chinaDate(new Date());
  const M = currentKpiPeriod(today);
  const P = shiftKpiPeriod(M, 1);
  const monthStart = (period: string) => `${period}-01T00:00:00+08:00`;
  /** A moment `minutes` after the start of the month `period` (China). */
  const at = (period: string, minutes: number) =>
    new Date(new Date(monthStart(period)).getTime() + minutes * 60_000).toISOString();
  const daysFromToday = (days: number) => {
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  const ids: Record<string, string> = {};
  const get = async (path: string, as = 'leader') => t.request('GET', path, { as });
  const view = async (query: string): Promise<KpiView> => {
    const res = await get(`/kpis?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const item = (v: KpiView, code: KpiCode) => v.items.find((i) => i.code === code) as KpiItem;

  const sql = (text: string, params: unknown[] = []) => execute(t.dataSource, text, params);
  const customer = async (key: string, region: string, manager: string, stage: string, voltage = 10) => {
    const [row] = await query<{ id: string }>(
      t.dataSource,
      `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva, tariff_category, region, address, stage,
                              account_manager_id)
       VALUES ($1, $2, $3, '38', $4, 1250, 'large_industry', $5, 'addr', $6, $7) RETURNING id`,
      [`KPI${key}`, `客户${key}`, `91330300KPI00000${key.slice(1)}X`, voltage, region, stage, t.userIds[manager]],
    );
    ids[key] = row.id;
  };
  const application = async (
    key: string,
    customer: string,
    status: string,
    receivedAt: string,
    completedAt?: string,
  ) => {
    const [row] = await query<{ id: string }>(
      t.dataSource,
      `INSERT INTO applications (customer_id, type, status, stage_before, received_at, completed_at, dual_supply,
                                 current_position)
       VALUES ($1, 'new_connection', $2::text, 'applying', $3, $4, $5, CASE WHEN $2::text = 'open' THEN 1 END) RETURNING id`,
      [ids[customer], status, receivedAt, completedAt ?? null, key === 'app2'],
    );
    ids[key] = row.id;
  };
  const clock = (
    ownerKind: string,
    owner: string,
    kind: string,
    customer: string,
    c: { started: string; due: string; stopped?: string; resumed?: string; usedBefore?: number },
  ) =>
    sql(
      `INSERT INTO clocks (owner_kind, owner_id, clock_kind, customer_id, limit_value, limit_unit, started_at, warn_at,
                           due_at, stopped_at, resumed_at, used_before)
       VALUES ($1, $2, $3, $4, 5, 'working_days', $5::timestamptz, $5::timestamptz, $6, $7, $8, $9)`,
      [
        ownerKind,
        ids[owner],
        kind,
        ids[customer],
        c.started,
        c.due,
        c.stopped ?? null,
        c.resumed ?? null,
        c.usedBefore ?? 0,
      ],
    );
  const workOrder = async (
    key: string,
    customer: string,
    o: {
      type: string;
      received: string;
      state?: string;
      contact?: string | null;
      resolution?: string | null;
      satisfaction?: number;
      escalated?: boolean;
    },
  ) => {
    const [row] = await query<{ id: string }>(
      t.dataSource,
      `INSERT INTO work_orders (customer_id, channel, type, summary, received_at, recorded_by, state, period_started_at,
                                closed_at, satisfaction, escalated_at, contact_due_at, contact_outcome, resolution_due_at,
                                resolution_outcome)
       VALUES ($1, 'hotline_95598', $2, 'test', $3::timestamptz, $4, $5::text, $3::timestamptz,
               CASE WHEN $5::text = 'closed' THEN $3::timestamptz END, $6::smallint,
               CASE WHEN $7::boolean THEN $3::timestamptz END,
               CASE WHEN $8::text IS NOT NULL THEN now() + interval '1 day' END, nullif($8::text, 'pending'),
               CASE WHEN $9::text IS NOT NULL THEN now() + interval '1 day' END, nullif($9::text, 'pending'))
       RETURNING id`,
      [
        ids[customer],
        o.type,
        o.received,
        t.userIds['manager1'],
        o.state ?? 'open',
        o.satisfaction ?? null,
        o.escalated ?? false,
        o.contact ?? null,
        o.resolution ?? null,
      ],
    );
    ids[key] = row.id;
  };
  let tasks = 0;
  const task = (customer: string, dueOn: string, state: string) =>
    sql(
      `INSERT INTO service_tasks (customer_id, kind, trigger, period, due_on, visible_from, summary, state, completed_at)
       VALUES ($1, 'visit', 'overdue_step', $4, $2::date, $2::date, 'test', $3::text, CASE WHEN $3::text = 'done' THEN now() END)`,
      [ids[customer], dueOn, state, `task${++tasks}`],
    );
  const bill = (customer: string, period: string, amount: number, paid: number, dueDate: string) =>
    sql(
      `INSERT INTO bills (customer_id, period, amount, due_date, paid_amount, settled_on)
       VALUES ($1, $2::date, $3::numeric, $4::date, $5::numeric, CASE WHEN $5::numeric >= $3::numeric THEN $4::date END)`,
      [ids[customer], `${period}-01`, amount, dueDate, paid],
    );
  const finding = async (key: string, customer: string, state: string) => {
    const [row] = await query<{ id: string }>(
      t.dataSource,
      `INSERT INTO audit_findings (rule_code, subject_key, customer_id, severity, state, evidence)
       VALUES ('contact_data_incomplete', $1, $2, 'medium', $3, '{}') RETURNING id`,
      [key, ids[customer], state],
    );
    ids[key] = row.id;
  };
  const scoringRun = async (finishedAt: string, scores: [string, string, string, string | null][]) => {
    const [run] = await query<{ id: string }>(
      t.dataSource,
      `INSERT INTO scoring_runs (model_version, as_of, state, started_at, finished_at)
       VALUES ((SELECT max(version) FROM scoring_models), (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date,
               'completed', $1, $1) RETURNING id`,
      [finishedAt],
    );
    for (const [i, [customer, tier, rating, blacklist]] of scores.entries()) {
      await sql(
        `INSERT INTO customer_scores (run_id, customer_id, vip_rank, vip_score, vip_tier, vip_values, vip_normalised,
                                      credit_score, credit_rating, credit_values, credit_normalised, blacklist_reason)
         VALUES ($1, $2, $3, 50, $4, '{}', '{}', 50, $5, '{}', '{}', $6)`,
        [run.id, ids[customer], i + 1, tier, rating, blacklist],
      );
    }
  };

  beforeAll(async () => {
    t = await createTestApp([
      CustomersModule,
      OwnershipModule,
      LifecycleModule,
      WorkOrdersModule,
      MarketingAuditModule,
      ServicePlansModule,
      KpisModule,
    ]);
    service = t.app.get(KpisService);
    await seedWorkOrderReference(t);
    await customer('a1', '甲区', 'manager1', 'active');
    await customer('a2', '甲区', 'manager2', 'active');
    await customer('a3', '乙区', 'manager1', 'connecting', 35);
    await customer('a4', '乙区', 'manager2', 'closed');
    await customer('a5', '乙区', 'manager2', 'applying');

    // Connections: app1 and app2 completed in M (commitment clocks that used 20 and 30 working days), app3 in P;
    // app4 open with its current step past its due moment, app5 open within its limit.
    await application('app1', 'a1', 'completed', at(P, 10), at(M, 60));
    await application('app2', 'a3', 'completed', at(P, 10), at(M, 120));
    await application('app3', 'a2', 'completed', at(P, 10), at(P, 600));
    await application('app4', 'a5', 'open', at(P, 10));
    await application('app5', 'a2', 'open', at(P, 10));
    for (const [app, customer, used] of [
      ['app1', 'a1', 20],
      ['app2', 'a3', 30],
    ] as const) {
      await clock('application', app, 'getting_electricity', customer, {
        started: at(P, 10),
        due: at(M, 50_000),
        resumed: at(M, 60),
        stopped: at(M, 60),
        usedBefore: used,
      });
    }
    // Clocks stopped in M: a step of app1 on time, a step of app3 late, an order's clock on time (and below the
    // rectification clock of f1, on time).
    await clock('application_step', 'app1', 'survey_plan', 'a1', {
      started: at(P, 10),
      due: at(M, 30),
      stopped: at(M, 20),
    });
    await clock('application_step', 'app3', 'survey_plan', 'a2', {
      started: at(P, 10),
      due: at(M, 10),
      stopped: at(M, 20),
    });
    for (const app of ['app4', 'app5']) {
      await sql(
        `INSERT INTO application_steps (application_id, position, code, name_zh, name_en, sla_working_days, state, started_at)
         VALUES ($1, 1, 'survey_plan', '现场勘查', 'Survey', 5, 'in_progress', $2)`,
        [ids[app], at(P, 10)],
      );
    }
    await clock('application_step', 'app4', 'survey_plan', 'a5', {
      started: at(P, 10),
      due: new Date(Date.now() - 86_400_000).toISOString(),
    });
    await clock('application_step', 'app5', 'survey_plan', 'a2', {
      started: at(P, 10),
      due: new Date(Date.now() + 86_400_000).toISOString(),
    });

    // Requests received in M: w1 a1 complaint (contact met, resolution late, 5, escalated, open); w2 a4 complaint
    // (contact late, 4); w3 a3 inquiry (contact met, resolution met, 3, escalated, handled); w4 a2 inquiry (contact
    // pending); w5 a2 in P, escalated and closed.
    await workOrder('w1', 'a1', {
      type: 'complaint',
      received: at(M, 1),
      contact: 'met',
      resolution: 'late',
      satisfaction: 5,
      escalated: true,
    });
    await workOrder('w2', 'a4', { type: 'complaint', received: at(M, 2), contact: 'late', satisfaction: 4 });
    await workOrder('w3', 'a3', {
      type: 'inquiry',
      received: at(M, 3),
      state: 'handled',
      contact: 'met',
      resolution: 'met',
      satisfaction: 3,
      escalated: true,
    });
    await workOrder('w4', 'a2', { type: 'inquiry', received: at(M, 4), contact: 'pending' });
    await workOrder('w5', 'a2', { type: 'complaint', received: at(P, 4), state: 'closed', escalated: true });
    await clock('work_order', 'w3', 'contact', 'a3', { started: at(M, 3), due: at(M, 100), stopped: at(M, 30) });

    // Audit: f1 open (its rectification clock due in M, stopped on time), f2 rectifying (due in M, running), f3 verified.
    await finding('f1', 'a1', 'open');
    await finding('f2', 'a2', 'rectifying');
    await finding('f3', 'a3', 'verified');
    await clock('audit_finding', 'f1', 'rectification', 'a1', {
      started: at(M, 0),
      due: at(M, 120),
      stopped: at(M, 60),
    });
    await clock('audit_finding', 'f2', 'rectification', 'a2', { started: at(M, 0), due: at(M, 180) });

    // Service tasks due in M: a1 done, a2 open (due the month's last day), a3 cancelled, a3 done; due in P and open: a5, a1.
    const lastDay = kpiPeriodRange(M).to;
    const lastDayOfM = new Date(new Date(`${lastDay}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10);
    await task('a1', `${M}-01`, 'done');
    await task('a2', lastDayOfM, 'open');
    await task('a3', `${M}-01`, 'cancelled');
    await task('a3', `${M}-01`, 'done');
    await task('a5', `${P}-01`, 'open');
    await task('a1', `${P}-01`, 'open');

    // Bills: a1 1000 (400 paid, 10 days past due), a3 500 unpaid 100 days past due, a4 (closed) 700 unpaid, a2 300
    // not yet due, a5 200 paid.
    await bill('a1', M, 1000, 400, daysFromToday(-10));
    await bill('a3', P, 500, 0, daysFromToday(-100));
    await bill('a4', M, 700, 0, daysFromToday(-10));
    await bill('a2', M, 300, 0, daysFromToday(1));
    await bill('a5', M, 200, 200, daysFromToday(-5));

    // Scoring: a run in P, and one in M.
    await scoringRun(at(P, 5), [
      ['a1', 'silver', 'B', null],
      ['a2', 'gold', 'A', null],
      ['a3', 'silver', 'B', null],
      ['a5', 'silver', 'B', null],
    ]);
    await scoringRun(at(M, 5), [
      ['a1', 'gold', 'C', null],
      ['a2', 'platinum', 'AA', 'theft'],
      ['a3', 'standard', 'C', 'rating_c'],
      ['a4', 'standard', 'C', 'theft'],
      ['a5', 'silver', 'B', null],
    ]);
    await service.refreshCurrent();
  });
  afterAll(() => t.close());

  it('computes every KPI of the current month against the hand-computed figures, for all, a region and a manager', async () => {
    const all = await view(`period=${M}`);
    const region = await view(`period=${M}&region=${encodeURIComponent('甲区')}`);
    const mine = await view(`period=${M}&managerId=${t.userIds['manager1']}`);
    const values = (v: KpiView) => Object.fromEntries(v.items.map((i) => [i.code, i.value]));
    expect(all.items.map((i) => i.code)).toEqual([...KPI_CODES]);
    expect(values(all)).toEqual({
      customers_by_stage: 4,
      new_connections_completed: 2,
      hv_connection_working_days: (20 + 30) / 2,
      time_limit_compliance_rate: 3 / 4,
      open_applications_overdue: 1,
      complaints_per_10k: (2 * 10_000) / 4,
      contact_on_time_rate: 2 / 3,
      resolution_on_time_rate: 1 / 2,
      average_satisfaction: (5 + 4 + 3) / 3,
      open_escalations: 2,
      open_audit_findings: 2,
      audit_rectified_on_time_rate: 1 / 2,
      service_plan_completion_rate: 2 / 3,
      overdue_tasks: 2,
      arrears_outstanding: 600 + 500,
      blacklisted_customers: 2,
      c_rated_customers: 2,
      revenue_share_top_1: 1000 / 2000,
      revenue_share_top_5: 1000 / 2000,
      revenue_share_top_20: 1000 / 2000,
      vip_upgrades: 2,
      vip_downgrades: 1,
    });
    expect(values(region)).toEqual({
      customers_by_stage: 2,
      new_connections_completed: 1,
      hv_connection_working_days: 20,
      time_limit_compliance_rate: 2 / 3,
      open_applications_overdue: 0,
      complaints_per_10k: (1 * 10_000) / 2,
      contact_on_time_rate: 1 / 1,
      resolution_on_time_rate: 0 / 1,
      average_satisfaction: 5,
      open_escalations: 1,
      open_audit_findings: 2,
      audit_rectified_on_time_rate: 1 / 2,
      service_plan_completion_rate: 1 / 2,
      overdue_tasks: 1,
      arrears_outstanding: 600,
      blacklisted_customers: 1,
      c_rated_customers: 1,
      revenue_share_top_1: 1000 / 1300,
      revenue_share_top_5: 1000 / 1300,
      revenue_share_top_20: 1000 / 1300,
      vip_upgrades: 2,
      vip_downgrades: 0,
    });
    expect(values(mine)).toEqual({
      customers_by_stage: 2,
      new_connections_completed: 2,
      hv_connection_working_days: (20 + 30) / 2,
      time_limit_compliance_rate: 3 / 3,
      open_applications_overdue: 0,
      complaints_per_10k: (1 * 10_000) / 2,
      contact_on_time_rate: 2 / 2,
      resolution_on_time_rate: 1 / 2,
      average_satisfaction: (5 + 3) / 2,
      open_escalations: 2,
      open_audit_findings: 1,
      audit_rectified_on_time_rate: 1 / 1,
      service_plan_completion_rate: 2 / 2,
      overdue_tasks: 1,
      arrears_outstanding: 600 + 500,
      blacklisted_customers: 1,
      c_rated_customers: 2,
      revenue_share_top_1: 1000 / 1500,
      revenue_share_top_5: 1000 / 1500,
      revenue_share_top_20: 1000 / 1500,
      vip_upgrades: 1,
      vip_downgrades: 1,
    });
    expect(item(all, 'customers_by_stage').breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['active', 2],
      ['closing', 0],
      ['applying', 1],
      ['suspended', 0],
      ['connecting', 1],
    ]);
    expect(item(all, 'arrears_outstanding').breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['d0_30', 600],
      ['d31_90', 0],
      ['d91_180', 500],
      ['d181_plus', 0],
    ]);
    expect(item(all, 'complaints_per_10k')).toMatchObject({ numerator: 2, denominator: 4 });
    expect(item(all, 'time_limit_compliance_rate').target).toBe(0.98);
    expect(item(all, 'customers_by_stage').sparkline).toHaveLength(12);
    expect(item(all, 'customers_by_stage').sparkline[11]).toBe(4);
  });

  it('gives each count the list whose total is that count, with the same filter', async () => {
    const checked: string[] = [];
    for (const scope of ['', `&region=${encodeURIComponent('甲区')}`, `&managerId=${t.userIds['manager1']}`]) {
      const v = await view(`period=${M}${scope}`);
      const drills = v.items.flatMap((i) => [
        ...(i.drill
          ? [
              {
                code: i.code,
                drill: i.drill,
                expected:
                  i.code === 'hv_connection_working_days'
                    ? i.denominator
                    : i.code === 'complaints_per_10k'
                      ? i.numerator
                      : i.value,
              },
            ]
          : []),
        ...(i.breakdown ?? []).flatMap((b) =>
          b.drill ? [{ code: `${i.code}.${b.key}`, drill: b.drill, expected: b.value }] : [],
        ),
      ]);
      for (const { code, drill, expected } of drills) {
        const res = await get(`${drill.api.replace(/^\/api/, '')}?${new URLSearchParams(drill.query)}`);
        expect([code, scope, res.status, res.body.total]).toEqual([code, scope, 200, expected]);
        checked.push(code);
      }
    }
    expect(new Set(checked)).toEqual(
      new Set([
        'customers_by_stage.active',
        'customers_by_stage.closing',
        'customers_by_stage.applying',
        'customers_by_stage.suspended',
        'customers_by_stage.connecting',
        'new_connections_completed',
        'hv_connection_working_days',
        'open_applications_overdue',
        'complaints_per_10k',
        'open_escalations',
        'open_audit_findings',
        'overdue_tasks',
        'blacklisted_customers',
        'c_rated_customers',
      ]),
    );
  });

  it('keeps a closed month as its snapshot computed it, whatever is corrected later', async () => {
    await service.snapshotMonth(P);
    const before = await view(`period=${P}`);
    // P: app3 completed; w5 a complaint, escalated and closed within P; tasks of a5 and a1 due in P, open.
    expect(item(before, 'new_connections_completed').value).toBe(1);
    expect(item(before, 'complaints_per_10k').value).toBe((1 * 10_000) / 4);
    expect(item(before, 'open_escalations').value).toBe(0);
    // No stage history: taken only by the snapshot made the day the month closed.
    expect(item(before, 'customers_by_stage').value).toBe(today === kpiPeriodRange(P).to ? 4 : null);

    await workOrder('w6', 'a1', { type: 'complaint', received: at(P, 100) });
    await sql(`UPDATE applications SET completed_at = $2 WHERE id = $1`, [ids['app1'], at(P, 700)]);
    await service.refreshCurrent();
    const after = await view(`period=${P}`);
    expect(after.items).toEqual(before.items);
    const current = await view(`period=${M}`);
    expect(item(current, 'complaints_per_10k').previous).toBe((1 * 10_000) / 4);
    expect(item(current, 'new_connections_completed').sparkline.slice(10)).toEqual([1, 1]);
    await sql(`UPDATE applications SET completed_at = $2 WHERE id = $1`, [ids['app1'], at(M, 60)]);
    await sql(`DELETE FROM work_orders WHERE id = $1`, [ids['w6']]);
    await service.refreshCurrent();
  });

  it('reads the current month from its snapshot: a change shows after a refresh, not before', async () => {
    const before = await view(`period=${M}&region=${encodeURIComponent('甲区')}`);
    expect(item(before, 'complaints_per_10k').value).toBe((1 * 10_000) / 2);
    await workOrder('w7', 'a2', { type: 'complaint', received: at(M, 5) });
    const stale = await view(`period=${M}&region=${encodeURIComponent('甲区')}`);
    expect(stale).toEqual(before);
    // The scheduled pass skips figures refreshed minutes ago.
    expect(await service.scheduledRefresh()).toEqual({ period: M, rows: 0, skipped: true });
    expect(await view(`period=${M}&region=${encodeURIComponent('甲区')}`)).toEqual(before);

    await service.refreshCurrent();
    const fresh = await view(`period=${M}&region=${encodeURIComponent('甲区')}`);
    expect(item(fresh, 'complaints_per_10k').value).toBe((2 * 10_000) / 2);
    expect(Date.parse(fresh.computedAt)).toBeGreaterThan(Date.parse(before.computedAt));
    await sql(`DELETE FROM work_orders WHERE id = $1`, [ids['w7']]);
    await service.refreshCurrent();
  });

  it('answers the league table sorted by any column', async () => {
    const res = await get(`/kpis/managers?period=${M}&sort=-customers`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        manager: { id: t.userIds['manager1'], displayName: 'Manager One' },
        customers: 2,
        workload: 0 + 2 + 1,
        overdueWork: 0 + 0 + 1,
        complianceRate: 3 / 3,
        satisfaction: (5 + 3) / 2,
        openFindings: 1,
      },
      {
        manager: { id: t.userIds['manager2'], displayName: 'Manager Two' },
        customers: 2,
        workload: 2 + 2 + 2,
        overdueWork: 1 + 0 + 1,
        complianceRate: 0 / 1,
        satisfaction: 4,
        openFindings: 1,
      },
    ]);
    const bad = await get(`/kpis/managers?period=${M}&sort=nope`);
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'sort']);
  });

  it("answers the league of one manager: that manager's row alone, with the same figures", async () => {
    const all = (await get(`/kpis/managers?period=${M}`)).body;
    const res = await get(`/kpis/managers?period=${M}&managerId=${t.userIds['manager2']}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(all.filter((r: { manager: { id: string } }) => r.manager.id === t.userIds['manager2']));
    expect(res.body).toHaveLength(1);
    // Someone who is not an account manager has no row.
    expect((await get(`/kpis/managers?period=${M}&managerId=${t.userIds['leader']}`)).body).toEqual([]);
    for (const managerId of ['nope', '%00', '1'.repeat(40)]) {
      const bad = await get(`/kpis/managers?period=${M}&managerId=${managerId}`);
      expect([managerId, bad.status, bad.body.details[0].field]).toEqual([managerId, 400, 'managerId']);
    }
  });

  it('refuses bad periods, bad manager ids and account managers', async () => {
    for (const period of ['2026-13', 'x', shiftKpiPeriod(M, -1)]) {
      const res = await get(`/kpis?period=${period}`);
      expect([period, res.status, res.body.details[0].field]).toEqual([period, 400, 'period']);
    }
    const badManager = await get(`/kpis?period=${M}&managerId=nope`);
    expect([badManager.status, badManager.body.details[0].field]).toEqual([400, 'managerId']);
    expect((await get(`/kpis?period=${M}`, 'manager1')).status).toBe(403);
    expect((await get('/kpis/catalogue', 'manager1')).status).toBe(403);
    expect((await get(`/kpis?period=${M}`, 'marketing')).status).toBe(200);
    expect((await get('/kpis')).body.period).toBe(M);
  });

  it('sets targets for admins only, checking the unit and the version', async () => {
    const put = (code: string, body: unknown, as = 'admin') => t.request('PUT', `/kpis/targets/${code}`, { as, body });
    const bad = await put('contact_on_time_rate', { target: 1.5, version: 0 });
    expect([bad.status, bad.body.details[0].field]).toEqual([400, 'target']);
    expect((await put('contact_on_time_rate', { target: 0.9, version: 0 }, 'leader')).status).toBe(403);
    expect((await put('nope', { target: 1, version: 0 })).status).toBe(404);
    const set = await put('contact_on_time_rate', { target: 0.9, version: 0 });
    expect([set.status, set.body.target, set.body.targetVersion]).toEqual([200, 0.9, 1]);
    expect((await put('contact_on_time_rate', { target: 0.95, version: 0 })).status).toBe(409);
    expect((await put('contact_on_time_rate', { target: 0.95, version: 2 })).status).toBe(409);
    const cleared = await put('contact_on_time_rate', { target: null, version: 1 });
    expect([cleared.status, cleared.body.target, cleared.body.targetVersion]).toEqual([200, null, 2]);
    const catalogue = await get('/kpis/catalogue');
    expect(catalogue.body.find((e: { code: string }) => e.code === 'contact_on_time_rate').target).toBeNull();
    expect(catalogue.body.find((e: { code: string }) => e.code === 'resolution_on_time_rate').target).toBe(0.98);
    expect(item(await view(`period=${M}`), 'contact_on_time_rate').target).toBeNull();
  });
});

describe('KPI snapshots on demand', () => {
  let t: TestApp;
  const M = currentKpiPeriod(chinaDate(new Date()));
  const customers = async () => {
    const res = await t.request('GET', `/kpis?period=${M}`, { as: 'leader' });
    expect(res.status).toBe(200);
    return (res.body as KpiView).items.find((i) => i.code === 'customers_by_stage')?.value;
  };
  const customer = (n: number) =>
    execute(
      t.dataSource,
      `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva, tariff_category, region, address, stage,
                              account_manager_id)
       VALUES ($1, $2, $3, '38', 10, 1250, 'large_industry', '甲区', 'addr', 'active', $4)`,
      [`KPIJ${n}`, `客户J${n}`, `91330300KPIJ0000${n}X`, t.userIds['manager1']],
    );

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, KpisModule], { jobs: true });
  });
  afterAll(() => t.close());

  it('computes a current month without a snapshot once, then refreshes it when leadership asks', async () => {
    await customer(1);
    expect(await customers()).toBe(1);
    await customer(2);
    expect(await customers()).toBe(1);

    const post = (as: string, period = M) => t.request('POST', '/kpis/snapshots', { as, body: { period } });
    expect((await post('manager1')).status).toBe(403);
    expect((await post('marketing')).status).toBe(403);
    const future = await post('leader', shiftKpiPeriod(M, -1));
    expect([future.status, future.body.details[0].field]).toEqual([400, 'period']);
    const queued = await post('leader');
    expect(queued.status).toBe(202);
    let run = { state: 'running', progress: 0, period: '' };
    for (let i = 0; i < 150 && run.state !== 'completed' && run.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const res = await t.request('GET', `/kpis/snapshots/${queued.body.jobId}`, { as: 'leader' });
      if (res.status === 200) run = res.body;
    }
    expect(run).toEqual({ state: 'completed', progress: 100, period: M });
    expect(await customers()).toBe(2);
  });

  it('lets the refresh run for hours before pg-boss takes it for dead (a pass at 1,000,000 customers takes minutes)', async () => {
    const [queue] = await t.dataSource.query(
      `SELECT policy, expire_seconds FROM pgboss.queue WHERE name = 'kpi-current'`,
    );
    expect(queue).toEqual({ policy: 'singleton', expire_seconds: 7200 });
  });
});

import { CustomersModule } from '@crm/api/customers';
import { NotificationsModule } from '@crm/api/notifications';
import { createCustomer, createTestApp, englishDetails, TestApp } from '@crm/api/testing';
import { chinaDate, segmentField, VipListEntry, VipTier } from '@crm/shared/domain';
import ExcelJS from 'exceljs';
import { metricsStaleInsertFrom, MetricsRefreshService, ScoringModule, ScoringRunService } from '../index';

const DAY = 86_400_000;
/** The names of a tier in the exports, Chinese and English: the segment vocabulary's (one name per tier). */
const tierNames = (tier: VipTier) => {
  const known = segmentField('vipTier')?.values?.find((v) => v.value === tier);
  return [known?.label, known?.labelEn];
};
/** The cells of a CSV line (quoted cells unquoted). */
const csvCells = (line: string) =>
  [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map(([, cell]) => (cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell));
const today = chinaDate(new Date());
/** The first day of the month `back` months before this one. */
const month = (back: number) => {
  const d = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - back);
  return d.toISOString().slice(0, 10);
};
const plusDays = (date: string, days: number) => new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);

interface Behaviour {
  kwh: number;
  kwhBefore: number;
  /** Months (1 = last month) whose maximum demand exceeds the 1,000 kVA contract capacity. */
  overCapacity?: number[];
  bill: number;
  /** Months paid 10 days late; the other bills are paid on their due date, but for the unpaid ones. */
  late?: number[];
  /** Bills never paid: [month, days ago that it fell due]. */
  unpaid?: [number, number][];
  violations?: number;
  thefts?: number;
  disconnections?: number;
}

describe('VIP and credit scoring', () => {
  let t: TestApp;
  let runs: ScoringRunService;
  const ids: Record<string, string> = {};

  async function customer(key: string, manager: string, importance: string, b: Behaviour): Promise<void> {
    const c = await createCustomer(t, manager, { importance, contractCapacityKva: 1000 });
    ids[key] = c.id;
    await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [c.id]);
    for (let back = 1; back <= 24; back++) {
      const demand = b.overCapacity?.includes(back) ? 1200 : 500;
      await t.dataSource.query(
        `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor) VALUES ($1, $2, $3, $4, 0.95)`,
        [c.id, month(back), back <= 12 ? b.kwh : b.kwhBefore, demand],
      );
    }
    // Bills of the last 11 months, due 20 days into the month after: all due within the last 12 months.
    for (let back = 1; back <= 11; back++) {
      const unpaid = b.unpaid?.find(([m]) => m === back);
      const due = unpaid ? plusDays(today, -unpaid[1]) : plusDays(month(back), 20);
      const [{ id }] = await t.dataSource.query(
        `INSERT INTO bills (customer_id, period, amount, due_date) VALUES ($1, $2, $3, $4) RETURNING id`,
        [c.id, month(back), b.bill, due],
      );
      if (unpaid) continue;
      const paidAt = b.late?.includes(back) ? plusDays(due, 10) : due;
      await t.dataSource.query(`INSERT INTO payments (bill_id, bill_period, paid_at, amount) VALUES ($1, $2, $3, $4)`, [
        id,
        month(back),
        paidAt,
        b.bill,
      ]);
    }
    for (let i = 0; i < (b.violations ?? 0); i++) {
      await t.dataSource.query(`INSERT INTO violations (customer_id, occurred_on, kind) VALUES ($1, $2, 'violation')`, [
        c.id,
        month(5),
      ]);
    }
    for (let i = 0; i < (b.thefts ?? 0); i++) {
      await t.dataSource.query(`INSERT INTO violations (customer_id, occurred_on, kind) VALUES ($1, $2, 'theft')`, [
        c.id,
        month(3),
      ]);
    }
    for (let i = 0; i < (b.disconnections ?? 0); i++) {
      await t.dataSource.query(
        `INSERT INTO disconnections (customer_id, notice_date, disconnected_on) VALUES ($1, $2, $3)`,
        [c.id, month(4), plusDays(month(4), 7)],
      );
    }
  }

  const scores = async (key: string, as = 'leader') =>
    (await t.request('GET', `/customers/${ids[key]}/scores`, { as })).body;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ScoringModule, NotificationsModule]);
    runs = t.app.get(ScoringRunService);
    await customer('P', 'manager1', 'special', { kwh: 4000, kwhBefore: 2000, bill: 4000 });
    await customer('Q', 'manager1', 'level1', { kwh: 3000, kwhBefore: 3000, bill: 3000, violations: 1 });
    await customer('R', 'manager2', 'none', {
      kwh: 2000,
      kwhBefore: 2500,
      bill: 2000,
      late: [1, 2, 3, 4, 5],
      overCapacity: [2, 4, 6],
    });
    await customer('S', 'manager2', 'none', {
      kwh: 1000,
      kwhBefore: 1000,
      bill: 1000,
      unpaid: [
        [1, 20],
        [2, 50],
      ],
      thefts: 1,
      disconnections: 1,
    });
    // Still applying: not scored.
    ids['N'] = (await createCustomer(t, 'manager1')).id;
    await runs.run();
  }, 60_000);
  afterAll(() => t.close());

  it('normalises the VIP factors to percentiles and weighs them (hand-computed)', async () => {
    const p = await scores('P');
    expect(p.vip.factors).toEqual([
      { key: 'consumption', value: 48000, normalised: 100, weight: 0.3, contribution: 30 },
      { key: 'revenue', value: 44000, normalised: 100, weight: 0.25, contribution: 25 },
      { key: 'growth', value: 1, normalised: 100, weight: 0.15, contribution: 15 },
      { key: 'importance', value: 100, normalised: 100, weight: 0.15, contribution: 15 },
      { key: 'paymentReliability', value: 1, normalised: 100, weight: 0.15, contribution: 15 },
    ]);
    expect(p.vip).toMatchObject({ score: 100, tier: 'platinum', modelVersion: 1, previousScore: null });
    // Q: consumption, revenue 3rd of 4 (75); growth 0 shared with S (3 of 4 at or below: 75); level1 80;
    // paid on time like P (100). 22.5 + 18.75 + 11.25 + 12 + 15.
    const q = await scores('Q');
    expect(q.vip.factors.map((f: { normalised: number }) => f.normalised)).toEqual([75, 75, 75, 80, 100]);
    expect(q.vip).toMatchObject({ score: 79.5, tier: 'gold' });
    // R: 50, 50, lowest growth (−20 %: 25), importance 0, least reliable (6 of 11 on time: 25).
    const r = await scores('R');
    expect(r.vip.factors.map((f: { value: number }) => f.value)).toEqual([24000, 22000, -0.2, 0, 6 / 11]);
    expect(r.vip.factors.map((f: { normalised: number }) => f.normalised)).toEqual([50, 50, 25, 0, 25]);
    expect(r.vip).toMatchObject({ score: 35, tier: 'standard' });
    const s = await scores('S');
    expect(s.vip).toMatchObject({ score: 32.5, tier: 'standard' });
  });

  it('maps the credit factors through their curves (hand-computed)', async () => {
    const q = await scores('Q');
    // One violation: 60 points on that factor, 0.15 × 40 lost.
    expect(q.credit).toMatchObject({ score: 94, rating: 'AAA', paymentMethod: 'monthly_postpaid', blacklisted: false });
    const r = await scores('R');
    expect(r.credit.factors.map((f: { key: string; value: number }) => [f.key, f.value])).toEqual([
      ['onTimeRatio', 6 / 11],
      ['averageDaysLate', 50 / 11],
      ['arrears', 0],
      ['arrearsAge', 0],
      ['disconnections', 0],
      ['violations', 0],
      ['contractCompliance', 0.75],
    ]);
    // 0.25 × 54.55 + 0.15 × 81.82 + 0.15 × 100 + 0.1 × 100 + 0.1 × 100 + 0.15 × 100 + 0.1 × 75
    expect(r.credit).toMatchObject({ score: 83.41, rating: 'AA', paymentMethod: 'monthly_postpaid' });
    const sum = r.credit.factors.reduce((n: number, f: { contribution: number }) => n + f.contribution, 0);
    expect(Math.abs(sum - r.credit.score)).toBeLessThanOrEqual(0.02);
  });

  it('blacklists a theft and counts unpaid bills as arrears with their age', async () => {
    const s = await scores('S');
    // Bills of 1,000 a month, 11 due in the last 12 months; last month's fell due 20 days ago and the one
    // before 50 days ago, both unpaid; one theft (3 violations), one disconnection, never over capacity.
    const raw: [string, number][] = [
      ['onTimeRatio', 9 / 11],
      ['averageDaysLate', (20 + 50) / 11],
      ['arrears', 2],
      ['arrearsAge', 50],
      ['disconnections', 1],
      ['violations', 3],
      ['contractCompliance', 1],
    ];
    expect(s.credit.factors.map((f: { key: string }) => f.key)).toEqual(raw.map(([key]) => key));
    s.credit.factors.forEach((f: { value: number }, i: number) => expect(f.value).toBeCloseTo(raw[i][1], 10));
    // Through the curves, times the weights of the first model:
    //   onTimeRatio       9/11 → 81.82 (0 → 0, 1 → 100)                              × 0.25 = 20.45
    //   averageDaysLate   6.36 → 80 − (6.36 − 5) × 3 = 75.91 (5 → 80, 15 → 50)      × 0.15 = 11.39
    //   arrears           2    → 50 − (2 − 1) × 25 = 25 (1 → 50, 3 → 0)              × 0.15 =  3.75
    //   arrearsAge        50   → 60 − (50 − 30) × 2/3 = 46.67 (30 → 60, 90 → 20)     × 0.1  =  4.67
    //   disconnections    1    → 50                                                  × 0.1  =  5
    //   violations        3    → 0                                                   × 0.15 =  0
    //   contractCompliance 1   → 100                                                 × 0.1  = 10
    expect(s.credit.factors.map((f: { normalised: number }) => f.normalised)).toEqual([
      81.82, 75.91, 25, 46.67, 50, 0, 100,
    ]);
    expect(s.credit.factors.map((f: { contribution: number }) => f.contribution)).toEqual([
      20.45, 11.39, 3.75, 4.67, 5, 0, 10,
    ]);
    // 225/11 + 0.15 × 835/11 + 3.75 + 0.1 × 140/3 + 5 + 0 + 10 = 55.2576: below B's 60, rated C, so prepayment.
    expect(s.credit).toMatchObject({
      score: 55.26,
      rating: 'C',
      paymentMethod: 'prepayment',
      blacklisted: true,
      blacklistReason: 'theft',
    });
  });

  it('scores only customers with a supply', async () => {
    expect(await scores('N')).toEqual({ vip: null, credit: null, history: [] });
  });

  it('keeps the latest scores next to the metrics, where segments read them', async () => {
    const rows = await t.dataSource.query(
      `SELECT (m.vip_score, m.vip_tier, m.credit_score, m.credit_rating)
                = (s.vip_score, s.vip_tier, s.credit_score, s.credit_rating) AS same
         FROM customer_metrics m
         JOIN customer_scores s ON s.customer_id = m.customer_id
          AND s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed')`,
    );
    expect(rows).toEqual([{ same: true }, { same: true }, { same: true }, { same: true }]);
  });

  it('ranks the VIP list, and an account manager sees their own customers only', async () => {
    const all = (await t.request('GET', '/vip', { as: 'leader' })).body;
    expect(all.items.map((e: { customer: { id: string }; rank: number }) => [e.customer.id, e.rank])).toEqual([
      [ids['P'], 1],
      [ids['Q'], 2],
      [ids['R'], 3],
      [ids['S'], 4],
    ]);
    const own = (await t.request('GET', '/vip', { as: 'manager2' })).body;
    expect(own.items.map((e: { customer: { id: string } }) => e.customer.id)).toEqual([ids['R'], ids['S']]);
    expect((await t.request('GET', `/customers/${ids['P']}/scores`, { as: 'manager2' })).status).toBe(404);
    const gold = (await t.request('GET', '/vip?tier=gold', { as: 'leader' })).body;
    expect(gold.total).toBe(1);
    expect((await t.request('GET', '/vip?tier=diamond', { as: 'leader' })).status).toBe(400);
  });

  it('sums tiers and revenue concentration, and the credit-risk views', async () => {
    const summary = (await t.request('GET', '/vip/summary', { as: 'leader' })).body;
    expect(summary.tiers).toEqual([
      { tier: 'platinum', customers: 1, revenue: 44000 },
      { tier: 'gold', customers: 1, revenue: 33000 },
      { tier: 'silver', customers: 0, revenue: 0 },
      { tier: 'standard', customers: 2, revenue: 33000 },
    ]);
    // Top 1 % and 5 % of four customers is one customer (P, 44,000 of 110,000); top 20 % too.
    expect(summary.concentration).toEqual([
      { topPercent: 1, revenueShare: 0.4 },
      { topPercent: 5, revenueShare: 0.4 },
      { topPercent: 20, revenueShare: 0.4 },
    ]);
    const credit = (await t.request('GET', '/credit/summary', { as: 'leader' })).body;
    expect(credit.blacklisted).toEqual([
      { reason: 'theft', customers: 1 },
      { reason: 'rating_c', customers: 0 },
    ]);
    const blacklist = (await t.request('GET', '/credit/blacklist', { as: 'leader' })).body;
    expect(blacklist.items).toEqual([expect.objectContaining({ blacklistReason: 'theft', arrears: 2000 })]);
  });

  it('exports the VIP list as CSV and as an Excel workbook, in Chinese, in English or raw', async () => {
    const download = (query: string) =>
      fetch(`${t.baseUrl}/api/vip/export?${query}`, { headers: { authorization: `Bearer ${t.tokens['leader']}` } });
    const lines = async (query: string) => {
      const res = await download(query);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM that makes Excel read UTF-8
      return new TextDecoder().decode(bytes).trim().split('\r\n');
    };
    const list = (await t.request('GET', '/vip', { as: 'leader' })).body.items as VipListEntry[];
    const first = list[0];

    const raw = await lines('format=csv&raw=true');
    expect(raw[0]).toBe(
      'rank,accountNo,name,region,industry,manager,score,tier,previousScore,delta,revenue12Months,creditRating',
    );
    expect(raw).toHaveLength(5);
    expect(raw[1].split(',').slice(0, 5)).toEqual(['1', first.customer.accountNo, first.customer.name, '龙湾区', '38']);
    expect(raw[1].split(',')[7]).toBe(first.tier);
    expect(raw[1].split(',')[10]).toBe(String(first.revenue12Months));

    // A caller that names no language gets the raw file, as before exports were readable (integrations).
    expect(await lines('format=csv')).toEqual(raw);

    const zh = await lines('format=csv&lang=zh-CN');
    expect(zh[0]).toBe('排名,户号,客户,区域,行业,客户经理,价值分,等级,上次价值分,较上次,近 12 个月电费,信用');
    expect(zh).toHaveLength(5);
    const zhRow = csvCells(zh[1]);
    expect(zhRow.slice(0, 5)).toEqual([
      '1',
      first.customer.accountNo,
      first.customer.name,
      '龙湾区',
      '38 电气机械和器材制造业',
    ]);
    expect(zhRow[7]).toBe(tierNames(first.tier)[0]);
    expect(zhRow[10]).toBe(`¥${first.revenue12Months.toLocaleString('en', { minimumFractionDigits: 2 })}`);
    expect(zhRow[11]).toBe(first.creditRating);

    const en = await lines('format=csv&lang=en&raw=false');
    expect(en[0]).toBe(
      'Rank,Account no.,Customer,Region,Industry,Manager,Score,Tier,Previous score,Change,"Revenue, 12 months",Credit',
    );
    const enRow = csvCells(en[1]);
    expect(enRow.slice(3, 5)).toEqual(['Longwan', '38 Electrical machinery and equipment']);
    expect(enRow[7]).toBe(tierNames(first.tier)[1]);
    for (const line of [...zh, ...en].slice(1)) expect(csvCells(line)).not.toContain(first.tier);

    const xlsx = await download('format=xlsx&lang=zh-CN');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['排名', '户号', '客户']);
    expect((sheet.getRow(2).values as unknown[])[8]).toBe(tierNames(first.tier)[0]);
    const rawXlsx = new ExcelJS.Workbook();
    await rawXlsx.xlsx.load((await (await download('format=xlsx&raw=true')).arrayBuffer()) as ArrayBuffer);
    expect((rawXlsx.worksheets[0].getRow(2).values as unknown[])[8]).toBe(first.tier);
  });

  it('refuses an export language it does not know, naming the field', async () => {
    const res = await t.request('GET', '/vip/export?lang=fr', { as: 'leader' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lang');
    const raw = await t.request('GET', '/vip/export?raw=yes', { as: 'leader' });
    expect(raw.status).toBe(400);
    expect(JSON.stringify(raw.body)).toContain('raw');
  });

  it('gives the same scores when run again, with each score in its history', async () => {
    const before = await scores('R');
    await runs.run();
    const after = await scores('R');
    expect(after.vip.score).toBe(before.vip.score);
    expect(after.credit.score).toBe(before.credit.score);
    expect(after.vip.previousScore).toBe(before.vip.score);
    expect(after.history).toHaveLength(2);
    expect(after.history[1]).toMatchObject({ asOf: today, vipScore: before.vip.score, rating: before.credit.rating });
    // The run's work table is gone.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'scoring_work_%'`,
    );
    expect(n).toBe(0);
    const list = (await t.request('GET', '/vip', { as: 'leader' })).body;
    expect(list.items.map((e: { delta: number }) => e.delta)).toEqual([0, 0, 0, 0]);
    const timeline = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM customer_timeline WHERE type LIKE '%_changed'`,
    );
    expect(timeline[0].n).toBe(0);
  });

  it('rewrites no metrics and no segment facts when nothing changed, and keeps the facts in step', async () => {
    const rows = () =>
      t.dataSource.query(
        `SELECT m.customer_id, m.xmin::text AS metrics_version, f.xmin::text AS facts_version,
                m.vip_score, f.vip_score AS fact_vip_score, m.credit_rating, f.credit_rating AS fact_credit_rating
           FROM customer_metrics m JOIN segment_facts f USING (customer_id) ORDER BY m.customer_id`,
      );
    const history = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM customer_scores'))[0].n as number;
    const before = await rows();
    const historyBefore = await history();
    expect(before).toHaveLength(4);
    for (const row of before) {
      expect(row.fact_vip_score).toBe(row.vip_score);
      expect(row.fact_credit_rating).toBe(row.credit_rating);
    }

    await runs.run();
    expect(await rows()).toEqual(before);
    expect(await history()).toBe(historyBefore + 4);
    // The triggers that copy the metrics into segment_facts between runs are on again.
    const triggers = await t.dataSource.query(
      `SELECT tgname, tgenabled FROM pg_trigger WHERE tgname LIKE 'segment_facts_on_metrics_%' ORDER BY tgname`,
    );
    expect(triggers.map((r: { tgenabled: string }) => r.tgenabled)).toEqual(['O', 'O', 'O']);
  });

  it('validates a new model, previews its effect, and applies it from the next run', async () => {
    const [{ vipWeights, creditWeights, tierThresholds, ratingThresholds, note }] = (
      await t.request('GET', '/scoring/models', { as: 'leader' })
    ).body;
    const current = { vipWeights, creditWeights, tierThresholds, ratingThresholds, note };
    const bad = await t.request('POST', '/scoring/models', {
      as: 'leader',
      body: { ...current, vipWeights: { ...current.vipWeights, growth: 0.5 } },
    });
    expect(bad.status).toBe(400);
    expect(englishDetails(bad.body.details)).toEqual([
      { field: 'vipWeights', message: 'the weights of vipWeights must add up to 1, not 1.35' },
    ]);
    expect((await t.request('POST', '/scoring/models', { as: 'manager1', body: current })).status).toBe(403);

    const stricter = { ...current, tierThresholds: { platinum: 90, gold: 80, silver: 60 }, note: 'gold from 80' };
    const preview = await t.request('POST', '/scoring/models/preview', { as: 'leader', body: stricter });
    expect(preview.body).toMatchObject({
      customers: 4,
      tierChanges: 1,
      tierMoves: [{ from: 'gold', to: 'silver', customers: 1 }],
      ratingChanges: 0,
    });
    const saved = await t.request('POST', '/scoring/models', { as: 'admin', body: stricter });
    expect(saved.body).toMatchObject({ version: 2, note: 'gold from 80', createdBy: { displayName: 'Admin' } });

    await runs.run();
    const q = await scores('Q');
    expect(q.vip).toMatchObject({ score: 79.5, tier: 'silver', previousTier: 'gold', modelVersion: 2 });
    const timeline = (await t.request('GET', `/customers/${ids['Q']}/timeline`, { as: 'manager1' })).body;
    expect(timeline[0]).toMatchObject({ type: 'tier_changed', summary: 'VIP tier gold → silver' });
    const notes = (await t.request('GET', '/notifications?unread=true', { as: 'manager1' })).body;
    expect(notes.items).toEqual([
      expect.objectContaining({
        kind: 'tier_changed',
        customerId: ids['Q'],
        data: expect.objectContaining({
          from: 'gold',
          to: 'silver',
          customer: expect.stringContaining('温州测试电气'),
        }),
      }),
    ]);
    expect((await t.request('GET', '/notifications', { as: 'manager2' })).body.total).toBe(0);
  });

  it('gives segments the tier that the run changed', async () => {
    const [fact] = await t.dataSource.query('SELECT vip_tier, vip_score FROM segment_facts WHERE customer_id = $1', [
      ids['Q'],
    ]);
    expect(fact).toEqual({ vip_tier: 'silver', vip_score: '79.50' });
  });

  it('refreshes the metrics of the customers marked stale, between runs, leaving the scores', async () => {
    const before = (await t.dataSource.query('SELECT * FROM customer_metrics WHERE customer_id = $1', [ids['P']]))[0];
    // What an import does (libs/api/data-import): a month's consumption corrected, its customer marked stale.
    await t.dataSource.query('UPDATE consumption SET kwh = 5200 WHERE customer_id = $1 AND period = $2', [
      ids['P'],
      month(1),
    ]);
    await t.dataSource.query(metricsStaleInsertFrom(`(SELECT unnest(ARRAY[$1, $1]::uuid[]) AS customer_id)`), [
      ids['P'],
    ]);
    expect(await t.dataSource.query('SELECT customer_id FROM customer_metrics_stale')).toEqual([
      { customer_id: ids['P'] },
    ]);

    expect(await t.app.get(MetricsRefreshService).refresh()).toEqual({ customers: 1 });
    const after = (await t.dataSource.query('SELECT * FROM customer_metrics WHERE customer_id = $1', [ids['P']]))[0];
    expect(Number(after.kwh_12m)).toBe(Number(before.kwh_12m) + 1200);
    expect(after.vip_score).toBe(before.vip_score);
    expect(await t.dataSource.query('SELECT customer_id FROM customer_metrics_stale')).toEqual([]);
    expect(await t.app.get(MetricsRefreshService).refresh()).toEqual({ customers: 0 });
  });
});

describe('the scoring job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([CustomersModule, ScoringModule], { jobs: true });
  });
  afterAll(() => t.close());

  it('runs on demand as a background job that reports its state and progress', async () => {
    expect((await t.request('POST', '/scoring/recompute', { as: 'manager1' })).status).toBe(403);
    const queued = await t.request('POST', '/scoring/recompute', { as: 'leader' });
    expect(queued.status).toBe(202);
    let job = { state: 'queued', progress: 0 };
    for (let i = 0; i < 100 && job.state !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await t.request('GET', `/scoring/jobs/${queued.body.jobId}`, { as: 'leader' })).body;
    }
    expect(job).toMatchObject({ state: 'completed', progress: 100, customers: 0 });
    expect(
      (await t.request('GET', `/scoring/jobs/00000000-0000-0000-0000-000000000000`, { as: 'leader' })).status,
    ).toBe(404);
  }, 30_000);
});

import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp, englishDetails } from '@crm/api/testing';
import { SegmentRule } from '@crm/shared/domain';
import ExcelJS from 'exceljs';
import { SegmentSnapshotsService, SegmentsModule } from '../index';

const VOLTAGES = [10, 35, 110];
const REGIONS = ['龙湾区', '鹿城区'];
const INDUSTRIES = ['38', '26', '44'];
const RATINGS = ['AAA', 'AA', 'A', 'B', 'C'];

/** Customer i of the population: the attributes it is created with and the behaviour written for it. */
const population = Array.from({ length: 12 }, (_, i) => ({
  voltageKv: VOLTAGES[i % 3],
  region: REGIONS[i % 2],
  industry: INDUSTRIES[i % 3],
  tags: i % 4 === 0 ? ['高耗能'] : [],
  manager: i < 6 ? 'manager1' : 'manager2',
  // The last two are still applying: no metrics, no scores.
  active: i < 10,
  kwh: 1000 * (i + 1),
  arrears: i % 3 === 0 ? 500 * i : 0,
  vipScore: 10 * i,
  vipTier: i === 9 ? 'platinum' : i >= 8 ? 'gold' : i >= 6 ? 'silver' : 'standard',
  creditRating: RATINGS[i % 5],
}));

const cond = (field: string, operator: string, value?: unknown) => ({ field, operator, value });
const and = (...rules: unknown[]) => ({ op: 'and', rules }) as SegmentRule;
const or = (...rules: unknown[]) => ({ op: 'or', rules }) as SegmentRule;

describe('Segments', () => {
  let t: TestApp;
  let snapshots: SegmentSnapshotsService;
  const ids: string[] = [];
  const accountNos: string[] = [];

  const count = async (rule: unknown, as = 'marketing') => {
    const res = await t.request('POST', '/segments/preview', { as, body: { rule } });
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body.count as number;
  };
  const sqlCount = async (where: string, params: unknown[] = []) =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM customers c
           LEFT JOIN customer_metrics m ON m.customer_id = c.id
          WHERE ${where}`,
        params,
      )
    )[0].n as number;
  const save = async (body: Record<string, unknown>, as = 'marketing') => {
    const res = await t.request('POST', '/segments', { as, body });
    if (res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  /** Waits for the snapshot job that saving a dynamic segment queues, so that the test's own snapshots follow it. */
  const firstSnapshot = async (segmentId: string) => {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.dataSource.query('SELECT 1 FROM segment_snapshots WHERE segment_id = $1', [segmentId]);
      if (row) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the first snapshot was not taken');
  };

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule], { jobs: true });
    snapshots = t.app.get(SegmentSnapshotsService);
    for (const p of population) {
      const c = await createCustomer(t, p.manager, {
        voltageKv: p.voltageKv,
        region: p.region,
        industry: p.industry,
        tags: p.tags,
      });
      ids.push(c.id);
      accountNos.push(c.accountNo);
    }
    for (const [i, p] of population.entries()) {
      if (!p.active) continue;
      await t.dataSource.query(`UPDATE customers SET stage = 'active' WHERE id = $1`, [ids[i]]);
      await t.dataSource.query(
        `INSERT INTO customer_metrics (customer_id, kwh_12m, kwh_prev_12m, kwh_growth, capacity_increases_12m,
           max_demand_kw_12m, avg_power_factor_12m, revenue_12m, bills_due_12m, late_bills_12m, on_time_ratio_12m,
           avg_days_late_12m, arrears, arrears_days, avg_bill_12m, disconnections_24m, violations_24m, thefts_24m,
           months_within_capacity_12m, months_metered_12m, vip_score, vip_tier, credit_score, credit_rating)
         VALUES ($1, $2, $2, 0, 0, 500, 0.95, $2, 12, 0, 1, 0, $3, 0, 100, 0, 0, 0, 12, 12, $4, $5, $6, $7)`,
        [ids[i], p.kwh, p.arrears, p.vipScore, p.vipTier, 100 - 10 * (i % 5), p.creditRating],
      );
    }
  }, 60_000);
  afterAll(() => t.close());

  it('serves the field catalog', async () => {
    const fields = (await t.request('GET', '/segments/fields', { as: 'marketing' })).body;
    expect(fields.find((f: { key: string }) => f.key === 'creditRating')).toMatchObject({
      type: 'string',
      operators: ['eq', 'neq', 'in', 'nin', 'is_null', 'not_null'],
      values: expect.arrayContaining([expect.objectContaining({ value: 'AAA' })]),
    });
  });

  it.each([
    ['one attribute', and(cond('voltageKv', 'eq', 10)), 'c.voltage_kv = 10'],
    [
      'attributes and behaviour',
      and(cond('region', 'in', ['龙湾区']), cond('kwh12m', 'gt', 3000)),
      `c.region = '龙湾区' AND m.kwh_12m > 3000`,
    ],
    [
      'scores',
      or(cond('vipTier', 'eq', 'gold'), cond('creditRating', 'in', ['B', 'C'])),
      `m.vip_tier = 'gold' OR m.credit_rating IN ('B', 'C')`,
    ],
    [
      'nested groups',
      and(cond('voltageKv', 'in', [10, 35]), or(cond('arrears', 'gt', 0), cond('tags', 'contains', '高耗能'))),
      `c.voltage_kv IN (10, 35) AND (m.arrears > 0 OR '高耗能' = ANY(c.tags))`,
    ],
    ['not in', and(cond('stage', 'nin', ['active'])), `c.stage <> 'active'`],
    ['not equal keeps the unscored', and(cond('creditRating', 'neq', 'AAA')), `m.credit_rating IS DISTINCT FROM 'AAA'`],
    ['between', and(cond('kwh12m', 'between', [2000, 5000])), 'm.kwh_12m BETWEEN 2000 AND 5000'],
    ['empty', and(), 'TRUE'],
    ['no scores', and(cond('vipScore', 'is_null')), 'm.vip_score IS NULL'],
    [
      'four conditions mixing attributes and behaviour',
      and(
        cond('voltageKv', 'eq', 10),
        cond('region', 'eq', '龙湾区'),
        cond('kwh12m', 'gte', 1000),
        cond('creditRating', 'in', ['AAA', 'B']),
      ),
      `c.voltage_kv = 10 AND c.region = '龙湾区' AND m.kwh_12m >= 1000 AND m.credit_rating IN ('AAA', 'B')`,
    ],
  ])('counts %s as the hand-written SQL does', async (_name, rule, where) => {
    const expected = await sqlCount(where);
    expect(await count(rule)).toBe(expected);
  });

  it('keeps the facts a rule reads in step with customers and their metrics', async () => {
    await t.request('PATCH', `/customers/${ids[1]}`, { as: 'manager1', body: { importance: 'level1', version: 1 } });
    expect(await count(and(cond('importance', 'eq', 'level1')))).toBe(1);
    const [[metrics]] = await t.dataSource.query('DELETE FROM customer_metrics WHERE customer_id = $1 RETURNING *', [
      ids[2],
    ]);
    expect(await count(and(cond('kwh12m', 'is_null')))).toBe(3);
    await t.dataSource.query(
      `INSERT INTO customer_metrics SELECT * FROM json_populate_record(NULL::customer_metrics, $1)`,
      [JSON.stringify(metrics)],
    );
    expect(await count(and(cond('kwh12m', 'is_null')))).toBe(2);
  });

  it('matches an industry section to every customer of its divisions', async () => {
    // 38 and 26 are divisions of C 制造业, 44 of D; each has 4 customers.
    const [c38, c26, d] = await Promise.all(['38', '26', '44'].map((code) => count(and(cond('industry', 'eq', code)))));
    expect([c38, c26, d]).toEqual([4, 4, 4]);
    expect(await count(and(cond('industry', 'eq', 'C')))).toBe(c38 + c26);
    expect(await count(and(cond('industry', 'in', ['C'])))).toBe(c38 + c26);
    expect(await count(and(cond('industry', 'in', ['C', '44'])))).toBe(c38 + c26 + d);
    expect(await count(and(cond('industry', 'neq', 'C')))).toBe(d);
    expect(await count(and(cond('industry', 'nin', ['D', '26'])))).toBe(c38);
    expect(await sqlCount(`c.industry = ANY($1)`, [['38', '26']])).toBe(c38 + c26);
  });

  it('follows the AND / OR algebra', async () => {
    const a = cond('voltageKv', 'eq', 10);
    const b = cond('creditRating', 'in', ['AAA', 'AA']);
    const [nA, nB, nAnd, nOr] = await Promise.all([count(and(a)), count(and(b)), count(and(a, b)), count(or(a, b))]);
    expect(nA).toBe(4);
    expect(nOr).toBe(nA + nB - nAnd);
    expect(await count(or(and(a, b), and(a, cond('creditRating', 'nin', ['AAA', 'AA']))))).toBe(nA);
    expect(await count(and(or(a), or(b)))).toBe(nAnd);
  });

  it('keeps hostile values as data and refuses bad rules with a 400 naming the problem', async () => {
    expect(await count(and(cond('region', 'eq', "'; DROP TABLE customers; --")))).toBe(0);
    expect(await count(and(cond('tags', 'in', ["x') OR TRUE --"])))).toBe(0);
    expect(await sqlCount('TRUE')).toBe(12);

    const bad = async (rule: unknown) => t.request('POST', '/segments/preview', { as: 'marketing', body: { rule } });
    const unknown = await bad(and(cond('password_hash', 'eq', 'x')));
    expect(unknown.status).toBe(400);
    expect(englishDetails(unknown.body.details)).toEqual([
      { field: 'rule.rules[0].field', message: expect.stringContaining('unknown field "password_hash"') },
    ]);
    expect(englishDetails((await bad(and(cond('kwh12m', 'gt', '1; SELECT 1')))).body.details)).toEqual([
      { field: 'rule.rules[0].value', message: 'must be a number' },
    ]);
    expect((await bad(and(cond('region', 'regex', '.*')))).body.details[0].field).toBe('rule.rules[0].operator');
    let deep: unknown = cond('stage', 'eq', 'active');
    for (let i = 0; i < 6; i++) deep = and(deep);
    expect((await bad(deep)).body.details[0].message).toBe('groups nest at most 5 deep');
    expect((await bad('everyone')).status).toBe(400);

    const saved = await t.request('POST', '/segments', {
      as: 'marketing',
      body: { name: 'bad', kind: 'dynamic', rule: and(cond('voltageKv', 'eq', 11)) },
    });
    expect(saved.status).toBe(400);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM segments');
    expect(n).toBe(0);
  });

  it('gives each refused rule its own message code for a client that asks for codes', async () => {
    const preview = (rule: unknown) =>
      fetch(`${t.baseUrl}/api/segments/preview`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.tokens['marketing']}`,
          'content-type': 'application/json',
          'x-message-codes': '1',
        },
        body: JSON.stringify({ rule }),
      }).then((res) => res.json());
    expect((await preview(and(cond('password_hash', 'eq', 'x')))).details).toEqual([
      expect.objectContaining({
        field: 'rule.rules[0].field',
        code: 'segment.unknownField',
        params: { field: 'rule.rules[0].field', name: 'password_hash' },
      }),
    ]);
    expect((await preview(and(cond('kwh12m', 'between', [5, 1])))).details).toEqual([
      expect.objectContaining({ field: 'rule.rules[0].value', code: 'segment.rangeOrder' }),
    ]);
    expect((await preview(and(and()))).details).toEqual([
      expect.objectContaining({ field: 'rule.rules[0].rules', code: 'segment.emptyGroup' }),
    ]);
  });

  it('limits an account manager to their own customers', async () => {
    const rule = and(cond('voltageKv', 'in', [10, 35, 110]));
    expect(await count(rule, 'marketing')).toBe(12);
    expect(await count(rule, 'manager1')).toBe(6);
    const segment = await save({ name: '全部', kind: 'dynamic', rule });
    const own = (await t.request('GET', `/segments/${segment.id}/members?pageSize=100`, { as: 'manager2' })).body;
    expect(own.total).toBe(6);
    expect(own.items.map((m: { id: string }) => m.id).sort()).toEqual(ids.slice(6).sort());
    expect((await t.request('GET', `/segments/${segment.id}`, { as: 'manager2' })).body.count).toBe(6);
    expect((await t.request('DELETE', `/segments/${segment.id}`, { as: 'manager2' })).status).toBe(403);
    expect((await t.request('DELETE', `/segments/${segment.id}`, { as: 'marketing' })).status).toBe(204);
    expect((await t.request('GET', `/segments/${segment.id}`, { as: 'marketing' })).status).toBe(404);
  });

  it('saves a dynamic segment and lists its members sorted and paged', async () => {
    const segment = await save({
      name: '10 kV 欠费',
      description: 'arrears',
      kind: 'dynamic',
      rule: and(cond('voltageKv', 'eq', 10)),
    });
    expect(segment).toMatchObject({ kind: 'dynamic', owner: { displayName: 'Marketing' } });
    const page1 = (await t.request('GET', `/segments/${segment.id}/members?sort=-kwh12m&pageSize=2`, { as: 'leader' }))
      .body;
    expect(page1.total).toBe(4);
    // Customers 0, 3, 6, 9 are 10 kV; 9 has the most consumption.
    expect(page1.items.map((m: { id: string }) => m.id)).toEqual([ids[9], ids[6]]);
    expect(page1.items[0]).toMatchObject({ kwh12m: 10000, vipTier: 'platinum', creditRating: 'C', voltageKv: 10 });
    const page2 = (
      await t.request('GET', `/segments/${segment.id}/members?sort=-kwh12m&pageSize=2&page=2`, { as: 'leader' })
    ).body;
    expect(page2.items.map((m: { id: string }) => m.id)).toEqual([ids[3], ids[0]]);
    expect((await t.request('GET', `/segments/${segment.id}/members?sort=password`, { as: 'leader' })).status).toBe(
      400,
    );

    const list = (await t.request('GET', '/segments?search=欠费', { as: 'manager1' })).body;
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([segment.id]);

    const renamed = await t.request('PATCH', `/segments/${segment.id}`, {
      as: 'marketing',
      body: { name: '10 kV', rule: and(cond('voltageKv', 'eq', 35)) },
    });
    expect(renamed.body).toMatchObject({
      name: '10 kV',
      description: 'arrears',
      rule: and(cond('voltageKv', 'eq', 35)),
    });
    expect((await t.request('PATCH', `/segments/${segment.id}`, { as: 'leader', body: { name: 'x' } })).status).toBe(
      403,
    );
  });

  it('keeps static segments from account numbers, refusing unknown ones', async () => {
    const unknown = await t.request('POST', '/segments', {
      as: 'marketing',
      body: { name: '名单', kind: 'static', accountNos: [accountNos[0], 'NO-SUCH-ACCOUNT'] },
    });
    expect(unknown.status).toBe(400);
    expect(englishDetails(unknown.body.details)).toEqual([
      { field: 'accountNos[1]', message: 'unknown customer NO-SUCH-ACCOUNT' },
    ]);
    // A manager cannot list another manager's customer.
    const foreign = await t.request('POST', '/segments', {
      as: 'manager1',
      body: { name: '名单', kind: 'static', accountNos: [accountNos[7]] },
    });
    expect(foreign.status).toBe(400);
    // Both lists at once would leave one of them unread: refused, nothing saved.
    const segmentsBefore = (await t.dataSource.query('SELECT count(*)::int AS n FROM segments'))[0].n;
    const both = await t.request('POST', '/segments', {
      as: 'marketing',
      body: { name: '名单', kind: 'static', accountNos: [accountNos[0]], customerIds: [ids[1]] },
    });
    expect(both.status).toBe(400);
    expect(both.body.details.map((d: { field: string }) => d.field)).toEqual(['customerIds', 'accountNos']);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM segments'))[0].n).toBe(segmentsBefore);

    const segment = await save({ name: '名单', kind: 'static', accountNos: [accountNos[0], accountNos[7]] });
    expect(segment.size).toBe(2);
    const added = await t.request('POST', `/segments/${segment.id}/members`, {
      as: 'marketing',
      body: { customerIds: [ids[7], ids[8]] },
    });
    expect(added.body).toEqual({ added: 1 });
    expect((await t.request('DELETE', `/segments/${segment.id}/members/${ids[0]}`, { as: 'marketing' })).status).toBe(
      204,
    );
    const members = (await t.request('GET', `/segments/${segment.id}/members`, { as: 'leader' })).body;
    expect(members.items.map((m: { id: string }) => m.id)).toEqual([ids[7], ids[8]]);
    expect((await t.request('GET', `/segments/${segment.id}/members`, { as: 'manager1' })).body.total).toBe(0);
    expect(
      (await t.request('PATCH', `/segments/${segment.id}`, { as: 'marketing', body: { rule: and() } })).status,
    ).toBe(400);
  });

  it('snapshots a dynamic segment daily: size, joiners and leavers, idempotently', async () => {
    const segment = await save({ name: '10 kV', kind: 'dynamic', rule: and(cond('voltageKv', 'eq', 10)) });
    await firstSnapshot(segment.id);
    expect(await snapshots.snapshot(segment.id)).toMatchObject({ size: 4, joined: 0, left: 0 });

    await t.dataSource.query('UPDATE customers SET voltage_kv = 10 WHERE id = $1', [ids[1]]);
    await t.dataSource.query('UPDATE customers SET voltage_kv = 35 WHERE id = $1', [ids[0]]);
    expect(await snapshots.snapshot(segment.id)).toMatchObject({ size: 4, joined: 1, left: 1 });
    // Again the same day: nothing new.
    expect(await snapshots.snapshot(segment.id)).toMatchObject({ size: 4, joined: 1, left: 1 });

    const joined = (await t.request('GET', `/segments/${segment.id}/changes?change=joined`, { as: 'marketing' })).body;
    expect(joined.items.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([ids[1]]);
    const left = (await t.request('GET', `/segments/${segment.id}/changes?change=left`, { as: 'marketing' })).body;
    expect(left.items.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([ids[0]]);
    expect((await t.request('GET', `/segments/${segment.id}/changes?change=left`, { as: 'manager2' })).body.total).toBe(
      0,
    );
    const history = async () => (await t.request('GET', `/segments/${segment.id}/snapshots`, { as: 'marketing' })).body;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await history()).toEqual([{ takenOn: today, size: 4, joined: 1, left: 1 }]);
    const listed = (await t.request('GET', `/segments?search=${encodeURIComponent('10 kV')}`, { as: 'marketing' }))
      .body;
    expect(listed.items.find((s: { id: string }) => s.id === segment.id)).toMatchObject({ size: 4, trend: [4] });

    // The daily run snapshots every segment, this one included: the two customers back, joined 2 and left 2 today.
    await t.dataSource.query('UPDATE customers SET voltage_kv = 10 WHERE id = $1', [ids[0]]);
    await t.dataSource.query('UPDATE customers SET voltage_kv = 35 WHERE id = $1', [ids[1]]);
    const segments = (await t.request('GET', '/segments?pageSize=500', { as: 'marketing' })).body.total;
    expect(await snapshots.snapshotAll()).toEqual({ segments });
    expect(await history()).toEqual([{ takenOn: today, size: 4, joined: 2, left: 2 }]);
  });

  it('exports the members as CSV and Excel, within the scope, in Chinese, in English or raw', async () => {
    const segment = await save({ name: '导出', kind: 'dynamic', rule: and(cond('region', 'eq', '龙湾区')) });
    const download = async (as: string, query: string) => {
      const res = await fetch(`${t.baseUrl}/api/segments/${segment.id}/export?${query}`, {
        headers: { authorization: `Bearer ${t.tokens[as]}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('attachment');
      return res;
    };
    const csv = async (as: string, query = 'format=csv&raw=true') =>
      (await (await download(as, query)).text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
    const lines = await csv('marketing');
    expect(lines[0]).toBe(
      'accountNo,name,industry,voltageKv,region,stage,importance,contractCapacityKva,manager,kwh12m,arrears,vipScore,vipTier,creditScore,creditRating',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([0, 2, 4, 6, 8, 10].map((i) => accountNos[i]).sort());
    expect(lines[1].split(',').slice(2, 7)).toEqual(['38', '10', '龙湾区', 'active', 'none']);
    expect(await csv('manager1')).toHaveLength(1 + 3);

    // Customer 0 (sorted first): industry 38, 10 kV, active, 1,000 kWh, no arrears, standard, AAA.
    // A caller that names no language gets the raw file, as before exports were readable (integrations).
    expect(await csv('marketing', 'format=csv')).toEqual(lines);

    const zh = await csv('marketing', 'format=csv&lang=zh-CN');
    expect(zh[0]).toBe(
      '户号,客户名称,行业,电压等级,供电区域,生命周期阶段,重要客户等级,合同容量 (kVA),客户经理,近12个月用电量 (kWh),欠费,VIP 价值得分,VIP 等级,信用得分,信用等级',
    );
    expect(zh).toHaveLength(1 + 6);
    const zhRow = zh[1].split(',');
    expect(zhRow[0]).toBe(accountNos[0]);
    expect(zhRow.slice(2, 7)).toEqual(['38 电气机械和器材制造业', '10 kV', '龙湾区', '在用', '非重要客户']);
    expect(zh[1]).toContain(',"1,000",¥0.00,');
    expect(zhRow.at(-1)).toBe('AAA');
    expect(await csv('manager1', 'format=csv&lang=zh-CN')).toHaveLength(1 + 3);

    const en = await csv('marketing', 'format=csv&lang=en');
    expect(en[0]).toMatch(/^Account no\.,Customer,Industry,Voltage,Region,Stage,Important-customer class,/);
    expect(en[1]).toContain(',38 Electrical machinery and equipment,10 kV,Longwan,Active,Not important,');
    // The two still applying have no scores: empty cells.
    expect(en.at(-1)).toMatch(/,,,,$/);

    for (const [query, header, stage] of [
      ['format=xlsx&lang=zh-CN', '户号', '在用'],
      ['format=xlsx&lang=en', 'Account no.', 'Active'],
      ['format=xlsx&raw=true', 'accountNo', 'active'],
    ]) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await (await download('marketing', query)).arrayBuffer()) as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect([(sheet.getRow(1).values as unknown[])[1], (sheet.getRow(2).values as unknown[])[6]]).toEqual([
        header,
        stage,
      ]);
    }
  });

  it('compares a segment with the population over each dimension', async () => {
    const segment = await save({ name: '对比', kind: 'dynamic', rule: and(cond('creditRating', 'in', ['AAA', 'AA'])) });
    const dimensions = (await t.request('GET', `/segments/${segment.id}/distribution`, { as: 'leader' })).body;
    expect(dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      'industry',
      'voltageKv',
      'region',
      'vipTier',
      'creditRating',
    ]);
    const ratings = dimensions.find((d: { dimension: string }) => d.dimension === 'creditRating').buckets;
    // Customers 0–9 are rated AAA, AA, A, B, C twice over.
    expect(ratings).toEqual([
      { value: 'AA', segment: 2, population: 2 },
      { value: 'AAA', segment: 2, population: 2 },
      { value: 'A', segment: 0, population: 2 },
      { value: 'B', segment: 0, population: 2 },
      { value: 'C', segment: 0, population: 2 },
    ]);
    const voltages = dimensions.find((d: { dimension: string }) => d.dimension === 'voltageKv').buckets;
    expect(voltages.reduce((n: number, b: { population: number }) => n + b.population, 0)).toBe(12);
    expect(voltages.reduce((n: number, b: { segment: number }) => n + b.segment, 0)).toBe(4);
  });
});

import { CustomersModule } from '@crm/api/customers';
import { TODAY_CN } from '@crm/api/database';
import { createCustomer, createTestApp, insertWorkOrder, seedWorkOrderReference, TestApp } from '@crm/api/testing';
import {
  CREDIT_RATINGS,
  CUSTOMER_STAGES,
  IMPORTANCE_CLASSES,
  isSegmentGroup,
  SEGMENT_FIELDS,
  SegmentCondition,
  SegmentField,
  SegmentRule,
  TARIFF_CATEGORIES,
  VIP_TIERS,
} from '@crm/shared/domain';
import { SegmentsModule } from '../index';

/**
 * Random rules against a plain TypeScript reading of the README's segment semantics, over a small varied
 * population: the API's members of each rule must be exactly the customers the reading keeps. The seed is
 * random unless SEGMENT_RULES_SEED is set; a failure names it with each rule that went wrong, so
 * `SEGMENT_RULES_SEED=<seed> npx jest -c tools/jest/jest.integration.config.ts segments-evaluator` repeats it.
 */

const SEED = Number(process.env['SEGMENT_RULES_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RULES = 120;
const CUSTOMERS = 40;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = string | number | null;
/** One customer as the rules see it: every field of SEGMENT_FIELDS by its key (tags: a list). */
type Facts = Record<string, Value | string[]>;

const REGIONS = ['鹿城区', '龙湾区', '瓯海区'];
const INDUSTRIES = ['38', '26', '44', '13'];
const TAGS = ['重点用户', '高耗能', '光伏', '双电源'];
const MANAGERS = ['manager1', 'manager2'];

describe('Segment rules against a reference evaluator', () => {
  let t: TestApp;
  let segmentId: string;
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  /** Customer id → facts, and customer id → username of its manager (null: none). */
  const facts = new Map<string, Facts>();
  const managerOf = new Map<string, string | null>();

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule], { jobs: true });
    const setup = prng(SEED ^ 0x5eed);
    const choose = <T>(items: readonly T[]): T => items[Math.floor(setup() * items.length)];
    const maybe = <T>(p: number, value: () => T): T | null => (setup() < p ? value() : null);
    const int = (from: number, to: number) => from + Math.floor(setup() * (to - from + 1));
    await seedWorkOrderReference(t);
    for (let i = 0; i < CUSTOMERS; i++) {
      // A few values repeat on purpose, so that eq, in and the ends of between hit exactly.
      const manager = choose(MANAGERS);
      // Every stage, and now and then a customer with metrics but no scores yet.
      const stage = CUSTOMER_STAGES[i % CUSTOMER_STAGES.length];
      // Some customers not yet energised have no contracted capacity yet.
      const withoutCapacity = (stage === 'applying' || stage === 'connecting') && i % 3 !== 0;
      const attributes = {
        voltageKv: choose([10, 10, 35, 110, 220]),
        industry: choose(INDUSTRIES),
        tariffCategory: choose(TARIFF_CATEGORIES),
        contractCapacityKva: withoutCapacity ? null : choose([630, 1250, 1250, 2000.5, 8000, 31500]),
        region: choose(REGIONS),
        importance: choose(IMPORTANCE_CLASSES),
        tags: TAGS.filter(() => setup() < 0.3),
      };
      const { importance, ...created } = attributes;
      const c = await createCustomer(t, manager, created);
      // Stage, the importance classes POST does not take, and a closed customer without a manager (only a
      // closed one may have none): straight in the table.
      const noManager = stage === 'closed' && i % 4 === 1;
      await t.dataSource.query(
        `UPDATE customers SET stage = $2, importance = $3, account_manager_id = CASE WHEN $4 THEN NULL ELSE account_manager_id END
          WHERE id = $1`,
        [c.id, stage, importance, noManager],
      );
      managerOf.set(c.id, noManager ? null : manager);

      // Customers with a supply have metrics (some without a previous year, a power factor or scores yet);
      // the others have none, so all their behaviour fields are empty.
      const scored = ['active', 'suspended', 'closing'].includes(stage);
      const behaviour: Facts = {
        kwh12m: null,
        kwhGrowthPercent: null,
        maxDemandKw: null,
        avgPowerFactor: null,
        arrears: null,
        lateBills12m: null,
        violations24m: null,
        thefts24m: null,
        vipScore: null,
        vipTier: null,
        creditScore: null,
        creditRating: null,
        daysSinceVisit: null,
        complaints12m: 0,
        openOrders: 0,
        avgSatisfaction: null,
      };
      if (scored) {
        const hasScores = i % 4 !== 0;
        Object.assign(behaviour, {
          kwh12m: choose([0, 120000, 120000, 5400000.75, 98000000]),
          kwhGrowthPercent: maybe(0.8, () => choose([-100, -12.5, 0, 7, 30, 30, 250])),
          maxDemandKw: choose([0, 480, 1500.25, 26000]),
          avgPowerFactor: maybe(0.85, () => choose([0.72, 0.9, 0.9, 0.95, 1])),
          arrears: choose([0, 0, 350.5, 120000]),
          lateBills12m: int(0, 3),
          violations24m: int(0, 2),
          thefts24m: choose([0, 0, 0, 1]),
          vipScore: hasScores ? choose([12.5, 40, 60, 60, 85.25, 100]) : null,
          vipTier: hasScores ? choose(VIP_TIERS) : null,
          creditScore: hasScores ? choose([0, 35.5, 70, 70, 92]) : null,
          creditRating: hasScores ? choose(CREDIT_RATINGS) : null,
        });
        const b = behaviour as Record<string, number | string | null>;
        await t.dataSource.query(
          `INSERT INTO customer_metrics (customer_id, kwh_12m, kwh_prev_12m, kwh_growth, capacity_increases_12m,
             max_demand_kw_12m, avg_power_factor_12m, revenue_12m, bills_due_12m, late_bills_12m, on_time_ratio_12m,
             avg_days_late_12m, arrears, arrears_days, avg_bill_12m, disconnections_24m, violations_24m, thefts_24m,
             months_within_capacity_12m, months_metered_12m, vip_score, vip_tier, credit_score, credit_rating)
           VALUES ($1, $2, $2, $3, 0, $4, $5, 0, 12, $6, 1, 0, $7, 0, 0, 0, $8, $9, 12, 12, $10, $11, $12, $13)`,
          [
            c.id,
            b['kwh12m'],
            // The growth as the scoring run writes it: a ratio (0.3 for 30 %).
            b['kwhGrowthPercent'] === null ? null : (b['kwhGrowthPercent'] as number) / 100,
            b['maxDemandKw'],
            b['avgPowerFactor'],
            b['lateBills12m'],
            b['arrears'],
            b['violations24m'],
            b['thefts24m'],
            b['vipScore'],
            b['vipTier'],
            b['creditScore'],
            b['creditRating'],
          ],
        );
      }
      // The last visit comes from completed service tasks; the facts table keeps its day, written here directly.
      const days = maybe(0.6, () => choose([0, 30, 30, 95, 400]));
      behaviour['daysSinceVisit'] = days;
      if (days !== null)
        await t.dataSource.query(
          `UPDATE segment_facts SET last_visit_on = ${TODAY_CN} - $2::int WHERE customer_id = $1`,
          [c.id, days],
        );
      // Work orders straight in their table: complaints within the 12 months and before, open and closed,
      // rated by their callback or not.
      const ratings: number[] = [];
      for (let k = int(0, 3); k > 0; k--) {
        const type = choose(['complaint', 'complaint', 'inquiry'] as const);
        const daysAgo = choose([0, 40, 364, 400]);
        const closed = setup() < 0.5;
        const satisfaction = closed ? maybe(0.7, () => int(1, 5)) : null;
        await insertWorkOrder(t, { customerId: c.id, type, daysAgo, state: closed ? 'closed' : 'open', satisfaction });
        if (type === 'complaint' && daysAgo < 365) (behaviour['complaints12m'] as number)++;
        if (!closed) (behaviour['openOrders'] as number)++;
        if (satisfaction !== null) ratings.push(satisfaction);
      }
      if (ratings.length)
        behaviour['avgSatisfaction'] = Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100;
      facts.set(c.id, { ...attributes, stage, accountManagerId: noManager ? null : t.userIds[manager], ...behaviour });
    }
    const segment = await t.request('POST', '/segments', {
      as: 'marketing',
      body: { name: '随机规则', kind: 'dynamic', rule: { op: 'and', rules: [] } },
    });
    expect(segment.status).toBe(201);
    segmentId = segment.body.id;
  }, 120_000);
  afterAll(() => t.close());

  /** The values a random condition on `field` compares with: mostly ones the population has, some it has not. */
  const candidates = (field: SegmentField): (string | number)[] => {
    if (field.values) return field.values.map((v) => v.value);
    if (field.key === 'accountManagerId') return [...MANAGERS, 'admin'].map((u) => t.userIds[u]);
    if (field.type === 'tags') return [...TAGS, '无此标签'];
    const seen = [...facts.values()].map((f) => f[field.key]).filter((v): v is string | number => v !== null);
    if (field.type === 'string') return [...new Set(seen), field.key === 'industry' ? '99' : '无此区域'];
    const numbers = [...new Set(seen as number[])];
    return [...numbers, ...numbers.map((n) => n + 0.5), -1, 1e9];
  };

  const randomCondition = (): SegmentCondition => {
    const field = pick(SEGMENT_FIELDS);
    const operator = pick(field.operators);
    const values = candidates(field);
    switch (operator) {
      case 'is_null':
      case 'not_null':
        return { field: field.key, operator };
      case 'in':
      case 'nin': {
        const list = values.filter(() => chance(0.35));
        return { field: field.key, operator, value: list.length ? list : [pick(values)] };
      }
      case 'between': {
        const [a, b] = [pick(values) as number, pick(values) as number];
        return { field: field.key, operator, value: [Math.min(a, b), Math.max(a, b)] };
      }
      default:
        return { field: field.key, operator, value: pick(values) };
    }
  };

  const randomRule = (depth = 1): SegmentRule => {
    const size = depth === 1 ? 1 + Math.floor(random() * 4) : 1 + Math.floor(random() * 3);
    const rules = Array.from({ length: size }, () =>
      depth < 4 && chance(0.3) ? randomRule(depth + 1) : randomCondition(),
    );
    return { op: chance(0.5) ? 'and' : 'or', rules };
  };

  /** The README's reading: empty behaviour kept by neq and nin, dropped by comparisons, found by is_null. */
  const holds = (c: SegmentCondition, f: Facts): boolean => {
    const x = f[c.field];
    if (Array.isArray(x)) {
      // tags
      const list = c.value as string[];
      if (c.operator === 'contains') return x.includes(c.value as string);
      if (c.operator === 'in') return list.some((v) => x.includes(v));
      if (c.operator === 'nin') return !list.some((v) => x.includes(v));
      throw new Error(`tags have no ${c.operator}`);
    }
    switch (c.operator) {
      case 'is_null':
        return x === null;
      case 'not_null':
        return x !== null;
      case 'eq':
        return x === c.value;
      case 'neq':
        return x !== c.value;
      case 'in':
        return (c.value as Value[]).includes(x);
      case 'nin':
        return !(c.value as Value[]).includes(x);
    }
    if (x === null) return false;
    const [n, v] = [x as number, c.value as number];
    switch (c.operator) {
      case 'gt':
        return n > v;
      case 'gte':
        return n >= v;
      case 'lt':
        return n < v;
      case 'lte':
        return n <= v;
      case 'between': {
        const [from, to] = c.value as [number, number];
        return n >= from && n <= to;
      }
      default:
        throw new Error(`no reading of ${c.operator}`);
    }
  };
  const matches = (rule: SegmentRule, f: Facts): boolean => {
    const parts = rule.rules.map((r) => (isSegmentGroup(r) ? matches(r, f) : holds(r, f)));
    if (parts.length === 0) return true;
    return rule.op === 'and' ? parts.every(Boolean) : parts.some(Boolean);
  };

  it(`gives the members the reference evaluator gives, for ${RULES} random rules (seed ${SEED})`, async () => {
    const failures: unknown[] = [];
    for (let i = 0; i < RULES; i++) {
      const rule = randomRule();
      const as = chance(0.25) ? 'manager1' : 'marketing';
      const expected = [...facts.entries()]
        .filter(([id, f]) => (as === 'marketing' || managerOf.get(id) === as) && matches(rule, f))
        .map(([id]) => id)
        .sort();

      const preview = await t.request('POST', '/segments/preview', { as, body: { rule } });
      const saved = await t.request('PATCH', `/segments/${segmentId}`, { as: 'marketing', body: { rule } });
      const members = await t.request('GET', `/segments/${segmentId}/members?pageSize=500`, { as });
      if (preview.status !== 200 || saved.status !== 200 || members.status !== 200) {
        failures.push({ seed: SEED, rule, as, statuses: [preview.status, saved.status, members.status] });
        continue;
      }
      const actual = (members.body.items as { id: string }[]).map((m) => m.id).sort();
      if (preview.body.count !== expected.length || JSON.stringify(actual) !== JSON.stringify(expected)) {
        const describe = (ids: string[]) => ids.map((id) => facts.get(id));
        failures.push({
          seed: SEED,
          rule: JSON.stringify(rule),
          as,
          count: { api: preview.body.count, expected: expected.length },
          onlyApi: describe(actual.filter((id) => !expected.includes(id))),
          onlyExpected: describe(expected.filter((id) => !actual.includes(id))),
        });
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('counts every figure the population has as the evaluator does at the edges: eq, neq, gte and lte', async () => {
    const failures: unknown[] = [];
    for (const field of SEGMENT_FIELDS.filter((f) => f.type === 'number' && !f.values)) {
      const seen = new Set([...facts.values()].map((f) => f[field.key]).filter((v) => v !== null) as number[]);
      for (const value of seen)
        for (const operator of ['eq', 'neq', 'gte', 'lte'] as const) {
          const rule: SegmentRule = { op: 'and', rules: [{ field: field.key, operator, value }] };
          const expected = [...facts.values()].filter((f) => matches(rule, f)).length;
          const res = await t.request('POST', '/segments/preview', { as: 'marketing', body: { rule } });
          if (res.body.count !== expected)
            failures.push({ rule: JSON.stringify(rule), count: { api: res.body.count, expected } });
        }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('has a population in which the rules can tell customers apart', () => {
    const all = [...facts.values()];
    expect(all.filter((f) => f['kwh12m'] === null).length).toBeGreaterThan(0);
    expect(all.filter((f) => f['vipScore'] !== null).length).toBeGreaterThan(0);
    expect(all.filter((f) => f['kwh12m'] !== null && f['vipScore'] === null).length).toBeGreaterThan(0);
    expect(all.filter((f) => f['accountManagerId'] === null).length).toBeGreaterThan(0);
    expect(all.filter((f) => f['contractCapacityKva'] === null).length).toBeGreaterThan(0);
  });

  it('finds the customers without a contracted capacity with is_null, and keeps them out of comparisons', async () => {
    const count = async (rule: SegmentRule) =>
      (await t.request('POST', '/segments/preview', { as: 'marketing', body: { rule } })).body.count;
    const all = [...facts.values()];
    const without = all.filter((f) => f['contractCapacityKva'] === null);
    expect(without.every((f) => f['stage'] === 'applying' || f['stage'] === 'connecting')).toBe(true);
    const field = 'contractCapacityKva';
    expect(await count({ op: 'and', rules: [{ field, operator: 'is_null' }] })).toBe(without.length);
    expect(await count({ op: 'and', rules: [{ field, operator: 'not_null' }] })).toBe(all.length - without.length);
    expect(await count({ op: 'and', rules: [{ field, operator: 'gte', value: 0 }] })).toBe(all.length - without.length);
    expect(await count({ op: 'and', rules: [{ field, operator: 'neq', value: 630 }] })).toBe(
      all.filter((f) => f['contractCapacityKva'] !== 630).length,
    );
  });
});

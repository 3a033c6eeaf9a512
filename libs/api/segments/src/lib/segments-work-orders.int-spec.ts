import { CustomersModule } from '@crm/api/customers';
import {
  createCustomer,
  createTestApp,
  insertWorkOrder,
  seedWorkOrderReference,
  TestApp,
  TestWorkOrder,
} from '@crm/api/testing';
import { SegmentRule } from '@crm/shared/domain';
import { SegmentsModule } from '../index';

const cond = (field: string, operator: string, value?: unknown) => ({ field, operator, value });
const and = (...rules: unknown[]) => ({ op: 'and', rules }) as SegmentRule;

/**
 * The work-order fields of segments: complaints in the last 12 months, open orders and average
 * satisfaction, read from segment_facts that triggers on work_orders keep. The orders are written
 * straight into the table, as the work-orders library would.
 */
describe('Segments over work orders', () => {
  let t: TestApp;
  /** Customers A (manager1), B (manager1), C (manager2), D (manager2, no orders). */
  const ids: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

  const count = async (rule: SegmentRule, as = 'marketing'): Promise<number> => {
    const res = await t.request('POST', '/segments/preview', { as, body: { rule } });
    expect(res.status).toBe(200);
    return res.body.count;
  };
  const members = async (rule: SegmentRule): Promise<string[]> => {
    const res = await t.request('POST', '/segments/preview', { as: 'marketing', body: { rule } });
    return (res.body.sample as { id: string }[]).map((m) => m.id).sort();
  };

  /** Inserts one work order of `customer` received `daysAgo` days ago; returns its id. */
  const order = (
    customerId: string,
    type: TestWorkOrder['type'],
    daysAgo: number,
    state = 'open',
    satisfaction: number | null = null,
  ): Promise<string> => insertWorkOrder(t, { customerId, type, daysAgo, state, satisfaction });

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, SegmentsModule], { jobs: true });
    for (const [key, manager] of [
      ['A', 'manager1'],
      ['B', 'manager1'],
      ['C', 'manager2'],
      ['D', 'manager2'],
    ] as const)
      ids[key] = (await createCustomer(t, manager)).id;
    await seedWorkOrderReference(t);
    // A: two recent complaints (one closed, satisfied 4), one 13 months old (closed, 2); an open inquiry.
    await order(ids.A, 'complaint', 10);
    await order(ids.A, 'complaint', 300, 'closed', 4);
    await order(ids.A, 'complaint', 400, 'closed', 2);
    await order(ids.A, 'inquiry', 1);
    // B: one complaint of 11 months ago, closed with 5; a closed inquiry without a satisfaction.
    await order(ids.B, 'complaint', 330, 'closed', 5);
    await order(ids.B, 'inquiry', 5, 'closed');
    // C: an open complaint just received.
    await order(ids.C, 'complaint', 0);
  }, 60_000);
  afterAll(() => t.close());

  it('counts the complaints received within the last 12 months', async () => {
    expect(await members(and(cond('complaints12m', 'eq', 2)))).toEqual([ids.A]);
    expect(await members(and(cond('complaints12m', 'eq', 1)))).toEqual([ids.B, ids.C].sort());
    expect(await members(and(cond('complaints12m', 'eq', 0)))).toEqual([ids.D]);
    expect(await count(and(cond('complaints12m', 'gte', 1)))).toBe(3);
    expect(await count(and(cond('complaints12m', 'gte', 1)), 'manager1')).toBe(2);
  });

  it('counts the orders not closed, and averages the satisfaction of closed orders that have one', async () => {
    expect(await members(and(cond('openOrders', 'eq', 2)))).toEqual([ids.A]);
    expect(await members(and(cond('openOrders', 'eq', 0)))).toEqual([ids.B, ids.D].sort());
    expect(await members(and(cond('avgSatisfaction', 'eq', 3)))).toEqual([ids.A]);
    expect(await members(and(cond('avgSatisfaction', 'gt', 4)))).toEqual([ids.B]);
    expect(await members(and(cond('avgSatisfaction', 'is_null')))).toEqual([ids.C, ids.D].sort());
  });

  it('keeps the facts in step as orders are received, closed, reopened and moved', async () => {
    const id = await order(ids.D, 'complaint', 3);
    expect(await members(and(cond('complaints12m', 'eq', 1), cond('openOrders', 'eq', 1)))).toEqual(
      [ids.C, ids.D].sort(),
    );
    await t.dataSource.query(
      `UPDATE work_orders SET state = 'closed', closed_at = now(), satisfaction = 1 WHERE id = $1`,
      [id],
    );
    expect(await members(and(cond('avgSatisfaction', 'lte', 1)))).toEqual([ids.D]);
    expect(await members(and(cond('openOrders', 'eq', 0)))).toEqual([ids.B, ids.D].sort());
    await t.dataSource.query(`UPDATE work_orders SET state = 'reopened' WHERE id = $1`, [id]);
    expect(await members(and(cond('avgSatisfaction', 'is_null')))).toEqual([ids.C, ids.D].sort());
    // An order moved to another customer leaves the first one's figures.
    await t.dataSource.query('UPDATE work_orders SET customer_id = $2 WHERE id = $1', [id, ids.C]);
    expect(await members(and(cond('complaints12m', 'eq', 2)))).toEqual([ids.A, ids.C].sort());
    expect(await members(and(cond('complaints12m', 'eq', 0)))).toEqual([ids.D]);
  });

  it('rebuilds the same facts with refresh_segment_facts()', async () => {
    const facts = () =>
      t.dataSource.query(
        `SELECT customer_id, complaint_days::text[], open_orders, avg_satisfaction::text
           FROM segment_facts ORDER BY customer_id`,
      );
    const kept = await facts();
    await t.dataSource.query(
      'UPDATE segment_facts SET complaint_days = NULL, open_orders = 0, avg_satisfaction = NULL',
    );
    await t.dataSource.query('SELECT refresh_segment_facts()');
    expect(await facts()).toEqual(kept);
    expect(kept.find((f: { customer_id: string }) => f.customer_id === ids.A)).toMatchObject({
      open_orders: 2,
      avg_satisfaction: '3.00',
    });
  });
});

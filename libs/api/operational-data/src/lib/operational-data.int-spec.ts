import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { chinaDate } from '@crm/shared/domain';
import { OperationalDataModule } from '../index';

const DAY = 86_400_000;

describe('operational data: consumption, bills and derived arrears', () => {
  let t: TestApp;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OperationalDataModule]);
    customerId = (await createCustomer(t, 'manager1')).id;
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor) VALUES
         ($1, '2026-02-01', 80000, 300, 0.93), ($1, '2026-01-01', 120000, 410, 0.95), ($1, '2026-03-01', 0, 0, 0.9)`,
      [customerId],
    );
    await t.dataSource.query(
      `INSERT INTO bills (customer_id, period, amount, due_date) VALUES
         ($1, '2026-01-01', 1000, '2026-02-25'), ($1, '2026-02-01', 500, '2026-03-25'), ($1, '2026-03-01', 800, '2026-04-25')`,
      [customerId],
    );
    await t.dataSource.query(
      `INSERT INTO payments (bill_id, bill_period, paid_at, amount)
       SELECT b.id, b.period, p.paid_at::date, p.amount::numeric FROM bills b
         JOIN (VALUES ('2026-01-01', '2026-02-20', 600), ('2026-01-01', '2026-03-02', 400),
                      ('2026-02-01', '2026-03-20', 500), ('2026-03-01', '2026-04-25', 300)) AS p(period, paid_at, amount)
           ON b.period = p.period::date
        WHERE b.customer_id = $1`,
      [customerId],
    );
  });
  afterAll(() => t.close());

  it('lists consumption oldest first', async () => {
    const res = await t.request('GET', `/customers/${customerId}/consumption`, { as: 'manager1' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { period: '2026-01', kwh: 120000, maxDemandKw: 410, powerFactor: 0.95 },
      { period: '2026-02', kwh: 80000, maxDemandKw: 300, powerFactor: 0.93 },
      { period: '2026-03', kwh: 0, maxDemandKw: 0, powerFactor: 0.9 },
    ]);
  });

  it('derives paid, outstanding and days late from the payments', async () => {
    const today = chinaDate(new Date());
    const lateSinceDue = Math.round((Date.parse(today) - Date.parse('2026-04-25')) / DAY);
    const res = await t.request('GET', `/customers/${customerId}/bills`, { as: 'manager1' });
    expect(res.body).toEqual([
      // Paid in two parts; settled on 2 March, five days after the due date.
      {
        period: '2026-01',
        amount: 1000,
        dueDate: '2026-02-25',
        paidAmount: 1000,
        paidAt: '2026-03-02',
        daysLate: 5,
        outstanding: 0,
      },
      {
        period: '2026-02',
        amount: 500,
        dueDate: '2026-03-25',
        paidAmount: 500,
        paidAt: '2026-03-20',
        daysLate: 0,
        outstanding: 0,
      },
      // Partly paid: still late, counting to today.
      {
        period: '2026-03',
        amount: 800,
        dueDate: '2026-04-25',
        paidAmount: 300,
        paidAt: '2026-04-25',
        daysLate: lateSinceDue,
        outstanding: 500,
      },
    ]);
  });

  it('sums arrears and counts late bills', async () => {
    const res = await t.request('GET', `/customers/${customerId}/operational-summary`, { as: 'leader' });
    expect(res.body).toMatchObject({ arrears: 500, overdueBills: 1 });
  });

  it('keeps each bill settled as payments come, change and go, and as its amount changes', async () => {
    const bill = async () =>
      (
        await t.dataSource.query(
          `SELECT paid_amount::float AS paid, settled_on::text AS settled FROM bills WHERE customer_id = $1 AND period = '2026-02-01'`,
          [customerId],
        )
      )[0];
    const billId = `(SELECT id FROM bills WHERE customer_id = '${customerId}' AND period = '2026-02-01')`;
    try {
      expect(await bill()).toEqual({ paid: 500, settled: '2026-03-20' });
      await t.dataSource.query(`UPDATE bills SET amount = 650 WHERE id = ${billId}`);
      expect(await bill()).toEqual({ paid: 500, settled: null });
      await t.dataSource.query(
        `INSERT INTO payments (bill_id, bill_period, paid_at, amount) VALUES (${billId}, '2026-02-01', '2026-04-02', 150)`,
      );
      expect(await bill()).toEqual({ paid: 650, settled: '2026-04-02' });
      await t.dataSource.query(`UPDATE payments SET paid_at = '2026-04-01' WHERE bill_id = ${billId} AND amount = 150`);
      expect(await bill()).toEqual({ paid: 650, settled: '2026-04-01' });
      await t.dataSource.query(`DELETE FROM payments WHERE bill_id = ${billId} AND amount = 150`);
      expect(await bill()).toEqual({ paid: 500, settled: null });
    } finally {
      await t.dataSource.query(`UPDATE bills SET amount = 500 WHERE id = ${billId}`);
    }
    expect(await bill()).toEqual({ paid: 500, settled: '2026-03-20' });
  });

  it('answers 404 to another account manager', async () => {
    for (const path of ['consumption', 'bills', 'violations', 'disconnections', 'operational-summary']) {
      expect((await t.request('GET', `/customers/${customerId}/${path}`, { as: 'manager2' })).status).toBe(404);
    }
  });
});

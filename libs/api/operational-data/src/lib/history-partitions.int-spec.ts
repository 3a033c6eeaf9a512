import { CustomersModule } from '@crm/api/customers';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { OperationalDataModule } from '../index';
import { HistoryPartitionsService } from './history-partitions.service';

describe('history partitions: created ahead by the job, rows beyond them kept in DEFAULT and moved out', () => {
  let t: TestApp;
  let customerId: string;
  let partitions: HistoryPartitionsService;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OperationalDataModule]);
    customerId = (await createCustomer(t, 'manager1')).id;
    partitions = t.app.get(HistoryPartitionsService);
  });

  afterAll(() => t.close());

  /** The partition each of the customer's rows of `year` is in. */
  async function whereRows(year: number): Promise<Record<string, string[]>> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT array_agg(DISTINCT tableoid::regclass::text) FROM consumption
                WHERE customer_id = $1 AND extract(year FROM period) = $2) AS consumption,
              (SELECT array_agg(DISTINCT tableoid::regclass::text) FROM bills
                WHERE customer_id = $1 AND extract(year FROM period) = $2) AS bills,
              (SELECT array_agg(DISTINCT p.tableoid::regclass::text) FROM payments p JOIN bills b ON b.id = p.bill_id
                WHERE b.customer_id = $1 AND extract(year FROM b.period) = $2) AS payments,
              (SELECT array_agg(DISTINCT tableoid::regclass::text) FROM customer_timeline
                WHERE customer_id = $1 AND extract(year FROM at AT TIME ZONE 'Asia/Shanghai') = $2) AS timeline`,
      [customerId, year],
    );
    return row;
  }

  async function addHistory(year: number): Promise<void> {
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor) VALUES ($1, $2, 1000, 10, 0.9)`,
      [customerId, `${year}-03-01`],
    );
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO bills (customer_id, period, amount, due_date) VALUES ($1, $2, 500, $3) RETURNING id`,
      [customerId, `${year}-03-01`, `${year}-04-25`],
    );
    await t.dataSource.query(
      `INSERT INTO payments (bill_id, bill_period, paid_at, amount) VALUES ($1, $2, $3, 200), ($1, $2, $4, 300)`,
      [id, `${year}-03-01`, `${year}-04-10`, `${year}-04-20`],
    );
    await t.dataSource.query(
      `INSERT INTO customer_timeline (customer_id, at, type, summary) VALUES ($1, $2, 'note', 'far ahead')`,
      [customerId, `${year}-01-01T00:30:00+08:00`],
    );
  }

  it('keeps rows beyond the created years in DEFAULT, then moves them into the partitions the job creates', async () => {
    await addHistory(2040);
    expect(await whereRows(2040)).toEqual({
      consumption: ['consumption_default'],
      bills: ['bills_default'],
      payments: ['payments_default'],
      timeline: ['customer_timeline_default'],
    });

    // The clock moves on to 1 January 2040 in China (still 2039 in UTC): that year and the next are created.
    const created = await partitions.ensure(new Date('2039-12-31T17:00:00Z'));
    expect(created.created.sort()).toEqual(
      ['consumption', 'bills', 'payments', 'customer_timeline'].flatMap((t) => [`${t}_2040`, `${t}_2041`]).sort(),
    );
    expect(await whereRows(2040)).toEqual({
      consumption: ['consumption_2040'],
      bills: ['bills_2040'],
      payments: ['payments_2040'],
      timeline: ['customer_timeline_2040'],
    });
    // Moved as they were: the bill is still settled by its two payments, and they still refer to it.
    const [bill] = await t.dataSource.query(
      `SELECT paid_amount::float8 AS paid, to_char(settled_on, 'YYYY-MM-DD') AS settled, outstanding::float8 AS outstanding
         FROM bill_status WHERE customer_id = $1 AND period = '2040-03-01'`,
      [customerId],
    );
    expect(bill).toEqual({ paid: 500, settled: '2040-04-20', outstanding: 0 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM payments_default`);
    expect(n).toBe(0);

    // Again: nothing to do.
    expect(await partitions.ensure(new Date('2040-02-01T00:00:00Z'))).toEqual({ created: [] });
  });

  it('creates each partition once when several instances run it at the same moment', async () => {
    const runs = await Promise.all([1, 2, 3].map(() => partitions.ensure(new Date('2050-06-01T00:00:00Z'))));
    const created = runs.flatMap((r) => r.created).sort();
    expect(created).toEqual(
      ['consumption', 'bills', 'payments', 'customer_timeline'].flatMap((t) => [`${t}_2050`, `${t}_2051`]).sort(),
    );
  });

  it('still inserts a row beyond every partition, into DEFAULT', async () => {
    await addHistory(2099);
    expect(await whereRows(2099)).toEqual({
      consumption: ['consumption_default'],
      bills: ['bills_default'],
      payments: ['payments_default'],
      timeline: ['customer_timeline_default'],
    });
  });
});

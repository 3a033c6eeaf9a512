import { CustomersModule } from '@crm/api/customers';
import { OperationalDataModule } from '@crm/api/operational-data';
import { createCustomer, createTestApp, TestApp } from '@crm/api/testing';
import { PartitionHistory1765300000000 } from './migrations/1765300000000-partition-history';

const TABLES = ['consumption', 'bills', 'payments', 'customer_timeline'];

describe('migration PartitionHistory: down to plain tables and up again keeps every row', () => {
  let t: TestApp;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp([CustomersModule, OperationalDataModule]);
    customerId = (await createCustomer(t, 'manager1')).id;
    const year = new Date().getUTCFullYear();
    await t.dataSource.query(
      `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor)
       SELECT $1, make_date(y, 5, 1), 1000 * y, 10, 0.9 FROM generate_series($2::int - 3, $2::int) y`,
      [customerId, year],
    );
    await t.dataSource.query(
      `INSERT INTO bills (customer_id, period, amount, due_date)
       SELECT $1, make_date(y, 5, 1), 100, make_date(y, 6, 20) FROM generate_series($2::int - 3, $2::int) y`,
      [customerId, year],
    );
    await t.dataSource.query(
      `INSERT INTO payments (bill_id, bill_period, paid_at, amount)
       SELECT id, period, period + 40, 60 FROM bills WHERE customer_id = $1`,
      [customerId],
    );
  });

  afterAll(() => t.close());

  async function snapshot() {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT json_agg(c ORDER BY period) FROM consumption c) AS consumption,
              (SELECT json_agg(b ORDER BY id) FROM bill_status b) AS bills,
              (SELECT json_agg(json_build_object('id', id, 'bill', bill_id, 'at', paid_at, 'amount', amount) ORDER BY id)
                 FROM payments) AS payments,
              (SELECT json_agg(json_build_object('id', id, 'type', type, 'at', at) ORDER BY id) FROM customer_timeline) AS timeline`,
    );
    return row;
  }

  async function kinds(): Promise<string[]> {
    const rows = await t.dataSource.query(
      `SELECT relkind::text AS kind FROM pg_class WHERE oid = ANY (ARRAY[${TABLES.map((n) => `'${n}'::regclass`)}]) ORDER BY relname`,
    );
    return rows.map((r: { kind: string }) => r.kind);
  }

  async function migrate(direction: 'up' | 'down'): Promise<void> {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await new PartitionHistory1765300000000()[direction](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }

  /** A new payment still settles its bill (the triggers), and a new bill's id goes on from the last one. */
  async function stillWorks(): Promise<void> {
    const [{ max }] = await t.dataSource.query('SELECT max(id)::int AS max FROM bills');
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO bills (customer_id, period, amount, due_date) VALUES ($1, $2, 10, $3) RETURNING id::int`,
      [customerId, `${2000 + max}-01-01`, `${2000 + max}-02-01`],
    );
    expect(id).toBe(max + 1);
    const paid = (await t.dataSource.query(`SELECT id, period FROM bills WHERE customer_id = $1 AND amount = 100`, [
      customerId,
    ])) as { id: string; period: string }[];
    const [bill] = paid;
    const withPeriod = (await kinds()).includes('p');
    await t.dataSource.query(
      withPeriod
        ? `INSERT INTO payments (bill_id, bill_period, paid_at, amount) SELECT id, period, period + 50, 40 FROM bills WHERE id = $1`
        : `INSERT INTO payments (bill_id, paid_at, amount) SELECT id, period + 50, 40 FROM bills WHERE id = $1`,
      [bill.id],
    );
    const [status] = await t.dataSource.query(
      `SELECT paid_amount::float8 AS paid, outstanding::float8 AS owed FROM bill_status WHERE id = $1`,
      [bill.id],
    );
    expect(status).toEqual({ paid: 100, owed: 0 });
  }

  it('goes down and up again with the same rows, triggers, view and sequences', async () => {
    expect(await kinds()).toEqual(['p', 'p', 'p', 'p']);
    const before = await snapshot();
    expect(before.payments).toHaveLength(4);

    await migrate('down');
    expect(await kinds()).toEqual(['r', 'r', 'r', 'r']);
    expect(await snapshot()).toEqual(before);
    await stillWorks();

    const between = await snapshot();
    await migrate('up');
    expect(await kinds()).toEqual(['p', 'p', 'p', 'p']);
    expect(await snapshot()).toEqual(between);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'consumption'::regclass`,
    );
    expect(n).toBeGreaterThanOrEqual(4); // this year, the next, two years back and DEFAULT at least
    await t.dataSource.query('DELETE FROM payments WHERE amount = 40');
    await stillWorks();
  });
});

import { MigrationInterface, QueryRunner } from 'typeorm';

function date(year: number): string {
  return `'${year}-01-01'`;
}

/** The four history tables, their range key, the oldest value of it and how a year's bound is written. */
const HISTORY = [
  { table: 'consumption', key: 'period', oldest: 'SELECT min(period) FROM consumption', bound: date },
  { table: 'bills', key: 'period', oldest: 'SELECT min(period) FROM bills', bound: date },
  { table: 'payments', key: 'bill_period', oldest: 'SELECT min(period) FROM bills', bound: date },
  {
    table: 'customer_timeline',
    key: 'at',
    oldest: `SELECT min(at) AT TIME ZONE 'Asia/Shanghai' FROM customer_timeline`,
    bound: (year: number) => `'${year}-01-01 00:00:00+08'`,
  },
] as const;

/** Rows older than this many years before the current one stay in the DEFAULT partition. */
const MAX_YEARS_BACK = 10;

const BILL_STATUS = `
  CREATE VIEW bill_status AS
  SELECT b.id, b.customer_id, b.period, b.amount, b.due_date, b.paid_amount, b.last_paid_at AS paid_at, b.settled_on,
         greatest(b.amount - b.paid_amount, 0)::numeric(14, 2) AS outstanding,
         greatest(coalesce(b.settled_on, CASE WHEN b.amount = 0 THEN b.due_date END,
                           ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date) - b.due_date, 0) AS days_late
    FROM bills b`;

/**
 * Consumption, bills, payments and the customer timeline become tables partitioned by year (declarative
 * `PARTITION BY RANGE`): consumption and bills by `period`, payments by their bill's period (new column
 * `bill_period`, so that `(bill_id, bill_period)` refers to bills `(id, period)`), the timeline by `at` (China
 * time's years). Each gets a partition per year from the year of its oldest row (at most 10 years back, at least 2)
 * to next year, and a DEFAULT partition for rows outside them; `ensureHistoryPartitions` (libs/api/database) keeps the
 * years ahead. Every row is copied into the new table (indexes and keys built after the copy), the old table is
 * dropped, and the identity sequences go on from where they were. Why yearly: README, _Partitioned history_.
 */
export class PartitionHistory1765300000000 implements MigrationInterface {
  name = 'PartitionHistory1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    // Each table's partitions go from the year of its oldest row (10 years back at most, 2 at least) to next year.
    const years: { first: number; last: number }[] = [];
    for (const { oldest } of HISTORY) {
      const [range] = await q.query(`
        WITH now_cn AS (SELECT extract(year FROM now() AT TIME ZONE 'Asia/Shanghai')::int AS year)
        SELECT least(greatest(coalesce(extract(year FROM (${oldest}))::int, year), year - ${MAX_YEARS_BACK}), year - 2) AS first,
               year + 1 AS last
          FROM now_cn`);
      years.push(range);
    }
    await q.query('DROP VIEW bill_status');
    await q.query('DROP TRIGGER bills_settle_on_new_amount ON bills');
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER payments_settle_bills_${op} ON payments`);
    for (const [i, { table, key, bound }] of HISTORY.entries()) {
      await renameAway(q, table);
      await q.query(`
        CREATE TABLE ${table} (LIKE ${table}_old INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY
                               ${table === 'payments' ? ', bill_period date NOT NULL' : ''})
          PARTITION BY RANGE (${key})`);
      for (let year = years[i].first; year <= years[i].last; year++) {
        await q.query(
          `CREATE TABLE ${table}_${year} PARTITION OF ${table} FOR VALUES FROM (${bound(year)}) TO (${bound(year + 1)})`,
        );
      }
      await q.query(`CREATE TABLE ${table}_default PARTITION OF ${table} DEFAULT`);
    }
    await q.query('INSERT INTO consumption SELECT * FROM consumption_old');
    await q.query('INSERT INTO bills OVERRIDING SYSTEM VALUE SELECT * FROM bills_old');
    await q.query(`
      INSERT INTO payments OVERRIDING SYSTEM VALUE
      SELECT p.*, b.period FROM payments_old p JOIN bills_old b ON b.id = p.bill_id`);
    await q.query('INSERT INTO customer_timeline OVERRIDING SYSTEM VALUE SELECT * FROM customer_timeline_old');
    for (const table of ['bills', 'payments', 'customer_timeline']) await continueSequence(q, table);
    for (const table of ['payments', 'bills', 'consumption', 'customer_timeline'])
      await q.query(`DROP TABLE ${table}_old`);

    await q.query('ALTER TABLE consumption ADD PRIMARY KEY (customer_id, period)');
    await q.query('CREATE INDEX consumption_period ON consumption (period, customer_id) INCLUDE (kwh)');
    await q.query('ALTER TABLE consumption ADD FOREIGN KEY (customer_id) REFERENCES customers (id)');
    await q.query('ALTER TABLE bills ADD PRIMARY KEY (id, period), ADD UNIQUE (customer_id, period)');
    await q.query('ALTER TABLE bills ADD FOREIGN KEY (customer_id) REFERENCES customers (id)');
    await q.query(`
      ALTER TABLE payments ADD PRIMARY KEY (id, bill_period), ADD UNIQUE (bill_id, bill_period, paid_at, amount),
        ADD CONSTRAINT payments_bill_id_fkey FOREIGN KEY (bill_id, bill_period) REFERENCES bills (id, period)`);
    await q.query('ALTER TABLE customer_timeline ADD PRIMARY KEY (id, at)');
    await q.query('CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, at DESC, id DESC)');
    await q.query(`
      ALTER TABLE customer_timeline ADD FOREIGN KEY (customer_id) REFERENCES customers (id),
        ADD FOREIGN KEY (actor_id) REFERENCES users (id)`);

    await createSettleTriggers(q);
    await q.query(BILL_STATUS);
    for (const { table } of HISTORY) await q.query(`ANALYZE ${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await q.query('DROP VIEW bill_status');
    await q.query('DROP TRIGGER bills_settle_on_new_amount ON bills');
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER payments_settle_bills_${op} ON payments`);
    for (const { table } of HISTORY) {
      await renameAway(q, table);
      await q.query(
        `CREATE TABLE ${table} (LIKE ${table}_old INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY)`,
      );
    }
    await q.query('ALTER TABLE payments DROP COLUMN bill_period');
    await q.query('INSERT INTO consumption SELECT * FROM consumption_old');
    await q.query('INSERT INTO bills OVERRIDING SYSTEM VALUE SELECT * FROM bills_old');
    await q.query(`
      INSERT INTO payments (id, bill_id, paid_at, amount) OVERRIDING SYSTEM VALUE
      SELECT id, bill_id, paid_at, amount FROM payments_old`);
    await q.query('INSERT INTO customer_timeline OVERRIDING SYSTEM VALUE SELECT * FROM customer_timeline_old');
    for (const table of ['bills', 'payments', 'customer_timeline']) await continueSequence(q, table);
    for (const table of ['payments', 'bills', 'consumption', 'customer_timeline'])
      await q.query(`DROP TABLE ${table}_old`);

    await q.query('ALTER TABLE consumption ADD PRIMARY KEY (customer_id, period)');
    await q.query('CREATE INDEX consumption_period ON consumption (period, customer_id) INCLUDE (kwh)');
    await q.query('ALTER TABLE consumption ADD FOREIGN KEY (customer_id) REFERENCES customers (id)');
    await q.query('ALTER TABLE bills ADD PRIMARY KEY (id), ADD UNIQUE (customer_id, period)');
    await q.query('ALTER TABLE bills ADD FOREIGN KEY (customer_id) REFERENCES customers (id)');
    await q.query(`
      ALTER TABLE payments ADD PRIMARY KEY (id), ADD UNIQUE (bill_id, paid_at, amount),
        ADD FOREIGN KEY (bill_id) REFERENCES bills (id)`);
    await q.query('ALTER TABLE customer_timeline ADD PRIMARY KEY (id)');
    await q.query('CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, at DESC, id DESC)');
    await q.query(`
      ALTER TABLE customer_timeline ADD FOREIGN KEY (customer_id) REFERENCES customers (id),
        ADD FOREIGN KEY (actor_id) REFERENCES users (id)`);

    await createSettleTriggers(q);
    await q.query(BILL_STATUS);
    for (const { table } of HISTORY) await q.query(`ANALYZE ${table}`);
  }
}

/**
 * Renames `table` and its identity sequence (all but consumption have one) to `<table>_old` and `<table>_old_id_seq`,
 * so that the new table takes the names.
 */
async function renameAway(q: QueryRunner, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${table} RENAME TO ${table}_old`);
  if (table !== 'consumption') {
    const [{ sequence }] = await q.query(`SELECT pg_get_serial_sequence($1, 'id') AS sequence`, [`${table}_old`]);
    await q.query(`ALTER SEQUENCE ${sequence} RENAME TO ${table}_old_id_seq`);
  }
}

/** The new table's identity goes on from where the old one's was. */
async function continueSequence(q: QueryRunner, table: string): Promise<void> {
  await q.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), last_value, is_called) FROM ${table}_old_id_seq`, [
    table,
  ]);
}

/** The statement triggers of SettleBills1764400000000 (their functions stay as they are). */
async function createSettleTriggers(q: QueryRunner): Promise<void> {
  await q.query(`
    CREATE TRIGGER payments_settle_bills_insert AFTER INSERT ON payments
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_settle_bills()`);
  await q.query(`
    CREATE TRIGGER payments_settle_bills_update AFTER UPDATE ON payments
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_settle_bills()`);
  await q.query(`
    CREATE TRIGGER payments_settle_bills_delete AFTER DELETE ON payments
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payments_settle_bills()`);
  await q.query(`
    CREATE TRIGGER bills_settle_on_new_amount AFTER UPDATE ON bills
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bills_settle_on_new_amount()`);
}

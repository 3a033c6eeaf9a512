import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customers' behaviour, as the billing and metering systems report it: monthly consumption, bills,
 * payments, violations and disconnections for arrears. Arrears and days late are derived (bill_status).
 */
export class CreateOperationalData1764300000000 implements MigrationInterface {
  name = 'CreateOperationalData1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consumption (
        customer_id uuid NOT NULL REFERENCES customers (id),
        period date NOT NULL CHECK (extract(day FROM period) = 1),
        kwh numeric(14, 2) NOT NULL CHECK (kwh >= 0),
        max_demand_kw numeric(12, 2) NOT NULL CHECK (max_demand_kw >= 0),
        power_factor numeric(4, 3) NOT NULL CHECK (power_factor > 0 AND power_factor <= 1),
        PRIMARY KEY (customer_id, period)
      )`);
    await q.query(`
      CREATE TABLE bills (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        period date NOT NULL CHECK (extract(day FROM period) = 1),
        amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
        due_date date NOT NULL,
        UNIQUE (customer_id, period)
      )`);
    await q.query(`
      CREATE TABLE payments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        bill_id bigint NOT NULL REFERENCES bills (id),
        paid_at date NOT NULL,
        amount numeric(14, 2) NOT NULL CHECK (amount > 0),
        UNIQUE (bill_id, paid_at, amount)
      )`);
    await q.query(`
      CREATE TABLE violations (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        occurred_on date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('violation', 'theft')),
        description text NOT NULL DEFAULT '',
        penalty numeric(14, 2) NOT NULL DEFAULT 0 CHECK (penalty >= 0)
      )`);
    await q.query('CREATE INDEX violations_customer ON violations (customer_id, occurred_on)');
    await q.query(`
      CREATE TABLE disconnections (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        notice_date date NOT NULL,
        disconnected_on date CHECK (disconnected_on >= notice_date),
        restored_on date CHECK (restored_on >= disconnected_on)
      )`);
    await q.query('CREATE INDEX disconnections_customer ON disconnections (customer_id, notice_date)');
    // Paid, outstanding and days late of every bill, derived from its payments: a bill is settled on the
    // day the running total of its payments reaches its amount; late days count to that day, or to today
    // (in China) while it is not settled.
    await q.query(`
      CREATE VIEW bill_status AS
      SELECT b.id, b.customer_id, b.period, b.amount, b.due_date,
             coalesce(p.paid, 0)::numeric(14, 2) AS paid_amount,
             p.last_paid_at AS paid_at,
             p.settled_on,
             greatest(b.amount - coalesce(p.paid, 0), 0)::numeric(14, 2) AS outstanding,
             greatest(coalesce(p.settled_on, CASE WHEN b.amount = 0 THEN b.due_date END,
                               ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date) - b.due_date, 0) AS days_late
        FROM bills b
        LEFT JOIN LATERAL (
          SELECT sum(x.amount) AS paid, max(x.paid_at) AS last_paid_at,
                 min(x.paid_at) FILTER (WHERE x.running >= b.amount) AS settled_on
            FROM (SELECT amount, paid_at, sum(amount) OVER (ORDER BY paid_at, id) AS running
                    FROM payments WHERE bill_id = b.id) x
        ) p ON true`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW bill_status');
    for (const table of ['disconnections', 'violations', 'payments', 'bills', 'consumption'])
      await q.query(`DROP TABLE ${table}`);
  }
}

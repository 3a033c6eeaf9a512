import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each bill keeps what its payments add up to: the amount paid, the last payment date and the day it was
 * settled (the running total of its payments, by date, reached its amount). Triggers keep them current
 * whoever writes payments or changes a bill's amount, so arrears and days late stay derived, never typed in,
 * and scoring reads bills without replaying 20 million payments. The population generator, which loads with
 * triggers off, writes the same values (an integration test compares them).
 */
export class SettleBills1764400000000 implements MigrationInterface {
  name = 'SettleBills1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE bills
        ADD COLUMN paid_amount numeric(14, 2) NOT NULL DEFAULT 0,
        ADD COLUMN last_paid_at date,
        ADD COLUMN settled_on date`);
    await q.query(`
      CREATE FUNCTION settle_bills(ids bigint[]) RETURNS void LANGUAGE sql AS $$
        UPDATE bills b SET paid_amount = s.paid, last_paid_at = s.last_paid_at, settled_on = s.settled_on
          FROM (SELECT b2.id, coalesce(sum(p.amount), 0) AS paid, max(p.paid_at) AS last_paid_at,
                       min(p.paid_at) FILTER (WHERE p.running >= b2.amount) AS settled_on
                  FROM bills b2
                  LEFT JOIN (SELECT bill_id, paid_at, amount,
                                    sum(amount) OVER (PARTITION BY bill_id ORDER BY paid_at, id) AS running
                               FROM payments WHERE bill_id = ANY (ids)) p ON p.bill_id = b2.id
                 WHERE b2.id = ANY (ids)
                 GROUP BY b2.id) s
         WHERE b.id = s.id
           AND (b.paid_amount, b.last_paid_at, b.settled_on) IS DISTINCT FROM (s.paid, s.last_paid_at, s.settled_on)
      $$`);
    await q.query(`
      CREATE FUNCTION payments_settle_bills() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM settle_bills(ARRAY(SELECT DISTINCT bill_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM settle_bills(ARRAY(SELECT DISTINCT bill_id FROM old_rows));
        ELSE
          PERFORM settle_bills(ARRAY(SELECT bill_id FROM new_rows UNION SELECT bill_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
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
      CREATE FUNCTION bills_settle_on_new_amount() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- settle_bills itself updates bills: nothing to do for that update.
        IF pg_trigger_depth() > 1 THEN RETURN NULL; END IF;
        PERFORM settle_bills(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.amount <> o.amount));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bills_settle_on_new_amount AFTER UPDATE ON bills
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bills_settle_on_new_amount()`);
    await q.query(`
      UPDATE bills b SET paid_amount = s.paid, last_paid_at = s.last_paid_at, settled_on = s.settled_on
        FROM (SELECT p.bill_id, sum(p.amount) AS paid, max(p.paid_at) AS last_paid_at,
                     min(p.paid_at) FILTER (WHERE p.running >= b2.amount) AS settled_on
                FROM (SELECT bill_id, paid_at, amount, sum(amount) OVER (PARTITION BY bill_id ORDER BY paid_at, id) AS running
                        FROM payments) p
                JOIN bills b2 ON b2.id = p.bill_id
               GROUP BY p.bill_id) s
       WHERE b.id = s.bill_id`);
    // Days late count to the settlement, or to today (in China) while the bill is not settled.
    await q.query('DROP VIEW bill_status');
    await q.query(`
      CREATE VIEW bill_status AS
      SELECT b.id, b.customer_id, b.period, b.amount, b.due_date, b.paid_amount, b.last_paid_at AS paid_at, b.settled_on,
             greatest(b.amount - b.paid_amount, 0)::numeric(14, 2) AS outstanding,
             greatest(coalesce(b.settled_on, CASE WHEN b.amount = 0 THEN b.due_date END,
                               ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date) - b.due_date, 0) AS days_late
        FROM bills b`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP VIEW bill_status');
    await q.query('DROP TRIGGER bills_settle_on_new_amount ON bills');
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER payments_settle_bills_${op} ON payments`);
    await q.query('DROP FUNCTION bills_settle_on_new_amount(), payments_settle_bills(), settle_bills(bigint[])');
    await q.query('ALTER TABLE bills DROP COLUMN paid_amount, DROP COLUMN last_paid_at, DROP COLUMN settled_on');
    // The view as CreateOperationalData1764300000000 made it: replaying the payments.
    await q.query(`
      CREATE VIEW bill_status AS
      SELECT b.id, b.customer_id, b.period, b.amount, b.due_date,
             coalesce(p.paid, 0)::numeric(14, 2) AS paid_amount, p.last_paid_at AS paid_at, p.settled_on,
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
}

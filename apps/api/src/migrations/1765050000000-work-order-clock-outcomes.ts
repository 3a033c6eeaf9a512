import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each work order keeps the outcome of its contact clock and of its current period's resolution clock
 * (libs/api/time-limits, owner kind 'work_order'): the clock's due moment (NULL without the clock) and,
 * once it stopped, 'met' or 'late' (NULL while it runs: then it is late once now() passes the due moment).
 * The service-quality report and the clock filters of the list read these instead of joining two clocks
 * per order. The owner (libs/api/work-orders) writes them whenever it starts or stops a clock; here they
 * are filled from the clocks once. The partial indexes serve `sla=overdue` (running clocks past due).
 */
export class WorkOrderClockOutcomes1765050000000 implements MigrationInterface {
  name = 'WorkOrderClockOutcomes1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE work_orders
        ADD COLUMN contact_due_at timestamptz,
        ADD COLUMN contact_outcome text CHECK (contact_outcome IN ('met', 'late')),
        ADD COLUMN resolution_due_at timestamptz,
        ADD COLUMN resolution_outcome text CHECK (resolution_outcome IN ('met', 'late'))`);
    await q.query(`
      UPDATE work_orders w
         SET contact_due_at = kc.due_at,
             contact_outcome = CASE WHEN kc.stopped_at IS NULL THEN NULL
                                    WHEN kc.stopped_at > kc.due_at THEN 'late' ELSE 'met' END,
             resolution_due_at = kr.due_at,
             resolution_outcome = CASE WHEN kr.stopped_at IS NULL THEN NULL
                                       WHEN kr.stopped_at > kr.due_at THEN 'late' ELSE 'met' END
        FROM work_orders o
        LEFT JOIN clocks kc ON kc.owner_kind = 'work_order' AND kc.owner_id = o.id AND kc.clock_kind = 'contact'
        LEFT JOIN clocks kr ON kr.owner_kind = 'work_order' AND kr.owner_id = o.id
              AND kr.clock_kind = CASE WHEN o.period = 1 THEN 'resolution' ELSE 'resolution_' || o.period END
       WHERE o.id = w.id AND (kc.id IS NOT NULL OR kr.id IS NOT NULL)`);
    await q.query(`
      CREATE INDEX work_orders_contact_running ON work_orders (contact_due_at)
       WHERE contact_outcome IS NULL AND contact_due_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX work_orders_resolution_running ON work_orders (resolution_due_at)
       WHERE resolution_outcome IS NULL AND resolution_due_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX work_orders_resolution_running');
    await q.query('DROP INDEX work_orders_contact_running');
    await q.query(`
      ALTER TABLE work_orders DROP COLUMN contact_due_at, DROP COLUMN contact_outcome,
        DROP COLUMN resolution_due_at, DROP COLUMN resolution_outcome`);
  }
}

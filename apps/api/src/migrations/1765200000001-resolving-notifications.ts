import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications that resolve themselves: a time-limit notification keeps the clock it is about (`clock_id`, written
 * by the scan; no foreign key, as the scan's other writes, since clocks are never deleted) and is resolved
 * (`resolved_at`) when that clock stops or an overdue notification of the same clock replaces its warning. The
 * notifications written before keep their clock too: the latest clock of their owner started before them.
 */
export class ResolvingNotifications1765200000001 implements MigrationInterface {
  name = 'ResolvingNotifications1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notifications ADD COLUMN clock_id bigint, ADD COLUMN resolved_at timestamptz;
      CREATE INDEX notifications_open_clock ON notifications (clock_id) WHERE resolved_at IS NULL AND clock_id IS NOT NULL;
    `);
    // One statement per kind of owner, so that each subquery walks the clocks' (owner_kind, owner_id, clock_kind)
    // index: a CASE over the kinds in one WHERE hid it, and each notification scanned every clock (minutes at
    // 100,000 customers).
    const latestClock = (owner: string, ownerId: string, match: string) => `(
      SELECT k.id FROM clocks k
       WHERE k.owner_kind = '${owner}' AND k.owner_id = (n.data->>'${ownerId}')::uuid AND k.started_at <= n.created_at${match}
       ORDER BY k.started_at DESC, k.id DESC LIMIT 1)`;
    await q.query(`UPDATE notifications n SET clock_id = ${latestClock('application_step', 'applicationId', " AND k.clock_kind = n.data->>'step'")}
       WHERE n.kind IN ('sla_warning', 'sla_overdue')`);
    await q.query(`UPDATE notifications n SET clock_id = ${latestClock('application', 'applicationId', '')}
       WHERE n.kind IN ('commitment_warning', 'commitment_overdue')`);
    await q.query(`UPDATE notifications n SET clock_id = ${latestClock('work_order', 'workOrderId', " AND (k.clock_kind = 'contact') = (n.data->>'clock' = 'contact')")}
       WHERE n.kind IN ('request_warning', 'request_overdue')`);
    await q.query(`UPDATE notifications n SET clock_id = ${latestClock('audit_finding', 'findingId', '')}
       WHERE n.kind IN ('audit_finding_warning', 'audit_finding_overdue')`);
    await q.query(`
      UPDATE notifications n SET resolved_at = now()
       WHERE n.clock_id IS NOT NULL
         AND (EXISTS (SELECT 1 FROM clocks k WHERE k.id = n.clock_id AND k.stopped_at IS NOT NULL)
              OR (n.kind LIKE '%\\_warning' AND EXISTS (
                    SELECT 1 FROM notifications o WHERE o.clock_id = n.clock_id AND o.kind LIKE '%\\_overdue')));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications DROP COLUMN clock_id, DROP COLUMN resolved_at');
  }
}

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
      UPDATE notifications n SET clock_id = (
        SELECT k.id FROM clocks k
         WHERE k.started_at <= n.created_at AND CASE
           WHEN n.kind IN ('sla_warning', 'sla_overdue')
             THEN k.owner_kind = 'application_step' AND k.owner_id = (n.data->>'applicationId')::uuid
                  AND k.clock_kind = n.data->>'step'
           WHEN n.kind IN ('commitment_warning', 'commitment_overdue')
             THEN k.owner_kind = 'application' AND k.owner_id = (n.data->>'applicationId')::uuid
           WHEN n.kind IN ('request_warning', 'request_overdue')
             THEN k.owner_kind = 'work_order' AND k.owner_id = (n.data->>'workOrderId')::uuid
                  AND (k.clock_kind = 'contact') = (n.data->>'clock' = 'contact')
           ELSE k.owner_kind = 'audit_finding' AND k.owner_id = (n.data->>'findingId')::uuid END
         ORDER BY k.started_at DESC, k.id DESC LIMIT 1)
       WHERE n.kind IN ('sla_warning', 'sla_overdue', 'commitment_warning', 'commitment_overdue', 'request_warning',
                        'request_overdue', 'audit_finding_warning', 'audit_finding_overdue');
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

import { MigrationInterface, QueryRunner } from 'typeorm';

const TRIGGERS = ['consumption_drop', 'zero_consumption', 'rating_fall', 'overdue_step'];
const check = (triggers: string[]) => `CHECK (trigger IN (${triggers.map((t) => `'${t}'`).join(', ')}))`;

/**
 * The service-task trigger 'complaint_closed' (issue 14, "Follow-up"): a closed complaint makes a care
 * visit for the customer's account manager. The daily job finds the complaints closed in the last days
 * through a partial index on their closing time.
 */
export class ComplaintClosedTaskTrigger1765020000001 implements MigrationInterface {
  name = 'ComplaintClosedTaskTrigger1765020000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE service_tasks DROP CONSTRAINT service_tasks_trigger_check');
    await q.query(
      `ALTER TABLE service_tasks ADD CONSTRAINT service_tasks_trigger_check ${check([...TRIGGERS, 'complaint_closed'])}`,
    );
    await q.query(
      `CREATE INDEX work_orders_complaints_closed ON work_orders (closed_at) WHERE type = 'complaint' AND state = 'closed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX work_orders_complaints_closed');
    await q.query(`DELETE FROM service_tasks WHERE trigger = 'complaint_closed'`);
    await q.query('ALTER TABLE service_tasks DROP CONSTRAINT service_tasks_trigger_check');
    await q.query(`ALTER TABLE service_tasks ADD CONSTRAINT service_tasks_trigger_check ${check(TRIGGERS)}`);
  }
}

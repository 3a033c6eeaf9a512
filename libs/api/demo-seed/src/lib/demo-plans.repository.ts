import { execute } from '@crm/api/database';
import { enrolmentsInsertFrom, tasksDoneFrom } from '@crm/api/service-plans';
import { EntityManager } from 'typeorm';

/**
 * Enrols the demo customers in the seeded plans as of `since`, as the utility would have: gold and
 * platinum customers in the VIP plan, important customers in the safety plan, B and C ratings in the
 * payment-risk plan (by the template names of seeds/plan-templates.json). Needs scores.
 */
export async function enrolDemoPlans(manager: EntityManager, since: string): Promise<void> {
  await execute(
    manager,
    enrolmentsInsertFrom(`(
      SELECT t.id AS template_id, f.customer_id, NULL::uuid AS segment_id, $1::date AS enrolled_on,
             NULL::date AS ends_on, NULL::uuid AS created_by
        FROM segment_facts f
        JOIN plan_templates t ON (t.name = 'VIP 年度服务计划' AND f.vip_tier IN ('platinum', 'gold'))
                              OR (t.name = '重要客户安全服务计划' AND f.importance IN ('special', 'level1', 'level2'))
                              OR (t.name = '欠费风险客户计划' AND f.credit_rating IN ('B', 'C'))
       WHERE f.stage = 'active')`),
    [since],
  );
}

/** Marks the demo tasks due before `until` done, as managers would have, leaving one in five overdue. */
export async function completeDemoTasks(manager: EntityManager, until: string): Promise<void> {
  await execute(
    manager,
    tasksDoneFrom(`(
      SELECT s.id, 'completed' AS outcome, NULL AS notes, s.due_on AS visited_on,
             s.due_on + time '10:00' AS completed_at, c.account_manager_id AS completed_by
        FROM service_tasks s JOIN customers c ON c.id = s.customer_id
       WHERE s.state = 'open' AND s.due_on < $1::date AND abs(hashtext(s.id::text)) % 5 <> 0)`),
    [until],
  );
}

import { EntityManager } from 'typeorm';

/**
 * Enrols the demo customers in the seeded plans as of `since`, as the utility would have: gold and
 * platinum customers in the VIP plan, important customers in the safety plan, B and C ratings in the
 * payment-risk plan (by the template names of seeds/plan-templates.json). Needs scores.
 */
export async function enrolDemoPlans(manager: EntityManager, since: string): Promise<void> {
  await manager.query(
    `INSERT INTO plan_enrolments (template_id, customer_id, enrolled_on)
     SELECT t.id, f.customer_id, $1::date
       FROM segment_facts f
       JOIN plan_templates t ON (t.name = 'VIP 年度服务计划' AND f.vip_tier IN ('platinum', 'gold'))
                             OR (t.name = '重要客户安全服务计划' AND f.importance IN ('special', 'level1', 'level2'))
                             OR (t.name = '欠费风险客户计划' AND f.credit_rating IN ('B', 'C'))
      WHERE f.stage = 'active'
     ON CONFLICT DO NOTHING`,
    [since],
  );
}

/** Marks the demo tasks due before `until` done, as managers would have, leaving one in five overdue. */
export async function completeDemoTasks(manager: EntityManager, until: string): Promise<void> {
  await manager.query(
    `UPDATE service_tasks t SET state = 'done', outcome = 'completed', visited_on = t.due_on,
            completed_at = t.due_on + time '10:00', completed_by = c.account_manager_id
       FROM customers c
      WHERE c.id = t.customer_id AND t.state = 'open' AND t.due_on < $1::date AND abs(hashtext(t.id::text)) % 5 <> 0`,
    [until],
  );
}

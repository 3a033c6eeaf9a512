import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Texts people read in their language (issue 17): the reason of a task an event made keeps its English
 * `summary` for integrators and gains its message code and params (`messages.<code>` in the web app);
 * the tasks made so far get theirs from their summary. The seeded plan templates' descriptions and the
 * first scoring model's note get a message code too, shown instead of the English text until someone
 * writes their own (which clears the code); the note no longer points at a design document.
 */
export class MessageCodes1765220000001 implements MigrationInterface {
  name = 'MessageCodes1765220000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_tasks ADD COLUMN summary_code text, ADD COLUMN summary_params jsonb;
      UPDATE service_tasks
         SET summary_code = 'trigger.consumptionDrop',
             summary_params = jsonb_build_object(
               'kwh', (regexp_match(summary, '^kWh ([0-9.]+) vs ([0-9.]+) a year before$'))[1]::numeric,
               'yearBefore', (regexp_match(summary, '^kWh ([0-9.]+) vs ([0-9.]+) a year before$'))[2]::numeric)
       WHERE trigger = 'consumption_drop' AND summary ~ '^kWh [0-9.]+ vs [0-9.]+ a year before$';
      UPDATE service_tasks SET summary_code = 'trigger.zeroConsumption', summary_params = '{}'
       WHERE trigger = 'zero_consumption';
      UPDATE service_tasks
         SET summary_code = 'trigger.ratingFall',
             summary_params = jsonb_build_object('from', (regexp_match(summary, '^credit rating (\\w+) → (\\w+)$'))[1],
                                                 'to', (regexp_match(summary, '^credit rating (\\w+) → (\\w+)$'))[2])
       WHERE trigger = 'rating_fall' AND summary ~ '^credit rating \\w+ → \\w+$';
      UPDATE service_tasks
         SET summary_code = 'trigger.overdueStep',
             summary_params = jsonb_build_object('position', (regexp_match(summary, '^application step (\\d+) overdue$'))[1]::int)
       WHERE trigger = 'overdue_step' AND summary ~ '^application step \\d+ overdue$';

      ALTER TABLE plan_templates ADD COLUMN description_code text;
      UPDATE plan_templates SET description_code = 'plan.vipAnnual'
       WHERE name = 'VIP 年度服务计划' AND description LIKE 'VIP customers: a visit every quarter%';
      UPDATE plan_templates SET description_code = 'plan.importantSafety'
       WHERE name = '重要客户安全服务计划' AND description LIKE 'Important customers (特级, 一级, 二级)%';
      UPDATE plan_templates SET description_code = 'plan.arrearsRisk'
       WHERE name = '欠费风险客户计划' AND description LIKE 'Customers rated B or C: a payment reminder%';
      UPDATE plan_templates SET description_code = 'plan.firstYear'
       WHERE name = '新装客户首年计划' AND description LIKE 'New customers in their first year:%';

      ALTER TABLE scoring_models ADD COLUMN note_code text;
      UPDATE scoring_models SET note_code = 'model.first', note = 'First model: the default weights and thresholds'
       WHERE version = 1 AND note = 'First model: the weights and thresholds of DESIGN.md';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE service_tasks DROP COLUMN summary_code, DROP COLUMN summary_params;
      ALTER TABLE plan_templates DROP COLUMN description_code;
      ALTER TABLE scoring_models DROP COLUMN note_code;
    `);
  }
}

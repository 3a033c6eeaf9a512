import { Db, execute } from '@crm/api/database';
import planTemplates from '@crm/seeds/plan-templates.json';

/** The service plan templates (seeds/) when there are none. */
export async function seedPlanTemplates(db: Db): Promise<void> {
  const templates = planTemplates.templates;
  await execute(
    db,
    `INSERT INTO plan_templates (name, description, services, duration_months, description_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::int[], $5::text[])
      WHERE NOT EXISTS (SELECT 1 FROM plan_templates)`,
    [
      templates.map((t) => t.name),
      templates.map((t) => t.description),
      templates.map((t) => JSON.stringify(t.services)),
      templates.map((t) => t.durationMonths),
      templates.map((t) => t.descriptionCode),
    ],
  );
}

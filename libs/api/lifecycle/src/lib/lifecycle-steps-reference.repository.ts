import { Db, execute } from '@crm/api/database';
import lifecycleSteps from '@crm/seeds/lifecycle-steps.json';

/** The default step table (seeds/) for each application type that has none; admins edit it afterwards. */
export async function seedLifecycleSteps(db: Db): Promise<void> {
  const steps = lifecycleSteps.steps;
  await execute(
    db,
    `INSERT INTO lifecycle_steps (application_type, position, code, name_zh, name_en, sla_working_days, sla_working_days_dual_supply)
     SELECT t.* FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::smallint[])
       AS t(application_type, position, code, name_zh, name_en, sla, sla_dual)
      WHERE NOT EXISTS (SELECT 1 FROM lifecycle_steps l WHERE l.application_type = t.application_type)`,
    [
      steps.map((s) => s.applicationType),
      steps.map((s) => s.position),
      steps.map((s) => s.code),
      steps.map((s) => s.nameZh),
      steps.map((s) => s.nameEn),
      steps.map((s) => s.slaWorkingDays),
      steps.map((s) => s.slaWorkingDaysDualSupply),
    ],
  );
}

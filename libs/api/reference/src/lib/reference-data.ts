import industries from '@crm/seeds/industries.json';
import lifecycleSteps from '@crm/seeds/lifecycle-steps.json';
import planTemplates from '@crm/seeds/plan-templates.json';
import regions from '@crm/seeds/regions.json';
import scoringModel from '@crm/seeds/scoring-model.json';
import { EntityManager } from 'typeorm';
import { seedCalendar } from './calendar-data';
import { seedWorkOrderReference } from './work-orders-reference.repository';

/** The regions of the supply area offered by the UI (customers may name others). */
export const REGIONS = regions.regions;

/**
 * Brings the reference tables up to date with `seeds/`: industries (new codes added, names updated),
 * the default step table for application types that have none (admins edit it afterwards), and the
 * holiday calendar for the years the calendar package knows and the database has not loaded, the first
 * scoring model when there is none (leadership and admins make the next versions), and the service plan
 * templates when there are none.
 * Runs at every start, in production too: reference data is not demo data.
 */
export async function syncReferenceData(manager: EntityManager): Promise<void> {
  const rows = industries.industries;
  await manager.query(
    `INSERT INTO industries (code, section, name_zh, name_en)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET section = EXCLUDED.section, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en`,
    [rows.map((r) => r.code), rows.map((r) => r.section), rows.map((r) => r.nameZh), rows.map((r) => r.nameEn)],
  );
  const steps = lifecycleSteps.steps;
  await manager.query(
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
  await seedCalendar(manager);
  await seedWorkOrderReference(manager);
  await manager.query(
    `INSERT INTO scoring_models (version, vip_weights, credit_weights, tier_thresholds, rating_thresholds, note)
     SELECT 1, $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM scoring_models)`,
    [
      scoringModel.vipWeights,
      scoringModel.creditWeights,
      scoringModel.tierThresholds,
      scoringModel.ratingThresholds,
      scoringModel.note,
    ],
  );
  const templates = planTemplates.templates;
  await manager.query(
    `INSERT INTO plan_templates (name, description, services, duration_months)
     SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::int[])
      WHERE NOT EXISTS (SELECT 1 FROM plan_templates)`,
    [
      templates.map((t) => t.name),
      templates.map((t) => t.description),
      templates.map((t) => JSON.stringify(t.services)),
      templates.map((t) => t.durationMonths),
    ],
  );
}

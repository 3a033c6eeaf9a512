import { seedCalendar } from '@crm/api/calendar';
import { Db } from '@crm/api/database';
import { seedLifecycleSteps } from '@crm/api/lifecycle';
import { seedAuditRules } from '@crm/api/marketing-audit';
import { seedScoringModel } from '@crm/api/scoring';
import { seedPlanTemplates } from '@crm/api/service-plans';
import { seedWorkOrderReference } from '@crm/api/work-orders';
import regions from '@crm/seeds/regions.json';
import { syncIndustries } from './reference.repository';

/** The regions of the supply area offered by the UI (customers may name others). */
export const REGIONS = regions.regions;

/**
 * Brings the reference tables up to date with `seeds/`, each through its owner: industries (new codes
 * added, names updated), the default step table for application types that have none (admins edit it
 * afterwards), the holiday calendar for the years the calendar package knows and the database has not
 * loaded, the first scoring model when there is none (leadership and admins make the next versions), and
 * the service plan templates when there are none, and the channels, types, topics and (when empty) time
 * limits of requests and complaints, and the marketing audit's rules that are not there yet (auditors edit them).
 * Runs at every start, in production too: reference data is not demo data.
 */
export async function syncReferenceData(db: Db): Promise<void> {
  await syncIndustries(db);
  await seedLifecycleSteps(db);
  await seedCalendar(db);
  await seedScoringModel(db);
  await seedPlanTemplates(db);
  await seedWorkOrderReference(db);
  await seedAuditRules(db);
}

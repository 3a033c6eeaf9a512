import { MigrationInterface, QueryRunner } from 'typeorm';

/** Task kinds done on the customer's site: they count as a visit. */
const VISIT_KINDS = `('visit', 'safety_inspection', 'energy_efficiency_advice', 'pre_outage_consultation', 'pre_summer_peak_check')`;

const LAST_VISITS = (tasks: string) => `
  SELECT customer_id, max(visited_on) AS last_visit_on FROM ${tasks}
   WHERE state = 'done' AND visited_on IS NOT NULL AND kind IN ${VISIT_KINDS}
   GROUP BY customer_id`;

/** The day of each customer's last visit, for the segment field "days since the last visit". */
export class LastVisitInSegmentFacts1764700000002 implements MigrationInterface {
  name = 'LastVisitInSegmentFacts1764700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE segment_facts ADD COLUMN last_visit_on date');
    await q.query(`
      CREATE FUNCTION segment_facts_from_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE segment_facts f SET last_visit_on = x.last_visit_on
          FROM (${LAST_VISITS('new_rows')}) x
         WHERE f.customer_id = x.customer_id AND (f.last_visit_on IS NULL OR f.last_visit_on < x.last_visit_on);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER segment_facts_on_tasks AFTER UPDATE ON service_tasks
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_tasks()`);
    await q.query(`
      UPDATE segment_facts f SET last_visit_on = x.last_visit_on
        FROM (${LAST_VISITS('service_tasks')}) x WHERE f.customer_id = x.customer_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER segment_facts_on_tasks ON service_tasks');
    await q.query('DROP FUNCTION segment_facts_from_tasks()');
    await q.query('ALTER TABLE segment_facts DROP COLUMN last_visit_on');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns segment_facts copies from customers and customer_metrics (see CreateSegmentFacts1764600000003). */
const ATTRIBUTES = [
  'voltage_kv',
  'industry',
  'tariff_category',
  'contract_capacity_kva',
  'region',
  'stage',
  'importance',
  'tags',
  'account_manager_id',
];
const BEHAVIOUR = [
  'kwh_12m',
  'kwh_growth',
  'max_demand_kw_12m',
  'avg_power_factor_12m',
  'arrears',
  'late_bills_12m',
  'violations_24m',
  'thefts_24m',
  'vip_score',
  'vip_tier',
  'credit_score',
  'credit_rating',
];
const ORDERS = ['complaint_days', 'open_orders', 'avg_satisfaction'];
const list = (columns: string[], table?: string) => columns.map((c) => (table ? `${table}.${c}` : c)).join(', ');
const assign = (columns: string[], from: string) => columns.map((c) => `${c} = ${from}.${c}`).join(', ');

/**
 * A customer's work-order figures over its orders `w` (grouped by customer): the China day each complaint
 * was received (newest first; null: none), the orders not closed, and the mean satisfaction of its closed
 * orders that have one (null: none).
 */
const ORDER_FACTS = `
  array_agg(((w.received_at AT TIME ZONE 'UTC') + interval '8 hours')::date ORDER BY w.received_at DESC)
    FILTER (WHERE w.type = 'complaint') AS complaint_days,
  (count(w.id) FILTER (WHERE w.state <> 'closed'))::int AS open_orders,
  round(avg(w.satisfaction) FILTER (WHERE w.state = 'closed'), 2) AS avg_satisfaction`;
const ORDER_FACTS_OF_ALL = `SELECT w.customer_id, ${ORDER_FACTS} FROM work_orders w GROUP BY w.customer_id`;

/** Task kinds done on the customer's site: they count as a visit (as in LastVisitInSegmentFacts1764700000002). */
const LAST_VISITS = `
  SELECT customer_id, max(visited_on) AS last_visit_on FROM service_tasks
   WHERE state = 'done' AND visited_on IS NOT NULL
     AND kind IN ('visit', 'safety_inspection', 'energy_efficiency_advice', 'pre_outage_consultation', 'pre_summer_peak_check')
   GROUP BY customer_id`;

/**
 * The work-order fields of segments (issue 14, "Follow-up"): complaints in the last 12 months, open
 * orders and average satisfaction. segment_facts keeps each customer's complaint days (the rule counts
 * those within 12 months of today, so the window moves without a job), its open orders and its mean
 * satisfaction, kept by statement triggers on work_orders that recompute the customers the statement
 * touched (through the index work_orders_customer). refresh_segment_facts() rebuilds them too, and now
 * also the last visit, which it missed.
 */
export class WorkOrdersInSegmentFacts1765020000000 implements MigrationInterface {
  name = 'WorkOrdersInSegmentFacts1765020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE segment_facts
        ADD COLUMN complaint_days date[],
        ADD COLUMN open_orders integer NOT NULL DEFAULT 0,
        ADD COLUMN avg_satisfaction numeric(3, 2)`);
    await q.query(`
      CREATE FUNCTION segment_facts_of_work_orders(customer_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE segment_facts f SET ${assign(ORDERS, 'x')}
          FROM (SELECT c.customer_id, ${ORDER_FACTS}
                  FROM unnest(customer_ids) AS c (customer_id)
                  LEFT JOIN work_orders w ON w.customer_id = c.customer_id
                 GROUP BY c.customer_id) x
         WHERE f.customer_id = x.customer_id AND (${list(ORDERS, 'f')}) IS DISTINCT FROM (${list(ORDERS, 'x')})
      $$`);
    await q.query(`
      CREATE FUNCTION segment_facts_from_work_orders() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM segment_facts_of_work_orders(ARRAY(SELECT DISTINCT customer_id FROM new_rows));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM segment_facts_of_work_orders(
            ARRAY(SELECT customer_id FROM new_rows UNION SELECT customer_id FROM old_rows));
        ELSE
          PERFORM segment_facts_of_work_orders(ARRAY(SELECT DISTINCT customer_id FROM old_rows));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER segment_facts_on_work_orders_insert AFTER INSERT ON work_orders
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_work_orders()`);
    await q.query(`
      CREATE TRIGGER segment_facts_on_work_orders_update AFTER UPDATE ON work_orders
        REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_work_orders()`);
    await q.query(`
      CREATE TRIGGER segment_facts_on_work_orders_delete AFTER DELETE ON work_orders
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_work_orders()`);
    const all = [...ATTRIBUTES, ...BEHAVIOUR, 'last_visit_on', ...ORDERS];
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_segment_facts() RETURNS void LANGUAGE sql AS $$
        INSERT INTO segment_facts AS f (customer_id, ${list(all)})
        SELECT c.id, ${list(ATTRIBUTES, 'c')}, ${list(BEHAVIOUR, 'm')}, v.last_visit_on,
               o.complaint_days, coalesce(o.open_orders, 0), o.avg_satisfaction
          FROM customers c
          LEFT JOIN customer_metrics m ON m.customer_id = c.id
          LEFT JOIN (${LAST_VISITS}) v ON v.customer_id = c.id
          LEFT JOIN (${ORDER_FACTS_OF_ALL}) o ON o.customer_id = c.id
        ON CONFLICT (customer_id) DO UPDATE SET ${assign(all, 'EXCLUDED')}
         WHERE (${list(all, 'f')}) IS DISTINCT FROM (${list(all, 'EXCLUDED')})
      $$`);
    await q.query(`
      UPDATE segment_facts f SET ${assign(ORDERS, 'x')}
        FROM (${ORDER_FACTS_OF_ALL}) x WHERE f.customer_id = x.customer_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER segment_facts_on_work_orders_${event} ON work_orders`);
    await q.query('DROP FUNCTION segment_facts_from_work_orders()');
    await q.query('DROP FUNCTION segment_facts_of_work_orders(uuid[])');
    await q.query(`
      CREATE OR REPLACE FUNCTION refresh_segment_facts() RETURNS void LANGUAGE sql AS $$
        INSERT INTO segment_facts AS f (customer_id, ${list(ATTRIBUTES)}, ${list(BEHAVIOUR)})
        SELECT c.id, ${list(ATTRIBUTES, 'c')}, ${list(BEHAVIOUR, 'm')}
          FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id
        ON CONFLICT (customer_id) DO UPDATE SET ${assign([...ATTRIBUTES, ...BEHAVIOUR], 'EXCLUDED')}
         WHERE (${list([...ATTRIBUTES, ...BEHAVIOUR], 'f')}) IS DISTINCT FROM (${list([...ATTRIBUTES, ...BEHAVIOUR], 'EXCLUDED')})
      $$`);
    await q.query(
      'ALTER TABLE segment_facts DROP COLUMN complaint_days, DROP COLUMN open_orders, DROP COLUMN avg_satisfaction',
    );
  }
}

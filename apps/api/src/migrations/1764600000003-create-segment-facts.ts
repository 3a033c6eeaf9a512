import { MigrationInterface, QueryRunner } from 'typeorm';

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
const list = (columns: string[], table?: string) => columns.map((c) => (table ? `${table}.${c}` : c)).join(', ');
const assign = (columns: string[], from: string) => columns.map((c) => `${c} = ${from}.${c}`).join(', ');

/**
 * One narrow row per customer with every field a segment rule reads: the customer's attributes and its
 * metrics and latest scores. A count over a million customers scans this table alone (about a quarter of
 * customers plus customer_metrics, and no join). Kept by statement triggers on customers and
 * customer_metrics; refresh_segment_facts() rebuilds it (the generator calls it, as its COPY runs without
 * triggers).
 */
export class CreateSegmentFacts1764600000003 implements MigrationInterface {
  name = 'CreateSegmentFacts1764600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segment_facts (
        customer_id uuid PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
        voltage_kv smallint NOT NULL,
        industry text NOT NULL,
        tariff_category text NOT NULL,
        contract_capacity_kva numeric(12, 2) NOT NULL,
        region text NOT NULL,
        stage text NOT NULL,
        importance text NOT NULL,
        tags text[] NOT NULL,
        account_manager_id uuid,
        kwh_12m numeric(16, 2),
        kwh_growth double precision,
        max_demand_kw_12m numeric(12, 2),
        avg_power_factor_12m numeric(4, 3),
        arrears numeric(16, 2),
        late_bills_12m integer,
        violations_24m integer,
        thefts_24m integer,
        vip_score numeric(5, 2),
        vip_tier text,
        credit_score numeric(5, 2),
        credit_rating text
      )`);
    await q.query(`
      CREATE FUNCTION segment_facts_from_customers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO segment_facts AS f (customer_id, ${list(ATTRIBUTES)})
        SELECT id, ${list(ATTRIBUTES)} FROM new_rows
        ON CONFLICT (customer_id) DO UPDATE SET ${assign(ATTRIBUTES, 'EXCLUDED')}
         WHERE (${list(ATTRIBUTES, 'f')}) IS DISTINCT FROM (${list(ATTRIBUTES, 'EXCLUDED')});
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE'])
      await q.query(`
        CREATE TRIGGER segment_facts_on_customers_${event.toLowerCase()} AFTER ${event} ON customers
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_customers()`);
    await q.query(`
      CREATE FUNCTION segment_facts_from_metrics() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE segment_facts f SET ${assign(BEHAVIOUR, 'n')}
          FROM new_rows n
         WHERE f.customer_id = n.customer_id AND (${list(BEHAVIOUR, 'f')}) IS DISTINCT FROM (${list(BEHAVIOUR, 'n')});
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE'])
      await q.query(`
        CREATE TRIGGER segment_facts_on_metrics_${event.toLowerCase()} AFTER ${event} ON customer_metrics
          REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_from_metrics()`);
    await q.query(`
      CREATE FUNCTION segment_facts_without_metrics() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE segment_facts f SET ${BEHAVIOUR.map((c) => `${c} = NULL`).join(', ')}
          FROM old_rows o WHERE f.customer_id = o.customer_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER segment_facts_on_metrics_delete AFTER DELETE ON customer_metrics
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_facts_without_metrics()`);
    await q.query(`
      CREATE FUNCTION refresh_segment_facts() RETURNS void LANGUAGE sql AS $$
        INSERT INTO segment_facts AS f (customer_id, ${list(ATTRIBUTES)}, ${list(BEHAVIOUR)})
        SELECT c.id, ${list(ATTRIBUTES, 'c')}, ${list(BEHAVIOUR, 'm')}
          FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id
        ON CONFLICT (customer_id) DO UPDATE SET ${assign([...ATTRIBUTES, ...BEHAVIOUR], 'EXCLUDED')}
         WHERE (${list([...ATTRIBUTES, ...BEHAVIOUR], 'f')}) IS DISTINCT FROM (${list([...ATTRIBUTES, ...BEHAVIOUR], 'EXCLUDED')})
      $$`);
    await q.query('SELECT refresh_segment_facts()');
    await q.query('ANALYZE segment_facts');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update']) {
      await q.query(`DROP TRIGGER segment_facts_on_customers_${event} ON customers`);
      await q.query(`DROP TRIGGER segment_facts_on_metrics_${event} ON customer_metrics`);
    }
    await q.query('DROP TRIGGER segment_facts_on_metrics_delete ON customer_metrics');
    await q.query('DROP TABLE segment_facts');
    for (const fn of ['segment_facts_from_customers', 'segment_facts_from_metrics', 'segment_facts_without_metrics'])
      await q.query(`DROP FUNCTION ${fn}()`);
    await q.query('DROP FUNCTION refresh_segment_facts()');
  }
}

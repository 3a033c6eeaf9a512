import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sort keys of the customer list and the index columns that give each order (`id` breaks ties). */
const SORT_KEYS: Record<string, string> = {
  account_no: 'account_no',
  name: 'name, id',
  capacity: 'contract_capacity_kva, id',
  capacity_desc: 'contract_capacity_kva DESC NULLS LAST, id DESC',
  voltage: 'voltage_kv, id',
  created_at: 'created_at, id',
  updated_at: 'updated_at, id',
};

/**
 * List pages at the speed of an index (issue 18): the lists people open most are a manager's own customers
 * and a region at one voltage, in any sort. One index per filter and sort key lets a page walk in the
 * requested order and stop after it (a descending sort walks the same index backwards, but for capacity,
 * whose customers without one come last either way). A manager's book by account number has
 * customers_manager_account_no already; at one voltage, the voltage sort is the id order.
 * `plan_rows(statement)`: the planner's estimate of a statement's rows, for the list's total beyond its
 * exact count, within the list's one statement.
 */
export class CustomerListIndexes1765250000001 implements MigrationInterface {
  name = 'CustomerListIndexes1765250000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [key, columns] of Object.entries(SORT_KEYS)) {
      if (key !== 'account_no') {
        await q.query(`CREATE INDEX customers_manager_${key} ON customers (account_manager_id, ${columns})`);
      }
      const regionColumns = key === 'voltage' ? 'id' : columns;
      await q.query(`CREATE INDEX customers_region_voltage_${key} ON customers (region, voltage_kv, ${regionColumns})`);
    }
    await q.query(`
      CREATE FUNCTION plan_rows(statement text) RETURNS bigint LANGUAGE plpgsql AS $$
      DECLARE
        plan json;
      BEGIN
        EXECUTE 'EXPLAIN (FORMAT JSON) ' || statement INTO plan;
        RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION plan_rows(text)');
    for (const key of Object.keys(SORT_KEYS)) {
      if (key !== 'account_no') await q.query(`DROP INDEX customers_manager_${key}`);
      await q.query(`DROP INDEX customers_region_voltage_${key}`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A prospective customer has no contracted capacity until its new connection energises it: the capacity
 * may be missing while the customer is `applying` or `connecting` (works under way, not yet energised),
 * and is required from energisation on (active, suspended, closing, closed; a customer is closed only
 * after being connected). segment_facts copies the column as it is (its triggers and refresh function
 * name no types), so only its NOT NULL goes. The list sorted by capacity, descending, puts customers
 * without one last: an index in that order keeps that sort an index scan.
 */
export class CapacityOnceEnergised1764880000000 implements MigrationInterface {
  name = 'CapacityOnceEnergised1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE customers ALTER COLUMN contract_capacity_kva DROP NOT NULL');
    // NOT VALID, then validated: the scan of existing rows does not block writers.
    await q.query(`
      ALTER TABLE customers ADD CONSTRAINT customers_capacity_once_energised
        CHECK (contract_capacity_kva IS NOT NULL OR stage IN ('applying', 'connecting')) NOT VALID`);
    await q.query('ALTER TABLE customers VALIDATE CONSTRAINT customers_capacity_once_energised');
    await q.query('ALTER TABLE segment_facts ALTER COLUMN contract_capacity_kva DROP NOT NULL');
    await q.query('CREATE INDEX customers_capacity_desc ON customers (contract_capacity_kva DESC NULLS LAST, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX customers_capacity_desc');
    await q.query('ALTER TABLE segment_facts ALTER COLUMN contract_capacity_kva SET NOT NULL');
    await q.query('ALTER TABLE customers DROP CONSTRAINT customers_capacity_once_energised');
    await q.query('ALTER TABLE customers ALTER COLUMN contract_capacity_kva SET NOT NULL');
  }
}

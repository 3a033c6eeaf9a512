import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ids of an account manager's customers from the index alone (an index-only scan): the requests list of a
 * manager counts their orders customer by customer (work_orders_customer) and pages them newest first by
 * work_orders_received, testing each order's customer here, without reading the customers table.
 */
export class CustomersManagerIds1765060000000 implements MigrationInterface {
  name = 'CustomersManagerIds1765060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX customers_manager_id ON customers (account_manager_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX customers_manager_id');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users administration: optimistic locking (`version`), a token version that every access token
 * carries and that a deactivation, role change or password change bumps (so older tokens stop
 * working), and the failed logins shared by every API instance for the login limit.
 */
export class UserAdmin1764850000000 implements MigrationInterface {
  name = 'UserAdmin1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN token_version integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE login_failures (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL,
        address text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX login_failures_address_idx ON login_failures (address, failed_at)');
    await q.query('CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_failures');
    await q.query('ALTER TABLE users DROP COLUMN version, DROP COLUMN token_version, DROP COLUMN updated_at');
  }
}

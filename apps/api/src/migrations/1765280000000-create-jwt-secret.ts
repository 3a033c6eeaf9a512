import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The JWT secret lives in the database (issue 19), so that every API instance on one database signs and checks
 * tokens with the same one: one row, written once by the first instance that starts (unless JWT_SECRET is set).
 */
export class CreateJwtSecret1765280000000 implements MigrationInterface {
  name = 'CreateJwtSecret1765280000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jwt_secret (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        secret text NOT NULL CHECK (length(secret) >= 32),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE jwt_secret');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log of every write request. */
export class CreateAuditLog1764100000001 implements MigrationInterface {
  name = 'CreateAuditLog1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        username text,
        role text,
        method text NOT NULL,
        path text NOT NULL,
        status integer NOT NULL,
        request_id text NOT NULL,
        ip text,
        duration_ms integer NOT NULL
      )`);
    await q.query('CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC)');
    await q.query('CREATE INDEX audit_log_user ON audit_log (user_id, at DESC)');
    await q.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_is_append_only');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only business change history: who changed which field of which entity from what to what,
 * through which request, and what left the system in exports.
 */
export class CreateChangeHistory1764860000000 implements MigrationInterface {
  name = 'CreateChangeHistory1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        request_id text,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        customer_id uuid,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '[]',
        export jsonb
      )`);
    await q.query('CREATE INDEX change_history_at ON change_history (at DESC, id DESC)');
    await q.query('CREATE INDEX change_history_customer ON change_history (customer_id, at DESC, id DESC)');
    await q.query('CREATE INDEX change_history_actor ON change_history (actor_id, at DESC, id DESC)');
    await q.query('CREATE INDEX change_history_entity ON change_history (entity_type, at DESC, id DESC)');
    await q.query(`
      CREATE FUNCTION change_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'change_history is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER change_history_no_update_or_delete BEFORE UPDATE OR DELETE ON change_history
        FOR EACH ROW EXECUTE FUNCTION change_history_is_append_only()`);
    await q.query(`
      CREATE TRIGGER change_history_no_truncate BEFORE TRUNCATE ON change_history
        FOR EACH STATEMENT EXECUTE FUNCTION change_history_is_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE change_history');
    await q.query('DROP FUNCTION change_history_is_append_only');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Segments (DESIGN.md, "segment"): saved rules (dynamic) and fixed lists (static). `segment_members` is a
 * static segment's list and a dynamic segment's membership at its latest daily snapshot, from which the
 * next snapshot finds who joined and who left (`segment_changes`); `segment_snapshots` keeps each day's size.
 */
export class CreateSegments1764600000000 implements MigrationInterface {
  name = 'CreateSegments1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        description text NOT NULL DEFAULT '',
        kind text NOT NULL CHECK (kind IN ('dynamic', 'static')),
        rule jsonb,
        owner_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT segments_rule_of_dynamic CHECK ((kind = 'dynamic') = (rule IS NOT NULL))
      )`);
    await q.query('CREATE INDEX segments_updated ON segments (updated_at DESC, id)');
    await q.query(`
      CREATE TABLE segment_members (
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers (id),
        since date NOT NULL,
        PRIMARY KEY (segment_id, customer_id)
      )`);
    await q.query(`
      CREATE TABLE segment_snapshots (
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        taken_on date NOT NULL,
        size integer NOT NULL,
        joined integer NOT NULL,
        "left" integer NOT NULL,
        PRIMARY KEY (segment_id, taken_on)
      )`);
    await q.query(`
      CREATE TABLE segment_changes (
        segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers (id),
        taken_on date NOT NULL,
        change text NOT NULL CHECK (change IN ('joined', 'left'))
      )`);
    await q.query('CREATE INDEX segment_changes_latest ON segment_changes (segment_id, change, taken_on DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['segment_changes', 'segment_snapshots', 'segment_members', 'segments'])
      await q.query(`DROP TABLE ${table}`);
  }
}

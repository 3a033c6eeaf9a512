import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests and complaints (DESIGN.md, "Requests and complaints"; API.md, "Requests and complaints"):
 * the reference tables of channels, types and topics, the admin-editable time-limit table, the work
 * orders with one row per order (its current period's contact, result and last callback) and an
 * append-only event list (received, contacted, handled, callback, urged, reopened, escalated). The
 * order's clocks live in `clocks` (owner_kind 'work_order'). Customers gain their area (urban, rural,
 * remote), which sets the fault-repair limits.
 */
export class CreateWorkOrders1765000000000 implements MigrationInterface {
  name = 'CreateWorkOrders1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customers ADD COLUMN area text NOT NULL DEFAULT 'urban'
        CHECK (area IN ('urban', 'rural', 'remote'))`);
    await q.query(`
      CREATE TABLE work_order_channels (
        code text PRIMARY KEY,
        position smallint NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE work_order_types (
        code text PRIMARY KEY,
        position smallint NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE work_order_topics (
        code text PRIMARY KEY,
        type text NOT NULL REFERENCES work_order_types (code),
        position smallint NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE work_order_limits (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL REFERENCES work_order_types (code),
        channel text REFERENCES work_order_channels (code),
        area text CHECK (area IN ('urban', 'rural', 'remote')),
        topic text REFERENCES work_order_topics (code),
        contact_amount numeric(10, 2) NOT NULL CHECK (contact_amount > 0),
        contact_unit text NOT NULL CHECK (contact_unit IN ('working_days', 'working_hours', 'minutes')),
        resolution_amount numeric(10, 2) NOT NULL CHECK (resolution_amount > 0),
        resolution_unit text NOT NULL CHECK (resolution_unit IN ('working_days', 'working_hours', 'minutes')),
        resolution_starts_at text NOT NULL CHECK (resolution_starts_at IN ('opened', 'contacted')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users (id),
        UNIQUE NULLS NOT DISTINCT (type, channel, area, topic)
      )`);
    await q.query(`
      CREATE TABLE work_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id),
        channel text NOT NULL REFERENCES work_order_channels (code),
        type text NOT NULL REFERENCES work_order_types (code),
        topic text REFERENCES work_order_topics (code),
        summary text NOT NULL,
        external_ref text,
        contact_name text,
        contact_phone text,
        received_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'handled', 'closed', 'reopened')),
        period smallint NOT NULL DEFAULT 1,
        period_started_at timestamptz NOT NULL,
        contacted_at timestamptz,
        contacted_by uuid REFERENCES users (id),
        handled_at timestamptz,
        handled_by uuid REFERENCES users (id),
        result text,
        cause text,
        accountability text,
        closed_at timestamptz,
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        urges integer NOT NULL DEFAULT 0,
        escalation_reasons text[] NOT NULL DEFAULT '{}',
        escalated_at timestamptz,
        contradicted_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel, external_ref),
        CHECK (topic IS NULL OR type IN ('complaint', 'service_request')),
        CHECK (state <> 'closed' OR closed_at IS NOT NULL)
      )`);
    await q.query('CREATE INDEX work_orders_customer ON work_orders (customer_id, received_at DESC)');
    await q.query('CREATE INDEX work_orders_received ON work_orders (received_at DESC)');
    await q.query(`CREATE INDEX work_orders_not_closed ON work_orders (received_at DESC) WHERE state <> 'closed'`);
    await q.query(
      'CREATE INDEX work_orders_escalated ON work_orders (escalated_at DESC) WHERE escalated_at IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX work_orders_contradicted ON work_orders (contradicted_at DESC) WHERE contradicted_at IS NOT NULL',
    );
    await q.query(`
      CREATE TABLE work_order_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        work_order_id uuid NOT NULL REFERENCES work_orders (id),
        period smallint NOT NULL,
        kind text NOT NULL
          CHECK (kind IN ('received', 'contacted', 'handled', 'callback', 'urged', 'reopened', 'escalated')),
        at timestamptz NOT NULL,
        by uuid REFERENCES users (id),
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX work_order_events_order ON work_order_events (work_order_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM clock_events e USING clocks k WHERE k.id = e.clock_id AND k.owner_kind = 'work_order'`);
    await q.query(`DELETE FROM clocks WHERE owner_kind = 'work_order'`);
    await q.query('DROP TABLE work_order_events');
    await q.query('DROP TABLE work_orders');
    await q.query('DROP TABLE work_order_limits');
    await q.query('DROP TABLE work_order_topics');
    await q.query('DROP TABLE work_order_types');
    await q.query('DROP TABLE work_order_channels');
    await q.query('ALTER TABLE customers DROP COLUMN area');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages to customers (payment reminders, outage notices) go through an outbox: written in the
 * transaction that decides them, sent afterwards by a job through the configured sender, with the
 * delivery state recorded.
 */
export class CreateOutbox1764700000001 implements MigrationInterface {
  name = 'CreateOutbox1764700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_messages (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        kind text NOT NULL CHECK (kind IN ('payment_reminder', 'outage_notice')),
        channel text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms')),
        recipient text NOT NULL,
        body text NOT NULL,
        task_id uuid UNIQUE REFERENCES service_tasks (id),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts smallint NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_messages_pending ON outbox_messages (id) WHERE state = 'pending'`);
    await q.query('CREATE INDEX outbox_messages_customer ON outbox_messages (customer_id, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox_messages');
  }
}

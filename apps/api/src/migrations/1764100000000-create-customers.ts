import { MigrationInterface, QueryRunner } from 'typeorm';

/** Customers with one account manager each, their contacts, the industry reference table and the timeline. */
export class CreateCustomers1764100000000 implements MigrationInterface {
  name = 'CreateCustomers1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Overlapping two-character pieces of a text, lower-cased: the index behind name search, which
    // works for Chinese names too (pg_trgm needs three characters and letters its locale knows).
    await q.query(`
      CREATE FUNCTION text_bigrams(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT substr(lower(value), i, 2)), '{}')
          FROM generate_series(1, char_length(value) - 1) AS i
      $$`);
    await q.query(`
      CREATE TABLE industries (
        code text PRIMARY KEY,
        section text NOT NULL,
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_no text NOT NULL,
        name text NOT NULL,
        credit_code text NOT NULL,
        industry text NOT NULL REFERENCES industries (code),
        voltage_kv smallint NOT NULL CHECK (voltage_kv IN (10, 20, 35, 66, 110, 220, 330, 500)),
        contract_capacity_kva numeric(12, 2) NOT NULL CHECK (contract_capacity_kva > 0),
        tariff_category text NOT NULL CHECK (tariff_category IN ('large_industry', 'general_commercial', 'agriculture', 'other')),
        region text NOT NULL,
        address text NOT NULL,
        importance text NOT NULL DEFAULT 'none' CHECK (importance IN ('none', 'temporary', 'level2', 'level1', 'special')),
        tags text[] NOT NULL DEFAULT '{}',
        stage text NOT NULL DEFAULT 'applying'
          CHECK (stage IN ('applying', 'connecting', 'active', 'suspended', 'closing', 'closed')),
        account_manager_id uuid REFERENCES users (id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        name_bigrams text[] GENERATED ALWAYS AS (text_bigrams(name)) STORED,
        CONSTRAINT customers_account_no_key UNIQUE (account_no),
        -- One manager, always: every customer that is not closed has its account manager.
        CONSTRAINT customers_managed_unless_closed CHECK (stage = 'closed' OR account_manager_id IS NOT NULL)
      )`);
    // The owner must be an active account manager, whoever writes the row.
    await q.query(`
      CREATE FUNCTION customers_owner_is_account_manager() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.account_manager_id IS NOT NULL AND NOT EXISTS (
          SELECT 1 FROM users WHERE id = NEW.account_manager_id AND role = 'account_manager' AND active
        ) THEN
          RAISE EXCEPTION 'user % is not an active account manager', NEW.account_manager_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER customers_owner_is_account_manager
        BEFORE INSERT OR UPDATE OF account_manager_id ON customers
        FOR EACH ROW EXECUTE FUNCTION customers_owner_is_account_manager()`);
    await q.query('CREATE INDEX customers_manager_account_no ON customers (account_manager_id, account_no)');
    await q.query('CREATE INDEX customers_name_bigrams ON customers USING gin (name_bigrams)');
    await q.query('CREATE INDEX customers_account_no_prefix ON customers (account_no text_pattern_ops)');
    await q.query('CREATE INDEX customers_name ON customers (name, id)');
    await q.query('CREATE INDEX customers_credit_code ON customers (credit_code text_pattern_ops)');
    await q.query('CREATE INDEX customers_capacity ON customers (contract_capacity_kva, id)');
    await q.query('CREATE INDEX customers_created_at ON customers (created_at, id)');
    await q.query('CREATE INDEX customers_updated_at ON customers (updated_at, id)');
    await q.query('CREATE INDEX customers_region ON customers (region)');
    await q.query('CREATE INDEX customers_industry ON customers (industry)');
    await q.query('CREATE INDEX customers_stage ON customers (stage)');
    await q.query('CREATE INDEX customers_voltage ON customers (voltage_kv)');

    await q.query(`
      CREATE TABLE customer_contacts (
        customer_id uuid NOT NULL REFERENCES customers (id),
        position smallint NOT NULL,
        name text NOT NULL,
        phone text NOT NULL,
        email text,
        role text NOT NULL,
        PRIMARY KEY (customer_id, position)
      )`);
    await q.query('CREATE INDEX customer_contacts_phone ON customer_contacts (phone text_pattern_ops)');

    await q.query(`
      CREATE TABLE customer_timeline (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        at timestamptz NOT NULL DEFAULT now(),
        type text NOT NULL,
        actor_id uuid REFERENCES users (id),
        summary text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE customer_timeline');
    await q.query('DROP TABLE customer_contacts');
    await q.query('DROP TABLE customers');
    await q.query('DROP FUNCTION customers_owner_is_account_manager');
    await q.query('DROP TABLE industries');
    await q.query('DROP FUNCTION text_bigrams');
  }
}

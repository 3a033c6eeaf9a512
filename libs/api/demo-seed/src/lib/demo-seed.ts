import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import { GeneratedCustomer, generateCustomers } from '@crm/api/data-generator';
import { Role } from '@crm/shared/domain';
import demoUsers from '@crm/seeds/demo-users.json';
import demoDataset from '@crm/seeds/demo-dataset.json';
import { EntityManager } from 'typeorm';

/** The demo logins printed at start-up (API.md, "Demo users"). */
export const DEMO_LOGINS = {
  password: demoUsers.password,
  usernames: demoUsers.users.map((u) => u.username),
};

/** True when nobody has ever been created in this database (fresh install). */
export function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  return withDataSource(databaseUrl, async (ds) => {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM users');
    return n === 0;
  });
}

/** Loads the demo dataset of `seeds/` in one transaction. Never run against a production database. */
export function loadDemoSeed(databaseUrl: string): Promise<void> {
  return withDataSource(databaseUrl, (ds) =>
    ds.transaction(async (manager) => {
      await UsersService.createUsers(
        manager,
        demoUsers.users.map((u) => ({ ...u, role: u.role as Role, password: demoUsers.password })),
      );
      const managerIds: string[] = (
        await manager.query(`SELECT id FROM users WHERE role = 'account_manager' ORDER BY username`)
      ).map((r: { id: string }) => r.id);
      const customers = generateCustomers({
        seed: demoDataset.seed,
        count: demoDataset.customers,
        managers: managerIds.length,
      });
      await insertCustomers(manager, customers, managerIds);
    }),
  );
}

/** Inserts generated customers, their contacts and a `created` timeline entry each, set-wise. */
export async function insertCustomers(
  manager: EntityManager,
  customers: GeneratedCustomer[],
  managerIds: string[],
): Promise<void> {
  const column = <K extends keyof GeneratedCustomer>(key: K) => customers.map((c) => c[key]);
  await manager.query(
    `INSERT INTO customers (account_no, name, credit_code, industry, voltage_kv, contract_capacity_kva, tariff_category,
                            region, address, importance, stage, account_manager_id, created_at, updated_at, tags)
     SELECT t.account_no, t.name, t.credit_code, t.industry, t.voltage_kv, t.capacity, t.tariff, t.region, t.address,
            t.importance, t.stage, t.manager_id, t.created_at, t.created_at,
            coalesce(string_to_array(nullif(t.tags, ''), ','), '{}')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::numeric[], $7::text[], $8::text[],
                   $9::text[], $10::text[], $11::text[], $12::uuid[], $13::timestamptz[], $14::text[])
         AS t(account_no, name, credit_code, industry, voltage_kv, capacity, tariff, region, address, importance, stage,
              manager_id, created_at, tags)`,
    [
      column('accountNo'),
      column('name'),
      column('creditCode'),
      column('industry'),
      column('voltageKv'),
      column('contractCapacityKva'),
      column('tariffCategory'),
      column('region'),
      column('address'),
      column('importance'),
      column('stage'),
      customers.map((c) => managerIds[c.managerIndex]),
      column('createdAt'),
      customers.map((c) => c.tags.join(',')),
    ],
  );
  const contacts = customers.flatMap((c) =>
    c.contacts.map((k, position) => ({ accountNo: c.accountNo, position, ...k })),
  );
  await manager.query(
    `INSERT INTO customer_contacts (customer_id, position, name, phone, email, role)
     SELECT c.id, t.position, t.name, t.phone, t.email, t.role
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS t(account_no, position, name, phone, email, role)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      contacts.map((k) => k.accountNo),
      contacts.map((k) => k.position),
      contacts.map((k) => k.name),
      contacts.map((k) => k.phone),
      contacts.map((k) => k.email ?? null),
      contacts.map((k) => k.role),
    ],
  );
  await manager.query(
    `INSERT INTO customer_timeline (customer_id, at, type, actor_id, summary, data)
     SELECT c.id, c.created_at, 'created', NULL, 'Customer ' || c.account_no || ' created', '{}'::jsonb
       FROM customers c WHERE c.account_no = ANY($1::text[])`,
    [column('accountNo')],
  );
}

import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import {
  GeneratedApplication,
  generateApplications,
  GeneratedCustomer,
  generateCustomers,
  GeneratedOperationalData,
  generateOperationalData,
  Random,
} from '@crm/api/data-generator';
import { LifecycleStepDefinition, Role, WorkingCalendar, workingCalendar } from '@crm/shared/domain';
import demoUsers from '@crm/seeds/demo-users.json';
import demoDataset from '@crm/seeds/demo-dataset.json';
import { randomUUID } from 'node:crypto';
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
      const now = new Date();
      const customers = generateCustomers({
        seed: demoDataset.seed,
        count: demoDataset.customers,
        managers: managerIds.length,
        now,
      });
      await insertCustomers(manager, customers, managerIds);
      const applications = generateApplications({
        seed: demoDataset.seed,
        customers,
        steps: await stepDefinitions(manager),
        calendar: await calendarOf(manager),
        now,
      });
      await insertApplications(manager, applications, customers);
      const random = new Random(demoDataset.seed);
      const behaviour = customers.map((c) => generateOperationalData(random, c, demoDataset.months, now));
      await insertOperationalData(manager, behaviour, customers);
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

async function stepDefinitions(manager: EntityManager): Promise<LifecycleStepDefinition[]> {
  return manager.query(
    `SELECT application_type AS "applicationType", position, code, name_zh AS "nameZh", name_en AS "nameEn",
            sla_working_days AS "slaWorkingDays", sla_working_days_dual_supply AS "slaWorkingDaysDualSupply"
       FROM lifecycle_steps ORDER BY application_type, position`,
  );
}

async function calendarOf(manager: EntityManager): Promise<WorkingCalendar> {
  const days = await manager.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, working FROM working_calendar`);
  const years = await manager.query('SELECT year FROM working_calendar_years');
  return workingCalendar(
    days,
    years.map((y: { year: number }) => y.year),
  );
}

/** Inserts generated applications and their steps set-wise; steps are completed by the customer's manager. */
export async function insertApplications(
  manager: EntityManager,
  apps: GeneratedApplication[],
  customers: GeneratedCustomer[],
): Promise<void> {
  const ids = apps.map(() => randomUUID());
  await manager.query(
    `INSERT INTO applications (id, customer_id, type, status, requested_capacity_kva, dual_supply, new_owner_name, stage_before,
                               current_position, received_at, completed_at, created_at)
     SELECT t.id, c.id, t.type, t.status, t.capacity, t.dual, t.owner, t.stage_before, t.position, t.received, t.completed, t.received
       FROM unnest($11::uuid[], $1::text[], $2::text[], $3::text[], $4::numeric[], $5::boolean[], $6::text[], $7::text[],
                   $8::smallint[], $9::timestamptz[], $10::timestamptz[])
         AS t(id, account_no, type, status, capacity, dual, owner, stage_before, position, received, completed)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      apps.map((a) => customers[a.customerIndex].accountNo),
      apps.map((a) => a.type),
      apps.map((a) => a.status),
      apps.map((a) => a.requestedCapacityKva),
      apps.map((a) => a.dualSupply),
      apps.map((a) => a.newOwnerName),
      apps.map((a) => a.stageBefore),
      apps.map((a) => a.currentPosition),
      apps.map((a) => a.receivedAt),
      apps.map((a) => a.completedAt),
      ids,
    ],
  );
  const steps = apps.flatMap((a, i) => a.steps.map((s) => ({ ...s, applicationId: ids[i] })));
  const col = <K extends keyof (typeof steps)[number]>(key: K) => steps.map((s) => s[key]);
  await manager.query(
    `INSERT INTO application_steps (application_id, position, code, name_zh, name_en, sla_working_days, state, started_at,
                                    warning_date, due_date, completed_at, completed_by, note)
     SELECT t.application_id, t.position, t.code, t.name_zh, t.name_en, t.sla, t.state, t.started_at, t.warning_date,
            t.due_date, t.completed_at, CASE WHEN t.completed_at IS NOT NULL THEN c.account_manager_id END, t.note
       FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::text[],
                   $8::timestamptz[], $9::date[], $10::date[], $11::timestamptz[], $12::text[])
         AS t(application_id, position, code, name_zh, name_en, sla, state, started_at, warning_date, due_date, completed_at, note)
       JOIN applications a ON a.id = t.application_id
       JOIN customers c ON c.id = a.customer_id`,
    [
      col('applicationId'),
      col('position'),
      col('code'),
      col('nameZh'),
      col('nameEn'),
      col('slaWorkingDays'),
      col('state'),
      col('startedAt'),
      col('warningDate'),
      col('dueDate'),
      col('completedAt'),
      col('note'),
    ],
  );
}

/** Inserts consumption, bills, payments, violations and disconnections set-wise, keyed by account number. */
export async function insertOperationalData(
  manager: EntityManager,
  data: GeneratedOperationalData[],
  customers: GeneratedCustomer[],
): Promise<void> {
  const rows = <T>(pick: (d: GeneratedOperationalData) => T[]) =>
    data.flatMap((d, i) => pick(d).map((row) => ({ accountNo: customers[i].accountNo, ...row })));
  const consumption = rows((d) => d.consumption);
  await manager.query(
    `INSERT INTO consumption (customer_id, period, kwh, max_demand_kw, power_factor)
     SELECT c.id, t.period, t.kwh, t.demand, t.pf
       FROM unnest($1::text[], $2::date[], $3::numeric[], $4::numeric[], $5::numeric[]) AS t(account_no, period, kwh, demand, pf)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      consumption.map((r) => r.accountNo),
      consumption.map((r) => r.period),
      consumption.map((r) => r.kwh),
      consumption.map((r) => r.maxDemandKw),
      consumption.map((r) => r.powerFactor),
    ],
  );
  const bills = rows((d) => d.bills);
  await manager.query(
    `INSERT INTO bills (customer_id, period, amount, due_date)
     SELECT c.id, t.period, t.amount, t.due FROM unnest($1::text[], $2::date[], $3::numeric[], $4::date[]) AS t(account_no, period, amount, due)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      bills.map((r) => r.accountNo),
      bills.map((r) => r.period),
      bills.map((r) => r.amount),
      bills.map((r) => r.dueDate),
    ],
  );
  const payments = rows((d) => d.payments);
  await manager.query(
    `INSERT INTO payments (bill_id, paid_at, amount)
     SELECT b.id, t.paid_at, t.amount FROM unnest($1::text[], $2::date[], $3::date[], $4::numeric[]) AS t(account_no, period, paid_at, amount)
       JOIN customers c ON c.account_no = t.account_no
       JOIN bills b ON b.customer_id = c.id AND b.period = t.period`,
    [
      payments.map((r) => r.accountNo),
      payments.map((r) => r.period),
      payments.map((r) => r.paidAt),
      payments.map((r) => r.amount),
    ],
  );
  const violations = rows((d) => d.violations);
  await manager.query(
    `INSERT INTO violations (customer_id, occurred_on, kind, description, penalty)
     SELECT c.id, t.occurred_on, t.kind, t.description, t.penalty
       FROM unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::numeric[]) AS t(account_no, occurred_on, kind, description, penalty)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      violations.map((r) => r.accountNo),
      violations.map((r) => r.occurredOn),
      violations.map((r) => r.kind),
      violations.map((r) => r.description),
      violations.map((r) => r.penalty),
    ],
  );
  const disconnections = rows((d) => d.disconnections);
  await manager.query(
    `INSERT INTO disconnections (customer_id, notice_date, disconnected_on, restored_on)
     SELECT c.id, t.notice, t.disconnected, t.restored FROM unnest($1::text[], $2::date[], $3::date[], $4::date[]) AS t(account_no, notice, disconnected, restored)
       JOIN customers c ON c.account_no = t.account_no`,
    [
      disconnections.map((r) => r.accountNo),
      disconnections.map((r) => r.noticeDate),
      disconnections.map((r) => r.disconnectedOn),
      disconnections.map((r) => r.restoredOn),
    ],
  );
}

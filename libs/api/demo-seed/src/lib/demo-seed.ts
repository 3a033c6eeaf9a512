import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import { Role } from '@crm/shared/domain';
import demoUsers from '@crm/seeds/demo-users.json';
import demoDataset from '@crm/seeds/demo-dataset.json';
import type { PoolClient } from 'pg';
import { EntityManager, QueryRunner } from 'typeorm';
import { loadPopulation } from './population';

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
      await loadPopulation(clientOf(manager), {
        seed: demoDataset.seed,
        customers: demoDataset.customers,
        months: demoDataset.months,
        managerIds: await accountManagerIds(manager),
        now: new Date(),
      });
    }),
  );
}

/** Active account managers, in username order (the generator gives the first ones the most customers). */
export async function accountManagerIds(manager: EntityManager): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM users WHERE role = 'account_manager' AND active ORDER BY length(username), username`,
  );
  return rows.map((r) => r.id);
}

/** The pg connection under a TypeORM transaction, for COPY. */
export function clientOf(manager: EntityManager): PoolClient {
  const runner = manager.queryRunner as (QueryRunner & { databaseConnection?: PoolClient }) | undefined;
  if (!runner?.databaseConnection) throw new Error('clientOf needs an EntityManager of a running transaction');
  return runner.databaseConnection;
}

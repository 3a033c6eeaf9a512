import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import { Role } from '@crm/shared/domain';
import demoUsers from '@crm/seeds/demo-users.json';
import demoDataset from '@crm/seeds/demo-dataset.json';
import { accountManagerIds, countUsers } from './demo-seed.repository';
import { loadPopulation } from './population';

/** The demo logins printed at start-up (API.md, "Demo users"). */
export const DEMO_LOGINS = {
  password: demoUsers.password,
  usernames: demoUsers.users.map((u) => u.username),
};

/** True when nobody has ever been created in this database (fresh install). */
export function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  return withDataSource(databaseUrl, async (ds) => (await countUsers(ds)) === 0);
}

/** Loads the demo dataset of `seeds/` in one transaction. Never run against a production database. */
export function loadDemoSeed(databaseUrl: string): Promise<void> {
  return withDataSource(databaseUrl, (ds) =>
    ds.transaction(async (manager) => {
      await UsersService.createUsers(
        manager,
        demoUsers.users.map((u) => ({ ...u, role: u.role as Role, password: demoUsers.password })),
      );
      await loadPopulation(manager, {
        seed: demoDataset.seed,
        customers: demoDataset.customers,
        months: demoDataset.months,
        managerIds: await accountManagerIds(manager),
        now: new Date(),
      });
    }),
  );
}

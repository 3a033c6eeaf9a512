import { UsersService, UserEntity } from '@crm/api/auth';
import { Role } from '@crm/shared/domain';
import demoUsers from '@crm/seeds/demo-users.json';
import { DataSource } from 'typeorm';

/** The demo logins printed at start-up (API.md, "Demo users"). */
export const DEMO_LOGINS = {
  password: demoUsers.password,
  usernames: demoUsers.users.map((u) => u.username),
};

/** True when nobody has ever been created in this database (fresh install). */
export async function isDatabaseEmpty(databaseUrl: string): Promise<boolean> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl });
  await dataSource.initialize();
  try {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM users');
    return n === 0;
  } finally {
    await dataSource.destroy();
  }
}

/** Loads the demo dataset of `seeds/` in one transaction. Never run against a production database. */
export async function loadDemoSeed(databaseUrl: string): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl, entities: [UserEntity] });
  await dataSource.initialize();
  try {
    await dataSource.transaction(async (manager) => {
      await UsersService.createUsers(
        manager,
        demoUsers.users.map((u) => ({ ...u, role: u.role as Role, password: demoUsers.password })),
      );
    });
  } finally {
    await dataSource.destroy();
  }
}

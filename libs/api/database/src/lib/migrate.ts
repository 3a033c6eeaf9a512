import { Client } from 'pg';
import { DataSource, MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

/** Applies the pending migrations to the database at `url`; returns the names of those it ran. */
export async function runMigrations(url: string, migrations: MigrationClass[]): Promise<string[]> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Runs `work` with a short-lived connection to `url` (start-up steps, seeds, tools). */
export async function withDataSource<T>(url: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The advisory lock key (any fixed number) that serialises the start-up of instances. */
const START_UP_LOCK = 1_765_280_000;

/**
 * Runs `work` (migrations, the demo seed, the shared JWT secret) while holding a session advisory lock on the
 * database at `url`: instances that start together take turns, so the second finds the migrations applied
 * and the database seeded instead of racing the first. A crashed holder's lock goes with its connection.
 */
export async function withStartUpLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [START_UP_LOCK]);
    return await work();
  } finally {
    await client.end();
  }
}

import {
  EmbeddedDatabase,
  ensureHistoryPartitions,
  runMigrations,
  startEmbeddedDatabase,
  superviseEmbeddedDatabase,
  withDataSource,
} from '@crm/api/database';
import { syncReferenceData } from '@crm/api/reference';
import { MIGRATIONS } from './migrations';

/** Starts the embedded PostgreSQL in `dataDir` under its supervisor, which restarts it when it dies. */
export async function startSupervisedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const embedded = await startEmbeddedDatabase({ dataDir });
  superviseEmbeddedDatabase(embedded);
  return embedded;
}

/** The names this build's migrations are recorded under (the `migrations` table), which readiness expects. */
export const MIGRATION_NAMES: readonly string[] = MIGRATIONS.map((M) => new M().name ?? M.name);

/**
 * Applies the pending migrations to the database at `url`, creates the history partitions of this year and the
 * next (the monthly `history-partitions` job keeps them ahead) and syncs its reference data; returns the
 * migrations applied.
 */
export async function prepareDatabase(url: string): Promise<string[]> {
  const ran = await runMigrations(url, MIGRATIONS);
  await withDataSource(url, async (db) => {
    await ensureHistoryPartitions(db, new Date());
    await syncReferenceData(db);
  });
  return ran;
}

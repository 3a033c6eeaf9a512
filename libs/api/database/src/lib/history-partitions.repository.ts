import { chinaDate } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { Db, execute, query } from './query';

/**
 * The tables partitioned by year (migration PartitionHistory1765300000000): each has a partition
 * `<table>_<year>` per year and `<table>_default` for rows outside them. Consumption and bills by period,
 * payments by their bill's period, the timeline by `at` in China time's years.
 */
export const HISTORY_TABLES = [
  { table: 'consumption', key: 'period', bound: (year: number) => `'${year}-01-01'` },
  { table: 'bills', key: 'period', bound: (year: number) => `'${year}-01-01'` },
  { table: 'payments', key: 'bill_period', bound: (year: number) => `'${year}-01-01'` },
  { table: 'customer_timeline', key: 'at', bound: (year: number) => `'${year}-01-01 00:00:00+08'` },
] as const;

/** Any fixed number: serialises the instances that create partitions at the same moment. */
const PARTITIONS_LOCK = 1_765_300_000;

/** How many years after the current one have their partitions ready. */
export const HISTORY_YEARS_AHEAD = 1;

/**
 * Makes sure each history table has its partitions for the year of `today` (in China) and the
 * `yearsAhead` years after it; returns the partitions it created (none when they all exist). Rows that
 * had gone to the DEFAULT partition for lack of one are moved into the partition created for them. Safe to run
 * on several instances at once: they take turns under a transaction advisory lock, and the later ones find the
 * partitions there.
 */
export async function ensureHistoryPartitions(
  db: DataSource,
  today: Date,
  yearsAhead = HISTORY_YEARS_AHEAD,
): Promise<string[]> {
  const year = Number(chinaDate(today).slice(0, 4));
  const wanted = HISTORY_TABLES.flatMap(({ table }) =>
    Array.from({ length: yearsAhead + 1 }, (_, i) => ({ year: year + i, name: `${table}_${year + i}` })),
  );
  const names = wanted.map((w) => w.name);
  if ((await missingPartitions(db, names)).length === 0) return [];
  return db.transaction(async (tx) => {
    await query(tx, 'SELECT pg_advisory_xact_lock($1)', [PARTITIONS_LOCK]);
    const missing = new Set(await missingPartitions(tx, names));
    const created: string[] = [];
    for (const year of new Set(wanted.filter((w) => missing.has(w.name)).map((w) => w.year))) {
      const tables = HISTORY_TABLES.filter((t) => missing.has(`${t.table}_${year}`));
      // The year's rows leave DEFAULT payments first (a bill cannot leave while a payment there refers to it) and
      // come back into the new partitions bills first.
      for (const { table, key, bound } of [...tables].reverse()) {
        await execute(
          tx,
          `CREATE TEMP TABLE moving_${table} AS
           WITH moved AS (DELETE FROM ${table}_default WHERE ${key} >= ${bound(year)} AND ${key} < ${bound(year + 1)}
                          RETURNING *)
           SELECT * FROM moved`,
        );
      }
      for (const { table, bound } of tables) {
        await execute(
          tx,
          `CREATE TABLE ${table}_${year} PARTITION OF ${table} FOR VALUES FROM (${bound(year)}) TO (${bound(year + 1)})`,
        );
        await execute(tx, `INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM moving_${table}`);
        await execute(tx, `DROP TABLE moving_${table}`);
        created.push(`${table}_${year}`);
      }
    }
    return created;
  });
}

/**
 * Those of `names` that are no table yet. Read from pg_class by a query (its snapshot is taken after the advisory
 * lock, so it sees the partitions another instance just committed; `to_regclass` may answer from a stale cache).
 */
async function missingPartitions(db: Db, names: string[]): Promise<string[]> {
  const rows = await query<{ name: string }>(
    db,
    `SELECT n.name FROM unnest($1::text[]) n(name)
      WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.relname = n.name AND c.relnamespace = 'public'::regnamespace)`,
    [names],
  );
  return rows.map((r) => r.name);
}

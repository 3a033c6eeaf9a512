import { query } from '@crm/api/database';
import { createTestDatabase } from '@crm/api/testing';
import { DataSource } from 'typeorm';
import { TABLE_OWNERS } from './table-owners';

/** Owned tables that exist only inside one transaction (CREATE TEMP TABLE … ON COMMIT DROP), never in the schema. */
const TEMPORARY_TABLES = ['import_rows', 'metrics_refresh'];

describe('table owners: every table of the migrated database has one', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url, poolSize: 1 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('lists exactly the tables the migrations leave (partitions belong to their table)', async () => {
    const tables = await query<{ name: string }>(
      dataSource,
      `SELECT c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'migrations'
        ORDER BY c.relname`,
    );
    const owned = Object.keys(TABLE_OWNERS).filter((t) => !TEMPORARY_TABLES.includes(t));
    expect(tables.map((t) => t.name)).toEqual(owned.sort());
  });
});

import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// First: the reference data below imports through the @crm/* path aliases.
import './register-paths';
import { EmbeddedDatabase, startEmbeddedDatabase } from '../../libs/api/database/src/lib/embedded-database';
import { runMigrations, withDataSource } from '../../libs/api/database/src/lib/migrate';
import { syncReferenceData } from '../../libs/api/reference/src/lib/reference-data';
import { MIGRATIONS } from '../../apps/api/src/migrations';

export const TEMPLATE_DATABASE = 'crm_test_template';

declare global {
  var __EMBEDDED_DB__: { db: EmbeddedDatabase; dataDir: string } | undefined;
}

/**
 * Once per test run: a PostgreSQL server (embedded, or DATABASE_URL's) and a template database with
 * every migration applied and the reference data loaded, which each suite clones into a database of its own.
 * Workers find the server in TEST_DATABASE_ADMIN_URL.
 */
export default async function setup(): Promise<void> {
  let adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-test-db-'));
    chmodSync(dataDir, 0o755);
    const db = await startEmbeddedDatabase({ dataDir, database: 'postgres' });
    globalThis.__EMBEDDED_DB__ = { db, dataDir };
    adminUrl = db.url;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await runMigrations(templateUrl.toString(), MIGRATIONS);
  await withDataSource(templateUrl.toString(), syncReferenceData);
  process.env['TEST_DATABASE_ADMIN_URL'] = adminUrl;
  process.env['TEST_DATABASE_TEMPLATE'] = TEMPLATE_DATABASE;
}

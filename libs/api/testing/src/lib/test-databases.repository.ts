import { Db, execute } from '@crm/api/database';

/** Creates the database `name` as a copy of `template` (names are identifiers: not user input). */
export async function createDatabase(db: Db, name: string, template: string): Promise<void> {
  await execute(db, `CREATE DATABASE ${name} TEMPLATE ${template}`);
}

/** Drops the database `name`, closing its connections. */
export async function dropDatabase(db: Db, name: string): Promise<void> {
  await execute(db, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

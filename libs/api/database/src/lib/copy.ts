import type { PoolClient } from 'pg';
import { CopyStreamQuery, from as copyFrom } from 'pg-copy-streams';
import { EntityManager, QueryRunner } from 'typeorm';

/**
 * Starts `COPY … FROM STDIN` (`statement`) on the connection of the transaction `tx` runs in, for bulk loads:
 * write the rows to the returned stream; once it has finished, its `rowCount` is the number of rows copied.
 */
export function copyInto(tx: EntityManager, statement: string): CopyStreamQuery {
  const runner = tx.queryRunner as (QueryRunner & { databaseConnection?: PoolClient }) | undefined;
  if (!runner?.databaseConnection) throw new Error('copyInto needs the EntityManager of a running transaction');
  return runner.databaseConnection.query(copyFrom(statement));
}

import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';

/**
 * Writes the rows of `select` to `out` as CSV (no header, LF line ends) by `COPY … TO STDOUT`: PostgreSQL
 * formats the rows and the stream keeps memory flat whatever their number. COPY takes no parameters, so
 * the rows are first selected (with their parameters) into a temporary table, in `select`'s order, which
 * a COPY of a table created in the same transaction and read by no one else keeps.
 */
export async function copyCsvTo(dataSource: DataSource, select: string, params: readonly unknown[], out: Writable) {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE copy_rows ON COMMIT DROP AS ${select}`, [...params]);
    await pipeline(client.query(copyTo('COPY copy_rows TO STDOUT (FORMAT csv)')), out);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

import { Injectable } from '@nestjs/common';
import { copyInto, execute, query } from '@crm/api/database';
import { metricsStaleInsertFrom } from '@crm/api/scoring';
import { ImportRowError } from '@crm/shared/domain';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EntityManager } from 'typeorm';
import { ImportKindDefinition, ImportWriters, Sql } from './import-kinds';

/**
 * The SQL of an import, in its transaction `tx`: the file's rows in the temporary staging table
 * `import_rows` (every column text), their errors in `import_errors`, and the set-wise writes from there.
 */
@Injectable()
export class ImportRowsRepository {
  /** Creates `import_rows` with the text columns `columns` and a row number, dropped at the end of `tx`. */
  async createStaging(tx: EntityManager, columns: string[]): Promise<void> {
    await execute(
      tx,
      `CREATE TEMP TABLE import_rows (${columns.map((c) => `"${c}" text`).join(', ')},
                                      row_no bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP`,
    );
  }

  /**
   * Streams the CSV `file` (header line included; `header` is its column names) through `meter` into
   * `import_rows` by COPY; returns the rows copied. Fails with PostgreSQL's error on a bad line.
   */
  async copyRows(tx: EntityManager, header: string[], file: Readable, meter: Transform): Promise<number> {
    const copy = copyInto(
      tx,
      `COPY import_rows (${header.map((h) => `"${h}"`).join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`,
    );
    await pipeline(file, meter, copy);
    return Number(copy.rowCount);
  }

  /**
   * Runs the checks (`checks`: a statement of `row_no, field, problem` (jsonb) over `import_rows`) into
   * `import_errors`; returns how many rows have errors and the first `limit` errors in row order.
   */
  async checkRows(
    tx: EntityManager,
    checks: string,
    limit: number,
  ): Promise<{ rejected: number; errors: ImportRowError[] }> {
    await execute(tx, 'ANALYZE import_rows');
    await execute(tx, `CREATE TEMP TABLE import_errors ON COMMIT DROP AS ${checks}`);
    const [{ rejected }] = await query<{ rejected: number }>(
      tx,
      'SELECT count(DISTINCT row_no)::int AS rejected FROM import_errors',
    );
    const errors = await query<ImportRowError>(
      tx,
      `SELECT row_no::int AS row, field, problem->>'message' AS message, problem->>'code' AS code, problem->'params' AS params
         FROM import_errors ORDER BY row_no, field LIMIT $1`,
      [limit],
    );
    return { rejected, errors };
  }

  /** Removes the rows that have errors from `import_rows`. */
  async deleteRejectedRows(tx: EntityManager): Promise<void> {
    await execute(tx, 'DELETE FROM import_rows WHERE row_no IN (SELECT row_no FROM import_errors)');
  }

  /**
   * Writes the `accepted` rows left in `import_rows` as `definition` says; how many rows it inserted and updated.
   */
  applyRows(
    tx: EntityManager,
    definition: ImportKindDefinition,
    accepted: number,
    actorId: string | null,
    writers: ImportWriters,
  ): Promise<{ inserted: number; updated: number }> {
    const sql: Sql = {
      rows: (text, params) => query(tx, text, params),
      execute: (text, params) => execute(tx, text, params),
    };
    return definition.apply(sql, accepted, actorId, writers);
  }

  /** Queues the metrics of the customers of `import_rows` for the metrics refresh job. */
  async markCustomersStale(tx: EntityManager): Promise<void> {
    await execute(
      tx,
      metricsStaleInsertFrom(
        `(SELECT c.id AS customer_id FROM import_rows r JOIN customers c ON c.account_no = r."accountNo")`,
      ),
    );
  }
}

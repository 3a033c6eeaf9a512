import { Injectable } from '@nestjs/common';
import { metricsStaleInsertFrom } from '@crm/api/scoring';
import {
  IMPORT_COLUMNS,
  IMPORT_ERROR_LIMIT,
  ImportKind,
  ImportReport,
  ImportRowError,
  InvalidInputError,
} from '@crm/shared/domain';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { splitHeader } from './csv-header';
import { compileChecks, compileDuplicates } from './field-checks';
import { IMPORT_DEFINITIONS, Sql } from './import-kinds';

export type ImportPhase = 'loading' | 'validating' | 'applying' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes of the file read so far. */
  bytes: number;
  /** Data rows loaded (known once loading is over). */
  rows?: number;
}

export interface ImportOptions {
  /** Import the good rows of a file that has bad ones (API.md `?partial=true`). */
  partial: boolean;
  actorId: string | null;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
  /** False when the file had bad rows and nothing was written. */
  imported: boolean;
  report: ImportReport;
}

/** PostgreSQL's answer to a file COPY cannot read: bad CSV, bad UTF-8, an overlong line. */
const COPY_FORMAT_ERRORS = new Set(['22P04', '22021', '22P05', '54000']);

/**
 * Imports a CSV from the billing or metering system: streamed by COPY into a temporary staging table
 * (every column text), validated set-wise in SQL, then applied in the same transaction by upserts that
 * change only what differs, so a re-import changes nothing. A file with a bad row imports nothing
 * unless `partial`.
 */
@Injectable()
export class ImportService {
  constructor(private readonly dataSource: DataSource) {}

  async run(kind: ImportKind, source: Readable, options: ImportOptions): Promise<ImportOutcome> {
    const started = Date.now();
    const definition = IMPORT_DEFINITIONS[kind];
    const { header, file } = await splitHeader(source);
    checkHeader(kind, header);

    let bytes = 0;
    const progress = (phase: ImportPhase, rows?: number) => options.onProgress?.({ phase, bytes, rows });
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        progress('loading');
        done(null, chunk);
      },
    });

    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const sql: Sql = async (text, params) => (await client.query(text, params)).rows;
    const outcome = (imported: boolean, report: Omit<ImportReport, 'kind' | 'durationMs'>): ImportOutcome => ({
      imported,
      report: { kind, ...report, durationMs: Date.now() - started },
    });
    try {
      await client.query('BEGIN');
      const columns = IMPORT_COLUMNS[kind].map((c) => `"${c.name}" text`).join(', ');
      await client.query(
        `CREATE TEMP TABLE import_rows (${columns}, row_no bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP`,
      );
      const copy = client.query(
        copyFrom(`COPY import_rows (${header.map((h) => `"${h}"`).join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`),
      );
      try {
        await pipeline(file, counter, copy);
      } catch (error) {
        const row = copyErrorRow(error);
        if (row === null) throw error;
        await client.query('ROLLBACK');
        const message = `is not valid CSV: ${(error as Error).message}`;
        return outcome(false, {
          ...nothingWritten(0, 1),
          errors: [{ row, field: null, message }],
          errorsTruncated: false,
        });
      }
      const rows = Number(copy.rowCount);

      progress('validating', rows);
      await client.query('ANALYZE import_rows');
      await client.query(
        `CREATE TEMP TABLE import_errors ON COMMIT DROP AS
         ${compileChecks(definition.joins, definition.checks)}
         UNION ALL ${compileDuplicates(definition.key)}`,
      );
      const [{ rejected }] = await sql<{ rejected: number }>(
        'SELECT count(DISTINCT row_no)::int AS rejected FROM import_errors',
      );
      const errors = await sql<ImportRowError>(
        `SELECT row_no::int AS row, field, message FROM import_errors ORDER BY row_no, field LIMIT ${IMPORT_ERROR_LIMIT + 1}`,
      );
      const errorReport = {
        errors: errors.slice(0, IMPORT_ERROR_LIMIT),
        errorsTruncated: errors.length > IMPORT_ERROR_LIMIT,
      };
      if (rejected > 0 && !options.partial) {
        await client.query('ROLLBACK');
        return outcome(false, { ...nothingWritten(0, rejected), ...errorReport });
      }
      if (rejected > 0)
        await client.query('DELETE FROM import_rows WHERE row_no IN (SELECT row_no FROM import_errors)');

      progress('applying', rows);
      const { inserted, updated } = await definition.apply(sql, options.actorId);
      if (kind !== 'customers' && inserted + updated > 0)
        // Their behaviour changed: the metrics refresh job recomputes their metrics (segments read them).
        await client.query(
          metricsStaleInsertFrom(`(SELECT c.id AS customer_id
             FROM import_rows r JOIN customers c ON c.account_no = r."accountNo")`),
        );
      await client.query('COMMIT');
      progress('done', rows);
      const accepted = rows - rejected;
      return outcome(true, {
        accepted,
        rejected,
        inserted,
        updated,
        unchanged: accepted - inserted - updated,
        ...errorReport,
      });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}

function nothingWritten(accepted: number, rejected: number) {
  return { accepted, rejected, inserted: 0, updated: 0, unchanged: 0 };
}

/** Unknown, repeated or missing columns are refused before anything is read. */
function checkHeader(kind: ImportKind, header: string[]): void {
  const known = IMPORT_COLUMNS[kind];
  const problems = [
    ...header
      .filter((name) => !known.some((c) => c.name === name))
      .map((field) => ({ field, message: `is not a column of a ${kind} file` })),
    ...header
      .filter((name, i) => header.indexOf(name) !== i)
      .map((field) => ({ field, message: 'appears twice in the header' })),
    ...known
      .filter((c) => c.required && !header.includes(c.name))
      .map((c) => ({ field: c.name, message: 'is a required column and is missing from the header' })),
  ];
  if (problems.length) {
    throw new InvalidInputError(
      `The header of a ${kind} file must name the columns ${known.map((c) => c.name).join(', ')}: ` +
        problems.map((p) => `${p.field} ${p.message}`).join('; '),
      problems,
    );
  }
}

/** The data row (1 = first after the header) a COPY format error points at, or null for other errors. */
function copyErrorRow(error: unknown): number | null {
  const { code, where } = error as { code?: string; where?: string };
  if (!code || !COPY_FORMAT_ERRORS.has(code)) return null;
  const line = /line (\d+)/.exec(where ?? '');
  return line ? Math.max(Number(line[1]) - 1, 0) : 0;
}

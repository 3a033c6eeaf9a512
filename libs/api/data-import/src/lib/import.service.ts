import { Injectable } from '@nestjs/common';
import { WorkOrdersService } from '@crm/api/work-orders';
import {
  ErrorDetail,
  IMPORT_COLUMNS,
  IMPORT_ERROR_LIMIT,
  ImportKind,
  ImportReport,
  InvalidInputError,
} from '@crm/shared/domain';
import { Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import { splitHeader } from './csv-header';
import { compileChecks, compileDuplicates } from './field-checks';
import { IMPORT_DEFINITIONS } from './import-kinds';
import { ImportRowsRepository } from './import-rows.repository';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly importRows: ImportRowsRepository,
    /** Absent in the command-line import, which imports the billing and metering kinds only. */
    private readonly workOrders?: WorkOrdersService,
  ) {}

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
    const outcome = (imported: boolean, report: Omit<ImportReport, 'kind' | 'durationMs'>): ImportOutcome => ({
      imported,
      report: { kind, ...report, durationMs: Date.now() - started },
    });
    try {
      await runner.startTransaction();
      const tx = runner.manager;
      await this.importRows.createStaging(
        tx,
        IMPORT_COLUMNS[kind].map((c) => c.name),
      );
      let rows: number;
      try {
        rows = await this.importRows.copyRows(tx, header, file, counter);
      } catch (error) {
        const row = copyErrorRow(error);
        if (row === null) throw error;
        await runner.rollbackTransaction();
        const reason = (error as Error).message;
        return outcome(false, {
          ...nothingWritten(0, 1),
          errors: [
            { row, field: null, message: `is not valid CSV: ${reason}`, code: 'import.badFile', params: { reason } },
          ],
          errorsTruncated: false,
        });
      }

      progress('validating', rows);
      const { rejected, errors } = await this.importRows.checkRows(
        tx,
        `${compileChecks(definition.joins, definition.checks)} UNION ALL ${compileDuplicates(definition.key)}`,
        IMPORT_ERROR_LIMIT + 1,
      );
      const errorReport = {
        errors: errors.slice(0, IMPORT_ERROR_LIMIT),
        errorsTruncated: errors.length > IMPORT_ERROR_LIMIT,
      };
      if (rejected > 0 && !options.partial) {
        await runner.rollbackTransaction();
        return outcome(false, { ...nothingWritten(0, rejected), ...errorReport });
      }
      if (rejected > 0) await this.importRows.deleteRejectedRows(tx);

      progress('applying', rows);
      const accepted = rows - rejected;
      const { inserted, updated } = await this.importRows.applyRows(tx, definition, accepted, options.actorId, {
        receiveWorkOrders: (inserted) => {
          if (!this.workOrders)
            throw new Error('Work orders are imported through the API (POST /api/import/work-orders)');
          return this.workOrders.receiveInserted(tx, inserted);
        },
      });
      if (kind !== 'customers' && inserted + updated > 0)
        // Their behaviour changed: the metrics refresh job recomputes their metrics (segments read them).
        await this.importRows.markCustomersStale(tx);
      await runner.commitTransaction();
      progress('done', rows);
      return outcome(true, {
        accepted,
        rejected,
        inserted,
        updated,
        unchanged: accepted - inserted - updated,
        ...errorReport,
      });
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
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
  const problems: ErrorDetail[] = [
    ...header
      .filter((name) => !known.some((c) => c.name === name))
      .map(
        (field): ErrorDetail => ({
          field,
          message: `is not a column of a ${kind} file`,
          code: 'import.notAColumn',
          params: { field, kind },
        }),
      ),
    ...header
      .filter((name, i) => header.indexOf(name) !== i)
      .map(
        (field): ErrorDetail => ({
          field,
          message: 'appears twice in the header',
          code: 'import.columnTwice',
          params: { field },
        }),
      ),
    ...known
      .filter((c) => c.required && !header.includes(c.name))
      .map(
        (c): ErrorDetail => ({
          field: c.name,
          message: 'is a required column and is missing from the header',
          code: 'import.columnMissing',
          params: { field: c.name },
        }),
      ),
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

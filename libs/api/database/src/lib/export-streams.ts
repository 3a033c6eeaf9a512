import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { CSV_BOM, csvLine, exportCell, ExportColumn, ExportFormat, setExportHeaders } from '@crm/api/http';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { ReadDatabase } from './read-database';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** How far exports may go: they read the database while a client downloads, at its pace. */
export interface ExportLimits {
  /** Exports running at once on this database, whatever the number of instances; one more is refused with 429 and Retry-After. */
  concurrency: number;
  /** The longest any statement of an export may run (a COPY runs for the whole download), in ms. */
  statementTimeoutMs: number;
  /** A client that takes nothing for this long is cut off and the export's connection closed, in ms. */
  stallTimeoutMs: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  concurrency: 4,
  statementTimeoutMs: 15 * 60_000,
  stallTimeoutMs: 30_000,
};

export const EXPORT_LIMITS = Symbol('EXPORT_LIMITS');

/** The Retry-After of a refused export, in seconds. */
const RETRY_AFTER_SECONDS = 10;
/**
 * The first of the advisory lock keys `(EXPORT_SLOT_LOCK, slot)` of the export slots; an export holds one on its
 * own connection while it runs, so the limit holds across instances and a dead connection frees its slot.
 */
export const EXPORT_SLOT_LOCK = 1_765_280_001;
/** Rows read per FETCH of a cursor export: few enough that writing them never blocks other requests long. */
const FETCH_ROWS = 500;

/** A query and its parameters, whose rows an export streams in their order. */
export interface ExportQuery {
  sql: string;
  params: readonly unknown[];
}

/** A query whose rows become `T`s for the columns of a cursor export. */
export interface ExportRowsQuery<T> extends ExportQuery {
  toRow: (row: Record<string, unknown>) => T;
}

/**
 * A text expression as an export cell, in SQL: prefixed with `'` when it starts with a formula trigger,
 * as neutraliseCell does (libs/shared/domain). For CSVs that PostgreSQL's COPY writes; text columns only.
 */
export const exportTextSql = (expression: string) =>
  `CASE WHEN ${expression} ~ '^[-=+@\\t\\r\\n]' THEN '''' || ${expression} ELSE ${expression} END`;

/** Why an export stopped without failing: the client went away or stopped reading. */
class ClientGone extends Error {}

/** One running export: its connection, and writes to its client that wait for the client to take them. */
interface Session {
  client: PoolClient;
  write(chunk: string | Buffer): Promise<void>;
}

/**
 * Every download of the product streams through here, so that no client can hold the database: an export
 * runs on the read pool (ReadDatabase: the replica of DATABASE_READ_URL, if any) in a transaction of its own
 * connection under a statement timeout; it ends (and closes that connection, so PostgreSQL stops at once) when the client goes away or takes nothing for
 * `stallTimeoutMs`; at most `concurrency` run at once on the database (a session advisory lock per slot, held by
 * the export's connection; on a replica the slots count that replica's exports). A failure before the first byte is an ordinary
 * error response; after it, the response is destroyed (the client sees a broken download, never a
 * truncated file that looks complete) and the error logged once.
 */
@Injectable()
export class ExportStreams {
  private readonly logger = new Logger(ExportStreams.name);

  constructor(
    private readonly read: ReadDatabase,
    @Inject(EXPORT_LIMITS) private readonly limits: ExportLimits,
  ) {}

  /**
   * A CSV of `headers` and the rows of `query`, formatted by PostgreSQL's `COPY … TO STDOUT` (LF line
   * ends): its text columns must go through exportTextSql. COPY takes no parameters, so the rows are first
   * selected into a temporary table, in order, which a COPY of a table nobody else reads keeps. Resolves
   * to the number of rows sent, or null when the export stopped.
   */
  csvByCopy(res: Response, fileName: string, headers: readonly string[], query: ExportQuery): Promise<number | null> {
    return this.run(res, async ({ client, write }) => {
      await client.query(`CREATE TEMP TABLE export_rows ON COMMIT DROP AS ${query.sql}`, [...query.params]);
      setExportHeaders(res, fileName, 'csv');
      await write(CSV_BOM + csvLine(headers) + '\n');
      const copy = client.query(copyTo('COPY export_rows TO STDOUT (FORMAT csv)'));
      for await (const chunk of copy) await write(chunk as Buffer);
      return copy.rowCount;
    });
  }

  /**
   * The rows of `query`, read through a cursor a few thousand at a time, as a CSV (CRLF) or an .xlsx
   * workbook of `columns`. Resolves to the number of rows sent, or null when the export stopped.
   */
  table<T>(
    res: Response,
    format: ExportFormat,
    fileName: string,
    columns: readonly ExportColumn<T>[],
    query: ExportRowsQuery<T>,
  ): Promise<number | null> {
    return this.run(res, async ({ client, write }) => {
      await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${query.sql}`, [...query.params]);
      const fetch = async () => (await client.query(`FETCH ${FETCH_ROWS} FROM export_rows`)).rows.map(query.toRow);
      let rows = await fetch();
      setExportHeaders(res, fileName, format);
      let count = 0;
      if (format === 'csv') {
        await write(CSV_BOM + csvLine(columns.map((c) => c.header)) + '\r\n');
        for (;;) {
          count += rows.length;
          if (rows.length) await write(rows.map((r) => csvLine(columns.map((c) => c.value(r))) + '\r\n').join(''));
          if (rows.length < FETCH_ROWS) return count;
          rows = await fetch();
        }
      }
      // ExcelJS zips into `out` in pieces of a few bytes, which go on to the client 64 KiB at a time.
      let pieces: Buffer[] = [];
      let size = 0;
      const flush = (done: (error?: Error | null) => void) => {
        const chunk = Buffer.concat(pieces);
        pieces = [];
        size = 0;
        write(chunk).then(() => done(), done);
      };
      const out = new Writable({
        write: (piece: Buffer, _encoding, done) => {
          pieces.push(piece);
          size += piece.length;
          if (size < 65536) done();
          else flush(done);
        },
        final: (done) => (size ? flush(done) : done()),
      });
      const failed = new Promise<never>((_, reject) => out.on('error', reject));
      failed.catch(() => undefined);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet(fileName.slice(0, 31));
      sheet.addRow(columns.map((c) => c.header)).commit();
      for (;;) {
        count += rows.length;
        for (const row of rows) sheet.addRow(columns.map((c) => exportCell(c.value(row)))).commit();
        if (rows.length < FETCH_ROWS) break;
        // `failed` first: once the client is gone, no more rows are read.
        await Promise.race([failed, out.writableNeedDrain ? once(out, 'drain') : undefined]);
        rows = await fetch();
      }
      sheet.commit();
      await Promise.race([workbook.commit(), failed]);
      return count;
    });
  }

  private async run(res: Response, work: (session: Session) => Promise<number>): Promise<number | null> {
    const pool = (this.read.dataSource.driver as PostgresDriver).master as Pool;
    let client: PoolClient | undefined;
    let gone: ClientGone | undefined;
    // Closing the connection is what stops PostgreSQL, whether it computes the rows or waits to send them.
    const closeConnection = () => client?.connection.stream.destroy();
    const onClose = () => {
      if (res.writableFinished) return;
      gone ??= new ClientGone('the client went away');
      closeConnection();
    };
    res.on('close', onClose);
    // A connection PostgreSQL closes (idle-in-transaction timeout) fails the next query; it must not crash us.
    const ignore = () => undefined;
    const write = async (chunk: string | Buffer) => {
      if (gone) throw gone;
      if (res.write(chunk)) return;
      await new Promise<void>((resolve, reject) => {
        const settle = (error?: Error) => {
          clearTimeout(timer);
          res.off('drain', drained);
          res.off('close', closed);
          if (error) reject(error);
          else resolve();
        };
        const drained = () => settle();
        const closed = () => settle(gone ?? new ClientGone('the client went away'));
        const timer = setTimeout(() => {
          gone ??= new ClientGone(`the client took nothing for ${this.limits.stallTimeoutMs} ms`);
          settle(gone);
        }, this.limits.stallTimeoutMs);
        res.on('drain', drained);
        res.on('close', closed);
      });
    };
    try {
      client = await pool.connect();
      client.on('error', ignore);
      const slot = await this.takeSlot(client);
      if (slot === null) {
        client.release();
        client = undefined;
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        throw new HttpException(
          { message: `${this.limits.concurrency} exports are running: try again in ${RETRY_AFTER_SECONDS} s` },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
      if (gone) throw gone;
      await client.query('BEGIN');
      await client.query(
        `SET LOCAL statement_timeout = ${this.limits.statementTimeoutMs};
         SET LOCAL idle_in_transaction_session_timeout = ${2 * this.limits.stallTimeoutMs + 5000};
         SET LOCAL client_connection_check_interval = 1000`,
      );
      const rows = await work({ client, write });
      await client.query('COMMIT');
      await client.query('SELECT pg_advisory_unlock($1, $2)', [EXPORT_SLOT_LOCK, slot]);
      client.release();
      res.end();
      return rows;
    } catch (error) {
      // Never back to the pool: it may be mid-COPY or mid-transaction.
      closeConnection();
      client?.release(true);
      if (gone) {
        this.logger.warn(`export ${res.req.originalUrl} stopped: ${gone.message}`);
        res.destroy();
        return null;
      }
      if (!res.headersSent) throw error;
      this.logger.error(
        `export ${res.req.originalUrl} failed after its first bytes: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      res.destroy();
      return null;
    } finally {
      client?.off('error', ignore);
      res.off('close', onClose);
    }
  }

  /** Takes a free export slot of the database on `client`'s session; null when all are taken. */
  private async takeSlot(client: PoolClient): Promise<number | null> {
    for (let slot = 0; slot < this.limits.concurrency; slot++) {
      const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS taken', [
        EXPORT_SLOT_LOCK,
        slot,
      ]);
      if (rows[0].taken) return slot;
    }
    return null;
  }
}

import type { Response } from 'express';
import ExcelJS from 'exceljs';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes and waits for the client to take it when its buffer is full, so a long export stays in constant memory. */
async function write(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
}

function attachment(res: Response, fileName: string, format: ExportFormat): void {
  const name = `${fileName}.${format}`;
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

/**
 * Starts a CSV download: its headers, a BOM (so Excel reads Chinese) and the header line. The rows
 * follow, from sendTable (CRLF) or from PostgreSQL's COPY (LF, so `lineEnd` is '\n').
 */
export async function startCsv(
  res: Response,
  fileName: string,
  headers: readonly string[],
  lineEnd = '\r\n',
): Promise<void> {
  attachment(res, fileName, 'csv');
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  await write(res, '\uFEFF' + headers.map(csvField).join(',') + lineEnd);
}

/**
 * Streams `rows` to the client as a CSV or an .xlsx workbook, row by row: the rows come from an async
 * source that reads the database a chunk at a time.
 */
export async function sendTable<T>(
  res: Response,
  format: ExportFormat,
  fileName: string,
  columns: readonly ExportColumn<T>[],
  rows: AsyncIterable<T>,
): Promise<void> {
  if (format === 'csv') {
    await startCsv(
      res,
      fileName,
      columns.map((c) => c.header),
    );
    for await (const row of rows) await write(res, columns.map((c) => csvField(c.value(row))).join(',') + '\r\n');
    res.end();
    return;
  }
  attachment(res, fileName, 'xlsx');
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(fileName.slice(0, 31));
  sheet.addRow(columns.map((c) => c.header)).commit();
  for await (const row of rows) sheet.addRow(columns.map((c) => c.value(row))).commit();
  sheet.commit();
  await workbook.commit();
}

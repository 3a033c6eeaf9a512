import type { Response } from 'express';
import { neutraliseCell } from '@crm/shared/domain';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

/** A cell as written to a CSV or a workbook: text neutralised (no formulas), numbers as they are. */
export function exportCell(value: string | number | null): string | number | null {
  return typeof value === 'string' ? neutraliseCell(value) : value;
}

function csvField(value: string | number | null): string {
  const cell = exportCell(value);
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of `values` (without its line end), every text cell neutralised. */
export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',');
}

/** The first bytes of every CSV download: a BOM, so that Excel reads Chinese as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** The headers of a download of `fileName` as `format`. */
export function setExportHeaders(res: Response, fileName: string, format: ExportFormat): void {
  const name = `${fileName}.${format}`;
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  res.setHeader(
    'Content-Type',
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

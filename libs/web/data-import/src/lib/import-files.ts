import { IMPORT_COLUMNS, ImportKind, ImportRowError, neutraliseCell } from '@crm/shared/domain';
import { saveFile } from '@crm/web/core';

/** One CSV field, quoted when it holds a comma, a quote or a line break; text never reads as a formula. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header row of a kind of file: what the operator fills in. */
export function templateCsv(kind: ImportKind): string {
  return IMPORT_COLUMNS[kind].map((c) => c.name).join(',') + '\r\n';
}

/**
 * The error report as a CSV the operator can open next to the file they sent; `header` names its three columns
 * (row, field, message) and `text` gives each error's message, both in the reader's language (by default English).
 */
export function errorReportCsv(
  errors: readonly ImportRowError[],
  header: readonly [string, string, string] = ['row', 'field', 'message'],
  text: (error: ImportRowError) => string = (e) => e.message,
): string {
  const lines = [header.map(csvField).join(',')];
  for (const e of errors) lines.push([e.row, e.field, text(e)].map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Hands the browser a file to save. The BOM lets Excel read the Chinese text as UTF-8. */
export function saveCsv(fileName: string, csv: string): void {
  saveFile(fileName, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}

/** Text for PostgreSQL `COPY … (FORMAT csv)`: NULL is an empty unquoted field, every string is quoted. */
export type CsvValue = string | number | boolean | Date | null | undefined;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return `"${value.replace(/"/g, '""')}"`;
}

export function csvLine(values: CsvValue[]): string {
  return values.map(field).join(',') + '\n';
}

/** A PostgreSQL text[] literal: {"a","b"}. */
export function pgTextArray(items: string[]): string {
  return `{${items.map((i) => `"${i.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}

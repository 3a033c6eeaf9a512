/**
 * How a cell shows its value, in the app's display format (display-format.ts of @crm/shared/domain): dates
 * `2026-10-30`, times to the minute in China time, numbers grouped, money `¥916,904.48`, ratios as percentages.
 */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'money' | 'kva' | 'percent' | 'enum' | 'link';

/** One column of a `crm-data-table`. */
export interface TableColumn<T = never> {
  /** Names the column; a `crmCell` template with this key renders its cells instead of `kind`. */
  key: string;
  /** The header's i18n key; empty for a column without a header. */
  label: string;
  kind?: ColumnKind;
  /** The cell's value; the row's property `key` by default. Empty values show as `—`. */
  value?: (row: T) => unknown;
  /** A second, smaller line under the value (an account number under a name). */
  detail?: (row: T) => string | null | undefined;
  /** `enum`: the i18n prefix of the value's label (`stage.` shows `stage.<value>`). */
  labels?: string;
  /** `number`: its decimals (none by default). */
  digits?: number;
  /** `link`: the router link of the cell. */
  link?: (row: T) => readonly unknown[];
  /** The server's sort field; the header sorts when it is set. */
  sort?: string;
  width?: string;
  /** Numbers are right-aligned unless told otherwise. */
  align?: 'left' | 'right' | 'center';
  /** Left out on a phone (below 768px): a column that only repeats another as a picture. */
  phoneHidden?: boolean;
}

/** What a table does with each row. */
export interface TableRow<T> {
  /** The row's attributes, e.g. its `data-testid`. */
  attrs?: (row: T) => Record<string, string>;
  /** Where a click on the row goes. */
  link?: (row: T) => readonly unknown[];
  /** The row's CSS class. */
  class?: (row: T) => string;
}

/** What a table reads from a server-paged list (`pagedList()` of @crm/web/core). */
export interface TableList<T> {
  items: () => readonly T[];
  total: () => number;
  page: () => number;
  pageSize: () => number;
  loading: () => boolean;
  error: () => { message: string; details: readonly { field: string; message: string }[]; messageKey?: string } | null;
  retry(): void;
  sortOrder(field: string): 'ascend' | 'descend' | null;
  tableChange(params: { pageIndex: number; pageSize: number; sort: { key: string; value: string | null }[] }): void;
}

/** What a filter reads from a list: its filters, their change and the search box. */
export interface FilterList {
  filters: () => Partial<Record<string, string>>;
  setFilters(change: Partial<Record<string, string | null>>): void;
  searchText: () => string;
  typeSearch(text: string): void;
}

const NUMERIC: readonly ColumnKind[] = ['number', 'money', 'kva', 'percent'];

/** The cell alignment of a column. */
export function columnAlign(column: TableColumn<never>): 'left' | 'right' | 'center' | null {
  return column.align ?? (NUMERIC.includes(column.kind ?? 'text') ? 'right' : null);
}

/** The raw value of a cell. */
export function cellValue<T>(column: TableColumn<T>, row: T): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

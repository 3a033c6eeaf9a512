import { computed, Signal, signal } from '@angular/core';
import { TableList } from '@crm/web/ui';

/** Rows sorted by a field (`field` ascending, `-field` descending); text by the locale's order, nulls last. */
export function sortRows<T>(rows: readonly T[], sort: string | null): T[] {
  if (!sort) return [...rows];
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '') as keyof T;
  return [...rows].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x < y ? -1 : 1;
    return descending ? -order : order;
  });
}

/** Rows at hand as a `crm-data-table` list, sorted in the browser by the header clicked; all on one page. */
export class SortedRows<T> implements TableList<T> {
  private readonly sort = signal<string | null>(null);
  readonly items = computed(() => sortRows(this.rows(), this.sort()));
  readonly total = computed(() => this.rows().length);
  readonly page = () => 1;
  readonly pageSize = computed(() => Math.max(this.rows().length, 10));
  readonly loading = () => false;
  readonly error = () => null;

  constructor(private readonly rows: Signal<readonly T[]>) {}

  retry(): void {
    // Nothing to load again: the rows are at hand.
  }

  sortOrder(field: string): 'ascend' | 'descend' | null {
    const sort = this.sort();
    return sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;
  }

  tableChange(params: { sort: { key: string; value: string | null }[] }): void {
    const sorted = params.sort.find((s) => s.value);
    this.sort.set(sorted ? (sorted.value === 'descend' ? `-${sorted.key}` : sorted.key) : null);
  }
}

import { formatDate, formatNumber, formatPercent, NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  Directive,
  inject,
  input,
  LOCALE_ID,
  TemplateRef,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import { ErrorAlert } from '../error-alert/error-alert';
import { cellValue, columnAlign, TableColumn, TableList } from './table-column';

/** The cells of one column drawn by the page: `<ng-template crmCell="key" let-row>…</ng-template>`. */
@Directive({ selector: 'ng-template[crmCell]' })
export class CellDef {
  readonly key = input.required<string>({ alias: 'crmCell' });
  readonly template = inject<TemplateRef<{ $implicit: never }>>(TemplateRef);
}

/**
 * A table of rows described by columns: with `list`, a server-paged list (its page, page size, sort, loading and
 * load error with a retry); with `rows` alone, every row at once. Empty values show as `—`; cells a kind cannot
 * draw come from `crmCell` templates of the same key.
 */
@Component({
  selector: 'crm-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, RouterLink, TranslatePipe, NzTableModule, ErrorAlert],
  templateUrl: './data-table.html',
  styles: `
    :host {
      display: block;
    }
    .error {
      margin-bottom: 16px;
    }
    .clickable {
      cursor: pointer;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class DataTable {
  private readonly router = inject(Router);
  private readonly locale = inject(LOCALE_ID);
  readonly columns = input.required<readonly TableColumn[]>();
  /** A server-paged list; without one, `rows` are shown all at once. */
  readonly list = input<TableList<unknown>>();
  readonly rows = input<readonly unknown[]>([]);
  readonly size = input<'small' | 'middle' | 'default'>('middle');
  readonly sizeChanger = input(false);
  /** The text beside the pager (`nzShowTotal`). */
  readonly totalText = input<TemplateRef<{ $implicit: number; range: [number, number] }>>();
  readonly scrollX = input<string>();
  /** Each row's `data-testid`. */
  readonly rowTestId = input<(row: never) => string>();
  /** Where a click on a row goes. */
  readonly rowLink = input<(row: never) => readonly unknown[]>();
  /** Each row's CSS class. */
  readonly rowClass = input<(row: never) => string>();
  protected readonly pageSizes = [10, 20, 50, 100];
  protected readonly cells = contentChildren(CellDef);
  protected readonly templates = computed(() => new Map(this.cells().map((c) => [c.key(), c.template])));
  protected readonly data = computed(() => this.list()?.items() ?? this.rows());
  protected readonly scroll = computed(() => (this.scrollX() ? { x: this.scrollX() } : {}));
  protected readonly align = columnAlign;

  protected value(column: TableColumn, row: unknown): unknown {
    const value = cellValue(column, row as never);
    return value === '' ? null : value;
  }

  /** A value as its column's kind shows it. */
  protected text(column: TableColumn, value: unknown): string {
    const v = value as string & number;
    switch (column.kind) {
      case 'date':
        return formatDate(v, 'yyyy-MM-dd', this.locale);
      case 'datetime':
        return formatDate(v, 'yyyy-MM-dd HH:mm:ss', this.locale);
      case 'number':
        return formatNumber(v, this.locale, column.digits);
      case 'money':
        return formatNumber(v, this.locale, '1.2-2');
      case 'kva':
        return formatNumber(v, this.locale, '1.0-0');
      case 'percent':
        return formatPercent(v, this.locale, '1.0-1');
      default:
        return String(value);
    }
  }

  protected link(column: TableColumn, row: unknown): readonly unknown[] {
    return column.link?.(row as never) ?? [];
  }

  protected testId(row: unknown): string | null {
    return this.rowTestId()?.(row as never) ?? null;
  }

  protected rowClassOf(row: unknown): string {
    return [this.rowLink() ? 'clickable' : '', this.rowClass()?.(row as never) ?? ''].join(' ');
  }

  protected open(row: unknown): void {
    const link = this.rowLink()?.(row as never);
    if (link) void this.router.navigate(link as unknown[]);
  }
}

import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  Directive,
  effect,
  ElementRef,
  inject,
  input,
  Renderer2,
  TemplateRef,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { displayValue, readerLanguage } from '../display/display.pipe';
import { ErrorAlert } from '../error-alert/error-alert';
import { cellValue, columnAlign, TableColumn, TableList, TableRow } from './table-column';

/** The cells of one column drawn by the page: `<ng-template crmCell="key" let-row>…</ng-template>`. */
@Directive({ selector: 'ng-template[crmCell]' })
export class CellDef {
  readonly key = input.required<string>({ alias: 'crmCell' });
  readonly template = inject<TemplateRef<{ $implicit: never }>>(TemplateRef);
}

/** Sets the attributes of its element (a row's `data-testid` and the like). */
@Directive({ selector: '[crmAttrs]' })
export class Attrs {
  readonly attrs = input.required<Record<string, string>>({ alias: 'crmAttrs' });

  constructor() {
    const element = inject(ElementRef).nativeElement as Element;
    const renderer = inject(Renderer2);
    effect(() => {
      for (const [name, value] of Object.entries(this.attrs())) renderer.setAttribute(element, name, value);
    });
  }
}

/**
 * A table of rows described by columns: with `list`, a server-paged list (its page, page size, sort, loading and
 * load error with a retry: the error alone when there are no rows); with `rows`, rows at hand (paged in the browser when given a `pageSize`). Empty values show
 * as `—`; cells a kind cannot draw come from `crmCell` templates of the same key. With no rows, `empty` says what that
 * means and what to do (the generic "no data" without it), with `emptyAction` (a button) under it.
 */
@Component({
  selector: 'crm-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    NzEmptyModule,
    NzSkeletonModule,
    NzTableModule,
    Attrs,
    ErrorAlert,
  ],
  templateUrl: './data-table.html',
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .clickable {
      cursor: pointer;
    }
    /* In sight and wrapped however wide the table it stands in: a phone scrolls a wide table sideways. */
    .empty {
      display: block;
      position: sticky;
      left: 0;
      max-width: calc(100vw - 64px);
      white-space: normal;
    }
    .detail {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class DataTable {
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  readonly columns = input.required<readonly TableColumn[]>();
  /** A server-paged list; without one, `rows` are shown. */
  readonly list = input<TableList<unknown>>();
  readonly rows = input<readonly unknown[]>([]);
  /** Rows at hand: how many a page shows; all at once without it. */
  readonly pageSize = input<number>();
  /** Rows at hand: whether they are being loaded. */
  readonly loading = input(false);
  readonly row = input<TableRow<never>>({});
  readonly size = input<'small' | 'middle' | 'default'>('middle');
  /** The text beside the pager (`nzShowTotal`). */
  readonly totalText = input<TemplateRef<{ $implicit: number; range: [number, number] }>>();
  /** The i18n key of the text shown when there are no rows. */
  readonly empty = input<string>();
  /** What to do about no rows, under the `empty` text: e.g. a create button. */
  readonly emptyAction = input<TemplateRef<void>>();
  protected readonly pageSizes = [10, 20, 50, 100];
  protected readonly cells = contentChildren(CellDef);
  protected readonly templates = computed(() => new Map(this.cells().map((c) => [c.key(), c.template])));
  protected readonly data = computed(() => this.list()?.items() ?? this.rows());
  protected readonly align = columnAlign;
  protected readonly isLoading = computed(() => this.list()?.loading() ?? this.loading());

  protected value(column: TableColumn, row: unknown): unknown {
    const value = cellValue(column, row as never);
    return value === '' ? null : value;
  }

  /** A value as its column's kind shows it, in the display format of the reader's language. */
  protected text(column: TableColumn, value: unknown): string {
    const language = readerLanguage(this.translate);
    switch (column.kind) {
      case 'date':
      case 'datetime':
      case 'money':
      case 'percent':
        return displayValue(value, column.kind, language);
      case 'number':
        return displayValue(value, 'decimal', language, column.digits ?? 0);
      case 'kva':
        return displayValue(value, 'integer', language);
      default:
        return String(value);
    }
  }

  protected detail(column: TableColumn, row: unknown): string | null | undefined {
    return column.detail?.(row as never);
  }

  protected link(column: TableColumn, row: unknown): readonly unknown[] {
    return column.link?.(row as never) ?? [];
  }

  protected attrs(row: unknown): Record<string, string> {
    return this.row().attrs?.(row as never) ?? {};
  }

  protected rowClass(row: unknown): string {
    return [this.row().link ? 'clickable' : '', this.row().class?.(row as never) ?? ''].join(' ');
  }

  protected open(row: unknown): void {
    const link = this.row().link?.(row as never);
    if (link) void this.router.navigate(link as unknown[]);
  }
}

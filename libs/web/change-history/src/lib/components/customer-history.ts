import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { ChangeHistoryEntry } from '@crm/shared/domain';
import { ChangeHistoryApi } from '../change-history.api';
import { ChangeTable } from './change-table';

const PAGE_SIZE = 20;

/** The customer's change history, newest first, a page at a time. */
@Component({
  selector: 'crm-customer-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChangeTable],
  template: `
    <crm-change-table
      [items]="items()"
      [total]="total()"
      [page]="page()"
      [pageSize]="pageSize"
      [loading]="loading()"
      (pageChange)="load($event)"
    />
  `,
})
export class CustomerHistory {
  private readonly api = inject(ChangeHistoryApi);
  readonly customerId = input.required<string>();
  /** Changes whenever the customer was saved, so the history reloads. */
  readonly version = input<number>(0);

  protected readonly pageSize = PAGE_SIZE;
  protected readonly items = signal<ChangeHistoryEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly loading = signal(false);

  constructor() {
    effect(() => {
      this.customerId();
      this.version();
      void this.load(1);
    });
  }

  async load(page: number): Promise<void> {
    this.loading.set(true);
    try {
      const result = await this.api.ofCustomer(this.customerId(), page, PAGE_SIZE);
      this.items.set(result.items);
      this.total.set(result.total);
      this.page.set(page);
    } finally {
      this.loading.set(false);
    }
  }
}

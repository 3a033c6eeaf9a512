import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { CHANGE_ENTITY_TYPES, ChangeHistoryEntry, CustomerPage, Page, PersonRef } from '@crm/shared/domain';
import { httpParams, pagedList, ReferenceApi } from '@crm/web/core';
import { FilterBar, ListFilter, personOptions } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { firstValueFrom } from 'rxjs';
import { ChangeHistoryApi, ChangeHistoryQuery } from '../change-history.api';
import { ChangeTable } from '../components/change-table';

const PAGE_SIZE = 50;

/** `YYYY-MM-DD` of a picked day, in the browser's time zone. */
function day(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Admins and leadership read who changed what, by person, customer, kind of change and period; filters live in the URL. */
@Component({
  selector: 'crm-change-history-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, FilterBar, NzCardModule, NzDatePickerModule, NzSelectModule, ChangeTable],
  templateUrl: './change-history.page.html',
})
export class ChangeHistoryPage implements OnInit {
  private readonly api = inject(ChangeHistoryApi);
  private readonly http = inject(HttpClient);
  private readonly reference = inject(ReferenceApi);

  protected readonly list = pagedList({
    filters: { actorId: {}, customerId: {}, entityType: { allowed: CHANGE_ENTITY_TYPES }, from: {}, to: {} },
    pageSize: PAGE_SIZE,
    fetch: (query) => this.load(query),
  });
  /** The people to filter by: the account managers, and whoever was clicked in the table. */
  protected readonly people = signal<PersonRef[]>([]);
  protected readonly filters = computed((): ListFilter[] => [
    {
      key: 'actorId',
      placeholder: 'changeHistory.actor',
      options: personOptions(this.people()),
      searchable: true,
      testId: 'filter-actor',
    },
    {
      key: 'entityType',
      placeholder: 'changeHistory.what',
      options: CHANGE_ENTITY_TYPES,
      labels: 'changeHistory.entity.',
      testId: 'filter-entity',
    },
  ]);
  protected readonly customers = signal<{ id: string; name: string }[]>([]);
  protected readonly range = computed(() => {
    const { from, to } = this.list.query();
    return from && to ? [new Date(`${from}T00:00`), new Date(`${to}T00:00`)] : [];
  });

  ngOnInit(): void {
    void this.reference
      .managers()
      .then((managers) =>
        this.people.update((known) => [...known, ...managers.filter((m) => !known.some((k) => k.id === m.id))]),
      );
  }

  filterByActor(actor: PersonRef): void {
    this.people.update((known) => (known.some((k) => k.id === actor.id) ? known : [actor, ...known]));
    this.list.setFilters({ actorId: actor.id });
  }

  /** The range's end day is included: the API's `to` is exclusive, so the URL keeps the picked days. */
  pickRange(range: Date[] | null): void {
    this.list.setFilters(
      range?.length === 2 ? { from: day(range[0]), to: day(range[1]) } : { from: undefined, to: undefined },
    );
  }

  async searchCustomers(search: string): Promise<void> {
    if (search.trim().length < 2) return;
    const params = httpParams({ search: search.trim(), pageSize: 20 });
    const page = await firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params }));
    this.customers.set(page.items.map((c) => ({ id: c.id, name: `${c.name} (${c.accountNo})` })));
  }

  private async load(q: ChangeHistoryQuery): Promise<Page<ChangeHistoryEntry>> {
    const to = q.to ? day(new Date(new Date(`${q.to}T00:00`).getTime() + 86_400_000)) : undefined;
    const result = await this.api.list({ ...q, to });
    const customer = result.items.find((e) => e.customer?.id === q.customerId)?.customer;
    if (customer && !this.customers().some((c) => c.id === customer.id))
      this.customers.update((list) => [{ id: customer.id, name: `${customer.name} (${customer.accountNo})` }, ...list]);
    return result;
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { CHANGE_ENTITY_TYPES, ChangeHistoryEntry, CustomerPage, PersonRef } from '@crm/shared/domain';
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
  imports: [FormsModule, TranslatePipe, NzCardModule, NzDatePickerModule, NzSelectModule, ChangeTable],
  template: `
    <nz-card [nzTitle]="'changeHistory.title' | translate">
      <div class="filters">
        <nz-select
          [ngModel]="query().actorId ?? null"
          (ngModelChange)="filter({ actorId: $event ?? undefined })"
          nzAllowClear
          nzShowSearch
          [nzPlaceHolder]="'changeHistory.actor' | translate"
          data-testid="filter-actor"
        >
          @for (p of people(); track p.id) {
            <nz-option [nzValue]="p.id" [nzLabel]="p.displayName" />
          }
        </nz-select>
        <nz-select
          [ngModel]="query().customerId ?? null"
          (ngModelChange)="filter({ customerId: $event ?? undefined })"
          nzAllowClear
          nzShowSearch
          nzServerSearch
          (nzOnSearch)="searchCustomers($event)"
          [nzPlaceHolder]="'changeHistory.customer' | translate"
          data-testid="filter-customer"
        >
          @for (c of customers(); track c.id) {
            <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
          }
        </nz-select>
        <nz-select
          [ngModel]="query().entityType ?? null"
          (ngModelChange)="filter({ entityType: $event ?? undefined })"
          nzAllowClear
          [nzPlaceHolder]="'changeHistory.what' | translate"
          data-testid="filter-entity"
        >
          @for (type of entityTypes; track type) {
            <nz-option [nzValue]="type" [nzLabel]="'changeHistory.entity.' + type | translate" />
          }
        </nz-select>
        <nz-range-picker [ngModel]="range()" (ngModelChange)="pickRange($event)" />
      </div>
      <crm-change-table
        [items]="items()"
        [total]="total()"
        [page]="query().page"
        [pageSize]="query().pageSize"
        [loading]="loading()"
        [showCustomer]="true"
        (pageChange)="navigate({ page: $event })"
        (actorClick)="filterByActor($event)"
      />
    </nz-card>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 16px;
    }
    .filters nz-select {
      width: 200px;
    }
  `,
})
export class ChangeHistoryPage implements OnInit {
  private readonly api = inject(ChangeHistoryApi);
  private readonly http = inject(HttpClient);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly entityTypes = CHANGE_ENTITY_TYPES;
  protected readonly query = signal<ChangeHistoryQuery>({ page: 1, pageSize: PAGE_SIZE });
  protected readonly items = signal<ChangeHistoryEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  /** The people to filter by: the account managers, and whoever was clicked in the table. */
  protected readonly people = signal<PersonRef[]>([]);
  protected readonly customers = signal<{ id: string; name: string }[]>([]);
  protected readonly range = signal<Date[]>([]);

  ngOnInit(): void {
    const subscription = this.route.queryParamMap.subscribe((params) => {
      const q: ChangeHistoryQuery = {
        actorId: params.get('actorId') ?? undefined,
        customerId: params.get('customerId') ?? undefined,
        entityType: (params.get('entityType') as ChangeHistoryQuery['entityType']) ?? undefined,
        from: params.get('from') ?? undefined,
        to: params.get('to') ?? undefined,
        page: Number(params.get('page') ?? 1),
        pageSize: PAGE_SIZE,
      };
      this.query.set(q);
      this.range.set(q.from && q.to ? [new Date(`${q.from}T00:00`), new Date(`${q.to}T00:00`)] : []);
      void this.load(q);
    });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
    void firstValueFrom(this.http.get<PersonRef[]>('/api/managers')).then((managers) =>
      this.people.update((known) => [...known, ...managers.filter((m) => !known.some((k) => k.id === m.id))]),
    );
  }

  filter(change: Partial<ChangeHistoryQuery>): void {
    this.navigate({ ...change, page: 1 });
  }

  filterByActor(actor: PersonRef): void {
    this.people.update((known) => (known.some((k) => k.id === actor.id) ? known : [actor, ...known]));
    this.filter({ actorId: actor.id });
  }

  /** The range's end day is included: the API's `to` is exclusive, so the URL keeps the picked days. */
  pickRange(range: Date[] | null): void {
    this.filter(range?.length === 2 ? { from: day(range[0]), to: day(range[1]) } : { from: undefined, to: undefined });
  }

  async searchCustomers(search: string): Promise<void> {
    if (search.trim().length < 2) return;
    const params = new HttpParams().set('search', search.trim()).set('pageSize', 20);
    const page = await firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params }));
    this.customers.set(page.items.map((c) => ({ id: c.id, name: `${c.name} (${c.accountNo})` })));
  }

  navigate(change: Partial<ChangeHistoryQuery>): void {
    const q = { ...this.query(), ...change };
    void this.router.navigate([], {
      queryParams: {
        actorId: q.actorId ?? null,
        customerId: q.customerId ?? null,
        entityType: q.entityType ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        page: q.page === 1 ? null : q.page,
      },
    });
  }

  private async load(q: ChangeHistoryQuery): Promise<void> {
    this.loading.set(true);
    try {
      const to = q.to ? day(new Date(new Date(`${q.to}T00:00`).getTime() + 86_400_000)) : undefined;
      const result = await this.api.list({ ...q, to });
      this.items.set(result.items);
      this.total.set(result.total);
      const customer = result.items.find((e) => e.customer?.id === q.customerId)?.customer;
      if (customer && !this.customers().some((c) => c.id === customer.id))
        this.customers.update((list) => [
          { id: customer.id, name: `${customer.name} (${customer.accountNo})` },
          ...list,
        ]);
    } finally {
      this.loading.set(false);
    }
  }
}

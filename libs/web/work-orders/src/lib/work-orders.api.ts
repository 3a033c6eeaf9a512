import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Customer,
  CustomerPage,
  Page,
  WorkOrderChannel,
  WorkOrderEventView,
  WorkOrderLimitView,
  WorkOrderListItem,
  WorkOrderReference,
  WorkOrderTopic,
  WorkOrderType,
  WorkOrderView,
} from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import type { ExportChoice } from '@crm/web/ui';
import { firstValueFrom, shareReplay } from 'rxjs';

export const REQUEST_FILTERS = [
  'state',
  'type',
  'channel',
  'topic',
  'sla',
  'customerId',
  'managerId',
  'from',
  'to',
  'q',
  'escalated',
  'contradicted',
  'contactClock',
  'resolutionClock',
  'satisfaction',
  'rated',
  'urged',
] as const;
export type RequestQuery = ListQuery<(typeof REQUEST_FILTERS)[number]>;

export interface NewRequest {
  channel: WorkOrderChannel;
  type: WorkOrderType;
  topic: WorkOrderTopic | null;
  summary: string;
  receivedAt?: string;
  externalRef: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export type LimitChange = Pick<WorkOrderLimitView, 'resolutionStartsAt'> & {
  contactAmount: number;
  contactUnit: WorkOrderLimitView['contact']['unit'];
  resolutionAmount: number;
  resolutionUnit: WorkOrderLimitView['resolution']['unit'];
};

/** Every HTTP call of the requests pages. */
@Injectable({ providedIn: 'root' })
export class WorkOrdersApi {
  private readonly http = inject(HttpClient);
  /** The reference data changes only with a release: loaded once. */
  private readonly reference$ = this.http.get<WorkOrderReference>('/api/requests/reference').pipe(shareReplay(1));

  list(query: Partial<RequestQuery>): Promise<Page<WorkOrderListItem>> {
    return firstValueFrom(this.http.get<Page<WorkOrderListItem>>('/api/requests', { params: httpParams(query) }));
  }

  get(id: string): Promise<WorkOrderView> {
    return firstValueFrom(this.http.get<WorkOrderView>(`/api/requests/${id}`, OWN_ERRORS));
  }

  events(id: string): Promise<WorkOrderEventView[]> {
    return firstValueFrom(this.http.get<WorkOrderEventView[]>(`/api/requests/${id}/events`));
  }

  create(customerId: string, body: NewRequest): Promise<WorkOrderView> {
    return firstValueFrom(this.http.post<WorkOrderView>(`/api/customers/${customerId}/requests`, body, OWN_ERRORS));
  }

  /** One step of an order: contact, handle, callback or urge. */
  step(id: string, step: 'contact' | 'handle' | 'callback' | 'urge', body: object): Promise<WorkOrderView> {
    return firstValueFrom(this.http.post<WorkOrderView>(`/api/requests/${id}/${step}`, body, OWN_ERRORS));
  }

  reference(): Promise<WorkOrderReference> {
    return firstValueFrom(this.reference$);
  }

  limits(): Promise<WorkOrderLimitView[]> {
    return firstValueFrom(this.http.get<WorkOrderLimitView[]>('/api/requests/limits'));
  }

  updateLimit(id: string, body: LimitChange): Promise<WorkOrderLimitView> {
    return firstValueFrom(this.http.put<WorkOrderLimitView>(`/api/requests/limits/${id}`, body, OWN_ERRORS));
  }

  /** The filtered list as a CSV or .xlsx file, in the language chosen or raw. */
  export(filters: Partial<RequestQuery>, choice: ExportChoice): Promise<Blob> {
    return firstValueFrom(
      this.http.get('/api/requests/export', {
        params: httpParams({ ...filters, ...choice }),
        responseType: 'blob',
      }),
    );
  }

  async customer(id: string): Promise<{ id: string; name: string; accountNo: string }> {
    const c = await firstValueFrom(this.http.get<Customer>(`/api/customers/${id}`));
    return { id: c.id, name: c.name, accountNo: c.accountNo };
  }

  /** Customers whose name, account number, credit code or phone matches `search`. */
  async customers(search: string): Promise<{ id: string; name: string; accountNo: string }[]> {
    const params = httpParams({ search, pageSize: 20 });
    const page = await firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params }));
    return page.items.map((c) => ({ id: c.id, name: c.name, accountNo: c.accountNo }));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Customer, CustomerPage, CustomerUpdate, Handover, NewCustomer } from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

export const CUSTOMER_FILTERS = [
  'search',
  'stage',
  'voltageKv',
  'industry',
  'region',
  'managerId',
  'inService',
  'creditRating',
  'blacklisted',
] as const;
export type CustomerQuery = ListQuery<(typeof CUSTOMER_FILTERS)[number]>;

/** Every HTTP call of the customer pages. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  list(query: CustomerQuery): Promise<CustomerPage> {
    return firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params: httpParams(query) }));
  }

  get(id: string): Promise<Customer> {
    return firstValueFrom(this.http.get<Customer>(`/api/customers/${id}`, OWN_ERRORS));
  }

  create(body: NewCustomer): Promise<Customer> {
    return firstValueFrom(this.http.post<Customer>('/api/customers', body, OWN_ERRORS));
  }

  update(id: string, body: CustomerUpdate): Promise<Customer> {
    return firstValueFrom(this.http.patch<Customer>(`/api/customers/${id}`, body, OWN_ERRORS));
  }

  handover(id: string, body: Handover): Promise<Customer> {
    return firstValueFrom(this.http.post<Customer>(`/api/customers/${id}/handover`, body, OWN_ERRORS));
  }
}

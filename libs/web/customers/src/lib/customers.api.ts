import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  Customer,
  CustomerPage,
  CustomerUpdate,
  Handover,
  Industry,
  NewCustomer,
  PersonRef,
  TimelineEntry,
} from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

export interface Region {
  code: string;
  nameZh: string;
  nameEn: string;
}

export type Manager = PersonRef & { username: string };

export interface CustomerQuery {
  search?: string;
  stage?: string;
  voltageKv?: number;
  industry?: string;
  region?: string;
  managerId?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

/** Requests whose errors the page shows itself (next to the form), not as a global message. */
const OWN_ERRORS = { headers: new HttpHeaders({ 'X-Handle-Errors': '1' }) };

/** Every HTTP call of the customer pages. */
@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);

  list(query: CustomerQuery): Promise<CustomerPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<CustomerPage>('/api/customers', { params }));
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

  timeline(id: string): Promise<TimelineEntry[]> {
    return firstValueFrom(this.http.get<TimelineEntry[]>(`/api/customers/${id}/timeline`));
  }

  handover(id: string, body: Handover): Promise<Customer> {
    return firstValueFrom(this.http.post<Customer>(`/api/customers/${id}/handover`, body, OWN_ERRORS));
  }

  industries(): Promise<Industry[]> {
    return firstValueFrom(this.http.get<Industry[]>('/api/reference/industries'));
  }

  regions(): Promise<Region[]> {
    return firstValueFrom(this.http.get<Region[]>('/api/reference/regions'));
  }

  managers(): Promise<Manager[]> {
    return firstValueFrom(this.http.get<Manager[]>('/api/managers'));
  }
}

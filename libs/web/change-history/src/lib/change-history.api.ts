import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ChangeEntityType, ChangeHistoryEntry, Page } from '@crm/shared/domain';
import { firstValueFrom } from 'rxjs';

export interface ChangeHistoryQuery {
  actorId?: string;
  customerId?: string;
  entityType?: ChangeEntityType;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

function params(query: object): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') p = p.set(key, String(value));
  }
  return p;
}

/** Every HTTP call of the change history. */
@Injectable({ providedIn: 'root' })
export class ChangeHistoryApi {
  private readonly http = inject(HttpClient);

  ofCustomer(customerId: string, page: number, pageSize: number): Promise<Page<ChangeHistoryEntry>> {
    return firstValueFrom(
      this.http.get<Page<ChangeHistoryEntry>>(`/api/customers/${customerId}/history`, {
        params: params({ page, pageSize }),
      }),
    );
  }

  list(query: ChangeHistoryQuery): Promise<Page<ChangeHistoryEntry>> {
    return firstValueFrom(this.http.get<Page<ChangeHistoryEntry>>('/api/change-history', { params: params(query) }));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ChangeHistoryEntry, Page, TimelineEntry } from '@crm/shared/domain';
import { httpParams, ListQuery } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

export type ChangeHistoryQuery = ListQuery<'actorId' | 'customerId' | 'entityType' | 'from' | 'to'>;

/** Every HTTP call of the change history. */
@Injectable({ providedIn: 'root' })
export class ChangeHistoryApi {
  private readonly http = inject(HttpClient);

  ofCustomer(customerId: string, query: ListQuery<never>): Promise<Page<ChangeHistoryEntry>> {
    return firstValueFrom(
      this.http.get<Page<ChangeHistoryEntry>>(`/api/customers/${customerId}/history`, { params: httpParams(query) }),
    );
  }

  /** The customer's timeline: what happened to it, newest first. */
  timeline(customerId: string): Promise<TimelineEntry[]> {
    return firstValueFrom(this.http.get<TimelineEntry[]>(`/api/customers/${customerId}/timeline`));
  }

  list(query: ChangeHistoryQuery): Promise<Page<ChangeHistoryEntry>> {
    return firstValueFrom(
      this.http.get<Page<ChangeHistoryEntry>>('/api/change-history', { params: httpParams(query) }),
    );
  }
}

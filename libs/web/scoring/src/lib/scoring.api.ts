import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  CreditListEntry,
  CreditSummary,
  CustomerScores,
  Page,
  ScoringJob,
  ScoringModel,
  ScoringModelFields,
  ScoringPreview,
  VipListEntry,
  VipSummary,
} from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import type { ExportChoice } from '@crm/web/ui';
import { firstValueFrom } from 'rxjs';

export type ScoreFilter = Partial<Record<'tier' | 'rating' | 'region' | 'industry' | 'managerId', string>>;

/** Every HTTP call of the scoring pages (API.md, "Scores"). */
@Injectable({ providedIn: 'root' })
export class ScoringApi {
  private readonly http = inject(HttpClient);

  customerScores(customerId: string): Promise<CustomerScores> {
    return firstValueFrom(this.http.get<CustomerScores>(`/api/customers/${customerId}/scores`));
  }

  vip(query: ListQuery<keyof ScoreFilter>): Promise<Page<VipListEntry>> {
    return firstValueFrom(this.http.get<Page<VipListEntry>>('/api/vip', { params: httpParams(query) }));
  }

  vipSummary(filter: ScoreFilter): Promise<VipSummary> {
    return firstValueFrom(this.http.get<VipSummary>('/api/vip/summary', { params: httpParams(filter) }));
  }

  /** The filtered VIP list as a CSV or .xlsx file, in the language chosen or raw. */
  async exportVip(filter: ScoreFilter, choice: ExportChoice): Promise<Blob> {
    return firstValueFrom(
      this.http.get('/api/vip/export', { params: httpParams({ ...filter, ...choice }), responseType: 'blob' }),
    );
  }

  creditSummary(filter: ScoreFilter): Promise<CreditSummary> {
    return firstValueFrom(this.http.get<CreditSummary>('/api/credit/summary', { params: httpParams(filter) }));
  }

  creditList(list: 'blacklist' | 'downgrades', query: ListQuery<'rating' | 'region'>): Promise<Page<CreditListEntry>> {
    return firstValueFrom(this.http.get<Page<CreditListEntry>>(`/api/credit/${list}`, { params: httpParams(query) }));
  }

  models(): Promise<ScoringModel[]> {
    return firstValueFrom(this.http.get<ScoringModel[]>('/api/scoring/models'));
  }

  saveModel(fields: ScoringModelFields): Promise<ScoringModel> {
    return firstValueFrom(this.http.post<ScoringModel>('/api/scoring/models', fields, OWN_ERRORS));
  }

  preview(fields: ScoringModelFields): Promise<ScoringPreview> {
    return firstValueFrom(this.http.post<ScoringPreview>('/api/scoring/models/preview', fields, OWN_ERRORS));
  }

  recompute(): Promise<{ jobId: string }> {
    return firstValueFrom(this.http.post<{ jobId: string }>('/api/scoring/recompute', {}));
  }

  job(jobId: string): Promise<ScoringJob> {
    return firstValueFrom(this.http.get<ScoringJob>(`/api/scoring/jobs/${jobId}`));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AuditFigures,
  AuditFindingAction,
  AuditFindingPage,
  AuditFindingView,
  AuditRuleChange,
  AuditRuleCode,
  AuditRuleView,
  AuditRunView,
  WorkOrderReference,
} from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom, shareReplay } from 'rxjs';

export const FINDING_FILTERS = ['rule', 'state', 'severity', 'managerId', 'customerId', 'overdue'] as const;
export type FindingQuery = ListQuery<(typeof FINDING_FILTERS)[number]>;

/** Every HTTP call of the marketing-audit pages (API.md "Marketing audit"). */
@Injectable({ providedIn: 'root' })
export class MarketingAuditApi {
  private readonly http = inject(HttpClient);
  /** The names of work-order types, for the evidence of the rules about orders: loaded once. */
  private readonly orderReference$ = this.http.get<WorkOrderReference>('/api/requests/reference').pipe(shareReplay(1));

  rules(): Promise<AuditRuleView[]> {
    return firstValueFrom(this.http.get<AuditRuleView[]>('/api/marketing-audit/rules'));
  }

  /** The rules for their names alone: a failure is not shown (the pages fall back to the codes). */
  ruleNames(): Promise<AuditRuleView[]> {
    return firstValueFrom(this.http.get<AuditRuleView[]>('/api/marketing-audit/rules', OWN_ERRORS));
  }

  updateRule(code: AuditRuleCode, change: AuditRuleChange): Promise<AuditRuleView> {
    return firstValueFrom(this.http.put<AuditRuleView>(`/api/marketing-audit/rules/${code}`, change, OWN_ERRORS));
  }

  /** Starts a run now; the job's id to follow. */
  startRun(): Promise<{ jobId: string }> {
    return firstValueFrom(this.http.post<{ jobId: string }>('/api/marketing-audit/runs', {}, OWN_ERRORS));
  }

  run(jobId: string): Promise<AuditRunView> {
    return firstValueFrom(this.http.get<AuditRunView>(`/api/marketing-audit/runs/${jobId}`, OWN_ERRORS));
  }

  /** The latest runs (at most 20), newest first. */
  runs(): Promise<AuditRunView[]> {
    return firstValueFrom(this.http.get<AuditRunView[]>('/api/marketing-audit/runs'));
  }

  findings(query: Partial<FindingQuery>): Promise<AuditFindingPage> {
    return firstValueFrom(
      this.http.get<AuditFindingPage>('/api/marketing-audit/findings', { params: httpParams(query) }),
    );
  }

  finding(id: string): Promise<AuditFindingView> {
    return firstValueFrom(this.http.get<AuditFindingView>(`/api/marketing-audit/findings/${id}`, OWN_ERRORS));
  }

  act(id: string, action: AuditFindingAction, body: { note: string; version: number }): Promise<AuditFindingView> {
    return firstValueFrom(
      this.http.post<AuditFindingView>(`/api/marketing-audit/findings/${id}/${action}`, body, OWN_ERRORS),
    );
  }

  figures(months: number): Promise<AuditFigures> {
    return firstValueFrom(
      this.http.get<AuditFigures>('/api/marketing-audit/figures', { params: httpParams({ months }) }),
    );
  }

  orderReference(): Promise<WorkOrderReference> {
    return firstValueFrom(this.orderReference$);
  }
}

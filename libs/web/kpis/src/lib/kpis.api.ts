import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { KpiCatalogueEntry, KpiCode, KpiView, ManagerLeagueRow } from '@crm/shared/domain';
import { httpParams, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

/** The cockpit's filters: the month and optionally a region and an account manager. */
export interface KpiQuery {
  period: string;
  region?: string;
  managerId?: string;
}

/** A snapshot job: its state (running, completed, failed) and progress 0..100. */
export interface KpiSnapshotRun {
  state: string;
  progress: number;
  period: string;
}

/** The HTTP calls of the cockpit and the glossary (API.md "KPIs"). */
@Injectable({ providedIn: 'root' })
export class KpisApi {
  private readonly http = inject(HttpClient);

  catalogue(): Promise<KpiCatalogueEntry[]> {
    return firstValueFrom(this.http.get<KpiCatalogueEntry[]>('/api/kpis/catalogue', OWN_ERRORS));
  }

  view(query: KpiQuery): Promise<KpiView> {
    return firstValueFrom(this.http.get<KpiView>('/api/kpis', { ...OWN_ERRORS, params: httpParams(query) }));
  }

  /** Every account manager of the region (the cockpit highlights the manager it is filtered by rather than filter). */
  league(query: { period: string; region?: string; sort?: string }): Promise<ManagerLeagueRow[]> {
    return firstValueFrom(
      this.http.get<ManagerLeagueRow[]>('/api/kpis/managers', { ...OWN_ERRORS, params: httpParams(query) }),
    );
  }

  /** Queues the recomputation of the month's snapshot (the current month: a refresh now). */
  refresh(period: string): Promise<{ jobId: string }> {
    return firstValueFrom(this.http.post<{ jobId: string }>('/api/kpis/snapshots', { period }, OWN_ERRORS));
  }

  snapshotRun(jobId: string): Promise<KpiSnapshotRun> {
    return firstValueFrom(this.http.get<KpiSnapshotRun>(`/api/kpis/snapshots/${jobId}`, OWN_ERRORS));
  }

  setTarget(code: KpiCode, target: number | null, version: number): Promise<unknown> {
    return firstValueFrom(this.http.put(`/api/kpis/targets/${code}`, { target, version }, OWN_ERRORS));
  }
}

import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApplicationListItem,
  ApplicationType,
  ApplicationView,
  CalendarYear,
  LifecycleReport,
  LifecycleStepDefinition,
  Page,
} from '@crm/shared/domain';
import { httpParams, ListQuery, OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

export type ApplicationQuery = ListQuery<
  'status' | 'sla' | 'type' | 'customerId' | 'managerId' | 'region' | 'completedFrom' | 'completedTo'
>;

export interface NewApplication {
  type: ApplicationType;
  requestedCapacityKva?: number;
  dualSupply?: boolean;
  newOwnerName?: string;
  receivedAt?: string;
}

/** Every HTTP call of the lifecycle pages: applications, step table, calendar, report. */
@Injectable({ providedIn: 'root' })
export class LifecycleApi {
  private readonly http = inject(HttpClient);

  list(query: ApplicationQuery): Promise<Page<ApplicationListItem>> {
    return firstValueFrom(this.http.get<Page<ApplicationListItem>>('/api/applications', { params: httpParams(query) }));
  }

  get(id: string): Promise<ApplicationView> {
    return firstValueFrom(this.http.get<ApplicationView>(`/api/applications/${id}`, OWN_ERRORS));
  }

  create(customerId: string, body: NewApplication): Promise<ApplicationView> {
    return firstValueFrom(
      this.http.post<ApplicationView>(`/api/customers/${customerId}/applications`, body, OWN_ERRORS),
    );
  }

  advance(id: string, body: { note?: string; completedAt?: string; step: string }): Promise<ApplicationView> {
    return firstValueFrom(this.http.post<ApplicationView>(`/api/applications/${id}/advance`, body, OWN_ERRORS));
  }

  cancel(id: string, reason: string): Promise<ApplicationView> {
    return firstValueFrom(this.http.post<ApplicationView>(`/api/applications/${id}/cancel`, { reason }, OWN_ERRORS));
  }

  steps(): Promise<LifecycleStepDefinition[]> {
    return firstValueFrom(this.http.get<LifecycleStepDefinition[]>('/api/lifecycle/steps'));
  }

  updateStep(d: LifecycleStepDefinition): Promise<LifecycleStepDefinition[]> {
    const { nameZh, nameEn, slaWorkingDays, slaWorkingDaysDualSupply } = d;
    return firstValueFrom(
      this.http.put<LifecycleStepDefinition[]>(`/api/lifecycle/steps/${d.applicationType}/${d.code}`, {
        nameZh,
        nameEn,
        slaWorkingDays,
        slaWorkingDaysDualSupply,
      }),
    );
  }

  report(from?: string, to?: string): Promise<LifecycleReport> {
    return firstValueFrom(
      this.http.get<LifecycleReport>('/api/lifecycle/report', { params: httpParams({ from, to }) }),
    );
  }

  calendar(year: number): Promise<CalendarYear> {
    return firstValueFrom(this.http.get<CalendarYear>(`/api/calendar/${year}`));
  }

  /** Replaces a year's holidays and make-up working days by those of the State Council's notice. */
  enterNotice(year: number, text: string): Promise<CalendarYear> {
    return firstValueFrom(this.http.post<CalendarYear>(`/api/calendar/${year}/notice`, { text }, OWN_ERRORS));
  }

  packageYears(): Promise<number[]> {
    return firstValueFrom(this.http.get<number[]>('/api/calendar/package-years'));
  }

  loadYear(year: number): Promise<CalendarYear> {
    return firstValueFrom(this.http.post<CalendarYear>(`/api/calendar/${year}/load`, {}));
  }

  setDay(date: string, working: boolean, name: string): Promise<CalendarYear> {
    return firstValueFrom(this.http.put<CalendarYear>(`/api/calendar/days/${date}`, { working, name }));
  }

  clearDay(date: string): Promise<CalendarYear> {
    return firstValueFrom(this.http.delete<CalendarYear>(`/api/calendar/days/${date}`));
  }
}

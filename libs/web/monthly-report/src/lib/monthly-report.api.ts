import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { MonthlyReport, MonthlyReportSummary, ReportLang } from '@crm/shared/domain';
import { OWN_ERRORS } from '@crm/web/core';
import { firstValueFrom } from 'rxjs';

/** The monthly reports' HTTP calls (API.md "KPIs", `/api/kpis/reports`). */
@Injectable({ providedIn: 'root' })
export class MonthlyReportApi {
  private readonly http = inject(HttpClient);

  /** The kept months, newest first. */
  list(): Promise<MonthlyReportSummary[]> {
    return firstValueFrom(this.http.get<MonthlyReportSummary[]>('/api/kpis/reports'));
  }

  report(period: string): Promise<MonthlyReport> {
    return firstValueFrom(this.http.get<MonthlyReport>(`/api/kpis/reports/${period}`, OWN_ERRORS));
  }

  /** Generates (or regenerates) the report of a closed month. */
  generate(period: string): Promise<MonthlyReport> {
    return firstValueFrom(this.http.post<MonthlyReport>(`/api/kpis/reports/${period}`, {}, OWN_ERRORS));
  }

  xlsx(period: string, lang: ReportLang): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`/api/kpis/reports/${period}/xlsx`, { params: { lang }, responseType: 'blob' }),
    );
  }

  /** The report's own texts in `lang`, whatever the UI language: the printed report is Chinese by default. */
  texts(lang: ReportLang): Promise<ReportTexts> {
    return firstValueFrom(this.http.get<ReportTexts>(`/i18n/monthly-report.${lang}.json`));
  }
}

/** A translation file: nested objects of texts. */
export interface ReportTexts {
  [key: string]: string | ReportTexts;
}

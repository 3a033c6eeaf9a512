import { HttpClient, HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { describeHttpError, OWN_ERRORS } from '@crm/web/core';
import { DataTable, DisplayPipe, MessagePipe, TableColumn } from '@crm/web/ui';
import {
  ApiError,
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  ImportKind,
  ImportReport,
  ImportRowError,
  messageText,
} from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { errorReportCsv, saveCsv, templateCsv } from './import-files';

/** Where an import is: sending the file (streamed into the database as it arrives), then checking and applying. */
type Phase = 'idle' | 'uploading' | 'applying' | 'done';

/** The answer shown under the form: a report (200 or 422), or a refusal of the file as a whole (400). */
type Outcome = { kind: 'report'; imported: boolean; report: ImportReport } | { kind: 'problem'; problem: ApiError };

/**
 * Admins import CSV files from the billing and metering systems: pick the kind, see its columns (and download
 * them as a template), send the file with a progress bar, read the report and download its errors.
 */
@Component({
  selector: 'crm-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    TranslatePipe,
    MessagePipe,
    DisplayPipe,
    DataTable,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzIconModule,
    NzProgressModule,
    NzRadioModule,
    NzStatisticModule,
    NzTagModule,
  ],
  templateUrl: './import.page.html',
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
    }
    .columns,
    .file,
    .errors-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-top: 16px;
    }
    .label {
      margin-right: 4px;
    }
    .progress {
      margin-top: 16px;
      max-width: 640px;
    }
    .phase {
      color: rgba(0, 0, 0, 0.45);
    }
    .result {
      margin-top: 16px;
    }
    .figures {
      display: flex;
      gap: 48px;
      margin: 16px 0;
    }
    .errors-head h3 {
      margin: 0;
    }
  `,
})
export class ImportPage {
  private readonly http = inject(HttpClient);
  private readonly translate = inject(TranslateService);
  protected readonly kinds = IMPORT_KINDS;
  /** The report's row counts, each a figure under the outcome. */
  protected readonly counts = ['accepted', 'rejected', 'inserted', 'updated', 'unchanged'] as const;
  protected readonly columns = (kind: ImportKind) => IMPORT_COLUMNS[kind];
  protected readonly errorColumns: TableColumn<ImportRowError>[] = [
    { key: 'row', label: 'dataImport.row', width: '80px', value: (e) => e.row || null },
    { key: 'field', label: 'dataImport.field', width: '160px' },
    { key: 'message', label: 'dataImport.message', value: (e) => messageText(this.translate, e) },
  ];
  protected kind: ImportKind = 'consumption';
  protected partial = false;
  protected readonly file = signal<File | null>(null);
  protected readonly phase = signal<Phase>('idle');
  protected readonly percent = signal(0);
  protected readonly outcome = signal<Outcome | null>(null);
  protected readonly busy = () => this.phase() === 'uploading' || this.phase() === 'applying';
  protected readonly failed = () => {
    const o = this.outcome();
    return !o || o.kind === 'problem' || !o.imported;
  };

  protected choose(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.phase.set('idle');
    this.outcome.set(null);
  }

  protected downloadTemplate(): void {
    saveCsv(`${this.kind}-template.csv`, templateCsv(this.kind));
  }

  protected downloadErrors(report: ImportReport): void {
    saveCsv(
      `${report.kind}-errors.csv`,
      errorReportCsv(
        report.errors,
        [
          this.translate.instant('dataImport.row'),
          this.translate.instant('dataImport.field'),
          this.translate.instant('dataImport.message'),
        ],
        (e) => messageText(this.translate, e),
      ),
    );
  }

  /** Sends the chosen file; the upload progress is the load progress, since the API copies rows as they arrive. */
  protected send(partial: boolean): void {
    const file = this.file();
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    this.phase.set('uploading');
    this.percent.set(0);
    this.outcome.set(null);
    this.http
      .post<ImportReport>(`/api/import/${this.kind}`, body, {
        params: partial ? { partial: 'true' } : {},
        headers: OWN_ERRORS.headers,
        reportProgress: true,
        observe: 'events',
      })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            // The last few percent wait for the database to check and apply the rows.
            this.percent.set(Math.floor((event.loaded / (event.total ?? file.size)) * 90));
            if (event.loaded === (event.total ?? file.size)) this.phase.set('applying');
          } else if (event.type === HttpEventType.Response && event.body) {
            this.finish({ kind: 'report', imported: true, report: event.body });
          }
        },
        error: (error: HttpErrorResponse) => {
          if (error.status === 422)
            this.finish({ kind: 'report', imported: false, report: error.error as ImportReport });
          else
            this.finish({
              kind: 'problem',
              problem: {
                statusCode: error.status,
                error: error.statusText,
                message: describeHttpError(
                  error,
                  (key) => this.translate.instant(key),
                  (coded) => messageText(this.translate, coded),
                ),
                details: (error.error as Partial<ApiError> | null)?.details,
              },
            });
        },
      });
  }

  private finish(outcome: Outcome): void {
    this.percent.set(100);
    this.phase.set('done');
    this.outcome.set(outcome);
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ShownError, shownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { KpisApi } from '../kpis.api';

const POLL_INTERVAL_MS = 1000;

/**
 * "Refresh figures" (leadership, admins): queues the recomputation of the month's snapshot (POST
 * /api/kpis/snapshots), follows its progress every second and emits `finished` once it has completed.
 */
@Component({
  selector: 'crm-kpi-refresh',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorAlert, NzButtonModule, NzIconModule, NzProgressModule],
  template: `
    <button nz-button nzSize="small" [nzLoading]="running()" (click)="start()" data-testid="kpi-refresh">
      <nz-icon nzType="reload" />{{ 'kpis.refresh' | translate }}
    </button>
    @if (running()) {
      <nz-progress class="progress" [nzPercent]="progress()" nzSize="small" data-testid="kpi-refresh-progress" />
    }
    @if (error(); as e) {
      <crm-error-alert class="error" [error]="e" data-testid="kpi-refresh-error" />
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    .progress {
      width: 120px;
    }
  `,
})
export class KpiRefresh {
  private readonly api = inject(KpisApi);
  private readonly translate = inject(TranslateService);
  readonly period = input.required<string>();
  readonly finished = output<void>();
  protected readonly running = signal(false);
  protected readonly progress = signal(0);
  protected readonly error = signal<ShownError | null>(null);
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => (this.destroyed = true));
  }

  protected async start(): Promise<void> {
    this.error.set(null);
    this.progress.set(0);
    this.running.set(true);
    try {
      const { jobId } = await this.api.refresh(this.period());
      for (let state = 'running'; state !== 'completed'; ) {
        await new Promise((done) => setTimeout(done, POLL_INTERVAL_MS));
        if (this.destroyed) return;
        const run = await this.api.snapshotRun(jobId);
        this.progress.set(run.progress);
        state = run.state;
        if (state === 'failed') {
          this.error.set({ message: this.translate.instant('kpis.refreshFailed'), details: [] });
          return;
        }
      }
      this.finished.emit();
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.running.set(false);
    }
  }
}

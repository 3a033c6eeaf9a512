import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, output, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { AuditRunView } from '@crm/shared/domain';
import { ShownError, shownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { AuditRulesStore } from '../audit-rules.store';
import { MarketingAuditApi } from '../marketing-audit.api';

const POLL_INTERVAL_MS = 1000;

/**
 * "Run now": starts a run of every enabled rule, follows it every second with a progress bar, and shows what it
 * found per rule (found, new, gone) or why it failed; emits `finished` when a run has completed.
 */
@Component({
  selector: 'crm-audit-run',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorAlert, NzButtonModule, NzIconModule, NzProgressModule],
  templateUrl: './audit-run.html',
  styles: `
    .block {
      display: block;
      margin-top: 12px;
    }
    .counts {
      margin: 0;
      padding-left: 20px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
})
export class AuditRun {
  private readonly api = inject(MarketingAuditApi);
  protected readonly rules = inject(AuditRulesStore);
  readonly finished = output<void>();
  protected readonly run = signal<AuditRunView | null>(null);
  protected readonly running = signal(false);
  protected readonly error = signal<ShownError | null>(null);
  protected readonly status = computed(() => {
    const state = this.run()?.state;
    return state === 'completed' ? 'success' : state === 'failed' ? 'exception' : 'active';
  });
  protected readonly totals = computed(() => {
    const findings = this.run()?.findings ?? [];
    const sum = (key: 'found' | 'created' | 'cleared') => findings.reduce((n, c) => n + c[key], 0);
    return { found: sum('found'), created: sum('created'), cleared: sum('cleared') };
  });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private jobId: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  protected async start(): Promise<void> {
    this.stop();
    this.error.set(null);
    this.run.set(null);
    this.running.set(true);
    try {
      const { jobId } = await this.api.startRun();
      this.jobId = jobId;
      await this.poll(jobId);
    } catch (e) {
      this.error.set(shownError(e));
      this.running.set(false);
    }
  }

  /** Fetches the run and, until it has finished, asks again a second later. */
  private async poll(jobId: string): Promise<void> {
    this.timer = null;
    if (this.jobId !== jobId) return;
    const run = await this.api.run(jobId);
    if (this.jobId !== jobId) return;
    this.run.set(run);
    if (run.state === 'completed' || run.state === 'failed') {
      this.running.set(false);
      if (run.state === 'completed') this.finished.emit();
      return;
    }
    this.timer = setTimeout(() => void this.poll(jobId).catch((e) => this.fail(e)), POLL_INTERVAL_MS);
  }

  private fail(e: unknown): void {
    this.error.set(shownError(e));
    this.running.set(false);
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.jobId = null;
  }
}

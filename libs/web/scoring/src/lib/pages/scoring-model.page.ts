import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  OnInit,
  signal,
  WritableSignal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ShownError, shownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { ScoringJob, ScoringModel, ScoringModelFields, scoringModelProblems, ScoringPreview } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { fieldLabelKey, jobFinished, modelFields, NUMBER_GROUPS, NumberGroup, withNumber } from '../model-form';
import { ModelCurrent } from '../components/model-current';
import { ModelHistory } from '../components/model-history';
import { ModelJob } from '../components/model-job';
import { ModelNumberFields } from '../components/model-number-fields';
import { ModelPreview } from '../components/model-preview';
import { ScoringApi } from '../scoring.api';

const POLL_INTERVAL_MS = 1000;

/**
 * Leaders and admins: the scoring model (VIP and credit weights, tier and rating thresholds) and its versions;
 * edit it, preview what a change would move against the latest run, save it as a new version, recompute now.
 */
@Component({
  selector: 'crm-scoring-model-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorAlert,
    ModelCurrent,
    ModelHistory,
    ModelJob,
    ModelNumberFields,
    ModelPreview,
    FormsModule,
    TranslatePipe,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzInputModule,
  ],
  templateUrl: './scoring-model.page.html',
  styles: `
    .note input {
      max-width: 480px;
    }
    .alert {
      margin: 12px 0;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 16px;
    }
  `,
})
export class ScoringModelPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  protected readonly groups = NUMBER_GROUPS;

  /** Every version, newest first; the first is the current model. */
  protected readonly models = signal<ScoringModel[]>([]);
  protected readonly loaded = signal(false);
  protected readonly current = computed<ScoringModel | null>(() => this.models()[0] ?? null);
  protected readonly fields = signal<ScoringModelFields>(modelFields(null));

  protected readonly problems = computed(() => scoringModelProblems(this.fields()));

  protected readonly previewResult = signal<ScoringPreview | null>(null);
  protected readonly previewing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ShownError | null>(null);

  protected readonly job = signal<ScoringJob | null>(null);
  protected readonly recomputing = signal(false);

  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stopPolling();
    });
  }

  ngOnInit(): void {
    // A failure has been shown by the global error handler.
    this.load().catch(() => undefined);
  }

  protected readonly labelOf = (field: string): string => fieldLabelKey(field) ?? field;

  protected setNumber(group: NumberGroup, key: string, value: number | null): void {
    this.edit(withNumber(this.fields(), group, key, value));
  }

  protected setNote(note: string): void {
    this.fields.set({ ...this.fields(), note });
  }

  /** Back to the current model's values. */
  protected reset(): void {
    this.fields.set(modelFields(this.current()));
    this.previewResult.set(null);
    this.error.set(null);
  }

  async preview(): Promise<void> {
    await this.request(this.previewing, async () => this.previewResult.set(await this.api.preview(this.fields())));
  }

  async save(): Promise<void> {
    const saved = await this.request(this.saving, async () => {
      const model = await this.api.saveModel(this.fields());
      this.message.success(this.translate.instant('scoringModel.saved', { version: model.version }) as string);
      this.previewResult.set(null);
    });
    if (saved) await this.load().catch(() => undefined);
  }

  async recompute(): Promise<void> {
    this.stopPolling();
    this.recomputing.set(true);
    this.job.set(null);
    try {
      const { jobId } = await this.api.recompute();
      this.job.set({
        jobId,
        state: 'queued',
        progress: 0,
        runId: null,
        customers: null,
        startedAt: null,
        finishedAt: null,
        error: null,
      });
      await this.poll(jobId);
    } catch {
      // The global error handler has shown the message.
      this.recomputing.set(false);
    }
  }

  /** Fetches the job and, until it has finished, asks again a second later. */
  private async poll(jobId: string): Promise<void> {
    this.pollTimer = null;
    if (this.destroyed) return;
    let job: ScoringJob;
    try {
      job = await this.api.job(jobId);
    } catch {
      this.recomputing.set(false);
      return;
    }
    if (this.destroyed || this.job()?.jobId !== jobId) return;
    this.job.set(job);
    if (jobFinished(job)) {
      this.recomputing.set(false);
      // The preview compares against the latest run, which has just changed.
      if (job.state === 'completed') this.previewResult.set(null);
      return;
    }
    this.pollTimer = setTimeout(() => void this.poll(jobId), POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== null) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  /**
   * Sends the model's values (never with problems): `busy` while it runs, the API's refusal in `error`.
   * Resolves to whether it worked.
   */
  private async request(busy: WritableSignal<boolean>, send: () => Promise<void>): Promise<boolean> {
    if (this.problems().length) return false;
    busy.set(true);
    this.error.set(null);
    try {
      await send();
      return true;
    } catch (e) {
      this.error.set(shownError(e));
      return false;
    } finally {
      busy.set(false);
    }
  }

  private edit(fields: ScoringModelFields): void {
    this.fields.set(fields);
    // A preview describes the values it was made for.
    this.previewResult.set(null);
  }

  private async load(): Promise<void> {
    const models = await this.api.models();
    this.models.set(models);
    this.fields.set(modelFields(models[0]));
    this.loaded.set(true);
  }
}

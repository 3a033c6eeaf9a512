import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ShownError, shownError } from '@crm/web/core';
import {
  CREDIT_FACTORS,
  CreditFactor,
  ScoringJob,
  ScoringModel,
  ScoringModelFields,
  scoringModelProblems,
  ScoringPreview,
  VIP_FACTORS,
  VipFactor,
} from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ratingTagColour } from '../credit-charts';
import {
  fieldLabelKey,
  formatWeightSum,
  jobFinished,
  jobProgressStatus,
  modelFields,
  problemsFor,
  RATING_THRESHOLD_KEYS,
  RatingThresholdKey,
  TIER_THRESHOLD_KEYS,
  TierThresholdKey,
  weightsBalanced,
  weightSum,
  withCreditWeight,
  withRatingThreshold,
  withTierThreshold,
  withVipWeight,
} from '../model-form';
import { ScoringApi } from '../scoring.api';

const POLL_INTERVAL_MS = 1000;

/** The error a page shows itself: the server's message and its field details. */

/**
 * Leaders and admins: the scoring model (VIP and credit weights, tier and rating thresholds) and its versions;
 * edit it, preview what a change would move against the latest run, save it as a new version, recompute now.
 */
@Component({
  selector: 'crm-scoring-model-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzGridModule,
    NzInputModule,
    NzInputNumberModule,
    NzProgressModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card [nzTitle]="'scoringModel.current' | translate" class="block" data-testid="model-current">
      @if (current(); as m) {
        <nz-descriptions [nzColumn]="4" nzSize="small">
          <nz-descriptions-item [nzTitle]="'scoringModel.version' | translate">
            <span data-testid="model-version">v{{ m.version }}</span>
          </nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'scoringModel.createdBy' | translate">{{
            m.createdBy?.displayName ?? '—'
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'scoringModel.createdAt' | translate">{{
            m.createdAt | date: 'yyyy-MM-dd HH:mm'
          }}</nz-descriptions-item>
          <nz-descriptions-item [nzTitle]="'scoringModel.note' | translate">{{ m.note || '—' }}</nz-descriptions-item>
        </nz-descriptions>
      } @else if (loaded()) {
        <nz-alert nzType="info" nzShowIcon [nzMessage]="'scoringModel.noModel' | translate" />
      }
    </nz-card>

    <nz-card [nzTitle]="'scoringModel.editor' | translate" class="block">
      <div nz-row [nzGutter]="24">
        <div nz-col [nzXs]="24" [nzLg]="12">
          <div class="group-title">
            <h4>{{ 'scoringModel.vipWeights' | translate }}</h4>
            <nz-tag [nzColor]="vipBalanced() ? 'green' : 'red'" data-testid="model-vip-sum">
              {{ 'scoringModel.sum' | translate }} {{ vipSumText() }}
            </nz-tag>
          </div>
          @for (key of vipFactors; track key) {
            <div class="field">
              <label [for]="'vip-' + key">{{ 'scoringModel.factor.' + key | translate }}</label>
              <nz-input-number
                [nzId]="'vip-' + key"
                [ngModel]="fields().vipWeights[key]"
                (ngModelChange)="setVipWeight(key, $event)"
                [nzStep]="0.05"
                [nzMin]="0"
                [nzMax]="1"
                [nzStatus]="hasProblem('vipWeights.' + key) ? 'error' : ''"
                [attr.data-testid]="'model-weight-' + key"
              />
            </div>
          }
        </div>
        <div nz-col [nzXs]="24" [nzLg]="12">
          <div class="group-title">
            <h4>{{ 'scoringModel.creditWeights' | translate }}</h4>
            <nz-tag [nzColor]="creditBalanced() ? 'green' : 'red'" data-testid="model-credit-sum">
              {{ 'scoringModel.sum' | translate }} {{ creditSumText() }}
            </nz-tag>
          </div>
          @for (key of creditFactors; track key) {
            <div class="field">
              <label [for]="'credit-' + key">{{ 'scoringModel.factor.' + key | translate }}</label>
              <nz-input-number
                [nzId]="'credit-' + key"
                [ngModel]="fields().creditWeights[key]"
                (ngModelChange)="setCreditWeight(key, $event)"
                [nzStep]="0.05"
                [nzMin]="0"
                [nzMax]="1"
                [nzStatus]="hasProblem('creditWeights.' + key) ? 'error' : ''"
                [attr.data-testid]="'model-weight-' + key"
              />
            </div>
          }
        </div>
      </div>

      <div nz-row [nzGutter]="24">
        <div nz-col [nzXs]="24" [nzLg]="12">
          <h4>{{ 'scoringModel.tierThresholds' | translate }}</h4>
          @for (key of tierKeys; track key) {
            <div class="field">
              <label [for]="'tier-' + key">{{ 'scoringModel.tier.' + key | translate }} ≥</label>
              <nz-input-number
                [nzId]="'tier-' + key"
                [ngModel]="fields().tierThresholds[key]"
                (ngModelChange)="setTierThreshold(key, $event)"
                [nzStep]="1"
                [nzMin]="0"
                [nzMax]="100"
                [nzStatus]="hasProblem('tierThresholds.' + key) ? 'error' : ''"
                [attr.data-testid]="'model-tier-' + key"
              />
            </div>
          }
        </div>
        <div nz-col [nzXs]="24" [nzLg]="12">
          <h4>{{ 'scoringModel.ratingThresholds' | translate }}</h4>
          @for (key of ratingKeys; track key) {
            <div class="field">
              <label [for]="'rating-' + key">{{ 'scoringModel.rating.' + key | translate }} ≥</label>
              <nz-input-number
                [nzId]="'rating-' + key"
                [ngModel]="fields().ratingThresholds[key]"
                (ngModelChange)="setRatingThreshold(key, $event)"
                [nzStep]="1"
                [nzMin]="0"
                [nzMax]="100"
                [nzStatus]="hasProblem('ratingThresholds.' + key) ? 'error' : ''"
                [attr.data-testid]="'model-rating-' + key"
              />
            </div>
          }
        </div>
      </div>

      <div class="field note">
        <label for="model-note">{{ 'scoringModel.note' | translate }}</label>
        <input
          nz-input
          id="model-note"
          [ngModel]="fields().note"
          (ngModelChange)="setNote($event)"
          [placeholder]="'scoringModel.notePlaceholder' | translate"
          maxlength="500"
          data-testid="model-note"
        />
      </div>

      @if (problems().length) {
        <nz-alert
          class="alert"
          nzType="warning"
          nzShowIcon
          [nzMessage]="'scoringModel.problems' | translate"
          [nzDescription]="problemList"
          data-testid="model-problems"
        />
        <ng-template #problemList>
          <ul class="problems">
            @for (p of problems(); track p.field + p.message) {
              <li>
                <b>{{ labelOf(p.field) | translate }}</b> <code>{{ p.field }}</code> — {{ p.message }}
              </li>
            }
          </ul>
        </ng-template>
      }

      @if (error(); as err) {
        <nz-alert
          class="alert"
          nzType="error"
          nzShowIcon
          nzCloseable
          (nzOnClose)="error.set(null)"
          [nzMessage]="err.message"
          [nzDescription]="errorDetails"
          data-testid="model-error"
        />
        <ng-template #errorDetails>
          @if (err.details.length) {
            <ul class="problems">
              @for (d of err.details; track $index) {
                <li>
                  <b>{{ labelOf(d.field) | translate }}</b> <code>{{ d.field }}</code> — {{ d.message }}
                </li>
              }
            </ul>
          }
        </ng-template>
      }

      <div class="actions">
        <button
          nz-button
          (click)="preview()"
          [nzLoading]="previewing()"
          [disabled]="problems().length > 0"
          data-testid="model-preview"
        >
          {{ 'scoringModel.preview' | translate }}
        </button>
        <button
          nz-button
          nzType="primary"
          (click)="save()"
          [nzLoading]="saving()"
          [disabled]="problems().length > 0"
          data-testid="model-save"
        >
          {{ 'scoringModel.save' | translate }}
        </button>
        <button nz-button (click)="reset()" data-testid="model-reset">
          {{ 'scoringModel.reset' | translate }}
        </button>
        <button
          nz-button
          nzType="dashed"
          (click)="recompute()"
          [nzLoading]="recomputing()"
          data-testid="model-recompute"
        >
          {{ 'scoringModel.recompute' | translate }}
        </button>
      </div>

      @if (job(); as j) {
        <div class="job" data-testid="model-job">
          <nz-progress [nzPercent]="j.progress" [nzStatus]="progressStatus()" data-testid="model-progress" />
          <span data-testid="model-job-state">{{ 'scoringModel.jobState.' + j.state | translate }}</span>
          @if (j.state === 'completed') {
            <nz-alert
              class="alert"
              nzType="success"
              nzShowIcon
              [nzMessage]="'scoringModel.jobDone' | translate: { count: j.customers ?? 0 }"
              data-testid="model-job-done"
            />
          } @else if (j.state === 'failed') {
            <nz-alert
              class="alert"
              nzType="error"
              nzShowIcon
              [nzMessage]="'scoringModel.jobFailed' | translate"
              [nzDescription]="j.error ?? ''"
              data-testid="model-job-failed"
            />
          }
        </div>
      }
    </nz-card>

    @if (previewResult(); as p) {
      <nz-card [nzTitle]="'scoringModel.previewTitle' | translate" class="block" data-testid="preview-result">
        @if (p.customers === 0) {
          <nz-alert class="alert" nzType="info" nzShowIcon [nzMessage]="'scoringModel.previewNoRun' | translate" />
        }
        <div nz-row [nzGutter]="16" class="block">
          <div nz-col [nzSpan]="6">
            <nz-statistic
              [nzTitle]="'scoringModel.previewCustomers' | translate"
              [nzValue]="p.customers"
              data-testid="preview-customers"
            />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic
              [nzTitle]="'scoringModel.tierChanges' | translate"
              [nzValue]="p.tierChanges"
              data-testid="preview-tier-changes"
            />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic
              [nzTitle]="'scoringModel.ratingChanges' | translate"
              [nzValue]="p.ratingChanges"
              data-testid="preview-rating-changes"
            />
          </div>
          <div nz-col [nzSpan]="6">
            <nz-statistic
              [nzTitle]="'scoringModel.newlyBlacklisted' | translate"
              [nzValue]="p.newlyBlacklisted"
              [nzValueStyle]="p.newlyBlacklisted ? { color: '#cf1322' } : {}"
              data-testid="preview-newly-blacklisted"
            />
          </div>
        </div>
        <div nz-row [nzGutter]="16">
          <div nz-col [nzXs]="24" [nzLg]="12">
            <h4>{{ 'scoringModel.tierMoves' | translate }}</h4>
            <nz-table
              #tm
              [nzData]="p.tierMoves"
              nzSize="small"
              [nzShowPagination]="false"
              [nzPageSize]="100"
              data-testid="preview-tier-moves"
            >
              <thead>
                <tr>
                  <th>{{ 'scoringModel.from' | translate }}</th>
                  <th>{{ 'scoringModel.to' | translate }}</th>
                  <th>{{ 'scoringModel.customers' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (move of tm.data; track move.from + move.to) {
                  <tr>
                    <td>{{ 'scoringModel.tier.' + move.from | translate }}</td>
                    <td>{{ 'scoringModel.tier.' + move.to | translate }}</td>
                    <td>{{ move.customers }}</td>
                  </tr>
                }
              </tbody>
            </nz-table>
          </div>
          <div nz-col [nzXs]="24" [nzLg]="12">
            <h4>{{ 'scoringModel.ratingMoves' | translate }}</h4>
            <nz-table
              #rm
              [nzData]="p.ratingMoves"
              nzSize="small"
              [nzShowPagination]="false"
              [nzPageSize]="100"
              data-testid="preview-rating-moves"
            >
              <thead>
                <tr>
                  <th>{{ 'scoringModel.from' | translate }}</th>
                  <th>{{ 'scoringModel.to' | translate }}</th>
                  <th>{{ 'scoringModel.customers' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (move of rm.data; track move.from + move.to) {
                  <tr>
                    <td>
                      <nz-tag [nzColor]="ratingColour(move.from)">{{ move.from }}</nz-tag>
                    </td>
                    <td>
                      <nz-tag [nzColor]="ratingColour(move.to)">{{ move.to }}</nz-tag>
                    </td>
                    <td>{{ move.customers }}</td>
                  </tr>
                }
              </tbody>
            </nz-table>
          </div>
        </div>
      </nz-card>
    }

    <nz-card [nzTitle]="'scoringModel.history' | translate" class="block">
      <nz-table #h [nzData]="models()" nzSize="small" [nzPageSize]="10" data-testid="model-history">
        <thead>
          <tr>
            <th>{{ 'scoringModel.version' | translate }}</th>
            <th>{{ 'scoringModel.createdAt' | translate }}</th>
            <th>{{ 'scoringModel.createdBy' | translate }}</th>
            <th>{{ 'scoringModel.note' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (m of h.data; track m.version) {
            <tr>
              <td>
                v{{ m.version }}
                @if (m.version === current()?.version) {
                  <nz-tag nzColor="blue">{{ 'scoringModel.currentTag' | translate }}</nz-tag>
                }
              </td>
              <td>{{ m.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ m.createdBy?.displayName ?? '—' }}</td>
              <td>{{ m.note || '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .block {
      margin-bottom: 16px;
    }
    .group-title {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    .group-title h4 {
      margin: 0;
    }
    h4 {
      margin: 8px 0;
    }
    .field {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    .field label {
      width: 140px;
      flex: none;
    }
    .field nz-input-number {
      width: 120px;
    }
    .note input {
      max-width: 480px;
    }
    .alert {
      margin: 12px 0;
    }
    .problems {
      margin: 0;
      padding-left: 20px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 16px;
    }
    .job {
      margin-top: 16px;
      max-width: 480px;
    }
  `,
})
export class ScoringModelPage implements OnInit {
  private readonly api = inject(ScoringApi);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);

  protected readonly vipFactors = VIP_FACTORS;
  protected readonly creditFactors = CREDIT_FACTORS;
  protected readonly tierKeys = TIER_THRESHOLD_KEYS;
  protected readonly ratingKeys = RATING_THRESHOLD_KEYS;
  protected readonly ratingColour = ratingTagColour;

  /** Every version, newest first; the first is the current model. */
  protected readonly models = signal<ScoringModel[]>([]);
  protected readonly loaded = signal(false);
  protected readonly current = computed<ScoringModel | null>(() => this.models()[0] ?? null);
  protected readonly fields = signal<ScoringModelFields>(modelFields(null));

  protected readonly vipSum = computed(() => weightSum(this.fields().vipWeights));
  protected readonly creditSum = computed(() => weightSum(this.fields().creditWeights));
  protected readonly vipSumText = computed(() => formatWeightSum(this.vipSum()));
  protected readonly creditSumText = computed(() => formatWeightSum(this.creditSum()));
  protected readonly vipBalanced = computed(() => weightsBalanced(this.fields().vipWeights));
  protected readonly creditBalanced = computed(() => weightsBalanced(this.fields().creditWeights));
  protected readonly problems = computed(() => scoringModelProblems(this.fields()));

  protected readonly previewResult = signal<ScoringPreview | null>(null);
  protected readonly previewing = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<ShownError | null>(null);

  protected readonly job = signal<ScoringJob | null>(null);
  protected readonly recomputing = signal(false);
  protected readonly progressStatus = computed(() => jobProgressStatus(this.job()?.state ?? 'queued'));

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

  protected hasProblem(field: string): boolean {
    return problemsFor(this.problems(), field).length > 0;
  }

  protected labelOf(field: string): string {
    return fieldLabelKey(field) ?? field;
  }

  protected setVipWeight(key: VipFactor, value: number | null): void {
    this.edit(withVipWeight(this.fields(), key, value));
  }

  protected setCreditWeight(key: CreditFactor, value: number | null): void {
    this.edit(withCreditWeight(this.fields(), key, value));
  }

  protected setTierThreshold(key: TierThresholdKey, value: number | null): void {
    this.edit(withTierThreshold(this.fields(), key, value));
  }

  protected setRatingThreshold(key: RatingThresholdKey, value: number | null): void {
    this.edit(withRatingThreshold(this.fields(), key, value));
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
    if (this.problems().length) return;
    this.previewing.set(true);
    this.error.set(null);
    try {
      this.previewResult.set(await this.api.preview(this.fields()));
    } catch (e) {
      this.error.set(shownError(e));
    } finally {
      this.previewing.set(false);
    }
  }

  async save(): Promise<void> {
    if (this.problems().length) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      const saved = await this.api.saveModel(this.fields());
      this.message.success(this.translate.instant('scoringModel.saved', { version: saved.version }) as string);
      this.previewResult.set(null);
    } catch (e) {
      this.error.set(shownError(e));
      return;
    } finally {
      this.saving.set(false);
    }
    await this.load().catch(() => undefined);
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

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ScoringJob } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { jobProgressStatus } from '../model-form';

/** A recompute job: its progress bar and state, then how many customers it scored, or why it failed. */
@Component({
  selector: 'crm-model-job',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzAlertModule, NzProgressModule],
  templateUrl: './model-job.html',
  styles: `
    :host {
      display: block;
    }
    .job {
      margin-top: 16px;
      max-width: 480px;
    }
    .alert {
      margin: 12px 0;
    }
  `,
})
export class ModelJob {
  readonly job = input.required<ScoringJob>();
  protected readonly progressStatus = computed(() => jobProgressStatus(this.job().state));
}

import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail } from '@crm/shared/domain';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { problemsFor } from '../model-form';

/** One group of the model's numbers (weights or thresholds): a labelled number field per key, red when it has a problem. */
@Component({
  selector: 'crm-model-number-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzInputNumberModule],
  templateUrl: './model-number-fields.html',
  styles: `
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
  `,
})
export class ModelNumberFields {
  readonly keys = input.required<readonly string[]>();
  /** The group's field in the model (`vipWeights`, `tierThresholds`…), as the problems name it. */
  readonly group = input.required<string>();
  readonly idPrefix = input.required<string>();
  readonly labelPrefix = input.required<string>();
  /** Labels read "≥" (thresholds). */
  readonly atLeast = input(false);
  readonly values = input.required<object>();
  readonly step = input(1);
  readonly max = input(100);
  readonly problems = input<readonly ErrorDetail[]>([]);
  readonly testIdPrefix = input.required<string>();
  readonly valueChange = output<{ key: string; value: number | null }>();

  protected value(key: string): number | null {
    return (this.values() as Record<string, number | null>)[key] ?? null;
  }

  protected hasProblem(key: string): boolean {
    return problemsFor(this.problems(), `${this.group()}.${key}`).length > 0;
  }
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail } from '@crm/shared/domain';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { formatWeightSum, NumberGroupSpec, problemsFor, weightsBalanced, weightSum } from '../model-form';

/**
 * One group of the model's numbers (weights or thresholds): its title (with the sum for weights) and a
 * labelled number field per key, red when it has a problem.
 */
@Component({
  selector: 'crm-model-number-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, TranslatePipe, NzInputNumberModule, NzTagModule],
  templateUrl: './model-number-fields.html',
  styles: `
    .group-title {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-bottom: 8px;
    }
    .group-title h4 {
      margin: 8px 0;
    }
    nz-input-number {
      width: 120px;
    }
  `,
})
export class ModelNumberFields {
  readonly spec = input.required<NumberGroupSpec>();
  /** The group's values, by key. */
  readonly values = input.required<object>();
  readonly problems = input<readonly ErrorDetail[]>([]);
  readonly valueChange = output<{ key: string; value: number | null }>();
  private readonly numbers = computed(() => this.values() as Readonly<Record<string, number | null>>);
  protected readonly sumText = computed(() => formatWeightSum(weightSum(this.numbers())));
  protected readonly balanced = computed(() => weightsBalanced(this.numbers()));

  protected value(key: string): number | null {
    return this.numbers()[key] ?? null;
  }

  protected hasProblem(key: string): boolean {
    return problemsFor(this.problems(), `${this.spec().group}.${key}`).length > 0;
  }
}

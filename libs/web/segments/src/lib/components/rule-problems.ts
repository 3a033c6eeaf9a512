import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ErrorDetail } from '@crm/shared/domain';
import { problemPart } from '../rule-edit';

/** The problems of a condition or a group, each in words (the raw field and message on hover). */
@Component({
  selector: 'crm-rule-problems',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @for (p of problems(); track $index) {
      <div class="problem" [title]="p.field + ': ' + p.message">
        {{ 'segments.problem.' + part(p) | translate }}
      </div>
    }
  `,
  styles: `
    .problem {
      color: #ff4d4f;
      font-size: 12px;
      margin-top: 2px;
    }
  `,
})
export class RuleProblems {
  readonly problems = input.required<readonly ErrorDetail[]>();
  protected readonly part = problemPart;
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ScoringModel } from '@crm/shared/domain';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** Every version of the scoring model, newest (the one in force) first. */
@Component({
  selector: 'crm-model-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, TranslatePipe, NzCardModule, NzTableModule, NzTagModule],
  templateUrl: './model-history.html',
  styles: `
    .block {
      margin-bottom: 16px;
    }
  `,
})
export class ModelHistory {
  readonly models = input.required<ScoringModel[]>();
}

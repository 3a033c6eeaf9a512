import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ScoringPreview } from '@crm/shared/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ratingTagColour } from '../credit-charts';

/** What a model change would move against the latest run: counts, and the tier and rating moves. */
@Component({
  selector: 'crm-model-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzAlertModule, NzCardModule, NzGridModule, NzStatisticModule, NzTableModule, NzTagModule],
  templateUrl: './model-preview.html',
  styles: `
    .block {
      margin-bottom: 16px;
    }
    .alert {
      margin: 12px 0;
    }
    h4 {
      margin: 8px 0;
    }
  `,
})
export class ModelPreview {
  readonly preview = input.required<ScoringPreview>();
  protected readonly ratingColour = ratingTagColour;
}

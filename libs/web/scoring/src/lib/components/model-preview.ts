import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CreditRating, ScoringPreview } from '@crm/shared/domain';
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
  protected readonly counts = [
    { key: 'customers', title: 'scoringModel.previewCustomers', testId: 'preview-customers' },
    { key: 'tierChanges', title: 'scoringModel.tierChanges', testId: 'preview-tier-changes' },
    { key: 'ratingChanges', title: 'scoringModel.ratingChanges', testId: 'preview-rating-changes' },
    { key: 'newlyBlacklisted', title: 'scoringModel.newlyBlacklisted', testId: 'preview-newly-blacklisted' },
  ] as const;
  /** The tier moves and the rating moves, each a table of from → to and how many customers. */
  protected readonly moveTables = computed(() => [
    {
      kind: 'tier',
      title: 'scoringModel.tierMoves',
      testId: 'preview-tier-moves',
      rows: this.preview().tierMoves as { from: string; to: string; customers: number }[],
    },
    {
      kind: 'rating',
      title: 'scoringModel.ratingMoves',
      testId: 'preview-rating-moves',
      rows: this.preview().ratingMoves,
    },
  ]);

  protected ratingColour(level: string): string {
    return ratingTagColour(level as CreditRating);
  }
}

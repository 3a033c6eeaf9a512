import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CreditRating, ScoringPreview } from '@crm/shared/domain';
import { TABLE, TableColumn } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ratingTagColour } from '../credit-charts';

type Move = ScoringPreview['tierMoves' | 'ratingMoves'][number];

const CUSTOMERS_COLUMN: TableColumn<Move> = { key: 'customers', label: 'scoringModel.customers', kind: 'number' };
/** Tiers by name. */
const TIER_MOVE_COLUMNS: TableColumn<Move>[] = [
  { key: 'from', label: 'scoringModel.from', kind: 'enum', labels: 'scoringModel.tier.' },
  { key: 'to', label: 'scoringModel.to', kind: 'enum', labels: 'scoringModel.tier.' },
  CUSTOMERS_COLUMN,
];
/** Ratings as coloured tags (the page's `crmCell` templates). */
const RATING_MOVE_COLUMNS: TableColumn<Move>[] = [
  { key: 'ratingFrom', label: 'scoringModel.from' },
  { key: 'ratingTo', label: 'scoringModel.to' },
  CUSTOMERS_COLUMN,
];

/** What a model change would move against the latest run: counts, and the tier and rating moves. */
@Component({
  selector: 'crm-model-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, TranslatePipe, NzAlertModule, NzCardModule, NzGridModule, NzStatisticModule, NzTagModule],
  templateUrl: './model-preview.html',
  styles: `
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
      title: 'scoringModel.tierMoves',
      testId: 'preview-tier-moves',
      rows: this.preview().tierMoves,
      columns: TIER_MOVE_COLUMNS,
    },
    {
      title: 'scoringModel.ratingMoves',
      testId: 'preview-rating-moves',
      rows: this.preview().ratingMoves,
      columns: RATING_MOVE_COLUMNS,
    },
  ]);

  protected ratingColour(level: string): string {
    return ratingTagColour(level as CreditRating);
  }
}

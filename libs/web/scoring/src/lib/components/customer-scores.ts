import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CustomerScores } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart, DisplayPipe } from '@crm/web/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { factorChart, historyChart, TIER_COLOURS } from '../score-charts';
import { ratingTagColour } from '../credit-charts';
import { ScoringApi } from '../scoring.api';
import { ScoreDelta } from './score-delta';

/** The customer page's scores: VIP value and credit, each with its factors, the history of both, the payment method. */
@Component({
  selector: 'crm-customer-scores',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DisplayPipe,
    TranslatePipe,
    Chart,
    ScoreDelta,
    NzAlertModule,
    NzCardModule,
    NzEmptyModule,
    NzGridModule,
    NzStatisticModule,
    NzTagModule,
  ],
  templateUrl: './customer-scores.html',
  styles: `
    .head {
      display: flex;
      align-items: flex-end;
      gap: 12px;
      margin-bottom: 8px;
    }
    .method {
      margin-bottom: 8px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      margin: 8px 0 0;
    }
  `,
})
export class CustomerScoresCard {
  readonly customerId = input.required<string>();
  private readonly api = inject(ScoringApi);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly scores = signal<CustomerScores | null>(null);
  protected readonly tierColours = TIER_COLOURS;
  protected readonly ratingColour = ratingTagColour;
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly vipChart = computed(() => {
    this.language.current();
    return factorChart(this.scores()?.vip?.factors ?? [], this.t);
  });
  protected readonly creditChart = computed(() => {
    this.language.current();
    return factorChart(this.scores()?.credit?.factors ?? [], this.t);
  });
  protected readonly trend = computed(() => {
    this.language.current();
    return historyChart(this.scores()?.history ?? [], this.t);
  });

  constructor() {
    effect(() => void this.load(this.customerId()));
  }

  protected delta(score: number, previous: number | null): number | null {
    return previous === null ? null : Math.round((score - previous) * 100) / 100;
  }

  private async load(id: string): Promise<void> {
    this.scores.set(await this.api.customerScores(id));
  }
}

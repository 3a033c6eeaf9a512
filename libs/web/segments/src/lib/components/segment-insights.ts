import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { SegmentChange, SegmentSnapshot } from '@crm/shared/domain';
import { Chart } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import type { EChartsCoreOption } from 'echarts/core';

/** One dimension of the comparison: its title, the chart of its shares and the chart's height. */
export interface ComparisonChart {
  dimension: string;
  title: string;
  options: EChartsCoreOption;
  height: string;
}

/** A segment's size over time, its latest joiners, and how its members compare with all customers. */
@Component({
  selector: 'crm-segment-insights',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, Chart, NzCardModule, NzGridModule],
  templateUrl: './segment-insights.html',
  styles: `
    .joiners {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .joiners li {
      display: flex;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid #f0f0f0;
    }
  `,
})
export class SegmentInsights {
  readonly snapshots = input.required<SegmentSnapshot[]>();
  readonly trendChart = input.required<EChartsCoreOption>();
  readonly joiners = input.required<SegmentChange[]>();
  readonly comparison = input.required<ComparisonChart[]>();
}

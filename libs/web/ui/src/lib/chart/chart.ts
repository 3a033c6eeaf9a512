import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * An ECharts chart that resizes with its container. The app provides ECharts (provideEchartsCore). The chart is
 * clipped to its container: when the screen narrows (a phone turned, a window made smaller) it is redrawn a moment
 * later (ngx-echarts throttles resizing), and until then it must not widen the page.
 */
@Component({
  selector: 'crm-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  templateUrl: './chart.html',
  styles: `
    .chart {
      width: 100%;
      overflow: hidden;
    }
  `,
})
export class Chart {
  readonly options = input.required<EChartsCoreOption>();
  readonly height = input('300px');
  /** `svg` for a chart that prints sharp (the monthly report); canvas otherwise. */
  readonly renderer = input<'canvas' | 'svg'>('canvas');
  protected readonly svg = { renderer: 'svg' };
  /** ECharts' own defaults (canvas). */
  protected readonly defaults = {};
  /** A click on an item (a bar, a point); its `data` is the series' data item as given. */
  readonly itemClick = output<ECElementEvent>();
}

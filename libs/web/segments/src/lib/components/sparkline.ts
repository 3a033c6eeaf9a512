import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART_COLOURS } from '@crm/web/ui';
import { sparklinePoints } from '../segment-charts';

const WIDTH = 100;
const HEIGHT = 24;

/** A tiny line of a few numbers, oldest first, e.g. a segment's daily sizes. */
@Component({
  selector: 'crm-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sparkline.html',
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly colour = CHART_COLOURS.primary;
  // A margin around the box, so that the stroke at the edges shows whole.
  protected readonly viewBox = `-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`;
  protected readonly points = computed(() => sparklinePoints(this.values(), WIDTH, HEIGHT));
}

import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** The change of a score since the run before: a green arrow up, a red arrow down, or a dash. */
@Component({
  selector: 'crm-score-delta',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, NzIconModule],
  template: `
    @let d = delta();
    @if (d === null) {
      <span class="none">—</span>
    } @else if (d > 0) {
      <span class="up" data-testid="delta-up"><nz-icon nzType="arrow-up" /> {{ d | number: '1.2-2' }}</span>
    } @else if (d < 0) {
      <span class="down" data-testid="delta-down"><nz-icon nzType="arrow-down" /> {{ -d | number: '1.2-2' }}</span>
    } @else {
      <span class="none">0</span>
    }
  `,
  styles: `
    .up {
      color: #389e0d;
    }
    .down {
      color: #cf1322;
    }
    .none {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class ScoreDelta {
  readonly delta = input<number | null>(null);
}

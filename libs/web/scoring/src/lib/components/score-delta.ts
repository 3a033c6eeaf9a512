import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { DisplayPipe } from '@crm/web/ui';

/** The change of a score since the run before: a green arrow up, a red arrow down, or a dash. */
@Component({
  selector: 'crm-score-delta',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DisplayPipe, NzIconModule],
  templateUrl: './score-delta.html',
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

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';

/** One key figure: its title (an i18n key), value, and optionally a suffix, a colour and a `data-testid`. */
export interface Stat {
  title: string;
  value: number | string;
  suffix?: string;
  colour?: string;
  testId?: string;
}

/** Key figures side by side, a card each (four to a row on wide screens, two on narrow ones). */
@Component({
  selector: 'crm-stat-cards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzCardModule, NzGridModule, NzStatisticModule],
  template: `
    <div nz-row [nzGutter]="16">
      @for (s of stats(); track s.title) {
        <div nz-col [nzXs]="12" [nzLg]="6">
          <nz-card>
            <nz-statistic
              [nzTitle]="s.title | translate"
              [nzValue]="s.value"
              [nzSuffix]="s.suffix ?? ''"
              [nzValueStyle]="s.colour ? { color: s.colour } : {}"
              [attr.data-testid]="s.testId ?? null"
            />
          </nz-card>
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
  `,
})
export class StatCards {
  readonly stats = input.required<readonly Stat[]>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** An order's marks for leadership: escalated, contradicting callback, and how often the customer urged. */
@Component({
  selector: 'crm-request-flags',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzTagModule],
  templateUrl: './request-flags.html',
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    nz-tag {
      margin: 0;
    }
  `,
})
export class RequestFlags {
  readonly order = input.required<{ escalated: boolean; contradicted: boolean; urgeCount: number }>();
}

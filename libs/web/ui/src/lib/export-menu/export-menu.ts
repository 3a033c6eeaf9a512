import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** The formats a list exports to. */
export type ExportFormat = 'csv' | 'xlsx';

/** A list's export button: it drops down the formats and emits the one chosen. */
@Component({
  selector: 'crm-export-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzButtonModule, NzDropDownModule, NzIconModule],
  templateUrl: './export-menu.html',
})
export class ExportMenu {
  /** The i18n key of the button's label. */
  readonly label = input.required<string>();
  /** The test ids are `<testIdPrefix>` (the button), `-csv` and `-xlsx`. */
  readonly testIdPrefix = input.required<string>();
  readonly chosen = output<ExportFormat>();
}

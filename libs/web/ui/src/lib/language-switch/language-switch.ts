import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { FormsModule } from '@angular/forms';

/** Chooses the UI language: 中文 or English. */
@Component({
  selector: 'crm-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzIconModule, NzSegmentedModule],
  templateUrl: './language-switch.html',
})
export class LanguageSwitch {
  readonly current = input.required<string>();
  readonly changed = output<string>();
  protected readonly options = [
    { label: '中文', value: 'zh-CN' },
    { label: 'English', value: 'en' },
  ];
}

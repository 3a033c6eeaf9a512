import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DisplayLanguage } from '@crm/shared/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** The formats a list exports to. */
export type ExportFormat = 'csv' | 'xlsx';

/**
 * What to download: the format, and either the UI's language (the screen's labels as headers, names for
 * codes) or raw codes for integrations (the API's field names and codes, as CSV).
 */
export interface ExportChoice {
  format: ExportFormat;
  lang: DisplayLanguage;
  raw: boolean;
}

/** A list's export button: a click (phones have no hover) drops down the formats and the raw codes, and emits the one chosen. */
@Component({
  selector: 'crm-export-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, NzButtonModule, NzDropDownModule, NzIconModule],
  templateUrl: './export-menu.html',
})
export class ExportMenu {
  private readonly translate = inject(TranslateService);
  /** The i18n key of the button's label. */
  readonly label = input.required<string>();
  /** The test ids are `<testIdPrefix>` (the button), `-csv`, `-xlsx` and `-raw`. */
  readonly testIdPrefix = input.required<string>();
  readonly chosen = output<ExportChoice>();

  protected choose(format: ExportFormat, raw = false): void {
    const lang = this.translate.getCurrentLang() === 'en' ? 'en' : 'zh-CN';
    this.chosen.emit({ format, lang, raw });
  }
}

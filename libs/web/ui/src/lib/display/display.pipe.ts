import { inject, Pipe, PipeTransform } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import {
  DisplayLanguage,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatPercent,
} from '@crm/shared/domain';

/** What a value is, for the one display format of the whole app (display-format.ts of @crm/shared/domain). */
export type DisplayKind = 'date' | 'datetime' | 'integer' | 'decimal' | 'money' | 'percent';

/**
 * A value in the display format of its kind and the reader's language: `2026-10-30`, `2026-10-30 14:05` (China
 * time), `1,234`, `1,234.50`, `¥916,904.48`, `12.5%`; `—` for none. `digits`: the decimals of a decimal, money or
 * percentage (2, 2 and 1 unless told).
 */
export function displayValue(value: unknown, kind: DisplayKind, language: DisplayLanguage, digits?: number): string {
  const v = value as string & number;
  switch (kind) {
    case 'date':
      return formatDate(v, language);
    case 'datetime':
      return formatDateTime(v, language);
    case 'integer':
      return formatInteger(v, language);
    case 'decimal':
      return formatDecimal(v, language, digits);
    case 'money':
      return formatMoney(v, language, digits);
    case 'percent':
      return formatPercent(v, language, digits);
  }
}

/** The reader's language, as the language switch set it for the translations. */
export function readerLanguage(translate: TranslateService): DisplayLanguage {
  return translate.getCurrentLang() === 'en' ? 'en' : 'zh-CN';
}

/**
 * `{{ value | crmFormat: 'money' }}`: a value in the display format of its kind (see `displayValue`). Impure, so it
 * follows a change of language.
 */
@Pipe({ name: 'crmFormat', pure: false })
export class DisplayPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(value: unknown, kind: DisplayKind, digits?: number): string {
    return displayValue(value, kind, readerLanguage(this.translate), digits);
  }
}

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { provideTranslateLoader, provideTranslateService } from '@ngx-translate/core';
import { NZ_DATE_CONFIG, provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { apiInterceptor } from './api.interceptor';
import { LanguageService } from './language.service';
import { MergedTranslationLoader, TRANSLATION_PARTS } from './translation-loader';

/**
 * HTTP with the API interceptor, translations (zh-CN and en: /i18n/<lang>.json plus one file per
 * feature in `translationParts`, /i18n/<part>.<lang>.json) and the matching UI-library locale, whose
 * calendars and date pickers start weeks on Monday in every language (as in China, and as our week views do).
 */
export function provideCore(options: { translationParts?: string[] } = {}): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withInterceptors([apiInterceptor])),
    { provide: TRANSLATION_PARTS, useValue: options.translationParts ?? [] },
    provideTranslateService({
      loader: provideTranslateLoader(MergedTranslationLoader),
      fallbackLang: 'zh-CN',
    }),
    provideNzI18n(zh_CN),
    { provide: NZ_DATE_CONFIG, useValue: { firstDayOfWeek: 1 } },
    provideAppInitializer(() => inject(LanguageService).init()),
  ]);
}

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { provideTranslateService } from '@ngx-translate/core';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { apiInterceptor } from './api.interceptor';
import { LanguageService } from './language.service';

/** HTTP with the API interceptor, translations (zh-CN and en from /i18n/*.json) and their UI locale. */
export function provideCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withInterceptors([apiInterceptor])),
    provideTranslateService({
      loader: provideTranslateHttpLoader({ prefix: '/i18n/', suffix: '.json' }),
      fallbackLang: 'zh-CN',
    }),
    provideNzI18n(zh_CN),
    provideAppInitializer(() => inject(LanguageService).init()),
  ]);
}

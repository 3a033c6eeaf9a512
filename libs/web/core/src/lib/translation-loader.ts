import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { forkJoin, map, Observable } from 'rxjs';

/** Extra translation files a feature brings: `/i18n/<part>.<lang>.json` next to `/i18n/<lang>.json`. */
export const TRANSLATION_PARTS = new InjectionToken<string[]>('TRANSLATION_PARTS', { factory: () => [] });

function merge(target: TranslationObject, source: TranslationObject): TranslationObject {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    target[key] =
      existing && typeof existing === 'object' && value && typeof value === 'object' && !Array.isArray(value)
        ? merge({ ...(existing as TranslationObject) }, value as TranslationObject)
        : value;
  }
  return target;
}

/** Loads a language's main file and every feature's file for it, merged into one dictionary. */
@Injectable()
export class MergedTranslationLoader implements TranslateLoader {
  private readonly http = inject(HttpClient);
  private readonly parts = inject(TRANSLATION_PARTS);

  getTranslation(lang: string): Observable<TranslationObject> {
    const files = [`/i18n/${lang}.json`, ...this.parts.map((part) => `/i18n/${part}.${lang}.json`)];
    return forkJoin(files.map((file) => this.http.get<TranslationObject>(file))).pipe(
      map((dictionaries) => dictionaries.reduce((all, one) => merge(all, one), {} as TranslationObject)),
    );
  }
}

import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'crm.language';

/** The UI language (Simplified Chinese or English), remembered in the browser. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<Language>('zh-CN');

  /** Applies the remembered choice (Chinese by default); resolves once its texts are loaded. */
  init(): Promise<unknown> {
    const saved = localStorage.getItem(STORAGE_KEY);
    return this.use((LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN');
  }

  use(language: Language): Promise<unknown> {
    localStorage.setItem(STORAGE_KEY, language);
    // `current` changes once the texts are there, so whatever reacts to it reads the new language.
    const loaded = firstValueFrom(this.translate.use(language)).then(() => this.current.set(language));
    this.nzI18n.setLocale(language === 'zh-CN' ? zh_CN : en_US);
    this.document.documentElement.lang = language;
    return loaded;
  }
}

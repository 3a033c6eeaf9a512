import { inject, OnDestroy, Pipe, PipeTransform } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { MessageCode, MessageParams } from '@crm/shared/domain';

/** A text the API gives a person to read: its English message, and its message code and params when it has them. */
export interface CodedText {
  message: string;
  code?: MessageCode | string | null;
  params?: MessageParams | null;
}

/** The i18n key of a message code: `messages.<code>`. */
export const messageKey = (code: string) => `messages.${code}`;

/** Numbers of the params formatted for `lang` (thousands separators), the rest as they are. */
export function formatParams(params: MessageParams | null | undefined, lang: string): MessageParams {
  const format = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' ? format.format(value) : value,
    ]),
  );
}

/** The text of `text` in the current language: `messages.<code>` with its params, or its message when the code is unknown. */
export function messageText(translate: TranslateService, text: CodedText): string {
  if (!text.code) return text.message;
  const key = messageKey(text.code);
  const translated = translate.instant(key, formatParams(text.params, translate.getCurrentLang())) as string;
  return translated === key ? text.message : translated;
}

/**
 * `{{ text | message }}`: a server text (error, error detail, import row error, trigger reason) in the
 * reader's language by its message code, falling back to its English message for a code the web does not know.
 * It follows language changes as the translate pipe does (which it uses).
 */
@Pipe({ name: 'message', pure: false })
export class MessagePipe implements PipeTransform, OnDestroy {
  private readonly translate = inject(TranslateService);
  private readonly pipe = new TranslatePipe();

  transform(text: CodedText | null | undefined): string {
    if (!text) return '';
    if (!text.code) return text.message;
    const key = messageKey(text.code);
    const translated = this.pipe.transform(key, formatParams(text.params, this.translate.getCurrentLang())) as string;
    return translated === key ? text.message : translated;
  }

  ngOnDestroy(): void {
    this.pipe.ngOnDestroy();
  }
}

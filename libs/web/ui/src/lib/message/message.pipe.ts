import { inject, OnDestroy, Pipe, PipeTransform } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CodedText, formatMessageParams, messageI18nKey } from '@crm/shared/domain';

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
    const key = messageI18nKey(text.code);
    const params = formatMessageParams(text.params, this.translate.getCurrentLang());
    const translated = this.pipe.transform(key, params) as string;
    return translated === key ? text.message : translated;
  }

  ngOnDestroy(): void {
    this.pipe.ngOnDestroy();
  }
}

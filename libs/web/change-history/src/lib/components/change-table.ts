import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ChangeHistoryEntry, PersonRef } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { changeLines, TextContext } from '../change-text';

/** A page of changes: when, who, what and how it changed, through which request. */
@Component({
  selector: 'crm-change-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, TranslatePipe, NzTableModule, NzTagModule],
  templateUrl: './change-table.html',
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .nowrap {
      white-space: nowrap;
    }
    .line {
      word-break: break-word;
    }
    .id {
      font-family: monospace;
      font-size: 12px;
    }
  `,
})
export class ChangeTable {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  readonly items = input.required<ChangeHistoryEntry[]>();
  readonly total = input.required<number>();
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly loading = input(false);
  /** The admin page shows whose customer each change is about; the customer page does not. */
  readonly showCustomer = input(false);
  readonly pageChange = output<number>();
  readonly actorClick = output<PersonRef>();

  protected lines(entry: ChangeHistoryEntry): string[] {
    const language = this.language.current();
    const locale = language === 'en' ? 'en-US' : 'zh-CN';
    const ctx: TextContext = {
      t: (key, params) => this.translate.instant(key, params),
      language,
      date: (iso) =>
        iso.length === 10
          ? iso
          : new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', hour12: false }),
      number: (n) => n.toLocaleString(locale),
    };
    return changeLines(entry, ctx);
  }
}

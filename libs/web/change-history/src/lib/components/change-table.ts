import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ChangeHistoryEntry, formatDateTime, formatDecimal, PersonRef } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { TABLE, TableColumn, TableList, TableRow } from '@crm/web/ui';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { changeLines, TextContext } from '../change-text';

/** A page of changes: when, who, what and how it changed, through which request. */
@Component({
  selector: 'crm-change-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TABLE, TranslatePipe, NzTagModule],
  templateUrl: './change-table.html',
  styles: `
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

  readonly list = input.required<TableList<ChangeHistoryEntry>>();
  /** The admin page shows whose customer each change is about (and filters by a clicked actor); the customer page does not. */
  readonly showCustomer = input(false);
  readonly actorClick = output<PersonRef>();
  protected readonly row: TableRow<ChangeHistoryEntry> = {
    attrs: (e) => ({ 'data-entity': e.entityType, 'data-action': e.action }),
  };
  protected readonly columns = computed((): TableColumn<ChangeHistoryEntry>[] => [
    { key: 'at', label: 'changeHistory.at', kind: 'datetime' },
    { key: 'actor', label: 'changeHistory.actor' },
    ...(this.showCustomer()
      ? [
          {
            key: 'customer',
            label: 'changeHistory.customer',
            kind: 'link' as const,
            value: (e: ChangeHistoryEntry) => e.customer?.name,
            link: (e: ChangeHistoryEntry) => ['/customers', e.customer?.id],
          },
        ]
      : []),
    { key: 'what', label: 'changeHistory.what' },
    { key: 'changes', label: 'changeHistory.changes' },
    { key: 'requestId', label: 'changeHistory.requestId' },
  ]);

  protected lines(entry: ChangeHistoryEntry): string[] {
    const language = this.language.current();
    const ctx: TextContext = {
      t: (key, params) => this.translate.instant(key, params),
      language,
      date: (iso) => formatDateTime(iso, language),
      number: (n) => formatDecimal(n, language, Number.isInteger(n) ? 0 : 2),
    };
    return changeLines(entry, ctx);
  }
}

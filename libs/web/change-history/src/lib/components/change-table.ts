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
  template: `
    <div class="scroll">
      <nz-table
        #table
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzTotal]="total()"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize()"
        [nzLoading]="loading()"
        (nzPageIndexChange)="pageChange.emit($event)"
        nzSize="small"
        data-testid="change-history"
      >
        <thead>
          <tr>
            <th>{{ 'changeHistory.at' | translate }}</th>
            <th>{{ 'changeHistory.actor' | translate }}</th>
            @if (showCustomer()) {
              <th>{{ 'changeHistory.customer' | translate }}</th>
            }
            <th>{{ 'changeHistory.what' | translate }}</th>
            <th>{{ 'changeHistory.changes' | translate }}</th>
            <th>{{ 'changeHistory.requestId' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (e of table.data; track e.id) {
            <tr [attr.data-entity]="e.entityType" [attr.data-action]="e.action">
              <td class="nowrap">{{ e.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
              <td>
                @if (e.actor; as actor) {
                  @if (showCustomer()) {
                    <a (click)="actorClick.emit(actor)">{{ actor.displayName }}</a>
                  } @else {
                    {{ actor.displayName }}
                  }
                } @else {
                  {{ 'changeHistory.system' | translate }}
                }
              </td>
              @if (showCustomer()) {
                <td>
                  @if (e.customer; as c) {
                    <a [routerLink]="['/customers', c.id]">{{ c.name }}</a>
                  }
                </td>
              }
              <td class="nowrap">
                <nz-tag>{{ 'changeHistory.entity.' + e.entityType | translate }}</nz-tag>
                {{ 'changeHistory.action.' + e.action | translate }}
              </td>
              <td>
                @if (e.export; as x) {
                  <div>
                    {{
                      (x.rows === null ? 'changeHistory.exportBroken' : 'changeHistory.exported')
                        | translate
                          : {
                              list: ('changeHistory.exportKind.' + x.kind | translate),
                              name: x.name ?? '',
                              rows: x.rows,
                              format: x.format,
                            }
                    }}
                  </div>
                }
                @for (line of lines(e); track $index) {
                  <div class="line">{{ line }}</div>
                }
              </td>
              <td class="id">{{ e.requestId ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </div>
  `,
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

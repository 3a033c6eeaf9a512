import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Page, SegmentMember, SegmentMemberSortField } from '@crm/shared/domain';
import { LanguageService, PagedList, ShownError } from '@crm/web/core';
import { ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { parseAccountNumbers } from '../account-numbers';
import { fieldValueText } from '../rule-text';
import { SegmentVocabulary } from '../segments.api';

const COLUMNS = [
  'accountNo',
  'name',
  'industry',
  'voltageKv',
  'region',
  'contractCapacityKva',
  'kwh12m',
  'arrears',
  'vipTier',
  'creditRating',
  'manager',
];

/** The member columns the server sorts by, and the sort field of each. */
const SORT_FIELDS: Record<string, SegmentMemberSortField> = {
  accountNo: 'accountNo',
  name: 'name',
  industry: 'industry',
  voltageKv: 'voltageKv',
  region: 'region',
  contractCapacityKva: 'contractCapacityKva',
  kwh12m: 'kwh12m',
  arrears: 'arrears',
  vipTier: 'vipScore',
  creditRating: 'creditScore',
};

/** A segment's members: the paged, sorted table; for an editable static segment, adding and removing members. */
@Component({
  selector: 'crm-segment-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    ErrorAlert,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzTableModule,
  ],
  templateUrl: './segment-members.html',
  styles: `
    .block {
      margin-bottom: 16px;
    }
    .add {
      display: flex;
      gap: 8px;
      margin-bottom: 16px;
      max-width: 640px;
    }
  `,
})
export class SegmentMembers {
  private readonly language = inject(LanguageService);
  readonly list = input.required<PagedList<never, Page<SegmentMember>>>();
  readonly vocabulary = input<SegmentVocabulary | null>(null);
  /** A static segment the user may change: members can be added and removed. */
  readonly editable = input(false);
  /** Adds members by account number; resolves to whether it worked. */
  readonly add = input.required<(accountNos: string[]) => Promise<boolean>>();
  readonly addError = input<ShownError | null>(null);
  readonly remove = output<SegmentMember>();
  readonly addErrorClosed = output<void>();

  protected readonly columns = COLUMNS;
  protected readonly newAccountNos = signal('');
  protected readonly parsedAccountNos = computed(() => parseAccountNumbers(this.newAccountNos()));

  protected async addMembers(): Promise<void> {
    if (await this.add()(this.parsedAccountNos())) this.newAccountNos.set('');
  }

  protected sortField(column: string): SegmentMemberSortField | undefined {
    return SORT_FIELDS[column];
  }

  protected numeric(column: string): boolean {
    return ['contractCapacityKva', 'kwh12m', 'arrears'].includes(column);
  }

  protected text(fieldKey: string, value: unknown): string {
    const v = this.vocabulary();
    return v ? fieldValueText(v.fields, fieldKey, value, v.choices, this.language.current()) : '';
  }
}

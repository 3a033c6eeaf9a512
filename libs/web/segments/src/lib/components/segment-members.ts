import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { Page, SegmentMember } from '@crm/shared/domain';
import { LanguageService, PagedList, ShownError } from '@crm/web/core';
import { ConfirmLink, ErrorAlert, TABLE, TableColumn } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { parseAccountNumbers } from '../account-numbers';
import { vocabularyColumns } from '../member-columns';
import { SegmentVocabulary } from '../segments.api';

/** A segment's members: the paged, sorted table; for an editable static segment, adding and removing members. */
@Component({
  selector: 'crm-segment-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    FormsModule,
    TranslatePipe,
    ErrorAlert,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzInputModule,
    ConfirmLink,
  ],
  templateUrl: './segment-members.html',
  styles: `
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
  private readonly vocabularyColumn = vocabularyColumns(this.vocabulary, this.language.current);

  private readonly memberColumns: TableColumn<SegmentMember>[] = [
    { key: 'accountNo', label: 'segments.column.accountNo', sort: 'accountNo' },
    {
      key: 'name',
      label: 'segments.column.name',
      kind: 'link',
      link: (m) => ['/customers', m.id],
      sort: 'name',
    },
    this.vocabularyColumn('industry', 'industry'),
    this.vocabularyColumn('voltageKv', 'voltageKv'),
    this.vocabularyColumn('region', 'region'),
    {
      key: 'contractCapacityKva',
      label: 'segments.column.contractCapacityKva',
      kind: 'kva',
      sort: 'contractCapacityKva',
    },
    { key: 'kwh12m', label: 'segments.column.kwh12m', kind: 'number', digits: 0, sort: 'kwh12m' },
    { key: 'arrears', label: 'segments.column.arrears', kind: 'money', sort: 'arrears' },
    this.vocabularyColumn('vipTier', 'vipScore'),
    this.vocabularyColumn('creditRating', 'creditScore'),
    { key: 'manager', label: 'segments.column.manager', value: (m) => m.manager?.displayName },
  ];
  protected readonly columns = computed(() =>
    this.editable() ? [...this.memberColumns, { key: 'remove', label: '' }] : this.memberColumns,
  );
  protected readonly row = { attrs: () => ({ 'data-testid': 'member' }) };
  protected readonly newAccountNos = signal('');
  protected readonly parsedAccountNos = computed(() => parseAccountNumbers(this.newAccountNos()));

  protected async addMembers(): Promise<void> {
    if (await this.add()(this.parsedAccountNos())) this.newAccountNos.set('');
  }
}

import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  SegmentChange,
  SegmentDetail,
  SegmentDistribution,
  SegmentMember,
  SegmentMemberSortField,
  SegmentSnapshot,
} from '@crm/shared/domain';
import { AuthStore, LanguageService, shownError, ShownError } from '@crm/web/core';
import { SegmentPlanEnrol } from '@crm/web/service-plans';
import { Chart, ErrorAlert } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTableModule, NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { parseAccountNumbers } from '../account-numbers';
import { distributionShares } from '../distribution-shares';
import { shareChart, snapshotChart } from '../segment-charts';
import { describeRule, fieldValueText, localized } from '../rule-text';
import { SegmentsApi, SegmentVocabulary } from '../segments.api';

const PAGE_SIZE = 20;
const JOINERS = 10;
const DEFAULT_SORT = 'accountNo';

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

/**
 * One segment: what it is and its rule in words; its members (sorted and paged by the server, exported as CSV
 * or Excel, added and removed for a static list); its size over time, the latest joiners, and how its members
 * compare with all customers by industry, voltage, region, VIP tier and credit rating; enrolling it in a service
 * plan (leaders, admins, marketing).
 */
@Component({
  selector: 'crm-segment-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ErrorAlert,
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    TranslatePipe,
    Chart,
    SegmentPlanEnrol,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzStatisticModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    @if (segment(); as s) {
      <nz-card class="block" [nzTitle]="title" [nzExtra]="actions" data-testid="segment">
        <div nz-row [nzGutter]="16">
          <div nz-col [nzXs]="24" [nzLg]="18">
            <nz-descriptions [nzColumn]="2" nzSize="small">
              <nz-descriptions-item [nzTitle]="'segments.kind' | translate">
                <nz-tag [nzColor]="s.kind === 'dynamic' ? 'blue' : 'default'" data-testid="segment-kind">{{
                  'segments.kindName.' + s.kind | translate
                }}</nz-tag>
              </nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'segments.owner' | translate">{{
                s.owner.displayName
              }}</nz-descriptions-item>
              <nz-descriptions-item [nzTitle]="'segments.description' | translate" [nzSpan]="2">{{
                s.description || '—'
              }}</nz-descriptions-item>
              @if (s.kind === 'dynamic') {
                <nz-descriptions-item [nzTitle]="'segments.rule' | translate" [nzSpan]="2">
                  <span data-testid="segment-rule">{{ ruleText() }}</span>
                </nz-descriptions-item>
              }
              <nz-descriptions-item [nzTitle]="'segments.updatedAt' | translate">{{
                s.updatedAt | date: 'yyyy-MM-dd HH:mm'
              }}</nz-descriptions-item>
            </nz-descriptions>
          </div>
          <div nz-col [nzXs]="24" [nzLg]="6">
            <nz-statistic [nzTitle]="'segments.count' | translate" [nzValue]="s.count" data-testid="segment-count" />
          </div>
        </div>
      </nz-card>
      <ng-template #title>
        <span data-testid="segment-name">{{ s.name }}</span>
      </ng-template>
      <ng-template #actions>
        <div class="buttons">
          <button nz-button (click)="download('csv')" data-testid="export-csv">
            <nz-icon nzType="download" />{{ 'segments.exportCsv' | translate }}
          </button>
          <button nz-button (click)="download('xlsx')" data-testid="export-xlsx">
            <nz-icon nzType="download" />{{ 'segments.exportExcel' | translate }}
          </button>
          <crm-segment-plan-enrol [segmentId]="s.id" />
          @if (canChange()) {
            <a nz-button [routerLink]="['/segments', s.id, 'edit']" data-testid="segment-edit">
              <nz-icon nzType="edit" />{{ 'segments.editAction' | translate }}
            </a>
            <button
              nz-button
              nzDanger
              nz-popconfirm
              [nzPopconfirmTitle]="'segments.deleteConfirm' | translate"
              (nzOnConfirm)="remove()"
              data-testid="segment-delete"
            >
              <nz-icon nzType="delete" />{{ 'segments.delete' | translate }}
            </button>
          }
        </div>
      </ng-template>

      <nz-card class="block" [nzTitle]="'segments.members' | translate">
        @if (s.kind === 'static' && canChange()) {
          <div class="add">
            <textarea
              nz-input
              rows="2"
              [ngModel]="newAccountNos()"
              (ngModelChange)="newAccountNos.set($event)"
              [placeholder]="'segments.addMembersHint' | translate"
              data-testid="add-account-nos"
            ></textarea>
            <button
              nz-button
              nzType="primary"
              (click)="addMembers()"
              [disabled]="!parsedAccountNos().length"
              data-testid="add-members"
            >
              <nz-icon nzType="plus" />{{ 'segments.addMembers' | translate }}
            </button>
          </div>
          @if (addError(); as err) {
            <crm-error-alert
              class="block"
              [error]="err"
              [closeable]="true"
              (closed)="addError.set(null)"
              data-testid="add-error"
            />
          }
        }
        <nz-table
          #members
          [nzData]="items()"
          [nzFrontPagination]="false"
          [nzTotal]="total()"
          [nzPageIndex]="page()"
          [nzPageSize]="pageSize"
          [nzLoading]="loading()"
          (nzQueryParams)="onQueryParams($event)"
          nzSize="small"
          [nzScroll]="{ x: '1300px' }"
          data-testid="members"
        >
          <thead>
            <tr>
              @for (c of columns; track c) {
                @if (sortField(c)) {
                  <th
                    [nzColumnKey]="c"
                    [nzSortFn]="true"
                    [nzSortOrder]="sortOrder(c)"
                    [nzAlign]="numeric(c) ? 'right' : null"
                  >
                    {{ 'segments.column.' + c | translate }}
                  </th>
                } @else {
                  <th>{{ 'segments.column.' + c | translate }}</th>
                }
              }
              @if (s.kind === 'static' && canChange()) {
                <th></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (m of members.data; track m.id) {
              <tr data-testid="member">
                <td>{{ m.accountNo }}</td>
                <td>
                  <a [routerLink]="['/customers', m.id]">{{ m.name }}</a>
                </td>
                <td>{{ text('industry', m.industry) }}</td>
                <td>{{ text('voltageKv', m.voltageKv) }}</td>
                <td>{{ text('region', m.region) }}</td>
                <td nzAlign="right">{{ m.contractCapacityKva === null ? '—' : (m.contractCapacityKva | number) }}</td>
                <td nzAlign="right">{{ m.kwh12m === null ? '—' : (m.kwh12m | number: '1.0-0') }}</td>
                <td nzAlign="right">{{ m.arrears === null ? '—' : (m.arrears | number: '1.2-2') }}</td>
                <td>{{ text('vipTier', m.vipTier) }}</td>
                <td>{{ text('creditRating', m.creditRating) }}</td>
                <td>{{ m.manager?.displayName ?? '—' }}</td>
                @if (s.kind === 'static' && canChange()) {
                  <td>
                    <a
                      nz-popconfirm
                      [nzPopconfirmTitle]="'segments.removeMemberConfirm' | translate"
                      (nzOnConfirm)="removeMember(m)"
                      data-testid="remove-member"
                      >{{ 'segments.removeMember' | translate }}</a
                    >
                  </td>
                }
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>

      <div nz-row [nzGutter]="16">
        <div nz-col [nzXs]="24" [nzLg]="16">
          <nz-card class="block" [nzTitle]="'segments.sizeTrend' | translate">
            @if (snapshots().length) {
              <crm-chart [options]="trendChart()" height="280px" data-testid="size-trend" />
            } @else {
              <p class="muted" data-testid="no-snapshots">{{ 'segments.noSnapshots' | translate }}</p>
            }
          </nz-card>
        </div>
        <div nz-col [nzXs]="24" [nzLg]="8">
          <nz-card class="block" [nzTitle]="'segments.latestJoiners' | translate">
            <ul class="joiners" data-testid="joiners">
              @for (c of joiners(); track c.customer.id + c.takenOn) {
                <li>
                  <span class="muted">{{ c.takenOn }}</span>
                  <a [routerLink]="['/customers', c.customer.id]">{{ c.customer.name }}</a>
                  <span class="muted">{{ c.customer.accountNo }}</span>
                </li>
              } @empty {
                <li class="muted">{{ 'segments.noJoiners' | translate }}</li>
              }
            </ul>
          </nz-card>
        </div>
      </div>

      <nz-card class="block" [nzTitle]="'segments.comparison' | translate">
        <div nz-row [nzGutter]="16">
          @for (d of comparison(); track d.dimension) {
            <div nz-col [nzXs]="24" [nzLg]="12">
              <h4>{{ d.title }}</h4>
              <crm-chart [options]="d.options" [height]="d.height" [attr.data-testid]="'distribution-' + d.dimension" />
            </div>
          }
        </div>
      </nz-card>
    }
  `,
  styles: `
    .block {
      margin-bottom: 16px;
    }
    .buttons,
    .add {
      display: flex;
      gap: 8px;
    }
    .add {
      margin-bottom: 16px;
      max-width: 640px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
    .joiners {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .joiners li {
      display: flex;
      gap: 8px;
      padding: 4px 0;
      border-bottom: 1px solid #f0f0f0;
    }
  `,
})
export class SegmentPage implements OnInit {
  /** Route parameter. */
  readonly id = input.required<string>();
  private readonly api = inject(SegmentsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly columns = [
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

  protected readonly segment = signal<SegmentDetail | null>(null);
  protected readonly vocabulary = signal<SegmentVocabulary | null>(null);
  protected readonly items = signal<SegmentMember[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly sort = signal(DEFAULT_SORT);
  protected readonly loading = signal(false);
  protected readonly snapshots = signal<SegmentSnapshot[]>([]);
  protected readonly joiners = signal<SegmentChange[]>([]);
  protected readonly distribution = signal<SegmentDistribution[]>([]);
  protected readonly newAccountNos = signal('');
  protected readonly parsedAccountNos = computed(() => parseAccountNumbers(this.newAccountNos()));
  protected readonly addError = signal<ShownError | null>(null);

  /** The owner and admins change or delete a segment. */
  protected readonly canChange = computed(() => {
    const user = this.auth.user();
    return !!user && (user.role === 'admin' || user.id === this.segment()?.owner.id);
  });
  private readonly t = (key: string) => this.translate.instant(key) as string;
  protected readonly ruleText = computed(() => {
    const s = this.segment();
    const v = this.vocabulary();
    return s?.rule && v ? describeRule(s.rule, v.fields, v.choices, this.language.current(), this.t) : '';
  });
  protected readonly trendChart = computed(() => {
    this.language.current();
    return snapshotChart(this.snapshots(), this.t);
  });
  protected readonly comparison = computed(() => {
    const v = this.vocabulary();
    if (!v) return [];
    const language = this.language.current();
    return this.distribution().map((d) => {
      const field = v.fields.find((f) => f.key === d.dimension);
      const rows = distributionShares(d);
      const label = (value: string | null) =>
        value === null ? this.t('segments.other') : fieldValueText(v.fields, d.dimension, value, v.choices, language);
      return {
        dimension: d.dimension,
        title: field ? localized(field, language) : d.dimension,
        options: shareChart(rows, label, this.t),
        height: `${60 + rows.length * 32}px`,
      };
    });
  });

  ngOnInit(): void {
    void this.load();
  }

  protected text(fieldKey: string, value: unknown): string {
    const v = this.vocabulary();
    return v ? fieldValueText(v.fields, fieldKey, value, v.choices, this.language.current()) : '';
  }

  protected sortField(column: string): SegmentMemberSortField | undefined {
    return SORT_FIELDS[column];
  }

  protected numeric(column: string): boolean {
    return ['contractCapacityKva', 'kwh12m', 'arrears'].includes(column);
  }

  protected sortOrder(column: string): 'ascend' | 'descend' | null {
    const field = SORT_FIELDS[column];
    return this.sort() === field ? 'ascend' : this.sort() === `-${field}` ? 'descend' : null;
  }

  protected onQueryParams(params: NzTableQueryParams): void {
    const sorted = params.sort.find((s) => s.value);
    const field = sorted ? SORT_FIELDS[sorted.key] : undefined;
    const sort = field ? (sorted?.value === 'descend' ? `-${field}` : field) : DEFAULT_SORT;
    if (sort !== this.sort()) {
      this.sort.set(sort);
      void this.loadMembers(1);
    } else if (params.pageIndex !== this.page()) {
      void this.loadMembers(params.pageIndex);
    }
  }

  protected async download(format: 'csv' | 'xlsx'): Promise<void> {
    const segment = this.segment();
    if (!segment) return;
    const blob = await this.api.export(segment.id, format);
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `segment-${segment.name}.${format}`;
    link.click();
    URL.revokeObjectURL(url);
  }

  protected async remove(): Promise<void> {
    await this.api.delete(this.id());
    this.message.success(this.t('segments.deleted'));
    void this.router.navigate(['/segments']);
  }

  protected async addMembers(): Promise<void> {
    this.addError.set(null);
    try {
      const { added } = await this.api.addMembers(this.id(), { accountNos: this.parsedAccountNos() });
      this.message.success(this.translate.instant('segments.added', { n: added }) as string);
      this.newAccountNos.set('');
      await this.refresh();
    } catch (e) {
      this.addError.set(shownError(e));
    }
  }

  protected async removeMember(member: SegmentMember): Promise<void> {
    await this.api.removeMember(this.id(), member.id);
    await this.refresh();
  }

  private async load(): Promise<void> {
    const id = this.id();
    const [vocabulary, segment, snapshots, joiners, distribution] = await Promise.all([
      this.api.vocabulary(),
      this.api.get(id),
      this.api.snapshots(id),
      this.api.changes(id, 'joined', 1, JOINERS),
      this.api.distribution(id),
      this.loadMembers(1),
    ]);
    this.vocabulary.set(vocabulary);
    this.segment.set(segment);
    this.snapshots.set(snapshots);
    this.joiners.set(joiners.items);
    this.distribution.set(distribution);
  }

  /** After the members of a static segment changed: its count, members and distribution. */
  private async refresh(): Promise<void> {
    const id = this.id();
    const [segment, distribution] = await Promise.all([
      this.api.get(id),
      this.api.distribution(id),
      this.loadMembers(this.page()),
    ]);
    this.segment.set(segment);
    this.distribution.set(distribution);
  }

  private async loadMembers(page: number): Promise<void> {
    this.loading.set(true);
    try {
      const result = await this.api.members(this.id(), page, PAGE_SIZE, this.sort());
      this.items.set(result.items);
      this.total.set(result.total);
      this.page.set(page);
    } finally {
      this.loading.set(false);
    }
  }
}

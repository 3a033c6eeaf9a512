import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  SEGMENT_MEMBER_SORT_FIELDS,
  SegmentChange,
  SegmentDetail,
  SegmentDistribution,
  SegmentMember,
  SegmentSnapshot,
} from '@crm/shared/domain';
import { AuthStore, LanguageService, pagedList, saveFile, shownError, ShownError } from '@crm/web/core';
import { SegmentPlanEnrol } from '@crm/web/service-plans';
import { ExportChoice, ExportMenu } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzStatisticModule } from 'ng-zorro-antd/statistic';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { distributionShares } from '../distribution-shares';
import { shareChart, snapshotChart } from '../segment-charts';
import { describeRule, fieldValueText, localized } from '../rule-text';
import { SegmentInsights } from '../components/segment-insights';
import { SegmentMembers } from '../components/segment-members';
import { SegmentsApi, SegmentVocabulary } from '../segments.api';
import { DisplayPipe } from '@crm/web/ui';

const JOINERS = 10;

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
    DisplayPipe,
    RouterLink,
    TranslatePipe,
    ExportMenu,
    SegmentInsights,
    SegmentMembers,
    SegmentPlanEnrol,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzGridModule,
    NzIconModule,
    NzPopconfirmModule,
    NzStatisticModule,
    NzTagModule,
  ],
  templateUrl: './segment.page.html',
  styles: `
    .buttons {
      display: flex;
      gap: 8px;
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

  protected readonly segment = signal<SegmentDetail | null>(null);
  protected readonly vocabulary = signal<SegmentVocabulary | null>(null);
  /** The members, sorted and paged by the server; page and sort in the URL. */
  protected readonly members = pagedList({
    filters: {},
    sort: 'accountNo',
    sorts: SEGMENT_MEMBER_SORT_FIELDS,
    fetch: (query) => this.api.members(this.id(), query),
  });
  protected readonly snapshots = signal<SegmentSnapshot[]>([]);
  protected readonly joiners = signal<SegmentChange[]>([]);
  protected readonly distribution = signal<SegmentDistribution[]>([]);
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

  protected async download(choice: ExportChoice): Promise<void> {
    const segment = this.segment();
    if (!segment) return;
    saveFile(`segment-${segment.name}.${choice.format}`, await this.api.export(segment.id, choice));
  }

  protected async remove(): Promise<void> {
    await this.api.delete(this.id());
    this.message.success(this.t('segments.deleted'));
    void this.router.navigate(['/segments']);
  }

  /** Adds members by account number; says whether it worked (the error shows next to the field). */
  protected readonly addMembers = async (accountNos: string[]): Promise<boolean> => {
    this.addError.set(null);
    try {
      const { added } = await this.api.addMembers(this.id(), { accountNos });
      this.message.success(this.translate.instant('segments.added', { n: added }) as string);
      await this.refresh();
      return true;
    } catch (e) {
      this.addError.set(shownError(e));
      return false;
    }
  };

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
    this.members.retry();
    const [segment, distribution] = await Promise.all([this.api.get(id), this.api.distribution(id)]);
    this.segment.set(segment);
    this.distribution.set(distribution);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  kpiDefinition,
  kpiSegmentShortcuts,
  NEWEST_JOINERS_LIMIT,
  SegmentJoiner,
  SegmentOverviewRow,
  SegmentsOverview,
} from '@crm/shared/domain';
import { AuthStore, LanguageService } from '@crm/web/core';
import { DisplayPipe, TABLE, TableColumn, TableRow } from '@crm/web/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { Sparkline } from '../components/sparkline';
import { ruleParams } from '../rule-param';
import { SegmentsApi } from '../segments.api';

/** Segments a page of the table shows. */
const SEGMENTS_PAGE_SIZE = 10;

/**
 * The marketing staff's home (`/marketing`, issue 16): every segment, the user's first, with its members, who
 * joined and left in the last 30 days, its size trend and how many members a service plan covers (before the first
 * segment: what a segment is, with a button to build one and the KPI shortcuts); the newest joiners of the user's
 * segments; and shortcuts that open the rule builder with the segment behind a KPI.
 */
@Component({
  selector: 'crm-marketing-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    TABLE,
    DisplayPipe,
    RouterLink,
    TranslatePipe,
    Sparkline,
    NzButtonModule,
    NzCardModule,
    NzGridModule,
    NzIconModule,
    NzProgressModule,
    NzTagModule,
  ],
  templateUrl: './marketing-home.page.html',
  styles: `
    .mine {
      margin-left: 8px;
    }
    .joined {
      color: #389e0d;
    }
    .left {
      color: #cf1322;
    }
    .coverage {
      display: flex;
      align-items: center;
      gap: 8px;
      min-width: 180px;
    }
    .coverage nz-progress {
      flex: 1;
      min-width: 60px;
    }
    .coverage-text {
      white-space: nowrap;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .shortcuts {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .shortcuts li {
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .shortcuts li:last-child {
      border-bottom: none;
    }
    .first-run {
      max-width: 720px;
    }
    .first-run h3 {
      font-size: 16px;
    }
    .from-kpi {
      margin-top: 16px;
    }
    .first-shortcuts {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .kpi {
      display: block;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class MarketingHomePage implements OnInit {
  private readonly api = inject(SegmentsApi);
  private readonly language = inject(LanguageService);
  protected readonly auth = inject(AuthStore);
  protected readonly overview = signal<SegmentsOverview | null>(null);
  protected readonly pageSize = SEGMENTS_PAGE_SIZE;
  protected readonly joinersLimit = NEWEST_JOINERS_LIMIT;

  protected readonly segmentColumns: TableColumn<SegmentOverviewRow>[] = [
    { key: 'name', label: 'segments.name' },
    { key: 'owner', label: 'segments.owner', value: (s) => s.owner.displayName },
    { key: 'members', label: 'marketingHome.members', kind: 'number' },
    { key: 'joined30', label: 'marketingHome.joined30', align: 'right' },
    { key: 'left30', label: 'marketingHome.left30', align: 'right' },
    { key: 'trend', label: 'segments.trend' },
    { key: 'coverage', label: 'marketingHome.coverage' },
  ];
  protected readonly segmentRow: TableRow<SegmentOverviewRow> = {
    attrs: (s) => ({ 'data-testid': 'home-segment-row', 'data-segment': s.name }),
  };
  protected readonly joinerColumns: TableColumn<SegmentJoiner>[] = [
    {
      key: 'customer',
      label: 'marketingHome.customer',
      kind: 'link',
      value: (j) => j.customer.name,
      link: (j) => ['/customers', j.customer.id],
      detail: (j) => j.customer.accountNo,
    },
    {
      key: 'segment',
      label: 'marketingHome.segment',
      kind: 'link',
      value: (j) => j.segment.name,
      link: (j) => ['/segments', j.segment.id],
    },
    { key: 'joinedOn', label: 'marketingHome.joinedOn', kind: 'date' },
  ];

  /** Each KPI with a segment rule: its name and the query of the link that opens the rule builder with the rule. */
  protected readonly shortcuts = computed(() => {
    const zh = this.language.current() === 'zh-CN';
    return kpiSegmentShortcuts().map(({ code, rule }) => {
      const name = kpiDefinition(code).name;
      return { code, kpi: zh ? name.zh : name.en, query: ruleParams(rule) };
    });
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.overview.set(await this.api.overview());
  }
}

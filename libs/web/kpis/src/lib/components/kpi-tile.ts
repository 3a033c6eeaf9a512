import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { KpiDefinition, kpiImproved, KpiItem, meetsKpiTarget, sparklinePeriods } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';
import { Chart } from '@crm/web/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { sparklineChart } from '../kpi-charts';
import { breakdownUnit, changeArrow, formatKpiChange, formatKpiValue } from '../kpi-format';
import { KpiDefinitionText } from './kpi-definition-text';

/** The i18n prefix naming the parts of a KPI broken down. */
const BREAKDOWN_LABELS: Partial<Record<string, string>> = {
  customers_by_stage: 'stage.',
  arrears_outstanding: 'kpis.ageing.',
  hv_connection_working_days: 'kpis.supply.',
};

/**
 * One KPI of the cockpit: its name (hover for the definition), value (a link to the records behind it when it
 * counts records), target met or not, the change since last month, the parts it breaks down into, and twelve
 * months of it as a sparkline.
 */
@Component({
  selector: 'crm-kpi-tile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, Chart, NzCardModule, NzIconModule, NzTooltipModule, KpiDefinitionText],
  templateUrl: './kpi-tile.html',
  styles: `
    :host {
      display: block;
      height: 100%;
    }
    nz-card {
      height: 100%;
    }
    .name {
      color: rgba(0, 0, 0, 0.65);
      cursor: help;
    }
    .name nz-icon {
      margin-left: 4px;
      color: rgba(0, 0, 0, 0.35);
    }
    .value {
      display: inline-block;
      font-size: 24px;
      font-weight: 600;
      margin: 4px 0;
      color: rgba(0, 0, 0, 0.88);
    }
    a.value {
      color: #1677ff;
    }
    .line {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.55);
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .met {
      color: #389e0d;
    }
    .missed {
      color: #cf1322;
    }
    .better {
      color: #389e0d;
    }
    .worse {
      color: #cf1322;
    }
    .parts {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      font-size: 12px;
    }
    .parts li {
      display: grid;
      grid-template-columns: 6em 1fr auto;
      align-items: center;
      gap: 6px;
    }
    .bar {
      height: 6px;
      background: #91caff;
      border-radius: 3px;
    }
  `,
})
export class KpiTile {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  readonly item = input.required<KpiItem>();
  readonly definition = input.required<KpiDefinition>();
  readonly period = input.required<string>();

  protected readonly zh = computed(() => this.language.current() === 'zh-CN');
  private readonly t = (key: string, params?: Record<string, unknown>) => this.translate.instant(key, params) as string;
  /** Formats a value of this KPI; reads the language so that what uses it follows a change. */
  private readonly format = computed(() => {
    const language = this.language.current();
    const unit = this.item().unit;
    return (value: number | null) => formatKpiValue(unit, value, language, this.t);
  });

  protected readonly value = computed(() => this.format()(this.item().value));
  protected readonly target = computed(() => this.format()(this.item().target));
  protected readonly met = computed(() =>
    meetsKpiTarget(this.definition().direction, this.item().value, this.item().target),
  );
  protected readonly arrow = computed(() => changeArrow(this.item().value, this.item().previous));
  protected readonly change = computed(() => {
    const { unit, value, previous } = this.item();
    return formatKpiChange(unit, value, previous, this.language.current(), this.t);
  });
  protected readonly improved = computed(() =>
    kpiImproved(this.definition().direction, this.item().value, this.item().previous),
  );
  protected readonly previous = computed(() => this.format()(this.item().previous));
  protected readonly sparkline = computed(() =>
    sparklineChart(sparklinePeriods(this.period()), this.item().sparkline, this.format()),
  );
  protected readonly labels = computed(() => BREAKDOWN_LABELS[this.item().code] ?? '');
  /** The parts with their bar's length, a share of the largest. */
  protected readonly parts = computed(() => {
    const parts = this.item().breakdown ?? [];
    const largest = Math.max(0, ...parts.map((p) => p.value));
    const unit = breakdownUnit(this.item().unit);
    const language = this.language.current();
    return parts.map((p) => ({
      ...p,
      text: formatKpiValue(unit, p.value, language, this.t),
      width: largest ? `${Math.round((p.value / largest) * 100)}%` : '0',
    }));
  });
}

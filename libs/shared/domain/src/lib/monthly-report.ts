import { ErrorDetail } from './api-types';
import { formatDecimal, formatPercent } from './display-format';
import { ruleDetail } from './errors';
import {
  Bilingual,
  currentKpiPeriod,
  isKpiPeriod,
  KPI_CATALOGUE,
  KPI_SECTIONS,
  KpiCode,
  KpiItem,
  KpiSection,
  KpiUnit,
  KpiView,
  ManagerLeagueRow,
  shiftKpiPeriod,
} from './kpis';

/**
 * The monthly report (issue 16): the KPIs of a closed month for the whole company and the manager league table,
 * kept as they were when generated, so that the figures read later are the figures that were reported. Only a
 * regeneration replaces them, and the report says when that happened.
 */

/** Who generated or regenerated a report; null when the monthly job did. */
export interface MonthlyReportActor {
  id: string;
  displayName: string;
}

/** A kept report as listed (`GET /api/kpis/reports`), newest month first. */
export interface MonthlyReportSummary {
  period: string;
  generatedAt: string;
  generatedBy: MonthlyReportActor | null;
  regenerations: number;
  regeneratedAt: string | null;
  regeneratedBy: MonthlyReportActor | null;
}

/** The KPIs of the report's per-region table, in its column order. */
export const REPORT_REGION_KPIS = [
  'customers_by_stage',
  'new_connections_completed',
  'time_limit_compliance_rate',
  'complaints_per_10k',
  'open_audit_findings',
  'arrears_outstanding',
] as const satisfies readonly KpiCode[];
export type ReportRegionKpi = (typeof REPORT_REGION_KPIS)[number];

/** The headers of the per-region table's KPI columns: each KPI's name, customers_by_stage as its total. */
export const REPORT_REGION_HEADERS: Record<ReportRegionKpi, Bilingual> = {
  customers_by_stage: { zh: '客户数', en: 'Customers' },
  new_connections_completed: { zh: '新装接电完成数', en: 'New connections completed' },
  time_limit_compliance_rate: { zh: '服务时限达标率', en: 'Time-limit compliance rate' },
  complaints_per_10k: { zh: '万户投诉率', en: 'Complaints per 10,000 customers' },
  open_audit_findings: { zh: '未整改稽查问题', en: 'Open audit findings' },
  arrears_outstanding: { zh: '欠费余额（元）', en: 'Arrears outstanding (yuan)' },
};

/** One row of the per-region table: a region of the reference data and its KPIs of the month. */
export interface MonthlyReportRegion {
  /** The customers' region (its Chinese name, as customers record it). */
  region: string;
  /** Its names in the reference data. */
  name: Bilingual;
  values: Record<ReportRegionKpi, number | null>;
}

/** The row of the per-region table of a region's KPI view; null for a KPI the view lacks. */
export function monthlyReportRegion(name: Bilingual, view: KpiView): MonthlyReportRegion {
  const byCode = new Map(view.items.map((item) => [item.code, item.value]));
  const values = Object.fromEntries(REPORT_REGION_KPIS.map((code) => [code, byCode.get(code) ?? null]));
  return { region: name.zh, name, values: values as Record<ReportRegionKpi, number | null> };
}

/** `GET /api/kpis/reports/:period`: the summary and the figures as generated. */
export interface MonthlyReport extends MonthlyReportSummary {
  /** The KPIs of the month, whole company (no region, no manager). */
  kpis: KpiView;
  /** Every account manager, in the league table's default order. */
  league: ManagerLeagueRow[];
  /** Every region of the reference data, in its order (empty in a report generated before regions were kept). */
  regions: MonthlyReportRegion[];
}

/** The figures a report keeps (the `content` of its row). */
export type MonthlyReportContent = Pick<MonthlyReport, 'kpis' | 'league' | 'regions'>;

/** The month that closed last before the China date `today`: the one the monthly job generates. */
export function lastClosedKpiPeriod(today: string): string {
  return shiftKpiPeriod(currentKpiPeriod(today), 1);
}

/** Why `period` cannot be generated on the China date `today` (null: it can): not `YYYY-MM`, or not closed yet. */
export function monthlyReportPeriodProblem(period: unknown, today: string): ErrorDetail | null {
  if (!isKpiPeriod(period)) return ruleDetail('period', 'period must be a month YYYY-MM', 'period.month');
  if (period >= currentKpiPeriod(today))
    return ruleDetail('period', 'period must be a closed month (before the current one)', 'period.closedMonth');
  return null;
}

/** One section of the report: its KPIs in catalogue order. */
export interface MonthlyReportSection {
  section: KpiSection;
  items: KpiItem[];
}

/** The report's KPIs by section, in the catalogue's order; a section without an item is left out. */
export function monthlyReportSections(view: KpiView): MonthlyReportSection[] {
  const byCode = new Map(view.items.map((item) => [item.code, item]));
  return KPI_SECTIONS.map((section) => ({
    section,
    items: KPI_CATALOGUE.filter((k) => k.section === section)
      .map((k) => byCode.get(k.code))
      .filter((item): item is KpiItem => item !== undefined),
  })).filter((s) => s.items.length > 0);
}

/** Names of the report's sections. */
export const REPORT_SECTION_NAMES: Record<KpiSection, Bilingual> = {
  customers: { zh: '客户', en: 'Customers' },
  connections: { zh: '业扩接电', en: 'Connections' },
  service_quality: { zh: '服务质量', en: 'Service quality' },
  audit: { zh: '营销稽查', en: 'Marketing audit' },
  service_plans: { zh: '服务计划', en: 'Service plans' },
  credit: { zh: '信用与欠费', en: 'Credit and arrears' },
  revenue: { zh: '收入与 VIP', en: 'Revenue and VIP' },
};

/** How each unit is named next to a figure. */
export const REPORT_UNIT_NAMES: Record<KpiUnit, Bilingual> = {
  count: { zh: '个', en: 'count' },
  ratio: { zh: '%', en: '%' },
  working_days: { zh: '工作日', en: 'working days' },
  per_10k: { zh: '次/万户', en: 'per 10,000' },
  score: { zh: '分', en: 'points' },
  yuan: { zh: '元', en: 'yuan' },
};

export type ReportLang = 'zh-CN' | 'en';

const DECIMALS: Record<KpiUnit, number> = { count: 0, ratio: 1, working_days: 1, per_10k: 2, score: 2, yuan: 2 };

/**
 * A KPI figure as the report prints it: counts and money grouped by thousands, ratios as percentages with one
 * decimal, the rest with their unit's decimals; '—' when there is none.
 */
export function formatReportValue(unit: KpiUnit, value: number | null, lang: ReportLang): string {
  return unit === 'ratio' ? formatPercent(value, lang, DECIMALS[unit]) : formatDecimal(value, lang, DECIMALS[unit]);
}

/**
 * The change from `previous` to `value`, signed, in the unit's terms (percentage points for ratios); null when
 * either is missing.
 */
export function reportChange(value: number | null, previous: number | null): number | null {
  return value === null || previous === null ? null : value - previous;
}

/** `reportChange` as printed: '+1.5%' reads '+1.5 pp' for ratios (个百分点 in Chinese); '—' when unknown. */
export function formatReportChange(unit: KpiUnit, change: number | null, lang: ReportLang): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const magnitude = formatReportValue(unit, Math.abs(change), lang);
  if (unit !== 'ratio') return `${sign}${magnitude}`;
  const points = magnitude.slice(0, -1);
  return lang === 'en' ? `${sign}${points} pp` : `${sign}${points} 个百分点`;
}

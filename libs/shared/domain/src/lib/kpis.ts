import { ErrorDetail } from './api-types';
import { ruleDetail } from './errors';
import { MessageCode } from './messages';
import { addCalendarDays } from './working-days';

/**
 * The KPI catalogue leadership and marketing read (issue 16, API.md "KPIs"): every figure on the cockpit, in the
 * monthly report and in the manager league table is defined here once — what it counts (numerator), what it is
 * divided by (denominator), over which period and which population — so two people reading the same number mean
 * the same thing. Periods are calendar months in China time (`YYYY-MM`). Rates are ratios 0..1.
 */

/** A text in both UI languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * How a KPI's value reads: a count of records, a ratio 0..1 shown as a percentage, an average in working days,
 * a rate per 10,000 customers, an average satisfaction score (1 to 5), or an amount of money in yuan.
 */
export const KPI_UNITS = ['count', 'ratio', 'working_days', 'per_10k', 'score', 'yuan'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** Whether a higher value is better (`up`) or a lower one (`down`). */
export type KpiDirection = 'up' | 'down';

/**
 * `stock`: counted at one moment (now for the current month, the month's end for a closed month);
 * `flow`: counted over the records of the month (received, completed, due… in the month).
 */
export type KpiKind = 'stock' | 'flow';

/** The sections of the cockpit and of the monthly report, in their order. */
export const KPI_SECTIONS = [
  'customers',
  'connections',
  'service_quality',
  'audit',
  'service_plans',
  'credit',
  'revenue',
] as const;
export type KpiSection = (typeof KPI_SECTIONS)[number];

export const KPI_CODES = [
  'customers_by_stage',
  'new_connections_completed',
  'hv_connection_working_days',
  'time_limit_compliance_rate',
  'open_applications_overdue',
  'complaints_per_10k',
  'contact_on_time_rate',
  'resolution_on_time_rate',
  'average_satisfaction',
  'open_escalations',
  'open_audit_findings',
  'audit_rectified_on_time_rate',
  'service_plan_completion_rate',
  'overdue_tasks',
  'arrears_outstanding',
  'blacklisted_customers',
  'c_rated_customers',
  'revenue_share_top_1',
  'revenue_share_top_5',
  'revenue_share_top_20',
  'vip_upgrades',
  'vip_downgrades',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export function isKpiCode(value: unknown): value is KpiCode {
  return typeof value === 'string' && (KPI_CODES as readonly string[]).includes(value);
}

/** The exact definition of a KPI, shown as its tooltip and in the printable glossary. */
export interface KpiDefinitionText {
  numerator: Bilingual;
  /** Null for a plain count or amount. */
  denominator: Bilingual | null;
  period: Bilingual;
  population: Bilingual;
}

export interface KpiDefinition {
  code: KpiCode;
  section: KpiSection;
  name: Bilingual;
  definition: KpiDefinitionText;
  unit: KpiUnit;
  direction: KpiDirection;
  kind: KpiKind;
  /** The target when an admin has set none (null: no target until one is set). */
  defaultTarget: number | null;
  /** Whether the value counts records that a list can show (then the API gives its `drill`). */
  countsRecords: boolean;
}

const MONTH: Bilingual = { zh: '所选月份（北京时间）', en: 'The selected month (China time)' };
const NOW: Bilingual = {
  zh: '当月取当前时点，已结束月份取月末时点',
  en: 'Now for the current month; the end of the month for a closed month',
};
const IN_SERVICE: Bilingual = {
  zh: '未销户的客户（申请、接电、运行、暂停、销户中），按所选区域与客户经理',
  en: 'Customers not closed (applying, connecting, active, suspended, closing), within the selected region and account manager',
};

const kpi = (d: KpiDefinition) => d;

/** The catalogue, in cockpit order. */
export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  kpi({
    code: 'customers_by_stage',
    section: 'customers',
    name: { zh: '各阶段客户数', en: 'Customers by stage' },
    definition: {
      numerator: { zh: '客户数，按生命周期阶段分列', en: 'Customers, broken down by lifecycle stage' },
      denominator: null,
      period: NOW,
      population: IN_SERVICE,
    },
    unit: 'count',
    direction: 'up',
    kind: 'stock',
    defaultTarget: null,
    countsRecords: true,
  }),
  kpi({
    code: 'new_connections_completed',
    section: 'connections',
    name: { zh: '新装接电完成数', en: 'New connections completed' },
    definition: {
      numerator: {
        zh: '当月完成（送电）的新装申请数',
        en: 'New-connection applications completed (energized) in the month',
      },
      denominator: null,
      period: MONTH,
      population: { zh: '所选区域与客户经理的客户', en: 'Customers of the selected region and account manager' },
    },
    unit: 'count',
    direction: 'up',
    kind: 'flow',
    defaultTarget: null,
    countsRecords: true,
  }),
  kpi({
    code: 'hv_connection_working_days',
    section: 'connections',
    name: { zh: '高压新装平均接电时长', en: 'Average working days per HV new connection' },
    definition: {
      numerator: {
        zh: '当月完成的高压新装申请，供电企业各环节用时（工作日）之和',
        en: 'Working days the utility took over all its steps, summed over the HV new connections completed in the month',
      },
      denominator: { zh: '当月完成的高压新装申请数', en: 'HV new connections completed in the month' },
      period: MONTH,
      population: {
        zh: '10 千伏及以上新装申请；承诺：单电源 ≤ 22 个工作日，双电源 ≤ 32 个工作日',
        en: 'New connections at 10 kV and above; commitment: ≤ 22 working days single supply, ≤ 32 dual supply',
      },
    },
    unit: 'working_days',
    direction: 'down',
    kind: 'flow',
    defaultTarget: 22,
    countsRecords: true,
  }),
  kpi({
    code: 'time_limit_compliance_rate',
    section: 'connections',
    name: { zh: '服务时限达标率', en: 'Time-limit compliance rate' },
    definition: {
      numerator: { zh: '当月停止且未超期的时限', en: 'Time limits stopped in the month within their limit' },
      denominator: { zh: '当月停止的全部时限', en: 'All time limits stopped in the month' },
      period: MONTH,
      population: {
        zh: '业扩环节、诉求联系与处理、稽查整改的时限',
        en: 'Time limits of application steps, request contact and resolution, and audit rectification',
      },
    },
    unit: 'ratio',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 0.98,
    countsRecords: false,
  }),
  kpi({
    code: 'open_applications_overdue',
    section: 'connections',
    name: { zh: '超期在办申请', en: 'Open applications overdue' },
    definition: {
      numerator: { zh: '当前环节已超过时限的在办申请数', en: 'Open applications whose current step is past its limit' },
      denominator: null,
      period: NOW,
      population: {
        zh: '所选区域与客户经理的在办申请',
        en: 'Open applications of the selected region and account manager',
      },
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: 0,
    countsRecords: true,
  }),
  kpi({
    code: 'complaints_per_10k',
    section: 'service_quality',
    name: { zh: '万户投诉率', en: 'Complaints per 10,000 customers' },
    definition: {
      numerator: { zh: '当月受理的投诉数 × 10,000', en: 'Complaints received in the month × 10,000' },
      denominator: { zh: '未销户的客户数', en: 'Customers not closed' },
      period: MONTH,
      population: IN_SERVICE,
    },
    unit: 'per_10k',
    direction: 'down',
    kind: 'flow',
    defaultTarget: null,
    countsRecords: true,
  }),
  kpi({
    code: 'contact_on_time_rate',
    section: 'service_quality',
    name: { zh: '联系及时率', en: 'Contact on-time rate' },
    definition: {
      numerator: {
        zh: '当月受理、在时限内首次联系客户的诉求',
        en: 'Requests received in the month whose customer was first contacted within the limit',
      },
      denominator: {
        zh: '当月受理、联系时限已停止的诉求',
        en: 'Requests received in the month whose contact clock has stopped',
      },
      period: MONTH,
      population: { zh: '有联系时限的诉求', en: 'Requests with a contact time limit' },
    },
    unit: 'ratio',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 0.99,
    countsRecords: false,
  }),
  kpi({
    code: 'resolution_on_time_rate',
    section: 'service_quality',
    name: { zh: '处理及时率', en: 'Resolution on-time rate' },
    definition: {
      numerator: { zh: '当月受理、在时限内办结的诉求', en: 'Requests received in the month resolved within the limit' },
      denominator: {
        zh: '当月受理、处理时限已停止的诉求',
        en: 'Requests received in the month whose resolution clock has stopped',
      },
      period: MONTH,
      population: { zh: '有处理时限的诉求', en: 'Requests with a resolution time limit' },
    },
    unit: 'ratio',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 0.98,
    countsRecords: false,
  }),
  kpi({
    code: 'average_satisfaction',
    section: 'service_quality',
    name: { zh: '平均满意度', en: 'Average satisfaction' },
    definition: {
      numerator: {
        zh: '当月受理诉求最近一次回访的满意度之和（1–5 分）',
        en: 'Sum of the last callback satisfaction (1–5) of requests received in the month',
      },
      denominator: { zh: '其中已回访评分的诉求数', en: 'Those requests with a rated callback' },
      period: MONTH,
      population: { zh: '已回访的诉求', en: 'Requests with a callback' },
    },
    unit: 'score',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 4.5,
    countsRecords: false,
  }),
  kpi({
    code: 'open_escalations',
    section: 'service_quality',
    name: { zh: '在办升级诉求', en: 'Open escalations' },
    definition: {
      numerator: { zh: '已升级且未关闭的诉求数', en: 'Escalated requests not closed' },
      denominator: null,
      period: NOW,
      population: { zh: '所选区域与客户经理的诉求', en: 'Requests of the selected region and account manager' },
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: 0,
    countsRecords: true,
  }),
  kpi({
    code: 'open_audit_findings',
    section: 'audit',
    name: { zh: '未整改稽查问题', en: 'Open audit findings' },
    definition: {
      numerator: { zh: '待整改与整改中的稽查问题数', en: 'Audit findings open or being rectified' },
      denominator: null,
      period: NOW,
      population: {
        zh: '所选区域与客户经理的客户的稽查问题',
        en: 'Findings on customers of the selected region and account manager',
      },
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: 0,
    countsRecords: true,
  }),
  kpi({
    code: 'audit_rectified_on_time_rate',
    section: 'audit',
    name: { zh: '稽查问题按期整改率', en: 'Audit findings rectified on time' },
    definition: {
      numerator: { zh: '当月到期的整改时限中按期完成的', en: 'Rectification limits due in the month that were met' },
      denominator: { zh: '当月到期的整改时限', en: 'Rectification limits due in the month' },
      period: MONTH,
      population: { zh: '稽查问题的整改时限', en: 'Rectification limits of audit findings' },
    },
    unit: 'ratio',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 0.95,
    countsRecords: false,
  }),
  kpi({
    code: 'service_plan_completion_rate',
    section: 'service_plans',
    name: { zh: '服务计划完成率', en: 'Service-plan completion rate' },
    definition: {
      numerator: { zh: '当月到期且已完成的服务任务', en: 'Service tasks due in the month and done' },
      denominator: {
        zh: '当月到期的服务任务（不含已取消）',
        en: 'Service tasks due in the month (cancelled ones excluded)',
      },
      period: MONTH,
      population: {
        zh: '所选区域与客户经理的客户的服务任务',
        en: 'Service tasks of customers of the selected region and account manager',
      },
    },
    unit: 'ratio',
    direction: 'up',
    kind: 'flow',
    defaultTarget: 0.95,
    countsRecords: false,
  }),
  kpi({
    code: 'overdue_tasks',
    section: 'service_plans',
    name: { zh: '逾期服务任务', en: 'Overdue tasks' },
    definition: {
      numerator: { zh: '已过到期日仍未完成的服务任务数', en: 'Service tasks past their due date and not done' },
      denominator: null,
      period: NOW,
      population: {
        zh: '所选区域与客户经理的客户的服务任务',
        en: 'Service tasks of customers of the selected region and account manager',
      },
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: 0,
    countsRecords: true,
  }),
  kpi({
    code: 'arrears_outstanding',
    section: 'credit',
    name: { zh: '欠费余额', en: 'Arrears outstanding' },
    definition: {
      numerator: {
        zh: '已过缴费期限的电费未缴金额，按欠费账龄（≤30、31–90、91–180、>180 天）分列',
        en: 'Unpaid amounts of bills past their due date, broken down by age (≤30, 31–90, 91–180, >180 days)',
      },
      denominator: null,
      period: NOW,
      population: IN_SERVICE,
    },
    unit: 'yuan',
    direction: 'down',
    kind: 'stock',
    defaultTarget: null,
    countsRecords: false,
  }),
  kpi({
    code: 'blacklisted_customers',
    section: 'credit',
    name: { zh: '黑名单客户', en: 'Blacklisted customers' },
    definition: {
      numerator: {
        zh: '信用评价列入黑名单的客户数',
        en: 'Customers whose credit evaluation puts them on the blacklist',
      },
      denominator: null,
      period: NOW,
      population: IN_SERVICE,
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: null,
    countsRecords: true,
  }),
  kpi({
    code: 'c_rated_customers',
    section: 'credit',
    name: { zh: 'C 级信用客户', en: 'C-rated customers' },
    definition: {
      numerator: { zh: '最近一次信用评级为 C 的客户数', en: 'Customers whose latest credit rating is C' },
      denominator: null,
      period: NOW,
      population: IN_SERVICE,
    },
    unit: 'count',
    direction: 'down',
    kind: 'stock',
    defaultTarget: null,
    countsRecords: true,
  }),
  ...([1, 5, 20] as const).map((top) =>
    kpi({
      code: `revenue_share_top_${top}`,
      section: 'revenue',
      name: { zh: `前 ${top}% 客户收入占比`, en: `Revenue share of the top ${top} %` },
      definition: {
        numerator: {
          zh: `近 12 个月电费金额最高的前 ${top}% 客户的电费之和`,
          en: `Billed amount of the ${top} % of customers with the highest bills over the last 12 months`,
        },
        denominator: {
          zh: '全部客户近 12 个月的电费之和',
          en: 'Billed amount of all customers over the last 12 months',
        },
        period: { zh: '截至所选月份末的 12 个月', en: 'The 12 months to the end of the selected month' },
        population: IN_SERVICE,
      },
      unit: 'ratio',
      direction: 'down',
      kind: 'flow',
      defaultTarget: null,
      countsRecords: false,
    }),
  ),
  kpi({
    code: 'vip_upgrades',
    section: 'revenue',
    name: { zh: 'VIP 等级上升', en: 'VIP tier upgrades' },
    definition: {
      numerator: { zh: '当月 VIP 等级高于上月的客户数', en: 'Customers whose VIP tier rose in the month' },
      denominator: null,
      period: MONTH,
      population: IN_SERVICE,
    },
    unit: 'count',
    direction: 'up',
    kind: 'flow',
    defaultTarget: null,
    countsRecords: false,
  }),
  kpi({
    code: 'vip_downgrades',
    section: 'revenue',
    name: { zh: 'VIP 等级下降', en: 'VIP tier downgrades' },
    definition: {
      numerator: { zh: '当月 VIP 等级低于上月的客户数', en: 'Customers whose VIP tier fell in the month' },
      denominator: null,
      period: MONTH,
      population: IN_SERVICE,
    },
    unit: 'count',
    direction: 'down',
    kind: 'flow',
    defaultTarget: null,
    countsRecords: false,
  }),
];

export function kpiDefinition(code: KpiCode): KpiDefinition {
  return KPI_CATALOGUE.find((k) => k.code === code) as KpiDefinition;
}

/** `GET /api/kpis/catalogue`: the definition with the target in force (an admin's, else the default). */
export interface KpiCatalogueEntry {
  code: KpiCode;
  section: KpiSection;
  nameZh: string;
  nameEn: string;
  definition: KpiDefinitionText;
  unit: KpiUnit;
  direction: KpiDirection;
  kind: KpiKind;
  target: number | null;
  /** Version of the target row, for `PUT /api/kpis/targets/:code` (0: never set). */
  targetVersion: number;
}

/**
 * The records behind a count: the web list (`path`, with `query` as its URL query) and the same list's API route
 * (`api`, with the same `query`), whose total equals the count.
 */
export interface KpiDrill {
  path: string;
  api: string;
  query: Record<string, string>;
}

/** One part of a KPI broken down (stage, ageing bucket…): `key` is a code the web translates. */
export interface KpiBreakdownEntry {
  key: string;
  value: number;
  drill?: KpiDrill;
}

/** One KPI of `GET /api/kpis`. */
export interface KpiItem {
  code: KpiCode;
  unit: KpiUnit;
  /** Null when the denominator is zero (nothing to rate). */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  /** The value of the month before (null when unknown). */
  previous: number | null;
  /** The twelve months to the period, oldest first; null where no figure is kept. */
  sparkline: (number | null)[];
  breakdown?: KpiBreakdownEntry[];
  drill?: KpiDrill;
}

/** The scope of `GET /api/kpis` and of the league: the customers' region and account manager now (none: all). */
export interface KpiFilter {
  region?: string;
  managerId?: string;
}

/** `GET /api/kpis?period=&region=&managerId=`. */
export interface KpiView {
  period: string;
  region: string | null;
  managerId: string | null;
  /** When the figures were computed: the newest computed_at of the snapshot rows read (the current month: its last refresh). */
  computedAt: string;
  items: KpiItem[];
}

/** One account manager in the league table (`GET /api/kpis/managers`). */
export interface ManagerLeagueRow {
  manager: { id: string; displayName: string };
  customers: number;
  /** Open applications + open requests + service tasks not done, now. */
  workload: number;
  /** Of those, the ones past their limit or due date. */
  overdueWork: number;
  /** Time-limit compliance rate of the period (as `time_limit_compliance_rate`). */
  complianceRate: number | null;
  /** Average satisfaction of the period (as `average_satisfaction`). */
  satisfaction: number | null;
  /** Open audit findings now (as `open_audit_findings`). */
  openFindings: number;
}

export const MANAGER_LEAGUE_SORT_FIELDS = [
  'displayName',
  'customers',
  'workload',
  'overdueWork',
  'complianceRate',
  'satisfaction',
  'openFindings',
] as const;
export type ManagerLeagueSortField = (typeof MANAGER_LEAGUE_SORT_FIELDS)[number];

/** Arrears ageing buckets (days past the bill's due date), the breakdown of `arrears_outstanding`. */
export const ARREARS_AGEING_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'] as const;
export type ArrearsAgeingBucket = (typeof ARREARS_AGEING_BUCKETS)[number];

export function arrearsAgeingBucket(daysPastDue: number): ArrearsAgeingBucket {
  if (daysPastDue <= 30) return 'd0_30';
  if (daysPastDue <= 90) return 'd31_90';
  if (daysPastDue <= 180) return 'd91_180';
  return 'd181_plus';
}

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether `value` is a KPI period `YYYY-MM`. */
export function isKpiPeriod(value: unknown): value is string {
  return typeof value === 'string' && PERIOD.test(value);
}

/** The China dates [from, to) of the month `period`. */
export function kpiPeriodRange(period: string): { from: string; to: string } {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const to = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${period}-01`, to };
}

/** The month `n` months before `period` (n may be negative). */
export function shiftKpiPeriod(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The twelve months to `period`, oldest first: the sparkline's months. */
export function sparklinePeriods(period: string): string[] {
  return Array.from({ length: 12 }, (_, i) => shiftKpiPeriod(period, 11 - i));
}

/** The month of the China date `today`: the current period (its figures refreshed every few minutes). */
export function currentKpiPeriod(today: string): string {
  return today.slice(0, 7);
}

/** The last day (China date) of the month `period`. */
export function lastDayOfKpiPeriod(period: string): string {
  return addCalendarDays(kpiPeriodRange(period).to, -1);
}

/**
 * Whether `value` meets `target` in the KPI's direction (at or above for `up`, at or below for `down`);
 * null when either is missing.
 */
export function meetsKpiTarget(direction: KpiDirection, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  return direction === 'up' ? value >= target : value <= target;
}

/** Whether the change from `previous` to `value` is an improvement (true), a worsening (false) or neither (null). */
export function kpiImproved(direction: KpiDirection, value: number | null, previous: number | null): boolean | null {
  if (value === null || previous === null || value === previous) return null;
  return direction === 'up' ? value > previous : value < previous;
}

/** Why a target is not valid for a KPI of `unit` (null: valid). Ratios lie in 0..1, scores in 1..5, the rest ≥ 0. */
export function kpiTargetProblem(unit: KpiUnit, target: number): ErrorDetail | null {
  const problem = (message: string, code: MessageCode) => ruleDetail('target', message, code);
  if (!Number.isFinite(target)) return problem('must be a number', 'validation.isNumber');
  if (unit === 'ratio' && (target < 0 || target > 1)) return problem('must be a ratio between 0 and 1', 'kpi.ratio');
  if (unit === 'score' && (target < 1 || target > 5)) return problem('must be a score between 1 and 5', 'kpi.score');
  if (target < 0) return problem('must not be negative', 'kpi.notNegative');
  if (unit === 'count' && !Number.isInteger(target)) return problem('must be a whole number', 'validation.isInt');
  return null;
}

import { ErrorDetail } from './api-types';
import { ruleDetail } from './errors';
import { MessageCode, MessageParams } from './messages';
import { Industry } from './customer';
import { CREDIT_RATINGS, VIP_TIERS } from './scoring';
import { CUSTOMER_STAGES, IMPORTANCE_CLASSES, TARIFF_CATEGORIES, VOLTAGE_LEVELS_KV } from './vocabulary';

/**
 * Segments (DESIGN.md, "segment"; API.md, "Segments"): the field catalog and the rule tree, shared by
 * the API (validation, SQL compilation) and the web (the rule builder).
 */

export const SEGMENT_OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'is_null',
  'not_null',
] as const;
export type SegmentOperator = (typeof SEGMENT_OPERATORS)[number];

/** number: a figure; string: one value of a code list or free text; tags: the customer's tag list. */
export type SegmentFieldType = 'number' | 'string' | 'tags';

/** Where the web finds the choices of a field whose values are not a fixed list. */
export type SegmentFieldOptions = 'industries' | 'regions' | 'managers' | 'tags';

export interface SegmentFieldValue {
  value: string | number;
  label: string;
  labelEn: string;
}

export interface SegmentField {
  key: string;
  label: string;
  labelEn: string;
  group: 'attribute' | 'behaviour';
  type: SegmentFieldType;
  operators: readonly SegmentOperator[];
  /** The only values allowed, when the field has a fixed list. */
  values?: readonly SegmentFieldValue[];
  options?: SegmentFieldOptions;
  unit?: string;
  /**
   * Behaviour fields are empty (null) for customers not scored yet (not connected, or closed), the days
   * since the last visit for customers never visited, the contract capacity for customers not yet
   * energised that have none yet, and the average satisfaction for customers without a closed work order
   * rated by its callback. Complaints in the last 12 months (received within 12 months of today, China
   * time) and open work orders (not closed) are counts: 0 when there is none.
   */
  nullable?: boolean;
}

const NUMBER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
const CODE_OPS = ['eq', 'neq', 'in', 'nin'] as const;

const values = (items: readonly (string | number)[], zh: Record<string, string>, en: Record<string, string>) =>
  items.map((v) => ({ value: v, label: zh[v] ?? String(v), labelEn: en[v] ?? String(v) }));

const kv = (v: number) => `${v} kV`;

/** Every field a rule may use: attributes of the customer, then behaviour from metrics and the latest scores. */
export const SEGMENT_FIELDS: readonly SegmentField[] = [
  {
    key: 'voltageKv',
    label: '电压等级',
    labelEn: 'Voltage',
    group: 'attribute',
    type: 'number',
    operators: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
    values: VOLTAGE_LEVELS_KV.map((v) => ({ value: v, label: kv(v), labelEn: kv(v) })),
    unit: 'kV',
  },
  {
    key: 'industry',
    label: '行业',
    labelEn: 'Industry',
    group: 'attribute',
    type: 'string',
    operators: CODE_OPS,
    options: 'industries',
  },
  {
    key: 'tariffCategory',
    label: '电价类别',
    labelEn: 'Tariff category',
    group: 'attribute',
    type: 'string',
    operators: CODE_OPS,
    values: values(
      TARIFF_CATEGORIES,
      {
        large_industry: '大工业用电',
        general_commercial: '一般工商业用电',
        agriculture: '农业生产用电',
        other: '其他',
      },
      {
        large_industry: 'Large industry',
        general_commercial: 'General commercial',
        agriculture: 'Agriculture',
        other: 'Other',
      },
    ),
  },
  {
    key: 'contractCapacityKva',
    label: '合同容量',
    labelEn: 'Contract capacity',
    group: 'attribute',
    type: 'number',
    operators: [...NUMBER_OPS, 'is_null', 'not_null'],
    unit: 'kVA',
    nullable: true,
  },
  {
    key: 'region',
    label: '供电区域',
    labelEn: 'Region',
    group: 'attribute',
    type: 'string',
    operators: CODE_OPS,
    options: 'regions',
  },
  {
    key: 'stage',
    label: '生命周期阶段',
    labelEn: 'Stage',
    group: 'attribute',
    type: 'string',
    operators: CODE_OPS,
    values: values(
      CUSTOMER_STAGES,
      {
        applying: '报装中',
        connecting: '接电中',
        active: '在用',
        suspended: '暂停',
        closing: '销户中',
        closed: '已销户',
      },
      {
        applying: 'Applying',
        connecting: 'Connecting',
        active: 'Active',
        suspended: 'Suspended',
        closing: 'Closing',
        closed: 'Closed',
      },
    ),
  },
  {
    key: 'importance',
    label: '重要客户等级',
    labelEn: 'Important-customer class',
    group: 'attribute',
    type: 'string',
    operators: CODE_OPS,
    values: values(
      IMPORTANCE_CLASSES,
      { none: '非重要客户', temporary: '临时性重要', level2: '二级重要', level1: '一级重要', special: '特级重要' },
      { none: 'Not important', temporary: 'Temporary', level2: 'Level 2', level1: 'Level 1', special: 'Special' },
    ),
  },
  {
    key: 'tags',
    label: '标签',
    labelEn: 'Tags',
    group: 'attribute',
    type: 'tags',
    operators: ['contains', 'in', 'nin'],
    options: 'tags',
  },
  {
    key: 'accountManagerId',
    label: '客户经理',
    labelEn: 'Account manager',
    group: 'attribute',
    type: 'string',
    operators: ['eq', 'neq', 'in', 'nin', 'is_null'],
    options: 'managers',
  },
  ...(
    [
      ['kwh12m', '近12个月用电量', '12-month consumption', 'kWh'],
      ['kwhGrowthPercent', '用电量同比增长', 'Consumption growth, year on year', '%'],
      ['maxDemandKw', '近12个月最大需量', 'Maximum demand, 12 months', 'kW'],
      ['avgPowerFactor', '平均功率因数', 'Average power factor', ''],
      ['arrears', '欠费金额', 'Arrears', '元'],
      ['lateBills12m', '近12个月逾期缴费次数', 'Late payments, 12 months', ''],
      ['violations24m', '近24个月违约用电次数', 'Violations, 24 months', ''],
      ['thefts24m', '近24个月窃电次数', 'Thefts, 24 months', ''],
      ['vipScore', 'VIP 价值得分', 'VIP score', ''],
      ['creditScore', '信用得分', 'Credit score', ''],
      ['daysSinceVisit', '距上次走访天数', 'Days since the last visit', '天'],
    ] as const
  ).map(
    ([key, label, labelEn, unit]): SegmentField => ({
      key,
      label,
      labelEn,
      group: 'behaviour',
      type: 'number',
      operators: [...NUMBER_OPS, 'is_null', 'not_null'],
      ...(unit ? { unit } : {}),
      nullable: true,
    }),
  ),
  {
    key: 'vipTier',
    label: 'VIP 等级',
    labelEn: 'VIP tier',
    group: 'behaviour',
    type: 'string',
    operators: [...CODE_OPS, 'is_null', 'not_null'],
    values: values(
      VIP_TIERS,
      { platinum: '铂金', gold: '黄金', silver: '白银', standard: '普通' },
      { platinum: 'Platinum', gold: 'Gold', silver: 'Silver', standard: 'Standard' },
    ),
    nullable: true,
  },
  {
    key: 'creditRating',
    label: '信用等级',
    labelEn: 'Credit rating',
    group: 'behaviour',
    type: 'string',
    operators: [...CODE_OPS, 'is_null', 'not_null'],
    values: values(CREDIT_RATINGS, {}, {}),
    nullable: true,
  },
  {
    key: 'complaints12m',
    label: '近12个月投诉次数',
    labelEn: 'Complaints, 12 months',
    group: 'behaviour',
    type: 'number',
    operators: NUMBER_OPS,
  },
  {
    key: 'openOrders',
    label: '未关闭工单数',
    labelEn: 'Open work orders',
    group: 'behaviour',
    type: 'number',
    operators: NUMBER_OPS,
  },
  {
    key: 'avgSatisfaction',
    label: '平均满意度',
    labelEn: 'Average satisfaction',
    group: 'behaviour',
    type: 'number',
    operators: [...NUMBER_OPS, 'is_null', 'not_null'],
    nullable: true,
  },
];

/**
 * The industry codes that industry values of a rule stand for: a GB/T 4754 section (a letter, e.g. C 制造业)
 * stands for itself and every division in it, a division (e.g. 38) for itself. Rules keep the section as
 * picked, so a saved rule reads "C" rather than 31 division codes; the query expands it.
 */
export function industryCodesWithin(
  values: readonly string[],
  industries: readonly Pick<Industry, 'code' | 'section'>[],
): string[] {
  const picked = new Set(values);
  const within = industries.filter((i) => picked.has(i.code) || picked.has(i.section)).map((i) => i.code);
  return [...new Set([...values, ...within])];
}

export const SEGMENT_FIELD_KEYS = SEGMENT_FIELDS.map((f) => f.key);

export function segmentField(key: string): SegmentField | undefined {
  return SEGMENT_FIELDS.find((f) => f.key === key);
}

export interface SegmentCondition {
  field: string;
  operator: SegmentOperator;
  value?: unknown;
}

export interface SegmentRule {
  op: 'and' | 'or';
  rules: (SegmentCondition | SegmentRule)[];
}

export function isSegmentGroup(node: SegmentCondition | SegmentRule): node is SegmentRule {
  return 'op' in node;
}

/** Limits that keep a rule something a person built: deeper or wider trees are refused. */
export const SEGMENT_RULE_LIMITS = { depth: 5, groupSize: 50, conditions: 100, listValues: 1000, textLength: 200 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The problem with one scalar value of `field` at `at`, or null. */
function scalarProblem(field: SegmentField, value: unknown, at: string): ErrorDetail | null {
  if (field.type === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return ruleDetail(at, 'must be a number', 'validation.isNumber');
  } else {
    if (typeof value !== 'string' || value.length === 0)
      return ruleDetail(at, 'must be a non-empty string', 'validation.isNotEmpty');
    if (value.length > SEGMENT_RULE_LIMITS.textLength)
      return ruleDetail(at, `must be at most ${SEGMENT_RULE_LIMITS.textLength} characters`, 'validation.maxLength', {
        limit: SEGMENT_RULE_LIMITS.textLength,
      });
    if (field.key === 'accountManagerId' && !UUID.test(value))
      return ruleDetail(at, 'must be the id (UUID) of an account manager', 'segment.managerId');
  }
  if (field.values && !field.values.some((v) => v.value === value)) {
    const values = field.values.map((v) => v.value).join(', ');
    return ruleDetail(at, `must be one of ${values}`, 'validation.isIn', { values });
  }
  return null;
}

function conditionProblems(node: Record<string, unknown>, path: string): ErrorDetail[] {
  const field = typeof node['field'] === 'string' ? segmentField(node['field']) : undefined;
  if (!field)
    return [
      ruleDetail(
        `${path}.field`,
        `unknown field ${JSON.stringify(node['field'])}; see GET /api/segments/fields`,
        'segment.unknownField',
        { name: String(node['field']) },
      ),
    ];
  const operator = node['operator'];
  if (typeof operator !== 'string' || !field.operators.includes(operator as SegmentOperator))
    return [
      ruleDetail(
        `${path}.operator`,
        `unknown operator ${JSON.stringify(operator)} for ${field.key}; use one of ${field.operators.join(', ')}`,
        'segment.unknownOperator',
        { operator: String(operator), name: field.key, values: field.operators.join(', ') },
      ),
    ];
  const value = node['value'];
  const at = `${path}.value`;
  const problem = (message: string, code: MessageCode, params?: MessageParams): ErrorDetail[] => [
    ruleDetail(at, message, code, params),
  ];
  const scalars = (values: unknown[]): ErrorDetail[] => {
    for (let i = 0; i < values.length; i++) {
      const p = scalarProblem(field, values[i], `${at}[${i}]`);
      if (p) return [p];
    }
    return [];
  };
  switch (operator as SegmentOperator) {
    case 'is_null':
    case 'not_null':
      return value === undefined || value === null
        ? []
        : problem(`must be absent for ${operator}`, 'segment.valueAbsent', { operator });
    case 'in':
    case 'nin': {
      if (!Array.isArray(value) || value.length === 0)
        return problem('must be a non-empty list', 'validation.arrayMinSize', { limit: 1 });
      if (value.length > SEGMENT_RULE_LIMITS.listValues)
        return problem(`must have at most ${SEGMENT_RULE_LIMITS.listValues} values`, 'validation.arrayMaxSize', {
          limit: SEGMENT_RULE_LIMITS.listValues,
        });
      return scalars(value);
    }
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2)
        return problem('must be a list of two numbers [from, to]', 'segment.range');
      const p = scalars(value);
      if (p.length) return p;
      return (value[0] as number) <= (value[1] as number)
        ? []
        : problem('from must not be greater than to', 'segment.rangeOrder');
    }
    case 'contains': {
      const p = scalarProblem({ ...field, type: 'string', values: undefined }, value, at);
      return p ? [p] : [];
    }
    default: {
      const p = scalarProblem(field, value, at);
      return p ? [p] : [];
    }
  }
}

/**
 * Every problem of `rule` (input of unknown shape), each naming its place, e.g. `rule.rules[1].value`;
 * empty when the rule is valid. An empty root group is valid and matches every customer.
 */
export function segmentRuleProblems(rule: unknown, path = 'rule'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  let conditions = 0;
  const visit = (node: unknown, at: string, depth: number): void => {
    if (!isObject(node)) {
      problems.push(
        ruleDetail(at, 'must be a group {op, rules} or a condition {field, operator, value}', 'segment.node'),
      );
      return;
    }
    if (!('op' in node)) {
      conditions++;
      if (conditions === SEGMENT_RULE_LIMITS.conditions + 1)
        problems.push(
          ruleDetail(
            at,
            `a rule has at most ${SEGMENT_RULE_LIMITS.conditions} conditions`,
            'segment.tooManyConditions',
            {
              limit: SEGMENT_RULE_LIMITS.conditions,
            },
          ),
        );
      problems.push(...conditionProblems(node, at));
      return;
    }
    if (node['op'] !== 'and' && node['op'] !== 'or')
      problems.push(ruleDetail(`${at}.op`, 'must be and or or', 'validation.isIn', { values: 'and, or' }));
    if (depth > SEGMENT_RULE_LIMITS.depth) {
      problems.push(
        ruleDetail(at, `groups nest at most ${SEGMENT_RULE_LIMITS.depth} deep`, 'field.tooDeep', {
          max: SEGMENT_RULE_LIMITS.depth,
        }),
      );
      return;
    }
    const rules = node['rules'];
    if (!Array.isArray(rules)) {
      problems.push(ruleDetail(`${at}.rules`, 'must be a list', 'validation.isArray'));
      return;
    }
    if (rules.length === 0 && depth > 1)
      problems.push(ruleDetail(`${at}.rules`, 'an inner group must not be empty', 'segment.emptyGroup'));
    if (rules.length > SEGMENT_RULE_LIMITS.groupSize) {
      problems.push(
        ruleDetail(
          `${at}.rules`,
          `a group has at most ${SEGMENT_RULE_LIMITS.groupSize} entries`,
          'validation.arrayMaxSize',
          {
            limit: SEGMENT_RULE_LIMITS.groupSize,
          },
        ),
      );
      return;
    }
    rules.forEach((r, i) => visit(r, `${at}.rules[${i}]`, depth + 1));
  };
  visit(rule, path, 1);
  return problems.slice(0, 20);
}

/** The fields a (valid) rule uses, e.g. to know which tables its query joins. */
export function segmentRuleFields(rule: SegmentRule): Set<string> {
  const fields = new Set<string>();
  const visit = (node: SegmentCondition | SegmentRule) =>
    isSegmentGroup(node) ? node.rules.forEach(visit) : fields.add(node.field);
  visit(rule);
  return fields;
}

export const SEGMENT_KINDS = ['dynamic', 'static'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export interface Segment {
  id: string;
  name: string;
  description: string;
  kind: SegmentKind;
  rule: SegmentRule | null;
  owner: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  /** Members at the latest snapshot (dynamic) or in the list (static), counted over all customers. */
  size: number | null;
  /** Sizes of the last 30 daily snapshots, oldest first. */
  trend: number[];
}

export interface SegmentMember {
  id: string;
  accountNo: string;
  name: string;
  industry: string;
  voltageKv: number;
  region: string;
  stage: string;
  importance: string;
  contractCapacityKva: number | null;
  manager: { id: string; displayName: string } | null;
  kwh12m: number | null;
  arrears: number | null;
  vipScore: number | null;
  vipTier: string | null;
  creditScore: number | null;
  creditRating: string | null;
}

export const SEGMENT_MEMBER_SORT_FIELDS = [
  'accountNo',
  'name',
  'industry',
  'voltageKv',
  'region',
  'contractCapacityKva',
  'kwh12m',
  'arrears',
  'vipScore',
  'creditScore',
] as const;
export type SegmentMemberSortField = (typeof SEGMENT_MEMBER_SORT_FIELDS)[number];
export const SEGMENT_MEMBER_SORTS: readonly string[] = SEGMENT_MEMBER_SORT_FIELDS.flatMap((f) => [f, `-${f}`]);

export interface SegmentPreview {
  count: number;
  sample: SegmentMember[];
}

export interface SegmentSnapshot {
  takenOn: string;
  size: number;
  joined: number;
  left: number;
}

export interface SegmentChange {
  takenOn: string;
  change: 'joined' | 'left';
  customer: { id: string; accountNo: string; name: string; region: string };
}

export const SEGMENT_DIMENSIONS = ['industry', 'voltageKv', 'region', 'vipTier', 'creditRating'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** A segment's distribution over one dimension next to the population's (both within the caller's scope). */
export interface SegmentDistribution {
  dimension: SegmentDimension;
  buckets: { value: string; segment: number; population: number }[];
}

/** One segment as its page shows it: with the number of members the caller sees now. */
export interface SegmentDetail extends Segment {
  count: number;
}

/** Days the marketing home counts joiners and leavers over: today (China time) and the 29 days before. */
export const SEGMENT_MOVEMENT_DAYS = 30;

/** Joiners of the caller's segments the marketing home shows, newest first. */
export const NEWEST_JOINERS_LIMIT = 20;

/** One segment on the marketing home (GET /api/segments/overview). */
export interface SegmentOverviewRow {
  id: string;
  name: string;
  kind: SegmentKind;
  owner: { id: string; displayName: string };
  /** Members now (a dynamic segment's at its latest snapshot), over all customers. */
  members: number;
  /** Customers who joined within SEGMENT_MOVEMENT_DAYS (a static segment's: added to the list). */
  joined30: number;
  /** Customers who left within SEGMENT_MOVEMENT_DAYS; null for a static segment, whose removals are not kept. */
  left30: number | null;
  /** Members enrolled in at least one running service plan. */
  coveredByPlans: number;
  /** Daily sizes within SEGMENT_MOVEMENT_DAYS, oldest first. */
  trend: number[];
}

/** A customer who joined one of the caller's segments. */
export interface SegmentJoiner {
  joinedOn: string;
  segment: { id: string; name: string };
  customer: { id: string; accountNo: string; name: string };
}

/** GET /api/segments/overview: every segment, the caller's first, and the newest joiners of the caller's. */
export interface SegmentsOverview {
  segments: SegmentOverviewRow[];
  newestJoiners: SegmentJoiner[];
}

import { Params, TODAY_CN } from '@crm/api/database';
import industries from '@crm/seeds/industries.json';
import { industryCodesWithin, isSegmentGroup, SegmentCondition, SegmentRule } from '@crm/shared/domain';

interface FieldSql {
  /** The column or expression over the customer's segment facts `f`. */
  sql: string;
  /** The SQL type values are cast to (the column's). */
  type: 'smallint' | 'numeric' | 'text' | 'uuid' | 'tags';
}

/** The SQL of every field of SEGMENT_FIELDS (its unit tests check that none is missing). */
export const FIELD_SQL: Record<string, FieldSql> = {
  voltageKv: { sql: 'f.voltage_kv', type: 'smallint' },
  industry: { sql: 'f.industry', type: 'text' },
  tariffCategory: { sql: 'f.tariff_category', type: 'text' },
  contractCapacityKva: { sql: 'f.contract_capacity_kva', type: 'numeric' },
  region: { sql: 'f.region', type: 'text' },
  stage: { sql: 'f.stage', type: 'text' },
  importance: { sql: 'f.importance', type: 'text' },
  tags: { sql: 'f.tags', type: 'tags' },
  accountManagerId: { sql: 'f.account_manager_id', type: 'uuid' },
  kwh12m: { sql: 'f.kwh_12m', type: 'numeric' },
  // The growth is a float8 ratio: 0.07 * 100 in float8 is 7.000000000000001, which "= 7" or "<= 7" would miss.
  // As numeric (15 significant digits) it is 7.00 exactly, as the percent the user typed means it.
  kwhGrowthPercent: { sql: '(f.kwh_growth::numeric * 100)', type: 'numeric' },
  maxDemandKw: { sql: 'f.max_demand_kw_12m', type: 'numeric' },
  avgPowerFactor: { sql: 'f.avg_power_factor_12m', type: 'numeric' },
  arrears: { sql: 'f.arrears', type: 'numeric' },
  lateBills12m: { sql: 'f.late_bills_12m', type: 'numeric' },
  violations24m: { sql: 'f.violations_24m', type: 'numeric' },
  thefts24m: { sql: 'f.thefts_24m', type: 'numeric' },
  vipScore: { sql: 'f.vip_score', type: 'numeric' },
  vipTier: { sql: 'f.vip_tier', type: 'text' },
  creditScore: { sql: 'f.credit_score', type: 'numeric' },
  creditRating: { sql: 'f.credit_rating', type: 'text' },
  daysSinceVisit: { sql: `(${TODAY_CN} - f.last_visit_on)`, type: 'numeric' },
  // The facts keep each complaint's day (most customers have none: no sub-query for them), so the 12 months
  // move with today without a job: within them means received after the same day a year ago.
  complaints12m: {
    sql: `(CASE WHEN f.complaint_days IS NULL THEN 0
                ELSE (SELECT count(*) FROM unnest(f.complaint_days) d WHERE d > (${TODAY_CN} - interval '12 months')::date)
           END)`,
    type: 'numeric',
  },
  openOrders: { sql: 'f.open_orders', type: 'numeric' },
  avgSatisfaction: { sql: 'f.avg_satisfaction', type: 'numeric' },
};

/**
 * An industry condition as the query needs it: a section (C) stands for its divisions too (industryCodesWithin,
 * over the reference the industries table is synced from), so one value becomes a list: eq is in, neq is nin.
 */
function expandIndustry(c: SegmentCondition): SegmentCondition {
  const values = (Array.isArray(c.value) ? c.value : [c.value]) as string[];
  const operator = c.operator === 'eq' || c.operator === 'in' ? 'in' : 'nin';
  return { field: c.field, operator, value: industryCodesWithin(values, industries.industries) };
}

/**
 * Compiles a rule that segmentRuleProblems accepted into one parameterised condition over the segment
 * facts `f` (table segment_facts, one row per customer): every value goes into `params` (added),
 * never into the SQL text.
 */
export function compileSegmentRule(rule: SegmentRule, params: Params): string {
  const param = (value: unknown, type: string) => `${params.add(value)}::${type}`;
  const condition = (node: SegmentCondition): string => {
    const c = node.field === 'industry' ? expandIndustry(node) : node;
    const field = FIELD_SQL[c.field];
    if (!field) throw new Error(`No SQL for segment field ${c.field}`);
    const x = field.sql;
    if (field.type === 'tags') {
      if (c.operator === 'contains') return `${x} @> ARRAY[${param(c.value, 'text')}]`;
      if (c.operator === 'in') return `${x} && ${param(c.value, 'text[]')}`;
      if (c.operator === 'nin') return `NOT (${x} && ${param(c.value, 'text[]')})`;
    }
    const one = () => param(c.value, field.type);
    const list = () => param(c.value, `${field.type}[]`);
    switch (c.operator) {
      case 'eq':
        return `${x} = ${one()}`;
      case 'neq':
        return `${x} IS DISTINCT FROM ${one()}`;
      case 'in':
        return `${x} = ANY(${list()})`;
      case 'nin':
        return `(${x} = ANY(${list()})) IS NOT TRUE`;
      case 'gt':
        return `${x} > ${one()}`;
      case 'gte':
        return `${x} >= ${one()}`;
      case 'lt':
        return `${x} < ${one()}`;
      case 'lte':
        return `${x} <= ${one()}`;
      case 'between': {
        const [from, to] = c.value as [number, number];
        return `${x} BETWEEN ${param(from, field.type)} AND ${param(to, field.type)}`;
      }
      case 'contains': // offered by the tags field only, compiled above
        throw new Error(`${c.field} has no contains`);
      case 'is_null':
        return `${x} IS NULL`;
      case 'not_null':
        return `${x} IS NOT NULL`;
    }
  };
  const group = (g: SegmentRule): string => {
    if (g.rules.length === 0) return 'TRUE';
    const parts = g.rules.map((r) => (isSegmentGroup(r) ? group(r) : condition(r)));
    return parts.length === 1 ? parts[0] : `(${parts.join(g.op === 'and' ? ' AND ' : ' OR ')})`;
  };
  return group(rule);
}

import { isSegmentGroup, SegmentCondition, SegmentRule } from '@crm/shared/domain';

interface FieldSql {
  /** The column or expression, over customers `c` or their metrics and latest scores `m`. */
  sql: string;
  /** The SQL type values are cast to (the column's, so that its index can serve). */
  type: 'smallint' | 'numeric' | 'float8' | 'text' | 'uuid' | 'tags';
  metrics?: true;
}

/** The SQL of every field of SEGMENT_FIELDS (its unit tests check that none is missing). */
export const FIELD_SQL: Record<string, FieldSql> = {
  voltageKv: { sql: 'c.voltage_kv', type: 'smallint' },
  industry: { sql: 'c.industry', type: 'text' },
  tariffCategory: { sql: 'c.tariff_category', type: 'text' },
  contractCapacityKva: { sql: 'c.contract_capacity_kva', type: 'numeric' },
  region: { sql: 'c.region', type: 'text' },
  stage: { sql: 'c.stage', type: 'text' },
  importance: { sql: 'c.importance', type: 'text' },
  tags: { sql: 'c.tags', type: 'tags' },
  accountManagerId: { sql: 'c.account_manager_id', type: 'uuid' },
  kwh12m: { sql: 'm.kwh_12m', type: 'numeric', metrics: true },
  kwhGrowthPercent: { sql: '(m.kwh_growth * 100)', type: 'float8', metrics: true },
  maxDemandKw: { sql: 'm.max_demand_kw_12m', type: 'numeric', metrics: true },
  avgPowerFactor: { sql: 'm.avg_power_factor_12m', type: 'numeric', metrics: true },
  arrears: { sql: 'm.arrears', type: 'numeric', metrics: true },
  lateBills12m: { sql: 'm.late_bills_12m', type: 'numeric', metrics: true },
  violations24m: { sql: 'm.violations_24m', type: 'numeric', metrics: true },
  thefts24m: { sql: 'm.thefts_24m', type: 'numeric', metrics: true },
  vipScore: { sql: 'm.vip_score', type: 'numeric', metrics: true },
  vipTier: { sql: 'm.vip_tier', type: 'text', metrics: true },
  creditScore: { sql: 'm.credit_score', type: 'numeric', metrics: true },
  creditRating: { sql: 'm.credit_rating', type: 'text', metrics: true },
};

/** Brings each customer's metrics and latest scores `m` (none for a customer not scored). */
export const METRICS_JOIN = 'LEFT JOIN customer_metrics m ON m.customer_id = c.id';

export interface CompiledRule {
  /** A boolean SQL condition over c (and m), whose values are positional parameters in `params`. */
  where: string;
  /** The condition reads `m`: METRICS_JOIN must be in the query. */
  readsMetrics: boolean;
}

/**
 * Compiles a rule that segmentRuleProblems accepted into one parameterised condition: every value
 * goes into `params` (appended), never into the SQL text.
 */
export function compileSegmentRule(rule: SegmentRule, params: unknown[]): CompiledRule {
  let readsMetrics = false;
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const condition = (c: SegmentCondition): string => {
    const field = FIELD_SQL[c.field];
    if (!field) throw new Error(`No SQL for segment field ${c.field}`);
    if (field.metrics) readsMetrics = true;
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
  const where = group(rule);
  return { where, readsMetrics };
}

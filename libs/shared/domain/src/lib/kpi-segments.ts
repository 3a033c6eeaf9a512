import { KPI_CODES, KpiCode } from './kpis';
import { SegmentCondition, SegmentRule } from './segments';

/**
 * Segments built from a KPI (issue 16, the marketing home's shortcuts): for a KPI that counts customers, or
 * that customers pull down, the segment rule of those customers, in the fields of the rule builder
 * (SEGMENT_FIELDS). Like the KPIs' population, the rules leave closed customers out. KPIs the fields cannot
 * express (open audit findings, arrears by age, overdue applications or tasks, VIP tier moves, revenue
 * shares) have no rule.
 */

const cond = (field: string, operator: SegmentCondition['operator'], value?: unknown): SegmentCondition =>
  value === undefined ? { field, operator } : { field, operator, value };

/** Customers not closed, and matching `condition`. */
const inService = (condition: SegmentCondition | SegmentRule): SegmentRule => ({
  op: 'and',
  rules: [cond('stage', 'neq', 'closed'), condition],
});

/** A satisfaction average under this (on the 1 to 5 scale) counts as dissatisfied. */
export const DISSATISFIED_BELOW = 3;

const KPI_SEGMENT_RULES: Partial<Record<KpiCode, SegmentRule>> = {
  complaints_per_10k: inService(cond('complaints12m', 'gt', 0)),
  average_satisfaction: inService(cond('avgSatisfaction', 'lt', DISSATISFIED_BELOW)),
  arrears_outstanding: inService(cond('arrears', 'gt', 0)),
  // The blacklist's two reasons (blacklistReasonOf): a C rating, or a theft in 24 months.
  blacklisted_customers: inService({
    op: 'or',
    rules: [cond('creditRating', 'eq', 'C'), cond('thefts24m', 'gt', 0)],
  }),
  c_rated_customers: inService(cond('creditRating', 'eq', 'C')),
};

/** A copy of a rule (plain JSON) the caller may change. */
const copy = (rule: SegmentRule): SegmentRule => JSON.parse(JSON.stringify(rule)) as SegmentRule;

/** The segment rule of the customers behind a KPI, or null when the rule builder's fields cannot express it. */
export function kpiSegmentRule(code: KpiCode): SegmentRule | null {
  const rule = KPI_SEGMENT_RULES[code];
  return rule ? copy(rule) : null;
}

/** The KPIs that have a segment rule, in catalogue order. */
export const KPI_SEGMENT_CODES: readonly KpiCode[] = KPI_CODES.filter((code) => code in KPI_SEGMENT_RULES);

/** Each KPI that has a segment rule, with a copy of its rule, in catalogue order. */
export function kpiSegmentShortcuts(): { code: KpiCode; rule: SegmentRule }[] {
  return KPI_SEGMENT_CODES.map((code) => ({ code, rule: copy(KPI_SEGMENT_RULES[code] as SegmentRule) }));
}

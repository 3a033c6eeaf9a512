import {
  CREDIT_CURVES,
  CREDIT_FACTORS,
  Curve,
  IMPORTANCE_POINTS,
  RatingThresholds,
  ScoringModelFields,
  TierThresholds,
  VIP_FACTORS,
} from '@crm/shared/domain';

/** Customers that are scored: those with a supply (DESIGN.md stages active, suspended, closing). */
export const SCORED_STAGES = `('active', 'suspended', 'closing')`;

/** A curve as a SQL expression of `raw` (the points are constants of the code, never input). */
export function curveSql(curve: Curve, raw: string): string {
  const parts = [`WHEN ${raw} <= ${curve[0][0]} THEN ${curve[0][1]}::float8`];
  for (let i = 1; i < curve.length; i++) {
    const [x0, y0] = curve[i - 1];
    const [x1, y1] = curve[i];
    parts.push(`WHEN ${raw} <= ${x1} THEN ${y0} + (${raw} - ${x0}) * ${(y1 - y0) / (x1 - x0)}`);
  }
  return `(CASE ${parts.join(' ')} ELSE ${curve[curve.length - 1][1]}::float8 END)`;
}

/**
 * Every scored customer's metrics as of `$1` (a date in China), in one set-wise statement: the last 12
 * complete months of consumption and bills, the 12 before, 24 months of violations and disconnections.
 * Columns match the table customer_metrics. With `only` (a table of customer_id), those customers' only.
 */
export function metricsSelect(only?: string): string {
  const among = (column: string) => (only ? `AND ${column} IN (SELECT customer_id FROM ${only})` : '');
  return `
  WITH k AS (
    SELECT x.customer_id,
           sum(x.kwh) FILTER (WHERE x.period >= $2::date) AS kwh_12m,
           sum(x.kwh) FILTER (WHERE x.period < $2::date) AS kwh_prev_12m,
           max(x.max_demand_kw) FILTER (WHERE x.period >= $2::date) AS max_demand_kw_12m,
           avg(x.power_factor) FILTER (WHERE x.period >= $2::date) AS avg_power_factor_12m,
           count(*) FILTER (WHERE x.period >= $2::date) AS months_metered_12m,
           count(*) FILTER (WHERE x.period >= $2::date AND x.max_demand_kw <= c.contract_capacity_kva) AS months_within_capacity_12m
      FROM consumption x JOIN customers c ON c.id = x.customer_id
     WHERE x.period >= $3::date AND x.period < $4::date ${among('x.customer_id')}
     GROUP BY x.customer_id
  ), b AS (
    SELECT x.customer_id,
           sum(x.amount) FILTER (WHERE x.period >= $2::date AND x.period < $4::date) AS revenue_12m,
           count(*) FILTER (WHERE x.period >= $2::date AND x.period < $4::date) AS bills_12m,
           count(*) FILTER (WHERE x.due_date > $1::date - 365 AND x.due_date < $1::date) AS bills_due_12m,
           count(*) FILTER (WHERE x.due_date > $1::date - 365 AND x.due_date < $1::date AND x.amount > 0
                              AND coalesce(x.settled_on, $1::date) > x.due_date) AS late_bills_12m,
           avg(CASE WHEN x.amount = 0 THEN 0 ELSE greatest(coalesce(x.settled_on, $1::date) - x.due_date, 0) END)
             FILTER (WHERE x.due_date > $1::date - 365 AND x.due_date < $1::date) AS avg_days_late_12m,
           sum(x.amount - x.paid_amount) FILTER (WHERE x.due_date < $1::date AND x.paid_amount < x.amount) AS arrears,
           min(x.due_date) FILTER (WHERE x.due_date < $1::date AND x.paid_amount < x.amount) AS oldest_overdue
      FROM bills x
     WHERE TRUE ${among('x.customer_id')}
     GROUP BY x.customer_id
  ), v AS (
    SELECT x.customer_id, count(*) FILTER (WHERE x.kind = 'violation') AS violations_24m,
           count(*) FILTER (WHERE x.kind = 'theft') AS thefts_24m
      FROM violations x WHERE x.occurred_on > ($1::date - interval '24 months')::date ${among('x.customer_id')}
     GROUP BY x.customer_id
  ), d AS (
    SELECT x.customer_id, count(*) AS disconnections_24m
      FROM disconnections x
     WHERE x.disconnected_on > ($1::date - interval '24 months')::date ${among('x.customer_id')}
     GROUP BY x.customer_id
  ), a AS (
    SELECT x.customer_id, count(*) AS capacity_increases_12m
      FROM applications x
     WHERE x.type = 'capacity_increase' AND x.status = 'completed'
       AND x.completed_at > ($1::date - interval '12 months')::date ${among('x.customer_id')}
     GROUP BY x.customer_id
  )
  SELECT c.id AS customer_id,
         coalesce(k.kwh_12m, 0) AS kwh_12m,
         coalesce(k.kwh_prev_12m, 0) AS kwh_prev_12m,
         CASE WHEN k.kwh_prev_12m > 0 THEN (k.kwh_12m / k.kwh_prev_12m - 1)::float8 END AS kwh_growth,
         coalesce(a.capacity_increases_12m, 0)::int AS capacity_increases_12m,
         coalesce(k.max_demand_kw_12m, 0) AS max_demand_kw_12m,
         round(k.avg_power_factor_12m, 3) AS avg_power_factor_12m,
         coalesce(b.revenue_12m, 0) AS revenue_12m,
         coalesce(b.bills_due_12m, 0)::int AS bills_due_12m,
         coalesce(b.late_bills_12m, 0)::int AS late_bills_12m,
         CASE WHEN b.bills_due_12m > 0 THEN 1 - b.late_bills_12m::float8 / b.bills_due_12m ELSE 1 END AS on_time_ratio_12m,
         coalesce(b.avg_days_late_12m, 0)::float8 AS avg_days_late_12m,
         coalesce(b.arrears, 0) AS arrears,
         coalesce($1::date - b.oldest_overdue, 0) AS arrears_days,
         CASE WHEN b.bills_12m > 0 THEN round(b.revenue_12m / b.bills_12m, 2) ELSE 0 END AS avg_bill_12m,
         coalesce(d.disconnections_24m, 0)::int AS disconnections_24m,
         coalesce(v.violations_24m, 0)::int AS violations_24m,
         coalesce(v.thefts_24m, 0)::int AS thefts_24m,
         coalesce(k.months_within_capacity_12m, 0)::int AS months_within_capacity_12m,
         coalesce(k.months_metered_12m, 0)::int AS months_metered_12m
    FROM customers c
    LEFT JOIN k ON k.customer_id = c.id
    LEFT JOIN b ON b.customer_id = c.id
    LEFT JOIN v ON v.customer_id = c.id
    LEFT JOIN d ON d.customer_id = c.id
    LEFT JOIN a ON a.customer_id = c.id
   WHERE c.stage IN ${SCORED_STAGES} ${among('c.id')}`;
}

/** $1 as of, $2 the first month of the last 12, $3 of the 12 before, $4 the current month (YYYY-MM-DD). */
export function metricsParams(asOf: string): string[] {
  const month = (back: number) => {
    const d = new Date(`${asOf.slice(0, 7)}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - back);
    return d.toISOString().slice(0, 10);
  };
  return [asOf, month(12), month(24), month(0)];
}

export const METRICS_COLUMNS = `customer_id, kwh_12m, kwh_prev_12m, kwh_growth, capacity_increases_12m,
  max_demand_kw_12m, avg_power_factor_12m, revenue_12m, bills_due_12m, late_bills_12m, on_time_ratio_12m,
  avg_days_late_12m, arrears, arrears_days, avg_bill_12m, disconnections_24m, violations_24m, thefts_24m,
  months_within_capacity_12m, months_metered_12m`;

/** The SET of an upsert into customer_metrics: `c = EXCLUDED.c` for each of `columns` but the key. */
export const metricsAssignments = (columns: readonly string[]) =>
  columns
    .filter((c) => c !== 'customer_id')
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ');

export const METRICS_COLUMN_LIST = METRICS_COLUMNS.split(',').map((c) => c.trim());

/** Raw VIP factor values of a metrics row `m` joined to its customer `c`, in VIP_FACTORS order. */
const VIP_RAW: Record<(typeof VIP_FACTORS)[number], string> = {
  consumption: 'm.kwh_12m::float8',
  revenue: 'm.revenue_12m::float8',
  growth: 'coalesce(m.kwh_growth, 0) + 0.2 * m.capacity_increases_12m',
  importance: `(CASE c.importance ${Object.entries(IMPORTANCE_POINTS)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(' ')} END)::float8`,
  paymentReliability: 'm.on_time_ratio_12m',
};

/** Raw credit factor values, in CREDIT_FACTORS order. */
const CREDIT_RAW: Record<(typeof CREDIT_FACTORS)[number], string> = {
  onTimeRatio: 'm.on_time_ratio_12m',
  averageDaysLate: 'm.avg_days_late_12m',
  arrears: `CASE WHEN m.arrears <= 0 THEN 0 WHEN m.avg_bill_12m > 0 THEN (m.arrears / m.avg_bill_12m)::float8 ELSE 99 END`,
  arrearsAge: 'm.arrears_days::float8',
  disconnections: 'm.disconnections_24m::float8',
  violations: '(m.violations_24m + 3 * m.thefts_24m)::float8',
  contractCompliance:
    'CASE WHEN m.months_metered_12m > 0 THEN m.months_within_capacity_12m::float8 / m.months_metered_12m ELSE 1 END',
};

const array = (items: string[]) => `ARRAY[${items.join(', ')}]`;

/**
 * The score from the normalised factors in `keys` order (`normalised(i)` is the SQL of the i-th), rounded to
 * hundredths as weightedScore does.
 */
export const weightedSql = (
  weights: Record<string, number>,
  keys: readonly string[],
  normalised: (i: number) => string,
) => `round((${keys.map((k, i) => `${weights[k]}::float8 * ${normalised(i)}`).join(' + ')})::numeric, 2)`;

/** tierOf in SQL. */
export const tierSql = (score: string, t: TierThresholds) =>
  `CASE WHEN ${score} >= ${t.platinum} THEN 'platinum' WHEN ${score} >= ${t.gold} THEN 'gold'
        WHEN ${score} >= ${t.silver} THEN 'silver' ELSE 'standard' END`;

/** ratingOf in SQL. */
export const ratingSql = (score: string, g: RatingThresholds) =>
  `CASE WHEN ${score} >= ${g.AAA} THEN 'AAA' WHEN ${score} >= ${g.AA} THEN 'AA'
        WHEN ${score} >= ${g.A} THEN 'A' WHEN ${score} >= ${g.B} THEN 'B' ELSE 'C' END`;

/**
 * Both scores of every customer in `metrics` (a table or a parenthesised query with customer_metrics' columns), as SCORES_COLUMNS of customer_scores,
 * followed by the METRICS_COLUMNS when `withMetrics`.
 * VIP factors but importance are the customer's cumulative share (cume_dist) of the population's
 * values, 0–100; credit factors go through CREDIT_CURVES. The weights and thresholds of `model` are
 * numbers checked by scoringModelProblems, inlined so that the planner sees constants.
 */
export function scoresSelect(
  model: ScoringModelFields,
  metrics: string,
  options: { withMetrics?: boolean } = {},
): string {
  // One scalar column per factor (v1…, c1… raw; vn1…, cn1… normalised): arrays only at the end, as
  // reading array elements over and over costs more than the arithmetic.
  const v = (i: number) => `v${i + 1}`;
  const c = (i: number) => `c${i + 1}`;
  const vn = (i: number) => `vn${i + 1}`;
  const cn = (i: number) => `cn${i + 1}`;
  const list = (names: string[]) => names.join(', ');
  const vipNormalised = VIP_FACTORS.map((f, i) =>
    f === 'importance' ? `${v(i)} AS ${vn(i)}` : `100 * cume_dist() OVER (ORDER BY ${v(i)}) AS ${vn(i)}`,
  );
  const creditNormalised = CREDIT_FACTORS.map((f, i) => `${curveSql(CREDIT_CURVES[f], c(i))} AS ${cn(i)}`);
  return `
    WITH r AS (
      SELECT m.*,
             ${list(VIP_FACTORS.map((f, i) => `${VIP_RAW[f]} AS ${v(i)}`))},
             ${list(CREDIT_FACTORS.map((f, i) => `${CREDIT_RAW[f]} AS ${c(i)}`))}
        FROM ${metrics} m JOIN customers c ON c.id = m.customer_id
    ), n AS (
      SELECT r.*, ${list(vipNormalised)}, ${list(creditNormalised)} FROM r
    ), s AS (
      SELECT n.*, ${weightedSql(model.vipWeights, VIP_FACTORS, vn)} AS vip_score,
             ${weightedSql(model.creditWeights, CREDIT_FACTORS, cn)} AS credit_score
        FROM n
    )
    SELECT customer_id,
           (row_number() OVER (ORDER BY vip_score DESC, customer_id))::int AS vip_rank,
           vip_score, ${tierSql('vip_score', model.tierThresholds)} AS vip_tier,
           ${array(VIP_FACTORS.map((_, i) => v(i)))} AS vip_values,
           ${array(VIP_FACTORS.map((_, i) => vn(i)))} AS vip_normalised,
           credit_score, ${ratingSql('credit_score', model.ratingThresholds)} AS credit_rating,
           ${array(CREDIT_FACTORS.map((_, i) => c(i)))} AS credit_values,
           ${array(CREDIT_FACTORS.map((_, i) => cn(i)))} AS credit_normalised,
           CASE WHEN thefts_24m > 0 THEN 'theft' WHEN credit_score < ${model.ratingThresholds.B} THEN 'rating_c' END
             AS blacklist_reason
           ${options.withMetrics ? `, ${METRICS_COLUMNS.replace('customer_id,', '')}` : ''}
      FROM s`;
}

export const SCORES_COLUMNS = `customer_id, vip_rank, vip_score, vip_tier, vip_values, vip_normalised,
  credit_score, credit_rating, credit_values, credit_normalised, blacklist_reason`;

/**
 * The set-wise writer of the stale list, for an import within its transaction: marks the metrics of every
 * customer of `source` (a CTE or a sub-query with the column customer_id) for the metrics refresh job. In key
 * order: the list's key and the foreign key's look-ups in `customers` then go page by page, not at random (a
 * month's import of 1,000,000 customers: 14 s instead of 31 s).
 */
export function metricsStaleInsertFrom(source: string): string {
  return `INSERT INTO customer_metrics_stale (customer_id)
          SELECT DISTINCT s.customer_id FROM ${source} s ORDER BY 1
          ON CONFLICT DO NOTHING`;
}

/**
 * The KPIs' baselines (npm run bench -- --cases kpis).
 *
 * KPI_REFRESH_BASELINES: the leanest hand-written SQL of the figures the job `kpi-current` computes for the current
 * month (libs/api/kpis/src/lib/figures/*.ts, their comments), for every scope at once: each statement groups by
 * GROUPING SETS ((), (region), (manager), (region, manager)) as the product does (the revenue shares rank the
 * customers within each scope, so they are repeated per scope and ranked once for the three shares). Parameters: `$1`
 * the month's first instant, `$2` the next month's (a statement takes those it names). Run one after another in one
 * session, as the job runs its statements.
 *
 * KPI_READ_BASELINE: the cockpit's read of a scope: the kept figures of the 13 months to the period for the scope and
 * for all customers, one indexed SELECT of kpi_snapshots (`$1` the months, `$2` region or '', `$3` manager or '').
 */
const IN_MONTH = (column: string) => `${column} >= $1::timestamptz AND ${column} < $2::timestamptz`;
const TODAY = `((now() AT TIME ZONE 'UTC') + interval '8 hours')::date`;
const CHINA_DATE = (instant: string) => `((${instant}::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date`;
const SCOPE = `c.region, c.account_manager_id`;
const GS = 'GROUP BY GROUPING SETS ((), (c.region), (c.account_manager_id), (c.region, c.account_manager_id))';

export const KPI_REFRESH_BASELINES: Record<string, string> = {
  customers_by_stage: `SELECT ${SCOPE}, count(*), count(*) FILTER (WHERE c.stage = 'active'),
           count(*) FILTER (WHERE c.stage = 'applying'), count(*) FILTER (WHERE c.stage = 'connecting')
      FROM customers c WHERE c.stage <> 'closed' ${GS}`,
  new_connections_completed: `SELECT ${SCOPE}, count(*) FROM applications a JOIN customers c ON c.id = a.customer_id
    WHERE a.type = 'new_connection' AND a.status = 'completed' AND ${IN_MONTH('a.completed_at')} ${GS}`,
  hv_connection_working_days: `SELECT ${SCOPE}, avg(k.used_before + working_days_between(((coalesce(k.resumed_at, k.started_at) AT TIME ZONE 'UTC') + interval '8 hours')::date,
                                                       ((k.stopped_at AT TIME ZONE 'UTC') + interval '8 hours')::date))
    FROM applications a JOIN customers c ON c.id = a.customer_id
    JOIN clocks k ON k.owner_kind = 'application' AND k.owner_id = a.id AND k.clock_kind = 'getting_electricity'
    WHERE a.type = 'new_connection' AND a.status = 'completed' AND c.voltage_kv >= 10 AND k.stopped_at IS NOT NULL
      AND ${IN_MONTH('a.completed_at')} ${GS}`,
  time_limit_compliance_rate: `SELECT ${SCOPE}, count(*) FILTER (WHERE k.stopped_at <= k.due_at), count(*)
    FROM clocks k JOIN customers c ON c.id = k.customer_id
    WHERE k.owner_kind IN ('application_step', 'work_order', 'audit_finding') AND ${IN_MONTH('k.stopped_at')} ${GS}`,
  open_applications_overdue: `SELECT ${SCOPE}, count(DISTINCT a.id) FROM applications a JOIN customers c ON c.id = a.customer_id
    JOIN clocks k ON k.owner_kind = 'application_step' AND k.owner_id = a.id
    WHERE a.status = 'open' AND k.stopped_at IS NULL AND coalesce(k.paused_at, now()) > k.due_at ${GS}`,
  complaints: `SELECT ${SCOPE}, count(*) FROM work_orders w JOIN customers c ON c.id = w.customer_id
    WHERE w.type = 'complaint' AND ${IN_MONTH('w.received_at')} ${GS}`,
  service_quality: `SELECT ${SCOPE}, count(*) FILTER (WHERE w.contact_outcome = 'met'),
           count(*) FILTER (WHERE w.contact_outcome IS NOT NULL OR w.contact_due_at < now()),
           count(*) FILTER (WHERE w.resolution_outcome = 'met'),
           count(*) FILTER (WHERE w.resolution_outcome IS NOT NULL OR w.resolution_due_at < now()),
           avg(w.satisfaction)
      FROM work_orders w JOIN customers c ON c.id = w.customer_id WHERE ${IN_MONTH('w.received_at')} ${GS}`,
  open_escalations: `SELECT ${SCOPE}, count(*) FROM work_orders w JOIN customers c ON c.id = w.customer_id
    WHERE w.escalated_at IS NOT NULL AND w.state <> 'closed' ${GS}`,
  open_audit_findings: `SELECT ${SCOPE}, count(*) FROM audit_findings f JOIN customers c ON c.id = f.customer_id
    WHERE f.state IN ('open', 'rectifying') ${GS}`,
  audit_rectified_on_time_rate: `SELECT ${SCOPE}, count(*) FILTER (WHERE k.stopped_at <= k.due_at), count(*)
    FROM clocks k JOIN customers c ON c.id = k.customer_id
    WHERE k.owner_kind = 'audit_finding' AND ${IN_MONTH('k.due_at')} ${GS}`,
  service_plan_completion_rate: `SELECT ${SCOPE}, count(*) FILTER (WHERE t.state = 'done'), count(*)
    FROM service_tasks t JOIN customers c ON c.id = t.customer_id
    WHERE t.state <> 'cancelled' AND t.due_on >= (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date
      AND t.due_on < (($2::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date ${GS}`,
  overdue_tasks: `SELECT ${SCOPE}, count(*) FROM service_tasks t JOIN customers c ON c.id = t.customer_id
    WHERE t.state = 'open' AND t.due_on < ${TODAY} ${GS}`,
  arrears_outstanding: `SELECT ${SCOPE}, sum(b.amount - b.paid_amount) FROM bills b JOIN customers c ON c.id = b.customer_id
    WHERE b.due_date < ${TODAY} AND b.amount > b.paid_amount AND c.stage <> 'closed' ${GS}`,
  credit: `SELECT ${SCOPE}, count(*) FILTER (WHERE s.blacklist_reason IS NOT NULL), count(*) FILTER (WHERE s.credit_rating = 'C')
    FROM customer_scores s JOIN customers c ON c.id = s.customer_id
    WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed') AND c.stage <> 'closed' ${GS}`,
  vip_movements: `SELECT ${SCOPE}, count(*) FILTER (WHERE s.vip_tier <> b.vip_tier) FROM customer_scores s
    JOIN customer_scores b ON b.customer_id = s.customer_id JOIN customers c ON c.id = s.customer_id
    WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND as_of >= (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date)
      AND b.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND as_of < (($1::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date)
      AND c.stage <> 'closed' ${GS}`,
  revenue_shares: `WITH spend AS (
      SELECT b.customer_id, sum(b.amount) AS amount FROM bills b WHERE b.period >= ${CHINA_DATE('$1')} - interval '11 months' AND b.period < ${CHINA_DATE('$2')}
       GROUP BY b.customer_id),
    s AS (
      SELECT coalesce(c.region, '-') AS region, coalesce(c.account_manager_id::text, '-') AS manager,
             coalesce(sp.amount, 0) AS amount
        FROM customers c LEFT JOIN spend sp ON sp.customer_id = c.id WHERE c.stage <> 'closed'),
    x AS (
      SELECT region, manager, amount FROM s UNION ALL SELECT region, '', amount FROM s
      UNION ALL SELECT '', manager, amount FROM s UNION ALL SELECT '', '', amount FROM s),
    ranked AS (
      SELECT region, manager, amount, row_number() OVER (PARTITION BY region, manager ORDER BY amount DESC) AS rank,
             count(*) OVER (PARTITION BY region, manager) AS n
        FROM x)
    SELECT region, manager, sum(amount) FILTER (WHERE rank <= ceil(n * 0.01)), sum(amount) FILTER (WHERE rank <= ceil(n * 0.05)),
           sum(amount) FILTER (WHERE rank <= ceil(n * 0.2)), sum(amount)
      FROM ranked GROUP BY region, manager`,
};

export const KPI_READ_BASELINE = `SELECT period, kpi_code, region, manager_key, value, numerator, denominator, breakdown, computed_at
  FROM kpi_snapshots
 WHERE period = ANY ($1) AND ((region = $2 AND manager_key = $3) OR (region = '' AND manager_key = ''))`;

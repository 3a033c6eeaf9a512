/**
 * The KPIs' baseline (npm run bench -- --cases kpis): the leanest hand-written SQL of the figures the cockpit computes
 * live for the current month (libs/api/kpis/src/lib/figures/*.ts, their comments), one statement per KPI for one scope
 * (`$1` region or NULL, `$2` account manager or NULL, `$3` the month's first instant, `$4` the next month's), run side by
 * side on the pool as the API does. The revenue shares are not here: the API reads them from the snapshot the job
 * `kpi-current` refreshes.
 */
const C = `($1::text IS NULL OR c.region = $1) AND ($2::uuid IS NULL OR c.account_manager_id = $2)`;
const IN_MONTH = (column: string) => `${column} >= $3::timestamptz AND ${column} < $4::timestamptz`;
const TODAY = `((now() AT TIME ZONE 'UTC') + interval '8 hours')::date`;

export const KPI_BASELINES: Record<string, string> = {
  customers_by_stage: `SELECT c.stage, count(*) FROM customers c WHERE c.stage <> 'closed' AND ${C} GROUP BY c.stage`,
  new_connections_completed: `SELECT count(*) FROM applications a JOIN customers c ON c.id = a.customer_id
    WHERE a.type = 'new_connection' AND a.status = 'completed' AND ${IN_MONTH('a.completed_at')} AND ${C}`,
  hv_connection_working_days: `SELECT avg(k.used_before + working_days_between(((coalesce(k.resumed_at, k.started_at) AT TIME ZONE 'UTC') + interval '8 hours')::date,
                                                       ((k.stopped_at AT TIME ZONE 'UTC') + interval '8 hours')::date))
    FROM applications a JOIN customers c ON c.id = a.customer_id
    JOIN clocks k ON k.owner_kind = 'application' AND k.owner_id = a.id AND k.clock_kind = 'getting_electricity'
    WHERE a.type = 'new_connection' AND a.status = 'completed' AND c.voltage_kv >= 10 AND k.stopped_at IS NOT NULL
      AND ${IN_MONTH('a.completed_at')} AND ${C}`,
  time_limit_compliance_rate: `SELECT count(*) FILTER (WHERE k.stopped_at <= k.due_at), count(*)
    FROM clocks k JOIN customers c ON c.id = k.customer_id
    WHERE k.owner_kind IN ('application_step', 'work_order', 'audit_finding') AND ${IN_MONTH('k.stopped_at')} AND ${C}`,
  open_applications_overdue: `SELECT count(DISTINCT a.id) FROM applications a JOIN customers c ON c.id = a.customer_id
    JOIN clocks k ON k.owner_kind = 'application_step' AND k.owner_id = a.id
    WHERE a.status = 'open' AND k.stopped_at IS NULL AND coalesce(k.paused_at, now()) > k.due_at AND ${C}`,
  complaints_per_10k: `SELECT (SELECT count(*) FROM work_orders w JOIN customers c ON c.id = w.customer_id
                                WHERE w.type = 'complaint' AND ${IN_MONTH('w.received_at')} AND ${C}),
                              (SELECT count(*) FROM customers c WHERE c.stage <> 'closed' AND ${C})`,
  service_quality: `SELECT count(*) FILTER (WHERE w.contact_outcome = 'met'),
           count(*) FILTER (WHERE w.contact_outcome IS NOT NULL OR w.contact_due_at < now()),
           count(*) FILTER (WHERE w.resolution_outcome = 'met'),
           count(*) FILTER (WHERE w.resolution_outcome IS NOT NULL OR w.resolution_due_at < now()),
           avg(w.satisfaction)
      FROM work_orders w JOIN customers c ON c.id = w.customer_id WHERE ${IN_MONTH('w.received_at')} AND ${C}`,
  open_escalations: `SELECT count(*) FROM work_orders w JOIN customers c ON c.id = w.customer_id
    WHERE w.escalated_at IS NOT NULL AND w.state <> 'closed' AND ${C}`,
  open_audit_findings: `SELECT count(*) FROM audit_findings f JOIN customers c ON c.id = f.customer_id
    WHERE f.state IN ('open', 'rectifying') AND ${C}`,
  audit_rectified_on_time_rate: `SELECT count(*) FILTER (WHERE k.stopped_at <= k.due_at), count(*)
    FROM clocks k JOIN customers c ON c.id = k.customer_id
    WHERE k.owner_kind = 'audit_finding' AND ${IN_MONTH('k.due_at')} AND ${C}`,
  service_plan_completion_rate: `SELECT count(*) FILTER (WHERE t.state = 'done'), count(*)
    FROM service_tasks t JOIN customers c ON c.id = t.customer_id
    WHERE t.state <> 'cancelled' AND t.due_on >= (($3::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date
      AND t.due_on < (($4::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date AND ${C}`,
  overdue_tasks: `SELECT count(*) FROM service_tasks t JOIN customers c ON c.id = t.customer_id
    WHERE t.state = 'open' AND t.due_on < ${TODAY} AND ${C}`,
  arrears_outstanding: `SELECT sum(b.amount - b.paid_amount) FROM bills b JOIN customers c ON c.id = b.customer_id
    WHERE b.due_date < ${TODAY} AND b.amount > b.paid_amount AND c.stage <> 'closed' AND ${C}`,
  credit: `SELECT count(*) FILTER (WHERE s.blacklist_reason IS NOT NULL), count(*) FILTER (WHERE s.credit_rating = 'C')
    FROM customer_scores s JOIN customers c ON c.id = s.customer_id
    WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed') AND c.stage <> 'closed' AND ${C}`,
  vip_movements: `SELECT count(*) FILTER (WHERE s.vip_tier <> b.vip_tier) FROM customer_scores s
    JOIN customer_scores b ON b.customer_id = s.customer_id JOIN customers c ON c.id = s.customer_id
    WHERE s.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND as_of >= (($3::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date)
      AND b.run_id = (SELECT max(id) FROM scoring_runs WHERE state = 'completed' AND as_of < (($3::timestamptz AT TIME ZONE 'UTC') + interval '8 hours')::date)
      AND c.stage <> 'closed' AND ${C}`,
};

import { AUDIT_CLOCK_OWNER, RECTIFICATION_WORKING_DAYS } from '@crm/shared/domain';

/** rectificationClockKind in SQL: the name of the rectification clock of the opening number `opening`. */
export function rectificationClockKindSql(opening: string): string {
  return `CASE WHEN ${opening} <= 1 THEN 'rectification' ELSE 'rectification_' || ${opening} END`;
}

/** RECTIFICATION_WORKING_DAYS in SQL: the working days to rectify a finding of the severity `severity`. */
export function rectificationDaysSql(severity: string): string {
  const days = Object.entries(RECTIFICATION_WORKING_DAYS).map(([s, d]) => `WHEN '${s}' THEN ${d}`);
  return `CASE ${severity} ${days.join(' ')} END`;
}

/** Joins the finding row `f`'s latest rectification clock as `k` (LEFT JOIN LATERAL: null before any). */
export function latestClockJoin(f: string): string {
  return `LEFT JOIN LATERAL (
            SELECT k.id, k.started_at, k.due_at, k.stopped_at FROM clocks k
             WHERE k.owner_kind = '${AUDIT_CLOCK_OWNER}' AND k.owner_id = ${f}.id
             ORDER BY k.started_at DESC, k.id DESC LIMIT 1) k ON true`;
}

/** The due moment of the clock `k` while it runs (null once stopped): overdue when it lies in the past. */
export const RUNNING_DUE_SQL = 'CASE WHEN k.stopped_at IS NULL THEN k.due_at END';

/**
 * How the time-limit scan tells a finding whose rectification clock reached warning or overdue: one timeline
 * entry (`audit_finding_warning` / `audit_finding_overdue`), and a notification of the same kind to the customer's
 * account manager and, when overdue, to every active auditor (data: findingId, rule, ruleZh, ruleEn, customer).
 */
export const AUDIT_FINDING_EVENTS_SQL = `
  SELECT f.clock_id, f.customer_id, CASE WHEN r.first THEN 'audit_finding_' || f.kind END AS timeline_type,
         ar.name_en || CASE f.kind WHEN 'overdue' THEN ': the rectification time limit is exceeded'
                                   ELSE ': the rectification time limit is near' END AS timeline_summary,
         jsonb_build_object('findingId', a.id, 'rule', a.rule_code, 'kind', f.kind) AS timeline_data,
         r.user_id, 'audit_finding_' || f.kind AS notification_kind,
         c.name || ': audit finding "' || ar.name_en || '" '
           || CASE f.kind WHEN 'overdue' THEN 'past' ELSE 'near' END || ' its rectification time limit'
           AS notification_summary,
         jsonb_build_object('findingId', a.id, 'rule', a.rule_code, 'ruleZh', ar.name_zh, 'ruleEn', ar.name_en,
                            'customer', c.name) AS notification_data
    FROM fired f
    JOIN audit_findings a ON a.id = f.owner_id
    JOIN audit_rules ar ON ar.code = a.rule_code
    JOIN customers c ON c.id = f.customer_id
    CROSS JOIN LATERAL (
      SELECT c.account_manager_id AS user_id, true AS first
      UNION ALL
      SELECT u.id, false FROM users u WHERE f.kind = 'overdue' AND u.role = 'auditor' AND u.active
    ) r`;

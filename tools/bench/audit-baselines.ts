/**
 * The marketing audit's baseline (npm run bench -- --cases audit): for each rule, the leanest hand-written count of
 * the subjects it finds, from the rule's definition (libs/api/marketing-audit/src/lib/rules/*.ts, the comments), with
 * no evidence. Each takes the rule's current parameters and the same China date `today` as the run; the bench fails
 * when a count differs from the run's `found` for that rule.
 */
import {
  AuditParameters,
  AuditRuleCode,
  ELECTRICAL_CONTACT_ROLE,
  ELECTRICAL_CONTACT_VOLTAGE_KV,
  MOBILE_PATTERN,
} from '@crm/shared/domain';

export interface AuditBaseline {
  /** A SELECT of one row with the count `n`. */
  sql: string;
  params(parameters: AuditParameters, today: string): unknown[];
}

/** The instant at which the China date (a date expression) begins. */
const chinaMidnight = (date: string) => `((${date})::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/**
 * The first day of the month `months` months before today's month (a date). On a timestamp (not a timestamptz)
 * date_trunc is immutable: the planner folds it into a constant instead of computing it on every row.
 */
const monthStart = (months: string) =>
  `(date_trunc('month', $1::timestamp) - make_interval(months => ${months}))::date`;

/** Active customers of the tariffs with a zero reading in each of the `months` months before today's month. */
const zeroConsumption: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n
      FROM (SELECT m.customer_id FROM consumption m
             WHERE m.period >= ${monthStart('$2::int')} AND m.period < ${monthStart('0')} AND m.kwh = 0
             GROUP BY m.customer_id HAVING count(*) = $2::int) z
      JOIN customers c ON c.id = z.customer_id
     WHERE c.stage = 'active' AND c.tariff_category = ANY ($3::text[])`,
  params: (p, today) => [today, p['months'], p['tariffCategories']],
};

/** Active customers whose last month is out of line (same side) with both last year's month and the trailing median. */
const consumptionOutOfLine: AuditBaseline = {
  sql: `
    WITH off AS MATERIALIZED (
      SELECT cur.customer_id, cur.kwh, ly.kwh AS ly_kwh
        FROM consumption cur JOIN consumption ly ON ly.customer_id = cur.customer_id
       WHERE cur.period = ${monthStart('1')} AND ly.period = ${monthStart('13')} AND cur.kwh > 0 AND ly.kwh > 0
         AND (cur.kwh * 100 < $2::int * ly.kwh OR cur.kwh * 100 > $3::int * ly.kwh))
    SELECT count(*)::int AS n
      FROM off
      JOIN customers c ON c.id = off.customer_id AND c.stage = 'active'
     CROSS JOIN LATERAL (
       SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY h.kwh)::numeric, 2) AS median FROM consumption h
        WHERE h.customer_id = off.customer_id AND h.period < ${monthStart('1')}
          AND h.period >= ${monthStart('1 + $4::int')}) t
     WHERE t.median > 0 AND greatest(off.kwh, off.ly_kwh, t.median) >= $5::numeric
       AND ((off.kwh * 100 < $2::int * off.ly_kwh AND off.kwh * 100 < $2::int * t.median)
         OR (off.kwh * 100 > $3::int * off.ly_kwh AND off.kwh * 100 > $3::int * t.median))`,
  params: (p, today) => [today, p['lowPercent'], p['highPercent'], p['trailingMonths'], p['minimumKwh']],
};

/** Disconnections carried out by today with fewer than `noticeDays` days since the notice. */
const disconnectionWithoutNotice: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM disconnections d
     WHERE d.disconnected_on <= $1::date AND d.disconnected_on - d.notice_date < $2::int`,
  params: (p, today) => [today, p['noticeDays']],
};

/** Disconnections whose arrears were all settled and whose power came back (or not yet) more than `hours` after. */
const restorationLate: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n
      FROM disconnections d
     CROSS JOIN LATERAL (
       SELECT bool_and(b.settled_on IS NOT NULL) AS all_settled, max(b.settled_on) AS paid_on FROM bills b
        WHERE b.customer_id = d.customer_id AND b.due_date < d.disconnected_on AND b.amount > 0
          AND (b.settled_on IS NULL OR b.settled_on >= d.disconnected_on)) a
     WHERE d.disconnected_on <= $1::date
       AND coalesce(d.restored_on, $1::date) - d.disconnected_on > ceil($2::int / 24.0)
       AND a.all_settled AND a.paid_on <= $1::date
       AND coalesce(d.restored_on, $1::date) - a.paid_on > ceil($2::int / 24.0)`,
  params: (p, today) => [today, p['hours']],
};

/** Outage notices queued in the last `days` days (today included) that failed or had no valid mobile recipient. */
const outageNoticeUndelivered: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM outbox_messages m
     WHERE m.created_at >= ${chinaMidnight('$1::date - $2::int')} AND m.created_at < ${chinaMidnight('$1::date + 1')}
       AND m.kind = 'outage_notice' AND (m.state = 'failed' OR m.recipient !~ $3)`,
  params: (p, today) => [today, p['days'], MOBILE_PATTERN.source],
};

/** Customers not closed with no contact of a valid mobile, or at 10 kV and above with no electrical contact. */
const contactDataIncomplete: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM customers c
     WHERE c.stage <> 'closed'
       AND (NOT EXISTS (SELECT FROM customer_contacts k WHERE k.customer_id = c.id AND k.phone ~ $1)
         OR (c.voltage_kv >= $3 AND NOT EXISTS (SELECT FROM customer_contacts k
                                                 WHERE k.customer_id = c.id AND btrim(k.role) = $2)))`,
  params: () => [MOBILE_PATTERN.source, ELECTRICAL_CONTACT_ROLE, ELECTRICAL_CONTACT_VOLTAGE_KV],
};

/** Applications received in the last `days` days with a late acceptance step or (not cancelled) a late commitment. */
const applicationLate: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM applications a
     WHERE a.received_at >= ${chinaMidnight('$1::date - $2::int')}
       AND EXISTS (SELECT FROM clocks k
                    WHERE k.owner_id = a.id
                      AND ((k.owner_kind = 'application_step' AND k.clock_kind = 'acceptance')
                        OR (k.owner_kind = 'application' AND k.clock_kind = 'getting_electricity'
                            AND a.status <> 'cancelled'))
                      AND CASE WHEN k.stopped_at IS NOT NULL THEN k.stopped_at > k.due_at
                               WHEN k.paused_at IS NOT NULL THEN k.paused_at > k.due_at
                               ELSE k.due_at <= ${chinaMidnight('$1::date')} END)`,
  params: (p, today) => [today, p['days']],
};

/** Open or reopened orders not contacted whose current period has at least `urges` urged events. */
const urgedWithoutContact: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM work_orders w
     WHERE w.state IN ('open', 'reopened') AND w.contacted_at IS NULL AND w.urges >= $1::int
       AND (SELECT count(*) FROM work_order_events e
             WHERE e.work_order_id = w.id AND e.kind = 'urged' AND e.period = w.period) >= $1::int`,
  params: (p) => [p['urges']],
};

/** Orders whose last contradicting callback (kept on the order) is in the last `days` days. */
const callbackContradiction: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM work_orders w WHERE w.contradicted_at >= ${chinaMidnight('$1::date - $2::int')}`,
  params: (p, today) => [today, p['days']],
};

/** Fault repairs of the last `days` days whose crew arrived late, or has not arrived past the limit by today. */
const repairArrivalLate: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM work_orders w
     WHERE w.received_at >= ${chinaMidnight('$1::date - $2::int')} AND w.type = 'fault_repair'
       AND (w.contact_outcome = 'late'
         OR (w.contact_outcome IS NULL AND w.contact_due_at <= ${chinaMidnight('$1::date')}))`,
  params: (p, today) => [today, p['days']],
};

/** Supplied customers, platinum/gold or important, without an on-site visit in the `days` days before today. */
const importantCustomerNotVisited: AuditBaseline = {
  sql: `
    SELECT count(*)::int AS n FROM segment_facts f
     WHERE f.stage IN ('active', 'suspended', 'closing')
       AND (f.vip_tier IN ('platinum', 'gold') OR f.importance <> 'none')
       AND (f.last_visit_on IS NULL OR f.last_visit_on <= $1::date - $2::int)`,
  params: (p, today) => [today, p['days']],
};

export const AUDIT_BASELINES: Record<AuditRuleCode, AuditBaseline> = {
  zero_consumption: zeroConsumption,
  consumption_out_of_line: consumptionOutOfLine,
  disconnection_without_notice: disconnectionWithoutNotice,
  restoration_late: restorationLate,
  outage_notice_undelivered: outageNoticeUndelivered,
  contact_data_incomplete: contactDataIncomplete,
  application_late: applicationLate,
  urged_without_contact: urgedWithoutContact,
  callback_contradiction: callbackContradiction,
  repair_arrival_late: repairArrivalLate,
  important_customer_not_visited: importantCustomerNotVisited,
};

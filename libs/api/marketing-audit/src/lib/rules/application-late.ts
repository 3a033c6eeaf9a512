import { chinaDateSql, Params } from '@crm/api/database';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';
import { chinaMidnightSql, isoSql, workingDaysSql } from './moments-sql';

/**
 * application_late: an application received in the last `days` days (before `today`) whose acceptance step went
 * over its limit, or (a new connection not cancelled) whose whole-application commitment (获得电力: all utility
 * steps within 22 working days single supply, 32 dual) went over it. Read from the lifecycle's clocks
 * (libs/api/lifecycle lifecycle-clocks.ts: the step clock `application_step`/`acceptance`, the commitment clock
 * `application`/`getting_electricity`): over its limit is stopped (or paused) after its due moment, or still
 * running with its due moment at or before the start of `today`. Subject `application:<id>`, one finding per application:
 * the commitment when both are late. Evidence (AuditEvidenceByRule.application_late): the application, its kind
 * and receipt, the reason, the working days allowed and used (the commitment's without the customer's
 * construction, as its clock counts them; a running clock's to `today`).
 */
export const applicationLate: AuditRuleQuery = {
  code: 'application_late',
  select(p: Params, parameters: AuditParameters, today: string): string {
    const t = p.add(today);
    const since = chinaMidnightSql(`${t}::date - ${p.add(parameters['days'])}::int`);
    const cutoff = chinaMidnightSql(t);
    return `
      SELECT DISTINCT ON (a.id) a.customer_id, 'application:' || a.id AS subject_key,
             jsonb_build_object(
               'applicationId', a.id::text, 'kind', a.type, 'receivedAt', ${isoSql('a.received_at')},
               'reason', CASE k.owner_kind WHEN 'application' THEN 'commitment_exceeded' ELSE 'acceptance_late' END,
               'limitDays', k.limit_value::int,
               'usedDays', k.used_before::int + CASE WHEN k.paused_at IS NOT NULL THEN 0
                 ELSE ${workingDaysSql(
                   chinaDateSql('coalesce(k.resumed_at, k.started_at)'),
                   `coalesce(${chinaDateSql('k.stopped_at')}, ${t}::date)`,
                 )}
                 END) AS evidence
        FROM applications a
        JOIN clocks k ON k.owner_id = a.id
         AND ((k.owner_kind = 'application_step' AND k.clock_kind = 'acceptance')
           OR (k.owner_kind = 'application' AND k.clock_kind = 'getting_electricity' AND a.status <> 'cancelled'))
       WHERE a.received_at >= ${since}
         AND CASE WHEN k.stopped_at IS NOT NULL THEN k.stopped_at > k.due_at
                  WHEN k.paused_at IS NOT NULL THEN k.paused_at > k.due_at
                  ELSE k.due_at <= ${cutoff} END
       ORDER BY a.id, k.owner_kind`;
  },
};

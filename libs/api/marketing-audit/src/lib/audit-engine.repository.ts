import { Injectable } from '@nestjs/common';
import { Db, execute, Params, queryOne } from '@crm/api/database';
import { ClocksStart, clocksInsertFrom } from '@crm/api/time-limits';
import { AUDIT_CLOCK_OWNER, AuditParameters, AuditSeverity } from '@crm/shared/domain';
import { rectificationClockKindSql, rectificationDaysSql } from './marketing-audit-sql';
import { AuditRuleQuery } from './rules/audit-rule';

/** Memory for one rule's statement (in the rule's own transaction: SET LOCAL). */
export const RULE_WORK_MEM = '256MB';

/** Whether the existing finding row `f` is verified or dismissed and its condition had gone: a run reopens it. */
const REOPENS = (f: string) => `(${f}.state IN ('verified', 'dismissed') AND ${f}.condition_cleared_at IS NOT NULL)`;

/**
 * The statements of an audit run over audit_findings and audit_finding_events, each set-wise over one rule's whole
 * population (the project README, "Marketing audit"): record what the rule finds now, then mark what it no longer
 * finds.
 */
@Injectable()
export class AuditEngineRepository {
  /**
   * One statement: the rule's SELECT into `INSERT … ON CONFLICT (rule_code, subject_key) DO UPDATE`. A new subject is
   * a new open finding with a `found` event. An open or rectifying finding found again takes the new evidence and
   * loses condition_cleared_at. A verified or dismissed finding whose condition had gone is reopened (open,
   * recurrences + 1, the rule's severity now, version + 1, a `recurred` event); found again without having gone,
   * only last_found_at and last_run_id move. Every finding it opened gets its rectification clock (`clocks`, started
   * at `at`; clocksInsertFrom of the time-limit engine) named by its opening: 1 for a new one, one more than the
   * clocks it had for a reopened one. Answers how many subjects it found and how many findings it created.
   */
  async record(
    db: Db,
    rule: AuditRuleQuery,
    severity: AuditSeverity,
    parameters: AuditParameters,
    today: string,
    runId: string,
    clocks: ClocksStart,
  ): Promise<{ found: number; created: number }> {
    // A rule over the whole population hashes and sorts hundreds of thousands of rows: in memory, not on disk.
    await execute(db, `SET LOCAL work_mem = '${RULE_WORK_MEM}'`);
    const p = new Params();
    const select = rule.select(p, parameters, today);
    const code = p.add(rule.code);
    const sev = p.add(severity);
    const run = p.add(runId);
    const now = p.add(clocks.startedAt);
    const row = await queryOne<{ found: number; created: number }>(
      db,
      `WITH hits AS (${select}),
       upserted AS (
         INSERT INTO audit_findings AS f (rule_code, subject_key, customer_id, severity, evidence, first_found_at,
                                          last_found_at, last_run_id)
         SELECT ${code}, h.subject_key, h.customer_id, ${sev}, h.evidence, ${now}, ${now}, ${run} FROM hits h
         ON CONFLICT (rule_code, subject_key) DO UPDATE
            SET last_found_at = EXCLUDED.last_found_at, last_run_id = EXCLUDED.last_run_id,
                evidence = CASE WHEN f.state IN ('verified', 'dismissed') AND f.condition_cleared_at IS NULL
                                THEN f.evidence ELSE EXCLUDED.evidence END,
                condition_cleared_at = NULL,
                state = CASE WHEN ${REOPENS('f')} THEN 'open' ELSE f.state END,
                severity = CASE WHEN ${REOPENS('f')} THEN EXCLUDED.severity ELSE f.severity END,
                recurrences = f.recurrences + CASE WHEN ${REOPENS('f')} THEN 1 ELSE 0 END,
                version = f.version + CASE WHEN ${REOPENS('f')} THEN 1 ELSE 0 END
         RETURNING f.id, f.customer_id, f.severity, (xmax = 0) AS created
       ),
       opened AS (
         -- audit_findings and clocks read here are the tables as they were before this statement.
         SELECT u.id, u.customer_id, u.severity, CASE WHEN u.created THEN 'found' ELSE 'recurred' END AS kind,
                CASE WHEN u.created THEN 1
                     ELSE (SELECT count(*)::int + 1 FROM clocks k
                            WHERE k.owner_kind = '${AUDIT_CLOCK_OWNER}' AND k.owner_id = u.id) END AS opening
           FROM upserted u LEFT JOIN audit_findings o ON o.id = u.id
          WHERE u.created OR ${REOPENS('o')}
       ),
       logged AS (
         INSERT INTO audit_finding_events (finding_id, kind, run_id, at) SELECT id, kind, ${run}, ${now} FROM opened
       ),
       clocked AS (
         ${clocksInsertFrom(
           p,
           `(SELECT o.id AS owner_id, ${rectificationClockKindSql('o.opening')} AS clock_kind, o.customer_id,
                    ${rectificationDaysSql('o.severity')} AS limit_value FROM opened o)`,
           clocks,
         )}
       )
       SELECT (SELECT count(*)::int FROM upserted) AS found, count(*) FILTER (WHERE kind = 'found')::int AS created
         FROM opened`,
      p,
    );
    return row as NonNullable<typeof row>;
  }

  /**
   * The rule's findings that this run did not find and whose condition was still there: condition_cleared_at = `at`
   * and a `cleared` event, whatever their state (a run closes nothing). Answers how many.
   */
  async clear(db: Db, ruleCode: string, runId: string, at: Date): Promise<number> {
    const row = await queryOne<{ cleared: number }>(
      db,
      `WITH cleared AS (
         UPDATE audit_findings SET condition_cleared_at = $3
          WHERE rule_code = $1 AND condition_cleared_at IS NULL AND last_run_id IS DISTINCT FROM $2
         RETURNING id
       ), logged AS (
         INSERT INTO audit_finding_events (finding_id, kind, run_id, at) SELECT id, 'cleared', $2, $3 FROM cleared
       )
       SELECT count(*)::int AS cleared FROM cleared`,
      [ruleCode, runId, at],
    );
    return row?.cleared ?? 0;
  }
}

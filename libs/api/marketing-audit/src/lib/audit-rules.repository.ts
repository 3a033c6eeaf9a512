import { Injectable } from '@nestjs/common';
import { Db, execute, query, queryOne } from '@crm/api/database';
import names from '@crm/seeds/audit-rules.json';
import {
  AUDIT_RULES,
  AuditParameters,
  AuditRuleCode,
  auditRuleSpec,
  AuditRuleView,
  AuditSeverity,
  defaultAuditParameters,
} from '@crm/shared/domain';

/**
 * Adds the rules that audit_rules does not have yet: names and descriptions from seeds/audit-rules.json, severity
 * and parameters from the domain's catalogue, position its order. A rule already there is left alone, so the
 * auditors' and admins' edits survive a restart. The reference module calls it at every start.
 */
export async function seedAuditRules(db: Db): Promise<void> {
  const byCode = new Map(names.rules.map((r) => [r.code, r]));
  const rules = AUDIT_RULES.map((r, i) => {
    const text = byCode.get(r.code);
    if (!text) throw new Error(`seeds/audit-rules.json has no names for the audit rule ${r.code}`);
    return { ...text, position: i + 1, severity: r.severity, parameters: defaultAuditParameters(r.code) };
  });
  await execute(
    db,
    `INSERT INTO audit_rules (code, position, name_zh, name_en, description_zh, description_en, severity, parameters)
     SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::jsonb[])
     ON CONFLICT (code) DO NOTHING`,
    [
      rules.map((r) => r.code),
      rules.map((r) => r.position),
      rules.map((r) => r.nameZh),
      rules.map((r) => r.nameEn),
      rules.map((r) => r.descriptionZh),
      rules.map((r) => r.descriptionEn),
      rules.map((r) => r.severity),
      rules.map((r) => JSON.stringify(r.parameters)),
    ],
  );
}

/** A rule as a run reads it. */
export interface EnabledRule {
  code: AuditRuleCode;
  severity: AuditSeverity;
  parameters: AuditParameters;
}

interface RuleRow {
  code: AuditRuleCode;
  name_zh: string;
  name_en: string;
  description_zh: string;
  description_en: string;
  severity: AuditSeverity;
  enabled: boolean;
  parameters: AuditParameters;
  version: number;
  open_findings: number;
  last_run_id: string | null;
  last_finished_at: Date | null;
  last_counts: { found: number; created: number; cleared: number } | null;
}

export interface RuleChange {
  enabled?: boolean;
  severity?: AuditSeverity;
  parameters?: AuditParameters;
}

/** audit_rules: the rules' state (on/off, severity, parameter values), read by the workbench and by runs. */
@Injectable()
export class AuditRulesRepository {
  /** Every rule in catalogue order, with its pending findings and what the last completed run found. */
  async list(db: Db, code?: AuditRuleCode): Promise<AuditRuleView[]> {
    const rows = await query<RuleRow>(
      db,
      `WITH last AS (SELECT id, finished_at, counts FROM audit_runs WHERE state = 'completed'
                      ORDER BY finished_at DESC LIMIT 1)
       SELECT r.code, r.name_zh, r.name_en, r.description_zh, r.description_en, r.severity, r.enabled, r.parameters,
              r.version,
              (SELECT count(*)::int FROM audit_findings f
                WHERE f.rule_code = r.code AND f.state IN ('open', 'rectifying')) AS open_findings,
              l.id AS last_run_id, l.finished_at AS last_finished_at,
              (SELECT x FROM jsonb_array_elements(l.counts) x WHERE x ->> 'rule' = r.code) AS last_counts
         FROM audit_rules r LEFT JOIN last l ON true
        WHERE $1::text IS NULL OR r.code = $1
        ORDER BY r.position`,
      [code ?? null],
    );
    return rows.map((r) => ({
      code: r.code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      descriptionZh: r.description_zh,
      descriptionEn: r.description_en,
      severity: r.severity,
      enabled: r.enabled,
      parameters: r.parameters,
      parameterSpecs: auditRuleSpec(r.code).parameters,
      version: r.version,
      openFindings: r.open_findings,
      lastRun:
        r.last_run_id && r.last_finished_at
          ? {
              runId: r.last_run_id,
              finishedAt: r.last_finished_at.toISOString(),
              found: r.last_counts?.found ?? 0,
              created: r.last_counts?.created ?? 0,
              cleared: r.last_counts?.cleared ?? 0,
            }
          : null,
    }));
  }

  /** The enabled rules, in catalogue order. */
  enabled(db: Db): Promise<EnabledRule[]> {
    return query<EnabledRule>(db, 'SELECT code, severity, parameters FROM audit_rules WHERE enabled ORDER BY position');
  }

  /** The rule's version, or undefined when there is no such rule. */
  async version(db: Db, code: AuditRuleCode): Promise<number | undefined> {
    return (await queryOne<{ version: number }>(db, 'SELECT version FROM audit_rules WHERE code = $1', [code]))
      ?.version;
  }

  /** Applies the change when the rule is still at `version`; false when it is not (or there is no such rule). */
  async update(db: Db, code: AuditRuleCode, change: RuleChange, version: number, userId: string): Promise<boolean> {
    const updated = await execute(
      db,
      `UPDATE audit_rules
          SET enabled = coalesce($2, enabled), severity = coalesce($3, severity),
              parameters = coalesce($4::jsonb, parameters), version = version + 1, updated_at = now(), updated_by = $5
        WHERE code = $1 AND version = $6`,
      [
        code,
        change.enabled ?? null,
        change.severity ?? null,
        change.parameters ? JSON.stringify(change.parameters) : null,
        userId,
        version,
      ],
    );
    return updated > 0;
  }
}

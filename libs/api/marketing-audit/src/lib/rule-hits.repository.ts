import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Db, Params, query } from '@crm/api/database';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleHit, AuditRuleQuery } from './rules/audit-rule';

/** Reads what a rule finds now, without recording anything (a run records; tests and previews read). */
@Injectable()
export class RuleHitsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async hits(
    rule: AuditRuleQuery,
    parameters: AuditParameters,
    today: string,
    db: Db = this.dataSource,
  ): Promise<AuditRuleHit[]> {
    const p = new Params();
    const select = rule.select(p, parameters, today);
    return query<AuditRuleHit>(
      db,
      `SELECT customer_id AS "customerId", subject_key AS "subjectKey", evidence
         FROM (${select}) hits ORDER BY subject_key`,
      p,
    );
  }
}

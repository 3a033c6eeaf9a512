import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A first audit run at 1,000,000 customers opens some 200,000 findings in one go, and every foreign key checks each
 * row: the three that only point at bookkeeping go (a finding's and an event's run, which are never deleted, and
 * the rule code, which the run takes from audit_rules itself). The keys to customers and to findings stay.
 */
export class AuditBookkeepingKeys1765120000000 implements MigrationInterface {
  name = 'AuditBookkeepingKeys1765120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_findings DROP CONSTRAINT audit_findings_last_run_id_fkey');
    await q.query('ALTER TABLE audit_findings DROP CONSTRAINT audit_findings_rule_code_fkey');
    await q.query('ALTER TABLE audit_finding_events DROP CONSTRAINT audit_finding_events_run_id_fkey');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_finding_events ADD CONSTRAINT audit_finding_events_run_id_fkey
                   FOREIGN KEY (run_id) REFERENCES audit_runs (id)`);
    await q.query(`ALTER TABLE audit_findings ADD CONSTRAINT audit_findings_rule_code_fkey
                   FOREIGN KEY (rule_code) REFERENCES audit_rules (code)`);
    await q.query(`ALTER TABLE audit_findings ADD CONSTRAINT audit_findings_last_run_id_fkey
                   FOREIGN KEY (last_run_id) REFERENCES audit_runs (id)`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The marketing audit's findings and their events keep no foreign keys to customers, rules, runs or findings. The
 * audit engine alone writes them (libs/api/marketing-audit), from each rule's SELECT over existing customers and in
 * the same statement as their finding, and none of the rows they point at is ever deleted (a closed customer stays,
 * rules are a catalogue, runs and findings are history). The checks cost more than the rest of the writing: each
 * locks the customer row it checks (FOR KEY SHARE), which dirties the customers table page by page and writes about
 * 6 KB of WAL per new finding. A first run at 1,000,000 customers (208,518 new findings) took 83 s with them and 57 s
 * without (bench/results/2026-11-26-1000000-audit.md). The key to users (actor_id) stays: people act one at a time.
 */
export class AuditFindingsWithoutForeignKeys1765170000000 implements MigrationInterface {
  name = 'AuditFindingsWithoutForeignKeys1765170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_findings
        DROP CONSTRAINT audit_findings_customer_id_fkey,
        DROP CONSTRAINT audit_findings_rule_code_fkey,
        DROP CONSTRAINT audit_findings_last_run_id_fkey;
      ALTER TABLE audit_finding_events
        DROP CONSTRAINT audit_finding_events_finding_id_fkey,
        DROP CONSTRAINT audit_finding_events_run_id_fkey;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_findings
        ADD CONSTRAINT audit_findings_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id),
        ADD CONSTRAINT audit_findings_rule_code_fkey FOREIGN KEY (rule_code) REFERENCES audit_rules (code),
        ADD CONSTRAINT audit_findings_last_run_id_fkey FOREIGN KEY (last_run_id) REFERENCES audit_runs (id);
      ALTER TABLE audit_finding_events
        ADD CONSTRAINT audit_finding_events_finding_id_fkey FOREIGN KEY (finding_id) REFERENCES audit_findings (id),
        ADD CONSTRAINT audit_finding_events_run_id_fkey FOREIGN KEY (run_id) REFERENCES audit_runs (id);
    `);
  }
}

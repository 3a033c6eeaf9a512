export * from './lib/marketing-audit.module';
export * from './lib/audit-run.service';
export * from './lib/audit-rules.repository';
export * from './lib/rule-hits.repository';
export * from './lib/rules';
export * from './lib/rules/audit-rule';
export { RULE_WORK_MEM } from './lib/audit-engine.repository';

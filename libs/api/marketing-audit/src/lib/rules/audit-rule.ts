import { Params } from '@crm/api/database';
import { AuditParameters, AuditRuleCode } from '@crm/shared/domain';

/**
 * One audit rule's SQL: a single SELECT over the whole population that returns one row per hit, with the
 * columns
 * - `customer_id` (uuid): whose finding it is (it follows the customer's account manager);
 * - `subject_key` (text): what the finding is about, unique within the rule and stable from run to run (the
 *   customer id for a rule about the customer, `disconnection:<id>`, `order:<id>`, `application:<id>`…), so a
 *   run finds the same finding again instead of making a new one;
 * - `evidence` (jsonb): the rows that triggered it, built in SQL, in the shape the rule's file documents.
 *
 * Every value (a parameter, today's date) goes through `p.add()`; `today` is a China date `YYYY-MM-DD`
 * (runs pass today, tests a fixed day). A run embeds the SELECT in one `INSERT … ON CONFLICT`.
 */
export interface AuditRuleQuery {
  code: AuditRuleCode;
  select(p: Params, parameters: AuditParameters, today: string): string;
}

/** One row of a rule's SELECT. */
export interface AuditRuleHit {
  customerId: string;
  subjectKey: string;
  evidence: Record<string, unknown>;
}

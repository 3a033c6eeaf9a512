import { Params } from '@crm/api/database';
import { SCORED_STAGES } from '@crm/api/scoring';
import { AuditParameters } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';

/**
 * important_customer_not_visited: a customer with a supply (active, suspended, closing) that is a platinum or
 * gold VIP (its latest score) or an important customer (any class) and has no completed on-site visit (a done
 * service task of a visiting kind, segment_facts.last_visit_on) in the `days` days before `today`: its last
 * visit is on or before `today` − `days`, or there was none. One pass over segment_facts. Subject: the customer
 * id. Evidence (AuditEvidenceByRule.important_customer_not_visited): the VIP tier (null when not scored yet),
 * the importance class, the last visit's date (null: never) and `days`, the rule's window.
 */
export const importantCustomerNotVisited: AuditRuleQuery = {
  code: 'important_customer_not_visited',
  select(p: Params, parameters: AuditParameters, today: string): string {
    const days = p.add(parameters['days']);
    return `
      SELECT f.customer_id, f.customer_id::text AS subject_key,
             jsonb_build_object('vipTier', f.vip_tier, 'importance', f.importance,
                                'lastVisitOn', to_char(f.last_visit_on, 'YYYY-MM-DD'), 'days', ${days}::int) AS evidence
        FROM segment_facts f
       WHERE f.stage IN ${SCORED_STAGES}
         AND (f.vip_tier IN ('platinum', 'gold') OR f.importance <> 'none')
         AND (f.last_visit_on IS NULL OR f.last_visit_on <= ${p.add(today)}::date - ${days}::int)`;
  },
};

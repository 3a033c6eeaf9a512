import { ELECTRICAL_CONTACT_ROLE, ELECTRICAL_CONTACT_VOLTAGE_KV, MOBILE_PATTERN } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';

/**
 * Rule 6 `contact_data_incomplete`: a customer that is not closed (applying and connecting too: the connection
 * needs someone to reach as much as the supply does) with no contact, with no contact whose phone is a valid
 * mainland mobile (the domain's MOBILE_PATTERN: outage notices go by SMS), or, at 10 kV and above, with no contact
 * whose role is the electrical contact (电气负责人). One finding per customer (subject key: the customer id).
 *
 * Evidence (AuditEvidenceByRule.contact_data_incomplete): `{voltageKv, contacts, problems}`, where a customer
 * without any contact has the one problem `no_contact`, otherwise `no_valid_mobile` and/or `no_electrical_contact`.
 */
export const contactDataIncomplete: AuditRuleQuery = {
  code: 'contact_data_incomplete',
  select(p) {
    const mobile = p.add(MOBILE_PATTERN.source);
    const role = p.add(ELECTRICAL_CONTACT_ROLE);
    const voltage = p.add(ELECTRICAL_CONTACT_VOLTAGE_KV);
    return `
      SELECT c.id AS customer_id, c.id::text AS subject_key,
             jsonb_build_object(
               'voltageKv', c.voltage_kv,
               'contacts', coalesce(k.contacts, 0),
               'problems', to_jsonb(CASE WHEN k.customer_id IS NULL THEN ARRAY['no_contact']
                 ELSE array_remove(ARRAY[CASE WHEN k.mobiles = 0 THEN 'no_valid_mobile' END,
                                         CASE WHEN c.voltage_kv >= ${voltage} AND k.electrical = 0
                                              THEN 'no_electrical_contact' END], NULL) END)) AS evidence
        FROM customers c
        LEFT JOIN (SELECT customer_id, count(*)::int AS contacts,
                          count(*) FILTER (WHERE phone ~ ${mobile})::int AS mobiles,
                          count(*) FILTER (WHERE btrim(role) = ${role})::int AS electrical
                     FROM customer_contacts GROUP BY customer_id) k ON k.customer_id = c.id
       WHERE c.stage <> 'closed'
         AND (k.customer_id IS NULL OR k.mobiles = 0 OR (c.voltage_kv >= ${voltage} AND k.electrical = 0))`;
  },
};

import { PHONE_PATTERNS } from '@crm/shared/domain';
import { AuditRuleQuery } from './audit-rule';

/** A mainland mobile number (the domain's pattern; an SMS reaches nothing else). */
const MOBILE = PHONE_PATTERNS[0].source;

/**
 * outage_notice_undelivered: a planned-outage notice queued in the last `days` days (China dates, today
 * included) that cannot have reached the customer: its recipient is not a valid mobile number ('no_valid_mobile',
 * whatever the sender said), or the sender gave it up ('failed'). Subject: the message. Evidence: its id, when it
 * was queued (ISO, UTC), the recipient, the reason and the sender's last error.
 */
export const outageNoticeUndelivered: AuditRuleQuery = {
  code: 'outage_notice_undelivered',
  select(p, parameters, today) {
    const day = `${p.add(today)}::date`;
    const mobile = p.add(MOBILE);
    return `
      SELECT m.customer_id, 'message:' || m.id AS subject_key,
             jsonb_build_object(
               'messageId', m.id::text,
               'createdAt', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'recipient', m.recipient,
               'reason', CASE WHEN m.recipient ~ ${mobile} THEN 'failed' ELSE 'no_valid_mobile' END,
               'lastError', m.last_error) AS evidence
        FROM outbox_messages m
       WHERE m.kind = 'outage_notice' AND (m.state = 'failed' OR m.recipient !~ ${mobile})
         AND m.created_at >= (${day} - ${p.add(parameters['days'])}::int)::timestamp AT TIME ZONE 'Asia/Shanghai'
         AND m.created_at < (${day} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  },
};

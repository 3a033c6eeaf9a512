import { AuditRuleQuery } from './audit-rule';

/**
 * disconnection_without_notice: a disconnection for arrears carried out (on or before today) less than
 * `noticeDays` days after its notice was delivered (a notice exactly `noticeDays` days before is enough).
 * Subject: the disconnection. Evidence: its id, the notice date, the disconnection date, the days of notice
 * given and required.
 */
export const disconnectionWithoutNotice: AuditRuleQuery = {
  code: 'disconnection_without_notice',
  select(p, parameters, today) {
    const days = p.add(parameters['noticeDays']);
    return `
      SELECT d.customer_id, 'disconnection:' || d.id AS subject_key,
             jsonb_build_object(
               'disconnectionId', d.id::text, 'noticeDate', to_char(d.notice_date, 'YYYY-MM-DD'),
               'disconnectedOn', to_char(d.disconnected_on, 'YYYY-MM-DD'),
               'daysOfNotice', d.disconnected_on - d.notice_date, 'requiredDays', ${days}::int) AS evidence
        FROM disconnections d
       WHERE d.disconnected_on <= ${p.add(today)}::date AND d.disconnected_on - d.notice_date < ${days}::int`;
  },
};

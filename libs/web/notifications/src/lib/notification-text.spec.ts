import { Notification } from '@crm/shared/domain';
import { notificationText, Translate } from './notification-text';

/** Shows the key and its parameters, so that the test sees what would be translated with what. */
const t: Translate = (key, params) => (params ? `${key} ${JSON.stringify(params)}` : `<${key}>`);

const note = (kind: string, data: Record<string, unknown>): Notification => ({
  id: 1,
  kind,
  summary: 'stored summary',
  customerId: 'c',
  data,
  createdAt: '2026-11-25T00:00:00Z',
  read: false,
  resolved: false,
});

describe('notificationText', () => {
  it('translates each known kind with its data', () => {
    expect(notificationText(note('tier_changed', { customer: '甲', from: 'gold', to: 'silver' }), t, 'zh-CN')).toBe(
      'notifications.kind.tier_changed {"customer":"甲","from":"<scores.tier.gold>","to":"<scores.tier.silver>"}',
    );
    expect(notificationText(note('blacklisted', { customer: '甲', reason: 'theft' }), t, 'en')).toBe(
      'notifications.kind.blacklisted {"customer":"甲","reason":"<scores.reason.theft>"}',
    );
    expect(notificationText(note('tasks_new', { tasks: 3 }), t, 'en')).toBe('notifications.kind.tasks_new {"tasks":3}');
    const sla = note('sla_overdue', { customer: '甲', step: 'survey', stepZh: '现场勘查', stepEn: 'Site survey' });
    expect(notificationText(sla, t, 'en')).toBe(
      'notifications.kind.sla_overdue {"customer":"甲","step":"Site survey"}',
    );
    expect(notificationText(sla, t, 'zh-CN')).toBe(
      'notifications.kind.sla_overdue {"customer":"甲","step":"现场勘查"}',
    );
    const audit = note('audit_finding_overdue', {
      customer: '甲',
      rule: 'zero_consumption',
      ruleZh: '零电量',
      ruleEn: 'Zero',
    });
    expect(notificationText(audit, t, 'zh-CN')).toBe(
      'notifications.kind.audit_finding_overdue {"customer":"甲","rule":"零电量"}',
    );
    expect(notificationText(audit, t, 'en')).toBe(
      'notifications.kind.audit_finding_overdue {"customer":"甲","rule":"Zero"}',
    );
  });

  it('falls back to the stored text for unknown kinds and for data written before the kinds were translated', () => {
    expect(notificationText(note('something_else', { customer: '甲' }), t, 'en')).toBe('stored summary');
    expect(notificationText(note('tier_changed', { from: 'gold', to: 'silver' }), t, 'en')).toBe('stored summary');
    expect(notificationText(note('tasks_overdue', {}), t, 'en')).toBe('stored summary');
  });
});

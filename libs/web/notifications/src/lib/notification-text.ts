import { inject, Injectable } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { Notification } from '@crm/shared/domain';
import { LanguageService } from '@crm/web/core';

/** Translates a key with parameters (ngx-translate's `instant`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * A notification in the reader's language, from its kind and data; the text stored with it (English,
 * as written by the job) when the kind is not one the web knows or the data lacks what the text needs.
 */
export function notificationText(n: Notification, t: Translate, language: string): string {
  const d = n.data as Record<string, string | number | undefined>;
  const key = `notifications.kind.${n.kind}`;
  switch (n.kind) {
    case 'tasks_new':
    case 'tasks_overdue':
      return d['tasks'] === undefined ? n.summary : t(key, { tasks: d['tasks'] });
  }
  if (d['customer'] === undefined) return n.summary;
  switch (n.kind) {
    case 'tier_changed':
      return t(key, { customer: d['customer'], from: t(`scores.tier.${d['from']}`), to: t(`scores.tier.${d['to']}`) });
    case 'rating_changed':
      return t(key, { customer: d['customer'], from: d['from'], to: d['to'] });
    case 'blacklisted':
      return t(key, { customer: d['customer'], reason: t(`scores.reason.${d['reason']}`) });
    case 'sla_warning':
    case 'sla_overdue':
      return t(key, { customer: d['customer'], step: (language === 'en' ? d['stepEn'] : d['stepZh']) ?? d['step'] });
    case 'commitment_warning':
    case 'commitment_overdue':
      return t(key, { customer: d['customer'], limit: d['limit'] });
    case 'request_warning':
    case 'request_overdue':
      return t(key, { customer: d['customer'], summary: d['summary'], clock: t(`notifications.clock.${d['clock']}`) });
    case 'request_escalated':
      return t(key, { customer: d['customer'], summary: d['summary'] });
    case 'audit_finding_rectified':
    case 'audit_finding_reopened':
    case 'audit_finding_warning':
    case 'audit_finding_overdue':
      return t(key, { customer: d['customer'], rule: (language === 'en' ? d['ruleEn'] : d['ruleZh']) ?? d['rule'] });
    default:
      return n.summary;
  }
}

/** notificationText in the current language, for any page that lists notifications. */
@Injectable({ providedIn: 'root' })
export class NotificationTexts {
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);

  of(n: Notification): string {
    return notificationText(n, (key, params) => this.translate.instant(key, params) as string, this.language.current());
  }
}

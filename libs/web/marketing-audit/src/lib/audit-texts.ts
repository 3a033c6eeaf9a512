import {
  AuditEvidenceByRule,
  AuditParameterSpec,
  AuditParameters,
  AuditRuleCode,
  AuditRuleView,
} from '@crm/shared/domain';

/** Formats the pages show: a China date, a moment, a number (grouped) in the current locale. */
export interface Formats {
  date(value: string): string;
  dateTime(value: string): string;
  number(value: number, digits?: string): string;
  /** The name of a work-order type in the current language. */
  orderType(code: string): string;
}

/** A rule's name or description in the language shown; the code while the rules are not loaded. */
export function ruleName(rule: Pick<AuditRuleView, 'nameZh' | 'nameEn'> | undefined, code: string, zh: boolean) {
  return rule ? (zh ? rule.nameZh : rule.nameEn) : code;
}

/** A parameter value as the rules table shows it: i18n keys to translate (tariffs) or a formatted number. */
export function parameterValueText(
  spec: AuditParameterSpec,
  value: AuditParameters[string] | undefined,
  formats: Pick<Formats, 'number'>,
): { text?: string; keys?: string[] } {
  if (spec.kind === 'integer') return { text: typeof value === 'number' ? formats.number(value) : '—' };
  return { keys: (Array.isArray(value) ? value : []).map((t) => `tariff.${t}`) };
}

/**
 * One line of a finding's evidence: the i18n key of its label and its value, either formatted text or an i18n key
 * (with parameters) to translate; maybe a link.
 */
export interface EvidenceFact {
  label: string;
  text?: string;
  key?: string;
  params?: Record<string, unknown>;
  link?: readonly unknown[];
  /** Shown in red: what breaks the rule. */
  alarm?: boolean;
}

const L = (name: string) => `marketingAudit.evidence.${name}`;

type Evidence<C extends AuditRuleCode> = AuditEvidenceByRule[C];

/**
 * The evidence of a finding as labelled facts, formatted, no raw codes: each rule's JSON
 * (`AuditEvidenceByRule`) read field by field. The zero months of `zero_consumption` are a table of their own
 * (`zeroMonths`).
 */
export function evidenceFacts(
  rule: AuditRuleCode,
  evidence: Record<string, unknown>,
  customerId: string,
  f: Formats,
): EvidenceFact[] {
  const n = (value: number) => f.number(value);
  const orderLink = (e: { orderId: string; orderNo: string }): EvidenceFact => ({
    label: L('order'),
    text: e.orderNo,
    link: ['/requests', e.orderId],
  });
  switch (rule) {
    case 'zero_consumption': {
      const e = evidence as unknown as Evidence<'zero_consumption'>;
      return [
        { label: L('tariffCategory'), key: `tariff.${e.tariffCategory}` },
        { label: L('zeroMonths'), key: L('monthsCount'), params: { n: e.months.length }, alarm: true },
      ];
    }
    case 'consumption_out_of_line': {
      const e = evidence as unknown as Evidence<'consumption_out_of_line'>;
      return [
        { label: L('period'), text: e.period },
        { label: L('kwh'), text: `${n(e.kwh)} kWh`, alarm: true },
        {
          label: L('lastYearKwh'),
          key: L('kwhPercent'),
          params: { kwh: n(e.lastYearKwh), percent: f.number(e.percentOfLastYear, '1.0-1') },
        },
        {
          label: L('trailingMedianKwh'),
          key: L('kwhPercent'),
          params: { kwh: n(e.trailingMedianKwh), percent: f.number(e.percentOfMedian, '1.0-1') },
        },
        { label: L('direction'), key: L(`directions.${e.direction}`), alarm: true },
      ];
    }
    case 'disconnection_without_notice': {
      const e = evidence as unknown as Evidence<'disconnection_without_notice'>;
      return [
        { label: L('noticeToDisconnection'), text: `${f.date(e.noticeDate)} → ${f.date(e.disconnectedOn)}` },
        {
          label: L('daysOfNotice'),
          key: L('daysOfRequired'),
          params: { days: e.daysOfNotice, required: e.requiredDays },
          alarm: true,
        },
      ];
    }
    case 'restoration_late': {
      const e = evidence as unknown as Evidence<'restoration_late'>;
      return [
        { label: L('disconnectedOn'), text: f.date(e.disconnectedOn) },
        { label: L('paidInFullOn'), text: f.date(e.paidInFullOn) },
        e.restoredOn
          ? { label: L('restoredOn'), text: f.date(e.restoredOn) }
          : { label: L('restoredOn'), key: L('stillOff'), alarm: true },
        { label: L('hoursAllowed'), key: L('hours'), params: { n: e.hoursAllowed } },
        { label: L('daysWithoutPower'), key: L('days'), params: { n: e.daysWithoutPowerAfterPayment }, alarm: true },
      ];
    }
    case 'outage_notice_undelivered': {
      const e = evidence as unknown as Evidence<'outage_notice_undelivered'>;
      return [
        { label: L('messageCreatedAt'), text: f.dateTime(e.createdAt) },
        { label: L('recipient'), text: e.recipient },
        { label: L('undeliveredReason'), key: L(`reasons.${e.reason}`), alarm: true },
        ...(e.lastError ? [{ label: L('lastError'), text: e.lastError }] : []),
      ];
    }
    case 'contact_data_incomplete': {
      const e = evidence as unknown as Evidence<'contact_data_incomplete'>;
      return [
        { label: L('voltage'), text: `${n(e.voltageKv)} kV` },
        { label: L('contacts'), text: n(e.contacts), link: ['/customers', customerId] },
        ...e.problems.map((p) => ({ label: L('problem'), key: L(`problems.${p}`), alarm: true })),
      ];
    }
    case 'application_late': {
      const e = evidence as unknown as Evidence<'application_late'>;
      return [
        { label: L('application'), key: `applicationType.${e.kind}`, link: ['/applications', e.applicationId] },
        { label: L('receivedAt'), text: f.dateTime(e.receivedAt) },
        { label: L('lateReason'), key: L(`reasons.${e.reason}`), alarm: true },
        {
          label: L('workingDays'),
          key: L('daysUsedOfLimit'),
          params: { used: e.usedDays, limit: e.limitDays },
          alarm: true,
        },
      ];
    }
    case 'urged_without_contact': {
      const e = evidence as unknown as Evidence<'urged_without_contact'>;
      return [
        orderLink(e),
        { label: L('orderType'), text: f.orderType(e.type) },
        { label: L('receivedAt'), text: f.dateTime(e.receivedAt) },
        { label: L('urges'), text: n(e.urges), alarm: true },
        { label: L('lastUrgedAt'), text: f.dateTime(e.lastUrgedAt) },
      ];
    }
    case 'callback_contradiction': {
      const e = evidence as unknown as Evidence<'callback_contradiction'>;
      return [
        orderLink(e),
        { label: L('orderType'), text: f.orderType(e.type) },
        { label: L('result'), text: e.result },
        { label: L('callbackAt'), text: f.dateTime(e.callbackAt) },
        ...(e.callbackNote ? [{ label: L('callbackNote'), text: e.callbackNote, alarm: true }] : []),
        ...(e.satisfaction !== null
          ? [{ label: L('satisfaction'), key: L('outOfFive'), params: { n: e.satisfaction }, alarm: true }]
          : []),
      ];
    }
    case 'repair_arrival_late': {
      const e = evidence as unknown as Evidence<'repair_arrival_late'>;
      return [
        orderLink(e),
        { label: L('area'), key: `repairArea.${e.area}` },
        { label: L('receivedAt'), text: f.dateTime(e.receivedAt) },
        e.arrivedAt
          ? { label: L('arrivedAt'), text: f.dateTime(e.arrivedAt) }
          : { label: L('arrivedAt'), key: L('notArrived'), alarm: true },
        { label: L('limitMinutes'), key: L('minutes'), params: { n: e.limitMinutes } },
        { label: L('minutesLate'), key: L('minutes'), params: { n: e.minutesLate }, alarm: true },
      ];
    }
    case 'important_customer_not_visited': {
      const e = evidence as unknown as Evidence<'important_customer_not_visited'>;
      return [
        { label: L('importance'), key: `importance.${e.importance}` },
        e.vipTier ? { label: L('vipTier'), key: `scores.tier.${e.vipTier}` } : { label: L('vipTier'), text: '—' },
        e.lastVisitOn
          ? { label: L('lastVisitOn'), text: f.date(e.lastVisitOn) }
          : { label: L('lastVisitOn'), key: L('neverVisited'), alarm: true },
        { label: L('daysSinceVisit'), key: L('days'), params: { n: e.days }, alarm: true },
      ];
    }
  }
}

/** The zero months of a `zero_consumption` finding beside the same months a year before; none for other rules. */
export function zeroMonths(
  rule: AuditRuleCode,
  evidence: Record<string, unknown>,
): Evidence<'zero_consumption'>['months'] {
  return rule === 'zero_consumption' ? (evidence as unknown as Evidence<'zero_consumption'>).months : [];
}

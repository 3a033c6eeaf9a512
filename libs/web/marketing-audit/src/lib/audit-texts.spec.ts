import { formatDate, formatNumber } from '@angular/common';
import { auditRuleSpec, AuditEvidenceByRule } from '@crm/shared/domain';
import { evidenceFacts, Formats, parameterValueText, ruleName, zeroMonths } from './audit-texts';

const formats: Formats = {
  date: (d) => formatDate(d, 'yyyy-MM-dd', 'en'),
  dateTime: (d) => formatDate(d, 'yyyy-MM-dd HH:mm', 'en', '+0800'),
  number: (n, digits) => formatNumber(n, 'en', digits),
  orderType: (code) => (code === 'complaint' ? 'Complaint' : code),
};

describe('rule names', () => {
  it('shows the name in the language shown, the code before the rules are loaded', () => {
    const rule = { nameZh: '零电量', nameEn: 'Zero consumption' };
    expect(ruleName(rule, 'zero_consumption', true)).toBe('零电量');
    expect(ruleName(rule, 'zero_consumption', false)).toBe('Zero consumption');
    expect(ruleName(undefined, 'zero_consumption', false)).toBe('zero_consumption');
  });
});

describe('parameter values', () => {
  it('groups whole numbers and names tariff categories', () => {
    const [, tariffs] = auditRuleSpec('zero_consumption').parameters;
    const minimum = auditRuleSpec('consumption_out_of_line').parameters[3];
    expect(parameterValueText(minimum, 100000, formats)).toEqual({ text: '100,000' });
    expect(parameterValueText(tariffs, ['large_industry', 'agriculture'], formats)).toEqual({
      keys: ['tariff.large_industry', 'tariff.agriculture'],
    });
  });
});

describe('evidence facts', () => {
  it('shows zero consumption as its tariff and the number of zero months, the months beside last year', () => {
    const evidence: AuditEvidenceByRule['zero_consumption'] = {
      tariffCategory: 'large_industry',
      months: [
        { period: '2026-09', kwh: 0, lastYearKwh: 120500 },
        { period: '2026-10', kwh: 0, lastYearKwh: null },
      ],
    };
    const facts = evidenceFacts('zero_consumption', { ...evidence }, 'c1', formats);
    expect(facts).toEqual([
      { label: 'marketingAudit.evidence.tariffCategory', key: 'tariff.large_industry' },
      {
        label: 'marketingAudit.evidence.zeroMonths',
        key: 'marketingAudit.evidence.monthsCount',
        params: { n: 2 },
        alarm: true,
      },
    ]);
    expect(zeroMonths('zero_consumption', { ...evidence })).toHaveLength(2);
    expect(zeroMonths('contact_data_incomplete', { ...evidence })).toEqual([]);
  });

  it('shows consumption out of line against last year and the median with percentages', () => {
    const evidence: AuditEvidenceByRule['consumption_out_of_line'] = {
      period: '2026-10',
      kwh: 15000,
      lastYearKwh: 60000,
      trailingMedianKwh: 58250,
      percentOfLastYear: 25,
      percentOfMedian: 25.75,
      direction: 'low',
    };
    const facts = evidenceFacts('consumption_out_of_line', { ...evidence }, 'c1', formats);
    expect(facts.map((f) => f.text ?? f.params)).toEqual([
      '2026-10',
      '15,000 kWh',
      { kwh: '60,000', percent: '25' },
      { kwh: '58,250', percent: '25.8' },
      undefined,
    ]);
    expect(facts[4].key).toBe('marketingAudit.evidence.directions.low');
  });

  it('shows a disconnection as its notice date to its date with the days of notice', () => {
    const evidence: AuditEvidenceByRule['disconnection_without_notice'] = {
      disconnectionId: '7',
      noticeDate: '2026-10-01',
      disconnectedOn: '2026-10-04',
      daysOfNotice: 3,
      requiredDays: 7,
    };
    const [dates, days] = evidenceFacts('disconnection_without_notice', { ...evidence }, 'c1', formats);
    expect(dates.text).toBe('2026-10-01 → 2026-10-04');
    expect(days.params).toEqual({ days: 3, required: 7 });
  });

  it('links an order by its number to the request page and names its type', () => {
    const evidence: AuditEvidenceByRule['callback_contradiction'] = {
      orderId: '42',
      orderNo: 'GD202610000042',
      type: 'complaint',
      result: '已更换表计',
      callbackAt: '2026-10-05T02:00:00Z',
      callbackNote: null,
      satisfaction: 1,
    };
    const facts = evidenceFacts('callback_contradiction', { ...evidence }, 'c1', formats);
    expect(facts[0]).toEqual({
      label: 'marketingAudit.evidence.order',
      text: 'GD202610000042',
      link: ['/requests', '42'],
    });
    expect(facts.map((f) => f.text)).toEqual([
      'GD202610000042',
      'Complaint',
      '已更换表计',
      '2026-10-05 10:00',
      undefined,
    ]);
    expect(facts[4].params).toEqual({ n: 1 });
  });

  it('says what is missing of the contact data, each problem in words, with a link to the customer', () => {
    const evidence: AuditEvidenceByRule['contact_data_incomplete'] = {
      voltageKv: 10,
      contacts: 0,
      problems: ['no_contact', 'no_electrical_contact'],
    };
    const facts = evidenceFacts('contact_data_incomplete', { ...evidence }, 'c9', formats);
    expect(facts[1]).toEqual({ label: 'marketingAudit.evidence.contacts', text: '0', link: ['/customers', 'c9'] });
    expect(facts.slice(2).map((f) => f.key)).toEqual([
      'marketingAudit.evidence.problems.no_contact',
      'marketingAudit.evidence.problems.no_electrical_contact',
    ]);
  });

  it('says when power is still off, a crew has not arrived, or a customer was never visited', () => {
    const restoration = evidenceFacts(
      'restoration_late',
      {
        disconnectionId: '1',
        disconnectedOn: '2026-09-01',
        paidInFullOn: '2026-09-03',
        restoredOn: null,
        hoursAllowed: 24,
        daysWithoutPowerAfterPayment: 5,
      },
      'c1',
      formats,
    );
    expect(restoration[2].key).toBe('marketingAudit.evidence.stillOff');
    const repair = evidenceFacts(
      'repair_arrival_late',
      {
        orderId: '3',
        orderNo: 'GD3',
        area: 'rural',
        receivedAt: '2026-09-01T00:00:00Z',
        arrivedAt: null,
        limitMinutes: 90,
        minutesLate: 30,
      },
      'c1',
      formats,
    );
    expect(repair.map((f) => f.key)).toContain('marketingAudit.evidence.notArrived');
    expect(repair[1].key).toBe('repairArea.rural');
    const visit = evidenceFacts(
      'important_customer_not_visited',
      { vipTier: null, importance: 'level1', lastVisitOn: null, days: 120 },
      'c1',
      formats,
    );
    expect(visit.map((f) => f.key ?? f.text)).toEqual([
      'importance.level1',
      '—',
      'marketingAudit.evidence.neverVisited',
      'marketingAudit.evidence.days',
    ]);
  });
});

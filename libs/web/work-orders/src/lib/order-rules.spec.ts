import { WorkOrderReference } from '@crm/shared/domain';
import {
  amountKey,
  codeName,
  dayAfter,
  dayOf,
  dueTodayOrOverdue,
  eventFacts,
  orderActions,
  runningDue,
  stepTexts,
  topicsFor,
} from './order-rules';

const order = (o: Partial<Parameters<typeof runningDue>[0]> & { id?: string }) => ({
  id: 'x',
  state: 'open' as const,
  contactedAt: null,
  contactDueAt: null,
  resolveDueAt: null,
  ...o,
});

describe('orderActions', () => {
  it('offers the contact first, then the result, in an open or reopened period', () => {
    expect(orderActions({ state: 'open', contactedAt: null })).toEqual(['contact', 'urge']);
    expect(orderActions({ state: 'open', contactedAt: '2026-11-20T02:00:00Z' })).toEqual(['handle', 'urge']);
    expect(orderActions({ state: 'reopened', contactedAt: null })).toEqual(['contact', 'urge']);
  });

  it('offers the callback once handled, and nothing once closed', () => {
    expect(orderActions({ state: 'handled', contactedAt: '2026-11-20T02:00:00Z' })).toEqual(['callback', 'urge']);
    expect(orderActions({ state: 'closed', contactedAt: '2026-11-20T02:00:00Z' })).toEqual([]);
  });
});

describe('topicsFor', () => {
  const reference: WorkOrderReference = {
    channels: [],
    types: [],
    topics: [
      { code: 'power_quality', nameZh: '供电质量', nameEn: 'Power quality', type: 'complaint' },
      { code: 'meter_test', nameZh: '计量检定', nameEn: 'Meter test', type: 'service_request' },
    ],
  };

  it('gives a complaint and a service request their own topics, other types none', () => {
    expect(topicsFor('complaint', reference).map((t) => t.code)).toEqual(['power_quality']);
    expect(topicsFor('service_request', reference).map((t) => t.code)).toEqual(['meter_test']);
    expect(topicsFor('inquiry', reference)).toEqual([]);
    expect(topicsFor(null, reference)).toEqual([]);
  });
});

describe('runningDue and dueTodayOrOverdue', () => {
  // 2026-11-26 10:00 China time.
  const now = new Date('2026-11-26T02:00:00Z');

  it('reads the contact clock until the contact, then the resolution clock; none once handled', () => {
    const o = order({ contactDueAt: '2026-11-26T16:00:00Z', resolveDueAt: '2026-12-04T16:00:00Z' });
    expect(runningDue(o)).toBe('2026-11-26T16:00:00Z');
    expect(runningDue({ ...o, contactedAt: '2026-11-26T01:00:00Z' })).toBe('2026-12-04T16:00:00Z');
    expect(runningDue({ ...o, state: 'handled' })).toBeNull();
  });

  it("keeps orders due by the end of today's China date or overdue, earliest first", () => {
    const overdue = order({ id: 'overdue', contactDueAt: '2026-11-24T16:00:00Z' });
    // 23:59 China time today is 15:59 UTC.
    const tonight = order({ id: 'tonight', contactDueAt: '2026-11-26T15:59:00Z' });
    // Midnight China time is tomorrow.
    const tomorrow = order({ id: 'tomorrow', contactDueAt: '2026-11-26T16:00:00Z' });
    const handled = order({ id: 'handled', state: 'handled', contactDueAt: '2026-11-20T00:00:00Z' });
    const noClock = order({ id: 'none', contactedAt: '2026-11-26T01:00:00Z' });
    expect(dueTodayOrOverdue([tonight, tomorrow, handled, overdue, noClock], now).map((o) => o.id)).toEqual([
      'overdue',
      'tonight',
    ]);
  });
});

describe('codeName', () => {
  const channels = [{ code: 'hotline_95598', nameZh: '95598 热线', nameEn: '95598 hotline' }];

  it('names a code in the language shown, and shows nothing before the reference loads', () => {
    expect(codeName(channels, 'hotline_95598', true)).toBe('95598 热线');
    expect(codeName(channels, 'hotline_95598', false)).toBe('95598 hotline');
    expect(codeName(undefined, 'hotline_95598', false)).toBe('');
    expect(codeName(channels, null, false)).toBeNull();
  });
});

describe('dayOf and dayAfter', () => {
  it('writes a picked day and the day after it, across a month end', () => {
    expect(dayOf(new Date(2026, 10, 30, 23, 59))).toBe('2026-11-30');
    expect(dayAfter('2026-11-30')).toBe('2026-12-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});

describe('eventFacts', () => {
  it('reads the known fields of their types and leaves out blanks and others', () => {
    expect(
      eventFacts({
        note: '已联系',
        result: ' ',
        solved: false,
        satisfaction: 2,
        reasons: ['regulator_12398', 3],
        x: 1,
      }),
    ).toEqual({ note: '已联系', solved: false, satisfaction: 2, reasons: ['regulator_12398'] });
    expect(eventFacts({ solved: 'yes', satisfaction: '5' })).toEqual({});
  });
});

describe('amountKey', () => {
  it('picks the singular for one and the plural otherwise', () => {
    expect(amountKey({ amount: 1, unit: 'working_days' })).toBe('requests.amount.working_days.one');
    expect(amountKey({ amount: 45, unit: 'minutes' })).toBe('requests.amount.minutes.other');
    expect(amountKey({ amount: 0.5, unit: 'working_hours' })).toBe('requests.amount.working_hours.other');
  });
});

describe('stepTexts', () => {
  it('asks a handler for the result, of a complaint also its cause and accountability, and the other steps for a note', () => {
    const names = (action: Parameters<typeof stepTexts>[0], type: Parameters<typeof stepTexts>[1]) =>
      stepTexts(action, type).map((t) => t.name);
    expect(names('handle', 'inquiry')).toEqual(['result']);
    expect(names('handle', 'complaint')).toEqual(['result', 'cause', 'accountability']);
    expect(stepTexts('handle', 'complaint')[0].label).toBe('requests.investigation');
    expect(names('contact', 'complaint')).toEqual(['note']);
    expect(names('callback', 'inquiry')).toEqual(['note']);
    expect(names('urge', 'complaint')).toEqual(['note']);
  });
});

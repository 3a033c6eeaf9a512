import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ForbiddenError, InvalidInputError, InvalidTransitionError } from './errors';
import { parseHolidayNotice } from './holiday-notice';
import { CLOCK_UNITS, clockState } from './time-limits';
import { workingCalendar } from './working-days';
import {
  callbackOrder,
  chinaMidnight,
  COMPLAINT_TOPICS,
  contactClock,
  contactOrder,
  escalationReasons,
  handleOrder,
  isContradictoryCallback,
  lastTwelveMonths,
  limitsFor,
  monthsBetween,
  monthWithin,
  REPAIR_AREAS,
  resolutionClock,
  SERVICE_REQUEST_TOPICS,
  topicProblem,
  urgeOrder,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_STATES,
  WORK_ORDER_TYPES,
  WorkOrderChannel,
  WorkOrderFacts,
  WorkOrderLimitRow,
  WorkOrderStep,
  workOrderError,
} from './work-orders';

const SEEDS = join(__dirname, '../../../../../seeds');
const seed = <T>(file: string): T => JSON.parse(readFileSync(join(SEEDS, file), 'utf8')) as T;

interface NamedCode {
  code: string;
  nameZh: string;
  nameEn: string;
}
const channelsSeed = seed<{ channels: NamedCode[] }>('work-order-channels.json');
const typesSeed = seed<{ types: NamedCode[]; serviceRequestTopics: NamedCode[] }>('work-order-types.json');
const topicsSeed = seed<{ topics: NamedCode[] }>('complaint-topics.json');
const limitsSeed = seed<{ limits: (WorkOrderLimitRow & { nameZh: string; nameEn: string })[] }>(
  'work-order-limits.json',
);
const TABLE: WorkOrderLimitRow[] = limitsSeed.limits;

/** The 2026 calendar from the State Council's notice as published: National Day 1–7 Oct, make-up
 * working days Sunday 20 Sep and Saturday 10 Oct (Mid-Autumn 25–27 Sep before it). */
const calendar2026 = workingCalendar(
  parseHolidayNotice(readFileSync(join(SEEDS, 'holiday-notices/2026.txt'), 'utf8'), 2026).days,
  [2026],
);

/** An instant given in China time. */
const cn = (local: string) => new Date(`${local}+08:00`);

const NOW = cn('2026-10-20T12:00');

const order = (facts: Partial<WorkOrderFacts> = {}): WorkOrderFacts => ({
  type: 'service_request',
  state: 'open',
  periodStartedAt: cn('2026-10-12T09:00'),
  contactedAt: null,
  handledAt: null,
  handledBy: null,
  result: null,
  ...facts,
});

const contacted = (facts: Partial<WorkOrderFacts> = {}) => order({ contactedAt: cn('2026-10-12T10:00'), ...facts });
const handled = (facts: Partial<WorkOrderFacts> = {}) =>
  contacted({ state: 'handled', handledAt: cn('2026-10-13T15:00'), handledBy: 'u-handler', result: 'Done', ...facts });

/** A value the test needs to be there. */
const present = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
};

/** The refusal of a step that must be refused. */
const refusal = (step: WorkOrderStep) => {
  if (step.ok) throw new Error(`expected a refusal, got ${step.state}`);
  return step.refusal;
};

describe('seeds of work orders', () => {
  const codes = (rows: NamedCode[]) => rows.map((r) => r.code);

  it('use the codes of the domain constants, in their order', () => {
    expect(codes(channelsSeed.channels)).toEqual([...WORK_ORDER_CHANNELS]);
    expect(codes(typesSeed.types)).toEqual([...WORK_ORDER_TYPES]);
    expect(codes(typesSeed.serviceRequestTopics)).toEqual([...SERVICE_REQUEST_TOPICS]);
    expect(codes(topicsSeed.topics)).toEqual([...COMPLAINT_TOPICS]);
    expect(COMPLAINT_TOPICS).toHaveLength(12);
  });

  it('name every entry in Chinese and English', () => {
    const named = [
      ...channelsSeed.channels,
      ...typesSeed.types,
      ...typesSeed.serviceRequestTopics,
      ...topicsSeed.topics,
      ...limitsSeed.limits,
    ];
    for (const entry of named) {
      expect(entry.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(entry.nameEn).toMatch(/^[A-Z0-9][^\u4e00-\u9fff]*$/);
    }
  });

  it('give limit rows known codes, clock units and positive amounts', () => {
    for (const row of TABLE) {
      expect(WORK_ORDER_TYPES).toContain(row.type);
      if (row.channel !== null) expect(WORK_ORDER_CHANNELS).toContain(row.channel);
      if (row.area !== null) expect(REPAIR_AREAS).toContain(row.area);
      if (row.topic !== null) expect([...COMPLAINT_TOPICS, ...SERVICE_REQUEST_TOPICS]).toContain(row.topic);
      for (const limit of [row.contact, row.resolution]) {
        expect(CLOCK_UNITS).toContain(limit.unit);
        expect(Number.isInteger(limit.amount) && limit.amount > 0).toBe(true);
      }
      expect(['opened', 'contacted']).toContain(row.resolutionStartsAt);
    }
  });

  it('have limits for every type from every channel, and for repairs in every area', () => {
    for (const type of WORK_ORDER_TYPES) {
      for (const channel of WORK_ORDER_CHANNELS) {
        for (const area of REPAIR_AREAS) expect(limitsFor(type, channel, area, TABLE)).not.toBeNull();
      }
    }
  });
});

describe('topicProblem', () => {
  it('needs one of the twelve topics on a complaint', () => {
    expect(topicProblem('complaint', 'fault_repair_response')).toBeNull();
    expect(topicProblem('complaint', null)?.message).toMatch(/needs a topic/);
    expect(topicProblem('complaint', 'meter_test')?.message).toMatch(/needs a topic/);
  });

  it('allows a service request the meter test and reading check topics, or none', () => {
    expect(topicProblem('service_request', 'meter_test')).toBeNull();
    expect(topicProblem('service_request', 'reading_check')).toBeNull();
    expect(topicProblem('service_request', undefined)).toBeNull();
    expect(topicProblem('service_request', 'service_attitude')?.message).toMatch(/meter_test, reading_check/);
  });

  it('refuses a topic on the other types', () => {
    expect(topicProblem('inquiry', null)).toBeNull();
    expect(topicProblem('fault_repair', 'power_quality')).toEqual({
      field: 'topic',
      message: 'A fault_repair has no topic',
      code: 'workOrder.noTopic',
      params: { field: 'topic', type: 'fault_repair' },
    });
  });
});

describe('contactOrder', () => {
  it('records the contact of an open or reopened order without changing its state', () => {
    expect(contactOrder(order(), { at: cn('2026-10-12T10:00') }, NOW)).toEqual({ ok: true, state: 'open' });
    expect(contactOrder(order({ state: 'reopened' }), { at: cn('2026-10-12T10:00') }, NOW)).toEqual({
      ok: true,
      state: 'reopened',
    });
  });

  it('contacts once per open period', () => {
    expect(refusal(contactOrder(contacted(), { at: cn('2026-10-13T10:00') }, NOW))).toMatchObject({
      kind: 'invalid_transition',
      message: expect.stringMatching(/already contacted/),
    });
  });

  it('refuses a handled or closed order', () => {
    for (const state of ['handled', 'closed'] as const) {
      expect(refusal(contactOrder(handled({ state }), { at: NOW }, NOW)).kind).toBe('invalid_transition');
    }
  });

  it('refuses a moment in the future or before the period started, naming `at`', () => {
    const future = refusal(contactOrder(order(), { at: new Date(NOW.getTime() + 120_000) }, NOW));
    expect(future).toMatchObject({ kind: 'invalid_input', details: [{ field: 'at' }] });
    const early = refusal(contactOrder(order(), { at: cn('2026-10-12T08:59') }, NOW));
    expect(early).toMatchObject({ kind: 'invalid_input', details: [{ field: 'at' }] });
    // a minute ahead of the server's clock is tolerated
    expect(contactOrder(order(), { at: new Date(NOW.getTime() + 60_000) }, NOW).ok).toBe(true);
  });
});

describe('handleOrder', () => {
  const at = cn('2026-10-13T15:00');

  it('records the result of a contacted order: handled', () => {
    expect(handleOrder(contacted(), { at, result: 'Meter tested: within class 0.5S' }, NOW)).toEqual({
      ok: true,
      state: 'handled',
    });
    expect(handleOrder(contacted({ state: 'reopened' }), { at, result: 'Retested' }, NOW).ok).toBe(true);
  });

  it('needs the contact first (the 95598 order signed five days late, nobody called the customer)', () => {
    expect(refusal(handleOrder(order(), { at, result: 'Dispatched' }, NOW))).toMatchObject({
      kind: 'invalid_transition',
      details: [{ field: 'contactedAt' }],
    });
  });

  it('needs a result that is not blank', () => {
    expect(refusal(handleOrder(contacted(), { at, result: '  ' }, NOW))).toMatchObject({
      kind: 'invalid_input',
      details: [{ field: 'result', message: 'result is required' }],
    });
  });

  it('needs the "three in place" record on a complaint: investigation, cause, accountability', () => {
    const complaint = contacted({ type: 'complaint' });
    const missing = refusal(handleOrder(complaint, { at, result: 'Crew arrived late', cause: ' ' }, NOW));
    expect(missing.kind).toBe('invalid_input');
    expect(missing.details.map((d) => d.field)).toEqual(['cause', 'accountability']);
    expect(
      refusal(handleOrder(complaint, { at, result: null, cause: 'c', accountability: 'a' }, NOW)).details,
    ).toMatchObject([{ field: 'result', message: 'result is required' }]);
    const complete = {
      at,
      result: 'Crew called back after 1 h and arrived after 2.5 h',
      cause: 'The dispatcher passed the order on late',
      accountability: 'Dispatcher and crew leader assessed under the repair rules',
    };
    expect(handleOrder(complaint, complete, NOW)).toEqual({ ok: true, state: 'handled' });
  });

  it('refuses a result before the contact, and on a handled or closed order', () => {
    const early = refusal(handleOrder(contacted(), { at: cn('2026-10-12T09:30'), result: 'x' }, NOW));
    expect(early).toMatchObject({ kind: 'invalid_input', details: [{ field: 'at' }] });
    for (const state of ['handled', 'closed'] as const) {
      expect(refusal(handleOrder(handled({ state }), { at, result: 'x' }, NOW)).kind).toBe('invalid_transition');
    }
  });
});

describe('callbackOrder', () => {
  const input = { at: cn('2026-10-14T10:00'), solved: true, satisfaction: 5, by: 'u-callback' };

  it('closes the order when the problem is solved', () => {
    expect(callbackOrder(handled(), input, NOW)).toEqual({ ok: true, state: 'closed' });
  });

  it('reopens it when the customer says it is not solved', () => {
    expect(callbackOrder(handled(), { ...input, solved: false, satisfaction: 1 }, NOW)).toEqual({
      ok: true,
      state: 'reopened',
    });
  });

  it('comes only after a result', () => {
    for (const state of ['open', 'reopened', 'closed'] as const) {
      expect(refusal(callbackOrder(contacted({ state }), input, NOW)).kind).toBe('invalid_transition');
    }
  });

  it('is not made by the user who recorded the result', () => {
    expect(refusal(callbackOrder(handled(), { ...input, by: 'u-handler' }, NOW))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('takes a satisfaction from 1 to 5, whole', () => {
    expect(callbackOrder(handled(), { ...input, satisfaction: 1 }, NOW).ok).toBe(true);
    for (const satisfaction of [0, 6, 3.5, Number.NaN]) {
      expect(refusal(callbackOrder(handled(), { ...input, satisfaction }, NOW))).toMatchObject({
        kind: 'invalid_input',
        details: [{ field: 'satisfaction' }],
      });
    }
  });

  it('refuses a callback before the result', () => {
    expect(refusal(callbackOrder(handled(), { ...input, at: cn('2026-10-13T14:00') }, NOW))).toMatchObject({
      kind: 'invalid_input',
      details: [{ field: 'at' }],
    });
  });
});

describe('urgeOrder', () => {
  it('attaches to an order that is not closed, without changing its state', () => {
    for (const state of ['open', 'reopened', 'handled'] as const) {
      expect(urgeOrder({ state })).toEqual({ ok: true, state });
    }
  });

  it('refuses a closed order: a new contact is a new order', () => {
    expect(refusal(urgeOrder({ state: 'closed' }))).toMatchObject({
      kind: 'invalid_transition',
      message: expect.stringMatching(/new order/),
    });
  });
});

describe('workOrderError', () => {
  it('turns each refusal into its domain error, with the fields', () => {
    const details = [{ field: 'at', message: 'm' }];
    const input = workOrderError({ kind: 'invalid_input', message: 'bad', details });
    expect(input).toBeInstanceOf(InvalidInputError);
    expect((input as InvalidInputError).details).toEqual(details);
    expect(workOrderError({ kind: 'invalid_transition', message: 'no', details: [] })).toBeInstanceOf(
      InvalidTransitionError,
    );
    const forbidden = workOrderError({ kind: 'forbidden', message: 'not you', details: [] });
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.message).toBe('not you');
  });
});

describe('isContradictoryCallback', () => {
  it('flags an unsolved callback on an order with a recorded result (the meter reader\'s "no error")', () => {
    const order = { result: '抄表员到现场核对，行度无差错' };
    expect(isContradictoryCallback(order, { solved: false })).toBe(true);
    expect(isContradictoryCallback(order, { solved: true })).toBe(false);
    expect(isContradictoryCallback({ result: null }, { solved: false })).toBe(false);
    expect(isContradictoryCallback({ result: ' ' }, { solved: false })).toBe(false);
  });
});

describe('escalationReasons', () => {
  const urges = (...channels: WorkOrderChannel[]) => channels.map((channel) => ({ channel }));

  it('escalates the third urge on one order (three calls to 95598 in five days)', () => {
    expect(escalationReasons({ channel: 'hotline_95598', urges: urges('hotline_95598', 'hotline_95598') })).toEqual([]);
    expect(escalationReasons({ channel: 'hotline_95598', urges: urges(...Array(3).fill('hotline_95598')) })).toEqual([
      'repeated_urges',
    ]);
    expect(escalationReasons({ channel: 'service_hall', urges: urges(...Array(4).fill('service_hall')) })).toEqual([
      'repeated_urges',
    ]);
  });

  it('escalates any 12398, news media or government platform order', () => {
    expect(escalationReasons({ channel: 'regulator_12398', urges: [] })).toEqual(['regulator_12398']);
    expect(escalationReasons({ channel: 'news_media', urges: [] })).toEqual(['news_media']);
    expect(escalationReasons({ channel: 'government_platform', urges: [] })).toEqual(['government_platform']);
    for (const channel of ['hotline_95598', 'account_manager', 'letters_visits', 'social_media'] as const) {
      expect(escalationReasons({ channel, urges: [] })).toEqual([]);
    }
  });

  it('escalates an order urged through one of those channels, and lists every reason once', () => {
    expect(escalationReasons({ channel: 'hotline_95598', urges: urges('regulator_12398') })).toEqual([
      'regulator_12398',
    ]);
    const all = escalationReasons({
      channel: 'government_platform',
      urges: urges('news_media', 'regulator_12398', 'regulator_12398'),
    });
    expect(all).toEqual(['repeated_urges', 'regulator_12398', 'news_media', 'government_platform']);
  });
});

describe('limitsFor', () => {
  it('picks the commitment of a complaint: contacted within 1 working day, answered within 7', () => {
    expect(limitsFor('complaint', 'hotline_95598', null, TABLE)).toEqual({
      contact: { amount: 1, unit: 'working_days' },
      resolution: { amount: 7, unit: 'working_days' },
      resolutionStartsAt: 'opened',
    });
    // the area is for repairs only
    expect(limitsFor('complaint', 'hotline_95598', 'remote', TABLE)).toEqual(
      limitsFor('complaint', 'hotline_95598', null, TABLE),
    );
  });

  it('picks a repair by area: on site 45/90/120 minutes, power back 180/240/240 minutes after arrival', () => {
    const repair = (area: 'urban' | 'rural' | 'remote' | null) =>
      limitsFor('fault_repair', 'hotline_95598', area, TABLE);
    expect([repair('urban'), repair('rural'), repair('remote')]).toEqual(
      [
        [45, 180],
        [90, 240],
        [120, 240],
      ].map(([arrival, powerBack]) => ({
        contact: { amount: arrival, unit: 'minutes' },
        resolution: { amount: powerBack, unit: 'minutes' },
        resolutionStartsAt: 'contacted',
      })),
    );
    expect(repair(null)).toEqual(repair('urban'));
  });

  it('picks the meter test and reading check rows of a service request by topic', () => {
    expect(limitsFor('service_request', 'hotline_95598', null, TABLE, 'meter_test')?.resolution).toEqual({
      amount: 5,
      unit: 'working_days',
    });
    const custom = TABLE.map((r) =>
      r.type === 'service_request' && r.topic === null ? { ...r, resolution: { amount: 3, unit: 'working_days' } } : r,
    ) as WorkOrderLimitRow[];
    expect(limitsFor('service_request', 'service_hall', null, custom)?.resolution.amount).toBe(3);
    expect(limitsFor('service_request', 'service_hall', null, custom, 'reading_check')?.resolution.amount).toBe(5);
  });

  it('lets a channel-specific row win over a topic- or area-specific one', () => {
    const base = present(TABLE.find((r) => r.type === 'complaint'));
    const regulator: WorkOrderLimitRow = {
      ...base,
      channel: 'regulator_12398',
      contact: { amount: 4, unit: 'working_hours' },
    };
    const byTopic: WorkOrderLimitRow = {
      ...base,
      topic: 'service_attitude',
      resolution: { amount: 5, unit: 'working_days' },
    };
    const table = [byTopic, regulator, ...TABLE];
    expect(limitsFor('complaint', 'regulator_12398', null, table, 'service_attitude')?.contact).toEqual({
      amount: 4,
      unit: 'working_hours',
    });
    expect(limitsFor('complaint', 'hotline_95598', null, table, 'service_attitude')?.resolution.amount).toBe(5);
    expect(limitsFor('complaint', 'hotline_95598', null, table, 'power_quality')?.resolution.amount).toBe(7);

    const repairRow = present(TABLE.find((r) => r.type === 'fault_repair' && r.area === 'rural'));
    const mediaRepair: WorkOrderLimitRow = {
      ...repairRow,
      area: null,
      channel: 'news_media',
      contact: { amount: 30, unit: 'minutes' },
    };
    expect(limitsFor('fault_repair', 'news_media', 'rural', [...TABLE, mediaRepair])?.contact.amount).toBe(30);
  });

  it('gives null when no row matches', () => {
    expect(
      limitsFor(
        'praise',
        'hotline_95598',
        null,
        TABLE.filter((r) => r.type !== 'praise'),
      ),
    ).toBeNull();
  });
});

describe('work order clocks across the 2026 National Day holiday', () => {
  it('runs a complaint received on 30 Sep through the holiday and the make-up Saturday', () => {
    const limits = present(limitsFor('complaint', 'regulator_12398', null, TABLE));
    const receivedAt = cn('2026-09-30T16:00');
    // contact: 1 working day; 1–7 Oct are holidays, so the next working day is Thu 8 Oct
    expect(contactClock(limits, receivedAt, calendar2026)).toEqual({
      warnAt: cn('2026-10-08T00:00'),
      dueAt: cn('2026-10-09T00:00'),
      estimated: false,
    });
    // resolution: 7 working days: 8, 9, Sat 10 (make-up), 12, 13, 14, 15 Oct; warning from the 6th (14 Oct)
    expect(resolutionClock(limits, { startedAt: receivedAt, contactedAt: null }, calendar2026)).toEqual({
      warnAt: cn('2026-10-14T00:00'),
      dueAt: cn('2026-10-16T00:00'),
      estimated: false,
    });
  });

  it('shows the 95598 order nobody contacted before the holiday as overdue after it', () => {
    const limits = present(limitsFor('service_request', 'hotline_95598', null, TABLE));
    const contact = contactClock(limits, cn('2026-09-29T10:00'), calendar2026);
    expect(contact.dueAt).toEqual(cn('2026-10-01T00:00'));
    expect(clockState({ ...contact, stoppedAt: null, pausedAt: null }, cn('2026-10-08T09:00'))).toBe('overdue');
  });

  it('calls back an inquiry within 4 working hours, resuming after the holiday', () => {
    const limits = present(limitsFor('inquiry', 'social_media', null, TABLE));
    // 15:30–17:30 on 30 Sep is 2 hours, the other 2 from 08:30 on Thu 8 Oct
    expect(contactClock(limits, cn('2026-09-30T15:30'), calendar2026).dueAt).toEqual(cn('2026-10-08T10:30'));
  });

  it('times a rural repair from the call to arrival, and power back from arrival (holidays do not matter)', () => {
    const limits = present(limitsFor('fault_repair', 'hotline_95598', 'rural', TABLE));
    const receivedAt = cn('2026-10-02T10:00');
    const arrival = contactClock(limits, receivedAt, calendar2026);
    expect(arrival.dueAt).toEqual(cn('2026-10-02T11:30'));
    // the crew called back after 1 hour and arrived after 2.5 hours: the arrival was late
    const arrivedAt = cn('2026-10-02T12:30');
    expect(clockState({ ...arrival, stoppedAt: arrivedAt, pausedAt: null }, NOW)).toBe('stopped_late');
    expect(resolutionClock(limits, { startedAt: receivedAt, contactedAt: null }, calendar2026)).toBeNull();
    expect(resolutionClock(limits, { startedAt: receivedAt, contactedAt: arrivedAt }, calendar2026)?.dueAt).toEqual(
      cn('2026-10-02T16:30'),
    );
  });

  it('starts a new resolution clock when an unsolved callback reopens the order', () => {
    const limits = present(limitsFor('service_request', 'hotline_95598', null, TABLE, 'reading_check'));
    const reopenedAt = cn('2026-09-29T11:00');
    const clock = resolutionClock(limits, { startedAt: reopenedAt, contactedAt: null }, calendar2026);
    // 5 working days after Tue 29 Sep: 30 Sep, 8, 9, Sat 10, 12 Oct
    expect(clock?.dueAt).toEqual(cn('2026-10-13T00:00'));
  });
});

describe('WORK_ORDER_STATES', () => {
  it('are the states of API.md', () => {
    expect(WORK_ORDER_STATES).toEqual(['open', 'handled', 'closed', 'reopened']);
  });
});

describe('report periods', () => {
  it('starts a China date at 16:00 UTC the day before', () => {
    expect(chinaMidnight('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
  });

  it('lists the months touched by [from, to), across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsBetween('2026-03-01', '2026-03-02')).toEqual(['2026-03']);
  });

  it('defaults to this month and the eleven before, to the end of today', () => {
    expect(lastTwelveMonths('2026-11-26')).toEqual({ from: '2025-12-01', to: '2026-11-27' });
    expect(lastTwelveMonths('2026-12-31')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('clips a month to the period', () => {
    expect(monthWithin('2025-11', '2025-11-15', '2026-02-01')).toEqual({ from: '2025-11-15', to: '2025-12-01' });
    expect(monthWithin('2025-12', '2025-11-15', '2026-02-01')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(monthWithin('2026-01', '2025-11-15', '2026-01-20')).toEqual({ from: '2026-01-01', to: '2026-01-20' });
  });
});

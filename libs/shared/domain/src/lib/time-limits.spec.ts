import {
  addWorkingMinutes,
  clockMoments,
  clockState,
  clockUsed,
  slaOfClock,
  workingMinutesBetween,
} from './time-limits';
import { calendar2026 } from './calendar-2026.fixture';

/** An instant given in China time. */
const cn = (local: string) => new Date(`${local}+08:00`);

describe('working-day clocks', () => {
  it('warn at the start of the day 80 % of the days have passed and fall due at the end of the due date', () => {
    // 5 days from Thu 24 Sep: 28, 29, 30 Sep, then 1–7 Oct off, 8 Oct is the 4th (80 %), 9 Oct the 5th.
    expect(clockMoments(cn('2026-09-24T10:00'), 5, 'working_days', calendar2026)).toEqual({
      warnAt: cn('2026-10-08T00:00'),
      dueAt: cn('2026-10-10T00:00'),
      estimated: false,
    });
  });

  it('count the make-up Saturday 10 Oct and the make-up Sunday 20 Sep', () => {
    expect(clockMoments(cn('2026-09-24T10:00'), 6, 'working_days', calendar2026).dueAt).toEqual(cn('2026-10-11T00:00'));
    // 15 days from Fri 18 Sep: Sun 20 Sep is the first, the holidays are skipped → due 15 Oct.
    const survey = clockMoments(cn('2026-09-18T16:00'), 15, 'working_days', calendar2026);
    expect(survey.warnAt).toEqual(cn('2026-10-12T00:00')); // 12th working day
    expect(survey.dueAt).toEqual(cn('2026-10-16T00:00'));
  });

  it('warn no earlier than one working day after the start', () => {
    expect(clockMoments(cn('2026-09-30T09:00'), 1, 'working_days', calendar2026)).toMatchObject({
      warnAt: cn('2026-10-08T00:00'),
      dueAt: cn('2026-10-09T00:00'),
    });
  });

  it('resume after a pause with the days already used counted', () => {
    // 22 days, 10 used before the pause, resumed on Wed 30 Sep: 12 left → 8, 9, 10, 12–16, 19–22 Oct.
    const resumed = clockMoments(cn('2026-09-30T11:00'), 22, 'working_days', calendar2026, 10);
    expect(resumed.dueAt).toEqual(cn('2026-10-23T00:00'));
    expect(resumed.warnAt).toEqual(cn('2026-10-16T00:00')); // ceil(17.6) = 18 → 8 more days
  });

  it('are estimated when the due date lies in a year the calendar does not know', () => {
    expect(clockMoments(cn('2026-12-28T09:00'), 10, 'working_days', calendar2026).estimated).toBe(true);
  });

  it('count used working days from the day after the start up to and including today', () => {
    expect(clockUsed('working_days', cn('2026-09-24T10:00'), cn('2026-10-08T09:00'), calendar2026)).toBe(4);
  });
});

describe('working-hour clocks (08:30–17:30 China time)', () => {
  it('count only the working hours of working days', () => {
    // 4 h from Wed 30 Sep 15:30: 2 h that day, then the holidays, then 2 h on Thu 8 Oct → 10:30.
    expect(addWorkingMinutes(cn('2026-09-30T15:30'), 240, calendar2026)).toEqual(cn('2026-10-08T10:30'));
    expect(workingMinutesBetween(cn('2026-09-30T15:30'), cn('2026-10-08T10:30'), calendar2026)).toBe(240);
  });

  it('start at the next opening when started outside working hours, make-up Saturday included', () => {
    // Fri 9 Oct 20:00 → Sat 10 Oct (make-up day) 08:30 + 9 h = 17:30 the same day.
    const m = clockMoments(cn('2026-10-09T20:00'), 9, 'working_hours', calendar2026);
    expect(m.dueAt).toEqual(cn('2026-10-10T17:30'));
    expect(m.warnAt).toEqual(cn('2026-10-10T15:42')); // 80 % of 540 min = 432 min
    // A Sunday that is not a make-up day is skipped: Sat 10 Oct 17:00 + 1 h → Mon 12 Oct 09:00.
    expect(clockMoments(cn('2026-10-10T17:00'), 1, 'working_hours', calendar2026).dueAt).toEqual(
      cn('2026-10-12T09:00'),
    );
  });
});

describe('minute clocks (around the clock)', () => {
  it('run through nights and holidays', () => {
    expect(clockMoments(cn('2026-10-01T23:40'), 45, 'minutes', calendar2026)).toEqual({
      warnAt: cn('2026-10-02T00:16'),
      dueAt: cn('2026-10-02T00:25'),
      estimated: false,
    });
    expect(clockUsed('minutes', cn('2026-10-01T23:40'), cn('2026-10-02T00:25:30'), calendar2026)).toBe(45);
  });
});

describe('clock state from the stored moments', () => {
  const moments = { warnAt: cn('2026-10-08T00:00'), dueAt: cn('2026-10-10T00:00') };
  const running = { ...moments, stoppedAt: null, pausedAt: null };

  it('is on time, then warning from warnAt, then overdue after dueAt', () => {
    expect(clockState(running, cn('2026-10-07T23:59'))).toBe('on_time');
    expect(clockState(running, cn('2026-10-08T00:00'))).toBe('warning');
    expect(clockState(running, cn('2026-10-09T23:59'))).toBe('warning');
    expect(clockState(running, cn('2026-10-10T00:01'))).toBe('overdue');
  });

  it('judges a stopped clock by its stop, whenever it is read', () => {
    const now = cn('2026-12-01T00:00');
    expect(clockState({ ...running, stoppedAt: cn('2026-10-09T18:00') }, now)).toBe('stopped_on_time');
    expect(clockState({ ...running, stoppedAt: cn('2026-10-10T08:00') }, now)).toBe('stopped_late');
    expect(slaOfClock('stopped_late')).toBe('overdue');
    expect(slaOfClock('stopped_on_time')).toBe('on_time');
  });

  it('keeps the state a paused clock had when it was paused', () => {
    expect(clockState({ ...running, pausedAt: cn('2026-10-08T10:00') }, cn('2026-12-01T00:00'))).toBe('warning');
  });
});

import { calendar2026 } from './calendar-2026.fixture';
import {
  addWorkingDays,
  workingDaysBefore,
  chinaDate,
  isBeyondKnownYears,
  isCalendarDate,
  isWorkingDay,
  workingCalendar,
  workingDaysBetween,
} from './working-days';

describe('working days around the 2026 Mid-Autumn and National Day holidays', () => {
  it('knows holidays, ordinary weekends and make-up working weekends', () => {
    expect(isWorkingDay('2026-09-25', calendar2026)).toBe(false); // Friday, Mid-Autumn
    expect(isWorkingDay('2026-10-01', calendar2026)).toBe(false); // Thursday, National Day
    expect(isWorkingDay('2026-09-20', calendar2026)).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2026-10-10', calendar2026)).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2026-10-11', calendar2026)).toBe(false); // Sunday
    expect(isWorkingDay('2026-09-28', calendar2026)).toBe(true); // Monday
  });

  it('does not count the start day', () => {
    expect(addWorkingDays('2026-09-21', 1, calendar2026)).toBe('2026-09-22');
    expect(addWorkingDays('2026-09-21', 0, calendar2026)).toBe('2026-09-21');
  });

  it('skips both holidays: 5 working days from Thursday 24 Sep end on Friday 9 Oct', () => {
    // 28, 29, 30 Sep are working days, 1–7 Oct are not, 8, 9 Oct (Thu, Fri) are → the 5th is 9 Oct.
    expect(addWorkingDays('2026-09-24', 5, calendar2026)).toBe('2026-10-09');
    // …and the 6th working day is the make-up Saturday.
    expect(addWorkingDays('2026-09-24', 6, calendar2026)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-24', 7, calendar2026)).toBe('2026-10-12');
  });

  it('counts the make-up Sunday of 20 Sep as a working day', () => {
    expect(addWorkingDays('2026-09-18', 1, calendar2026)).toBe('2026-09-20');
    expect(workingDaysBetween('2026-09-18', '2026-09-21', calendar2026)).toBe(2);
  });

  it('runs a 15-day site survey started before the holidays to its due date', () => {
    // Sun 20 Sep (1, make-up), 21–24 Sep (4), 28–30 Sep (3), 8–10 Oct (3), 12–15 Oct (4) → 15 Oct.
    expect(addWorkingDays('2026-09-18', 15, calendar2026)).toBe('2026-10-15');
    expect(workingDaysBetween('2026-09-18', '2026-10-15', calendar2026)).toBe(15);
  });

  it('counts working days between two dates, start excluded, end included', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-08', calendar2026)).toBe(1);
    expect(workingDaysBetween('2026-10-08', '2026-10-08', calendar2026)).toBe(0);
    expect(workingDaysBetween('2026-10-09', '2026-10-01', calendar2026)).toBe(0);
  });

  it('counts weekends only in a year it does not know, and says so', () => {
    expect(isBeyondKnownYears('2027-10-01', calendar2026)).toBe(true);
    expect(isBeyondKnownYears('2026-10-01', calendar2026)).toBe(false);
    expect(isWorkingDay('2027-10-01', calendar2026)).toBe(true); // a Friday; its holiday is not known
  });
});

describe('chinaDate', () => {
  it('gives the calendar date in China (UTC+8)', () => {
    expect(chinaDate(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
    expect(chinaDate(new Date('2026-09-30T16:00:00Z'))).toBe('2026-10-01');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates, leap days in leap years only', () => {
    expect(isCalendarDate('2026-10-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });

  it('refuses other shapes and years before 1000', () => {
    for (const bad of ['2026-1-01', '20261001', '2026-10-01T00:00:00Z', '0000-01-01', ' 2026-10-01', 'x']) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
});

describe('workingDaysBefore', () => {
  it('counts back over weekends and the National Day holiday, undoing addWorkingDays', () => {
    const calendar = workingCalendar(
      [
        ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'].map((date) => ({
          date,
          working: false,
        })),
        { date: '2026-10-10', working: true },
      ],
      [2026],
    );
    // Friday 9 Oct is the first working day after the holiday; the one before it is Wednesday 30 Sep.
    expect(workingDaysBefore('2026-10-09', 1, calendar)).toBe('2026-09-30');
    expect(workingDaysBefore('2026-10-12', 2, calendar)).toBe('2026-10-09');
    expect(addWorkingDays(workingDaysBefore('2026-10-12', 7, calendar), 7, calendar)).toBe('2026-10-12');
  });
});

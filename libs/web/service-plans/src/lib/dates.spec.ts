import { addMonths, isoDate, localDate, monthGridOf, weekOf } from './dates';

describe('dates', () => {
  it('writes the local calendar date of a moment', () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(isoDate(localDate('2026-12-31'))).toBe('2026-12-31');
  });

  it('takes the week from Monday to Sunday, whichever day it is asked about', () => {
    const week = weekOf('2026-07-01'); // a Wednesday
    expect(week).toEqual({
      from: '2026-06-29',
      to: '2026-07-05',
      days: ['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05'],
    });
    expect(weekOf('2026-06-29').from).toBe('2026-06-29'); // a Monday
    expect(weekOf('2026-07-05').from).toBe('2026-06-29'); // a Sunday
  });

  it('covers the six weeks, Monday to Sunday, that the month calendar shows', () => {
    // ng-zorro's calendar always shows six rows of weeks from the week of the 1st, whatever the month's
    // length (a month that fits in five or even four weeks gets the next month's first days below it),
    // and the app starts weeks on Monday in every language, like the week view. So the tasks to fetch are
    // those of these 42 days: whole weeks only (29 June to 2 August for July 2026) would leave the sixth
    // row empty, and more days would fetch tasks nobody sees.
    // July 2026 starts on a Wednesday: 29 June to 9 August.
    expect(monthGridOf('2026-07-31')).toEqual({ from: '2026-06-29', to: '2026-08-09' });
    // March 2026 starts on a Sunday: its first row is the week of 23 February, its last ends on 5 April.
    expect(monthGridOf('2026-03-17')).toEqual({ from: '2026-02-23', to: '2026-04-05' });
    // June 2026 starts on a Monday: the grid starts on the 1st and ends on 12 July.
    expect(monthGridOf('2026-06-01')).toEqual({ from: '2026-06-01', to: '2026-07-12' });
    // February 2027 fits in four weeks (1–28 February, Monday to Sunday); two more weeks of March show below.
    expect(monthGridOf('2027-02-10')).toEqual({ from: '2027-02-01', to: '2027-03-14' });
  });

  it('moves to the first day of another month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-15', -14)).toBe('2025-01-01');
  });
});

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

  it('covers the six weeks a month calendar shows, starting on Sunday or Monday', () => {
    // March 2026 starts on a Sunday: a Monday-first grid shows 23 February to 5 April, a Sunday-first one
    // 1 March to 11 April.
    expect(monthGridOf('2026-03-17')).toEqual({ from: '2026-02-23', to: '2026-04-11' });
    // July 2026 starts on a Wednesday: a Monday-first grid shows 29 June to 9 August.
    expect(monthGridOf('2026-07-31')).toEqual({ from: '2026-06-25', to: '2026-08-11' });
  });

  it('moves to the first day of another month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-01');
    expect(addMonths('2026-03-15', -14)).toBe('2025-01-01');
  });
});

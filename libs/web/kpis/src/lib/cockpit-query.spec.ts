import { cockpitPeriod, dateOfMonth, isFutureMonth, monthOf } from './cockpit-query';

describe('cockpitPeriod', () => {
  it('takes a month from the URL up to the current one', () => {
    expect(cockpitPeriod('2026-10', '2026-11')).toBe('2026-10');
    expect(cockpitPeriod('2026-11', '2026-11')).toBe('2026-11');
  });

  it('reads the current month for none, a future month or nonsense', () => {
    expect(cockpitPeriod(undefined, '2026-11')).toBe('2026-11');
    expect(cockpitPeriod('2026-12', '2026-11')).toBe('2026-11');
    expect(cockpitPeriod('2026-13', '2026-11')).toBe('2026-11');
    expect(cockpitPeriod('last month', '2026-11')).toBe('2026-11');
  });
});

describe('the month picker', () => {
  it('turns a month into a date and back', () => {
    expect(monthOf(dateOfMonth('2026-01'))).toBe('2026-01');
    expect(monthOf(new Date(2026, 11, 31))).toBe('2026-12');
  });

  it('refuses months after the current one', () => {
    expect(isFutureMonth(dateOfMonth('2026-12'), '2026-11')).toBe(true);
    expect(isFutureMonth(dateOfMonth('2026-11'), '2026-11')).toBe(false);
    expect(isFutureMonth(dateOfMonth('2025-12'), '2026-11')).toBe(false);
  });
});

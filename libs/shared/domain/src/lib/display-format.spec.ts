import {
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatMoney,
  formatPercent,
  NO_VALUE,
} from './display-format';

describe('display formats', () => {
  describe('dates', () => {
    it('shows a calendar date as it is, in both languages', () => {
      expect(formatDate('2026-10-30', 'zh-CN')).toBe('2026-10-30');
      expect(formatDate('2026-10-30', 'en')).toBe('2026-10-30');
    });

    it('shows a UTC timestamp as its date in China', () => {
      expect(formatDate('2026-10-30T00:00:00.000Z', 'en')).toBe('2026-10-30');
      // 16:00 UTC is midnight the next day in China.
      expect(formatDate('2026-10-29T16:00:00.000Z', 'zh-CN')).toBe('2026-10-30');
      expect(formatDate('2026-10-29T15:59:00.000Z', 'zh-CN')).toBe('2026-10-29');
      expect(formatDate(new Date('2026-12-31T16:30:00Z'), 'zh-CN')).toBe('2027-01-01');
    });

    it('shows a moment to the minute in China time, 24-hour', () => {
      expect(formatDateTime('2026-10-30T06:05:59.000Z', 'zh-CN')).toBe('2026-10-30 14:05');
      expect(formatDateTime('2026-10-30T18:00:00.000Z', 'en')).toBe('2026-10-31 02:00');
      expect(formatDateTime(new Date('2026-01-01T00:00:00Z'), 'en')).toBe('2026-01-01 08:00');
    });

    it('shows a bare date asked for as a date-time as a date', () => {
      expect(formatDateTime('2026-10-30', 'en')).toBe('2026-10-30');
    });

    it('shows a dash for nothing or something that is not a date', () => {
      for (const value of [null, undefined, '', 'soon']) {
        expect(formatDate(value, 'zh-CN')).toBe(NO_VALUE);
        expect(formatDateTime(value, 'en')).toBe(NO_VALUE);
      }
    });
  });

  describe('numbers', () => {
    it('groups whole numbers by thousands, rounding', () => {
      expect(formatInteger(1234567, 'zh-CN')).toBe('1,234,567');
      expect(formatInteger(1234567.5, 'en')).toBe('1,234,568');
      expect(formatInteger(0, 'en')).toBe('0');
      expect(formatInteger(-4200, 'zh-CN')).toBe('-4,200');
    });

    it('shows decimals with a fixed number of digits', () => {
      expect(formatDecimal(260256.5, 'zh-CN')).toBe('260,256.50');
      expect(formatDecimal('260256.534', 'en')).toBe('260,256.53');
      expect(formatDecimal(3.14159, 'en', 3)).toBe('3.142');
      expect(formatDecimal(12, 'en', 0)).toBe('12');
    });

    it('shows a dash for nothing or something that is not a number', () => {
      for (const value of [null, undefined, '', 'abc', Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(formatInteger(value, 'en')).toBe(NO_VALUE);
        expect(formatDecimal(value, 'zh-CN')).toBe(NO_VALUE);
        expect(formatMoney(value, 'zh-CN')).toBe(NO_VALUE);
        expect(formatPercent(value, 'en')).toBe(NO_VALUE);
      }
    });
  });

  describe('money', () => {
    it('shows yuan grouped with two decimals, from a number or a numeric string', () => {
      expect(formatMoney(916904.48, 'zh-CN')).toBe('¥916,904.48');
      expect(formatMoney('916904.48', 'en')).toBe('¥916,904.48');
      expect(formatMoney(0, 'en')).toBe('¥0.00');
      expect(formatMoney(1200000, 'zh-CN', 0)).toBe('¥1,200,000');
    });

    it('puts the minus sign before the yuan sign, and none on a rounded zero', () => {
      expect(formatMoney(-1200, 'zh-CN')).toBe('-¥1,200.00');
      expect(formatMoney(-0.001, 'en')).toBe('¥0.00');
    });
  });

  describe('percentages', () => {
    it('shows a ratio as a percentage with one decimal unless told', () => {
      expect(formatPercent(0.125, 'zh-CN')).toBe('12.5%');
      expect(formatPercent(1, 'en')).toBe('100.0%');
      expect(formatPercent(12.3456, 'en')).toBe('1,234.6%');
      expect(formatPercent(0.5, 'en', 0)).toBe('50%');
    });
  });
});

/**
 * One way to show dates, times, numbers and money to a person, for every screen and every export, in
 * Simplified Chinese and English (issue 17).
 *
 * Dates are ISO `2026-10-30` in both languages: it is the Chinese national standard (GB/T 7408) a utility's
 * staff read and type every day, it is what our date pickers and filters take, it cannot be misread as
 * day/month or month/day by an English reader, and it sorts in a spreadsheet. Times are China time
 * (Asia/Shanghai, UTC+8 without daylight saving: the product's dates are China dates) to the minute, 24-hour:
 * `2026-10-30 14:05`. Numbers are grouped by thousands (`1,234,567`), money is yuan with two decimals
 * (`¥916,904.48`), a ratio is a percentage with one decimal (`12.5%`). A missing value is `—`.
 */

export type DisplayLanguage = 'zh-CN' | 'en';

/** What a cell shows when there is no value. */
export const NO_VALUE = '—';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

type Moment = string | Date | null | undefined;
type Amount = number | string | null | undefined;

/** The instant as an ISO string shifted to China time, or null when there is none or it is not a date. */
function chinaIso(value: Moment): string | null {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time + CHINA_OFFSET_MS).toISOString();
}

/**
 * A calendar date: `2026-10-30`. A date `YYYY-MM-DD` is shown as it is; a timestamp (`2026-10-29T16:00:00.000Z`)
 * as its date in China.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the same in both languages; every formatter takes one
export function formatDate(value: Moment, language: DisplayLanguage): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  return chinaIso(value)?.slice(0, 10) ?? NO_VALUE;
}

/** A moment to the minute in China time: `2026-10-30 14:05`. A bare date `YYYY-MM-DD` is shown as a date. */
export function formatDateTime(value: Moment, language: DisplayLanguage): string {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return formatDate(value, language);
  const iso = chinaIso(value);
  return iso === null ? NO_VALUE : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function grouped(value: number, digits: number, language: DisplayLanguage): string {
  const key = `${language}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A number from the API (numeric columns arrive as strings), or null when there is none. */
function toNumber(value: Amount): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A whole number grouped by thousands: `1,234,567` (rounded). */
export function formatInteger(value: Amount, language: DisplayLanguage): string {
  const number = toNumber(value);
  return number === null ? NO_VALUE : grouped(number, 0, language);
}

/** A number with `digits` decimals (2 unless told), grouped by thousands: `1,234.50`. */
export function formatDecimal(value: Amount, language: DisplayLanguage, digits = 2): string {
  const number = toNumber(value);
  return number === null ? NO_VALUE : grouped(number, digits, language);
}

/** Money in yuan with `digits` decimals (2 unless told): `¥916,904.48`, `-¥1,200.00`. */
export function formatMoney(value: Amount, language: DisplayLanguage, digits = 2): string {
  const number = toNumber(value);
  if (number === null) return NO_VALUE;
  const text = `¥${grouped(Math.abs(number), digits, language)}`;
  // -0.001 rounds to ¥0.00: no sign on a zero.
  return number < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A ratio (0.125) as a percentage with `digits` decimals (1 unless told): `12.5%`. */
export function formatPercent(ratio: Amount, language: DisplayLanguage, digits = 1): string {
  const number = toNumber(ratio);
  return number === null ? NO_VALUE : `${grouped(number * 100, digits, language)}%`;
}

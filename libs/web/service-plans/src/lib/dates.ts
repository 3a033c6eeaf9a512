/** Calendar dates as the API writes them (YYYY-MM-DD), computed without time zones getting in the way. */
import { addCalendarDays } from '@crm/shared/domain';

/** A date range, both ends included (YYYY-MM-DD). */
export interface DateRange {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar date of `date` (as a date picker or calendar means it). */
export function isoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local `Date` (at midnight) of a YYYY-MM-DD date, for date pickers and calendars. */
export function localDate(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year, month - 1, day);
}

/** The week of `date`, Monday to Sunday: its range and its seven days. */
export function weekOf(date: string): DateRange & { days: string[] } {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addCalendarDays(date, -weekday);
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));
  return { from: monday, to: days[6], days };
}

/**
 * The dates a month calendar of `date`'s month can show: six weeks from the week of the 1st, whether
 * weeks start on Sunday or on Monday.
 */
export function monthGridOf(date: string): DateRange {
  const first = `${date.slice(0, 7)}-01`;
  return { from: addCalendarDays(first, -6), to: addCalendarDays(first, 41) };
}

/** The first day of the month `months` after `date`'s month (negative: before). */
export function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

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
 * The dates the month calendar of `date`'s month shows: six whole weeks, Monday to Sunday (the calendar
 * always shows six rows, and weeks start on Monday in every language, see `provideCore`), from the week
 * of the 1st.
 */
export function monthGridOf(date: string): DateRange {
  const from = weekOf(`${date.slice(0, 7)}-01`).from;
  return { from, to: addCalendarDays(from, 6 * 7 - 1) };
}

/** The first day of the month `months` after `date`'s month (negative: before). */
export function addMonths(date: string, months: number): string {
  const [year, month] = date.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

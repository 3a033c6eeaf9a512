import { isKpiPeriod } from '@crm/shared/domain';

/** The month the cockpit shows: the URL's when it is a month up to the current one, else the current month. */
export function cockpitPeriod(raw: string | undefined, current: string): string {
  return raw && isKpiPeriod(raw) && raw <= current ? raw : current;
}

/** Whether a month may be picked: none after the current month. */
export function isFutureMonth(month: Date, current: string): boolean {
  return monthOf(month) > current;
}

/** `YYYY-MM` of a picked month (the browser's calendar). */
export function monthOf(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The picker's date of a month: its first day at noon, clear of any zone shift. */
export function dateOfMonth(period: string): Date {
  return new Date(`${period}-01T12:00:00`);
}

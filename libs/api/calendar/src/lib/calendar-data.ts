import packageCalendar from 'chinese-days/dist/chinese-days.json';

/**
 * The working-day calendar's source: the chinese-days package, which follows the State Council's
 * holiday schedules. Only the exceptions to Monday–Friday are stored (table working_calendar).
 */
/** Holidays and make-up working days by year, as the chinese-days package publishes them. */
export function packageDays(year: number): { date: string; working: boolean; name: string }[] {
  const prefix = `${year}-`;
  const pick = (days: Record<string, string>, working: boolean) =>
    Object.entries(days)
      .filter(([date]) => date.startsWith(prefix))
      .map(([date, label]) => ({ date, working, name: label.split(',')[1] ?? label }));
  return [...pick(packageCalendar.holidays, false), ...pick(packageCalendar.workdays, true)];
}

/** Years the chinese-days package knows. */
export function packageYears(): number[] {
  return [...new Set(Object.keys(packageCalendar.holidays).map((d) => Number(d.slice(0, 4))))].sort();
}

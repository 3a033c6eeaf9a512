import packageCalendar from 'chinese-days/dist/chinese-days.json';
import { EntityManager } from 'typeorm';

/**
 * The working-day calendar's source: the chinese-days package, which follows the State Council's
 * holiday schedules. Only the exceptions to Monday–Friday are stored (table working_calendar).
 */
/** Holidays and make-up working days by year, as the chinese-days package publishes them. */
function packageDays(year: number): { date: string; working: boolean; name: string }[] {
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

/** Loads a year from the package: its days replace the package's earlier ones of that year. */
export async function loadCalendarYear(manager: EntityManager, year: number): Promise<number> {
  const days = packageDays(year);
  if (!days.length) return 0;
  await manager.query(
    `DELETE FROM working_calendar WHERE source = 'package' AND date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
    [year],
  );
  await manager.query(
    `INSERT INTO working_calendar (date, working, name, source)
     SELECT d, w, n, 'package' FROM unnest($1::date[], $2::boolean[], $3::text[]) AS t(d, w, n)
     ON CONFLICT (date) DO NOTHING`,
    [days.map((d) => d.date), days.map((d) => d.working), days.map((d) => d.name)],
  );
  await manager.query(
    `INSERT INTO working_calendar_years (year, source) VALUES ($1, 'package') ON CONFLICT (year) DO UPDATE SET loaded_at = now()`,
    [year],
  );
  return days.length;
}

/** At start-up: every year the package knows that the database has not loaded yet. */
export async function seedCalendar(manager: EntityManager): Promise<void> {
  const loaded = new Set(
    (await manager.query('SELECT year FROM working_calendar_years')).map((r: { year: number }) => r.year),
  );
  for (const year of packageYears()) {
    if (!loaded.has(year)) await loadCalendarYear(manager, year);
  }
}

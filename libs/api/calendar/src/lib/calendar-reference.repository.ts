import { Db, execute, query } from '@crm/api/database';
import { packageDays, packageYears } from './calendar-data';

/** Loads a year from the package: its days replace the package's earlier ones of that year. */
export async function loadCalendarYear(db: Db, year: number): Promise<number> {
  const days = packageDays(year);
  if (!days.length) return 0;
  await execute(
    db,
    `DELETE FROM working_calendar WHERE source = 'package' AND date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
    [year],
  );
  await execute(
    db,
    `INSERT INTO working_calendar (date, working, name, source)
     SELECT d, w, n, 'package' FROM unnest($1::date[], $2::boolean[], $3::text[]) AS t(d, w, n)
     ON CONFLICT (date) DO NOTHING`,
    [days.map((d) => d.date), days.map((d) => d.working), days.map((d) => d.name)],
  );
  await execute(
    db,
    `INSERT INTO working_calendar_years (year, source) VALUES ($1, 'package') ON CONFLICT (year) DO UPDATE SET loaded_at = now()`,
    [year],
  );
  return days.length;
}

/** At start-up: every year the package knows that the database has not loaded yet. */
export async function seedCalendar(db: Db): Promise<void> {
  const loaded = new Set(
    (await query<{ year: number }>(db, 'SELECT year FROM working_calendar_years')).map((r) => r.year),
  );
  for (const year of packageYears()) {
    if (!loaded.has(year)) await loadCalendarYear(db, year);
  }
}

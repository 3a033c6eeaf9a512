import { Injectable } from '@nestjs/common';
import { HolidayNoticeDay } from '@crm/shared/domain';
import { Db, execute, query, queryOne } from '@crm/api/database';
import { DataSource } from 'typeorm';

export interface CalendarDayRow {
  date: string;
  working: boolean;
  name: string;
  source: string;
}

/** Every query of the working-day calendar: tables `working_calendar` and `working_calendar_years`. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every exception to Monday–Friday. */
  allDays(): Promise<{ date: string; working: boolean }[]> {
    return query<{ date: string; working: boolean }>(
      this.dataSource,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, working FROM working_calendar`,
    );
  }

  async knownYears(): Promise<number[]> {
    const rows = await query<{ year: number }>(this.dataSource, 'SELECT year FROM working_calendar_years');
    return rows.map((r) => r.year);
  }

  /** Where a year's holidays came from; undefined when the year is not known. */
  async yearSource(year: number): Promise<'package' | 'admin' | undefined> {
    const row = await queryOne<{ source: 'package' | 'admin' }>(
      this.dataSource,
      'SELECT source FROM working_calendar_years WHERE year = $1',
      [year],
    );
    return row?.source;
  }

  yearDays(year: number): Promise<CalendarDayRow[]> {
    return query<CalendarDayRow>(
      this.dataSource,
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, name, source FROM working_calendar
        WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
      [year],
    );
  }

  /** An admin's exception for one day; its year then counts as known. */
  async setDay(db: Db, date: string, working: boolean, name: string): Promise<void> {
    await execute(
      db,
      `INSERT INTO working_calendar (date, working, name, source) VALUES ($1, $2, $3, 'admin')
       ON CONFLICT (date) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name, source = 'admin'`,
      [date, working, name],
    );
    await execute(
      db,
      `INSERT INTO working_calendar_years (year, source) VALUES ($1, 'admin') ON CONFLICT (year) DO NOTHING`,
      [Number(date.slice(0, 4))],
    );
  }

  async clearDay(date: string): Promise<void> {
    await execute(this.dataSource, 'DELETE FROM working_calendar WHERE date = $1', [date]);
  }

  /** A year's exceptions become exactly `days` (an admin's); the year is known from the admin since now. */
  async replaceYear(db: Db, year: number, days: HolidayNoticeDay[]): Promise<void> {
    await execute(
      db,
      `DELETE FROM working_calendar WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1)`,
      [year],
    );
    await execute(
      db,
      `INSERT INTO working_calendar (date, working, name, source)
       SELECT d, w, n, 'admin' FROM unnest($1::date[], $2::boolean[], $3::text[]) AS t(d, w, n)`,
      [days.map((d) => d.date), days.map((d) => d.working), days.map((d) => d.name)],
    );
    await execute(
      db,
      `INSERT INTO working_calendar_years (year, source) VALUES ($1, 'admin')
       ON CONFLICT (year) DO UPDATE SET source = 'admin', loaded_at = now()`,
      [year],
    );
  }
}

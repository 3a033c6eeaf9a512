import { Injectable } from '@nestjs/common';
import { WorkingCalendar, workingCalendar } from '@crm/shared/domain';
import { loadCalendarYear } from '@crm/api/reference';
import { DataSource, EntityManager } from 'typeorm';

export interface CalendarYear {
  year: number;
  /** False: the year's holidays are not known, only weekends are counted. */
  known: boolean;
  source: 'package' | 'admin' | null;
  days: { date: string; working: boolean; name: string; source: string }[];
}

const CACHE_MS = 30_000;

/**
 * The working-day calendar (table `working_calendar`: only the exceptions to Monday–Friday), seeded
 * from the chinese-days package for the years it knows and editable by admins. Readers get it from
 * a cache that lives 30 seconds, so an edit reaches every API instance within that time.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingCalendar; at: number };

  constructor(private readonly dataSource: DataSource) {}

  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const days: { date: string; working: boolean }[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, working FROM working_calendar`,
    );
    const years: { year: number }[] = await this.dataSource.query('SELECT year FROM working_calendar_years');
    const calendar = workingCalendar(
      days,
      years.map((y) => y.year),
    );
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async year(year: number): Promise<CalendarYear> {
    const [known] = await this.dataSource.query('SELECT source FROM working_calendar_years WHERE year = $1', [year]);
    const days = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, working, name, source FROM working_calendar
        WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
      [year],
    );
    return { year, known: !!known, source: known?.source ?? null, days };
  }

  /** (Re)loads a year from the package; admin edits of that year stay. Returns the days loaded. */
  async loadYear(manager: EntityManager, year: number): Promise<number> {
    const loaded = await loadCalendarYear(manager, year);
    this.cached = undefined;
    return loaded;
  }

  /** An admin's exception for one day; the year then counts as known. */
  async setDay(date: string, working: boolean, name: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO working_calendar (date, working, name, source) VALUES ($1, $2, $3, 'admin')
         ON CONFLICT (date) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name, source = 'admin'`,
        [date, working, name],
      );
      await m.query(
        `INSERT INTO working_calendar_years (year, source) VALUES ($1, 'admin') ON CONFLICT (year) DO NOTHING`,
        [Number(date.slice(0, 4))],
      );
    });
    this.cached = undefined;
  }

  /** Back to the Monday–Friday rule for that day. */
  async clearDay(date: string): Promise<void> {
    await this.dataSource.query('DELETE FROM working_calendar WHERE date = $1', [date]);
    this.cached = undefined;
  }
}

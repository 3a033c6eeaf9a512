import { Injectable } from '@nestjs/common';
import {
  CalendarStatus,
  CalendarYear,
  calendarStatus,
  chinaDate,
  InvalidInputError,
  parseHolidayNotice,
  WorkingCalendar,
  workingCalendar,
  ruleDetail,
} from '@crm/shared/domain';
import { loadCalendarYear } from './calendar-reference.repository';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarRepository } from './calendar.repository';

const CACHE_MS = 30_000;

/**
 * The working-day calendar (table `working_calendar`: only the exceptions to Monday–Friday), seeded
 * from the chinese-days package for the years it knows and editable by admins. Readers get it from
 * a cache that lives 30 seconds, so an edit reaches every API instance within that time.
 */
@Injectable()
export class CalendarService {
  private cached?: { calendar: WorkingCalendar; at: number };

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CalendarRepository,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.calendar;
    const calendar = workingCalendar(await this.repository.allDays(), await this.repository.knownYears());
    this.cached = { calendar, at: Date.now() };
    return calendar;
  }

  async year(year: number): Promise<CalendarYear> {
    const source = await this.repository.yearSource(year);
    return { year, known: !!source, source: source ?? null, days: await this.repository.yearDays(year) };
  }

  /** Whether this year's and next year's holidays are known, and which year admins should enter now. */
  async status(now = new Date()): Promise<CalendarStatus> {
    return calendarStatus(chinaDate(now), await this.repository.knownYears());
  }

  /** (Re)loads a year from the package; admin edits of that year stay. Returns the days loaded. */
  async loadYear(manager: EntityManager, year: number): Promise<number> {
    const loaded = await loadCalendarYear(manager, year);
    this.cached = undefined;
    return loaded;
  }

  /**
   * A year entered in one step from the State Council's notice (or simple day lines): its days
   * replace every exception of that year. Any line that cannot be read refuses all of it.
   */
  async enterNotice(year: number, text: string): Promise<CalendarYear> {
    const notice = parseHolidayNotice(text, year);
    if (notice.errors.length) {
      throw new InvalidInputError(
        `The notice cannot be read: ${notice.errors.length} line(s) to correct`,
        notice.errors.map((e) =>
          ruleDetail(e.line ? `text (line ${e.line})` : 'text', e.message, `holidayNotice.${e.code}`, e.params),
        ),
      );
    }
    await this.dataSource.transaction((m) => this.repository.replaceYear(m, year, notice.days));
    this.cached = undefined;
    return this.year(year);
  }

  /** An admin's exception for one day; the year then counts as known. */
  async setDay(date: string, working: boolean, name: string): Promise<void> {
    await this.dataSource.transaction((m) => this.repository.setDay(m, date, working, name));
    this.cached = undefined;
  }

  /** Back to the Monday–Friday rule for that day. */
  async clearDay(date: string): Promise<void> {
    await this.repository.clearDay(date);
    this.cached = undefined;
  }
}

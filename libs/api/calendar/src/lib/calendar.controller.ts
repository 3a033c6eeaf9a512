import { BadRequestException, Body, Delete, Put } from '@nestjs/common';
import { ApiController, DateParam, GetForAll, IntParam, PostAction, Roles } from '@crm/api/http';
import { CalendarStatus, CalendarYear, ruleDetail } from '@crm/shared/domain';
import { DataSource } from 'typeorm';
import { packageYears } from './calendar-data';
import { CalendarService } from './calendar.service';
import { CalendarDayDto } from './dto/calendar-day.dto';
import { HolidayNoticeDto } from './dto/holiday-notice.dto';

@ApiController('calendar', 'calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly dataSource: DataSource,
  ) {}

  /** The years the chinese-days package can load. */
  @GetForAll('package-years')
  packageYears(): number[] {
    return packageYears();
  }

  /**
   * Whether this year's and next year's holidays are known; `remind`: admins should enter `remindYear`
   * now (this year when unknown; from 1 November, next year when unknown).
   */
  @GetForAll('status')
  status(): Promise<CalendarStatus> {
    return this.calendar.status();
  }

  /** A year's holidays and make-up working days; `known: false` means weekends only are counted. */
  @GetForAll(':year')
  year(@IntParam('year', 2000, 2100) year: number): Promise<CalendarYear> {
    return this.calendar.year(year);
  }

  /** (Re)loads a year from the chinese-days package; admin edits of that year are kept. */
  @PostAction(':year/load', 'admin')
  async load(@IntParam('year', 2000, 2100) year: number): Promise<CalendarYear> {
    const loaded = await this.dataSource.transaction((m) => this.calendar.loadYear(m, year));
    if (!loaded) {
      throw new BadRequestException({
        message: `The calendar package does not know ${year}; enter its holidays day by day`,
        details: [
          ruleDetail('year', `known years: ${packageYears().join(', ')}`, 'calendar.unknownYear', {
            values: packageYears().join(', '),
          }),
        ],
      });
    }
    return this.calendar.year(year);
  }

  /**
   * Enters a year in one step from the State Council's notice (or lines `YYYY-MM-DD holiday|workday
   * [name]`): its days replace every holiday and make-up day of that year. A line that cannot be read
   * → 400 naming it, and nothing is written.
   */
  @PostAction(':year/notice', 'admin')
  enterNotice(@IntParam('year', 2000, 2100) year: number, @Body() body: HolidayNoticeDto): Promise<CalendarYear> {
    return this.calendar.enterNotice(year, body.text);
  }

  @Put('days/:date')
  @Roles('admin')
  async setDay(@DateParam('date') date: string, @Body() body: CalendarDayDto): Promise<CalendarYear> {
    await this.calendar.setDay(date, body.working, body.name);
    return this.calendar.year(Number(date.slice(0, 4)));
  }

  @Delete('days/:date')
  @Roles('admin')
  async clearDay(@DateParam('date') date: string): Promise<CalendarYear> {
    await this.calendar.clearDay(date);
    return this.calendar.year(Number(date.slice(0, 4)));
  }
}

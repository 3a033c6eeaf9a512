import { Get, Query } from '@nestjs/common';
import { ApiController, OptionalDateString, Roles } from '@crm/api/http';
import { addCalendarDays, chinaDate, LifecycleReport } from '@crm/shared/domain';
import { LifecycleReportService } from './lifecycle-report.service';

export class ReportQueryDto {
  @OptionalDateString('First day (YYYY-MM-DD), default a year ago') from?: string;
  @OptionalDateString('Day after the last (YYYY-MM-DD), default tomorrow') to?: string;
}

@ApiController('applications', 'lifecycle/report')
export class LifecycleReportController {
  constructor(private readonly reports: LifecycleReportService) {}

  /** Time-limit compliance by month and manager, working days per step, open work at risk. */
  @Get()
  @Roles('leader', 'admin')
  report(@Query() query: ReportQueryDto): Promise<LifecycleReport> {
    const today = chinaDate(new Date());
    const to = query.to?.slice(0, 10) ?? addCalendarDays(today, 1);
    const from = query.from?.slice(0, 10) ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 7)}-01`;
    return this.reports.report(from, to);
  }
}

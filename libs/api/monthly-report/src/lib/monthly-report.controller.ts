import { Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiProduces } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '@crm/api/auth';
import { ApiController, Roles, setExportHeaders } from '@crm/api/http';
import { MonthlyReport, MonthlyReportSummary, Role } from '@crm/shared/domain';
import type { Response } from 'express';
import { ReportLangDto } from './dto/report-lang.dto';
import { monthlyReportWorkbook } from './monthly-report-workbook';
import { MonthlyReportsService } from './monthly-reports.service';

/** The month of a route, as the API document describes it. */
const PERIOD = ApiParam({ name: 'period', description: 'A month YYYY-MM (China time)', example: '2026-01' });

/** Who reads the reports; leadership and admins also generate them. Account managers do neither (403). */
const READERS: Role[] = ['leader', 'admin', 'marketing'];

/** The monthly reports (API.md "KPIs"): the kept months, a month's report, its generation and its .xlsx. */
@ApiController('kpis', 'kpis/reports')
export class MonthlyReportController {
  constructor(private readonly reports: MonthlyReportsService) {}

  /** The kept months, newest first. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ description: 'MonthlyReportSummary[]' })
  list(): Promise<MonthlyReportSummary[]> {
    return this.reports.list();
  }

  @Get(':period')
  @Roles(...READERS)
  @PERIOD
  @ApiOkResponse({ description: 'MonthlyReport: the figures as generated' })
  @ApiBadRequestResponse({ description: 'period is not YYYY-MM' })
  @ApiNotFoundResponse({ description: 'The month has no report' })
  get(@Param('period') period: string): Promise<MonthlyReport> {
    return this.reports.get(period);
  }

  /** Generates a closed month's report, or regenerates it (new figures; the report counts and dates it). */
  @Post(':period')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @PERIOD
  @ApiOkResponse({ description: 'MonthlyReport' })
  @ApiBadRequestResponse({ description: 'period is not YYYY-MM, or not a closed month' })
  generate(@CurrentUser() user: AuthUser, @Param('period') period: string): Promise<MonthlyReport> {
    return this.reports.generate(user, period);
  }

  /** The report as an .xlsx workbook, Chinese unless `lang=en`. */
  @Get(':period/xlsx')
  @Roles(...READERS)
  @PERIOD
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBadRequestResponse({ description: 'period is not YYYY-MM' })
  @ApiNotFoundResponse({ description: 'The month has no report' })
  async xlsx(@Param('period') period: string, @Query() query: ReportLangDto, @Res() res: Response): Promise<void> {
    const report = await this.reports.get(period);
    const buffer = await monthlyReportWorkbook(report, query.lang).xlsx.writeBuffer();
    setExportHeaders(res, query.lang === 'en' ? `monthly-report-${period}` : `月度报告-${period}`, 'xlsx');
    res.end(Buffer.from(buffer));
  }
}

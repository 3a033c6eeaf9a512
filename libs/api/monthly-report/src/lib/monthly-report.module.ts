import { Module } from '@nestjs/common';
import { KpisModule } from '@crm/api/kpis';
import { MonthlyReportController } from './monthly-report.controller';
import { MonthlyReportsRepository } from './monthly-reports.repository';
import { MonthlyReportsService } from './monthly-reports.service';

/** The monthly reports of the KPIs: generated per closed month, kept as generated, printable and as .xlsx. */
@Module({
  imports: [KpisModule],
  controllers: [MonthlyReportController],
  providers: [MonthlyReportsRepository, MonthlyReportsService],
  exports: [MonthlyReportsService],
})
export class MonthlyReportModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '@crm/api/calendar';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { TimelineModule } from '@crm/api/timeline';
import { TimeLimitsModule } from '@crm/api/time-limits';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { LifecycleReportController } from './lifecycle-report.controller';
import { LifecycleReportRepository } from './lifecycle-report.repository';
import { LifecycleReportService } from './lifecycle-report.service';
import { LifecycleStepsController } from './lifecycle-steps.controller';

/** Applications from connection to closure, their steps and time limits, their clocks (libs/api/time-limits) and reports. */
@Module({
  imports: [CalendarModule, CustomersModule, TimelineModule, ChangeHistoryModule, TimeLimitsModule],
  controllers: [ApplicationsController, LifecycleStepsController, LifecycleReportController],
  providers: [ApplicationsService, ApplicationsRepository, LifecycleReportService, LifecycleReportRepository],
  exports: [ApplicationsService],
})
export class LifecycleModule {}

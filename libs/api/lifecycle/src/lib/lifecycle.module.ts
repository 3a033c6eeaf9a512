import { Module } from '@nestjs/common';
import { CalendarModule } from '@crm/api/calendar';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { TimelineModule } from '@crm/api/timeline';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { LifecycleReportController } from './lifecycle-report.controller';
import { LifecycleReportService } from './lifecycle-report.service';
import { LifecycleStepsController } from './lifecycle-steps.controller';
import { SlaScanService } from './sla-scan.service';

/** Applications from connection to closure, their steps and time limits, SLA scanning and reports. */
@Module({
  imports: [CalendarModule, TimelineModule, ChangeHistoryModule],
  controllers: [ApplicationsController, LifecycleStepsController, LifecycleReportController],
  providers: [ApplicationsService, ApplicationsRepository, LifecycleReportService, SlaScanService],
  exports: [ApplicationsService],
})
export class LifecycleModule {}

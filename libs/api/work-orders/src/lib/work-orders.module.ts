import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { NotificationsModule } from '@crm/api/notifications';
import { TimeLimitsModule } from '@crm/api/time-limits';
import { TimelineModule } from '@crm/api/timeline';
import { WorkOrderReportRepository } from './work-order-report.repository';
import { WorkOrderReportService } from './work-order-report.service';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersRepository } from './work-orders.repository';
import { WorkOrdersService } from './work-orders.service';

/** Requests and complaints: work orders, their clocks (libs/api/time-limits), urges, callbacks and escalation. */
@Module({
  imports: [TimeLimitsModule, TimelineModule, NotificationsModule, ChangeHistoryModule],
  controllers: [WorkOrdersController],
  providers: [WorkOrdersService, WorkOrdersRepository, WorkOrderReportService, WorkOrderReportRepository],
  exports: [WorkOrdersService],
})
export class WorkOrdersModule {}

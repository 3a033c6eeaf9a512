import { Module } from '@nestjs/common';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { MessagesModule } from '@crm/api/messages';
import { TimelineModule } from '@crm/api/timeline';
import { EnergyAdviceController } from './energy-advice.controller';
import { EnergyAdviceRepository } from './energy-advice.repository';
import { EnergyAdviceService } from './energy-advice.service';
import { PlansController, TasksController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { TaskGenerationService } from './task-generation.service';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/** Proactive service plans: templates, enrolments, the daily task job and the tasks themselves. */
@Module({
  imports: [CustomersModule, MessagesModule, TimelineModule, ChangeHistoryModule],
  controllers: [PlansController, TasksController, EnergyAdviceController],
  providers: [
    PlansService,
    TasksService,
    TaskGenerationService,
    EnergyAdviceService,
    PlansRepository,
    TasksRepository,
    EnergyAdviceRepository,
  ],
  exports: [TaskGenerationService],
})
export class ServicePlansModule {}

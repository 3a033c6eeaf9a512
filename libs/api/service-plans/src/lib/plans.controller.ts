import { Body, Delete, HttpCode, Post, Put, Query } from '@nestjs/common';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, PostAction, Roles, UuidParam } from '@crm/api/http';
import { Page, PlanTemplate, ROLES, ServiceTask } from '@crm/shared/domain';
import { CompleteTaskDto, EnrolCustomerDto, EnrolSegmentDto, PlanTemplateDto, TaskQueryDto } from './dto/plans.dto';
import { Enrolment, PlansService } from './plans.service';
import { TaskStats, TasksService } from './tasks.service';

/** Service plan templates and enrolments. */
@ApiController('service plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @GetForAll('plans')
  list(): Promise<PlanTemplate[]> {
    return this.plans.list();
  }

  @GetForAll('plans/:id')
  get(@UuidParam('id') id: string): Promise<PlanTemplate> {
    return this.plans.get(id);
  }

  @Post('plans')
  @Roles('leader', 'admin', 'marketing')
  create(@CurrentUser() user: AuthUser, @Body() body: PlanTemplateDto): Promise<PlanTemplate> {
    return this.plans.create(user, body);
  }

  @Put('plans/:id')
  @Roles('leader', 'admin', 'marketing')
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: PlanTemplateDto,
  ): Promise<PlanTemplate> {
    return this.plans.update(user, id, body);
  }

  /** Enrols one customer; its tasks for the coming months are made at once. */
  @Post('plans/:id/enrolments')
  @Roles(...ROLES)
  enrol(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: EnrolCustomerDto,
  ): Promise<Enrolment> {
    return this.plans.enrolCustomer(user, id, body.customerId);
  }

  /** Enrols a segment: its members now, its joiners and leavers by the daily job. */
  @PostAction('plans/:id/segments', 'leader', 'admin', 'marketing')
  enrolSegment(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: EnrolSegmentDto,
  ): Promise<{ enrolled: number }> {
    return this.plans.enrolSegment(user, id, body.segmentId);
  }

  @Delete('plans/enrolments/:enrolmentId')
  @HttpCode(204)
  @Roles(...ROLES)
  unenrol(@CurrentUser() user: AuthUser, @UuidParam('enrolmentId') id: string): Promise<void> {
    return this.plans.unenrol(user, id);
  }

  @GetForAll('customers/:id/plans')
  enrolments(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<Enrolment[]> {
    return this.plans.enrolmentsOfCustomer(user, id);
  }
}

/** Service tasks: the manager's day, completion, and completion rates for leadership. */
@ApiController('service plans', 'service-tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @GetForAll()
  list(@Scope() scope: DataScope, @Query() query: TaskQueryDto): Promise<Page<ServiceTask>> {
    return this.tasks.list(scope, query);
  }

  @GetForAll('stats')
  stats(@Scope() scope: DataScope): Promise<TaskStats> {
    return this.tasks.stats(scope);
  }

  @PostAction(':id/complete', ...ROLES)
  complete(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CompleteTaskDto,
  ): Promise<ServiceTask> {
    return this.tasks.complete(user, id, body);
  }
}

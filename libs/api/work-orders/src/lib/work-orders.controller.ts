import { Body, Get, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { ExportStreams } from '@crm/api/database';
import {
  ApiController,
  exportColumns,
  exportOptions,
  GetForAll,
  IdParam,
  PostAction,
  Roles,
  UuidParam,
} from '@crm/api/http';
import {
  Page,
  ROLES,
  WorkOrderEventView,
  WorkOrderLimitView,
  WorkOrderListItem,
  WorkOrderReference,
  WorkOrderReport,
  WorkOrderView,
} from '@crm/shared/domain';
import type { Response } from 'express';
import { CreateWorkOrderDto } from './dto/create-work-order.dto';
import { UpdateWorkOrderLimitDto } from './dto/work-order-limit.dto';
import { WorkOrderExportDto, WorkOrderQueryDto } from './dto/work-order-query.dto';
import { WorkOrderReportDto } from './dto/work-order-report.dto';
import {
  CallbackWorkOrderDto,
  ContactWorkOrderDto,
  HandleWorkOrderDto,
  UrgeWorkOrderDto,
} from './dto/work-order-steps.dto';
import { WORK_ORDER_EXPORT } from './work-order-export';
import { WorkOrderReportService } from './work-order-report.service';
import { WorkOrdersRepository } from './work-orders.repository';
import { WorkOrdersService } from './work-orders.service';

function flags(query: WorkOrderExportDto): Record<string, string | undefined> {
  const { escalated, contradicted, contactClock, resolutionClock, satisfaction, rated, urged } = query;
  return { escalated, contradicted, contactClock, resolutionClock, satisfaction, rated, urged };
}

/** Requests and complaints (API.md): intake, the list, one order and its steps, the limit table, the export. */
@ApiController('requests')
export class WorkOrdersController {
  constructor(
    private readonly orders: WorkOrdersService,
    private readonly repository: WorkOrdersRepository,
    private readonly exports: ExportStreams,
    private readonly history: ChangeHistoryService,
    private readonly reports: WorkOrderReportService,
  ) {}

  @Post('customers/:id/requests')
  @Roles(...ROLES)
  @ApiCreatedResponse({ description: 'The order (WorkOrderView)' })
  @ApiNotFoundResponse({ description: 'No such customer, or not yours' })
  @ApiConflictResponse({ description: 'The channel has this externalRef already' })
  create(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') customerId: string,
    @Body() body: CreateWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.orders.create(user, customerId, body);
  }

  /** Channels, types and topics with their Chinese and English names. */
  @GetForAll('requests/reference')
  reference(): Promise<WorkOrderReference> {
    return this.orders.reference();
  }

  /** The time-limit table (per type, and channel, area or topic where they differ). */
  @GetForAll('requests/limits')
  limits(): Promise<WorkOrderLimitView[]> {
    return this.orders.limits();
  }

  @Put('requests/limits/:id')
  @Roles('admin')
  @ApiNotFoundResponse({ description: 'No such row' })
  updateLimit(
    @CurrentUser() user: AuthUser,
    @IdParam('id') id: number,
    @Body() body: UpdateWorkOrderLimitDto,
  ): Promise<WorkOrderLimitView> {
    return this.orders.updateLimit(user, String(id), body);
  }

  /** The filtered list as CSV (or .xlsx), headers and names in `lang` (or raw); the change history records the export. */
  @GetForAll('requests/export')
  async export(
    @CurrentUser() user: AuthUser,
    @Scope() scope: DataScope,
    @Query() query: WorkOrderExportDto,
    @Res() res: Response,
  ): Promise<void> {
    const { format, state, type, channel, topic, sla, customerId, managerId, from, to, q } = query;
    const options = exportOptions(query, false);
    // Filters not given are left out when stored (JSON has no undefined).
    const filter = { state, type, channel, topic, sla, customerId, managerId, from, to, q, ...flags(query) };
    const rows = await this.exports.table(
      res,
      format,
      options.lang === 'en' ? 'requests' : '工单',
      exportColumns(WORK_ORDER_EXPORT, options),
      this.repository.exportRows(scope, query, options.lang),
    );
    await this.history.recordExport(user, { kind: 'work_orders', target: null, name: null, format, filter, rows });
  }

  @GetForAll('requests')
  @ApiOkResponse({ description: '{items: WorkOrderListItem[], total, page, pageSize}' })
  list(@Scope() scope: DataScope, @Query() query: WorkOrderQueryDto): Promise<Page<WorkOrderListItem>> {
    return this.orders.list(scope, query);
  }

  /**
   * Leadership's service quality; marketing and admins read it too. An account manager gets 403: their own
   * orders are in the list (declared before `requests/:id`, so 'report' is not read as an id).
   */
  @Get('requests/report')
  @Roles('leader', 'marketing', 'admin')
  @ApiOkResponse({ description: 'WorkOrderReport: every figure with the list filter that opens its orders' })
  @ApiForbiddenResponse({ description: 'An account manager' })
  report(@Query() query: WorkOrderReportDto): Promise<WorkOrderReport> {
    return this.reports.report(query);
  }

  @GetForAll('requests/:id')
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  get(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<WorkOrderView> {
    return this.orders.get(scope, id);
  }

  /** The order's timeline: received, contacted, handled, callback, urged, reopened, escalated. */
  @GetForAll('requests/:id/events')
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  events(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<WorkOrderEventView[]> {
    return this.orders.events(scope, id);
  }

  @PostAction('requests/:id/contact', ...ROLES)
  @ApiConflictResponse({ description: 'Not open, or contacted already in this period' })
  contact(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ContactWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.orders.contact(user, id, body);
  }

  @PostAction('requests/:id/handle', ...ROLES)
  @ApiConflictResponse({ description: 'Not open, or the customer was not contacted yet' })
  handle(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: HandleWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.orders.handle(user, id, body);
  }

  @PostAction('requests/:id/callback', ...ROLES)
  @ApiForbiddenResponse({ description: 'The caller recorded the result' })
  @ApiConflictResponse({ description: 'No result recorded' })
  callback(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CallbackWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.orders.callback(user, id, body);
  }

  @PostAction('requests/:id/urge', ...ROLES)
  @ApiConflictResponse({ description: 'The order is closed (a new contact is a new order)' })
  urge(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UrgeWorkOrderDto,
  ): Promise<WorkOrderView> {
    return this.orders.urge(user, id, body);
  }
}

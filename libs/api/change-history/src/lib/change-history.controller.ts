import { Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, PageQueryDto, Roles, UuidParam } from '@crm/api/http';
import { ChangeHistoryEntry, Page } from '@crm/shared/domain';
import { ChangeHistoryService } from './change-history.service';
import { ChangeHistoryQueryDto } from './dto/change-history-query.dto';

const ENTRY =
  '{id, at, actor {id, displayName}, requestId, entityType, entityId, customer, action, changes [{field, from, to}], export {kind, target, name, format, rows}}';

/** Who changed what: a customer's history, and the whole history for admins and leadership. */
@ApiController('change history')
export class ChangeHistoryController {
  constructor(private readonly history: ChangeHistoryService) {}

  /** The customer's changes, newest first (field names are codes). */
  @GetForAll('customers/:id/history')
  @ApiOkResponse({ description: `{items: [${ENTRY}], total, page, pageSize}` })
  @ApiNotFoundResponse({ description: 'No such customer, or not yours' })
  ofCustomer(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<ChangeHistoryEntry>> {
    return this.history.ofCustomer(scope, id, query);
  }

  /** Every change and export, newest first, by who, which customer, which kind of entity and when. */
  @Get('change-history')
  @Roles('admin', 'leader')
  @ApiOkResponse({ description: `{items: [${ENTRY}], total, page, pageSize}` })
  list(@Query() query: ChangeHistoryQueryDto): Promise<Page<ChangeHistoryEntry>> {
    return this.history.list(query);
  }
}

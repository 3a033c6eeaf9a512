import { Body, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { CustomersService } from '@crm/api/customers';
import { ApiController, GetForAll, PostAction, Roles, UuidParam } from '@crm/api/http';
import { ROLES_THAT_HAND_OVER } from '@crm/shared/domain';
import { HandoverDto } from './dto/handover.dto';
import { HandoverPreviewDto, HandoverResultDto, ManagerDto, ManagerWorkloadDto } from './dto/manager.dto';
import { OwnershipService } from './ownership.service';

@ApiController('ownership')
export class OwnershipController {
  constructor(
    private readonly ownership: OwnershipService,
    private readonly customers: CustomersService,
  ) {}

  /** Moves one customer, with its open work, to another account manager. */
  @PostAction('customers/:id/handover', ...ROLES_THAT_HAND_OVER)
  async handOverCustomer(
    @CurrentUser() user: AuthUser,
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @Body() body: HandoverDto,
  ) {
    await this.ownership.handOverCustomer(user, id, body);
    return this.customers.get(scope, id);
  }

  /** Moves every customer of one account manager to another (a manager leaving). */
  @PostAction('managers/:id/handover', ...ROLES_THAT_HAND_OVER)
  @ApiOkResponse({ type: HandoverResultDto })
  async handOverAll(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: HandoverDto,
  ): Promise<HandoverResultDto> {
    return { moved: await this.ownership.handOverAll(user, id, body) };
  }

  /** What a hand-over of all of one account manager's customers would move, to show before it is confirmed. */
  @Get('managers/:id/handover-preview')
  @Roles(...ROLES_THAT_HAND_OVER)
  @ApiOkResponse({ type: HandoverPreviewDto })
  handoverPreview(@UuidParam('id') id: string): Promise<HandoverPreviewDto> {
    return this.ownership.handoverPreview(id);
  }

  /** The active account managers (for pickers and filters). */
  @GetForAll('managers')
  @ApiOkResponse({ type: [ManagerDto] })
  managers(): Promise<ManagerDto[]> {
    return this.ownership.managers();
  }

  /** Each manager's customers, capacity and open work, to rebalance. */
  @Get('managers/workload')
  @Roles('leader', 'admin')
  @ApiOkResponse({ type: [ManagerWorkloadDto] })
  workload(): Promise<ManagerWorkloadDto[]> {
    return this.ownership.workload();
  }
}

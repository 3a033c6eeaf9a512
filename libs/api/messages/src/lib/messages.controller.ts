import { Body, HttpCode, Post } from '@nestjs/common';
import { DataScope, Scope } from '@crm/api/auth';
import { CustomersService } from '@crm/api/customers';
import { ApiController, GetForAll, Roles, UuidParam } from '@crm/api/http';
import { InvalidInputError, ruleDetail } from '@crm/shared/domain';
import { OutageNoticeDto } from './dto/outage-notice.dto';
import { CustomerMessage, OutboxService } from './outbox.service';

/** Messages to customers: outage notices, and each customer's messages with their delivery state. */
@ApiController('messages')
export class MessagesController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly customers: CustomersService,
  ) {}

  /** Queues a planned outage's notice to each customer; a customer outside the caller's scope → 404, nothing queued. */
  @Post('messages/outage-notices')
  @HttpCode(202)
  @Roles('account_manager', 'leader', 'admin')
  async outageNotice(@Scope() scope: DataScope, @Body() body: OutageNoticeDto): Promise<{ queued: number }> {
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt))
      throw new InvalidInputError('The outage must end after it starts', [
        ruleDetail('endsAt', 'must be after startsAt', 'outage.endsAfterStart'),
      ]);
    return { queued: await this.outbox.queueOutageNotices(scope, body.customerIds, body) };
  }

  @GetForAll('customers/:id/messages')
  async ofCustomer(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<CustomerMessage[]> {
    await this.customers.assertAccess(scope, id);
    return this.outbox.ofCustomer(id);
  }
}

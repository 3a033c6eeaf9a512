import { ApiOkResponse } from '@nestjs/swagger';
import { DataScope, Scope } from '@crm/api/auth';
import { CustomersService } from '@crm/api/customers';
import { ApiController, GetForAll, IntQuery, UuidParam } from '@crm/api/http';
import { BillView, ConsumptionMonth, DisconnectionView, OperationalSummary, ViolationView } from '@crm/shared/domain';
import { OperationalDataRepository } from './operational-data.repository';

/** A customer's consumption, bills with derived arrears and days late, violations and disconnections. */
@ApiController('operational data', 'customers/:id')
export class OperationalDataController {
  constructor(
    private readonly customers: CustomersService,
    private readonly data: OperationalDataRepository,
  ) {}

  @GetForAll('consumption')
  @ApiOkResponse({ description: 'Oldest first: [{period, kwh, maxDemandKw, powerFactor}]' })
  async consumption(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @IntQuery('months', 1, 120, 24) count: number,
  ): Promise<ConsumptionMonth[]> {
    await this.customers.assertAccess(scope, id);
    return this.data.consumption(id, count);
  }

  @GetForAll('bills')
  @ApiOkResponse({
    description: 'Oldest first: [{period, amount, dueDate, paidAmount, paidAt, daysLate, outstanding}]',
  })
  async bills(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @IntQuery('months', 1, 120, 24) count: number,
  ): Promise<BillView[]> {
    await this.customers.assertAccess(scope, id);
    return this.data.bills(id, count);
  }

  @GetForAll('violations')
  async violations(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<ViolationView[]> {
    await this.customers.assertAccess(scope, id);
    return this.data.violations(id);
  }

  @GetForAll('disconnections')
  async disconnections(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<DisconnectionView[]> {
    await this.customers.assertAccess(scope, id);
    return this.data.disconnections(id);
  }

  /** Arrears, overdue bills, late bills (12 months), violations (24 months), consumption (12 months). */
  @GetForAll('operational-summary')
  async summary(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<OperationalSummary> {
    await this.customers.assertAccess(scope, id);
    return this.data.summary(id);
  }
}

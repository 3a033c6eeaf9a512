import { Body, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { AuthUser, CurrentUser, DataScope, Scope } from '@crm/api/auth';
import { ApiController, GetForAll, IntQuery, Roles, UuidParam } from '@crm/api/http';
import { ROLES_MAINTAINING_CUSTOMERS, TimelineEntry } from '@crm/shared/domain';
import { CustomersService } from './customers.service';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { CustomerLookupHitDto, CustomerLookupQueryDto } from './dto/customer-lookup.dto';
import { CustomerQueryDto } from './dto/customer-query.dto';
import { CustomerDto, CustomerPageDto } from './dto/customer.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';

/** Customers. There is deliberately no delete route: closed customers are kept. */
@ApiController('customers', 'customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @GetForAll()
  @ApiOkResponse({ type: CustomerPageDto })
  list(@Scope() scope: DataScope, @Query() query: CustomerQueryDto): Promise<CustomerPageDto> {
    return this.customers.list(scope, query);
  }

  @GetForAll('lookup')
  @ApiOkResponse({ type: [CustomerLookupHitDto] })
  lookup(@Scope() scope: DataScope, @Query() query: CustomerLookupQueryDto): Promise<CustomerLookupHitDto[]> {
    return query.q === undefined ? Promise.resolve([]) : this.customers.lookup(scope, query.q);
  }

  @Post()
  @Roles(...ROLES_MAINTAINING_CUSTOMERS)
  @ApiCreatedResponse({ type: CustomerDto })
  @ApiConflictResponse({ description: 'The account number exists already' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(user, body);
  }

  @GetForAll(':id')
  @ApiOkResponse({ type: CustomerDto })
  @ApiNotFoundResponse({ description: 'No such customer, or not yours' })
  get(@Scope() scope: DataScope, @UuidParam('id') id: string): Promise<CustomerDto> {
    return this.customers.get(scope, id);
  }

  @Patch(':id')
  @Roles(...ROLES_MAINTAINING_CUSTOMERS)
  @ApiOkResponse({ type: CustomerDto })
  @ApiConflictResponse({ description: 'Stale version: someone else saved first' })
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateCustomerDto,
  ): Promise<CustomerDto> {
    return this.customers.update(user, id, body);
  }

  @GetForAll(':id/timeline')
  @ApiOkResponse({ description: 'Newest first: [{at, type, actor, summary, data}]' })
  timeline(
    @Scope() scope: DataScope,
    @UuidParam('id') id: string,
    @IntQuery('limit', 1, 1000, 200) limit: number,
  ): Promise<TimelineEntry[]> {
    return this.customers.timelineOf(scope, id, limit);
  }
}

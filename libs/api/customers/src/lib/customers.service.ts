import { Injectable } from '@nestjs/common';
import { AuthUser, DataScope, UsersService } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { TimelineService } from '@crm/api/timeline';
import {
  capacityProblem,
  changedFields,
  ConflictError,
  Customer,
  CustomerFields,
  CustomerLookupHit,
  CustomerPage,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  TimelineEntry,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCustomerCursor } from './customer-cursor';
import { ApplicationChange, CustomerLifecycleFields, CustomersRepository } from './customers.repository';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { CustomerQueryDto } from './dto/customer-query.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';

const EDITABLE_FIELDS: readonly (keyof CustomerFields)[] = [
  'name',
  'creditCode',
  'industry',
  'voltageKv',
  'contractCapacityKva',
  'tariffCategory',
  'region',
  'area',
  'address',
  'importance',
  'contacts',
  'tags',
];

/** The fields of a customer its change history compares. */
export function historyFields(c: Customer): Record<string, unknown> {
  return {
    accountNo: c.accountNo,
    name: c.name,
    creditCode: c.creditCode,
    industry: c.industry,
    voltageKv: c.voltageKv,
    contractCapacityKva: c.contractCapacityKva,
    tariffCategory: c.tariffCategory,
    region: c.region,
    area: c.area,
    address: c.address,
    importance: c.importance,
    contacts: c.contacts,
    tags: c.tags,
    stage: c.stage,
    accountManager: c.accountManager,
  };
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomersRepository,
    private readonly users: UsersService,
    private readonly timeline: TimelineService,
    private readonly history: ChangeHistoryService,
  ) {}

  /** A page of the list; `query.after` must be a cursor of this sort (400 naming `after` otherwise). */
  list(scope: DataScope, query: CustomerQueryDto): Promise<CustomerPage> {
    const cursor = query.after === undefined ? null : decodeCustomerCursor(query.after, query.sort);
    if (query.after !== undefined && !cursor) {
      throw new InvalidInputError('after is not a cursor of this list', [
        { field: 'after', message: `must be the nextCursor of a page of this list sorted by ${query.sort}` },
      ]);
    }
    return this.customers.findPage(scope, query, cursor);
  }

  /** The global search: the first customers in scope that match the term, with the field that matched. */
  lookup(scope: DataScope, term: string): Promise<CustomerLookupHit[]> {
    return this.customers.lookup(scope, term);
  }

  /** The customer, or NotFoundError when it does not exist or is not the caller's (no existence leak). */
  async get(scope: DataScope, id: string): Promise<Customer> {
    const customer = await this.customers.findOne(scope, id);
    if (!customer) throw new NotFoundError('Customer', id);
    return customer;
  }

  /** NotFoundError (as `get`) unless the customer exists and is the caller's; reads nothing else. */
  async assertAccess(scope: DataScope, id: string): Promise<void> {
    if (!(await this.customers.exists(scope, id))) throw new NotFoundError('Customer', id);
  }

  async create(user: AuthUser, dto: CreateCustomerDto): Promise<Customer> {
    const managerId = await this.ownerOfNewCustomer(user, dto.managerId);
    await this.assertIndustry(dto.industry);
    if (await this.customers.accountNoExists(dto.accountNo)) {
      throw new ConflictError(`A customer with account number ${dto.accountNo} already exists`, [
        ruleDetail('accountNo', 'is taken already', 'field.taken'),
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const created = await this.customers.insert(manager, {
        accountNo: dto.accountNo,
        name: dto.name,
        creditCode: dto.creditCode,
        industry: dto.industry,
        voltageKv: dto.voltageKv,
        contractCapacityKva: dto.contractCapacityKva ?? null,
        tariffCategory: dto.tariffCategory,
        region: dto.region,
        area: dto.area ?? 'urban',
        address: dto.address,
        importance: dto.importance ?? 'none',
        contacts: dto.contacts ?? [],
        tags: dto.tags ?? [],
        stage: 'applying',
        managerId,
      });
      await this.timeline.record(manager, [
        {
          customerId: created.id,
          type: 'created',
          actorId: user.id,
          summary: `Customer ${dto.accountNo} created`,
          data: { managerId },
        },
      ]);
      await this.history.record(manager, {
        actor: user,
        entityType: 'customer',
        entityId: created.id,
        customerId: created.id,
        action: 'create',
        before: null,
        after: historyFields(created),
      });
      return created;
    });
  }

  /**
   * Optimistic locking: the row is locked, its version compared with the one the client read,
   * and the update written only if they match; two writers with the same version: one wins (the other
   * waits for the lock, then finds a newer version) and one gets 409.
   */
  async update(user: AuthUser, id: string, dto: UpdateCustomerDto): Promise<Customer> {
    const scope = DataScope.of(user);
    const { version, ...fields } = dto;
    if (fields.industry !== undefined) await this.assertIndustry(fields.industry);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.customers.findOne(scope, id, { manager, forUpdate: true });
      if (!current) throw new NotFoundError('Customer', id);
      if (current.version !== version) throw new StaleVersionError('The customer', version, current.version);
      if (current.stage === 'closed') throw new InvalidTransitionError('A closed customer is kept read-only');
      const capacity = fields.contractCapacityKva === null ? capacityProblem(current.stage, null) : null;
      if (capacity) throw new InvalidInputError(capacity.message, [capacity]);
      const changes = changedFields(current, fields as Partial<CustomerFields>, EDITABLE_FIELDS);
      if (!changes.length) return current;
      const updated = await this.customers.update(manager, id, fields as Partial<CustomerFields>);
      await this.timeline.record(manager, [
        {
          customerId: id,
          type: 'updated',
          actorId: user.id,
          summary: `Changed ${changes.map((c) => c.field).join(', ')}`,
          data: { changes },
        },
      ]);
      await this.history.record(manager, {
        actor: user,
        entityType: 'customer',
        entityId: id,
        customerId: id,
        action: 'update',
        before: historyFields(current),
        after: historyFields(updated),
      });
      return updated;
    });
  }

  async timelineOf(scope: DataScope, id: string, limit: number): Promise<TimelineEntry[]> {
    await this.assertAccess(scope, id);
    return this.timeline.list(id, limit);
  }

  /**
   * In the caller's transaction: applies an application's change (stage, capacity, owner name) to the
   * customer and bumps its version; returns those fields before and after, for the change history.
   */
  changeByApplication(
    manager: EntityManager,
    customerId: string,
    change: ApplicationChange,
  ): Promise<{ before: CustomerLifecycleFields; after: CustomerLifecycleFields }> {
    return this.customers.changeByApplication(manager, customerId, change);
  }

  /** In the caller's transaction (which has checked the handover): gives the customer another account manager. */
  assignManager(manager: EntityManager, customerId: string, managerId: string): Promise<void> {
    return this.customers.assignManager(manager, customerId, managerId);
  }

  private async ownerOfNewCustomer(user: AuthUser, requested: string | undefined): Promise<string> {
    if (user.role === 'account_manager') {
      if (requested && requested !== user.id) {
        throw new InvalidInputError('An account manager owns the customers they create', [
          ruleDetail('managerId', 'managerId can only be set by an admin or a leader', 'customer.managerByRole'),
        ]);
      }
      return user.id;
    }
    if (!requested) {
      throw new InvalidInputError('Every customer needs its account manager', [
        ruleDetail(
          'managerId',
          'managerId is required: choose the account manager who will own the customer',
          'customer.managerRequired',
        ),
      ]);
    }
    if (!(await this.users.isActiveAccountManager(requested))) {
      throw new InvalidInputError('No such account manager', [
        ruleDetail('managerId', 'managerId must be an active account manager', 'manager.notActive'),
      ]);
    }
    return requested;
  }

  private async assertIndustry(code: string): Promise<void> {
    if (!(await this.customers.industryExists(code))) {
      throw new InvalidInputError(`Unknown industry ${code}`, [
        ruleDetail(
          'industry',
          'industry must be a GB/T 4754-2017 code from GET /api/reference/industries',
          'industry.unknown',
        ),
      ]);
    }
  }
}

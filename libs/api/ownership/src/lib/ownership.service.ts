import { Injectable } from '@nestjs/common';
import { AuthUser } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { CustomersService } from '@crm/api/customers';
import { TimelineService } from '@crm/api/timeline';
import {
  diffFields,
  InvalidInputError,
  InvalidTransitionError,
  NotFoundError,
  PersonRef,
  StaleVersionError,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { HandoverDto } from './dto/handover.dto';
import { HandoverPreviewDto, ManagerDto, ManagerWorkloadDto } from './dto/manager.dto';
import { OwnershipRepository } from './ownership.repository';

function personRef(m: ManagerDto): PersonRef {
  return { id: m.id, displayName: m.displayName };
}

/**
 * One manager, always (DESIGN.md): handing customers over between account managers. A customer's
 * open work (applications, tasks) belongs to the customer, so it moves with it.
 */
@Injectable()
export class OwnershipService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ownership: OwnershipRepository,
    private readonly customers: CustomersService,
    private readonly timeline: TimelineService,
    private readonly history: ChangeHistoryService,
  ) {}

  managers(): Promise<ManagerDto[]> {
    return this.ownership.activeManagers();
  }

  workload(): Promise<ManagerWorkloadDto[]> {
    return this.ownership.workload();
  }

  async handOverCustomer(user: AuthUser, customerId: string, dto: HandoverDto): Promise<void> {
    const to = await this.targetManager(dto.toManagerId);
    await this.dataSource.transaction(async (manager) => {
      const customer = await this.ownership.lockCustomer(manager, customerId);
      if (!customer) throw new NotFoundError('Customer', customerId);
      if (dto.version !== undefined && dto.version !== customer.version)
        throw new StaleVersionError('The customer', dto.version, customer.version);
      if (customer.stage === 'closed') throw new InvalidTransitionError('A closed customer cannot be handed over');
      if (customer.managerId === to.id)
        throw new InvalidTransitionError(`The customer is already managed by ${to.displayName}`);
      const from = customer.managerId ? await this.ownership.activeManager(customer.managerId) : null;
      await this.customers.assignManager(manager, customerId, to.id);
      await this.timeline.record(manager, [
        {
          customerId,
          type: 'handover',
          actorId: user.id,
          summary: `Handed over from ${from?.displayName ?? '—'} to ${to.displayName}: ${dto.reason}`,
          data: { from, to, reason: dto.reason },
        },
      ]);
      await this.history.record(manager, {
        actor: user,
        entityType: 'customer',
        entityId: customerId,
        customerId,
        action: 'handover',
        before: {
          accountManager: customer.managerId && { id: customer.managerId, displayName: from?.displayName ?? '' },
        },
        after: { accountManager: personRef(to) },
      });
    });
  }

  /**
   * All customers of a manager (who is leaving, say) to another, in one transaction: the caller's
   * (`manager`, e.g. the deactivation of the leaving user) or a new one.
   */
  async handOverAll(user: AuthUser, fromManagerId: string, dto: HandoverDto, manager?: EntityManager): Promise<number> {
    const from = await this.ownership.activeManager(fromManagerId);
    if (!from) throw new NotFoundError('Account manager', fromManagerId);
    const to = await this.targetManager(dto.toManagerId);
    if (to.id === from.id) throw new InvalidTransitionError('Choose another account manager to take over');
    const move = (m: EntityManager) =>
      this.ownership.moveAllCustomers(m, from.id, to.id, {
        actorId: user.id,
        requestId: user.requestId ?? null,
        summary: `Handed over from ${from.displayName} to ${to.displayName}: ${dto.reason}`,
        data: { from, to, reason: dto.reason, bulk: true },
        changes: diffFields({ accountManager: personRef(from) }, { accountManager: personRef(to) }),
      });
    return manager ? move(manager) : this.dataSource.transaction(move);
  }

  /** What `handOverAll` would move from this account manager now: customers and their open work. */
  async handoverPreview(fromManagerId: string): Promise<HandoverPreviewDto> {
    const from = await this.ownership.activeManager(fromManagerId);
    if (!from) throw new NotFoundError('Account manager', fromManagerId);
    return this.ownership.handoverPreview(from.id);
  }

  /** How many customers (not closed) each of these users manages; users with none are left out. */
  customersManagedBy(userIds: string[], manager?: EntityManager): Promise<Map<string, number>> {
    return this.ownership.customerCounts(manager ?? this.dataSource.manager, userIds);
  }

  private async targetManager(id: string): Promise<ManagerDto> {
    const to = await this.ownership.activeManager(id);
    if (!to) {
      throw new InvalidInputError('No such account manager', [
        ruleDetail('toManagerId', 'toManagerId must be an active account manager', 'manager.notActive'),
      ]);
    }
    return to;
  }
}

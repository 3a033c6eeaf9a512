import { Injectable } from '@nestjs/common';
import { AuthUser, UserRow, UsersService } from '@crm/api/auth';
import { ChangeHistoryService } from '@crm/api/change-history';
import { OwnershipService } from '@crm/api/ownership';
import {
  changeLeavesCustomers,
  InvalidInputError,
  InvalidTransitionError,
  StaleVersionError,
  UserAccount,
  UserAccountPage,
  ruleDetail,
} from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserQueryDto } from './dto/user-query.dto';

/**
 * The users administration (admins): each change to a user is one method here, in one transaction.
 * The users table belongs to the auth module (UsersService); customers move through ownership.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly ownership: OwnershipService,
    private readonly history: ChangeHistoryService,
  ) {}

  async list(query: UserQueryDto): Promise<UserAccountPage> {
    const page = await this.users.list(query);
    const customers = await this.ownership.customersManagedBy(page.items.map((u) => u.id));
    return { ...page, items: page.items.map((u) => toAccount(u, customers.get(u.id) ?? 0)) };
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserAccount> {
    const user = await this.dataSource.transaction(async (manager) => {
      const created = await this.users.create(manager, dto);
      await this.history.record(manager, {
        ...userChange(actor, created.id, 'create'),
        before: null,
        after: shown(created),
      });
      return created;
    });
    return toAccount(user, 0);
  }

  /**
   * Changes the display name, role or active flag. Taking an account manager who still manages
   * customers off managing (deactivation, another role) needs `takeOverManagerId`: their customers
   * are handed over in the same transaction.
   */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserAccount> {
    const user = await this.dataSource.transaction(async (manager) => {
      const current = await this.users.lock(manager, id);
      if (current.version !== dto.version) throw new StaleVersionError('The user', dto.version, current.version);
      if (current.id === actor.id && (dto.active === false || (dto.role && dto.role !== current.role))) {
        throw new InvalidTransitionError('You cannot deactivate yourself or change your own role');
      }
      if (changeLeavesCustomers(current, dto)) await this.handOverCustomers(manager, actor, current, dto);
      const updated = await this.users.update(manager, current, {
        displayName: dto.displayName,
        role: dto.role,
        active: dto.active,
      });
      await this.history.record(manager, {
        ...userChange(actor, id, 'update'),
        before: shown(current),
        after: shown(updated),
      });
      return updated;
    });
    this.users.forgetTokenState(id);
    return this.account(user);
  }

  /** Sets a new password; the user's sessions end. The history says it was reset, never the value. */
  async setPassword(actor: AuthUser, id: string, password: string): Promise<UserAccount> {
    const user = await this.dataSource.transaction(async (manager) => {
      const changed = await this.users.setPassword(manager, await this.users.lock(manager, id), password);
      await this.history.record(manager, {
        ...userChange(actor, id, 'update'),
        before: { password: null },
        after: { password: 'reset' },
      });
      return changed;
    });
    this.users.forgetTokenState(id);
    return this.account(user);
  }

  private async handOverCustomers(
    manager: EntityManager,
    actor: AuthUser,
    leaving: UserRow,
    dto: UpdateUserDto,
  ): Promise<void> {
    const owned = (await this.ownership.customersManagedBy([leaving.id], manager)).get(leaving.id) ?? 0;
    if (owned === 0) return;
    const to = dto.takeOverManagerId;
    if (!to) {
      throw new InvalidTransitionError(
        `${leaving.displayName} still manages ${owned} customers: name the account manager who takes them over`,
        [
          ruleDetail('takeOverManagerId', `required: ${owned} customers to take over`, 'user.takeOverRequired', {
            count: owned,
          }),
        ],
      );
    }
    if (to === leaving.id || !(await this.users.isActiveAccountManager(to))) {
      throw new InvalidInputError('No such account manager', [
        ruleDetail(
          'takeOverManagerId',
          'takeOverManagerId must be another active account manager',
          'user.takeOverManager',
        ),
      ]);
    }
    const reason = dto.takeOverReason ?? (dto.active === false ? 'Account deactivated' : 'Role changed');
    await this.ownership.handOverAll(actor, leaving.id, { toManagerId: to, reason }, manager);
  }

  private async account(user: UserRow): Promise<UserAccount> {
    const customers = await this.ownership.customersManagedBy([user.id]);
    return toAccount(user, customers.get(user.id) ?? 0);
  }
}

/** The fields of a user that its history compares. */
function shown(u: UserRow): Record<string, unknown> {
  return { username: u.username, displayName: u.displayName, role: u.role, active: u.active };
}

function userChange(actor: AuthUser, id: string, action: 'create' | 'update') {
  return { actor, entityType: 'user' as const, entityId: id, customerId: null, action };
}

function toAccount(u: UserRow, customers: number): UserAccount {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    version: u.version,
    customers,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import {
  ConflictError,
  InvalidInputError,
  NewUserAccount,
  NotFoundError,
  Page,
  passwordProblem,
  PASSWORD_MIN_LENGTH,
  Role,
  ruleDetail,
} from '@crm/shared/domain';
import * as argon2 from 'argon2';
import { EntityManager } from 'typeorm';
import { TokenStates } from './token-states';
import { insertNewUsers, UserListQuery, UserRow, UsersRepository } from './users.repository';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserFieldsChange {
  displayName?: string;
  role?: Role;
  active?: boolean;
}

const PASSWORD_DETAILS = {
  too_short: ruleDetail(
    'password',
    `password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    'password.tooShort',
    {
      limit: PASSWORD_MIN_LENGTH,
    },
  ),
  same_as_username: ruleDetail('password', 'password must not be the username', 'password.sameAsUsername'),
};

/**
 * The users table (this module owns it): login lookups, the token state the access guard checks,
 * and the writes of the users administration, each inside the caller's transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokenStates: TokenStates,
  ) {}

  /** The active user with this username, with its password hash and token version, or null. */
  findForLogin(username: string) {
    return this.users.findForLogin(username);
  }

  findById(id: string): Promise<UserRow | null> {
    return this.users.findById(id);
  }

  /** True when `id` is an active user with the account_manager role (an owner of customers). */
  isActiveAccountManager(id: string): Promise<boolean> {
    return this.users.isActiveAccountManager(id);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  list(query: UserListQuery): Promise<Page<UserRow>> {
    return this.users.list(query);
  }

  /** The user, locked until the transaction ends. Throws NotFoundError when there is none. */
  async lock(manager: EntityManager, id: string): Promise<UserRow> {
    const user = await this.users.lock(manager, id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async create(manager: EntityManager, user: NewUserAccount): Promise<UserRow> {
    const passwordHash = await this.hashPassword(user.password, user.username);
    const created = await this.users.insert(manager, { ...user, passwordHash });
    if (!created) {
      throw new ConflictError(`The username ${user.username} is taken`);
    }
    return created;
  }

  /**
   * Changes a locked user's display name, role or active flag (the caller has checked the version it
   * read). A deactivation or a role change ends every token issued so far.
   */
  async update(manager: EntityManager, current: UserRow, change: UserFieldsChange): Promise<UserRow> {
    const deactivated = change.active === false && current.active;
    const roleChanged = change.role !== undefined && change.role !== current.role;
    return this.users.update(manager, current.id, { ...change, bumpTokenVersion: deactivated || roleChanged });
  }

  /** Sets a locked user's password, which ends every token issued so far. */
  async setPassword(manager: EntityManager, current: UserRow, password: string): Promise<UserRow> {
    const passwordHash = await this.hashPassword(password, current.username);
    return this.users.update(manager, current.id, { passwordHash, bumpTokenVersion: true });
  }

  /** Call once a change to this user is committed: this instance's access guard reads them again. */
  forgetTokenState(id: string): void {
    this.tokenStates.forget(id);
  }

  private async hashPassword(password: string, username: string): Promise<string> {
    const problem = passwordProblem(password, username);
    if (problem) {
      throw new InvalidInputError('The password is not allowed', [PASSWORD_DETAILS[problem]]);
    }
    return argon2.hash(password);
  }

  /**
   * Creates users (idempotent on username); used by the demo seed, the generator and tests. Each distinct
   * password is hashed once, so thousands of generated managers sharing the demo password stay fast.
   */
  static async createUsers(manager: EntityManager, users: NewUser[]): Promise<void> {
    const passwords = [...new Set(users.map((u) => u.password))];
    const hashOf = new Map(await Promise.all(passwords.map(async (p) => [p, await argon2.hash(p)] as const)));
    await insertNewUsers(
      manager,
      users.map((u) => ({ ...u, passwordHash: hashOf.get(u.password) as string })),
    );
  }
}

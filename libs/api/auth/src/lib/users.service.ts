import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Role } from '@crm/shared/domain';
import * as argon2 from 'argon2';
import { EntityManager, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The active user with this username, with its password hash, or null. */
  findForLogin(username: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username AND u.active', { username })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** True when `id` is an active user with the account_manager role (an owner of customers). */
  async isActiveAccountManager(id: string): Promise<boolean> {
    return this.users.existsBy({ id, role: 'account_manager', active: true });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /**
   * Creates users (idempotent on username); used by the demo seed, the generator and tests. Each distinct
   * password is hashed once, so thousands of generated managers sharing the demo password stay fast.
   */
  static async createUsers(manager: EntityManager, users: NewUser[]): Promise<void> {
    const passwords = [...new Set(users.map((u) => u.password))];
    const hashOf = new Map(await Promise.all(passwords.map(async (p) => [p, await argon2.hash(p)] as const)));
    const hashes = users.map((u) => hashOf.get(u.password) as string);
    await manager.query(
      `INSERT INTO users (username, display_name, role, password_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (username) DO NOTHING`,
      [users.map((u) => u.username), users.map((u) => u.displayName), users.map((u) => u.role), hashes],
    );
  }
}

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

  count(): Promise<number> {
    return this.users.count();
  }

  /** Creates users (idempotent on username); used by the demo seed and by admins. */
  static async createUsers(manager: EntityManager, users: NewUser[]): Promise<void> {
    for (const u of users) {
      const passwordHash = await argon2.hash(u.password);
      await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ username: u.username, displayName: u.displayName, role: u.role, passwordHash })
        .orIgnore()
        .execute();
    }
  }
}

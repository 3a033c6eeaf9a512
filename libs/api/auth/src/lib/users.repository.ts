import { Injectable } from '@nestjs/common';
import { Page, Role, UserSortField } from '@crm/shared/domain';
import { DataSource, EntityManager } from 'typeorm';

/** A user row as the administration reads it (no password hash). */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  version: number;
  tokenVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserListQuery {
  search?: string;
  role?: Role;
  active?: boolean;
  sort: string;
  page: number;
  pageSize: number;
}

/** What an update writes; `bumpTokenVersion` ends every token issued so far. */
export interface UserWrite {
  displayName?: string;
  role?: Role;
  active?: boolean;
  passwordHash?: string;
  bumpTokenVersion: boolean;
}

const COLUMNS = `id, username, display_name AS "displayName", role, active, version,
  token_version AS "tokenVersion", created_at AS "createdAt", updated_at AS "updatedAt"`;

const SORT_COLUMNS: Record<UserSortField, string> = {
  username: 'username',
  displayName: 'display_name',
  role: 'role',
  createdAt: 'created_at',
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every query of the users table (owned by the auth module). */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active user with this username, with its password hash and token version. */
  async findForLogin(
    username: string,
  ): Promise<
    (Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'tokenVersion'> & { passwordHash: string }) | null
  > {
    const rows = await this.dataSource.query(
      `SELECT id, username, display_name AS "displayName", role, token_version AS "tokenVersion",
              password_hash AS "passwordHash"
         FROM users WHERE username = $1 AND active`,
      [username],
    );
    return rows[0] ?? null;
  }

  /** What the access guard checks on each request: is the user active, and which tokens are valid. */
  async tokenState(id: string): Promise<{ active: boolean; tokenVersion: number } | null> {
    const rows = await this.dataSource.query(
      'SELECT active, token_version AS "tokenVersion" FROM users WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async isActiveAccountManager(id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'account_manager' AND active`,
      [id],
    );
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM users');
    return count;
  }

  async list(query: UserListQuery): Promise<Page<UserRow>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const search = query.search?.trim();
    if (search) {
      params.push(`%${escapeLike(search)}%`);
      where.push(`(username ILIKE $${params.length} OR display_name ILIKE $${params.length})`);
    }
    if (query.role) {
      params.push(query.role);
      where.push(`role = $${params.length}`);
    }
    if (query.active !== undefined) {
      params.push(query.active);
      where.push(`active = $${params.length}`);
    }
    const condition = where.length ? where.join(' AND ') : 'TRUE';
    const descending = query.sort.startsWith('-');
    const column = SORT_COLUMNS[query.sort.replace(/^-/, '') as UserSortField];
    const direction = descending ? 'DESC' : 'ASC';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM users WHERE ${condition}`,
      params,
    );
    const items: UserRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM users WHERE ${condition}
        ORDER BY ${column} ${direction}, id ${direction}
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async findById(id: string): Promise<UserRow | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The user, its row locked until the transaction ends; null when there is no such user. */
  async lock(manager: EntityManager, id: string): Promise<UserRow | null> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Inserts a user; null when the username is taken. */
  async insert(
    manager: EntityManager,
    user: { username: string; displayName: string; role: Role; passwordHash: string },
  ): Promise<UserRow | null> {
    const rows = await manager.query(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING
       RETURNING ${COLUMNS}`,
      [user.username, user.displayName, user.role, user.passwordHash],
    );
    return rows[0] ?? null;
  }

  /** Writes the given fields, adds one to the version (and to the token version when asked) and returns the row. */
  async update(manager: EntityManager, id: string, write: UserWrite): Promise<UserRow> {
    const rows = await manager.query(
      `UPDATE users
          SET display_name = coalesce($2, display_name),
              role = coalesce($3, role),
              active = coalesce($4, active),
              password_hash = coalesce($5, password_hash),
              token_version = token_version + CASE WHEN $6 THEN 1 ELSE 0 END,
              version = version + 1,
              updated_at = now()
        WHERE id = $1
        RETURNING ${COLUMNS}`,
      [
        id,
        write.displayName ?? null,
        write.role ?? null,
        write.active ?? null,
        write.passwordHash ?? null,
        write.bumpTokenVersion,
      ],
    );
    return rows[0][0];
  }
}

import { Injectable } from '@nestjs/common';
import { Page, Role, UserAccount, UserSortField } from '@crm/shared/domain';
import { Db, execute, Params, query, queryOne, queryPage } from '@crm/api/database';
import { DataSource } from 'typeorm';

/** A user row as the administration reads it (no password hash): the fields an account shows, its token version and moments. */
export interface UserRow extends Pick<UserAccount, 'id' | 'username' | 'displayName' | 'role' | 'active' | 'version'> {
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
    const row = await queryOne<
      Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'tokenVersion'> & { passwordHash: string }
    >(
      this.dataSource,
      `SELECT id, username, display_name AS "displayName", role, token_version AS "tokenVersion",
              password_hash AS "passwordHash"
         FROM users WHERE username = $1 AND active`,
      [username],
    );
    return row ?? null;
  }

  /** What the access guard checks on each request: is the user active, and which tokens are valid. */
  async tokenState(id: string): Promise<{ active: boolean; tokenVersion: number } | null> {
    const row = await queryOne<{ active: boolean; tokenVersion: number }>(
      this.dataSource,
      'SELECT active, token_version AS "tokenVersion" FROM users WHERE id = $1',
      [id],
    );
    return row ?? null;
  }

  async isActiveAccountManager(id: string): Promise<boolean> {
    const rows = await query<{ one: number }>(
      this.dataSource,
      `SELECT 1 AS one FROM users WHERE id = $1 AND role = 'account_manager' AND active`,
      [id],
    );
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const [{ count }] = await query<{ count: number }>(this.dataSource, 'SELECT count(*)::int AS count FROM users');
    return count;
  }

  async list(request: UserListQuery): Promise<Page<UserRow>> {
    const params = new Params();
    const where: string[] = [];
    const search = request.search?.trim();
    if (search) {
      const pattern = params.add(`%${escapeLike(search)}%`);
      where.push(`(username ILIKE ${pattern} OR display_name ILIKE ${pattern})`);
    }
    if (request.role) where.push(`role = ${params.add(request.role)}`);
    if (request.active !== undefined) where.push(`active = ${params.add(request.active)}`);
    const condition = where.length ? where.join(' AND ') : 'TRUE';
    const descending = request.sort.startsWith('-');
    const column = SORT_COLUMNS[request.sort.replace(/^-/, '') as UserSortField];
    const direction = descending ? 'DESC' : 'ASC';
    return queryPage(
      this.dataSource,
      {
        rows: `SELECT ${COLUMNS} FROM users WHERE ${condition} ORDER BY ${column} ${direction}, id ${direction}`,
        count: `SELECT count(*)::int AS total FROM users WHERE ${condition}`,
      },
      params,
      request,
      (r: UserRow) => r,
    );
  }

  async findById(id: string): Promise<UserRow | null> {
    return (await queryOne<UserRow>(this.dataSource, `SELECT ${COLUMNS} FROM users WHERE id = $1`, [id])) ?? null;
  }

  /** The user, its row locked until the transaction ends; null when there is no such user. */
  async lock(db: Db, id: string): Promise<UserRow | null> {
    return (await queryOne<UserRow>(db, `SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])) ?? null;
  }

  /** Inserts a user; null when the username is taken. */
  async insert(
    db: Db,
    user: { username: string; displayName: string; role: Role; passwordHash: string },
  ): Promise<UserRow | null> {
    const row = await queryOne<UserRow>(
      db,
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING
       RETURNING ${COLUMNS}`,
      [user.username, user.displayName, user.role, user.passwordHash],
    );
    return row ?? null;
  }

  /** Writes the given fields, adds one to the version (and to the token version when asked) and returns the row. */
  async update(db: Db, id: string, write: UserWrite): Promise<UserRow> {
    const [row] = await query<UserRow>(
      db,
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
    return row;
  }
}

/** Inserts the users whose username is not taken yet, in one statement (their passwords already hashed). */
export async function insertNewUsers(
  db: Db,
  users: { username: string; displayName: string; role: Role; passwordHash: string }[],
): Promise<void> {
  await execute(
    db,
    `INSERT INTO users (username, display_name, role, password_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (username) DO NOTHING`,
    [
      users.map((u) => u.username),
      users.map((u) => u.displayName),
      users.map((u) => u.role),
      users.map((u) => u.passwordHash),
    ],
  );
}

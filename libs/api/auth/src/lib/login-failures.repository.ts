import { Injectable } from '@nestjs/common';
import { RecentFailures } from '@crm/shared/domain';
import { Db, execute, query } from '@crm/api/database';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Failed logins, in PostgreSQL so that every API instance counts the same attempts. An attempt is
 * recorded before the password is checked and removed when it succeeds, so parallel guesses count too.
 */
@Injectable()
export class LoginFailuresRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Serialises the attempts of one address until the transaction ends, so their counts cannot race. */
  async lockAddress(db: Db, address: string): Promise<void> {
    await execute(db, `SELECT pg_advisory_xact_lock(hashtext('login:' || $1))`, [address]);
  }

  /** The failures within the window for this username from this address, and from this address in all. */
  async recent(
    db: Db,
    username: string,
    address: string,
    windowSeconds: number,
  ): Promise<{ sameUser: RecentFailures; sameAddress: RecentFailures }> {
    const [row] = await query<{
      userCount: number;
      userAge: number | null;
      addressCount: number;
      addressAge: number | null;
    }>(
      db,
      `SELECT count(*) FILTER (WHERE username = $1)::int AS "userCount",
              extract(epoch FROM clock_timestamp() - min(failed_at) FILTER (WHERE username = $1))::float8 AS "userAge",
              count(*)::int AS "addressCount",
              extract(epoch FROM clock_timestamp() - min(failed_at))::float8 AS "addressAge"
         FROM login_failures
        WHERE address = $2 AND failed_at > clock_timestamp() - make_interval(secs => $3)`,
      [username, address, windowSeconds],
    );
    return {
      sameUser: { count: row.userCount, oldestAgeSeconds: row.userAge },
      sameAddress: { count: row.addressCount, oldestAgeSeconds: row.addressAge },
    };
  }

  async record(db: Db, username: string, address: string): Promise<void> {
    await execute(db, 'INSERT INTO login_failures (username, address, failed_at) VALUES ($1, $2, clock_timestamp())', [
      username,
      address,
    ]);
  }

  /** A successful login forgets the failures of this username from this address. */
  async clear(username: string, address: string): Promise<void> {
    await execute(this.dataSource, 'DELETE FROM login_failures WHERE address = $1 AND username = $2', [
      address,
      username,
    ]);
  }

  /** Removes the failures older than `seconds`; returns how many. */
  removeOlderThan(seconds: number): Promise<number> {
    return execute(this.dataSource, 'DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $1)', [
      seconds,
    ]);
  }
}

import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The `application_name` of the read pool's connections, which tells them apart in `pg_stat_activity`. */
export const READ_APPLICATION_NAME = 'crm-read';

/**
 * Where the long reads run (exports and reports): a pool of its own on the read replica of
 * DATABASE_READ_URL when one is configured, otherwise the main DataSource. A replica lags behind its
 * primary, so nothing that must see a write just made reads through here.
 */
@Injectable()
export class ReadDatabase implements OnApplicationShutdown {
  constructor(
    readonly dataSource: DataSource,
    /** True when the pool is this object's own (a replica's), closed with the app. */
    private readonly own: boolean,
  ) {}

  /** The read pool of `readUrl` (opened here), or `main` when there is none. */
  static async open(main: DataSource, readUrl: string | undefined, poolSize: number): Promise<ReadDatabase> {
    if (!readUrl) return new ReadDatabase(main, false);
    const replica = new DataSource({
      type: 'postgres',
      url: readUrl,
      applicationName: READ_APPLICATION_NAME,
      extra: { max: poolSize, connectionTimeoutMillis: 10_000 },
    });
    return new ReadDatabase(await replica.initialize(), true);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.own && this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

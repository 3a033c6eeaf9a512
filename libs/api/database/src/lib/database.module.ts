import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_EXPORT_LIMITS, EXPORT_LIMITS, ExportLimits, ExportStreams } from './export-streams';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';
import { ReadDatabase } from './read-database';

const DEFAULT_POOL_SIZE = 20;

export interface DatabaseOptions {
  url: string;
  /** A read replica for exports and reports (ReadDatabase); the main database when absent. */
  readUrl?: string;
  /** Connections in this process's pool (and in the read pool, when there is one). */
  poolSize?: number;
  /** Limits of the streamed exports (DEFAULT_EXPORT_LIMITS where not given). */
  exports?: Partial<ExportLimits>;
  /** The names of this build's migrations, which `/api/health/ready` expects applied (none checked when absent). */
  migrations?: readonly string[];
}

/**
 * The TypeORM connection every feature module uses (entities are registered by each module
 * with `TypeOrmModule.forFeature`), and ExportStreams, through which every download streams. The schema
 * comes from migrations only: never `synchronize`.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: options.url,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          // pg's pool drops a client whose connection broke and opens new ones once the database answers
          // again; waiting for a connection gives up after 10 s (a 503) rather than hanging the request.
          extra: { max: options.poolSize ?? DEFAULT_POOL_SIZE, connectionTimeoutMillis: 10_000 },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: EXPORT_LIMITS, useValue: { ...DEFAULT_EXPORT_LIMITS, ...options.exports } },
        {
          provide: ReadDatabase,
          inject: [DataSource],
          useFactory: (main: DataSource) =>
            ReadDatabase.open(main, options.readUrl, options.poolSize ?? DEFAULT_POOL_SIZE),
        },
        ExportStreams,
        { provide: Readiness, useValue: new Readiness(options.migrations ?? []) },
      ],
      exports: [ReadDatabase, ExportStreams, Readiness],
    };
  }
}

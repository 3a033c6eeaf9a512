import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthController } from './health.controller';

export interface DatabaseOptions {
  url: string;
  /** Connections in this process's pool. */
  poolSize?: number;
}

/**
 * The TypeORM connection every feature module uses (entities are registered by each module
 * with `TypeOrmModule.forFeature`). The schema comes from migrations only: never `synchronize`.
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
          extra: { max: options.poolSize ?? 20 },
        }),
      ],
      controllers: [HealthController],
    };
  }
}

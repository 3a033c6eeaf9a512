import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuditModule } from '@crm/api/audit';
import { AuthModule } from '@crm/api/auth';
import { CalendarModule } from '@crm/api/calendar';
import { ChangeHistoryModule } from '@crm/api/change-history';
import { CustomersModule } from '@crm/api/customers';
import { DatabaseModule } from '@crm/api/database';
import { DataImportModule } from '@crm/api/data-import';
import { JobsModule } from '@crm/api/jobs';
import { LifecycleModule } from '@crm/api/lifecycle';
import { KpisModule } from '@crm/api/kpis';
import { MarketingAuditModule } from '@crm/api/marketing-audit';
import { MonthlyReportModule } from '@crm/api/monthly-report';
import { OperationalDataModule } from '@crm/api/operational-data';
import { OwnershipModule } from '@crm/api/ownership';
import { ReferenceModule } from '@crm/api/reference';
import { ScoringModule } from '@crm/api/scoring';
import { SegmentsModule } from '@crm/api/segments';
import { ServicePlansModule } from '@crm/api/service-plans';
import { MessagesModule } from '@crm/api/messages';
import { NotificationsModule } from '@crm/api/notifications';
import { UsersModule } from '@crm/api/users';
import { WorkOrdersModule } from '@crm/api/work-orders';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { LoggerModule } from 'nestjs-pino';
import { MIGRATION_NAMES } from './database-setup';

export interface AppModuleOptions {
  databaseUrl: string;
  /** A read replica for exports and reports (DATABASE_READ_URL). */
  databaseReadUrl?: string;
  jwtSecret: string;
  jwtExpiresIn: string;
  logLevel: string;
  /** Start the job queue (default true). */
  jobs?: boolean;
  /** Run the jobs' workers and schedules, not only queue on-demand runs (default true; false for API_ROLE=http). */
  workJobs?: boolean;
  /** How long stopping waits for running jobs, in ms (default 10 s). */
  shutdownTimeoutMs?: number;
  /** The built Angular app to serve at `/`, when it exists. */
  webRoot?: string;
}

/** The product's feature modules, in the order of DESIGN.md. */
export const FEATURE_MODULES = [
  AuditModule,
  ChangeHistoryModule,
  ReferenceModule,
  CustomersModule,
  OwnershipModule,
  CalendarModule,
  LifecycleModule,
  WorkOrdersModule,
  OperationalDataModule,
  DataImportModule,
  ScoringModule,
  SegmentsModule,
  ServicePlansModule,
  MessagesModule,
  NotificationsModule,
  UsersModule,
  MarketingAuditModule,
  KpisModule,
  MonthlyReportModule,
];

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const serveWeb = options.webRoot && existsSync(options.webRoot);
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: options.logLevel,
            // configureHttp has given every request its id already.
            genReqId: (req) => (req as { id?: string }).id ?? randomUUID(),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/health/ready' },
            // A database outage answers every request 503: the error filter logs those once per few seconds
            // with a count, rather than a line with a stack per request here.
            customLogLevel: (_req, res) => (res.statusCode === 503 ? 'silent' : 'info'),
          },
        }),
        DatabaseModule.forRoot({
          url: options.databaseUrl,
          readUrl: options.databaseReadUrl,
          migrations: MIGRATION_NAMES,
        }),
        JobsModule.forRoot({
          databaseUrl: options.databaseUrl,
          enabled: options.jobs ?? true,
          work: options.workJobs,
          shutdownTimeoutMs: options.shutdownTimeoutMs,
        }),
        AuthModule.forRoot({ jwtSecret: options.jwtSecret, jwtExpiresIn: options.jwtExpiresIn }),
        ...FEATURE_MODULES,
        ...(serveWeb
          ? [ServeStaticModule.forRoot({ rootPath: options.webRoot as string, exclude: ['/api/{*path}'] })]
          : []),
      ],
    };
  }
}

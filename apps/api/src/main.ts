import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { sharedJwtSecret } from '@crm/api/auth';
import { configureHttp } from '@crm/api/http';
import { EmbeddedDatabase, Readiness, withDataSource, withStartUpLock } from '@crm/api/database';
import { completeDemoTasks, enrolDemoPlans, loadDemoSeed, DEMO_LOGINS, isDatabaseEmpty } from '@crm/api/demo-seed';
import { KpisService } from '@crm/api/kpis';
import { MonthlyReportsService } from '@crm/api/monthly-report';
import { ScoringRunService } from '@crm/api/scoring';
import { TaskGenerationService } from '@crm/api/service-plans';
import { addCalendarDays, chinaDate, TASK_HORIZON_DAYS } from '@crm/shared/domain';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, legacyJwtSecret, readConfig } from './config';
import { prepareDatabase, startSupervisedDatabase } from './database-setup';
import { setupOpenApi } from './openapi';

async function main(): Promise<void> {
  const { config, errors } = readConfig(process.env);
  if (!config) {
    console.error(`Configuration is not valid:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(2);
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    console.log(`Starting the embedded PostgreSQL in ${config.dataDir} …`);
    embedded = await startSupervisedDatabase(config.dataDir);
  }
  const databaseUrl = config.databaseUrl ?? (embedded as EmbeddedDatabase).url;

  const wantSeed = config.seed === 'demo' || (config.seed === 'auto' && embedded !== undefined);
  // Instances starting together take turns here: the first migrates (and seeds an empty database), the others
  // find that done. The JWT secret is the database's, so that every instance checks the tokens of the others.
  const { app, seeded } = await withStartUpLock(databaseUrl, async () => {
    const ran = await prepareDatabase(databaseUrl);
    if (ran.length) console.log(`Migrations applied: ${ran.join(', ')}`);
    const seeded = wantSeed && (await isDatabaseEmpty(databaseUrl));
    if (seeded) {
      console.log('Empty database: loading the demo data …');
      await loadDemoSeed(databaseUrl);
    }
    const jwtSecret =
      config.jwtSecret ??
      (await withDataSource(databaseUrl, (db) =>
        sharedJwtSecret(db, legacyJwtSecret(config) ?? randomBytes(48).toString('base64url')),
      ));
    const app = await createApp(config, databaseUrl, jwtSecret);
    if (seeded) await completeDemoData(app);
    return { app, seeded };
  });
  configureHttp(app);
  if (config.role === 'worker') app.use(healthOnly);
  else setupOpenApi(app);
  const stopping = { now: false };
  // While stopping, every response closes its connection: clients open a new one, to a live instance.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (stopping.now) res.setHeader('Connection', 'close');
    next();
  });
  await app.listen(config.port);

  const url = `http://localhost:${config.port}/`;
  if (config.role === 'worker')
    console.log(`\nKey-account CRM worker (background jobs) is running; health at ${url}api/health`);
  else console.log(`\nKey-account CRM (API_ROLE=${config.role}) is running at ${url}  (API docs: ${url}api/docs)`);
  if (seeded || (wantSeed && embedded)) {
    console.log(`Demo logins (password ${DEMO_LOGINS.password}): ${DEMO_LOGINS.usernames.join(', ')}`);
  }
  console.log('Press Ctrl-C to stop.');

  const stop = async (signal: string) => {
    if (stopping.now) return;
    stopping.now = true;
    // A balancer's readiness check (/api/health/ready) takes the instance out from now on.
    app.get(Readiness).stop();
    const started = Date.now();
    const timeoutMs = config.shutdownTimeoutSeconds * 1000;
    console.log(`\n${signal}: stopping; requests in flight have ${config.shutdownTimeoutSeconds} s to finish …`);
    const server = app.getHttpServer() as Server;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections between requests would hold the server open: close them as they fall idle.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const cut = await Promise.race([
      closed.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearInterval(idle);
    clearTimeout(timer);
    if (cut) {
      const open = await new Promise<number>((resolve) => server.getConnections((_e, count) => resolve(count)));
      console.warn(`${open} connection(s) still busy after ${config.shutdownTimeoutSeconds} s were cut off`);
      server.closeAllConnections();
    }
    // Stops the job workers (running jobs get the same time), then closes the connection pools.
    await app.close();
    await embedded?.stop();
    console.log(`Stopped in ${Date.now() - started} ms.`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** The Nest application of this process's role. */
async function createApp(config: AppConfig, databaseUrl: string, jwtSecret: string): Promise<INestApplication> {
  const app = await NestFactory.create(
    AppModule.forRoot({
      databaseUrl,
      databaseReadUrl: config.databaseReadUrl,
      jwtSecret,
      jwtExpiresIn: config.jwtExpiresIn,
      logLevel: config.logLevel,
      workJobs: config.role !== 'http',
      shutdownTimeoutMs: config.shutdownTimeoutSeconds * 1000,
      webRoot: config.role === 'worker' ? undefined : join(__dirname, '..', 'web', 'browser'),
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  return app;
}

/** What the demo seed cannot load as rows: history computed by the product itself. */
async function completeDemoData(app: INestApplication): Promise<void> {
  // Scores of the demo customers as of three months ago, two, one and today: a history with trends.
  const scoring = app.get(ScoringRunService);
  for (const back of [90, 60, 30, 0]) await scoring.run(null, addCalendarDays(chinaDate(new Date()), -back));
  // Service plans running for four months: their past tasks mostly done, some overdue, the next ones planned.
  const today = chinaDate(new Date());
  const since = addCalendarDays(today, -120);
  const generation = app.get(TaskGenerationService);
  await app.get(DataSource).transaction(async (tx) => {
    await enrolDemoPlans(tx, since);
    await generation.generate(tx, since, addCalendarDays(today, TASK_HORIZON_DAYS));
    await completeDemoTasks(tx, addCalendarDays(today, -3));
  });
  await generation.daily();
  // KPI snapshots of the 11 closed months before this one: the cockpit's sparklines have a year.
  await app.get(KpisService).backfill(11);
  // Last month's report, so that the monthly reports page has one.
  await app.get(MonthlyReportsService).generateClosedMonth();
}

/** A worker (API_ROLE=worker) answers /api/health and /api/health/ready and nothing else. */
function healthOnly(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/api/health' || req.path === '/api/health/ready') return next();
  res.status(404).json({
    statusCode: 404,
    error: 'Not Found',
    message:
      'This instance runs the background jobs (API_ROLE=worker): it serves /api/health and /api/health/ready only',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

import { NestFactory } from '@nestjs/core';
import { configureHttp } from '@crm/api/http';
import { EmbeddedDatabase } from '@crm/api/database';
import { completeDemoTasks, enrolDemoPlans, loadDemoSeed, DEMO_LOGINS, isDatabaseEmpty } from '@crm/api/demo-seed';
import { KpisService } from '@crm/api/kpis';
import { MonthlyReportsService } from '@crm/api/monthly-report';
import { ScoringRunService } from '@crm/api/scoring';
import { TaskGenerationService } from '@crm/api/service-plans';
import { addCalendarDays, chinaDate, TASK_HORIZON_DAYS } from '@crm/shared/domain';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { jwtSecretOf, readConfig } from './config';
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

  const ran = await prepareDatabase(databaseUrl);
  if (ran.length) console.log(`Migrations applied: ${ran.join(', ')}`);

  const wantSeed = config.seed === 'demo' || (config.seed === 'auto' && embedded !== undefined);
  const seeded = wantSeed && (await isDatabaseEmpty(databaseUrl));
  if (seeded) {
    console.log('Empty database: loading the demo data …');
    await loadDemoSeed(databaseUrl);
  }

  const app = await NestFactory.create(
    AppModule.forRoot({
      databaseUrl,
      databaseReadUrl: config.databaseReadUrl,
      jwtSecret: jwtSecretOf(config),
      jwtExpiresIn: config.jwtExpiresIn,
      logLevel: config.logLevel,
      webRoot: join(__dirname, '..', 'web', 'browser'),
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  if (seeded) {
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
  configureHttp(app);
  setupOpenApi(app);
  await app.listen(config.port);

  const url = `http://localhost:${config.port}/`;
  console.log(`\nKey-account CRM is running at ${url}  (API docs: ${url}api/docs)`);
  if (seeded || (wantSeed && embedded)) {
    console.log(`Demo logins (password ${DEMO_LOGINS.password}): ${DEMO_LOGINS.usernames.join(', ')}`);
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping …`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

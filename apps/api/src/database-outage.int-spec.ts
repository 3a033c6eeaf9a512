import { Inject, Injectable, LoggerService, Module, OnModuleInit } from '@nestjs/common';
import { AuditModule } from '@crm/api/audit';
import { CustomersModule } from '@crm/api/customers';
import { EmbeddedDatabase } from '@crm/api/database';
import { RETRY_AFTER_SECONDS } from '@crm/api/http';
import { JobsService } from '@crm/api/jobs';
import { ReferenceModule } from '@crm/api/reference';
import { ApiResponse, createTestApp, customerBody, TEST_PASSWORD, TestApp } from '@crm/api/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { prepareDatabase, startSupervisedDatabase } from './database-setup';

/** What the app logs, with the time. */
class RecordingLogger implements LoggerService {
  readonly lines: { at: number; level: string; text: string }[] = [];
  log(message: unknown, ...params: unknown[]): void {
    this.lines.push({ at: Date.now(), level: 'log', text: [message, ...params].join(' ') });
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.lines.push({ at: Date.now(), level: 'warn', text: [message, ...params].join(' ') });
  }
  error(message: unknown, ...params: unknown[]): void {
    this.lines.push({ at: Date.now(), level: 'error', text: [message, ...params].join(' ') });
  }
}

let probeRuns = 0;

/** A job that only counts its runs: it tells whether pg-boss works again after the outage. */
@Injectable()
class ProbeJob implements OnModuleInit {
  constructor(@Inject(JobsService) private readonly jobs: JobsService) {}
  onModuleInit(): void {
    this.jobs.every('outage-probe', '0 0 1 1 *', async () => ++probeRuns);
  }
}

@Module({ providers: [ProbeJob] })
class ProbeModule {}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
  return Date.now();
}

interface Answer {
  at: number;
  route: string;
  status: number;
  retryAfter: string | null;
  body: unknown;
}

/**
 * Fault test: the API on an embedded PostgreSQL of its own (not the shared one of the global setup),
 * supervised as main.ts does, under reads and writes while the postmaster is killed with SIGKILL.
 */
describe('a database outage', () => {
  const logger = new RecordingLogger();
  let dataDir: string;
  let db: EmbeddedDatabase;
  let t: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dataDir = mkdtempSync(join(tmpdir(), 'crm-outage-db-'));
    chmodSync(dataDir, 0o755);
    db = await startSupervisedDatabase(dataDir);
    await prepareDatabase(db.url);
    t = await createTestApp([ReferenceModule, CustomersModule, AuditModule, ProbeModule], {
      jobs: true,
      databaseUrl: db.url,
      logger,
    });
  }, 120_000);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t?.close();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 503 with Retry-After while PostgreSQL is down, heals by itself and keeps every acknowledged write', async () => {
    // Nothing to turn off for durability: a commit is acknowledged once its WAL is flushed.
    expect(await t.dataSource.query('SHOW fsync')).toEqual([{ fsync: 'on' }]);
    expect(await t.dataSource.query('SHOW synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);

    const answers: Answer[] = [];
    const acknowledged: string[] = [];
    let running = true;
    const load = async (route: string, call: () => Promise<ApiResponse>) => {
      while (running) {
        const res = await call();
        answers.push({
          at: Date.now(),
          route,
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: res.body,
        });
        if (res.status === 201 && route === 'POST /customers') acknowledged.push(res.body.id);
        if (res.status >= 300) await sleep(20);
      }
    };
    const write = () =>
      load('POST /customers', () => t.request('POST', '/customers', { as: 'manager1', body: customerBody() }));
    const loads = [
      write(),
      write(),
      write(),
      load('GET /customers', () => t.request('GET', '/customers?pageSize=5', { as: 'manager1' })),
      load('POST /auth/login', () =>
        t.request('POST', '/auth/login', { body: { username: 'manager2', password: TEST_PASSWORD } }),
      ),
    ];

    await waitFor('writes before the kill', () => acknowledged.length >= 20, 30_000);
    const acknowledgedBeforeKill = acknowledged.length;
    const killedAt = Date.now();
    process.kill(db.pid as number, 'SIGKILL');

    await waitFor('a 503', () => answers.some((a) => a.at > killedAt && a.status === 503), 10_000);
    const healthyAt = await waitFor(
      'a healthy API',
      async () => (await t.request('GET', '/health')).status === 200,
      30_000,
    );
    const recoverySeconds = (healthyAt - killedAt) / 1000;
    await waitFor(
      'a write after the recovery',
      () => answers.some((a) => a.at > healthyAt && a.status === 201),
      10_000,
    );
    await sleep(500);
    running = false;
    await Promise.all(loads);

    const unavailable = answers.filter((a) => a.status === 503);
    const summary = `kill -9 of the postmaster to /api/health 200: ${recoverySeconds.toFixed(1)} s; ${answers.length} requests, ${unavailable.length} answered 503, ${acknowledged.length} writes acknowledged (${acknowledgedBeforeKill} before the kill)`;
    console.log(
      [
        summary,
        ...logger.lines.filter((l) => l.at >= killedAt).map((l) => `+${l.at - killedAt} ms ${l.level} ${l.text}`),
      ].join('\n'),
    );

    // Only successes and 503s, never a 500; every 503 says when to retry and why, in the error format.
    expect(answers.filter((a) => a.status !== 200 && a.status !== 201 && a.status !== 503)).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.retryAfter).toBe(String(RETRY_AFTER_SECONDS));
      expect(answer.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable at the moment; please retry in a few seconds',
      });
    }
    // Every route was refused during the outage and served again after it.
    for (const route of ['POST /customers', 'GET /customers', 'POST /auth/login']) {
      expect(unavailable.some((a) => a.route === route)).toBe(true);
      expect(answers.some((a) => a.route === route && a.at > healthyAt && a.status < 300)).toBe(true);
    }
    expect(recoverySeconds).toBeLessThan(15);

    // No acknowledged write is lost.
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM customers WHERE id = ANY($1)', [
      acknowledged,
    ]);
    expect(count).toBe(acknowledged.length);

    // The supervisor said what happened; the outage was logged in a few lines with counts, without stacks.
    const texts = logger.lines.map((l) => l.text);
    expect(texts.some((l) => l.includes('The embedded PostgreSQL stopped (killed by SIGKILL)'))).toBe(true);
    expect(texts.some((l) => l.includes('The embedded PostgreSQL runs again'))).toBe(true);
    const outageLines = logger.lines.filter((l) => l.text.startsWith('Service unavailable'));
    const outageSeconds = (Date.now() - killedAt) / 1000;
    expect(outageLines.length).toBeGreaterThan(0);
    expect(outageLines.length).toBeLessThanOrEqual(Math.ceil(outageSeconds / 5) + 1);
    expect(logger.lines.filter((l) => /\n\s+at /.test(l.text))).toEqual([]);

    // pg-boss survived and works again: a queued job runs.
    await t.app.get(JobsService).runNow('outage-probe');
    await waitFor('the probe job', () => probeRuns === 1, 20_000);
    expect(unhandled).toEqual([]);
  }, 120_000);
});

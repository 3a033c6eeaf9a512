import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@crm/api/jobs';
// The jobs library's own tests live here: the test helpers are built on it, so a test inside it would make a cycle.
import { createTestApp, createTestDatabase, TestApp } from '@crm/api/testing';

/** Each run of a test job: which job, which instance ran it, and the queue's id of the run. */
const runs: { job: string; instance: string; jobId: string | null }[] = [];

/** Registers the test jobs on an instance: one every minute, one on demand only, one that always fails. */
function registerJobs(jobs: JobsService, instance: string): void {
  jobs.every('tick', '* * * * *', async (jobId) => {
    runs.push({ job: 'tick', instance, jobId });
  });
  jobs.every('on-demand', '0 3 1 1 *', async (jobId, data) => {
    runs.push({ job: 'on-demand', instance, jobId });
    return data;
  });
  jobs.every('always-fails', '0 3 1 1 *', async (jobId) => {
    runs.push({ job: 'always-fails', instance, jobId });
    throw new Error('the gateway refused');
  });
}

@Injectable()
class TestJobs implements OnModuleInit {
  constructor(private readonly jobs: JobsService) {}
  onModuleInit(): void {
    registerJobs(this.jobs, 'app');
  }
}

@Module({ providers: [TestJobs] })
class TestJobsModule {}

/**
 * Two API instances on one database: the test app (jobs started) and a second JobsService with the
 * same jobs. What happened is read from the queue's own tables (`pgboss.*`), polled with a deadline.
 */
describe('JobsService: recurring jobs on pg-boss, across instances', () => {
  let db: { url: string; drop: () => Promise<void> };
  let t: TestApp;
  let second: JobsService;

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(sql, params);

  /** Polls `read` until `done` holds or `ms` have passed; returns the last value read. */
  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
    let value = await read();
    for (const deadline = Date.now() + ms; !done(value) && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      value = await read();
    }
    return value;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await createTestApp([TestJobsModule], { jobs: true, databaseUrl: db.url });
    // The first instance checked the schedules as it started, before its jobs were scheduled; let the
    // second one check them at once as it starts (pg-boss checks at most once per 30 s per database).
    await t.dataSource.query('UPDATE pgboss.version SET cron_on = NULL');
    second = new JobsService({ databaseUrl: db.url, enabled: true });
    registerJobs(second, 'second');
    await second.onApplicationBootstrap();
  });

  afterAll(async () => {
    await second?.onApplicationShutdown();
    await t?.close();
    await db?.drop();
  });

  it('keeps one schedule per job in the database, however many instances schedule it', async () => {
    expect(
      await query(
        `SELECT name, cron, options->>'tz' AS tz FROM pgboss.schedule
          WHERE name IN ('tick', 'on-demand', 'always-fails') ORDER BY name`,
      ),
    ).toEqual([
      { name: 'always-fails', cron: '0 3 1 1 *', tz: 'Asia/Shanghai' },
      { name: 'on-demand', cron: '0 3 1 1 *', tz: 'Asia/Shanghai' },
      { name: 'tick', cron: '* * * * *', tz: 'Asia/Shanghai' },
    ]);
  });

  it('queues one job per tick of the schedule, and each runs once, on one of the two instances', async () => {
    const jobs = await until(
      () => query<{ id: string; state: string }>(`SELECT id, state FROM pgboss.job WHERE name = 'tick' ORDER BY id`),
      (rows) => rows.length > 0 && rows.every((r) => r.state === 'completed'),
    );
    expect(jobs.length).toBeGreaterThan(0);
    // Both instances check the schedules; pg-boss keeps one request per job and minute.
    const requests = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'tick'
        GROUP BY singleton_on`,
    );
    expect(requests.length).toBe(jobs.length);
    expect(requests.every((r) => r.n === 1)).toBe(true);
    // Each tick's job ran exactly once, on one instance, at the first try.
    const ticks = runs.filter((r) => r.job === 'tick');
    expect(ticks.map((r) => r.jobId).sort()).toEqual(jobs.map((j) => j.id).sort());
    expect(ticks.every((r) => r.instance === 'app' || r.instance === 'second')).toBe(true);
    const retried = await query(`SELECT id FROM pgboss.job WHERE name = 'tick' AND retry_count > 0`);
    expect(retried).toEqual([]);
  });

  it('runs a job queued with runNow once, with its data, and reports its state', async () => {
    const jobs = t.app.get(JobsService);
    const id = await jobs.runNow('on-demand', { segmentId: 7 });
    const state = await until(
      () => jobs.state('on-demand', id),
      (s) => s === 'completed',
    );
    expect(state).toBe('completed');
    expect(await second.state('on-demand', id)).toBe('completed');
    expect(runs.filter((r) => r.job === 'on-demand')).toEqual([
      { job: 'on-demand', instance: expect.any(String), jobId: id },
    ]);
    const [job] = await query<{ data: unknown; output: unknown; retry_count: number }>(
      'SELECT data, output, retry_count FROM pgboss.job WHERE id = $1',
      [id],
    );
    expect(job).toEqual({ data: { segmentId: 7 }, output: null, retry_count: 0 });
  });

  it('retries a failing job twice, then records it as failed with the error', async () => {
    const id = await t.app.get(JobsService).runNow('always-fails');
    const [job] = await until(
      () =>
        query<{ state: string; retry_count: number; output: { message?: string } }>(
          'SELECT state, retry_count, output FROM pgboss.job WHERE id = $1',
          [id],
        ),
      ([row]) => row?.state === 'failed',
      30_000,
    );
    expect(job).toMatchObject({ state: 'failed', retry_count: 2, output: { message: 'the gateway refused' } });
    expect(runs.filter((r) => r.job === 'always-fails')).toHaveLength(3);
    expect(runs.filter((r) => r.job === 'always-fails').every((r) => r.jobId === id)).toBe(true);
  });

  it('refuses to queue a job when the queue is not running', async () => {
    const stopped = new JobsService({ databaseUrl: db.url, enabled: false });
    await expect(stopped.runNow('on-demand')).rejects.toThrow('Background jobs are not running');
    expect(await stopped.state('on-demand', '00000000-0000-0000-0000-000000000000')).toBeNull();
  });
});

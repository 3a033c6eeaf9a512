// Platform test at the app: the test helpers of @crm/api/testing are built on @crm/api/jobs.
import { createTestDatabase } from '@crm/api/testing';
import { Client } from 'pg';
import { JobsService } from '@crm/api/jobs';

/** Two API instances on one database, each with the same job registered. */
describe('background jobs on PostgreSQL', () => {
  let db: { url: string; drop: () => Promise<void> };
  let client: Client;
  const instances: JobsService[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE TABLE job_runs (instance int NOT NULL, at timestamptz NOT NULL DEFAULT now())');
    for (const instance of [1, 2]) {
      const jobs = new JobsService({ databaseUrl: db.url, enabled: true });
      jobs.every('count-runs', '0 3 * * *', async () => {
        await client.query('INSERT INTO job_runs (instance) VALUES ($1)', [instance]);
      });
      await jobs.onApplicationBootstrap();
      instances.push(jobs);
    }
  });

  afterAll(async () => {
    for (const jobs of instances) await jobs.onApplicationShutdown();
    await client.end();
    await db.drop();
  });

  it('runs a queued job exactly once however many instances work the queue', async () => {
    const id = await instances[0].runNow('count-runs');
    // The queue's own record of the job, polled until it is completed (10 s at most).
    let state: string | null = null;
    for (const deadline = Date.now() + 10_000; state !== 'completed' && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await client.query('SELECT state FROM pgboss.job WHERE id = $1', [id])).rows[0]?.state ?? null;
    }
    expect(state).toBe('completed');
    expect(await instances[1].state('count-runs', id)).toBe('completed');
    // One job of the name, completed on its first try, and none left to be run again by either instance.
    const jobs = await client.query(
      `SELECT state, singleton_key, retry_count, count(*)::int AS n FROM pgboss.job WHERE name = 'count-runs'
        GROUP BY state, singleton_key, retry_count`,
    );
    expect(jobs.rows).toEqual([{ state: 'completed', singleton_key: null, retry_count: 0, n: 1 }]);
    const runs = await client.query('SELECT count(*)::int AS n FROM job_runs');
    expect(runs.rows[0].n).toBe(1);
  });

  it('keeps one schedule per job, not one per instance', async () => {
    const schedules = await client.query(`SELECT name, cron FROM pgboss.schedule`);
    expect(schedules.rows).toEqual([{ name: 'count-runs', cron: '0 3 * * *' }]);
  });
});

import { UsersService } from '@crm/api/auth';
import { withDataSource } from '@crm/api/database';
import {
  createTestDatabase,
  CUSTOMER_IMPORT_HEADER,
  customerBody,
  customerImportLine,
  TEST_PASSWORD,
  TEST_USERS,
} from '@crm/api/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** One API process of the cluster under test, started from the sources (tools/test/run-ts.cjs). */
interface Instance {
  name: string;
  role: 'http' | 'worker';
  port: number;
  url: string;
  child?: ChildProcess;
  /** Everything it wrote to stdout and stderr, over all its starts. */
  output: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Body = any;

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `error` (of fetch) is a refused connection: nothing listens on the port. */
const refused = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';

/**
 * Several API processes on one database (issue 19): two `http` instances, A and B, and one `worker`, with neither
 * JWT_SECRET nor a shared DATA_DIR. Requests alternate between the instances, as a load balancer would send them.
 */
describe('several API instances on one database', () => {
  let database: { url: string; drop: () => Promise<void> };
  let a: Instance;
  let b: Instance;
  let worker: Instance;
  /** Each start's DATA_DIR: a directory of its own, so that nothing but the database is shared. */
  const dataDirs: string[] = [];

  const start = async (instance: Instance): Promise<void> => {
    const dataDir = mkdtempSync(join(tmpdir(), `crm-${instance.name}-`));
    dataDirs.push(dataDir);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url,
      API_ROLE: instance.role,
      PORT: String(instance.port),
      DATA_DIR: dataDir,
      SEED: 'none',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_SECONDS: '10',
    };
    delete env['JWT_SECRET'];
    const child = spawn(process.execPath, ['-r', './tools/test/run-ts.cjs', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    instance.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (instance.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (instance.output += chunk.toString()));
    const until = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${instance.name} exited at start:\n${instance.output}`);
      try {
        if ((await fetch(`${instance.url}/api/health`)).status === 200) return;
      } catch (error) {
        if (!refused(error)) throw error;
      }
      if (Date.now() > until) throw new Error(`${instance.name} did not start:\n${instance.output}`);
      await sleep(100);
    }
  };

  /** Sends SIGTERM and waits for the exit; returns its code and how long stopping took. */
  const stop = async (instance: Instance): Promise<{ code: number | null; ms: number }> => {
    const child = instance.child as ChildProcess;
    const started = Date.now();
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return { code, ms: Date.now() - started };
  };

  const call = async (
    instance: Instance,
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Body }> => {
    const headers: Record<string, string> = {};
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${instance.url}/api${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  const login = async (instance: Instance, username: string, password = TEST_PASSWORD) =>
    call(instance, 'POST', '/auth/login', { body: { username, password } });

  const tokenOf = async (instance: Instance, username: string): Promise<string> => {
    const res = await login(instance, username);
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await withDataSource(database.url, (ds) =>
      ds.transaction((manager) =>
        UsersService.createUsers(
          manager,
          TEST_USERS.map((u) => ({ ...u, password: TEST_PASSWORD })),
        ),
      ),
    );
    const instance = async (name: string, role: Instance['role']): Promise<Instance> => {
      const port = await freePort();
      return { name, role, port, url: `http://127.0.0.1:${port}`, output: '' };
    };
    [a, b, worker] = [await instance('a', 'http'), await instance('b', 'http'), await instance('worker', 'worker')];
    // The first start transpiles the sources into run-ts's cache; the two after it read them from there.
    await start(worker);
    await Promise.all([start(a), start(b)]);
  }, 180_000);

  afterAll(async () => {
    for (const instance of [a, b, worker]) {
      if (instance?.child && instance.child.exitCode === null) instance.child.kill('SIGKILL');
    }
    await database?.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('signs with one secret kept in the database: a token from A works on B', async () => {
    const token = await tokenOf(a, 'leader');
    const me = await call(b, 'GET', '/auth/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('leader');
    const [row] = await withDataSource(database.url, (ds) => ds.query('SELECT count(*)::int AS n FROM jwt_secret'));
    expect(row.n).toBe(1);
  });

  it('counts failed logins on every instance: 5 on A, then B answers 429', async () => {
    for (let i = 0; i < 5; i++) expect((await login(a, 'marketing', 'wrong-password')).status).toBe(401);
    expect((await login(b, 'marketing')).status).toBe(429);
  });

  it('refuses a token on B within 5 s of its user being deactivated on A', async () => {
    const auditor = await tokenOf(b, 'auditor');
    const admin = await tokenOf(a, 'admin');
    expect((await call(b, 'GET', '/auth/me', { token: auditor })).status).toBe(200); // now in B's cache
    const users = await call(a, 'GET', '/users?search=auditor', { token: admin });
    const account = users.body.items.find((u: Body) => u.username === 'auditor');
    const deactivated = Date.now();
    const patched = await call(a, 'PATCH', `/users/${account.id}`, {
      token: admin,
      body: { active: false, version: account.version },
    });
    expect(patched.status).toBe(200);
    expect((await call(a, 'GET', '/auth/me', { token: auditor })).status).toBe(401);
    while ((await call(b, 'GET', '/auth/me', { token: auditor })).status === 200) await sleep(100);
    expect((await call(b, 'GET', '/auth/me', { token: auditor })).status).toBe(401);
    expect(Date.now() - deactivated).toBeLessThan(5000 + 1000);
  });

  it('shows on B a customer imported on A', async () => {
    const c = customerBody();
    const line = customerImportLine({ ...c, contactName: '王芳', contactPhone: '0577-88881234' });
    const form = new FormData();
    form.append('file', new Blob([`${CUSTOMER_IMPORT_HEADER}\n${line}\n`]), 'customers.csv');
    const imported = await fetch(`${a.url}/api/import/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenOf(a, 'admin')}` },
      body: form,
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ inserted: 1 });
    const found = await call(b, 'GET', `/customers?search=${c['accountNo']}`, { token: await tokenOf(b, 'leader') });
    expect(found.status).toBe(200);
    expect(found.body.items.map((x: Body) => x.name)).toEqual([c['name']]);
  });

  it('runs a job queued on A once, on the worker, which serves nothing but its health', async () => {
    const leader = await tokenOf(a, 'leader');
    const queued = await call(a, 'POST', '/scoring/recompute', { token: leader });
    expect(queued.status).toBe(202);
    const until = Date.now() + 30_000;
    let job: Body;
    do {
      await sleep(200);
      job = (await call(b, 'GET', `/scoring/jobs/${queued.body.jobId}`, { token: leader })).body;
    } while (job.state !== 'completed' && Date.now() < until);
    expect(job.state).toBe('completed');
    const done = (instance: Instance) =>
      instance.output.split('\n').filter((l) => l.includes('scoring-recompute done'));
    expect(done(worker)).toHaveLength(1);
    expect([...done(a), ...done(b)]).toEqual([]);
    // The schedules live in the database, one per job whatever the number of instances, kept by the worker.
    const schedules = await withDataSource(database.url, (ds) =>
      ds.query(`SELECT name FROM pgboss.schedule WHERE name = 'scoring-recompute'`),
    );
    expect(schedules).toHaveLength(1);
    expect((await fetch(`${worker.url}/api/health`)).status).toBe(200);
    const elsewhere = await call(worker, 'GET', '/customers', { token: leader });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('loses no request in a rolling restart of A then B under a stream of requests', async () => {
    const token = await tokenOf(a, 'leader');
    /** A GET on a connection of its own, as a load balancer without keep-alive to its upstreams sends it. */
    const get = (instance: Instance, path: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${instance.url}/api${path}`, {
          agent: false,
          headers: { authorization: `Bearer ${token}` },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          // A response broken after its status line is never retried: it is a failed request.
          res.on('error', (error) => reject(new Error(`response broken: ${error.message}`)));
        });
        req.on('error', reject);
        req.end();
      });
    const results: { status: number; instance: string }[] = [];
    const failures: string[] = [];
    let running = true;
    // Four clients, each alternating A and B, a request every 25 ms or so. A GET whose connection was refused (the
    // instance is down) or reset before any answer (it reached the listening socket's queue just as the instance
    // closed it) goes to the other one, as a load balancer retries an idempotent request (HAProxy `retry-on
    // conn-failure empty-response`, nginx `proxy_next_upstream error`). Anything else (a 5xx, a reset or broken
    // response after its status line, a non-zero exit) is a failed request.
    const client = async (first: number) => {
      for (let i = first; running; i++) {
        const [target, other] = i % 2 ? [a, b] : [b, a];
        try {
          let answered = target;
          let status: number;
          try {
            status = await get(target, '/customers?pageSize=5');
          } catch (error) {
            if (!['ECONNREFUSED', 'ECONNRESET'].includes((error as { code?: string }).code ?? '')) throw error;
            answered = other;
            status = await get(other, '/customers?pageSize=5');
          }
          results.push({ status, instance: answered.name });
          if (status !== 200) failures.push(`HTTP ${status} from ${answered.name}`);
        } catch (error) {
          failures.push(String(error));
        }
        await sleep(25); // a steady stream, not a load test: the CPU goes to the restarts
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    await sleep(500);
    const stopA = await stop(a);
    await start(a);
    await sleep(500);
    const stopB = await stop(b);
    await start(b);
    await sleep(500);
    running = false;
    await Promise.all(clients);
    console.log(
      `rolling restart: ${results.length} requests, A stopped in ${stopA.ms} ms, B in ${stopB.ms} ms, ` +
        `failures: ${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect([stopA.code, stopB.code]).toEqual([0, 0]);
    expect(a.output).toContain('SIGTERM: stopping');
    expect(results.filter((r) => r.instance === 'a').length).toBeGreaterThan(10);
    expect(results.filter((r) => r.instance === 'b').length).toBeGreaterThan(10);
  }, 180_000);
});

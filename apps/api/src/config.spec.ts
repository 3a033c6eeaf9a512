import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legacyJwtSecret, readConfig } from './config';

describe('readConfig', () => {
  it('has working defaults for a newcomer', () => {
    const { config, errors } = readConfig({});
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      port: 3000,
      role: 'all',
      shutdownTimeoutSeconds: 10,
      seed: 'auto',
      jwtExpiresIn: '8h',
      logLevel: 'info',
    });
    expect(config?.databaseUrl).toBeUndefined();
    expect(config?.dataDir).toMatch(/\.data$/);
  });

  it('names every bad variable at once', () => {
    const { config, errors } = readConfig({
      PORT: 'eighty',
      API_ROLE: 'cron',
      SHUTDOWN_TIMEOUT_SECONDS: '0',
      DATABASE_URL: 'mysql://x',
      SEED: 'lots',
      JWT_SECRET: 'short',
      JWT_EXPIRES_IN: 'forever',
      LOG_LEVEL: 'loud',
    });
    expect(config).toBeUndefined();
    expect(errors.map((e) => e.split(' ')[0])).toEqual([
      'PORT',
      'API_ROLE',
      'SHUTDOWN_TIMEOUT_SECONDS',
      'DATABASE_URL',
      'SEED',
      'JWT_SECRET',
      'JWT_EXPIRES_IN',
      'LOG_LEVEL',
    ]);
  });

  it('accepts an external database', () => {
    const { config } = readConfig({ DATABASE_URL: 'postgres://u:p@db:5432/crm', SEED: 'demo', PORT: '8080' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/crm', seed: 'demo', port: 8080 });
  });

  it('takes the process role and the shutdown timeout', () => {
    const { config } = readConfig({ API_ROLE: 'worker', SHUTDOWN_TIMEOUT_SECONDS: '30' });
    expect(config).toMatchObject({ role: 'worker', shutdownTimeoutSeconds: 30 });
    expect(readConfig({ API_ROLE: 'http' }).config?.role).toBe('http');
  });

  it('takes a read replica for exports and reports, checked like DATABASE_URL', () => {
    const url = 'postgres://u:p@replica:5432/crm';
    expect(readConfig({ DATABASE_READ_URL: url }).config?.databaseReadUrl).toBe(url);
    expect(readConfig({}).config?.databaseReadUrl).toBeUndefined();
    expect(readConfig({ DATABASE_READ_URL: 'replica:5432' }).errors).toEqual([
      'DATABASE_READ_URL must look like postgres://user:password@host:5432/database',
    ]);
  });

  it('finds the JWT secret an older version kept in DATA_DIR, when there is one', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-config-'));
    const { config } = readConfig({ DATA_DIR: dataDir });
    if (!config) throw new Error('the configuration should be valid');
    expect(legacyJwtSecret(config)).toBeUndefined();
    writeFileSync(join(dataDir, 'jwt-secret'), 'an-old-secret-of-more-than-32-characters\n');
    expect(legacyJwtSecret(config)).toBe('an-old-secret-of-more-than-32-characters');
  });
});

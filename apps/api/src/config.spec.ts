import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtSecretOf, readConfig } from './config';

describe('readConfig', () => {
  it('has working defaults for a newcomer', () => {
    const { config, errors } = readConfig({});
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ port: 3000, seed: 'auto', jwtExpiresIn: '8h', logLevel: 'info' });
    expect(config?.databaseUrl).toBeUndefined();
    expect(config?.dataDir).toMatch(/\.data$/);
  });

  it('names every bad variable at once', () => {
    const { config, errors } = readConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      SEED: 'lots',
      JWT_SECRET: 'short',
      JWT_EXPIRES_IN: 'forever',
      LOG_LEVEL: 'loud',
    });
    expect(config).toBeUndefined();
    expect(errors.map((e) => e.split(' ')[0])).toEqual([
      'PORT',
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

  it('takes a read replica for exports and reports, checked like DATABASE_URL', () => {
    const url = 'postgres://u:p@replica:5432/crm';
    expect(readConfig({ DATABASE_READ_URL: url }).config?.databaseReadUrl).toBe(url);
    expect(readConfig({}).config?.databaseReadUrl).toBeUndefined();
    expect(readConfig({ DATABASE_READ_URL: 'replica:5432' }).errors).toEqual([
      'DATABASE_READ_URL must look like postgres://user:password@host:5432/database',
    ]);
  });

  it('keeps a generated JWT secret in DATA_DIR, creating it when only DATABASE_URL is set', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'crm-config-')), 'not-yet');
    const { config } = readConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://u:p@localhost/crm' });
    if (!config) throw new Error('the configuration should be valid');
    const secret = jwtSecretOf(config);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8')).toBe(secret);
    expect(jwtSecretOf(config)).toBe(secret);
  });
});

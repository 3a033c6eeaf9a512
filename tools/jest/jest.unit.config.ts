import type { Config } from 'jest';
import { getJestProjectsAsync } from '@nx/jest';
import { join } from 'node:path';

/** Every project's unit tests (`*.spec.ts`), and the tools' (not Nx projects), in one Jest run. */
export default async (): Promise<Config> => ({
  rootDir: join(__dirname, '..', '..'),
  projects: [...(await getJestProjectsAsync()), '<rootDir>/tools/bench/jest.config.cts', '<rootDir>/tools/test/jest.config.cts'],
});

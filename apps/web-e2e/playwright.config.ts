import { defineConfig } from '@playwright/test';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Browser tests in Debian's chromium (`npx playwright install` cannot work on our machines) against
 * the built app, started as `npm start` starts it, on a fresh embedded database with the demo data.
 */
const root = join(__dirname, '..', '..');
const port = Number(process.env['E2E_PORT'] ?? 4310);
const dataDir = join(root, 'test-output', 'e2e-data');
// Playwright loads this file again in each worker: only the main process starts from an empty directory.
if (!process.env['TEST_WORKER_INDEX']) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
}

export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.ts',
  outputDir: join(root, 'test-output', 'e2e-results'),
  timeout: 60_000,
  workers: 1,
  // A stray test.only would silently shrink the run: refuse it (tools/test/run-all.mjs also scans the sources).
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: join(root, 'test-output', 'e2e.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node dist/apps/api/main.js',
    cwd: root,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  },
});

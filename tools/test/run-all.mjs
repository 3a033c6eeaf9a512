#!/usr/bin/env node
// `npm test`: builds the apps, then runs every test runner (unit, API integration, browser) and ends
// with one line `N passed, N failed` summing all of them. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  return result.status === 0;
}

/** Counts from a Jest --json report, or one failure when the runner died before writing it. */
function jestCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to run (compile error, setup error) has no test results: count it as failed.
  return { passed: r.numPassedTests, failed: r.numFailedTests + r.numRuntimeErrorTestSuites };
}

/** Counts from Playwright's JSON reporter. */
function playwrightCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const { stats, errors } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (errors?.length ?? 0) };
}

const results = [];
const only = process.argv[2]; // optional: unit | integration | e2e

if (!only || only === 'unit') {
  const file = join(out, 'unit.json');
  rmSync(file, { force: true });
  run('unit tests', bin('jest'), ['-c', 'tools/jest/jest.unit.config.ts', '--json', `--outputFile=${file}`]);
  results.push(['unit', jestCounts(file)]);
}
if (!only || only === 'integration') {
  const file = join(out, 'integration.json');
  rmSync(file, { force: true });
  run('API integration tests', bin('jest'), [
    '-c',
    'tools/jest/jest.integration.config.ts',
    '--json',
    `--outputFile=${file}`,
  ]);
  results.push(['integration', jestCounts(file)]);
}
if (!only || only === 'e2e') {
  const file = join(out, 'e2e.json');
  rmSync(file, { force: true });
  const built = run('build the apps', bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2']);
  if (built) run('browser tests', bin('playwright'), ['test', '-c', 'apps/web-e2e/playwright.config.ts']);
  results.push(['browser', playwrightCounts(file)]);
}

let passed = 0;
let failed = 0;
console.log('');
for (const [name, counts] of results) {
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

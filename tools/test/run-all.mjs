#!/usr/bin/env node
// `npm test`: lint, then every test runner (unit, API integration, browser), ending with one line
// `N passed, N failed` whose failures count everything that should stop a change from landing:
// failed tests, skipped or unrun tests, a runner that exited non-zero, a runner that ran fewer tests
// than its floor (tools/test/floors.json), a focused or skipped test in the sources, and a lint failure.
// Each such problem is printed on a line of its own that says why. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { focusedOrSkipped, jestCounts, judge, playwrightCounts } from './runner-results.cjs';

const root = join(import.meta.dirname, '..', '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const floors = JSON.parse(readFileSync(join(import.meta.dirname, 'floors.json'), 'utf8'));

/**
 * Runs a command with inherited output; returns its exit code (a signal counts as 1). Nx runs its plugins in
 * the same process: with plugin workers it can wait minutes after its last task before it exits (nx#31133).
 */
function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_ISOLATE_PLUGINS: 'false' },
  });
  return result.status ?? 1;
}

/** Reads a runner's JSON report, or undefined when the runner died before writing it. */
function report(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Runs the Jest suites of `config` (titled `title`) and judges them as `name` against its floor. */
function jestSuites(name, title, config) {
  const file = join(out, `${name}.json`);
  rmSync(file, { force: true });
  const exitCode = run(title, bin('jest'), ['-c', config, '--ci', '--json', `--outputFile=${file}`]);
  results.push(judge(name, jestCounts(report(file)), exitCode, floors[name]));
}

const only = process.argv[2]; // optional: lint | unit | integration | e2e
const wanted = (name) => !only || only === name;
/** [{name, passed, failed, skipped, exitCode, problems[]}] */
const results = [];

const sourceProblems = focusedOrSkipped(root);
if (sourceProblems.length)
  results.push({ name: 'sources', passed: 0, failed: sourceProblems.length, problems: sourceProblems });

if (wanted('lint')) {
  const exitCode = run('lint', 'npm', ['run', 'lint']);
  results.push({
    name: 'lint',
    passed: 0,
    failed: exitCode === 0 ? 0 : 1,
    problems: exitCode === 0 ? [] : ['lint failed: see the eslint output above'],
  });
}
if (wanted('unit')) jestSuites('unit', 'unit tests', 'tools/jest/jest.unit.config.ts');
if (wanted('integration')) jestSuites('integration', 'API integration tests', 'tools/jest/jest.integration.config.ts');
if (wanted('e2e')) {
  const file = join(out, 'e2e.json');
  rmSync(file, { force: true });
  const built = run('build the apps', bin('nx'), ['run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2']);
  const exitCode =
    built === 0
      ? // The screenshot set (`npm run screenshots`) is not part of the run: CI time.
        run('browser tests', bin('playwright'), [
          'test',
          '-c',
          'apps/web-e2e/playwright.config.ts',
          '--grep-invert',
          '@screenshots',
        ])
      : built;
  const counts = built === 0 ? playwrightCounts(report(file)) : undefined;
  const result = judge('browser', counts, exitCode, floors.browser);
  if (built !== 0) result.problems.unshift('the apps did not build');
  results.push(result);
}

let passed = 0;
let failed = 0;
console.log('');
for (const r of results) {
  const skipped = r.skipped === undefined ? '' : `, ${r.skipped} skipped`;
  const exit = r.exitCode === undefined ? '' : ` (exit ${r.exitCode})`;
  console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${skipped}${exit}`);
  for (const problem of r.problems) console.log(`  FAIL ${r.name}: ${problem}`);
  passed += r.passed;
  failed += r.failed;
}
if (passed === 0 && failed === 0) {
  console.log('  FAIL: no test ran');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

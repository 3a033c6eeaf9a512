// Pure functions of `npm test`'s arithmetic (tools/test/run-all.mjs), kept apart so they have unit tests.
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

/** Counts of a Jest `--json` report; undefined when the runner died before writing one. */
function jestCounts(report) {
  if (!report) return undefined;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    // pending = skipped or not run because another test of the file is focused; todo = `it.todo`
    skipped: report.numPendingTests + report.numTodoTests,
    // a suite that failed to run (compile error, setup error) has no test results of its own
    brokenSuites: report.numRuntimeErrorTestSuites,
    interrupted: report.wasInterrupted ? 1 : 0,
  };
}

/** Counts of Playwright's JSON reporter, walking every test so interrupted and unrun ones are seen. */
function playwrightCounts(report) {
  if (!report) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0, brokenSuites: report.errors?.length ?? 0, interrupted: 0 };
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const statuses = (test.results ?? []).map((r) => r.status);
        if (statuses.includes('interrupted')) counts.interrupted++;
        else if (test.status === 'expected' || test.status === 'flaky') counts.passed++;
        else if (test.status === 'unexpected') counts.failed++;
        else counts.skipped++; // skipped, or never run
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return counts;
}

/**
 * One runner's line of the closing arithmetic: its failures are its failed tests plus one for each
 * other reason it must not pass (skipped or interrupted tests, a broken suite, a non-zero exit, fewer
 * tests than its floor), each with a problem line that says why.
 */
function judge(name, counts, exitCode, floor) {
  if (!counts) {
    return {
      name,
      passed: 0,
      failed: 1,
      skipped: 0,
      exitCode,
      problems: [`the runner wrote no report (exit ${exitCode}): it found no tests, or died before the end`],
    };
  }
  const problems = [];
  let failed = counts.failed;
  if (counts.failed) problems.push(`${counts.failed} test(s) failed`);
  if (counts.skipped) {
    problems.push(
      `${counts.skipped} test(s) skipped or not run (a focused .only elsewhere in the file, .skip, .todo or fixme)`,
    );
    failed += counts.skipped;
  }
  if (counts.interrupted) {
    problems.push(`${counts.interrupted} test(s) interrupted`);
    failed += counts.interrupted;
  }
  if (counts.brokenSuites) {
    problems.push(`${counts.brokenSuites} suite(s) or file(s) could not run`);
    failed += counts.brokenSuites;
  }
  const ran = counts.passed + counts.failed;
  if (ran === 0) {
    problems.push('the runner found no tests');
    failed += 1;
  } else if (ran < floor) {
    problems.push(`ran ${ran} tests, fewer than its floor of ${floor} in tools/test/floors.json`);
    failed += 1;
  }
  if (exitCode !== 0 && failed === 0) {
    problems.push(`the runner exited with ${exitCode} although no test failed`);
    failed += 1;
  }
  return { name, passed: counts.passed, failed, skipped: counts.skipped, exitCode, problems };
}

const TEST_FILE = /\.(spec|int-spec|e2e)\.[cm]?[jt]s$/;
// it.only, test.only, describe.only, fit, fdescribe, and their skipping kin: none may land.
const FOCUS_OR_SKIP = /\b(?:(?:it|test|describe)\.(?:only|skip|todo|fixme)|fit|fdescribe|xit|xtest|xdescribe)\s*\(/;

/** `file:line: text` of every focused or skipped test in the test files under apps/, libs/ and tools/. */
function focusedOrSkipped(root) {
  const problems = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (TEST_FILE.test(entry.name)) {
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (FOCUS_OR_SKIP.test(line))
              problems.push(`${relative(root, path)}:${i + 1}: focused or skipped test: ${line.trim()}`);
          });
      }
    }
  };
  for (const top of ['apps', 'libs', 'tools']) visit(join(root, top));
  return problems;
}

module.exports = { jestCounts, playwrightCounts, judge, focusedOrSkipped };

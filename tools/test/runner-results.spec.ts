import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const { focusedOrSkipped, jestCounts, judge, playwrightCounts } = require('./runner-results.cjs');

const jestReport = (over: Record<string, unknown> = {}) => ({
  numPassedTests: 10,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  numRuntimeErrorTestSuites: 0,
  wasInterrupted: false,
  ...over,
});

describe('judge', () => {
  it('passes a clean runner at or above its floor', () => {
    expect(judge('unit', jestCounts(jestReport()), 0, 10)).toEqual({
      name: 'unit',
      passed: 10,
      failed: 0,
      skipped: 0,
      exitCode: 0,
      problems: [],
    });
  });

  it('counts each skipped test as a failure and says why', () => {
    const result = judge('unit', jestCounts(jestReport({ numPendingTests: 2 })), 0, 1);
    expect(result.failed).toBe(2);
    expect(result.problems).toEqual([expect.stringContaining('2 test(s) skipped or not run')]);
  });

  it('fails a runner that found no tests', () => {
    const result = judge('integration', jestCounts(jestReport({ numPassedTests: 0 })), 0, 0);
    expect(result.failed).toBe(1);
    expect(result.problems).toEqual(['the runner found no tests']);
  });

  it('fails a runner below its floor', () => {
    const result = judge('unit', jestCounts(jestReport({ numPassedTests: 9 })), 0, 10);
    expect(result.failed).toBe(1);
    expect(result.problems).toEqual(['ran 9 tests, fewer than its floor of 10 in tools/test/floors.json']);
  });

  it('fails a non-zero exit even when every test passed', () => {
    const result = judge('unit', jestCounts(jestReport()), 1, 10);
    expect(result.failed).toBe(1);
    expect(result.problems).toEqual(['the runner exited with 1 although no test failed']);
  });

  it('fails a runner that wrote no report', () => {
    expect(judge('browser', undefined, 137, 5)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('counts broken suites and an interrupted run', () => {
    const result = judge('unit', jestCounts(jestReport({ numRuntimeErrorTestSuites: 1, wasInterrupted: true })), 1, 1);
    expect(result.failed).toBe(2);
  });
});

describe('playwrightCounts', () => {
  it('walks nested suites and tells passed, failed, skipped and interrupted tests apart', () => {
    const test = (status: string, result = 'passed') => ({ status, results: [{ status: result }] });
    const report = {
      errors: [],
      suites: [
        {
          specs: [{ tests: [test('expected'), test('unexpected', 'failed')] }],
          suites: [
            { specs: [{ tests: [test('skipped', 'skipped'), test('unexpected', 'interrupted'), test('flaky')] }] },
          ],
        },
      ],
    };
    expect(playwrightCounts(report)).toEqual({ passed: 2, failed: 1, skipped: 1, brokenSuites: 0, interrupted: 1 });
  });
});

describe('focusedOrSkipped', () => {
  it('finds a focused and a skipped test in test files, and nothing in other files', () => {
    const root = mkdtempSync(join(tmpdir(), 'runner-'));
    mkdirSync(join(root, 'libs', 'a'), { recursive: true });
    mkdirSync(join(root, 'apps'));
    mkdirSync(join(root, 'tools'));
    const only = ['it', 'only'].join('.');
    const skip = ['describe', 'skip'].join('.');
    writeFileSync(join(root, 'libs', 'a', 'x.spec.ts'), `it('a', () => 1);\n${only}('b', () => 1);\n`);
    writeFileSync(join(root, 'apps', 'y.e2e.ts'), `${skip}('c', () => 1);\n`);
    writeFileSync(join(root, 'tools', 'z.ts'), `${only}('not a test file', () => 1);\n`);
    expect(focusedOrSkipped(root)).toEqual([
      `apps/y.e2e.ts:1: focused or skipped test: ${skip}('c', () => 1);`,
      `libs/a/x.spec.ts:2: focused or skipped test: ${only}('b', () => 1);`,
    ]);
  });
});

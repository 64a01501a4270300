/**
 * The unit phase's self-check (scripts/unit-report.mjs) on real runs of the
 * unit workers (scripts/unit-worker.cjs) under `node --test`, over two small
 * test files: with the workers as they are, every file's suite is reported at
 * top level with its tests counted and the check finds nothing; with a worker
 * whose next suite is declared without the AsyncResource binding (what the
 * workers would get if node:test stopped taking a bound callback's suite as a
 * top-level one), the second file never runs and the check names it. The
 * check's other rules are shown on reports written by hand.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const WORKER = join(root, 'scripts', 'unit-worker.cjs');
const REPORTER = join(root, 'scripts', 'unit-report.mjs');

interface TopLevel {
  name: string;
  suite: boolean;
  failed: boolean;
  tests: number;
}
interface UnitReport {
  top: TopLevel[];
  plan?: number;
  anomalies: string[];
}
interface UnitReportModule {
  checkUnitReport(names: string[], report: UnitReport): string[];
}

const FILES: Record<string, string> = {
  'a.test.cjs': "const { describe, test } = require('node:test');\ntest('a1', () => {});\ndescribe('group', () => { test('a2', () => {}); test('a3', () => {}); });\n",
  'b.test.cjs': "const { test } = require('node:test');\ntest('b1', () => {});\n",
};

describe('the unit phase self-check', () => {
  let dir: string;
  let check: UnitReportModule['checkUnitReport'];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smtp-eml-unit-report-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    ({ checkUnitReport: check } = (await import(pathToFileURL(REPORTER).href)) as UnitReportModule);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the two files through `worker` (source text) as scripts/test.mjs does, with one worker; returns the report. */
  function runWorkers(label: string, worker: string): { report: UnitReport; status: number | null; names: string[] } {
    const queue = join(dir, label);
    rmSync(queue, { recursive: true, force: true });
    mkdirSync(queue, { recursive: true });
    const names = Object.keys(FILES);
    writeFileSync(join(queue, 'files.json'), JSON.stringify(names.map((name) => ({ name, path: join(dir, name) }))));
    const entry = join(queue, 'worker-1.cjs');
    writeFileSync(entry, worker);
    const reportFile = join(queue, 'report.json');
    // A run of its own, not a child of this test's runner (which node:test tells its children by NODE_TEST_CONTEXT).
    const env: NodeJS.ProcessEnv = { ...process.env, UNIT_QUEUE: queue };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${REPORTER}`, `--test-reporter-destination=${reportFile}`, entry], { env, encoding: 'utf8' });
    return { report: JSON.parse(readFileSync(reportFile, 'utf8')) as UnitReport, status: r.status, names };
  }

  test('the workers as they are: each file a top-level suite with its tests counted, no problem', () => {
    const { report, status, names } = runWorkers('bound', `require(${JSON.stringify(WORKER)});\n`);
    assert.equal(status, 0);
    assert.deepEqual(report.top, [
      { name: 'a.test.cjs', suite: true, failed: false, tests: 3 },
      { name: 'b.test.cjs', suite: true, failed: false, tests: 1 },
    ]);
    assert.equal(report.plan, 2);
    assert.deepEqual(check(names, report), []);
  });

  test('a worker whose next suite is not bound to the top level: the second file never runs, and the check names it', () => {
    const source = readFileSync(WORKER, 'utf8');
    const unbound = source.replace('const runNext = AsyncResource.bind(() => {', 'const runNext = (() => {');
    assert.notEqual(unbound, source, 'the worker no longer declares runNext as this test expects');
    const { report, names } = runWorkers('unbound', unbound);
    const problems = check(names, report);
    assert.ok(problems.some((p) => p.startsWith('b.test.cjs: no top-level suite')), problems.join('\n'));
    assert.ok(!problems.some((p) => p.startsWith('a.test.cjs')), problems.join('\n'));
  });

  test('the rules on reports written by hand: nested or missing, twice, not a suite, no tests, a stranger, the count, an anomaly', () => {
    const suite = (name: string, tests = 1, failed = false): TopLevel => ({ name, suite: true, failed, tests });
    const names = ['a', 'b'];
    assert.deepEqual(check(names, { top: [suite('a'), suite('b')], plan: 2, anomalies: [] }), []);
    // A suite that failed (its file threw while loading) may have no tests: the failure already fails the phase.
    assert.deepEqual(check(names, { top: [suite('a'), suite('b', 0, true)], plan: 2, anomalies: [] }), []);
    assert.deepEqual(check(names, { top: [suite('a')], plan: 1, anomalies: [] }), [
      'b: no top-level suite of its tests was reported (declared inside another suite, or never run)',
      'the run counted 1 top-level tests for 2 files',
    ]);
    assert.deepEqual(check(names, { top: [suite('a'), suite('a'), { ...suite('b'), suite: false }], plan: 2, anomalies: [] }), [
      'a: reported 2 times at top level',
      'b: reported at top level, but not as a suite',
    ]);
    assert.deepEqual(check(names, { top: [suite('a'), suite('b', 0), suite('/tmp/worker-1.cjs', 0, true)], plan: 2, anomalies: ['b started while a was being reported'] }), [
      'b: its suite passed with no test counted in it',
      "a top-level test that is no file's suite: /tmp/worker-1.cjs (failed)",
      'b started while a was being reported',
    ]);
  });
});

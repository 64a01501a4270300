// The README's test command (`npm test`) and what `.ci/run` calls.
// Phases: compile (esbuild: the TypeScript files into out/, and the bundles), lint (the type check,
// `tsc --noEmit` of the project and of the webview script, then eslint.config.mjs), unit (node:test over out/test/**/*.test.js,
// pure and in-process, run by one worker process per core: scripts/unit-worker.cjs), integration (the tests that open sockets or spawn processes:
// real SMTP servers, fault servers with their timeouts, the CLI and the server as
// child processes), grammar (vscode-tmgrammar-test + snapshots), package (the
// production build packed by vsce, offline: under 1 MB and holding every file the
// extension loads; it leaves dist/ as shipped, so the e2e phase after it drives the
// production bundles), e2e (code-server + Chromium). `node scripts/test.mjs unit grammar` runs only the named phases.
// Node 20's `node --test` has no globs, so the files are found here and listed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { checkUnitReport } from './unit-report.mjs';

const root = new URL('..', import.meta.url).pathname;
const asked = process.argv.slice(2);
const phases = asked.length ? asked : ['lint', 'unit', 'integration', 'grammar', 'package', 'e2e'];

/**
 * Test files of the integration phase, by path under out/test: real sockets and
 * child processes, whose waits (timeouts, process start-up) would make the unit
 * phase slow, and the two sweeps that take seconds of CPU each (every corpus
 * file through every server feature; the grammars over a 1 MB line and a 10 MB
 * message). Everything else is a unit test.
 */
const INTEGRATION = [
  /^send\//,
  /^cli\//,
  /^mail\/transcript\/(toolsLive|nodemailerLive)\./,
  /^hardening\/(send|serverProcess|cli|hostileServer|featureSweep)/,
  /^grammar\/largeInput\./,
  /^e2e\//,
  /^runner\//,
];
const isIntegration = (file) => INTEGRATION.some((re) => re.test(relative(join(root, 'out', 'test'), file)));
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`.slice(0, 400));
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(`${label} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

/**
 * Runs in-process test files in a few worker processes (one per core, or
 * UNIT_WORKERS) that take the files from a queue (scripts/unit-worker.cjs), each
 * file as a suite named after its source; a file that no worker took fails the phase,
 * and so does a file whose suite the run's events do not show at top level with its
 * tests (scripts/unit-report.mjs checks the assumption the workers rest on).
 */
function runInWorkers(label, files) {
  const queue = mkdtempSync(join(tmpdir(), 'smtp-eml-unit-'));
  try {
    const source = (f) => relative(join(root, 'out'), join(root, f)).replace(/\.js$/, '.ts');
    writeFileSync(join(queue, 'files.json'), JSON.stringify(files.map((f) => ({ name: source(f), path: join(root, f) }))));
    const workers = Math.max(1, Math.min(files.length, Number(process.env.UNIT_WORKERS) || availableParallelism()));
    const entries = Array.from({ length: workers }, (_, i) => {
      const entry = join(queue, `worker-${i + 1}.cjs`);
      writeFileSync(entry, `require(${JSON.stringify(join(root, 'scripts', 'unit-worker.cjs'))});\n`);
      return entry;
    });
    console.log(`\n${label}: ${files.length} files in ${workers} worker processes`);
    const reportFile = join(queue, 'report.json');
    const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', `--test-reporter=${join(root, 'scripts', 'unit-report.mjs')}`, `--test-reporter-destination=${reportFile}`];
    run(label, process.execPath, ['--enable-source-maps', '--test', `--test-concurrency=${workers}`, ...reporters, ...entries], { UNIT_QUEUE: queue });
    const missed = files.filter((_, i) => !existsSync(join(queue, String(i))));
    if (missed.length) {
      console.error(`\n${label}: ${missed.length} files were never run:\n  ${missed.join('\n  ')}`);
      failures.push(`${label} (${missed.length} files never run)`);
    }
    const problems = existsSync(reportFile) ? checkUnitReport(files.map(source), JSON.parse(readFileSync(reportFile, 'utf8'))) : ['node:test wrote no report'];
    if (problems.length) {
      console.error(`\n${label}: the run does not show every file's suite at top level with its tests (scripts/unit-report.mjs):\n  ${problems.join('\n  ')}`);
      failures.push(`${label} (self-check: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'})`);
    }
  } finally {
    rmSync(queue, { recursive: true, force: true });
  }
}

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      // e2e tests run inside VS Code, not under node:test.
      if (name === 'e2e') continue;
      out.push(...findTests(p));
    } else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

if (!run('compile', process.execPath, ['scripts/transpile.mjs']) || !run('bundle', 'node', ['scripts/build.mjs'])) {
  console.error('\nCompilation failed.');
  process.exit(1);
}

if (phases.includes('lint')) {
  run('type check', 'npx', ['tsc', '-p', '.', '--noEmit']);
  run('type check webview', 'npx', ['tsc', '-p', 'src/webview']);
  run('lint', 'npx', ['eslint', '.', '--max-warnings', '0', '--report-unused-disable-directives-severity', 'error']);
}

const only = process.env.TEST_FILTER;
for (const phase of ['unit', 'integration']) {
  if (!phases.includes(phase)) continue;
  const files = findTests(join(root, 'out', 'test')).filter((f) => isIntegration(f) === (phase === 'integration'));
  const selected = files.map((f) => relative(root, f)).filter((f) => !only || f.includes(only));
  if (!selected.length) continue;
  if (phase === 'unit') runInWorkers(phase, selected);
  else run(phase, process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...selected]);
}
if (phases.includes('grammar') && existsSync(join(root, 'scripts', 'test-grammar.mjs'))) {
  run('grammar', process.execPath, ['scripts/test-grammar.mjs']);
}
if (phases.includes('package')) {
  run('package', process.execPath, ['scripts/test-package.mjs']);
}
if (phases.includes('e2e') && existsSync(join(root, 'test', 'e2e', 'run.mjs'))) {
  run('e2e', process.execPath, ['test/e2e/run.mjs']);
}

if (failures.length) {
  console.error(`\nFailed phases: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nAll test phases passed.');

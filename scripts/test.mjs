// The README's test command (`npm test`) and what `.ci/run` calls.
// Phases: compile (tsc + esbuild), unit (node:test over out/test/**/*.test.js),
// grammar (vscode-tmgrammar-test + snapshots), e2e (code-server + Chromium).
// `node scripts/test.mjs unit grammar` runs only the named phases.
// Node 20's `node --test` has no globs, so the files are found here and listed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const asked = process.argv.slice(2);
const phases = asked.length ? asked : ['unit', 'grammar', 'e2e'];
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`.slice(0, 400));
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(`${label} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
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

if (!run('compile', 'npx', ['tsc', '-p', '.']) || !run('bundle', 'node', ['scripts/build.mjs'])) {
  console.error('\nCompilation failed.');
  process.exit(1);
}

if (phases.includes('unit')) {
  const files = findTests(join(root, 'out', 'test')).map((f) => relative(root, f));
  const only = process.env.TEST_FILTER;
  const selected = only ? files.filter((f) => f.includes(only)) : files;
  run('unit', process.execPath, ['--enable-source-maps', '--test', '--test-reporter=spec', ...selected]);
}
if (phases.includes('grammar') && existsSync(join(root, 'scripts', 'test-grammar.mjs'))) {
  run('grammar', process.execPath, ['scripts/test-grammar.mjs']);
}
if (phases.includes('e2e') && existsSync(join(root, 'test', 'e2e', 'run.mjs'))) {
  run('e2e', process.execPath, ['test/e2e/run.mjs']);
}

if (failures.length) {
  console.error(`\nFailed phases: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nAll test phases passed.');

// Turns every TypeScript file of `src/` (but the webview's page script) and
// `test/` into CommonJS under `out/`, file by file, with source maps: what the
// tests, the bench and scripts/sync-settings.mjs load. esbuild only strips the
// types (about a second); the type check is `tsc --noEmit` in the lint phase of
// scripts/test.mjs (`npm run typecheck`), so `npm run test:unit` does not wait
// for it. The files are the ones tsconfig.json includes.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** Every `.ts` file (declaration files aside) under `dir`, but `skip`. */
function sources(dir, skip) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (p === skip) continue;
    if (statSync(p).isDirectory()) out.push(...sources(p, skip));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, p));
  }
  return out;
}

const entryPoints = [...sources(join(root, 'src'), join(root, 'src', 'webview')), ...sources(join(root, 'test'))];
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'out',
  outbase: '.',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`transpiled ${entryPoints.length} files into out/`);

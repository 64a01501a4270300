// The `package` phase of scripts/test.mjs: packs the extension exactly as
// `npm run package` does (production build, then vsce with the same arguments,
// offline) into a temporary folder, and fails when the .vsix is 1 MB or more, or
// when it misses a file the extension loads: package.json's main, every dist file
// a shipped bundle names (the client's lazy `require("./x.js")` chunks,
// dist/server.js, the preview page's script, the caniemail data), and every file
// package.json's contributions point at. Prints the packed files with their sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix } from 'node:path';

/** The Marketplace's and the guide's limit, in vsce's units (vsce prints MB of 1024 × 1024 bytes). */
export const VSIX_LIMIT = 1024 * 1024;

const root = new URL('..', import.meta.url).pathname;

/** The arguments `npm run package` gives vsce, without its output path. */
export function vsceArguments(pkg) {
  const script = pkg.scripts?.package ?? '';
  const args = /vsce (package[^&|;]*)/.exec(script)?.[1]?.trim().split(/\s+/);
  if (!args) throw new Error(`package.json's "package" script runs no \`vsce package\`: ${script}`);
  return args.filter((a, i, all) => a !== '-o' && a !== '--out' && all[i - 1] !== '-o' && all[i - 1] !== '--out');
}

/**
 * The entries of a zip archive from its central directory (APPNOTE 4.3.12, 4.3.16):
 * name, compressed and uncompressed size. Enough for a .vsix (no zip64, no spanning).
 */
export function zipEntries(zip) {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive: no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, compressed: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * The dist files a bundle's text names: string literals such as "./features.js"
 * (a lazy require) or "server.js" / "caniemail.json" (read by path) that are the
 * name of a file the build wrote to dist/.
 */
export function distFilesNamed(text, distNames) {
  const named = new Set();
  for (const m of text.matchAll(/["'`](?:\.\/)?([\w.-]+\.(?:js|json))["'`]/g)) if (distNames.has(m[1])) named.add(`dist/${m[1]}`);
  return named;
}

/** Relative paths (`./x`, `images/x.png`) among package.json's values that name files of the repository. */
export function manifestFiles(pkg) {
  const files = new Set();
  const visit = (value, key) => {
    if (typeof value === 'string') {
      const path = value.replace(/^\.\//, '');
      if ((value.startsWith('./') || key === 'icon') && /\.\w+$/.test(path) && existsSync(join(root, path))) files.add(posix.normalize(path));
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit({ main: pkg.main, icon: pkg.icon, contributes: pkg.contributes }, '');
  return files;
}

function fail(message) {
  console.error(`package: ${message}`);
  process.exitCode = 1;
}

function main() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) return fail(`the production build failed (exit ${build.status ?? build.signal})`);

  const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-package-'));
  try {
    const vsix = join(dir, 'smtp-eml.vsix');
    const vsce = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), ...vsceArguments(pkg), '-o', vsix], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (vsce.status !== 0 || !existsSync(vsix)) return fail(`vsce failed (exit ${vsce.status ?? vsce.signal}):\n${vsce.stdout}${vsce.stderr}`);
    const size = statSync(vsix).size;
    const entries = zipEntries(readFileSync(vsix));
    const packed = new Map(entries.map((e) => [e.name.replace(/^extension\//, ''), e]));

    console.log('| file | size | packed |\n|---|---:|---:|');
    for (const e of [...entries].sort((a, b) => b.compressed - a.compressed)) console.log(`| ${e.name} | ${e.size} | ${e.compressed} |`);
    console.log(`| smtp-eml.vsix (${entries.length} files) | | ${size} |`);

    if (size >= VSIX_LIMIT) fail(`smtp-eml.vsix is ${size} bytes (${(size / VSIX_LIMIT).toFixed(2)} MB): it must stay under 1 MB (${VSIX_LIMIT} bytes)`);

    // Follow what the shipped bundles name, from package.json's main on.
    const distNames = new Set(spawnSync('ls', [join(root, 'dist')], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean));
    const needed = manifestFiles(pkg);
    const queue = [...needed].filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
    const seen = new Set(queue);
    while (queue.length) {
      const file = queue.shift();
      if (!packed.has(file)) continue; // reported below
      for (const named of distFilesNamed(readFileSync(join(root, file), 'utf8'), distNames)) {
        needed.add(named);
        if (named.endsWith('.js') && !seen.has(named)) seen.add(named), queue.push(named);
      }
    }
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/caniemail.json']) {
      if (!needed.has(f)) fail(`nothing shipped names ${f} any more: the reference scan no longer sees the extension's files`);
    }
    for (const f of [...needed].sort()) if (!packed.has(f)) fail(`${f} is loaded by the extension but not in the .vsix (see .vscodeignore)`);
    for (const [name, e] of packed) {
      if (name.startsWith('dist/') && e.size !== statSync(join(root, name)).size) fail(`${name} in the .vsix is not the build just made`);
    }
    console.log(`\npackage: smtp-eml.vsix ${size} bytes (limit ${VSIX_LIMIT}); checked ${needed.size} files the extension loads: ${[...needed].sort().map((f) => basename(f)).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) main();

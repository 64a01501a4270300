// Helpers to install and run code-server (VS Code served to a browser) for
// `npm start` and the end-to-end tests. code-server is not a dependency: it is
// installed on first use into `.cache/code-server` inside the clone (like
// @vscode/test-electron's `.vscode-test/`), because it is large, compiles
// native modules, and only the editor tests and `npm start` need it.
//
// Four things make its install work offline-but-for-npm on Debian + Node 20
// (see /work/shared/recipes/real-vscode-e2e.md): libkrb5-dev and ripgrep from
// apt, a seeded @vscode/ripgrep download cache, npm_config_yes +
// npm_config_nodedir=/usr for node-pty's node-gyp, and --unsafe-perm as root.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, copyFileSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, dirname } from 'node:path';

/** The version that still runs on Node 20 (= VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';
/** Versions pinned by code-server 4.100.3's @vscode/ripgrep postinstall. */
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', file: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

export const repoRoot = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
/** Where code-server is installed: `.cache/code-server` in the clone, or `$SMTP_EML_CODE_SERVER_DIR`. */
export const defaultCacheDir = process.env.SMTP_EML_CODE_SERVER_DIR || join(repoRoot, '.cache', 'code-server');

/** Path of the code-server launcher inside the cache folder. */
export function codeServerBin(cacheDir = defaultCacheDir) {
  return join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * Seeds @vscode/ripgrep's download cache (under os.tmpdir(), which the install
 * points at a folder inside the cache dir) with Debian's `rg`, so its
 * postinstall needs no network.
 */
function seedRipgrepCache(tmp, log) {
  const target = join(tmp, RIPGREP_CACHE.dir, RIPGREP_CACHE.file);
  if (existsSync(target)) return;
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is not installed: apt-get install -y ripgrep (code-server\'s install needs it)');
  const work = mkdtempSync(join(tmp, 'rg-seed-'));
  copyFileSync(rg, join(work, 'rg'));
  mkdirSync(dirname(target), { recursive: true });
  execFileSync('tar', ['czf', target, '-C', work, 'rg']);
  rmSync(work, { recursive: true, force: true });
  log(`seeded ${target} from ${rg}`);
}

/**
 * Installs code-server into `cacheDir` unless it is already there; returns the
 * path of its entry script (run it with `node`).
 */
export function ensureCodeServer({ cacheDir = defaultCacheDir, log = console.log } = {}) {
  const bin = codeServerBin(cacheDir);
  const pkg = join(cacheDir, 'node_modules', 'code-server', 'package.json');
  if (existsSync(bin) && existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION) {
    return bin;
  }
  // Everything the install writes stays inside the clone's cache folder:
  // temp files (the ripgrep download cache) and npm's own cache.
  const tmp = join(cacheDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  seedRipgrepCache(tmp, log);
  if (!existsSync(join(cacheDir, 'package.json'))) {
    writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
  }
  log(`installing code-server@${CODE_SERVER_VERSION} into ${cacheDir} (first use only, about a minute)...`);
  const started = Date.now();
  const r = spawnSync(
    'npm',
    ['install', '--prefix', cacheDir, '--cache', join(cacheDir, 'npm-cache'), '--unsafe-perm', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, TMPDIR: tmp, npm_config_yes: 'true', npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' },
    },
  );
  if (r.status !== 0 || !existsSync(bin)) {
    throw new Error(
      `code-server install failed (exit ${r.status}). It needs: apt-get install -y libkrb5-dev ripgrep, and Node headers in /usr/include/node.`,
    );
  }
  rmSync(join(cacheDir, 'npm-cache'), { recursive: true, force: true });
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return bin;
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Creates a throw-away profile: user-data dir with quiet settings, extensions
 * dir and config file. `settings` are merged into User/settings.json.
 */
export function makeProfile(baseDir, settings = {}) {
  const userDataDir = join(baseDir, 'user-data');
  const extensionsDir = join(baseDir, 'extensions');
  const config = join(baseDir, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(config, 'auth: none\ncert: false\n');
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.enableExperiments': false,
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Dark Modern',
        ...settings,
      },
      null,
      2,
    ),
  );
  return { baseDir, userDataDir, extensionsDir, config };
}

function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a .vsix into the profile's extensions dir. */
export function installExtension(bin, profile, vsix) {
  const r = spawnSync(process.execPath, [bin, ...profileArgs(profile), '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Starts code-server on 127.0.0.1:port serving `folder`, in its own process
 * group (detached) so `stop()` can kill it and every extension host it spawned.
 * Resolves when GET /healthz answers, or rejects at the deadline.
 */
export async function launchCodeServer({ bin, profile, port, folder, logFile, deadlineMs = 60_000, env = {} }) {
  const args = [
    bin,
    ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    ...(folder ? [folder] : []),
  ];
  const out = [];
  const child = spawn(process.execPath, args, {
    detached: true, // setsid: a new process group we can kill as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const onData = (d) => {
    out.push(d.toString());
    if (logFile) writeFileSync(logFile, out.join(''));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = () => stopGroup(child.pid);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${out.join('').slice(-3000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { child, url, stop, output: () => out.join('') };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`code-server did not answer /healthz within ${deadlineMs} ms:\n${out.join('').slice(-3000)}`);
}

/** Kills a whole process group (SIGTERM, then SIGKILL if it lingers). */
export function stopGroup(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    spawnSync('sleep', ['0.1']);
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/** Builds (production) and packages the extension; returns the .vsix path. */
export function packageExtension({ log = console.log } = {}) {
  const vsix = join(repoRoot, 'smtp-eml.vsix');
  log('packaging the extension (npm run package)...');
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(vsix)) throw new Error('npm run package failed');
  return vsix;
}

// `node scripts/code-server.mjs install` installs it ahead of time.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'install') {
  console.log(ensureCodeServer());
}

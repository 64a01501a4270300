// End-to-end tests in a real VS Code (code-server 4.100.3) driven by a real
// Chromium (Debian's, through playwright-core). Called by `npm test` (see
// scripts/test.mjs) or directly: `node test/e2e/run.mjs [host|ui|start|fa|preview]`.
//
// 1. Extension-host tests: test/e2e/suite/*.test.ts (compiled to out/) run with
//    Mocha inside the extension host, loaded through the workbench URL payload
//    (extensionDevelopmentPath = this repo, extensionTestsPath = the suite).
// 2. UI tests as a person would: the packaged .vsix installed into a throw-away
//    profile; Playwright clicks, types and takes screenshots.
// Everything runs on 127.0.0.1, in temp folders; every child is killed by
// process group at the end, on failure and on Ctrl+C. Waits have deadlines.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  ensureCodeServer,
  freePort,
  installExtension,
  launchCodeServer,
  makeProfile,
  packageExtension,
  repoRoot,
} from '../../scripts/code-server.mjs';
import { runPersianScenario } from './persian.mjs';
import { runPreviewScenario } from './preview.mjs';
import { runUiTests } from './ui.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];
/** Workbench start-up chatter forwarded with the test output; the Mocha lines are what matter. */
const WORKBENCH_NOISE =
  /^(Creation of workbench contribution|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|Updating additional builtin|ChatSessionStore|getaddrinfo ENOTFOUND open-vsx\.org|\s+at )/;
const TOTAL_DEADLINE_MS = 15 * 60_000;
const HOST_TESTS_DEADLINE_MS = 5 * 60_000;

const phases = process.argv.slice(2).filter((a) => a === 'host' || a === 'ui' || a === 'start' || a === 'fa' || a === 'preview');
const wanted = (p) => phases.length === 0 || phases.includes(p);
const screenshots = join(repoRoot, 'test-results', 'screenshots');
const cleanups = [];
const timings = [];
const failures = [];

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      console.error('cleanup:', e.message);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`\ne2e: ${sig}, stopping everything`);
    void cleanup().finally(() => process.exit(130));
  });
}
const watchdog = setTimeout(() => {
  console.error(`e2e: the whole run passed its ${TOTAL_DEADLINE_MS / 60000} minute deadline; stopping`);
  void cleanup().finally(() => process.exit(1));
}, TOTAL_DEADLINE_MS);
watchdog.unref();

async function timed(label, fn) {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings.push([label, Date.now() - started]);
  }
}

async function launchBrowser(workDir, name) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(workDir, `chromium-${name}`), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  cleanups.push(() => context.close());
  return context;
}

/** Copies the samples and the e2e fixtures into a fresh workspace folder. */
function makeWorkspace(workDir) {
  const ws = join(workDir, 'workspace');
  cpSync(join(repoRoot, 'samples'), ws, { recursive: true });
  cpSync(join(repoRoot, 'test', 'e2e', 'fixtures'), join(ws, 'fixtures'), { recursive: true });
  return ws;
}

async function runHostTests(bin, workDir) {
  const suite = join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');
  if (!existsSync(suite)) throw new Error(`${suite} is missing: run npx tsc -p . first`);
  if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const profile = makeProfile(join(workDir, 'host-profile'));
  const ws = makeWorkspace(join(workDir, 'host'));
  const port = await freePort();
  const server = await timed('code-server start (host tests)', () =>
    launchCodeServer({ bin, profile, port, folder: ws, logFile: join(workDir, 'code-server-host.log') }),
  );
  cleanups.push(server.stop);
  const context = await launchBrowser(workDir, 'host');
  const page = context.pages()[0] ?? (await context.newPage());
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (WORKBENCH_NOISE.test(line)) return;
    if (type === 'error') console.error(line);
    else console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(suite)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return timed('extension-host tests', async () => {
    await page.goto(url);
    const code = await Promise.race([
      exited,
      new Promise((resolve) => setTimeout(() => resolve('deadline'), HOST_TESTS_DEADLINE_MS).unref()),
    ]);
    if (code === 'deadline') {
      await page.screenshot({ path: join(screenshots, 'host-tests-timeout.png') }).catch(() => {});
      throw new Error(`extension-host tests did not finish within ${HOST_TESTS_DEADLINE_MS / 1000} s; see ${join(workDir, 'code-server-host.log')}`);
    }
    if (code !== 0) throw new Error(`extension-host tests failed (exit ${code})`);
  });
}

async function runUi(bin, workDir) {
  const vsix = await timed('package .vsix', () => packageExtension());
  const profile = makeProfile(join(workDir, 'ui-profile'), { 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 100 });
  await timed('install .vsix', () => installExtension(bin, profile, vsix));
  const ws = makeWorkspace(join(workDir, 'ui'));
  const port = await freePort();
  return runUiTests({
    profile,
    workspace: ws,
    screenshots,
    timed,
    launch: async () => {
      const server = await timed('code-server start (UI tests)', () =>
        launchCodeServer({ bin, profile, port, folder: ws, logFile: join(workDir, 'code-server-ui.log') }),
      );
      cleanups.push(server.stop);
      return server;
    },
    browser: () => launchBrowser(workDir, 'ui'),
    onCleanup: (fn) => cleanups.push(fn),
  });
}

/**
 * `npm start` as a person runs it: wait for the printed address, open it,
 * send welcome.eml from the title bar to the local test inbox, then Ctrl+C
 * (SIGINT) and check that code-server and the inbox are gone.
 */
async function runStartCheck(workDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'start.mjs'), '--port', String(port), '--skip-package'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  cleanups.push(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  });
  const waitOutput = async (re, what, deadlineMs = 180_000) => {
    const deadline = Date.now() + deadlineMs;
    while (!re.test(output)) {
      if (Date.now() > deadline) throw new Error(`npm start: no ${what} within ${deadlineMs / 1000} s:\n${output.slice(-3000)}`);
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return output.match(re);
  };
  const [, url] = await timed('npm start until ready', () => waitOutput(/^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m, 'address'));
  const [, inboxPort] = output.match(/smtp:\/\/127\.0\.0\.1:(\d+)/) ?? [];
  if (!url.startsWith(`http://127.0.0.1:${port}/`)) throw new Error(`npm start printed ${url}, not port ${port}`);
  await timed('npm start: send welcome.eml to its inbox', async () => {
    const context = await launchBrowser(workDir, 'start');
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000);
    await page.goto(url);
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: /^welcome\.eml$/ }).first().click();
    await page.locator('.tabs-container .tab[aria-label*="welcome.eml"]').first().waitFor();
    await page.locator('.editor-actions .action-item a[aria-label^="Send Message"], .editor-actions a.codicon-send').first().click();
    await waitOutput(/inbox: received \S+\.eml/, 'message in the inbox', 60_000);
    await page.screenshot({ path: join(screenshots, 'npm-start-sent.png') });
    await context.close();
  });
  await timed('npm start: Ctrl+C stops everything', async () => {
    child.kill('SIGINT');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('deadline'), 20_000).unref())]);
    if (code !== 0) throw new Error(`npm start did not exit cleanly on SIGINT (${code}):\n${output.slice(-2000)}`);
    const answers = async (p) => fetch(`http://127.0.0.1:${p}/healthz`).then(() => true, () => false);
    if (await answers(port)) throw new Error('code-server still answers after Ctrl+C');
    const net = await import('node:net');
    const inboxOpen = await new Promise((resolve) => {
      const s = net.connect(Number(inboxPort), '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (inboxOpen) throw new Error('the local inbox still listens after Ctrl+C');
  });
}

const started = Date.now();
const workDir = mkdtempSync(join(tmpdir(), 'smtp-eml-e2e-'));
let ok = true;
try {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const bin = await timed('code-server install (cached after first run)', () => ensureCodeServer());
  if (wanted('host')) {
    try {
      await runHostTests(bin, workDir);
    } catch (e) {
      failures.push(`extension-host: ${e.message}`);
    }
    await cleanup();
  }
  if (wanted('ui')) {
    try {
      const uiFailures = await runUi(bin, workDir);
      failures.push(...uiFailures.map((f) => `ui: ${f}`));
    } catch (e) {
      failures.push(`ui: ${e.stack ?? e.message}`);
    }
    await cleanup();
  }
  if (wanted('start')) {
    try {
      await runStartCheck(workDir);
    } catch (e) {
      failures.push(`npm start: ${e.message}`);
    }
    await cleanup();
  }
  if (wanted('preview')) {
    // The message preview: see test/e2e/preview.mjs.
    try {
      const previewFailures = await runPreviewScenario({ bin, workDir, screenshots, timed, onCleanup: (fn) => cleanups.push(fn) });
      failures.push(...previewFailures.map((f) => `preview: ${f}`));
    } catch (e) {
      failures.push(`preview: ${e.stack ?? e.message}`);
    }
    await cleanup();
  }
  if (wanted('fa')) {
    // Display language Persian: see test/e2e/persian.mjs.
    try {
      const faFailures = await runPersianScenario({ bin, workDir, screenshots, timed, onCleanup: (fn) => cleanups.push(fn) });
      failures.push(...faFailures.map((f) => `fa: ${f}`));
    } catch (e) {
      failures.push(`fa: ${e.stack ?? e.message}`);
    }
    await cleanup();
  }
} catch (e) {
  failures.push(e.stack ?? e.message);
} finally {
  await cleanup();
  ok = failures.length === 0;
  console.log('\ne2e timings:');
  for (const [label, ms] of timings) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${label}`);
  console.log(`  ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  total`);
  console.log(`e2e screenshots: ${screenshots}`);
  if (ok && !process.env.E2E_KEEP) rmSync(workDir, { recursive: true, force: true });
  else console.log(`e2e work folder (logs, profiles): ${workDir}`);
  if (!ok) {
    console.error(`\ne2e FAILED:\n- ${failures.join('\n- ')}`);
  } else console.log('e2e passed');
  process.exit(ok ? 0 : 1);
}

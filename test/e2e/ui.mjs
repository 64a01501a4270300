// UI tests as a person would use the extension: Playwright on Chromium clicks
// and types in the code-server workbench with the packaged .vsix installed,
// and saves a screenshot of each step. Each step waits on what a person would
// see (squiggles, rows, a hover, a toast), with deadlines, never sleeps.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const STEP_DEADLINE_MS = 30_000;

/** Monaco renders spaces as U+00A0. */
const normal = (s) => (s ?? '').replace(/\u00a0/g, ' ');

/**
 * An SMTP server on 127.0.0.1 whose greeting waits until the test releases
 * it, so the progress notification can be seen without guessing a delay.
 */
async function startHeldServer(onCleanup) {
  const pending = [];
  const received = [];
  let released = false;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, cb) {
      if (released) cb();
      else pending.push(cb);
    },
    onData(stream, session, cb) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        cb(null, 'Message queued as UI0001');
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise((resolve) => server.close(resolve)));
  return {
    port: server.server.address().port,
    received,
    release() {
      released = true;
      while (pending.length) pending.shift()();
    },
    hold() {
      released = false;
    },
  };
}

/** Runs the UI steps; returns the list of failures (empty when all passed). */
export async function runUiTests({ profile, workspace, screenshots, timed, launch, browser, onCleanup }) {
  const smtp = await startHeldServer(onCleanup);
  // The profile's settings get the held server as the one Send uses.
  const settingsFile = join(profile.userDataDir, 'User', 'settings.json');
  const { readFileSync } = await import('node:fs');
  const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
  settings['smtpEml.servers'] = [{ name: 'UI test server', host: '127.0.0.1', port: smtp.port, security: 'none' }];
  settings['smtpEml.defaultServer'] = 'UI test server';
  writeFileSync(settingsFile, JSON.stringify(settings, null, 2));

  // A file over VS Code's 50 MB limit for extensions: the status bar must say why it has no diagnostics.
  const line = 'x'.repeat(76) + '\r\n';
  const body = line.repeat(Math.ceil((51 * 1024 * 1024) / line.length));
  writeFileSync(join(workspace, 'fixtures', 'huge.eml'), `From: a@example.org\r\nTo: b@example.org\r\nSubject: huge\r\n\r\n${body}`);

  const server = await launch();
  const context = await browser();
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_DEADLINE_MS);
  const failures = [];
  let n = 0;
  const shot = async (name) => {
    const file = join(screenshots, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  const step = async (name, fn) => {
    const started = Date.now();
    try {
      await timed(`ui: ${name}`, fn);
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      console.log(`  ✘ ${name}: ${e.message.split('\n')[0]}`);
      failures.push(`${name}: ${e.message}`);
      await page.screenshot({ path: join(screenshots, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };
  const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}$`) });
  const openFromExplorer = async (name) => {
    await explorerRow(name).first().click();
    await page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor();
  };
  const problemRows = async () => normal((await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n'));

  console.log('UI tests:');
  await step('workbench loads with the samples in the explorer', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await explorerRow('broken.eml').first().waitFor({ timeout: 60_000 });
  });

  await step('a broken .eml opened from the explorer shows squiggles', async () => {
    await openFromExplorer('broken.eml');
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first().waitFor({ state: 'attached' });
    await shot('diagnostics');
  });

  await step('the Problems panel lists the diagnostics with their codes', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor();
    const deadline = Date.now() + STEP_DEADLINE_MS;
    let text = '';
    while (Date.now() < deadline) {
      text = await problemRows();
      if (/missing-date/.test(text) && /duplicate-header/.test(text)) break;
      await page.waitForTimeout(100);
    }
    if (!/missing-date/.test(text) || !/duplicate-header/.test(text)) throw new Error(`Problems rows lack missing-date/duplicate-header:\n${text}`);
    await shot('problems');
  });

  await step('hover shows the explanation', async () => {
    const line = page.locator('.monaco-editor .view-line').filter({ hasText: /^Subject:\s*A\ssecond\ssubject/ }).first();
    const box = await line.boundingBox();
    if (!box) throw new Error('the second Subject line is not visible');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor();
    const text = normal(await page.locator('.monaco-hover:not(.hidden)').first().innerText());
    if (!/duplicate-header|occurs|once/i.test(text)) throw new Error(`hover text does not explain the problem:\n${text}`);
    await shot('hover');
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
  });

  await step('the lightbulb quick fix adds the missing Date', async () => {
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'missing-date' }).first().click();
    await page.keyboard.press('Control+1'); // focus the editor; the cursor is on the problem
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row').filter({ hasText: /Date/ }).first();
    await item.waitFor();
    await shot('quick-fix-menu');
    // The menu is driven by keys (a pointer block covers it): move to the fix and press Enter.
    for (let i = 0; i < 20; i++) {
      const focused = await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label');
      if (/Date/.test(focused ?? '')) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^Date:\s/ }).first().waitFor();
    const deadline = Date.now() + STEP_DEADLINE_MS;
    while (/missing-date/.test(await problemRows())) {
      if (Date.now() > deadline) throw new Error('missing-date is still listed after the quick fix');
      await page.waitForTimeout(100);
    }
    await shot('quick-fix-applied');
  });

  await step('Send Message from the title bar shows progress and opens the coloured transcript beside', async () => {
    await page.keyboard.press('Control+J'); // hide the panel: the transcript gets the height
    await openFromExplorer('welcome.eml');
    const button = page.locator('.editor-actions .action-item a[aria-label^="Send Message"], .editor-actions a.codicon-send').first();
    await button.click();
    const progress = page.locator('.notification-toast').filter({ hasText: /Sending via UI test server/ }).first();
    await progress.waitFor();
    await shot('send-progress');
    smtp.release();
    // The transcript's first lines (it is longer than the viewport; lines out of view are not rendered).
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^S:\s220/ }).first().waitFor();
    const groups = await page.locator('.editor-group-container').count();
    if (groups < 2) throw new Error(`the transcript did not open beside the message (${groups} editor group)`);
    await page.locator('.notification-toast').filter({ hasText: /Sent via UI test server/ }).first().waitFor();
    await shot('transcript');
    if (smtp.received.length !== 1) throw new Error(`the test server received ${smtp.received.length} messages`);
    // Colours: find the transcript editor and read each line's token colours.
    const colours = await page.evaluate(() => {
      const editors = [...document.querySelectorAll('.monaco-editor')].filter((e) =>
        [...e.querySelectorAll('.view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith('S: 220')),
      );
      const lines = [...(editors[0]?.querySelectorAll('.view-line') ?? [])].map((l) => ({
        top: parseFloat(l.style.top) || 0,
        text: l.textContent.replace(/\u00a0/g, ' '),
        spans: [...l.querySelectorAll('span > span')].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), colour: getComputedStyle(s).color })),
      }));
      return lines.sort((a, b) => a.top - b.top);
    });
    writeFileSync(join(screenshots, 'transcript-colours.json'), JSON.stringify(colours, null, 2));
    const dataStart = colours.findIndex((l) => /^S: 354/.test(l.text));
    let dataEnd = colours.findIndex((l, i) => i > dataStart && /^C: \.$/.test(l.text.trim()));
    if (dataEnd < 0) dataEnd = colours.length; // the end of DATA may be below the fold
    if (dataStart < 0 || dataEnd - dataStart < 2) throw new Error(`no DATA block in the visible transcript:\n${colours.map((l) => l.text).join('\n')}`);
    const dataColours = new Set(colours.slice(dataStart + 1, dataEnd).flatMap((l) => l.spans.map((s) => s.colour)));
    if (dataColours.size < 2) throw new Error(`the DATA block is one colour: ${[...dataColours]}`);
    // Each reply's code is coloured apart from its text (S: 220 greeting, 250s, 354).
    const replies = colours.filter((l) => /^S: \d{3}[ -]\S/.test(l.text));
    const flat = replies.filter((l) => {
      const code = l.text.slice(3, 6);
      const codeSpan = l.spans.find((s) => s.text.includes(code));
      const textSpan = l.spans.find((s) => /[a-z]{3,}/i.test(s.text) && !s.text.includes(code));
      return !codeSpan || !textSpan || codeSpan.colour === textSpan.colour;
    });
    if (replies.length === 0 || flat.length > 0) {
      throw new Error(`reply codes not coloured apart from their text: ${flat.map((l) => l.text).join(' | ')}`);
    }
  });

  await step('a file over 50 MB says in the status bar why it has no diagnostics', async () => {
    await page.keyboard.press('Control+P');
    await page.keyboard.type('huge.eml');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'huge.eml' }).first().waitFor();
    await page.keyboard.press('Enter');
    const item = page.locator('.statusbar-item').filter({ hasText: /No diagnostics: 51\.\d MB file/ }).first();
    await item.waitFor();
    await shot('large-file');
    // Close its tab: the note goes with it.
    const tab = page.locator('.tabs-container .tab').filter({ hasText: 'huge.eml' }).first();
    await tab.hover();
    await tab.locator('.action-label.codicon-close, a[aria-label^="Close"]').first().click();
    await tab.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
  });

  await step('Cancel on the progress notification stops the send', async () => {
    smtp.hold();
    const before = smtp.received.length;
    await page.locator('.tabs-container .tab').filter({ hasText: 'welcome.eml' }).first().click();
    await page.locator('.editor-actions .action-item a[aria-label^="Send Message"], .editor-actions a.codicon-send').first().click();
    const progress = page.locator('.notification-toast').filter({ hasText: /Sending via UI test server/ }).first();
    await progress.waitFor();
    await progress.locator('.monaco-button').filter({ hasText: 'Cancel' }).first().click();
    await page.locator('.notification-toast').filter({ hasText: /was cancelled/ }).first().waitFor();
    await shot('send-cancelled');
    smtp.release();
    if (smtp.received.length !== before) throw new Error('a cancelled send still delivered the message');
  });

  await step('Send with errors asks first: Show Problems sends nothing, Send Anyway sends', async () => {
    smtp.release();
    const before = smtp.received.length;
    await page.keyboard.press('Control+P');
    await page.keyboard.type('headers.eml');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'headers.eml' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').filter({ hasText: 'headers.eml' }).first().waitFor();
    // The gate reads the server's diagnostics: wait until they are on screen.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
    const sendButton = page.locator('.editor-actions .action-item a[aria-label^="Send Message"], .editor-actions a.codicon-send').first();
    const dialog = page.locator('.monaco-dialog-box').first();
    await sendButton.click();
    await dialog.waitFor();
    const question = normal(await dialog.innerText());
    if (!/2 errors\. Send it anyway\?/.test(question) || !/Line 4 \[duplicate-header\]/.test(question)) {
      throw new Error(`the dialog does not ask about the 2 errors, listing them by line and code:\n${question}`);
    }
    await shot('send-errors-dialog');
    await dialog.locator('.monaco-button').filter({ hasText: 'Show Problems' }).first().click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'duplicate-header' }).first().waitFor();
    if (smtp.received.length !== before) throw new Error('Show Problems still sent the message');
    await page.locator('.tabs-container .tab').filter({ hasText: 'headers.eml' }).first().click();
    await sendButton.click();
    await dialog.waitFor();
    await dialog.locator('.monaco-button').filter({ hasText: 'Send Anyway' }).first().click();
    const deadline = Date.now() + STEP_DEADLINE_MS;
    while (smtp.received.length === before) {
      if (Date.now() > deadline) throw new Error('Send Anyway did not deliver the message');
      await page.waitForTimeout(100);
    }
    const sent = smtp.received[smtp.received.length - 1];
    if (!/^Subject: two$/m.test(sent.data) || sent.to.join() !== 'bob@example.net') throw new Error(`the server received something else:\n${sent.data}`);
  });

  await step('the Local Inbox view lists a received message by session; the picker shows Subject and From', async () => {
    const runCommand = async (title) => {
      await page.keyboard.press('F1');
      await page.keyboard.type(title);
      await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    };
    await runCommand('SMTP/EML: Start Local Test Inbox');
    const status = page.locator('.statusbar-item').filter({ hasText: /Inbox :\d+/ }).first();
    await status.waitFor();
    const port = Number(/Inbox :(\d+)/.exec(normal(await status.innerText()))[1]);
    // A client other than the editor sends to it, as a developer's app would.
    const { createRequire } = await import('node:module');
    const nodemailer = createRequire(import.meta.url)('nodemailer');
    await nodemailer
      .createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true })
      .sendMail({ from: 'Ada <ada@example.org>', to: 'Bob <bob@example.net>', subject: 'Hello from the UI test', text: 'Hi Bob.' });
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /local inbox/i }) }).first();
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    const row = pane.locator('.monaco-list-row').filter({ hasText: 'Hello from the UI test' }).first();
    await row.waitFor();
    const text = normal(await row.innerText());
    if (!/Ada <ada@example\.org> → Bob <bob@example\.net>/.test(text)) throw new Error(`the message row does not show From → To: ${text}`);
    await shot('inbox-view');
    // The session row opens the inbox's transcript of the session.
    await pane.locator('.monaco-list-row').filter({ hasText: /1 message/ }).first().click();
    await page.locator('.tabs-container .tab').filter({ hasText: /\.smtp$/ }).first().waitFor();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^#\s+smtp-eml\s+local\s+test\s+inbox:\s+session/ }).first().waitFor();
    await shot('inbox-transcript');
    await runCommand('SMTP/EML: Open Local Test Inbox');
    await page.locator('.quick-input-widget').filter({ hasText: 'Local test inbox: 1 message' }).first().waitFor();
    const item = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Hello from the UI test' }).first();
    await item.waitFor();
    const itemText = normal(await item.innerText());
    if (!/Ada <ada@example\.org>/.test(itemText) || !/received/.test(itemText)) throw new Error(`the picker row lacks From or the time: ${itemText}`);
    await shot('inbox-picker');
    await page.keyboard.press('Escape');
  });

  return failures;
}

// UI tests as a person would use the extension: Playwright on Chromium clicks
// and types in the code-server workbench with the packaged .vsix installed,
// and saves a screenshot of each step. Each step waits on what a person would
// see (squiggles, rows, a hover, a toast), with deadlines, never sleeps.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { focusPickRow as focusPick, runCommand as runPaletteCommand } from './palette.mjs';
import { repoRoot } from '../../scripts/code-server.mjs';

/** The tests' reader of whole SMTP replies, compiled into out/ with the other test helpers. */
const require = createRequire(import.meta.url);
function readReplies(socket) {
  const helper = join(repoRoot, 'out', 'test', 'helpers', 'lineReader.js');
  if (!existsSync(helper)) throw new Error(`${helper} is missing: run node scripts/transpile.mjs first`);
  return require(helper).readReplies(socket);
}

const STEP_DEADLINE_MS = 30_000;
/** The category of the extension's commands in the palette. */
const CATEGORY = 'SMTP & EML';

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
/** The least RGB distance between the colours of two reply classes: apart at a glance, not by a shade. */
const MIN_REPLY_CLASS_DISTANCE = 70;
/** Euclidean distance of two CSS `rgb(...)` colours (undefined when either is missing). */
function colourDistance(a, b) {
  const [x, y] = [a, b].map((c) => (c?.match(/\d+/g) ?? []).slice(0, 3).map(Number));
  if (x.length < 3 || y.length < 3) return undefined;
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

export async function runUiTests({ profile, workspace, screenshots, timed, launch, browser, onCleanup }) {
  const smtp = await startHeldServer(onCleanup);
  // The profile's settings get the held server as the one Send uses.
  const settingsFile = join(profile.userDataDir, 'User', 'settings.json');
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
  let stepsRun = 0;
  const shot = async (name) => {
    const file = join(screenshots, `${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
  // E2E_STEPS=<regex> runs only the matching steps (and the first, which loads the workbench): for work on one step.
  const only = process.env.E2E_STEPS ? new RegExp(process.env.E2E_STEPS) : undefined;
  const step = async (name, fn) => {
    if (only && stepsRun++ > 0 && !only.test(name)) return void console.log(`  - ${name} (skipped: E2E_STEPS)`);
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
  /** The Problems panel's row of a diagnostic code (the list is virtual: rows come and go with the state). */
  const problemRow = (code) => page.locator('.markers-panel .monaco-list-row').filter({ hasText: code }).first();
  /** Moves the quick pick's focus to the row labelled exactly `label`, once the list has settled. */
  const focusPickRow = async (label) => {
    if (!(await focusPick(page, label, Date.now() + STEP_DEADLINE_MS))) throw new Error(`no quick pick row is labelled ${JSON.stringify(label)}`);
  };
  /** Runs a command from the palette by its title (`picker`: the command opens a quick pick of its own). */
  const runCommand = (title, { picker = false } = {}) => runPaletteCommand(page, title, { picker, deadlineMs: STEP_DEADLINE_MS });
  /** Waits until the status bar says the cursor is on `line` (1-based): the editor's own state, not a drawn box. */
  const cursorOnLine = (line) => page.locator('.statusbar-item').filter({ hasText: new RegExp(`^Ln ${line}, Col \\d+`) }).first().waitFor();
  /** Puts the cursor of the focused editor on `line`, column `column` (1-based) through Go to Line. */
  const goTo = async (line, column = 1) => {
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden' });
    await page.locator('.statusbar-item').filter({ hasText: new RegExp(`^Ln ${line}, Col ${column}\\b`) }).first().waitFor();
  };

  /** Opens a workspace file by name through Quick Open and waits for its tab. */
  const quickOpen = async (name) => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab').filter({ hasText: name }).first().waitFor();
  };
  /** Picks a colour theme by the end of its name and waits for the workbench to take it. */
  const setTheme = async (name, kind) => {
    await runCommand('Preferences: Color Theme', { picker: true });
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor();
    await input.fill(name);
    await focusPickRow(name);
    await page.keyboard.press('Enter');
    await page.locator(`.monaco-workbench.${kind}`).first().waitFor();
  };

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
    await problemRow('missing-date').waitFor();
    await problemRow('duplicate-header').waitFor();
    await shot('problems');
  });

  await step('hover shows the explanation', async () => {
    // The cursor is put on the problem through the Problems panel and the hover is asked for
    // with the keyboard: no guess at where a line is drawn (a re-layout while the panel opens
    // used to leave the line's box empty for a moment).
    await problemRow('duplicate-header').click();
    await page.keyboard.press('Control+1');
    await cursorOnLine(4); // broken.eml's second Subject
    await page.keyboard.press('Home'); // an empty selection on the field name
    await runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /duplicate-header/ }).first();
    await hover.waitFor();
    const text = normal(await hover.innerText());
    if (!/occurs|once/i.test(text)) throw new Error(`hover text does not explain the problem:\n${text}`);
    await shot('hover');
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'detached' }).catch(() => hover.waitFor({ state: 'hidden' }));
  });

  await step('the lightbulb quick fix adds the missing Date', async () => {
    await problemRow('missing-date').click();
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
    await problemRow('missing-date').waitFor({ state: 'detached' });
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
    // The log is a saved, read-only .smtp file: its tab has the file's name and no unsaved dot.
    const logTab = page.locator('.tabs-container .tab').filter({ hasText: /^\d{4}-\d\d-\d\dT[\d-]+Z-sent-ui-test-server\.smtp/ }).first();
    await logTab.waitFor();
    if (await logTab.evaluate((t) => t.classList.contains('dirty'))) throw new Error('the session log tab is dirty');
    if (await page.locator('.tabs-container .tab').filter({ hasText: /^Untitled/ }).count()) throw new Error('an Untitled tab is open');
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
    // The send ends in the editor after the server has the message: the log opens, then the notice shows.
    await page.locator('.notification-toast').filter({ hasText: /Sent via UI test server to bob@example\.net/ }).first().waitFor();
  });

  await step('Open Session Log lists the saved log and opens it read-only', async () => {
    await runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await runCommand(`${CATEGORY}: Open Session Log…`, { picker: true });
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Notes on the Analytical Engine' }).first();
    await row.waitFor();
    await shot('session-logs');
    await focusPickRow(normal(await row.locator('.label-name').first().innerText()).trim());
    await page.keyboard.press('Enter');
    const tab = page.locator('.tabs-container .tab').filter({ hasText: /-sent-ui-test-server\.smtp/ }).first();
    await tab.waitFor();
    // Typing into a read-only editor changes nothing and says why.
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^S:\s220/ }).first().waitFor();
    await goTo(1, 1);
    await page.keyboard.type('X');
    await page.locator('.monaco-editor-overlaymessage, .monaco-editor .overlayWidgets').filter({ hasText: /read-only|Cannot edit/i }).first().waitFor();
    if (await tab.evaluate((t) => t.classList.contains('dirty'))) throw new Error('the read-only log became dirty');
    await shot('session-log-readonly');
  });

  await step('Decode Part opens the CSV attachment read-only as team.csv; Save Attachment As saves its bytes', async () => {
    await runCommand('View: Close All Editors');
    await quickOpen('multipart-attachments.eml');
    await goTo(34, 1); // the base64 line of team.csv (Go to Line scrolls it into view)
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^bmFtZSxyb2xl/ }).first().waitFor();
    await runCommand(`${CATEGORY}: Decode Part`);
    const tab = page.locator('.tabs-container .tab').filter({ hasText: /^team\.csv/ }).first();
    await tab.waitFor();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^Charles,engineer/ }).first().waitFor();
    await shot('decoded-part');
    const target = join(workspace, 'team.csv');
    await page.locator('.editor-actions a[aria-label^="Save Attachment As"], .editor-actions a.codicon-save-as').first().click();
    // code-server's own save dialog: a quick input holding the suggested path.
    const input = page.locator('.quick-input-widget input').first();
    await input.waitFor();
    await page.waitForFunction(() => /team\.csv$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''));
    await input.fill(target);
    await page.keyboard.press('Enter');
    await page.locator('.notification-toast').filter({ hasText: /Saved 39 bytes/ }).first().waitFor();
    const saved = readFileSync(target, 'utf8');
    if (saved !== 'name,role\nAda,analyst\nCharles,engineer\n') throw new Error(`saved ${JSON.stringify(saved)}`);
  });

  await step('HTML checks: display:flex has an html-client-unsupported warning at the declaration; its hover names the clients', async () => {
    await runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await quickOpen('newsletter.eml');
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached' });
    await page.keyboard.press('Control+Shift+M');
    const row = problemRow('html-client-unsupported');
    await row.waitFor();
    const rowText = normal(await row.innerText());
    // The declaration's place in newsletter.eml: line 26, where `display:flex` starts.
    if (!/display:flex: not supported in Outlook \(Windows\)/.test(rowText) || !/\[Ln 26, Col 13\]/.test(rowText)) throw new Error(`the Problems row is not the display:flex declaration:\n${rowText}`);
    await shot('html-checks-problems');
    await row.click();
    await page.keyboard.press('Control+1');
    await cursorOnLine(26);
    // The squiggle is drawn under the declaration: a warning box spans the characters of `display:flex`.
    const under = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith('<div style="display:flex">'));
      if (!line) return 'the line is not drawn';
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let node;
      while ((node = walker.nextNode()) && !node.textContent.includes('display:flex'));
      if (!node) return 'no text node holds display:flex';
      const range = document.createRange();
      const start = node.textContent.indexOf('display:flex');
      range.setStart(node, start);
      range.setEnd(node, start + 'display:flex'.length);
      const w = range.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('.monaco-editor .squiggly-warning')].map((s) => s.getBoundingClientRect());
      const hit = boxes.some((s) => Math.abs(s.top + s.height / 2 - (w.top + w.height / 2)) < w.height && s.left <= w.left + 2 && s.right >= w.right - 2);
      return hit || `no warning box spans ${JSON.stringify(w)}: ${JSON.stringify(boxes)}`;
    });
    if (under !== true) throw new Error(`no warning squiggle under display:flex: ${under}`);
    await runCommand('Show or Focus Hover');
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /caniemail\.com/ }).first();
    await hover.waitFor();
    const text = normal(await hover.innerText());
    for (const wanted of [/display:flex/, /Outlook \(Windows\)\s*❌ not supported/, /Apple Mail[^\n]*✅ supported/, /Gmail[^\n]*⚠️ partial/]) {
      if (!wanted.test(text)) throw new Error(`the hover lacks ${wanted}:\n${text}`);
    }
    await shot('html-checks-hover');
    await page.keyboard.press('Escape');
    await hover.waitFor({ state: 'detached' }).catch(() => hover.waitFor({ state: 'hidden' }));
    await page.keyboard.press('Control+J');
  });

  await step('transcript colours: 2xx, 4xx and 5xx codes and a field name and value inside DATA differ, in the dark and the light theme', async () => {
    await runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await quickOpen('colours.smtp');
    const readColours = () =>
      page.evaluate(async () => {
        // Read after the next frames: the view draws on animation frames.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const editor = [...document.querySelectorAll('.monaco-editor')].find((e) =>
          [...e.querySelectorAll('.view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').startsWith('S: 452')),
        );
        const spans = (re) => {
          const line = [...(editor?.querySelectorAll('.view-line') ?? [])].find((l) => re.test(l.textContent.replace(/\u00a0/g, ' ')));
          return [...(line?.querySelectorAll('span > span') ?? [])].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), colour: getComputedStyle(s).color }));
        };
        const colourOf = (re, piece) => spans(re).find((s) => s.text.includes(piece))?.colour;
        return {
          keyword: colourOf(/^S: 250 8BITMIME/, '8BITMIME'),
          success: colourOf(/^S: 250 2\.1\.5/, '250'),
          transient: colourOf(/^S: 452/, '452'),
          permanent: colourOf(/^S: 550/, '550'),
          fieldName: colourOf(/^C: Subject:/, 'Subject'),
          fieldValue: colourOf(/^C: Subject:/, 'Colours'),
          lines: { subject: spans(/^C: Subject:/), transient: spans(/^S: 452/) },
        };
      });
    const hex = (rgb) => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('').toUpperCase();
    /**
     * Semantic tokens arrive after the grammar has coloured the file; a colour read before
     * they are drawn would hide exactly the bug this step is for. The EHLO keyword 8BITMIME
     * gets a semantic token (property) whose colour differs from the grammar's
     * (support.constant) in both themes: Developer: Inspect Editor Tokens and Scopes says
     * which colour wins, and the step waits until the view draws 8BITMIME in that colour.
     */
    const waitForSemanticColours = async (theme) => {
      await goTo(4, 8);
      // The inspector shows the tokens of the moment it opens: until the server's semantic
      // tokens have arrived it has no semantic section, so it is reopened until it has one.
      const widget = page.locator('.token-inspect-widget').first();
      const deadlineInspect = Date.now() + STEP_DEADLINE_MS;
      let info = '';
      for (;;) {
        await runCommand('Developer: Inspect Editor Tokens and Scopes');
        await widget.waitFor();
        info = normal(await widget.innerText());
        if (/semantic token type/.test(info) || Date.now() > deadlineInspect) break;
        await page.keyboard.press('Escape');
        await widget.waitFor({ state: 'detached' });
      }
      writeFileSync(join(screenshots, `token-inspect-${theme}.txt`), info);
      const wanted = /foreground\s+(#[0-9A-F]{6})/i.exec(info)?.[1]?.toUpperCase();
      if (!/semantic token type\s+property/.test(info) || !wanted) throw new Error(`8BITMIME has no semantic property colour:\n${info}`);
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'detached' });
      const deadline = Date.now() + STEP_DEADLINE_MS;
      let colours = await readColours();
      // Each read waits for two drawn frames: this loop follows the view, not a clock.
      while (!colours.keyword || hex(colours.keyword) !== wanted) {
        if (Date.now() > deadline) throw new Error(`8BITMIME is never drawn in its semantic colour ${wanted}: ${JSON.stringify(colours)}`);
        colours = await readColours();
      }
      return colours;
    };
    const check = (theme, c) => {
      writeFileSync(join(screenshots, `transcript-colours-${theme}.json`), JSON.stringify(c, null, 2));
      const problems = [];
      for (const key of ['success', 'transient', 'permanent', 'fieldName', 'fieldValue']) if (!c[key]) problems.push(`no span for ${key}`);
      if (c.success === c.transient) problems.push(`250 and 452 share ${c.success}`);
      if (c.success === c.permanent) problems.push(`250 and 550 share ${c.success}`);
      // 4xx (retry later) and 5xx (failed for good) must not be two close reds: a minimum
      // distance in RGB, which the old pair (string.regexp against markup.deleted, 43 in
      // Dark Modern, 55 in Light Modern) failed and the function colour passes (about 90).
      const distance = colourDistance(c.transient, c.permanent);
      if (!(distance >= MIN_REPLY_CLASS_DISTANCE)) problems.push(`452 (${c.transient}) and 550 (${c.permanent}) are too close: ${distance?.toFixed(0)} < ${MIN_REPLY_CLASS_DISTANCE}`);
      if (c.fieldName === c.fieldValue) problems.push(`the Subject field name and its value inside DATA share ${c.fieldName}`);
      if (problems.length) throw new Error(`${theme} theme: ${problems.join('; ')}\n${JSON.stringify(c.lines)}`);
    };
    check('dark', await waitForSemanticColours('dark'));
    await shot('transcript-colours-dark');
    try {
      await setTheme('Light Modern', 'vs');
      check('light', await waitForSemanticColours('light'));
      await shot('transcript-colours-light');
    } finally {
      await setTheme('Dark Modern', 'vs-dark');
    }
  });

  await step('the Settings UI shows the settings under SMTP & EML, labelled without the smtpEml key prefix', async () => {
    await runCommand('View: Close All Editors');
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
    await runCommand('Preferences: Open Settings (UI)');
    const editor = page.locator('.settings-editor').first();
    await editor.waitFor();
    // What the extension's gear (Extensions view, Settings) opens: the settings filtered to the extension.
    const search = editor.locator('.settings-header .suggest-input-container .monaco-editor').first();
    await search.click();
    await page.keyboard.type('@ext:smtp-eml.smtp-eml');
    const labelsOf = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.settings-editor .settings-tree-container .monaco-list-row .setting-item-contents')].map((r) => ({
          category: (r.querySelector('.setting-item-category')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
          label: (r.querySelector('.setting-item-label')?.textContent ?? '').replace(/\u00a0/g, ' ').trim(),
        })),
      );
    const defaultServer = editor.locator('.settings-tree-container .setting-item-contents').filter({ has: page.locator('.setting-item-label', { hasText: /^Default Server$/ }) }).first();
    await defaultServer.waitFor();
    // In search results VS Code always prefixes the key's first segments ("Smtp Eml: ...", from
    // settingKeyToDisplayFormat against the result list's own group); kept as a record, not asserted.
    writeFileSync(join(screenshots, 'settings-labels-ext-filter.json'), JSON.stringify(await labelsOf(), null, 2));
    await shot('settings-ext-filter');
    // The table of contents names the extension's group by its display name, once.
    await editor.locator('.settings-toc-container .monaco-list-row').filter({ hasText: /^SMTP & EML/ }).first().waitFor();
    // Browsing the groups (no search): VS Code trims the group's id from each key it shows, and
    // the configuration sections' ids (smtpEml, smtpEml.diagnostics) match their keys, so no
    // label carries the prefix.
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    const tocRow = (re) => editor.locator('.settings-toc-container .monaco-list-row').filter({ hasText: re }).first();
    // The whole table of contents is back (search mode lists only the extension's group).
    await tocRow(/^\s*Commonly Used\b/).waitFor();
    const toc = editor.locator('.settings-toc-container').first();
    /** The table of contents is a virtual list: rows below its fold are not in the page until it scrolls. */
    const openTocRow = async (re) => {
      const row = tocRow(re);
      const deadline = Date.now() + STEP_DEADLINE_MS;
      while (!(await row.count())) {
        if (Date.now() > deadline) throw new Error(`no table of contents row matches ${re}`);
        await toc.hover();
        await page.mouse.wheel(0, 120);
        // Each turn waits for the list to draw again: this loop follows the view, not a clock.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      await row.click();
      if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    };
    await openTocRow(/^\s*Extensions\b/);
    await openTocRow(/^\s*SMTP & EML\b/);
    await editor.locator('.settings-tree-container .settings-group-title-label').filter({ hasText: /^General$/ }).first().waitFor();
    await defaultServer.waitFor();
    const general = (await labelsOf()).filter((r) => r.label);
    await shot('settings-toc');
    await openTocRow(/^\s*Diagnostic Severities\b/);
    await editor.locator('.settings-tree-container .setting-item-contents').filter({ has: page.locator('.setting-item-label', { hasText: /^Address-syntax$/ }) }).first().waitFor();
    const severities = (await labelsOf()).filter((r) => r.label);
    await shot('settings-toc-severities');
    writeFileSync(join(screenshots, 'settings-labels-toc.json'), JSON.stringify({ general, severities }, null, 2));
    const prefixed = [...general, ...severities].filter((r) => /smtp\s*eml/i.test(`${r.category} ${r.label}`));
    if (prefixed.length) throw new Error(`labels carry the key prefix: ${JSON.stringify(prefixed)}`);
    if (!general.some((r) => r.category === '' && r.label === 'Default Server')) throw new Error(`Default Server is not labelled bare: ${JSON.stringify(general)}`);
    if (!severities.some((r) => r.category === '' && r.label === 'Address-syntax')) throw new Error(`the severity of address-syntax is not labelled bare: ${JSON.stringify(severities)}`);
    await runCommand('View: Close All Editors');
  });

  await step('the Local Inbox view lists a received message by session; the picker shows Subject and From', async () => {
    await runCommand(`${CATEGORY}: Start Local Test Inbox`);
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
    await runCommand(`${CATEGORY}: Open Local Test Inbox`, { picker: true });
    await page.locator('.quick-input-widget').filter({ hasText: 'Local test inbox: 1 message' }).first().waitFor();
    const item = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Hello from the UI test' }).first();
    await item.waitFor();
    const itemText = normal(await item.innerText());
    if (!/Ada <ada@example\.org>/.test(itemText) || !/received/.test(itemText)) throw new Error(`the picker row lacks From or the time: ${itemText}`);
    await shot('inbox-picker');
    await page.keyboard.press('Escape');
  });

  await step('a transcript opened while its session runs follows the file: missing-quit goes once the client has quit', async () => {
    // Only this session's transcript open: the Problems panel then speaks of it alone.
    await runCommand('View: Close All Editors');
    const status = page.locator('.statusbar-item').filter({ hasText: /Inbox :\d+/ }).first();
    if (!(await status.isVisible())) await runCommand(`${CATEGORY}: Start Local Test Inbox`);
    await status.waitFor();
    const port = Number(/Inbox :(\d+)/.exec(normal(await status.innerText()))[1]);
    // A raw client that stops after its message and quits only when the test says so; it acts on
    // whole replies (test/helpers/lineReader.ts), however the inbox's segments are cut.
    const net = await import('node:net');
    const socket = net.connect(port, '127.0.0.1');
    onCleanup(() => socket.destroy());
    const replies = readReplies(socket);
    await replies.next(STEP_DEADLINE_MS);
    const say = async (line) => {
      socket.write(`${line}\r\n`);
      await replies.next(STEP_DEADLINE_MS);
    };
    await say('EHLO still-open.test');
    await say('MAIL FROM:<ada@example.org>');
    await say('RCPT TO:<bob@example.net>');
    await say('DATA');
    await say(['From: ada@example.org', 'To: bob@example.net', 'Subject: Session still open', 'Date: Thu, 03 Dec 2026 10:00:00 +0000', 'Message-ID: <still-open@example.org>', '', 'Not quit yet.', '.'].join('\r\n'));
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /local inbox/i }) }).first();
    const header = pane.locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await pane.locator('.monaco-list-row').filter({ hasText: 'still-open.test' }).first().click();
    const active = page.locator('.tabs-container .tab.active').filter({ hasText: /\.smtp$/ }).first();
    await active.waitFor();
    const tab = page.locator('.tabs-container .tab').filter({ hasText: normal(await active.innerText()).trim() }).first();
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^C:\s+\.$/ }).first().waitFor();
    await page.keyboard.press('Control+Shift+M');
    await problemRow('missing-quit').waitFor();
    await shot('inbox-transcript-open-session');
    // The transcript goes behind the session's message (VS Code watches the files of visible
    // editors outside the workspace only), and the client quits while it is hidden.
    await pane.locator('.monaco-list-row').filter({ hasText: 'Session still open' }).first().click();
    await page.locator('.tabs-container .tab.active').filter({ hasText: /\.eml$/ }).first().waitFor();
    const inboxDir = join(profile.userDataDir, 'User', 'globalStorage', 'smtp-eml.smtp-eml', 'inbox');
    const transcriptFile = readdirSync(inboxDir)
      .filter((f) => f.endsWith('.smtp'))
      .map((f) => join(inboxDir, f))
      .find((f) => readFileSync(f, 'utf8').includes('C: EHLO still-open.test'));
    if (!transcriptFile) throw new Error(`no transcript of the session in ${inboxDir}`);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await say('QUIT');
    await closed;
    // The inbox writes its closing note after the connection has closed: wait for it on disk.
    const deadline = Date.now() + STEP_DEADLINE_MS;
    while (!/^S: 221\b[^]*^# connection closed/m.test(readFileSync(transcriptFile, 'utf8'))) {
      if (Date.now() > deadline) throw new Error(`the transcript on disk does not end the session:\n${readFileSync(transcriptFile, 'utf8').slice(-300)}`);
      await page.waitForTimeout(50);
    }
    // Hidden, the open transcript is still the file as it is now: re-validated, no missing-quit in
    // the Problems panel (VS Code reads a hidden file again only when its tab is shown).
    await problemRow('missing-quit').waitFor({ state: 'detached' });
    await tab.click();
    await page.keyboard.press('Control+End');
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^S:\s+221\b/ }).first().waitFor();
    if (await tab.evaluate((t) => t.classList.contains('dirty'))) throw new Error('the transcript editor became dirty');
    await shot('inbox-transcript-quit');
    // Its context menu offers it as a script for the inbox (the command reads the document, read-only or not).
    await page.locator('.monaco-editor .view-line').filter({ hasText: /^S:\s+221\b/ }).first().click({ button: 'right' });
    const scriptItem = page.locator('.context-view .monaco-menu .action-item').filter({ hasText: 'Start Local Test Inbox with Script…' }).first();
    await scriptItem.waitFor();
    await shot('inbox-transcript-context-menu');
    await page.keyboard.press('Escape');
    await scriptItem.waitFor({ state: 'detached' });
    socket.destroy();
    await page.keyboard.press('Control+J');
  });

  await step('while the inbox runs, the status bar shows its port and count and the Explorer badge counts the stored messages', async () => {
    // The view's pane shows once the extension's contributions are in (the palette lists its commands from then on).
    await page.locator('.pane-header').filter({ hasText: /local inbox/i }).first().waitFor();
    const status = page.locator('.statusbar-item').filter({ hasText: /Inbox :\d+/ }).first();
    if (!(await status.isVisible())) await runCommand(`${CATEGORY}: Start Local Test Inbox`);
    await status.waitFor();
    const statusText = async () => normal(await status.innerText());
    const [, port, shown] = /Inbox :(\d+)(?: \((\d+)\))?/.exec(await statusText());
    const receivedBefore = Number(shown ?? 0);
    // The view's badge appears on its container's activity bar entry (the Explorer).
    const badge = page.locator('.activitybar .action-item').filter({ has: page.locator('.action-label[aria-label^="Explorer"]') }).locator('.badge-content').first();
    const badgeCount = async () => ((await badge.isVisible()) ? Number(normal(await badge.innerText()).trim()) : 0);
    const storedBefore = await badgeCount();
    const { createRequire } = await import('node:module');
    const nodemailer = createRequire(import.meta.url)('nodemailer');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(port), secure: false, ignoreTLS: true });
    for (let i = 1; i <= 3; i++) {
      await transport.sendMail({ from: 'Ada <ada@example.org>', to: 'Bob <bob@example.net>', subject: `Badge message ${i}`, text: `Message ${i}.` });
    }
    const wanted = storedBefore + 3;
    await page.waitForFunction(
      (n) => {
        const label = [...document.querySelectorAll('.activitybar .action-item .action-label')].find((a) => (a.getAttribute('aria-label') ?? '').startsWith('Explorer'));
        const content = label?.closest('.action-item')?.querySelector('.badge-content');
        return content?.textContent?.trim() === String(n);
      },
      wanted,
    );
    const title = (await page.locator('.activitybar .action-item .action-label[aria-label^="Explorer"]').first().getAttribute('aria-label')) ?? '';
    if (!title.includes(`${wanted} messages in the local inbox`)) throw new Error(`the Explorer entry does not name the badge's count: ${JSON.stringify(title)}`);
    await page.locator('.statusbar-item').filter({ hasText: `Inbox :${port} (${receivedBefore + 3})` }).first().waitFor();
    await shot('inbox-badge-and-status');
    // Stopped: the status bar item goes; the stored messages (and their badge) stay.
    await runCommand(`${CATEGORY}: Stop Local Test Inbox`);
    await status.waitFor({ state: 'hidden' });
    if ((await badgeCount()) !== wanted) throw new Error(`the badge changed when the inbox stopped: ${await badgeCount()}`);
    await shot('inbox-stopped');
  });

  return failures;
}

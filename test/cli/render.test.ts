/**
 * `smtp-eml render`: the bundled CLI writes the preview as one self-contained,
 * sanitized page; options, exit codes and messages.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli';

const root = join(__dirname, '..', '..', '..');
const sample = join(root, 'samples', 'multipart-attachments.eml');
const dir = mkdtempSync(join(tmpdir(), 'smtp-eml-render-'));
const cspOf = (html: string): string => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('smtp-eml render', () => {
  it('writes the sample as a self-contained page with --out (HTML alternative, attachments, nested message)', async () => {
    const out = join(dir, 'sample.html');
    const r = await runCli(['render', sample, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<h1 class="subject" dir="auto"[^>]*>Plans and tables — with attachments<\/h1>/);
    assert.match(html, /srcdoc="[^"]*&lt;b&gt;café&lt;\/b&gt;/);
    assert.match(html, /team\.csv<\/span><span class="att-type">text\/csv/);
    assert.match(html, /Re: Notes on the Analytical Engine/);
    assert.doesNotMatch(html, /data-action=/, 'no buttons in a file');
    assert.doesNotMatch(cspOf(html), /https?:/);
  });

  it('--allow-remote lets remote images load, never tracking pixels; default blocks both', async () => {
    const msg = join(dir, 'remote.eml');
    writeFileSync(msg, 'Subject: r\r\nContent-Type: text/html\r\n\r\n<img src="https://img.example/a.png" width="200"><img src="https://t.example/o.gif" width="1" height="1">\r\n');
    const blocked = await runCli(['render', msg]);
    assert.equal(blocked.status, 0);
    assert.doesNotMatch(blocked.stdout, /img\.example|t\.example/);
    assert.match(blocked.stdout, /1 remote image or style was blocked/);
    const allowed = await runCli(['render', msg, '--allow-remote']);
    assert.match(allowed.stdout, /img\.example\/a\.png/);
    assert.doesNotMatch(allowed.stdout, /t\.example/);
    assert.match(cspOf(allowed.stdout), /img-src data: https: http:/);
  });

  it('mbox: --message N picks the Nth message; transcripts render their DATA', async () => {
    const mbox = join(dir, 'two.mbox');
    writeFileSync(mbox, 'From a@example.org Mon Nov 30 10:00:00 2026\nSubject: first\n\none\n\nFrom b@example.org Mon Nov 30 11:00:00 2026\nSubject: second\n\ntwo\n');
    const second = await runCli(['render', mbox, '--message', '2']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, />second<\/h1>/);
    const third = await runCli(['render', mbox, '--message', '3']);
    assert.equal(third.status, 1);
    assert.match(third.stderr, /has no message 3/);
    const smtp = join(dir, 's.smtp');
    writeFileSync(smtp, 'S: 220 mx\r\nC: EHLO me\r\nS: 250 mx\r\nC: MAIL FROM:<a@example.org>\r\nS: 250 ok\r\nC: RCPT TO:<b@example.org>\r\nS: 250 ok\r\nC: DATA\r\nS: 354 go\r\nC: Subject: in a transcript\r\nC: \r\nC: body\r\nC: .\r\nS: 250 ok\r\n');
    const t = await runCli(['render', smtp]);
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, />in a transcript<\/h1>/);
  });

  it('Persian labels with --locale fa', async () => {
    const r = await runCli(['render', sample, '--locale', 'fa']);
    assert.match(r.stdout, /<html lang="fa" dir="rtl">/);
    assert.match(r.stdout, /پیوست‌ها/);
  });

  it('bad usage and unreadable files exit 2 with a clear message', async () => {
    const none = await runCli(['render']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /render needs exactly one FILE/);
    const missing = await runCli(['render', join(dir, 'nope.eml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.eml/);
    const badN = await runCli(['render', sample, '--message', 'x']);
    assert.equal(badN.status, 2);
    const help = await runCli(['--help']);
    assert.match(help.stdout, /smtp-eml render FILE \[--out FILE\.html\] \[--allow-remote\]/);
  });
});

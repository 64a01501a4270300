/**
 * The preview's model of a message, as a recipient's client would show it:
 * header decoding, body choice, cid: images, nested messages, charsets,
 * broken messages, source spans; and the message found in an mbox or a
 * transcript. CRLF and LF alike.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildPreview } from '../../../src/mail/preview/build';
import type { PreviewBlock, PreviewMessage } from '../../../src/mail/preview/model';
import { renderSections, renderStandalone } from '../../../src/mail/preview/render';
import { mboxMessageAt, messageAt, transcriptMessageAt } from '../../../src/mail/preview/source';
import { CORPUS_ROOT, listCorpusFiles } from '../../helpers/corpus';

const root = join(__dirname, '..', '..', '..', '..');
const lines = (eol: string, ...ls: string[]): string => ls.join(eol);
const body = (b: PreviewBlock | undefined) => {
  assert.ok(b && b.kind === 'body', `a body block, got ${b?.kind}`);
  return b;
};
const header = (m: PreviewMessage, name: string) => m.headers.find((h) => h.name === name)?.value;

for (const eol of ['\r\n', '\n']) {
  const label = eol === '\r\n' ? 'CRLF' : 'LF';
  describe(`buildPreview (${label})`, () => {
    it('decodes encoded words in headers and parses the date', () => {
      const text = lines(eol, 'From: =?utf-8?B?2LnZhNuM?= <ali@example.ir>', 'To: a@example.org, =?iso-8859-1?q?Ren=E9?= <r@example.org>', 'Subject: =?utf-8?q?caf=C3=A9?= =?utf-8?q?_au_lait?=', 'Date: Tue, 1 Dec 2026 10:00:00 +0330', '', 'hi', '');
      const m = buildPreview({ text }).message;
      assert.equal(header(m, 'from'), 'علی <ali@example.ir>');
      assert.equal(header(m, 'to'), 'a@example.org, René <r@example.org>');
      assert.equal(header(m, 'subject'), 'café au lait');
      assert.equal(m.headers.find((h) => h.name === 'date')?.isoDate, '2026-12-01T06:30:00.000Z');
      const from = m.headers.find((h) => h.name === 'from')!;
      assert.equal(text.slice(from.offset, from.end), 'From: =?utf-8?B?2LnZhNuM?= <ali@example.ir>');
    });

    it('multipart/alternative: shows the HTML, keeps the text as the other choice', () => {
      const text = lines(eol, 'Content-Type: multipart/alternative; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'plain', '--b', 'Content-Type: text/html', '', '<p>rich</p>', '--b--', '');
      const b = body(buildPreview({ text }).message.blocks[0]);
      assert.deepEqual(b.alternatives.map((a) => a.kind), ['text', 'html']);
      assert.equal(b.chosen, 1);
      assert.equal(b.alternatives[1].content.trim(), '<p>rich</p>');
    });

    it('multipart/alternative without HTML: the last text part', () => {
      const text = lines(eol, 'Content-Type: multipart/alternative; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'one', '--b', 'Content-Type: text/plain', '', 'two', '--b--', '');
      const b = body(buildPreview({ text }).message.blocks[0]);
      assert.equal(b.chosen, 1);
      assert.equal(b.alternatives[1].content, 'two');
    });

    it('multipart/related: the HTML root with its cid: image as a data: URI; the image is not listed as an attachment', () => {
      const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
      const text = lines(
        eol,
        'Content-Type: multipart/related; boundary=r',
        '',
        '--r',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>logo: <img src="cid:logo%40example.org"></p>',
        '--r',
        'Content-Type: image/png',
        'Content-ID: <logo@example.org>',
        'Content-Transfer-Encoding: base64',
        '',
        png,
        '--r',
        'Content-Type: image/png; name=unused.png',
        'Content-ID: <unused@example.org>',
        'Content-Transfer-Encoding: base64',
        '',
        png,
        '--r--',
        '',
      );
      const m = buildPreview({ text }).message;
      const b = body(m.blocks[0]);
      assert.match(b.alternatives[0].content, new RegExp(`<img src="data:image/png;base64,${png.replace(/[+/]/g, '\\$&')}" />`));
      assert.deepEqual(m.attachments.map((a) => a.name), ['unused.png']);
    });

    it('an attached message/rfc822 is shown nested with its own headers, and listed', () => {
      const text = lines(eol, 'Subject: outer', 'Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: text/plain', '', 'see attached', '--m', 'Content-Type: message/rfc822', '', 'Subject: =?utf-8?q?inn=C3=A9r?=', 'From: x@example.org', '', 'inner body', '--m--', '');
      const m = buildPreview({ text }).message;
      const nested = m.blocks.find((b) => b.kind === 'message');
      assert.ok(nested && nested.kind === 'message');
      assert.equal(header(nested.message, 'subject'), 'innér');
      assert.equal(body(nested.message.blocks[0]).alternatives[0].content.trim(), 'inner body');
      assert.deepEqual(m.attachments.map((a) => [a.name, a.mediaType]), [['innér.eml', 'message/rfc822']]);
    });

    it('charsets: iso-8859-1, windows-1256 and utf-8 bodies (quoted-printable and base64)', () => {
      const part = (charset: string, cte: string, content: string) => ['--m', `Content-Type: text/plain; charset=${charset}`, `Content-Transfer-Encoding: ${cte}`, '', content];
      const text = lines(
        eol,
        'Content-Type: multipart/mixed; boundary=m',
        '',
        ...part('iso-8859-1', 'quoted-printable', 'caf=E9 cr=E8me'),
        ...part('windows-1256', 'base64', Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]).toString('base64')),
        ...part('utf-8', 'base64', Buffer.from('سلام دنیا', 'utf8').toString('base64')),
        '--m--',
        '',
      );
      const texts = buildPreview({ text }).message.blocks.map((b) => body(b).alternatives[0].content.trim());
      assert.deepEqual(texts, ['café crème', 'سلام', 'سلام دنیا']);
    });

    it('attachments: name, type and decoded size; never decoded into the model', () => {
      const data = Buffer.alloc(3000, 7).toString('base64').replace(/(.{76})/g, `$1${eol}`);
      const text = lines(eol, 'Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: text/plain', '', 'hello', '--m', 'Content-Type: application/pdf; name="r=C3=A9sum=C3=A9.pdf"', 'Content-Disposition: attachment; filename*=utf-8\'\'r%C3%A9sum%C3%A9.pdf', 'Content-Transfer-Encoding: base64', '', data, '--m--', '');
      const p = buildPreview({ text });
      assert.deepEqual(p.message.attachments.map((a) => [a.name, a.mediaType, a.size, a.path]), [['résumé.pdf', 'application/pdf', 3000, '2']]);
      assert.ok(!JSON.stringify(p).includes(Buffer.alloc(30, 7).toString('base64')), 'the attachment bytes are not in the preview');
      // Junk outside the base64 alphabet is skipped, as the decoder does (the slow path of decodedSize).
      const junk = lines(eol, 'Content-Type: multipart/mixed; boundary=m', '', '--m', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', '', 'AAAA!!AA AA', '==', '--m--', '');
      assert.equal(buildPreview({ text: junk }).message.attachments[0].size, 6);
    });

    it('a broken message previews as far as it parses (no blank line, unclosed multipart, bad base64)', () => {
      const noSeparator = buildPreview({ text: lines(eol, 'Subject: s', 'this is the body', '') }).message;
      assert.equal(header(noSeparator, 'subject'), 's');
      assert.match(body(noSeparator.blocks[0]).alternatives[0].content, /this is the body/);
      const unclosed = buildPreview({ text: lines(eol, 'Content-Type: multipart/alternative; boundary=b', '', '--b', 'Content-Type: text/html', '', '<b>cut') }).message;
      assert.equal(body(unclosed.blocks[0]).alternatives[0].content, '<b>cut</b>');
      const badBase64 = buildPreview({ text: lines(eol, 'Content-Type: text/plain', 'Content-Transfer-Encoding: base64', '', 'aGVsbG8@@@!!', '') }).message;
      assert.equal(body(badBase64.blocks[0]).alternatives[0].content, 'hello');
      assert.equal(buildPreview({ text: '' }).message.blocks.length, 1);
    });

    it('hostile HTML in a body is sanitized and counted', () => {
      const text = lines(eol, 'Content-Type: text/html', '', '<script>alert(1)</script><img src="https://t.example/p.gif" width=1 height=1><img src="https://i.example/a.png">', '');
      const p = buildPreview({ text });
      assert.equal(p.trackersBlocked, 1);
      assert.equal(p.remoteBlocked, 1);
      assert.doesNotMatch(body(p.message.blocks[0]).alternatives[0].content, /script|https:/);
    });

    it('offsets map to the document through toDocument', () => {
      const text = lines(eol, 'Subject: s', '', 'b', '');
      const p = buildPreview({ text, toDocument: (o) => o + 100 });
      assert.equal(p.message.headers[0].offset, 100);
    });
  });
}

describe('the message of an mbox or a transcript', () => {
  const mbox = ['From a@example.org Mon Nov 30 10:00:00 2026', 'Subject: one', '', 'first', '', 'From b@example.org Mon Nov 30 11:00:00 2026', 'Subject: two', '', 'second', 'From within a line is body text', ''].join('\n');
  it('mbox: the message under the cursor, from its From line to the next', () => {
    const second = mbox.indexOf('second');
    const m = mboxMessageAt(mbox, second);
    assert.equal(m.offset, mbox.indexOf('From b@'));
    assert.equal(header(buildPreview(m).message, 'subject'), 'two');
    assert.equal(header(buildPreview(mboxMessageAt(mbox, 3)).message, 'subject'), 'one');
    const subject = buildPreview(m).message.headers[0];
    assert.equal(mbox.slice(subject.offset, subject.end), 'Subject: two');
  });
  it('transcript: the DATA message under the cursor, unstuffed, offsets in the transcript', () => {
    const t = ['S: 220 mx ESMTP', 'C: EHLO me', 'S: 250 mx', 'C: MAIL FROM:<a@example.org>', 'S: 250 ok', 'C: RCPT TO:<b@example.org>', 'S: 250 ok', 'C: DATA', 'S: 354 go', 'C: Subject: over smtp', 'C: ', 'C: ..dot line', 'C: .', 'S: 250 queued', 'C: QUIT', 'S: 221 bye', ''].join('\r\n');
    const m = transcriptMessageAt(t, 0);
    assert.ok(m);
    const p = buildPreview(m);
    assert.equal(header(p.message, 'subject'), 'over smtp');
    assert.equal(body(p.message.blocks[0]).alternatives[0].content, '.dot line\r\n');
    const h = p.message.headers[0];
    assert.equal(t.slice(h.offset, h.end), 'Subject: over smtp');
    assert.equal(transcriptMessageAt('S: 220 hi\r\nC: QUIT\r\n', 0), undefined);
  });
  it('eml: the whole document', () => {
    assert.deepEqual(messageAt('eml', 'Subject: x\n\ny', 5), { text: 'Subject: x\n\ny', offset: 0, end: 13 });
  });
});

describe('rendering', () => {
  const sample = readFileSync(join(root, 'samples', 'multipart-attachments.eml'), 'utf8');
  it('the sample: the HTML alternative in a sandboxed frame, the text one hidden, the CSV listed with Open and Save As', () => {
    const sections = renderSections(buildPreview({ text: sample }), { language: 'en', mode: 'webview' });
    const html = sections.map((s) => s.html).join('');
    assert.match(html, /<iframe class="msg-frame" sandbox="allow-same-origin"/);
    assert.match(html, /class="alt text-body"[^>]*hidden>/);
    assert.match(html, /team\.csv<\/span><span class="att-type">text\/csv<\/span><span class="att-size">39 bytes<\/span><button[^>]*data-action="open" data-path="2"/);
    assert.deepEqual(sections.map((s) => s.key), ['m:h', 'm:b0', 'm:b1', 'm:a']);
  });
  it('escapes message text everywhere outside the sanitized HTML', () => {
    const text = 'Subject: <img src=x onerror=alert(1)>\nFrom: "<b>" <a@example.org>\nContent-Type: text/plain; name="<script>.txt"\nContent-Disposition: attachment\n\n<script>alert(1)</script>\n';
    const html = renderStandalone(buildPreview({ text }), { language: 'en' });
    assert.doesNotMatch(html.replace(/<script>\(function\(\)\{[\s\S]*?<\/script>/, ''), /<img src=x|<script>\.txt|<b>"/);
  });
  it('the standalone page allows only its own script (by hash) and no remote load', () => {
    const html = renderStandalone(buildPreview({ text: sample }), { language: 'en' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'; /);
    assert.doesNotMatch(csp, /https?:/);
    assert.equal((html.match(/<script>/g) ?? []).length, 1);
  });
  it('Persian labels, right-to-left page, values with dir="auto"', () => {
    const html = renderStandalone(buildPreview({ text: sample }), { language: 'fa', problems: { errors: 2, warnings: 1 } });
    assert.match(html, /<html lang="fa" dir="rtl">/);
    assert.match(html, /<dt>از<\/dt><dd dir="auto">/);
    assert.match(html, /پیوست‌ها/);
    assert.match(html, /۲ خطا/);
  });
});

describe('corpus: every message previews without throwing', () => {
  const files = listCorpusFiles(join(CORPUS_ROOT, 'eml'), (name, size) => /\.(eml|msg|txt)$/i.test(name) && size < 2_000_000);
  it(`${files.length} corpus messages`, () => {
    for (const f of files) {
      const text = readFileSync(f, 'latin1');
      const p = buildPreview({ text });
      assert.ok(p.message, f);
      renderSections(p, { language: 'en', mode: 'webview' });
    }
  });
});

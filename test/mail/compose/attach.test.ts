/**
 * Attaching files: every shape of message (plain, no Content-Type, non-ASCII
 * body, already multipart/mixed with and without its close delimiter,
 * multipart/alternative), LF and CRLF. The result validates clean and each
 * attachment decodes to the same bytes under its own name.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { attachFiles, encodeParameter, type Attachment } from '../../../src/mail/compose/attach';
import { decodedBytes } from '../../../src/mail/message/body';
import { walkParts, type MimePart } from '../../../src/mail/message/model';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';

const HEAD = ['From: Ann <ann@example.org>', 'To: bob@example.com', 'Subject: files', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <a@example.org>'];

const FILES: Attachment[] = [
  { name: 'report.pdf', bytes: Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 255, 254]), contentType: 'application/pdf' },
  { name: 'گزارش سالانهٔ ۱۴۰۴ با نامی بلند که از یک خط بیشتر می‌شود.txt', bytes: Buffer.from('سلام\n', 'utf8'), contentType: 'text/plain; charset=UTF-8' },
  { name: 'big "quoted" name.bin', bytes: Buffer.alloc(5000, 7) },
];

function leaves(text: string): MimePart[] {
  const out: MimePart[] = [];
  walkParts(parseMessage(text).root, (p) => {
    if (!p.children.length && !p.embedded) out.push(p);
  });
  return out;
}

function assertAttached(result: string, files: readonly Attachment[]): void {
  assert.deepEqual(validateMessage(result).map((p) => `${p.code}: ${p.message}`), []);
  const parts = leaves(result);
  for (const f of files) {
    const part = parts.find((p) => p.filename === f.name);
    assert.ok(part, `a part named ${f.name}`);
    assert.equal(part!.disposition, 'attachment');
    assert.equal(part!.transferEncoding, 'base64');
    assert.deepEqual(decodedBytes(result, part!), Buffer.from(f.bytes));
  }
  for (const line of result.split(/\r?\n/)) assert.ok(line.length <= 78, `line over 78: ${line}`);
}

for (const eol of ['\n', '\r\n']) {
  const j = (...l: string[]): string => l.join(eol);
  describe(`attachFiles (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    it('a text message becomes multipart/mixed; its Content-* fields and body move into the first part', () => {
      const text = j(...HEAD, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', 'Caf=C3=A9 au lait', '');
      const out = attachFiles(text, FILES);
      assertAttached(out, FILES);
      assert.ok(out.includes(eol));
      assert.ok(!out.replace(/\r\n/g, '').includes('\r'), 'one line break style');
      const root = parseMessage(out).root;
      assert.equal(root.contentType.subtype, 'mixed');
      const first = root.children[0];
      assert.deepEqual(first.headers.map((h) => h.name), ['Content-Type', 'Content-Transfer-Encoding']);
      assert.equal(first.transferEncoding, 'quoted-printable');
      assert.equal(out.slice(first.bodyOffset, first.bodyEnd), 'Caf=C3=A9 au lait');
      assert.deepEqual(root.headers.map((h) => h.name), ['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Content-Type']);
    });

    it('a message without Content-Type or MIME-Version, with a non-ASCII body', () => {
      const text = j(...HEAD, '', 'سلام دنیا', '');
      const out = attachFiles(text, FILES.slice(0, 1));
      assertAttached(out, FILES.slice(0, 1));
      const first = parseMessage(out).root.children[0];
      assert.equal(first.charset, 'utf-8');
      assert.equal(first.transferEncoding, '8bit');
    });

    it('a multipart/mixed message gets parts before its close delimiter; nothing else changes', () => {
      const text = j(...HEAD, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="xyz"', '', 'preamble', '--xyz', 'Content-Type: text/plain', '', 'hi', '--xyz--', 'epilogue', '');
      const out = attachFiles(text, FILES);
      assertAttached(out, FILES);
      assert.ok(out.startsWith(text.slice(0, text.indexOf('--xyz--'))));
      assert.ok(out.endsWith(j('--xyz--', 'epilogue', '')));
      assert.equal(parseMessage(out).root.children.length, 1 + FILES.length);
    });

    it('a multipart/mixed message without its close delimiter is closed', () => {
      const text = j(...HEAD, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="xyz"', '', '--xyz', 'Content-Type: text/plain', '', 'hi');
      const out = attachFiles(text, FILES.slice(2));
      assertAttached(out, FILES.slice(2));
    });

    it('multipart/alternative becomes the first part of a new multipart/mixed', () => {
      const text = j(...HEAD, 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="alt"', '', '--alt', 'Content-Type: text/plain', '', 'hi', '--alt', 'Content-Type: text/html', '', '<p>hi</p>', '--alt--', '');
      const out = attachFiles(text, FILES.slice(0, 1));
      assertAttached(out, FILES.slice(0, 1));
      const root = parseMessage(out).root;
      assert.equal(root.children[0].contentType.subtype, 'alternative');
      assert.equal(root.children[0].children.length, 2);
    });

    it('an mbox separator line stays first', () => {
      const text = j('From ann@example.org Fri Nov 27 10:00:00 2026', ...HEAD, '', 'x', '');
      const out = attachFiles(text, FILES.slice(0, 1));
      assert.ok(out.startsWith('From ann@example.org Fri Nov 27 10:00:00 2026' + eol + 'From: Ann'));
      assertAttached(out, FILES.slice(0, 1));
    });
  });
}

describe('RFC 2231 parameters', () => {
  it('ASCII as a token or quoted string; non-ASCII percent-encoded; long values in sections', () => {
    assert.deepEqual(encodeParameter('filename', 'a.pdf'), ['filename=a.pdf']);
    assert.deepEqual(encodeParameter('filename', 'a b "c".pdf'), ['filename="a b \\"c\\".pdf"']);
    assert.deepEqual(encodeParameter('filename', 'é.txt'), ["filename*=utf-8''%C3%A9.txt"]);
    const long = encodeParameter('filename', 'ü'.repeat(40));
    assert.ok(long.length > 1);
    assert.ok(long[0].startsWith("filename*0*=utf-8''%C3%BC"));
    assert.ok(long[1].startsWith('filename*1*=%C3%BC'));
    assert.ok(long.every((p) => !/%C3$/.test(p)), 'no octet split between sections');
  });
});

/**
 * Reply and Forward as Attachment: threading fields, subjects, the quoted text
 * (decoded from quoted-printable and base64 first), the original attached
 * byte for byte, and results that validate clean. Originals in LF and CRLF.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { composeForward, composeReply, foldField } from '../../../src/mail/compose/reply';
import { decodedText } from '../../../src/mail/message/body';
import { parseDateTime } from '../../../src/mail/message/dates';
import { findHeader } from '../../../src/mail/message/model';
import { parseMessage } from '../../../src/mail/message/parse';
import { validateMessage } from '../../../src/mail/message/validate';

const NOW = new Date('2026-11-28T09:30:00Z');
const FROM = 'Bob <bob@example.com>';

function original(eol: string): string {
  return [
    'From ann@example.org Fri Nov 27 10:00:00 2026',
    'From: =?UTF-8?B?2KLZhg==?= <ann@example.org>',
    'Reply-To: Ann Lists <ann+lists@example.org>',
    'To: bob@example.com',
    'Subject: =?UTF-8?Q?Caf=C3=A9?= plans',
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    'Message-ID: <m2@example.org>',
    'References: <m0@example.org> <m1@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Shall we meet at the caf=C3=A9?',
    '> earlier words',
    '',
    'A long line that goes on and on and on and on and on and on and on =',
    'and on and on and on and on and on and on and on and on and ends here.',
    '--b',
    'Content-Type: application/octet-stream',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="x.bin"',
    '',
    'AAEC',
    '--b--',
    '',
  ].join(eol);
}

for (const eol of ['\n', '\r\n']) {
  describe(`composing from an original (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    it('reply: To from Reply-To, Re: subject, In-Reply-To, References, the text quoted; validates clean', () => {
      const out = composeReply(original(eol), { from: FROM, now: NOW });
      assert.deepEqual(validateMessage(out).map((p) => p.code), []);
      const { root } = parseMessage(out);
      const v = (n: string): string | undefined => findHeader(root, n)?.value;
      assert.equal(v('to'), 'Ann Lists <ann+lists@example.org>');
      assert.equal(v('from'), FROM);
      assert.equal(v('subject'), 'Re: =?UTF-8?Q?Caf=C3=A9?= plans');
      assert.equal(v('in-reply-to'), '<m2@example.org>');
      assert.equal(v('references'), '<m0@example.org> <m1@example.org> <m2@example.org>');
      assert.match(v('message-id')!, /^<[^@]+@example\.com>$/);
      assert.equal(parseDateTime(v('date')!).date?.getTime(), NOW.getTime());
      const body = decodedText(out, root);
      assert.match(body, /آن <ann@example\.org> wrote:\r?\n> Shall we meet at the café\?\r?\n>> earlier words\r?\n>\r?\n> A long line that goes on .* and ends here\./);
      assert.ok(!body.includes('AAEC'), 'attachments are not quoted');
      assert.ok(out.split(/\r?\n/).every((l) => l.length <= 78));
    });

    it('reply to a reply keeps a single Re:', () => {
      const first = composeReply(original(eol), { from: FROM, now: NOW });
      const second = composeReply(first, { from: 'Ann <ann@example.org>', now: NOW });
      assert.equal(findHeader(parseMessage(second).root, 'subject')?.value, 'Re: =?UTF-8?Q?Caf=C3=A9?= plans');
      assert.equal(findHeader(parseMessage(second).root, 'to')?.value, FROM);
      assert.deepEqual(validateMessage(second).map((p) => p.code), []);
    });

    it('forward as attachment: Fwd: subject, References, the original (without its mbox line) as message/rfc822; validates clean', () => {
      const orig = original(eol);
      const out = composeForward(orig, { from: FROM, to: 'carol@example.net', now: NOW });
      assert.deepEqual(validateMessage(out).map((p) => p.code), []);
      const { root } = parseMessage(out);
      assert.equal(findHeader(root, 'subject')?.value, 'Fwd: =?UTF-8?Q?Caf=C3=A9?= plans');
      assert.equal(findHeader(root, 'references')?.value, '<m0@example.org> <m1@example.org> <m2@example.org>');
      assert.equal(findHeader(root, 'in-reply-to'), undefined);
      const attached = root.children[1];
      assert.equal(attached.contentType.subtype, 'rfc822');
      assert.equal(attached.filename, 'Café plans.eml');
      assert.ok(attached.embedded);
      const inner = out.slice(attached.bodyOffset, attached.bodyEnd);
      const expected = orig.slice(orig.indexOf('\n') + 1).replace(/\r?\n/g, '\r\n').replace(/(\r\n)+$/, '');
      assert.equal(inner, expected);
      assert.equal(findHeader(attached.embedded!, 'message-id')?.value, '<m2@example.org>');
    });
  });
}

describe('folding new header fields', () => {
  it('folds at white space within 78 characters', () => {
    const ids = Array.from({ length: 8 }, (_, i) => `<message-number-${i}@lists.example.org>`).join(' ');
    const folded = foldField('References', ids, '\r\n');
    assert.ok(folded.split('\r\n').every((l) => l.length <= 78));
    assert.equal(folded.replace(/\r\n /g, ' '), `References: ${ids}`);
  });
});

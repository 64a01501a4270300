/**
 * `eight-bit-without-8bitmime` (RFC 6152 §3) and `smtputf8-required` (RFC 6531
 * §3.4): where each fires (exact range and line) and near misses, with CRLF
 * and LF line ends, in English and in Persian (same codes and ranges, Persian
 * messages).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasRtl } from '../../../src/mail/bidi';
import type { ProblemCode } from '../../../src/mail/codes';
import { bundleFor } from '../../../src/mail/i18n';
import { assertFires, assertQuiet, session, smtpProblems } from './util';

/** Body lines start at line 7 in `session()` with its default three extensions (8BITMIME, SIZE, HELP). */
const B = 7;
const s = (body: string[], ext?: string[]) => (eol: string) => session(eol, body, ext);
const send = (mail: string, rcpt: string, message: string[]) => [`C: MAIL FROM:<${mail}`, 'S: 250 OK', `C: RCPT TO:<${rcpt}`, 'S: 250 OK', 'C: DATA', 'S: 354 go', ...message.map((l) => (l ? `C: ${l}` : 'C:')), 'C: .', 'S: 250 OK'];
const ASCII_MESSAGE = ['Subject: x', '', 'hello'];
const EIGHT_BIT_MESSAGE = ['Subject: x', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', 'gr\u00fc\u00dfe'];

const FIRES: Array<{ name: string; code: ProblemCode; build: (eol: string) => string; covered: string; line: number }> = [
  { name: '8-bit body, no BODY=8BITMIME', code: 'eight-bit-without-8bitmime', build: s(send('a@example.org>', 'b@example.org>', EIGHT_BIT_MESSAGE)), covered: '\u00fc', line: B + 10 },
  { name: '8-bit header, no BODY=8BITMIME', code: 'eight-bit-without-8bitmime', build: s(send('a@example.org>', 'b@example.org>', ['Subject: Gr\u00fc\u00dfe', '', 'hello'])), covered: '\u00fc', line: B + 6 },
  { name: 'BODY=8BITMIME but the server did not advertise 8BITMIME', code: 'eight-bit-without-8bitmime', build: s(send('a@example.org> BODY=8BITMIME', 'b@example.org>', EIGHT_BIT_MESSAGE), ['SIZE']), covered: '\u00fc', line: B - 2 + 10 },
  { name: 'non-ASCII RCPT without the SMTPUTF8 parameter', code: 'smtputf8-required', build: s(send('a@example.org> BODY=8BITMIME', 'j\u00fcrgen@b\u00fccher.de>', ASCII_MESSAGE), ['8BITMIME', 'SMTPUTF8', 'HELP']), covered: 'j\u00fcrgen@b\u00fccher.de', line: B + 2 },
  { name: 'non-ASCII MAIL FROM to a server without SMTPUTF8', code: 'smtputf8-required', build: s(send('j\u00fcrgen@b\u00fccher.de> SMTPUTF8', 'b@example.org>', ASCII_MESSAGE)), covered: 'j\u00fcrgen@b\u00fccher.de', line: B },
];

const QUIET: Array<{ name: string; code: ProblemCode; build: (eol: string) => string }> = [
  { name: '8-bit body declared and advertised', code: 'eight-bit-without-8bitmime', build: s(send('a@example.org> BODY=8BITMIME', 'b@example.org>', EIGHT_BIT_MESSAGE)) },
  { name: 'the same text as quoted-printable, undeclared', code: 'eight-bit-without-8bitmime', build: s(send('a@example.org>', 'b@example.org>', ['Subject: x', 'Content-Transfer-Encoding: quoted-printable', '', 'gr=C3=BC=C3=9Fe'])) },
  { name: 'non-ASCII only in a note after the message', code: 'eight-bit-without-8bitmime', build: s([...send('a@example.org>', 'b@example.org>', ASCII_MESSAGE), '# gr\u00fc\u00dfe']) },
  { name: 'ASCII addresses', code: 'smtputf8-required', build: s(send('a@example.org>', 'b@example.org>', ASCII_MESSAGE)) },
  { name: 'non-ASCII address with SMTPUTF8 declared and advertised', code: 'smtputf8-required', build: s(send('j\u00fcrgen@b\u00fccher.de> SMTPUTF8 BODY=8BITMIME', 'm\u00fcller@b\u00fccher.de>', ASCII_MESSAGE), ['8BITMIME', 'SMTPUTF8', 'HELP']) },
  { name: 'A-label (xn--) domain', code: 'smtputf8-required', build: s(send('a@example.org>', 'juergen@xn--bcher-kva.de>', ASCII_MESSAGE)) },
];

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';
  describe(`8BITMIME / SMTPUTF8 codes fire (${tag})`, () => {
    for (const c of FIRES) {
      test(`${c.code}: ${c.name}`, () => {
        const text = c.build(eol);
        const en = assertFires(text, c.code, c.covered, c.line);
        // Persian: the same code at the same place, the message in Persian.
        const fa = assertFires(text, c.code, c.covered, c.line, smtpProblems(text, bundleFor('fa')));
        assert.ok(hasRtl(fa.message), fa.message);
        assert.ok(!hasRtl(en.message), en.message);
        assert.equal(fa.severity, 'error');
      });
    }
  });
  describe(`8BITMIME / SMTPUTF8 codes stay quiet on near misses (${tag})`, () => {
    for (const c of QUIET) {
      test(`${c.code}: ${c.name}`, () => {
        const text = c.build(eol);
        assertQuiet(text, c.code);
        assertQuiet(text, c.code, smtpProblems(text, bundleFor('fa')));
      });
    }
  });
}

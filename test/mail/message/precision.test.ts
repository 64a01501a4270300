/**
 * Precision on real mail: what real tools write must not raise false errors,
 * and the defects they hide must be found. Each case runs with CRLF and LF.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { validateMessage } from '../../../src/mail/message/validate';
import { parseMessage, isMboxFromLine } from '../../../src/mail/message/parse';
import { ENGLISH_DETAILS } from '../../../src/mail/message/messages';
import { PERSIAN_DETAILS } from '../../../src/mail/locales/fa';

const crlf = (...lines: string[]): string => lines.join('\r\n') + '\r\n';
const VARIANTS: Array<[string, (s: string) => string]> = [
  ['CRLF', (s) => s],
  ['LF', (s) => s.replace(/\r\n/g, '\n')],
];

/** `code covered-text` of every problem. */
const found = (text: string): string[] => validateMessage(text).map((p) => `${p.code} ${text.slice(p.offset, p.offset + p.length)}`);
const codes = (text: string): string[] => validateMessage(text).map((p) => p.code);

const HEADER_REST = ['To: Bob <bob@example.org>', 'Subject: Hello', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <abc.123@example.com>'];

describe('mbox "From " lines', () => {
  for (const [label, eol] of VARIANTS) {
    it(`"From :" (white space before the colon) is the From field, not an mbox line (${label})`, () => {
      const text = eol(crlf('From : Alice <alice@example.com>', ...HEADER_REST, '', 'Hi.'));
      assert.deepEqual(found(text), [`header-space-before-colon  `]);
      // Its address is checked.
      const bad = eol(crlf('From : Alice <alice@>', ...HEADER_REST, '', 'Hi.'));
      assert.deepEqual(codes(bad), ['header-space-before-colon', 'address-syntax']);
      assert.ok(!codes(bad).includes('missing-from'));
    });

    it(`a real mbox "From sender date" line before the header is skipped (${label})`, () => {
      const text = eol(crlf('From alice@example.com Fri Nov 27 10:00:00 2026', 'From: Alice <alice@example.com>', ...HEADER_REST, '', 'Hi.'));
      assert.deepEqual(found(text), []);
      const root = parseMessage(text).root;
      assert.equal(text.slice(root.offset, root.offset + 5), 'From:');
    });

    it(`an mbox line at the start of an attached message/rfc822 is skipped and the attached message is validated (${label})`, () => {
      const text = eol(
        crlf(
          'From: Alice <alice@example.com>',
          ...HEADER_REST,
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="outer"',
          '',
          '--outer',
          'Content-Type: text/plain',
          '',
          'See the forwarded message.',
          '--outer',
          'Content-Type: message/rfc822',
          '',
          'From carol@example.net Thu Nov 26 09:00:00 2026',
          'From: Carol <carol@example.net>',
          'Subject: inner',
          'Date: Thu, 26 Nov 2026 09:00:00 +0000',
          'MIME-Version: 1.0',
          'Content-Type: multipart/alternative; boundary="inner-typo"',
          '',
          '--inner',
          'Content-Type: text/plain',
          '',
          'x',
          '--inner--',
          '--outer--',
        ),
      );
      // No "none of From, Subject and Date": the attached header was read as a header.
      assert.deepEqual(found(text), ['boundary-not-found "inner-typo"']);
      const attached = parseMessage(text).root.children[1].embedded!;
      assert.equal(attached.headers[0].name, 'From');
      assert.equal(attached.headers.length, 5);
    });

    it(`an ARF report's message/rfc822 part with an mbox line has its header read (${label})`, () => {
      const text = eol(
        crlf(
          'From: abuse@example.com',
          ...HEADER_REST,
          'MIME-Version: 1.0',
          'Content-Type: multipart/report; report-type=feedback-report; boundary="arf"',
          '',
          '--arf',
          'Content-Type: text/plain',
          '',
          'This is an abuse report.',
          '--arf',
          'Content-Type: message/feedback-report',
          '',
          'Feedback-Type: abuse',
          'Version: 1',
          '--arf',
          'Content-Type: message/rfc822',
          'Content-Disposition: inline',
          '',
          'From spammer@example.net  Thu Nov 26 09:00:00 2026',
          'From : Spammer <spammer@example.net>',
          'Subject: buy now',
          '',
          'spam',
          '--arf--',
        ),
      );
      // The attached message's own "From :" is obsolete syntax, and is the only finding.
      assert.deepEqual(found(text), ['header-space-before-colon  ']);
    });

    it(`a "From :" first line of an attached message is its From field (${label})`, () => {
      const text = eol(crlf('From: a@example.com', ...HEADER_REST, 'MIME-Version: 1.0', 'Content-Type: message/rfc822', '', 'From : Carol <carol@example.net>', 'Subject: inner', '', 'x'));
      assert.deepEqual(found(text), ['header-space-before-colon  ']);
    });
  }

  it('isMboxFromLine: "From " then a non-colon word', () => {
    assert.equal(isMboxFromLine('From alice@example.com Fri Nov 27 10:00:00 2026\n', 0), true);
    assert.equal(isMboxFromLine('From MAILER-DAEMON Fri Nov 27 10:00:00 2026', 0), true);
    assert.equal(isMboxFromLine('From : Alice <a@example.org>\n', 0), false);
    assert.equal(isMboxFromLine('From  \t: Alice\n', 0), false);
    assert.equal(isMboxFromLine('From \r\n', 0), false);
    assert.equal(isMboxFromLine('From: Alice\n', 0), false);
    assert.equal(isMboxFromLine('x\nFrom a b\n', 2), true);
  });
});

describe('empty and malformed MIME fields', () => {
  const base = (...extra: string[]): string => crlf('From: Alice <alice@example.com>', ...HEADER_REST, 'MIME-Version: 1.0', ...extra, '', 'Hello.');
  for (const [label, eol] of VARIANTS) {
    it(`empty Content-Transfer-Encoding is cte-unknown; empty and encoded-word Content-Disposition are content-disposition-syntax (${label})`, () => {
      assert.deepEqual(found(eol(base('Content-Transfer-Encoding:'))), ['cte-unknown Content-Transfer-Encoding']);
      assert.deepEqual(found(eol(base('Content-Transfer-Encoding:  (none)'))), ['cte-unknown Content-Transfer-Encoding']);
      assert.deepEqual(found(eol(base('Content-Disposition:'))), ['content-disposition-syntax Content-Disposition']);
      assert.deepEqual(found(eol(base('Content-Disposition: =?utf-8?Q?invalid?='))), ['content-disposition-syntax =?utf-8?Q?invalid?=']);
      assert.deepEqual(found(eol(base("Content-Disposition: attachment; filename*=utf-8''r%C3%A9sum%C3%A9.pdf"))), []);
    });
    it(`an empty MIME-Version inside a part and an empty encoded word are reported (${label})`, () => {
      const text = eol(
        crlf('From: Alice <alice@example.com>', ...HEADER_REST, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'MIME-Version:', 'Content-Type: text/plain', 'Content-Description: =?UTF-8?B??=', '', 'x', '--b--'),
      );
      assert.deepEqual(found(text), ['mime-version-value MIME-Version', 'encoded-word-invalid =?UTF-8?B??=']);
    });
  }
});

describe('encoded words inside a quoted display name', () => {
  it('is still reported (RFC 2047 §5), with a message that says many readers decode it', () => {
    const text = crlf('From: "=?UTF-8?Q?Al=C3=AFce?=" <alice@example.com>', ...HEADER_REST, '', 'Hi.');
    const p = validateMessage(text).find((x) => x.code === 'encoded-word-invalid')!;
    assert.equal(text.slice(p.offset, p.offset + p.length), '"=?UTF-8?Q?Al=C3=AFce?="');
    assert.match(p.message, /strict readers show it raw/);
    assert.match(p.message, /many decode it/);
    assert.doesNotMatch(p.message, /are not decoded/);
    assert.match(PERSIAN_DETAILS['encoded-word-in-quotes'](), /خام/);
    assert.match(ENGLISH_DETAILS['word-empty'](), /at least one character/);
  });
});

/**
 * Precision on real logs: partial and one-sided transcripts, PRDR, swaks'
 * output modes and AUTH data written in plain text. Inputs written here, each
 * run with CRLF and LF line ends.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyReplacements, convertToCanonical, credentialRedactions } from '../../../src/mail/transcript/convert';
import { detectDialect } from '../../../src/mail/transcript/lines';
import { parseTranscript, recipientOutcomes, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';
import { assertFires, assertQuiet, lines, where } from './util';

/** `code covered-text @line` of every warning and error (any source). */
const findings = (text: string): string[] =>
  validateTranscript(text)
    .filter((p) => p.severity === 'error' || p.severity === 'warning')
    .map((p) => `${p.code} ${JSON.stringify(where(text, p).covered)} @${where(text, p).line}`);

const GREETING = ['S: 220 mx.example.com ESMTP'];
const EHLO = ['C: EHLO client.example.org', 'S: 250-mx.example.com', 'S: 250-PIPELINING', 'S: 250-8BITMIME', 'S: 250 PRDR'];
const MESSAGE = ['C: From: a@example.org', 'C: To: b@example.org', 'C: Subject: hi', 'C: Date: Fri, 27 Nov 2026 10:00:00 +0000', 'C: Message-ID: <1@example.org>', 'C:', 'C: hello', 'C: .'];

for (const eol of ['\r\n', '\n']) {
  const tag = eol === '\n' ? 'LF' : 'CRLF';
  const t = (...ls: string[]): string => lines(eol, ...ls);

  describe(`partial transcripts (${tag})`, () => {
    test('a lost EHLO reply gives one missing-reply, not contradictory sequence errors', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', 'C: MAIL FROM:<a@example.org>', 'S: 250 2.1.0 Ok', 'C: RCPT TO:<b@example.org>', 'S: 250 2.1.5 Ok', 'C: QUIT', 'S: 221 2.0.0 Bye');
      assert.deepEqual(findings(text), ['missing-reply "EHLO" @2']);
      assertFires(text, 'missing-reply', 'EHLO', 2);
      assertQuiet(text, 'out-of-sequence');
    });

    test('a client that really pipelines past EHLO (every reply arrives) is still out of sequence', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', 'C: MAIL FROM:<a@example.org>', 'S: 250 mx.example.com', 'S: 250 2.1.0 Ok', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), ['out-of-sequence "MAIL" @3']);
    });

    test('a fragment that starts with a 535 reply is not a closed session', () => {
      const text = t('S: 535 5.7.8 Authentication credentials invalid', 'C: MAIL FROM:<a@example.org>', 'S: 250 2.1.0 Ok', 'C: RCPT TO:<b@example.org>', 'S: 250 2.1.5 Ok', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), ['missing-greeting "535" @1']);
    });

    test('a fragment that starts inside a transaction: RCPT and DATA are taken as allowed', () => {
      const text = t('S: 250 2.1.0 Sender ok', 'C: RCPT TO:<b@example.org>', 'S: 250 2.1.5 Ok', 'C: DATA', 'S: 354 go ahead', ...MESSAGE, 'S: 250 2.0.0 queued', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), ['missing-greeting "250" @1']);
    });

    test('421 still closes the session', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', 'S: 421 4.3.2 shutting down', 'C: MAIL FROM:<a@example.org>');
      assertFires(text, 'out-of-sequence', 'MAIL', 4);
    });
  });

  describe(`one-sided transcripts (${tag})`, () => {
    test('client lines only: no missing replies, the DATA lines are the message', () => {
      const text = t('C: EHLO client.example.org', 'C: MAIL FROM:<a@example.org>', 'C: RCPT TO:<b@example.org>', 'C: DATA', ...MESSAGE, 'C: QUIT');
      assert.deepEqual(findings(text), []);
      const s = parseTranscript(text);
      assert.equal(s.dataBlocks[0].terminated, true);
      assert.equal(s.dataBlocks[0].lines.length, 7);
    });

    test('client lines only, AUTH LOGIN: the responses up to the next command are AUTH data', () => {
      const text = t('C: EHLO client.example.org', 'C: AUTH LOGIN', 'C: dXNlcg==', 'C: c2VjcmV0', 'C: MAIL FROM:<a@example.org>', 'C: QUIT');
      assert.deepEqual(findings(text), ['credentials-exposed "dXNlcg==" @3', 'credentials-exposed "c2VjcmV0" @4']);
    });

    test('server lines only: no reply-without-command, 221 ends the session', () => {
      const text = t(...GREETING, 'S: 250-mx.example.com', 'S: 250 8BITMIME', 'S: 250 2.1.0 Ok', 'S: 354 go', 'S: 250 2.0.0 queued', 'S: 221 Bye');
      assert.deepEqual(validateTranscript(text).map((p) => p.code), []);
    });
  });

  describe(`PRDR (${tag})`, () => {
    const prdr = (mailParams: string, afterDot: string[]): string =>
      t(
        ...GREETING,
        ...EHLO,
        `C: MAIL FROM:<a@example.org>${mailParams}`,
        'S: 250 OK',
        'C: RCPT TO:<b@example.org>',
        'S: 250 Accepted',
        'C: RCPT TO:<nobody@example.org>',
        'S: 550 5.1.1 No such user',
        'C: RCPT TO:<c@example.org>',
        'S: 250 Accepted',
        'C: DATA',
        'S: 354 Enter message',
        ...MESSAGE,
        ...afterDot,
        'C: QUIT',
        'S: 221 Bye',
      );
    const answered = ['S: 353 PRDR content analysis beginning', 'S: 250 OK for b', 'S: 550 5.7.1 content refused for c', 'S: 250 OK, 1 of 2 recipients accepted'];

    test('353, one reply per accepted recipient, then the final reply: no warning', () => {
      const text = prdr(' PRDR', answered);
      assert.deepEqual(findings(text), []);
      const s = parseTranscript(text);
      const tx = s.transactions[0];
      assert.equal(tx.end?.reply?.code, 250);
      assert.deepEqual(tx.end?.intermediate.map((r) => r.code), [353]);
      assert.deepEqual(tx.prdr?.map((o) => [o.rcpt.address, o.reply.code]), [['b@example.org', 250], ['c@example.org', 550]]);
      assert.equal(transactionOutcome(tx).text, 'delivered to 1 of 3 recipients: 250 OK, 1 of 2 recipients accepted');
      assert.deepEqual(recipientOutcomes(tx).map((r) => r.text), ['PRDR: <b@example.org> answered 250 OK for b', 'PRDR: <c@example.org> answered 550 5.7.1 content refused for c']);
    });

    test('353 without PRDR in MAIL FROM is an unexpected reply', () => {
      const text = prdr('', answered);
      assertFires(text, 'reply-unexpected', '353', 25);
    });

    test('PRDR in MAIL FROM needs PRDR in the EHLO reply', () => {
      const text = prdr(' PRDR', answered).replace('S: 250 PRDR', 'S: 250 SIZE');
      assertFires(text, 'command-syntax', 'PRDR', 7);
    });
  });

  describe(`AUTH data in plain text (${tag})`, () => {
    const ext = ['S: 250-mx.example.com', 'S: 250 AUTH LOGIN PLAIN'];
    test('AUTH LOGIN: the user name and password after each 334', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', ...ext, 'C: AUTH LOGIN', 'S: 334 Username:', 'C: me@example.org', 'S: 334 Password:', 'C: s3cret', 'S: 235 2.7.0 ok', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), ['credentials-exposed "me@example.org" @7', 'credentials-exposed "s3cret" @9']);
      const p = validateTranscript(text).filter((x) => x.code === 'credentials-exposed');
      assert.match(p[0].message, /user name in plain text/);
      assert.match(p[1].message, /password in plain text/);
      // The redact quick fix covers them like the base64 form.
      const redacted = applyReplacements(text, credentialRedactions(text));
      assert.ok(!redacted.includes('s3cret') && !redacted.includes('me@example.org'));
      assert.deepEqual(findings(redacted), []);
    });

    test('AUTH PLAIN with \\0 separators, as swaks --auth-plaintext prints it', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', ...ext, 'C: AUTH PLAIN \\0me@example.org\\0s3cret', 'S: 235 2.7.0 ok', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), ['credentials-exposed "\\\\0me@example.org\\\\0s3cret" @5']);
      const masked = text.replace('\\0s3cret', '\\0<redacted>');
      assert.deepEqual(findings(masked), ['credentials-exposed "\\\\0me@example.org\\\\0<redacted>" @5']);
      assert.match(validateTranscript(masked)[0].message, /user name in plain text/);
    });

    test('near miss: redacted plain text, and CRAM-MD5 data (no password in it)', () => {
      const text = t(...GREETING, 'C: EHLO client.example.org', ...ext, 'C: AUTH LOGIN', 'S: 334 Username:', 'C: <redacted>', 'S: 334 Password:', 'C: <redacted>', 'S: 235 2.7.0 ok', 'C: QUIT', 'S: 221 Bye');
      assert.deepEqual(findings(text), []);
    });
  });

  describe(`swaks output modes, written by hand (${tag})`, () => {
    const head = ['=== Trying 127.0.0.1:25...', '=== Connected to 127.0.0.1.'];
    const tail = ['=== Connection closed with remote host.'];
    test('--suppress-data: "-> 11 lines sent" stands for the message', () => {
      const text = t(...head, '<-  220 mx ESMTP', ' -> EHLO c.example', '<-  250 mx', ' -> MAIL FROM:<a@example.org>', '<-  250 OK', ' -> RCPT TO:<b@example.org>', '<-  250 OK', ' -> DATA', '<-  354 go', ' -> 11 lines sent', '<-  250 queued', ' -> QUIT', '<-  221 Bye', ...tail);
      assert.equal(detectDialect(text), 'swaks');
      assert.deepEqual(findings(text), []);
      const s = parseTranscript(text);
      assert.equal(s.dataBlocks[0].elided, true);
      assert.equal(transactionOutcome(s.transactions[0]).text, 'delivered to 1 recipient: 250 queued');
      const canonical = convertToCanonical(text);
      assert.deepEqual(findings(canonical), []);
      assert.match(canonical, /# -> 11 lines sent(\r?\n)C: \./);
    });

    test('--no-send-hints: client lines without " -> ", blank message lines included', () => {
      const text = t(...head, '<-  220 mx ESMTP', 'EHLO c.example', '<-  250 mx', 'MAIL FROM:<a@example.org>', '<-  250 OK', 'RCPT TO:<b@example.org>', '<-  250 OK', 'DATA', '<-  354 go', ...MESSAGE.map((l) => l.slice(3)), '<-  250 queued', 'QUIT', '<-  221 Bye', ...tail);
      assert.deepEqual(findings(text), []);
      const block = parseTranscript(text).dataBlocks[0];
      assert.deepEqual(block.lines.map((l) => l.content).slice(4, 7), ['Message-ID: <1@example.org>', '', 'hello']);
    });

    test('--no-receive-hints: server lines without "<-  "; --no-hints: neither', () => {
      const recv = t(...head, '220 mx ESMTP', ' -> EHLO c.example', '250-mx', '250 PIPELINING', ' -> QUIT', '221 Bye', ...tail);
      assert.deepEqual(findings(recv), []);
      assert.equal(parseTranscript(recv).quit?.reply?.code, 221);
      const none = t(...head, '220 mx ESMTP', 'EHLO c.example', '250 mx', 'MAIL FROM:<a@example.org>', '250 OK', 'RCPT TO:<b@example.org>', '250 OK', 'DATA', '354 go', 'From: a@example.org', 'To: b@example.org', 'Subject: 250 is a number', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <1@example.org>', '', '250 in the body is message text', '.', '250 queued', 'QUIT', '221 Bye', ...tail);
      assert.equal(detectDialect(none), 'swaks');
      const s = parseTranscript(none);
      assert.deepEqual(s.dataBlocks[0].lines.map((l) => l.content).slice(2), ['Subject: 250 is a number', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <1@example.org>', '', '250 in the body is message text']);
      assert.equal(transactionOutcome(s.transactions[0]).text, 'delivered to 1 recipient: 250 queued');
      assert.deepEqual(findings(none), []);
    });

    test('--hide-receive and --hide-send: one side only', () => {
      const sent = t(...head, ' -> EHLO c.example', ' -> MAIL FROM:<a@example.org>', ' -> RCPT TO:<b@example.org>', ' -> DATA', ...MESSAGE.map((l) => ` -> ${l.slice(3)}`), ' -> QUIT', ...tail);
      assert.deepEqual(findings(sent), []);
      const received = t(...head, '<-  220 mx', '<-  250 mx', '<-  250 OK', '<-  250 OK', '<-  354 go', '<-  250 queued', '<-  221 Bye', ...tail);
      assert.deepEqual(validateTranscript(received).map((p) => p.code), []);
    });
  });
}

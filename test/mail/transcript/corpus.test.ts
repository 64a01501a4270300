/**
 * The RFC examples of the shared corpus (RFC 5321 Appendix D, RFC 2920, 3207,
 * 4954), read at test time. rfc-normalized must pass clean but for the
 * reviewed exceptions in test/fixtures/smtp/rfc-corpus.expected.json; rfc (with
 * the printed pseudo lines) must give exactly the recorded, reviewed codes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CODES } from '../../../src/mail/codes';
import { parseTranscript, transactionOutcome } from '../../../src/mail/transcript/parse';
import { validateTranscript } from '../../../src/mail/transcript/validate';
import { CORPUS, FIXTURES, readFolder, where } from './util';

const expected = JSON.parse(readFileSync(join(FIXTURES, 'rfc-corpus.expected.json'), 'utf8')) as Record<string, Record<string, string[]>> & {
  reasons: Record<string, string>;
};

const smtpCodes = (text: string): string[] =>
  validateTranscript(text)
    .filter((p) => CODES[p.code].source === 'smtp')
    .map((p) => `${p.code}@${where(text, p).line}`);

for (const folder of ['rfc-normalized', 'rfc']) {
  const files = readFolder(join(CORPUS, folder));
  test(`${folder}: every corpus file has a reviewed expectation`, () => {
    assert.ok(files.length >= 17);
    assert.deepEqual(files.map((f) => f.name).sort(), Object.keys(expected[folder]).sort());
  });
  for (const { name, text } of files) {
    test(`${folder}/${name}: protocol codes as reviewed`, () => {
      assert.deepEqual(smtpCodes(text), expected[folder][name]);
      // Also with CRLF line ends.
      assert.deepEqual(smtpCodes(text.replace(/\r?\n/g, '\r\n')), expected[folder][name]);
      for (const c of expected[folder][name]) assert.ok(expected.reasons[c.split('@')[0]], `reason recorded for ${c}`);
    });
  }
}

test('rfc-normalized: only the reviewed codes are errors or warnings', () => {
  for (const { name, text } of readFolder(join(CORPUS, 'rfc-normalized'))) {
    const severe = validateTranscript(text).filter((p) => CODES[p.code].source === 'smtp' && (p.severity === 'error' || p.severity === 'warning'));
    const allowed = new Set(expected['rfc-normalized'][name]);
    for (const p of severe) assert.ok(allowed.has(`${p.code}@${where(text, p).line}`), `${name}: ${p.code} ${p.message}`);
  }
});

test('RFC 5321 D.3: the relayed message itself has no error or warning', () => {
  // Needs the real message validator; the message is a proper RFC 5322 message.
  for (const name of ['rfc5321-D.3-relayed-step1.txt', 'rfc5321-D.3-relayed-step2.txt']) {
    const text = readFileSync(join(CORPUS, 'rfc-normalized', name), 'utf8');
    const severe = validateTranscript(text).filter((p) => p.severity === 'error' || p.severity === 'warning');
    assert.deepEqual(severe.map((p) => p.code), [], name);
  }
});

test('RFC 5321 D.1: the session model (greeting, EHLO extensions, transaction outcome, QUIT)', () => {
  const s = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc5321-D.1-typical-transaction.txt'), 'utf8'));
  assert.equal(s.greeting?.code, 220);
  assert.deepEqual(s.hellos[0].extensions.map((e) => e.keyword), ['8BITMIME', 'SIZE', 'DSN', 'HELP']);
  assert.equal(s.transactions.length, 1);
  const t = s.transactions[0];
  assert.equal(t.mail?.address, 'Smith@bar.com');
  assert.deepEqual(t.rcpts.map((r) => [r.address, r.reply?.code]), [['Jones@foo.com', 250], ['Green@foo.com', 550], ['Brown@foo.com', 250]]);
  assert.equal(t.block?.lines.length, 2);
  assert.equal(t.end?.reply?.code, 250);
  assert.equal(transactionOutcome(t).text, 'delivered to 2 of 3 recipients: 250 OK');
  assert.equal(s.quit?.reply?.code, 221);
});

test('RFC 5321 D.2: an aborted transaction', () => {
  const s = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc5321-D.2-aborted-transaction.txt'), 'utf8'));
  assert.equal(transactionOutcome(s.transactions[0]).kind, 'reset');
});

test('RFC 2920: pipelined replies are matched in order', () => {
  const s = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc2920-4-pipelining.txt'), 'utf8'));
  const t = s.transactions[0];
  assert.deepEqual(t.rcpts.map((r) => r.reply?.lines[0].text), ['recipient <ned@innosoft.com> OK', 'recipient <dan@innosoft.com> OK', 'recipient <kvc@innosoft.com> OK']);
  assert.equal(t.end?.reply?.text, 'message sent');
  assert.equal(s.quit?.reply?.code, 221);
  const r = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc2920-4-pipelining-all-rcpt-rejected.txt'), 'utf8'));
  assert.equal(transactionOutcome(r.transactions[0]).text, 'rejected at DATA: 554 no valid recipients given');
});

test('RFC 4954: AUTH exchanges with 334 challenges and responses', () => {
  const s = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc4954-4.1-auth-cram-md5.txt'), 'utf8'));
  assert.equal(s.auths.length, 1);
  assert.equal(s.auths[0].mechanism, 'CRAM-MD5');
  assert.equal(s.auths[0].challenges.length, 1);
  assert.equal(s.auths[0].responses[0].content, 'cmpzMyBlYzNhNTlmZWQzOTVhYmExZWM2MzY3YzRmNGI0MWFjMA==');
  assert.equal(s.auths[0].result?.code, 235);
  const tls = parseTranscript(readFileSync(join(CORPUS, 'rfc-normalized', 'rfc3207-5-starttls.txt'), 'utf8'));
  assert.equal(tls.starttls[0].reply?.code, 220);
  assert.equal(tls.hellos.length, 2);
  assert.ok(!tls.hellos[1].extensions.some((e) => e.keyword === 'STARTTLS'));
});

/**
 * Transcript diagnostics name what is wrong with detail keys, like the message
 * side, so a Persian diagnostic holds no English phrase: before, the SMTP path
 * and argument checks passed English sentences ("the domain is missing") into
 * the Persian message. One sample transcript per transcript detail key; the
 * table must cover every such key, so a new key without a sample fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripBidi } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { ENGLISH_DETAILS, type DetailKey } from '../../src/mail/message/messages';
import { validateTranscript } from '../../src/mail/transcript';
import { englishWords } from '../helpers/englishWords';

const HEAD = ['S: 220 mx.example.org ESMTP', 'C: EHLO client.example.com', 'S: 250-mx.example.org', 'S: 250-SIZE 1000000', 'S: 250-DSN', 'S: 250-8BITMIME', 'S: 250-SMTPUTF8', 'S: 250 AUTH LOGIN PLAIN'];

/** A transcript whose line `line` draws the detail, followed by a refusal. */
const session = (...lines: string[]): string => [...HEAD, ...lines, 'C: QUIT', 'S: 221 bye', ''].join('\r\n');

const SAMPLES: Array<{ key: DetailKey; text: string }> = [
  { key: 'smtp-address-empty', text: session('C: MAIL FROM:<@relay.example:>', 'S: 501 bad') },
  { key: 'smtp-quote-unclosed', text: session('C: MAIL FROM:<"abc>', 'S: 501 bad') },
  { key: 'smtp-quoted-control', text: session('C: MAIL FROM:<"a\u0001b"@example.org>', 'S: 501 bad') },
  { key: 'smtp-local-char', text: session('C: MAIL FROM:<a(b@example.org>', 'S: 501 bad') },
  { key: 'smtp-local-empty', text: session('C: MAIL FROM:<@example.org>', 'S: 501 bad') },
  { key: 'smtp-domain-absent', text: session('C: MAIL FROM:<alice>', 'S: 501 bad') },
  { key: 'smtp-domain-char', text: session('C: MAIL FROM:<a@exa_mple.org>', 'S: 501 bad') },
  { key: 'smtp-literal-unclosed', text: session('C: MAIL FROM:<a@[192.0.2.1>', 'S: 501 bad') },
  { key: 'smtp-literal-invalid', text: session('C: MAIL FROM:<a@[]>', 'S: 501 bad') },
  { key: 'smtp-domain-missing', text: session('C: MAIL FROM:<a@>', 'S: 501 bad') },
  { key: 'smtp-label-invalid', text: session('C: MAIL FROM:<a@example..org>', 'S: 501 bad') },
  { key: 'smtp-label-hyphen', text: session('C: MAIL FROM:<a@example-.org>', 'S: 501 bad') },
  { key: 'smtp-space', text: session('C: MAIL FROM:<a b@example.org>', 'S: 501 bad') },
  { key: 'smtp-control', text: session('C: MAIL FROM:<a\u0001b@example.org>', 'S: 501 bad') },
  { key: 'smtp-path-too-long', text: session(`C: MAIL FROM:<${'a'.repeat(250)}@example.org>`, 'S: 501 bad') },
  { key: 'expect-domain-or-queue', text: session('C: ETRN', 'S: 501 bad') },
  { key: 'expect-user-or-mailbox', text: session('C: VRFY', 'S: 501 bad') },
  { key: 'expect-client-domain', text: ['S: 220 mx.example.org ESMTP', 'C: HELO', 'S: 501 bad', 'C: QUIT', 'S: 221 bye', ''].join('\r\n') },
  { key: 'expect-size', text: session('C: MAIL FROM:<a@example.org> SIZE=big', 'S: 501 bad') },
  { key: 'expect-body', text: session('C: MAIL FROM:<a@example.org> BODY=9BIT', 'S: 501 bad') },
  { key: 'expect-ret', text: session('C: MAIL FROM:<a@example.org> RET=ALL', 'S: 501 bad') },
  { key: 'expect-no-value', text: session('C: MAIL FROM:<a@example.org> SMTPUTF8=yes', 'S: 501 bad') },
  { key: 'expect-prdr-no-value', text: session('C: MAIL FROM:<a@example.org> PRDR=yes', 'S: 501 bad') },
  { key: 'expect-xtext-value', text: session('C: MAIL FROM:<a@example.org> ENVID', 'S: 501 bad') },
  { key: 'expect-notify', text: session('C: MAIL FROM:<a@example.org>', 'S: 250 ok', 'C: RCPT TO:<b@example.org> NOTIFY=SOMETIMES', 'S: 501 bad') },
  { key: 'expect-orcpt', text: session('C: MAIL FROM:<a@example.org>', 'S: 250 ok', 'C: RCPT TO:<b@example.org> ORCPT=nosemicolon', 'S: 501 bad') },
  { key: 'credential-user', text: session('C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', `C: ${Buffer.from('alice').toString('base64')}`, 'S: 334 UGFzc3dvcmQ6', 'C: <redacted>', 'S: 235 ok') },
  { key: 'credential-password', text: session('C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: <redacted>', 'S: 334 UGFzc3dvcmQ6', `C: ${Buffer.from('hunter2-secret').toString('base64')}`, 'S: 235 ok') },
];

const TRANSCRIPT_KEYS = (Object.keys(ENGLISH_DETAILS) as DetailKey[]).filter((k) => /^(smtp|expect|credential)-/.test(k));

test('every transcript detail key has a sample', () => {
  assert.deepEqual([...new Set(SAMPLES.map((s) => s.key))].sort(), [...TRANSCRIPT_KEYS].sort());
});

for (const sample of SAMPLES) {
  test(`${sample.key}: the English message carries the detail; the Persian one holds no English words`, () => {
    const english = (ENGLISH_DETAILS[sample.key] as (...a: string[]) => string)('(', '_');
    const englishMessages = validateTranscript(sample.text, { l10n: bundleFor('en') }).map((p) => p.message);
    const stem = english.split('`')[0].trim();
    assert.ok(englishMessages.some((m) => m.includes(stem)), `no English message holds "${stem}": ${JSON.stringify(englishMessages)}`);
    const forms = [sample.text.toLowerCase().replace(/\s+/g, ' ')];
    const findings = validateTranscript(sample.text, { l10n: bundleFor('fa') })
      .map((p) => ({ code: p.code, words: englishWords(p.message, forms), message: stripBidi(p.message) }))
      .filter((f) => f.words.length);
    assert.deepEqual(findings, []);
  });
}

/**
 * The one RFC 5321 §4.1.2 mailbox check (src/mail/mailbox.ts): per detail key
 * a text that fires it, with the exact offset and length of the offending part,
 * and a near miss that is a valid mailbox; then the envelope and the transcript,
 * which both use it, agree on the same addresses.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildEnvelope, checkEnvelopeAddress } from '../../src/mail/envelope';
import { bundleFor } from '../../src/mail/i18n';
import { checkMailbox, checkPathContent, type MailboxProblem } from '../../src/mail/mailbox';
import { ENGLISH_DETAILS, renderDetail, type Detail } from '../../src/mail/message/messages';
import { PERSIAN_DETAILS } from '../../src/mail/locales/fa';
import { validateTranscript } from '../../src/mail/transcript';

type Row = [name: string, text: string, expected: [detail: Detail, offset: number, length: number] | undefined];

const LONG_LOCAL = 'a'.repeat(242); // + '@example.org' = 254 octets, the most a path may hold
const WIDE_LOCAL = 'é'.repeat(121); // 242 octets in UTF-8

/** checkPathContent(text, 0, text.length, 'recipient'): fires, then the near miss, per detail key. */
const ROWS: Row[] = [
  ['smtp-address-empty: nothing after a source route', '@relay.example:', [['smtp-address-empty'], 15, 0]],
  ['near miss: a source route before a mailbox is ignored', '@relay.example,@b.example:a@example.org', undefined],
  ['smtp-quote-unclosed', '"abc@example.org', [['smtp-quote-unclosed'], 0, 16]],
  ['smtp-quote-unclosed: a backslash escapes the last quote', '"abc\\"@example.org', [['smtp-quote-unclosed'], 0, 18]],
  ['near miss: quoted local part with space and an escaped quote', '"a \\" b"@example.org', undefined],
  ['smtp-quoted-control', '"a\u0001b"@example.org', [['smtp-quoted-control'], 2, 1]],
  ['smtp-quoted-control: an escaped control character (quoted-pairSMTP is %d32-126)', '"a\\\u0001"@example.org', [['smtp-quoted-control'], 3, 1]],
  ['smtp-quoted-control: a tab inside quotes', '"a\tb"@example.org', [['smtp-quoted-control'], 2, 1]],
  ['near miss: an escaped printable character', '"a\\zb"@example.org', undefined],
  ['smtp-local-char', 'a(b@example.org', [['smtp-local-char', '('], 1, 1]],
  ['smtp-local-char: a leading dot', '.a@example.org', [['smtp-local-char', '.'], 0, 1]],
  ['smtp-local-char: two dots', 'a..b@example.org', [['smtp-local-char', '.'], 2, 1]],
  ['smtp-domain-char: a second "@"', 'a@b@example.org', [['smtp-domain-char', '@'], 3, 1]],
  ['near miss: every atext character', "a!#$%&'*+-/=?^_`{|}~@example.org", undefined],
  ['near miss: a UTF-8 local part (RFC 6531)', 'δοκιμή@example.org', undefined],
  ['smtp-local-empty', '@example.org', [['smtp-local-empty'], 0, 0]],
  ['smtp-local-empty: a dot before "@"', 'a.@example.org', [['smtp-local-empty'], 2, 0]],
  ['near miss: a dotted local part', 'a.b.c@example.org', undefined],
  ['smtp-domain-absent', 'alice', [['smtp-domain-absent'], 5, 0]],
  ['near miss: postmaster alone is a recipient (RFC 5321 §4.5.1)', 'PostMaster', undefined],
  ['smtp-domain-char', 'a@exa_mple.org', [['smtp-domain-char', '_'], 5, 1]],
  ['smtp-domain-char: at the start of the domain', 'a@_x.org', [['smtp-domain-char', '_'], 2, 1]],
  ['near miss: hyphens inside a label, a UTF-8 label', 'a@ex-am-ple.bücher.example', undefined],
  ['smtp-literal-unclosed', 'a@[192.0.2.1', [['smtp-literal-unclosed'], 2, 10]],
  ['near miss: IPv4 and IPv6 address literals', 'a@[IPv6:2001:db8::1]', undefined],
  ['smtp-literal-invalid: empty', 'a@[]', [['smtp-literal-invalid'], 2, 2]],
  ['smtp-literal-invalid: white space inside', 'a@[192.0.2 .1]', [['smtp-literal-invalid'], 2, 12]],
  ['smtp-literal-invalid: a backslash inside', 'a@[a\\b]', [['smtp-literal-invalid'], 2, 5]],
  ['smtp-domain-char: text after the literal', 'a@[192.0.2.1]x', [['smtp-domain-char', 'x'], 13, 1]],
  ['smtp-domain-missing', 'a@', [['smtp-domain-missing'], 2, 0]],
  ['near miss: a one-label domain', 'a@localhost', undefined],
  ['smtp-label-invalid: an empty label', 'a@example..org', [['smtp-label-invalid'], 10, 1]],
  ['smtp-label-invalid: a trailing dot', 'a@example.', [['smtp-label-invalid'], 10, 0]],
  ['smtp-label-invalid: a leading hyphen', 'a@-example.org', [['smtp-label-invalid'], 2, 1]],
  ['smtp-label-hyphen', 'a@example-.org', [['smtp-label-hyphen'], 9, 1]],
  ['smtp-label-hyphen: the last label', 'a@example.org-', [['smtp-label-hyphen'], 13, 1]],
  ['smtp-space: in the local part', 'a b@example.org', [['smtp-space'], 1, 1]],
  ['smtp-space: a tab after the domain', 'a@example.org\tx', [['smtp-space'], 13, 1]],
  ['smtp-control', 'a\u001bb@example.org', [['smtp-control'], 1, 1]],
  ['smtp-control: DEL in the domain', 'a@exa\u007fmple.org', [['smtp-control'], 5, 1]],
  ['smtp-path-too-long: 255 octets', `${LONG_LOCAL}a@example.org`, [['smtp-path-too-long'], 0, 255]],
  ['near miss: 254 octets', `${LONG_LOCAL}@example.org`, undefined],
  ['smtp-path-too-long: counted in UTF-8 octets, not characters', `${WIDE_LOCAL}é@example.org`, [['smtp-path-too-long'], 0, 134]],
  ['near miss: 254 UTF-8 octets', `${WIDE_LOCAL}@example.org`, undefined],
];

const asRow = (p: MailboxProblem | undefined): Row[2] => (p ? [p.detail, p.offset, p.length] : undefined);

describe('checkPathContent: one row per detail key, fires and near miss', () => {
  for (const [name, text, expected] of ROWS) {
    test(name, () => {
      assert.deepEqual(asRow(checkPathContent(text, 0, text.length, 'recipient')), expected);
    });
    test(`${name}: offsets are those of the whole text`, () => {
      const line = `RCPT TO:<${text}> NOTIFY=NEVER`;
      const got = checkPathContent(line, 9, 9 + text.length, 'recipient');
      assert.deepEqual(asRow(got), expected && [expected[0], expected[1] + 9, expected[2]]);
    });
  }

  test('the row table covers every key the check can give', () => {
    const keys = new Set(ROWS.flatMap(([, , e]) => (e ? [e[0][0]] : [])));
    // Every smtp- detail key is a reason of this check.
    const expected = Object.keys(ENGLISH_DETAILS).filter((k) => k.startsWith('smtp-'));
    assert.deepEqual([...keys].sort(), expected.sort());
  });

  test('postmaster is a recipient only; a sender needs a domain', () => {
    assert.deepEqual(asRow(checkPathContent('postmaster', 0, 10, 'sender')), [['smtp-domain-absent'], 10, 0]);
    assert.equal(checkPathContent('postmaster', 0, 10, 'recipient'), undefined);
  });

  test('checkMailbox alone takes no source route and no postmaster', () => {
    assert.deepEqual(asRow(checkMailbox('@a:b@example.org', 0, 16)), [['smtp-local-empty'], 0, 0]);
    assert.deepEqual(asRow(checkMailbox('postmaster', 0, 10)), [['smtp-domain-absent'], 10, 0]);
    assert.deepEqual(asRow(checkMailbox('x', 0, 0)), [['smtp-address-empty'], 0, 0]);
  });
});

describe('checkEnvelopeAddress: the mailbox check, after what is never transmitted', () => {
  const rows: Row[] = [
    ['path-line-break, also inside quotes', '"a\r\nRCPT TO:<b>"@example.org', [['path-line-break'], 2, 1]],
    ['path-line-break reported before white space further left', 'a b@example.org\nBcc: x', [['path-line-break'], 15, 1]],
    ['path-nul', 'a@example.org\u0000b', [['path-nul'], 13, 1]],
    ['path-angle, also inside quotes (the grammar allows it there)', '"a<b"@example.org', [['path-angle'], 2, 1]],
    ['the empty address', '', [['smtp-address-empty'], 0, 0]],
    ['the grammar decides the rest', 'a@exa_mple.org', [['smtp-domain-char', '_'], 5, 1]],
    ['near miss: quoted white space', '"a b"@example.org', undefined],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => assert.deepEqual(asRow(checkEnvelopeAddress(text, 'recipient')), expected));
  }

  test('a quoted angle bracket is a valid path to the grammar', () => {
    assert.equal(checkPathContent('"a<b"@example.org', 0, 17, 'recipient'), undefined);
  });

  test('the English reasons are the phrases the envelope always gave', () => {
    const phrase = (address: string): string => renderDetail(ENGLISH_DETAILS, checkEnvelopeAddress(address, 'recipient')!.detail);
    assert.equal(phrase('a@x\r\nRCPT TO:<b@y>'), 'it contains a line break');
    assert.equal(phrase('a\u0000@x'), 'it contains a NUL character');
    assert.equal(phrase('<a@x>'), 'it contains < or > (give the bare address)');
    assert.equal(phrase('a\u0001@x'), 'it contains a control character');
    assert.equal(phrase('a b@x'), 'it contains white space outside quotes');
    assert.equal(phrase(`${'a'.repeat(300)}@x`), 'it is longer than 254 octets (RFC 5321 §4.5.3.1.3)');
  });
});

describe('the envelope and the transcript agree on the same addresses', () => {
  const HEAD = ['S: 220 mx.example.org ESMTP', 'C: EHLO client.example.com', 'S: 250-mx.example.org', 'S: 250 SMTPUTF8', 'C: MAIL FROM:<a@example.com>', 'S: 250 ok'];
  const transcriptOf = (address: string): string => [...HEAD, `C: RCPT TO:<${address}>`, 'S: 501 bad', 'C: QUIT', 'S: 221 bye', ''].join('\r\n');
  const mailboxMessages = (address: string): string[] =>
    validateTranscript(transcriptOf(address)).filter((p) => p.code === 'command-syntax').map((p) => p.message);

  const BAD = [
    'a b@example.org', 'a\u0001b@example.org', '"abc@example.org', '"a\u0001"@example.org', 'alice', 'a(b@example.org', '.a@example.org',
    'a..b@example.org', '@example.org', 'a.@example.org', 'a@exa_mple.org', 'a@example-.org', 'a@example..org', 'a@-example.org',
    'a@[192.0.2.1', 'a@[]', 'a@', 'a@example.org.', `${LONG_LOCAL}a@example.org`,
  ];
  const GOOD = ['a@example.org', '"a b"@example.org', 'a@[192.0.2.1]', 'postmaster', 'δοκιμή@bücher.example', `${LONG_LOCAL}@example.org`];

  for (const address of BAD) {
    test(`refused by both, for the same reason: ${JSON.stringify(address)}`, () => {
      const why = checkEnvelopeAddress(address, 'recipient');
      assert.ok(why, 'the envelope accepts it');
      const reason = renderDetail(ENGLISH_DETAILS, why.detail);
      const env = buildEnvelope('From: a@example.com\nTo: x@example.com\n\nhi\n', { to: [address] });
      assert.deepEqual(env.problems, [`Recipient ${JSON.stringify(address)} cannot be used: ${reason}.`, 'No recipient: none of the addresses can be used.']);
      assert.deepEqual(mailboxMessages(address), [`Invalid mailbox: ${reason}.`]);
    });
  }

  for (const address of GOOD) {
    test(`accepted by both: ${JSON.stringify(address)}`, () => {
      assert.equal(checkEnvelopeAddress(address, 'recipient'), undefined);
      assert.deepEqual(buildEnvelope('From: a@example.com\n\nhi\n', { to: [address] }).to, [address]);
      assert.deepEqual(mailboxMessages(address), []);
    });
  }

  test('an address of a To field that RFC 5322 accepts but no SMTP path can carry is refused before sending', () => {
    // RFC 5322 §3.4.1 allows "_" and a leading hyphen in a dot-atom domain; RFC 5321 §4.1.2 does not.
    for (const [address, detail] of [['a@exa_mple.org', ['smtp-domain-char', '_']], ['a@-example.org', ['smtp-label-invalid']]] as const) {
      const env = buildEnvelope(`From: a@example.com\nTo: ${address}, ok@example.org\n\nhi\n`);
      assert.deepEqual(env.to, ['ok@example.org']);
      assert.deepEqual(env.problems, [`Recipient ${JSON.stringify(address)} cannot be used: ${renderDetail(ENGLISH_DETAILS, detail as Detail)}.`]);
      assert.deepEqual(mailboxMessages(address), [`Invalid mailbox: ${renderDetail(ENGLISH_DETAILS, detail as Detail)}.`]);
    }
  });

  test('in Persian both carry the Persian reason', () => {
    const address = 'a@exa_mple.org';
    const persian = renderDetail(PERSIAN_DETAILS, ['smtp-domain-char', '_']);
    const env = buildEnvelope('From: a@example.com\n\nhi\n', { to: [address] }, bundleFor('fa'));
    assert.ok(env.problems[0].includes(persian), env.problems[0]);
    const transcript = validateTranscript(transcriptOf(address), { l10n: bundleFor('fa') }).filter((p) => p.code === 'command-syntax');
    assert.equal(transcript.length, 1);
    assert.ok(transcript[0].message.includes(persian), transcript[0].message);
  });
});

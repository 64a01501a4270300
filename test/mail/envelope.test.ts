/**
 * The envelope rules (src/mail/envelope.ts): who MAIL FROM and RCPT TO name,
 * what is transmitted, and that no value or override can add a recipient,
 * a header or a command. Every message case runs with LF and with CRLF.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildEnvelope, checkEnvelopeAddress, prepareData } from '../../src/mail/envelope';

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');
const EOLS: Array<[string, (s: string) => string]> = [
  ['LF', (s) => s],
  ['CRLF', crlf],
];

describe('buildEnvelope: MAIL FROM', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['From alone', 'From: Alice <alice@example.com>\nTo: bob@example.com\n\nhi\n', 'alice@example.com'],
    ['Sender before From', 'From: Alice <alice@example.com>\nSender: sec@example.com\nTo: bob@example.com\n\nhi\n', 'sec@example.com'],
    ['first of several From mailboxes', 'From: a@example.com, b@example.com\nSender: \nTo: bob@example.com\n\nhi\n', 'a@example.com'],
    ['From in a group', 'From: team: x@example.com, y@example.com;\nTo: bob@example.com\n\nhi\n', 'x@example.com'],
    ['quoted local part', 'From: "john doe"@example.com\nTo: bob@example.com\n\nhi\n', '"john doe"@example.com'],
  ];
  for (const [name, text, from] of cases) {
    for (const [eol, fix] of EOLS) {
      test(`${name} (${eol})`, () => {
        const env = buildEnvelope(fix(text));
        assert.equal(env.from, from);
        assert.deepEqual(env.problems, []);
      });
    }
  }

  test('override replaces the header sender', () => {
    const env = buildEnvelope('From: alice@example.com\nTo: bob@example.com\n\nhi\n', { from: 'bounce@example.org' });
    assert.equal(env.from, 'bounce@example.org');
  });

  test('no From or Sender: a problem, no sender', () => {
    const env = buildEnvelope('To: bob@example.com\n\nhi\n');
    assert.equal(env.from, undefined);
    assert.match(env.problems.join('\n'), /^No sender: the message has no From or Sender/m);
  });
});

describe('buildEnvelope: RCPT TO', () => {
  const cases: Array<[string, string, string[]]> = [
    ['To, Cc and Bcc in header order', 'From: a@example.com\nBcc: z@example.com\nTo: x@example.com\nCc: y@example.com\n\nhi\n', ['z@example.com', 'x@example.com', 'y@example.com']],
    ['groups expanded, empty group ignored', 'From: a@example.com\nTo: team: x@example.com, "Y" <y@example.com>;, undisclosed-recipients:;\n\nhi\n', ['x@example.com', 'y@example.com']],
    ['duplicates removed, domain case-insensitive', 'From: a@example.com\nTo: Bob <bob@Example.COM>\nCc: bob@example.com, BOB@example.com\n\nhi\n', ['bob@Example.COM', 'BOB@example.com']],
    ['folded fields', 'From: a@example.com\nTo: x@example.com,\n  y@example.com\nBcc:\n\tz@example.com\n\nhi\n', ['x@example.com', 'y@example.com', 'z@example.com']],
    ['several To fields all count', 'From: a@example.com\nTo: x@example.com\nTo: y@example.com\n\nhi\n', ['x@example.com', 'y@example.com']],
    ['field names in any case', 'From: a@example.com\nTO: x@example.com\ncc: y@example.com\nBCC: z@example.com\n\nhi\n', ['x@example.com', 'y@example.com', 'z@example.com']],
    ['To in the body does not count', 'From: a@example.com\nTo: x@example.com\n\nTo: evil@example.net\nBcc: evil2@example.net\n', ['x@example.com']],
    ['postmaster alone', 'From: a@example.com\nTo: postmaster\n\nhi\n', []],
  ];
  for (const [name, text, to] of cases) {
    for (const [eol, fix] of EOLS) {
      test(`${name} (${eol})`, () => {
        const env = buildEnvelope(fix(text));
        if (to.length) {
          assert.deepEqual(env.to, to);
          assert.deepEqual(env.problems, []);
        } else {
          // "To: postmaster" is not an RFC 5322 address (no domain): reported, not sent.
          assert.ok(env.problems.length > 0);
        }
      });
    }
  }

  test('override list replaces the header recipients, is checked and de-duplicated', () => {
    const env = buildEnvelope('From: a@example.com\nTo: x@example.com\n\nhi\n', { to: ['p@example.org', ' q@example.org ', 'p@EXAMPLE.ORG', 'postmaster'] });
    assert.deepEqual(env.to, ['p@example.org', 'q@example.org', 'postmaster']);
    assert.deepEqual(env.problems, []);
  });

  test('no recipient at all: the exact problem', () => {
    for (const [, fix] of EOLS) {
      const env = buildEnvelope(fix('From: a@example.com\nSubject: x\n\nhi\n'));
      assert.deepEqual(env.to, []);
      assert.deepEqual(env.problems, ['No recipient: the message has no To, Cc or Bcc']);
    }
  });

  test('an address that does not parse is a problem, not silently dropped', () => {
    const env = buildEnvelope('From: a@example.com\nTo: good@example.com, bad address here\n\nhi\n');
    assert.deepEqual(env.to, ['good@example.com']);
    assert.match(env.problems.join('\n'), /^To: /m);
  });
});

describe('buildEnvelope: Resent block (RFC 5322 §3.6.6)', () => {
  for (const [eol, fix] of EOLS) {
    test(`the newest (topmost) block decides (${eol})`, () => {
      const text = fix(
        'Resent-From: r2@example.org\nResent-Sender: s2@example.org\nResent-To: new@example.org\nResent-Bcc: hidden@example.org\nResent-Date: Fri, 27 Nov 2026 10:00:00 +0000\n' +
          'Resent-From: r1@example.org\nResent-To: old@example.org\n' +
          'From: a@example.com\nTo: x@example.com\nBcc: y@example.com\n\nhi\n',
      );
      const env = buildEnvelope(text);
      assert.equal(env.from, 's2@example.org');
      // The second Resent-From starts the older block: old@example.org is not a recipient now.
      assert.deepEqual(env.to, ['new@example.org', 'hidden@example.org']);
      assert.deepEqual(env.problems, []);
    });
  }

  test('Resent-From when there is no Resent-Sender; a block separated by Received is a different block', () => {
    const text = 'Received: by mx\nResent-From: r@example.org\nResent-Cc: c@example.org\nReceived: by mx2\nResent-To: older@example.org\nFrom: a@example.com\nTo: x@example.com\n\nhi\n';
    const env = buildEnvelope(text);
    assert.equal(env.from, 'r@example.org');
    assert.deepEqual(env.to, ['c@example.org']);
  });

  test('a block without Resent recipients is a problem', () => {
    const env = buildEnvelope('Resent-From: r@example.org\nFrom: a@example.com\nTo: x@example.com\n\nhi\n');
    assert.deepEqual(env.to, []);
    assert.deepEqual(env.problems, ['No recipient: the newest Resent block has no Resent-To, Resent-Cc or Resent-Bcc']);
  });
});

describe('buildEnvelope: nothing can add a recipient, a header or a command', () => {
  const bad: Array<[string, string]> = [
    ['CRLF + RCPT', 'bob@example.com\r\nRCPT TO:<evil@example.net>'],
    ['LF + Bcc', 'bob@example.com\nBcc: evil@example.net'],
    ['bare CR', 'bob@example.com\rRCPT TO:<evil@example.net>'],
    ['NUL', 'bob@example.com\u0000evil@example.net'],
    ['closing bracket', 'bob@example.com> NOTIFY=NEVER'],
    ['opening bracket', '<bob@example.com>'],
    ['space outside quotes', 'bob@example.com evil@example.net'],
    ['tab', 'bob@example.com\tx'],
    ['no domain', 'bob'],
    ['empty', ''],
    ['unclosed quote', '"bob@example.com'],
    ['other control character', 'bob@exa\u001bmple.com'],
  ];
  for (const [name, value] of bad) {
    test(`override recipient refused: ${name}`, () => {
      const env = buildEnvelope('From: a@example.com\nTo: x@example.com\n\nhi\n', { to: [value] });
      assert.deepEqual(env.to, []);
      assert.ok(env.problems.some((p) => p.startsWith(`Recipient ${JSON.stringify(value.replace(/^[ \t]+|[ \t]+$/g, ''))} cannot be used`)), env.problems.join('\n'));
    });
    if (value !== '') {
      test(`override sender refused: ${name}`, () => {
        const env = buildEnvelope('From: a@example.com\nTo: x@example.com\n\nhi\n', { from: value });
        assert.equal(env.from, undefined);
        assert.ok(env.problems.some((p) => p.startsWith('Sender ')), env.problems.join('\n'));
      });
    }
  }

  test('a good address next to a bad one in the override: the bad one is reported', () => {
    const env = buildEnvelope('From: a@example.com\n\nhi\n', { to: ['ok@example.com', 'x@example.com\r\nRCPT TO:<evil@example.net>'] });
    assert.deepEqual(env.to, ['ok@example.com']);
    assert.equal(env.problems.length, 1);
  });

  test('a bare CR inside a header value is refused (it would split the field)', () => {
    const env = buildEnvelope('From: a@example.com\nTo: bob@example.com\rBcc: evil@example.net\nSubject: x\n\nhi\n');
    assert.match(env.problems.join('\n'), /bare CR/);
  });

  test('a bare CR in the body is no problem', () => {
    const env = buildEnvelope('From: a@example.com\nTo: bob@example.com\n\nline\rmore\n');
    assert.deepEqual(env.problems, []);
  });

  test('quoted spaces are allowed', () => {
    assert.equal(checkEnvelopeAddress('"a b"@example.com', 'recipient'), undefined);
    assert.equal(checkEnvelopeAddress('"a\\" b"@example.com', 'recipient'), undefined);
    assert.notEqual(checkEnvelopeAddress('postmaster', 'sender'), undefined);
  });
});

describe('prepareData', () => {
  const cases: Array<[string, string, string]> = [
    ['Bcc removed, CRLF line ends', 'From: a@example.com\nTo: x@example.com\nBcc: secret@example.com\nSubject: s\n\nbody\n', 'From: a@example.com\r\nTo: x@example.com\r\nSubject: s\r\n\r\nbody\r\n'],
    ['folded Bcc removed with its continuation lines', 'From: a@example.com\nBcc: one@example.com,\n two@example.com,\n\tthree@example.com\nTo: x@example.com\n\nbody\n', 'From: a@example.com\r\nTo: x@example.com\r\n\r\nbody\r\n'],
    ['every Bcc, any case, first and last field', 'bcc: first@example.com\nFrom: a@example.com\nBCC: mid@example.com\nTo: x@example.com\nBcc: last@example.com\n\nbody\n', 'From: a@example.com\r\nTo: x@example.com\r\n\r\nbody\r\n'],
    ['Resent-Bcc removed too', 'Resent-From: r@example.org\nResent-Bcc: hidden@example.org\nResent-To: t@example.org\nFrom: a@example.com\n\nbody\n', 'Resent-From: r@example.org\r\nResent-To: t@example.org\r\nFrom: a@example.com\r\n\r\nbody\r\n'],
    ['Bcc in the body is kept', 'From: a@example.com\n\nBcc: this is text\n', 'From: a@example.com\r\n\r\nBcc: this is text\r\n'],
    ['Bcc-like field names are kept', 'From: a@example.com\nX-Bcc: kept\nBccx: kept\n\nbody', 'From: a@example.com\r\nX-Bcc: kept\r\nBccx: kept\r\n\r\nbody'],
    ['bare CR and bare LF become CRLF; dots untouched', 'From: a@example.com\r\n\r\n.a\rb\nc\r\n..d', 'From: a@example.com\r\n\r\n.a\r\nb\r\nc\r\n..d'],
    ['header only, Bcc last without line end', 'From: a@example.com\nBcc: x@example.com', 'From: a@example.com\r\n'],
  ];
  for (const [name, input, expected] of cases) {
    for (const [eol, fix] of EOLS) {
      test(`${name} (${eol})`, () => {
        assert.equal(prepareData(fix(input)), expected);
      });
    }
  }

  test('a Bcc inside an attached message is left alone (only the top-level header is ours)', () => {
    const text = crlf('From: a@example.com\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nFrom: old@example.com\nBcc: inner@example.com\n\nold\n--b--\n');
    const out = prepareData(text);
    assert.match(out, /\r\nBcc: inner@example.com\r\n/);
  });

  test('no Bcc: the text comes back unchanged when it already has CRLF', () => {
    const text = crlf('From: a@example.com\nTo: x@example.com\n\nbody\n');
    assert.equal(prepareData(text), text);
  });
});

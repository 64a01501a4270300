/**
 * The session log writer (src/send/transcript.ts): masking of every AUTH
 * mechanism's credentials, dot-stuffed DATA, the size summary, and that its
 * output is a transcript our validator accepts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { formatByteSize, SessionLog } from '../../src/send/transcript';

const USER = 'carol@example.com';
const PASS = 'hunter2-long';
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

function logOf(build: (log: SessionLog) => void, options: ConstructorParameters<typeof SessionLog>[0] = {}): string[] {
  const log = new SessionLog({ user: USER, password: PASS, ...options });
  build(log);
  return log.toString().trimEnd().split('\n');
}

describe('credential masking', () => {
  test('AUTH PLAIN with initial response', () => {
    const lines = logOf((l) => {
      l.client(`AUTH PLAIN ${b64(`\u0000${USER}\u0000${PASS}`)}`);
      l.server('235 2.7.0 Authentication successful');
    });
    assert.deepEqual(lines, ['C: AUTH PLAIN <redacted>', 'S: 235 2.7.0 Authentication successful']);
  });

  test('AUTH PLAIN without initial response (334 then the blob)', () => {
    const lines = logOf((l) => {
      l.client('AUTH PLAIN');
      l.server('334 ');
      l.client(b64(`\u0000${USER}\u0000${PASS}`));
      l.server('235 ok');
    });
    assert.deepEqual(lines, ['C: AUTH PLAIN', 'S: 334 ', 'C: <redacted>', 'S: 235 ok']);
  });

  test('AUTH LOGIN: user name and password lines; the user name in a reply', () => {
    const lines = logOf((l) => {
      l.client('AUTH LOGIN');
      l.server('334 VXNlcm5hbWU6');
      l.client(b64(USER));
      l.server('334 UGFzc3dvcmQ6');
      l.client(b64(PASS));
      l.server(`535 5.7.8 Authentication failed for ${USER}`);
      l.client('QUIT');
    });
    assert.deepEqual(lines, ['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: <redacted>', 'S: 334 UGFzc3dvcmQ6', 'C: <redacted>', 'S: 535 5.7.8 Authentication failed for <redacted>', 'C: QUIT']);
  });

  test('AUTH LOGIN with the user name as initial response', () => {
    const lines = logOf((l) => {
      l.client(`AUTH LOGIN ${b64(USER)}`);
      l.server('334 UGFzc3dvcmQ6');
      l.client(b64(PASS));
      l.server('235 ok');
    });
    assert.deepEqual(lines, ['C: AUTH LOGIN <redacted>', 'S: 334 UGFzc3dvcmQ6', 'C: <redacted>', 'S: 235 ok']);
  });

  test('CRAM-MD5: the challenge stays, the user + HMAC answer goes', () => {
    const lines = logOf((l) => {
      l.client('AUTH CRAM-MD5');
      l.server('334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+');
      l.client(b64(`${USER} b913a602c7eda7a495b4e6e7334d3890`));
      l.server('235 ok');
    });
    assert.deepEqual(lines, ['C: AUTH CRAM-MD5', 'S: 334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+', 'C: <redacted>', 'S: 235 ok']);
  });

  test('XOAUTH2: token masked; the empty line after a 334 error stays empty', () => {
    const lines = logOf((l) => {
      l.client(`AUTH XOAUTH2 ${b64(`user=${USER}\u0001auth=Bearer ya29.token\u0001\u0001`)}`);
      l.server('334 eyJzdGF0dXMiOiI0MDEifQ==');
      l.client('');
      l.server('535 5.7.8 Username and Password not accepted');
    });
    assert.deepEqual(lines, ['C: AUTH XOAUTH2 <redacted>', 'S: 334 eyJzdGF0dXMiOiI0MDEifQ==', 'C:', 'S: 535 5.7.8 Username and Password not accepted']);
  });

  test('after the exchange ends, later lines are not masked (the user name may be an address)', () => {
    const lines = logOf((l) => {
      l.client(`AUTH PLAIN ${b64(`\u0000${USER}\u0000${PASS}`)}`);
      l.server('235 ok');
      l.client(`MAIL FROM:<${USER}>`);
      l.server('250 ok');
    });
    assert.deepEqual(lines.slice(2), [`C: MAIL FROM:<${USER}>`, 'S: 250 ok']);
  });

  test('the password (plain or base64) is masked in any line outside the data', () => {
    const lines = logOf((l) => {
      l.note(`oops ${PASS}`);
      l.server(`500 unknown ${b64(PASS)}`);
      l.client(`NOOP ${PASS}`);
    });
    for (const line of lines) {
      assert.ok(!line.includes(PASS) && !line.includes(b64(PASS)), line);
    }
  });

  test('a reply echoing the user name at any stage is masked; the client\'s own envelope path is not', () => {
    const lines = logOf((l) => {
      l.note(`envelope: MAIL FROM:<${USER}>`, true);
      l.client(`MAIL FROM:<${USER}>`);
      l.server(`553 5.7.1 ${USER} may not send as ${b64(USER)}`);
      l.note(`failed for ${USER}`);
    });
    assert.deepEqual(lines, [`# envelope: MAIL FROM:<${USER}>`, `C: MAIL FROM:<${USER}>`, 'S: 553 5.7.1 <redacted> may not send as <redacted>', '# failed for <redacted>']);
  });

  test('a user name of 1-2 characters is masked where it stands as a word, not inside other words', () => {
    const lines = logOf(
      (l) => {
        l.client('AUTH LOGIN');
        l.server(`334 ${b64('Username:')}`);
        l.client(b64('ti'));
        l.server(`334 ${b64('Password:')}`);
        l.client(b64(PASS));
        l.server('235 2.7.0 Authentication successful for ti (ti@example.com is not ti)');
        l.server('250 2.1.0 Sender ti OK; notice: time limit');
      },
      { user: 'ti' },
    );
    assert.deepEqual(lines, [
      'C: AUTH LOGIN',
      `S: 334 ${b64('Username:')}`,
      'C: <redacted>',
      `S: 334 ${b64('Password:')}`,
      'C: <redacted>',
      'S: 235 2.7.0 Authentication successful for <redacted> (ti@example.com is not <redacted>)',
      'S: 250 2.1.0 Sender <redacted> OK; notice: time limit',
    ]);
  });

  test('very long lines are cut with a note of what was left out', () => {
    const lines = logOf((l) => l.server(`250 ${'x'.repeat(100_000)}`));
    assert.equal(lines.length, 1);
    assert.ok(lines[0]!.length < 5000);
    assert.match(lines[0]!, /\.\.\. \[\d+ more characters not shown\]$/);
  });

  test('onLog sees only masked lines', () => {
    const seen: string[] = [];
    logOf(
      (l) => {
        l.client('AUTH LOGIN');
        l.server('334 VXNlcm5hbWU6');
        l.client(b64(USER));
      },
      { onLog: (line) => seen.push(line) },
    );
    assert.deepEqual(seen, ['C: AUTH LOGIN', 'S: 334 VXNlcm5hbWU6', 'C: <redacted>']);
  });
});

describe('DATA in the log', () => {
  test('dot-stuffed, empty lines as "C:", ends with "C: ."', () => {
    const lines = logOf((l) => l.data('Subject: x\r\n\r\n.\r\n..a\r\nb\r\n'));
    assert.deepEqual(lines, ['C: Subject: x', 'C:', 'C: ..', 'C: ...a', 'C: b', 'C: .']);
  });

  test('data without a final CRLF', () => {
    assert.deepEqual(logOf((l) => l.data('a\r\nb')), ['C: a', 'C: b', 'C: .']);
  });

  test('at the bound exactly: shown in full', () => {
    assert.deepEqual(logOf((l) => l.data('12345678\r\n'), { maxLoggedDataBytes: 10 }), ['C: 12345678', 'C: .']);
  });

  test('beyond the bound: the header as annotations, a summary, then "C: ."', () => {
    const data = 'From: a@example.com\r\nSubject: big\r\n\r\n' + Array.from({ length: 100 }, (_, i) => `line ${String(i).padStart(3, '0')}`).join('\r\n') + '\r\n';
    const total = Buffer.byteLength(data);
    const lines = logOf((l) => l.data(data), { maxLoggedDataBytes: 100 });
    assert.deepEqual(lines, [
      `# message data: ${formatByteSize(total)} in 103 lines, over the 100 bytes shown in full; its header:`,
      '# | From: a@example.com',
      '# | Subject: big',
      `# ... ${formatByteSize(total - 21 - 14)} of message data not shown ...`,
      'C: .',
    ]);
  });

  test('a header larger than the bound is cut, and says so', () => {
    const data = `Subject: ${'x'.repeat(50)}\r\nFrom: a@example.com\r\n\r\nbody\r\n`;
    const lines = logOf((l) => l.data(data), { maxLoggedDataBytes: 40 });
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /^# \.\.\. \d+ bytes of message data not shown \(the header goes on\) \.\.\.$/);
    assert.equal(lines[2], 'C: .');
  });

  test('a bound of 0 shows no data but keeps the DATA block valid', () => {
    const lines = logOf((l) => l.data('a\r\n'), { maxLoggedDataBytes: 0 });
    assert.deepEqual(lines, ['# message data: 3 bytes in 1 line, over the 0 bytes shown in full; its header:', '# ... 3 bytes of message data not shown (the header goes on) ...', 'C: .']);
  });

  test('formatByteSize', () => {
    assert.equal(formatByteSize(1), '1 byte');
    assert.equal(formatByteSize(999), '999 bytes');
    assert.equal(formatByteSize(10_240), '10.2 KB');
    assert.equal(formatByteSize(10_200_000), '10.2 MB');
  });

  test('a summarised session validates with zero errors', () => {
    const log = new SessionLog({ maxLoggedDataBytes: 64 });
    log.note('time: 2026-11-27T10:00:00.000Z');
    log.server('220 mx.example.com ESMTP');
    log.client('EHLO client.example.com');
    log.server('250-mx.example.com\n250 PIPELINING');
    log.client('MAIL FROM:<a@example.com>');
    log.server('250 ok');
    log.client('RCPT TO:<b@example.com>');
    log.server('250 ok');
    log.client('DATA');
    log.server('354 go ahead');
    log.data(`From: a@example.com\r\nTo: b@example.com\r\nSubject: s\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <x@example.com>\r\n\r\n${'body line\r\n'.repeat(200)}`);
    log.server('250 queued');
    log.client('QUIT');
    log.server('221 bye');
    const text = log.toString();
    assert.match(text, /not shown/);
    assert.deepEqual(validateTranscript(text).filter((p) => p.severity === 'error'), []);
  });
});

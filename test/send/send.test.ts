/**
 * sendMessage against real SMTP servers on 127.0.0.1 (smtp-server from npm,
 * and a raw-socket recording server for faults and byte-exact checks):
 * plain, STARTTLS and implicit TLS with a self-signed certificate, AUTH PLAIN
 * and LOGIN, refusals at every stage, dropped connections, timeouts, cancel,
 * header injection. Asserts on what the server received and on the log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { prepareData } from '../../src/mail/envelope';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { sendMessage } from '../../src/send/send';
import type { SendRequest, SendResult, SendStage, SmtpProfile } from '../../src/send/types';
import { startSmtpRecorder, unstuff } from '../helpers/smtpRecorder';
import { startTestSmtpServer, TLS_CERT_FILE, type TestSmtpServer } from '../helpers/smtpServer';

const MESSAGE = [
  'From: Alice <alice@example.com>',
  'To: Bob <bob@example.com>, carol@example.com',
  'Cc: dave@example.com',
  'Bcc: Eve <eve@example.com>,',
  '  frank@example.com',
  'Subject: Quarterly numbers',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <q3@example.com>',
  '',
  'Hello Bob,',
  '.',
  '.. two dots',
  '.leading dot',
  'Regards',
  '',
].join('\n');

const ALL_RECIPIENTS = ['bob@example.com', 'carol@example.com', 'dave@example.com', 'eve@example.com', 'frank@example.com'];

function profile(port: number, extra: Partial<SmtpProfile> = {}): SmtpProfile {
  return { name: 'test', host: '127.0.0.1', port, security: 'none', connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000, ...extra };
}

async function send(req: Partial<SendRequest> & { profile: SmtpProfile }): Promise<SendResult & { stages: SendStage[]; logged: string[] }> {
  const stages: SendStage[] = [];
  const logged: string[] = [];
  const result = await sendMessage({ text: MESSAGE, onStage: (s) => stages.push(s), onLog: (l) => logged.push(l), ...req });
  return { ...result, stages, logged };
}

/** Errors (not warnings) that the transcript validator reports for a log. */
function transcriptErrors(transcript: string): string[] {
  return validateTranscript(transcript)
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.code} at ${p.offset}: ${p.message} [${JSON.stringify(transcript.slice(p.offset, p.offset + Math.max(p.length, 20)))}]`);
}

function assertEndsWithQuit(transcript: string): void {
  assert.match(transcript, /^C: QUIT$/m);
  assert.match(transcript, /^S: 221\b/m);
}

describe('plain SMTP', () => {
  let server: TestSmtpServer;
  before(async () => {
    server = await startTestSmtpServer({ security: 'none' });
  });
  after(() => server.close());

  test('sends to To, Cc and Bcc; transmits no Bcc header; CRLF; dots round-trip', async () => {
    const r = await send({ profile: profile(server.port) });
    assert.equal(r.ok, true, r.error?.message);
    assert.equal(r.stage, 'quit');
    assert.equal(r.error, undefined);
    assert.deepEqual(r.envelope, { from: 'alice@example.com', to: ALL_RECIPIENTS });
    assert.deepEqual(r.recipients.map((x) => [x.address, x.accepted]), ALL_RECIPIENTS.map((a) => [a, true]));
    assert.equal(r.response, '250 OK: queued as TEST123');
    assert.equal(r.queueId, 'TEST123');
    assert.deepEqual(r.stages, ['connecting', 'sender', 'recipients', 'data', 'quit']);

    const got = server.received.at(-1)!;
    assert.equal(got.mailFrom, 'alice@example.com');
    assert.deepEqual(got.rcptTo, ALL_RECIPIENTS);
    const data = got.data.toString('utf8');
    // The server undid the dot-stuffing: what it holds is exactly our data.
    assert.equal(data, prepareData(MESSAGE));
    assert.equal(data, MESSAGE.replace(/Bcc: Eve <eve@example.com>,\n {2}frank@example.com\n/, '').replace(/\n/g, '\r\n'));
    assert.doesNotMatch(data, /bcc|eve@|frank@/i);
    assert.doesNotMatch(data.replace(/\r\n/g, ''), /[\r\n]/, 'only CRLF line ends');
  });

  test('a message starting with a byte order mark: the mark is removed (and the log says so), the message sent', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `\uFEFF${MESSAGE.replace(/\n/g, eol)}`;
      const r = await send({ profile: profile(server.port), text });
      assert.equal(r.ok, true, r.error?.message);
      assert.match(r.transcript, /^# removed the byte order mark \(U\+FEFF\) at the start of the message/m);
      const data = server.received.at(-1)!.data.toString('utf8');
      assert.ok(data.startsWith('From: Alice <alice@example.com>\r\n'), JSON.stringify(data.slice(0, 40)));
      assert.equal(data, prepareData(MESSAGE));
    }
    // Without a mark, no such note.
    assert.doesNotMatch((await send({ profile: profile(server.port) })).transcript, /byte order mark/);
  });

  test('the log: annotations first, every line through QUIT/221, DATA dot-stuffed, valid transcript', async () => {
    const r = await send({ profile: profile(server.port) });
    const lines = r.transcript.trimEnd().split('\n');
    assert.match(lines[0]!, /^# smtp-eml .* session log$/);
    assert.match(lines[1]!, /^# time: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(lines[2], '# profile: test');
    assert.equal(lines[3], `# server: 127.0.0.1:${server.port} (no TLS)`);
    assert.match(lines.at(-1)!, /^# elapsed: \d+ ms$/);
    assert.equal(lines.at(-2), '# result: sent');
    // The streamed lines are the transcript, in order.
    assert.deepEqual(r.logged, lines);
    assert.ok(lines.includes('C: DATA'));
    const start = lines.indexOf('S: 354 End data with <CR><LF>.<CR><LF>') + 1;
    const end = lines.indexOf('C: .', start);
    const dataLines = lines.slice(start, end);
    assert.deepEqual(dataLines, prepareData(MESSAGE).split('\r\n').slice(0, -1).map((l) => (l === '' ? 'C:' : `C: ${l.startsWith('.') ? `.${l}` : l}`)));
    assert.ok(dataLines.includes('C: ..'), 'a lone dot is stuffed');
    assert.ok(dataLines.includes('C: ... two dots'));
    for (const a of ALL_RECIPIENTS) assert.ok(lines.includes(`C: RCPT TO:<${a}>`), a);
    assertEndsWithQuit(r.transcript);
    assert.deepEqual(transcriptErrors(r.transcript), []);
  });

  test('envelope overrides replace MAIL FROM and RCPT TO', async () => {
    const r = await send({ profile: profile(server.port, { from: 'profile@example.org' }), envelope: { to: ['only@example.org'] } });
    assert.equal(r.ok, true);
    const got = server.received.at(-1)!;
    assert.equal(got.mailFrom, 'profile@example.org');
    assert.deepEqual(got.rcptTo, ['only@example.org']);
    const r2 = await send({ profile: profile(server.port, { from: 'profile@example.org' }), envelope: { from: 'request@example.org' } });
    assert.equal(r2.ok, true);
    assert.equal(server.received.at(-1)!.mailFrom, 'request@example.org');
  });

  test('a large message is summarised in the log, sent in full, and the log still validates', async () => {
    const body = Array.from({ length: 4000 }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n');
    const text = MESSAGE + body + '\n';
    const r = await send({ profile: profile(server.port), text, maxLoggedDataBytes: 4096 });
    assert.equal(r.ok, true);
    assert.equal(server.received.at(-1)!.data.toString('utf8'), prepareData(text));
    const lines = r.transcript.split('\n');
    const note = lines.findIndex((l) => /^# \.\.\. [\d.]+ KB of message data not shown \.\.\.$/.test(l));
    assert.ok(note > 0, 'summary annotation');
    assert.equal(lines[note + 1], 'C: .');
    const dataStart = lines.indexOf('S: 354 End data with <CR><LF>.<CR><LF>') + 1;
    assert.match(lines[dataStart]!, /^# message data: [\d.]+ KB in 4012 lines, over the 4\.1 KB shown in full; its header:$/);
    // The header is shown (as annotations), the body is not.
    assert.deepEqual(lines.slice(dataStart + 1, note), prepareData(MESSAGE).split('\r\n\r\n')[0]!.split('\r\n').map((l) => `# | ${l}`));
    assert.ok(r.transcript.length < 20_000);
    assert.deepEqual(transcriptErrors(r.transcript), []);
    assertEndsWithQuit(r.transcript);
  });

  test('UTF-8 text goes out as UTF-8 with BODY=8BITMIME; latin1 input goes out byte for byte', async () => {
    const text = MESSAGE.replace('Hello Bob,', 'Grüße, Bob ✓');
    const r = await send({ profile: profile(server.port), text });
    assert.equal(r.ok, true);
    assert.equal(server.received.at(-1)!.data.toString('utf8'), prepareData(text));
    assert.match(r.transcript, /^C: MAIL FROM:<alice@example.com> BODY=8BITMIME/m);
    const bytes = Buffer.from(prepareData(MESSAGE).replace('Hello Bob,', 'Hello \xe9\xff'), 'latin1');
    const r2 = await send({ profile: profile(server.port), text: bytes.toString('latin1'), encoding: 'latin1' });
    assert.equal(r2.ok, true);
    assert.ok(server.received.at(-1)!.data.equals(bytes));
  });

  test('a message with no recipient is refused before connecting', async () => {
    const before = server.received.length;
    const r = await send({ profile: profile(server.port), text: 'From: a@example.com\nSubject: x\n\nhi\n' });
    assert.equal(r.ok, false);
    assert.equal(r.error?.stage, 'recipients');
    assert.equal(r.error?.message, 'No recipient: the message has no To, Cc or Bcc');
    assert.equal(server.received.length, before);
    assert.doesNotMatch(r.transcript, /^[CS]:/m);
  });
});

describe('partial and total refusals', () => {
  test('550 for one of three recipients: sent, and the refusal reported exactly', async () => {
    const server = await startTestSmtpServer({ refuseRecipients: { 'carol@example.com': '550 5.1.1 User unknown' } });
    try {
      const r = await send({ profile: profile(server.port), text: MESSAGE.replace(/Bcc:.*\n.*\n/, '') });
      assert.equal(r.ok, true);
      assert.equal(r.stage, 'quit');
      assert.equal(r.error, undefined);
      assert.deepEqual(r.recipients, [
        { address: 'bob@example.com', accepted: true, reply: '250 Accepted' },
        { address: 'carol@example.com', accepted: false, reply: '550 5.1.1 User unknown' },
        { address: 'dave@example.com', accepted: true, reply: '250 Accepted' },
      ]);
      assert.deepEqual(server.received.at(-1)!.rcptTo, ['bob@example.com', 'dave@example.com']);
      assert.match(r.transcript, /^S: 550 5\.1\.1 User unknown$/m);
      assert.match(r.transcript, /^# result: sent to some recipients$/m);
      assertEndsWithQuit(r.transcript);
    } finally {
      await server.close();
    }
  });

  test('452 at RCPT for the only recipient: not sent, stage recipients, reply and code', async () => {
    const server = await startTestSmtpServer({ refuseRecipients: { 'bob@example.com': '452 4.5.3 Too many recipients' } });
    try {
      const r = await send({ profile: profile(server.port), envelope: { to: ['bob@example.com'] } });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'recipients');
      assert.deepEqual(r.error, {
        stage: 'recipients',
        code: 452,
        reply: '452 4.5.3 Too many recipients',
        message: 'Server refused recipient bob@example.com: 452 4.5.3 Too many recipients',
      });
      assert.deepEqual(r.recipients, [{ address: 'bob@example.com', accepted: false, reply: '452 4.5.3 Too many recipients' }]);
      assert.equal(server.received.length, 0);
      assert.doesNotMatch(r.transcript, /^C: DATA$/m);
      assertEndsWithQuit(r.transcript);
    } finally {
      await server.close();
    }
  });

  test('every recipient refused: each one named in the message', async () => {
    const server = await startTestSmtpServer({ refuseRecipients: { 'x@example.com': '550 5.1.1 No x', 'y@example.com': '550 5.1.1 No y' } });
    try {
      const r = await send({ profile: profile(server.port), envelope: { to: ['x@example.com', 'y@example.com'] } });
      assert.equal(r.ok, false);
      assert.equal(r.error?.message, 'Server refused every recipient: x@example.com: 550 5.1.1 No x; y@example.com: 550 5.1.1 No y');
    } finally {
      await server.close();
    }
  });

  test('552 after DATA: not sent, stage data, QUIT still sent', async () => {
    const server = await startTestSmtpServer({ dataReply: '552 5.3.4 Message too big for system' });
    try {
      const r = await send({ profile: profile(server.port) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'data');
      assert.equal(r.error?.code, 552);
      assert.equal(r.error?.message, 'Server refused the message: 552 5.3.4 Message too big for system');
      assert.ok(r.recipients.every((x) => x.accepted));
      assert.match(r.transcript, /^C: \.$/m);
      assertEndsWithQuit(r.transcript);
    } finally {
      await server.close();
    }
  });
});

describe('faults on a recording server', () => {
  test('421 at greeting: refused at connecting, with the reply', async () => {
    const rec = await startSmtpRecorder({ greeting: '421 4.3.2 Service not available, closing channel', closeAfterGreeting: true });
    try {
      const r = await send({ profile: profile(rec.port) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'connecting');
      assert.equal(r.error?.code, 421);
      assert.equal(r.error?.message, 'Server refused the connection: 421 4.3.2 Service not available, closing channel');
      assert.match(r.transcript, /^S: 421 4\.3\.2 Service not available, closing channel$/m);
      assert.deepEqual(rec.commands, []);
    } finally {
      await rec.close();
    }
  });

  test('no greeting: the greeting timeout ends it at connecting', async () => {
    const rec = await startSmtpRecorder({ greeting: null });
    try {
      const r = await send({ profile: profile(rec.port, { greetingTimeout: 300 }) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'connecting');
      assert.equal(r.error?.message, `The server at 127.0.0.1:${rec.port} did not send its greeting within 300 ms.`);
      assert.deepEqual(rec.commands, []);
    } finally {
      await rec.close();
    }
  });

  test('connection dropped in the middle of DATA: not sent, stage data', async () => {
    const rec = await startSmtpRecorder({ dropDuringData: true });
    try {
      const r = await send({ profile: profile(rec.port) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'data');
      assert.match(r.error!.message, /^The server closed the connection during data/);
      assert.deepEqual(rec.rawData, []);
      assert.ok(rec.commands.includes('DATA'));
    } finally {
      await rec.close();
    }
  });

  test('connection refused: a clear message at connecting', async () => {
    const rec = await startSmtpRecorder();
    const port = rec.port;
    await rec.close();
    const r = await send({ profile: profile(port) });
    assert.equal(r.ok, false);
    assert.equal(r.stage, 'connecting');
    assert.equal(r.error?.message, `Could not connect to 127.0.0.1:${port}: connection refused.`);
  });

  test('the server refuses MAIL FROM: stage sender', async () => {
    const rec = await startSmtpRecorder({ answer: (l) => (/^MAIL /.test(l) ? '553 5.7.1 Sender address rejected' : undefined) });
    try {
      const r = await send({ profile: profile(rec.port) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'sender');
      assert.equal(r.error?.message, 'Server refused the sender: 553 5.7.1 Sender address rejected');
      assert.equal(rec.commands.at(-1), 'QUIT');
    } finally {
      await rec.close();
    }
  });

  test('the bytes on the wire: dot-stuffed data, CRLF.CRLF end, unstuffed equals the prepared data', async () => {
    const rec = await startSmtpRecorder();
    try {
      const r = await send({ profile: profile(rec.port) });
      assert.equal(r.ok, true, r.error?.message);
      const raw = rec.rawData[0]!.toString('latin1');
      assert.match(raw, /\r\n\.\.\r\n\.\.\. two dots\r\n\.\.leading dot\r\n/);
      assert.equal(unstuff(rec.rawData[0]!).toString('utf8'), prepareData(MESSAGE));
      assert.deepEqual(rec.commands.filter((c) => /^RCPT/.test(c)), ALL_RECIPIENTS.map((a) => `RCPT TO:<${a}>`));
      assert.equal(r.queueId, 'REC1');
    } finally {
      await rec.close();
    }
  });

  test('cancel while waiting for the greeting: "Cancelled", connection closed', async () => {
    const rec = await startSmtpRecorder({ greeting: null });
    try {
      const controller = new AbortController();
      const r = await send({
        profile: profile(rec.port, { greetingTimeout: 60_000 }),
        signal: controller.signal,
        onLog: (line) => {
          if (line.startsWith('# connected')) controller.abort();
        },
      });
      assert.equal(r.ok, false);
      assert.equal(r.error?.message, 'Cancelled');
      assert.equal(r.error?.stage, 'connecting');
      assert.match(r.transcript, /^# cancelled by the user$/m);
    } finally {
      await rec.close();
    }
  });

  test('cancel before start: nothing connects', async () => {
    const rec = await startSmtpRecorder();
    try {
      const controller = new AbortController();
      controller.abort();
      const r = await send({ profile: profile(rec.port), signal: controller.signal });
      assert.equal(r.error?.message, 'Cancelled');
      assert.equal(rec.connections, 0);
    } finally {
      await rec.close();
    }
  });
});

describe('header injection cannot add a recipient or a command', () => {
  const injections: Array<[string, Partial<SendRequest>]> = [
    ['override To with CRLF + RCPT TO', { envelope: { to: ['bob@example.com\r\nRCPT TO:<evil@example.net>'] } }],
    ['override To with CRLF + Bcc', { envelope: { to: ['bob@example.com\r\nBcc: evil@example.net'] } }],
    ['override To with a > and parameters', { envelope: { to: ['bob@example.com> NOTIFY=SUCCESS ORCPT=rfc822;evil@example.net'] } }],
    ['override From with LF + RCPT TO', { envelope: { from: 'alice@example.com\nRCPT TO:<evil@example.net>' } }],
    ['profile From with CR', { profile: profile(0, { from: 'alice@example.com\rRCPT TO:<evil@example.net>' }) }],
    ['EHLO name with CRLF + RCPT TO', { profile: profile(0, { clientName: 'client.example\r\nRCPT TO:<evil@example.net>' }) }],
    ['EHLO name with a space + RCPT TO', { profile: profile(0, { clientName: 'client.example RCPT TO:<evil@example.net>' }) }],
    ['To header with a bare CR + Bcc', { text: 'From: alice@example.com\nTo: bob@example.com\rBcc: evil@example.net\nSubject: x\n\nhi\n' }],
    ['To header with a bare CR + RCPT TO', { text: 'From: alice@example.com\nTo: bob@example.com\rRCPT TO:<evil@example.net>\n\nhi\n' }],
    ['To header with a NUL', { text: 'From: alice@example.com\nTo: bob@example.com\u0000, "x\u0000"@example.net\n\nhi\n' }],
  ];
  for (const [name, req] of injections) {
    test(name, async () => {
      const rec = await startSmtpRecorder();
      try {
        const p = req.profile ? { ...req.profile, port: rec.port } : profile(rec.port);
        const r = await send({ ...req, profile: p });
        assert.equal(r.ok, false);
        // Refused before a single byte went out.
        assert.equal(rec.connections, 0);
        assert.deepEqual(rec.commands, []);
        // An override is checked address by address: the bad one is not in the envelope at all.
        if (req.envelope || req.profile) assert.doesNotMatch(JSON.stringify(r.envelope), /evil/);
      } finally {
        await rec.close();
      }
    });
  }

  test('the recorded commands of a send with Bcc are exactly the expected ones', async () => {
    const rec = await startSmtpRecorder();
    try {
      const r = await send({ profile: profile(rec.port, { clientName: '[192.0.2.1]' }) });
      assert.equal(r.ok, true);
      assert.deepEqual(rec.commands, [
        'EHLO [192.0.2.1]',
        `MAIL FROM:<alice@example.com> SIZE=${Buffer.byteLength(prepareData(MESSAGE))}`,
        ...ALL_RECIPIENTS.map((a) => `RCPT TO:<${a}>`),
        'DATA',
        'QUIT',
      ]);
    } finally {
      await rec.close();
    }
  });
});

for (const security of ['starttls', 'tls'] as const) {
  describe(`${security === 'tls' ? 'implicit TLS' : 'STARTTLS'} with a self-signed certificate`, () => {
    let server: TestSmtpServer;
    before(async () => {
      server = await startTestSmtpServer({ security });
    });
    after(() => server.close());

    test('refused by default with a clear certificate error, nothing sent', async () => {
      const r = await send({ profile: profile(server.port, { security }) });
      assert.equal(r.ok, false);
      assert.equal(r.stage, 'tls');
      assert.equal(r.error?.stage, 'tls');
      assert.match(r.error!.message, /^The server's TLS certificate was refused: self[- ]signed certificate\. .*CA file.*rejectUnauthorized: false/);
      assert.equal(server.received.length, 0);
      assert.doesNotMatch(r.transcript, /^C: MAIL/m);
    });

    test('accepted with rejectUnauthorized: false (log notes it is unverified)', async () => {
      const r = await send({ profile: profile(server.port, { security, rejectUnauthorized: false }) });
      assert.equal(r.ok, true, r.error?.message);
      assert.equal(server.received.at(-1)!.secure, true);
      assert.match(r.transcript, /^# TLS: (STARTTLS|implicit), TLSv1\.[23], cipher \S+$/m);
      assert.match(r.transcript, /^# certificate: subject CN=localhost, O=smtp-eml test; .*\(not verified: DEPTH_ZERO_SELF_SIGNED_CERT\)$/m);
      assert.match(r.transcript, /certificate not verified/);
      assertEndsWithQuit(r.transcript);
      assert.deepEqual(transcriptErrors(r.transcript), []);
    });

    test('accepted with the CA file, certificate verified', async () => {
      const r = await send({ profile: profile(server.port, { security, caFile: TLS_CERT_FILE }) });
      assert.equal(r.ok, true, r.error?.message);
      assert.equal(server.received.at(-1)!.data.toString('utf8'), prepareData(MESSAGE));
      assert.match(r.transcript, /^# certificate: subject CN=localhost, O=smtp-eml test; issuer CN=localhost, O=smtp-eml test; valid until .*2126 GMT$/m);
      if (security === 'starttls') {
        assert.deepEqual(r.stages, ['connecting', 'tls', 'sender', 'recipients', 'data', 'quit']);
        assert.match(r.transcript, /^C: STARTTLS\nS: 220 .*\n# TLS: STARTTLS/m);
      } else {
        assert.deepEqual(r.stages, ['connecting', 'tls', 'sender', 'recipients', 'data', 'quit']);
        assert.doesNotMatch(r.transcript, /STARTTLS$/m);
      }
    });

    test('a missing CA file is a clear error before connecting', async () => {
      const r = await send({ profile: profile(server.port, { security, caFile: '/nonexistent/ca.pem' }) });
      assert.equal(r.ok, false);
      assert.equal(r.error?.stage, 'tls');
      assert.match(r.error!.message, /^Cannot read the CA file \/nonexistent\/ca\.pem/);
    });
  });
}

test('starttls profile against a server without STARTTLS: refused, nothing sent in the clear', async () => {
  const rec = await startSmtpRecorder({ ehlo: ['PIPELINING', '8BITMIME'] });
  try {
    const r = await send({ profile: profile(rec.port, { security: 'starttls' }) });
    assert.equal(r.ok, false);
    assert.equal(r.error?.stage, 'tls');
    assert.equal(r.error?.message, 'Server does not support STARTTLS, which the profile requires: 502 5.5.2 Command not recognized');
    assert.deepEqual(rec.commands, ['EHLO [127.0.0.1]', 'STARTTLS']);
    assert.ok(!rec.commands.some((c) => /^(MAIL|RCPT|DATA|AUTH)/.test(c)));
  } finally {
    await rec.close();
  }
});

describe('AUTH: credentials never in the log', () => {
  const USER = 'alice.login@example.com';
  const PASSWORD = 'S3cr3t-Pa55w0rd!';
  const forbidden = [
    USER,
    PASSWORD,
    Buffer.from(USER).toString('base64'),
    Buffer.from(PASSWORD).toString('base64'),
    Buffer.from(`\u0000${USER}\u0000${PASSWORD}`).toString('base64'),
    Buffer.from(`\u0000${USER}\u0000/* secret */`).toString('base64'),
  ];
  const assertNoCredentials = (r: SendResult & { logged: string[] }): void => {
    const everything = [r.transcript, r.logged.join('\n'), JSON.stringify(r.error ?? {}), JSON.stringify(r.recipients)].join('\n');
    for (const secret of forbidden) assert.ok(!everything.includes(secret), `leaked ${secret}`);
  };

  for (const method of ['PLAIN', 'LOGIN', 'CRAM-MD5']) {
    describe(`AUTH ${method}`, () => {
      let server: TestSmtpServer;
      before(async () => {
        server = await startTestSmtpServer({ security: 'starttls', users: { [USER]: PASSWORD }, authMethods: [method] });
      });
      after(() => server.close());
      const tlsProfile = (port: number): SmtpProfile => profile(port, { security: 'starttls', caFile: TLS_CERT_FILE, user: USER });

      test('right password: sent, user and password masked, log validates with zero errors', async () => {
        const r = await send({ profile: tlsProfile(server.port), password: PASSWORD });
        assert.equal(r.ok, true, r.error?.message);
        assert.deepEqual(server.logins.at(-1), { method, user: USER, ok: true });
        assert.equal(server.received.at(-1)!.user, USER);
        assert.deepEqual(r.stages, ['connecting', 'tls', 'auth', 'sender', 'recipients', 'data', 'quit']);
        if (method === 'PLAIN') {
          assert.match(r.transcript, /^C: AUTH PLAIN <redacted>\nS: 235 /m);
        } else if (method === 'CRAM-MD5') {
          assert.match(r.transcript, /^C: AUTH CRAM-MD5\nS: 334 \S+\nC: <redacted>\nS: 235 /m);
        } else {
          assert.match(r.transcript, /^C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: <redacted>\nS: 334 UGFzc3dvcmQ6\nC: <redacted>\nS: 235 /m);
        }
        assertNoCredentials(r);
        assertEndsWithQuit(r.transcript);
        assert.deepEqual(transcriptErrors(r.transcript), []);
        assert.ok(!validateTranscript(r.transcript).some((p) => p.code === 'credentials-exposed'));
      });

      // (CRAM-MD5 sends an HMAC, not a readable credential: nothing for the validator to flag.)
      if (method !== 'CRAM-MD5') test('the validator would catch the unmasked form (the check above can fail)', async () => {
        const r = await send({ profile: tlsProfile(server.port), password: PASSWORD });
        const exposed =
          method === 'PLAIN'
            ? r.transcript.replace('AUTH PLAIN <redacted>', `AUTH PLAIN ${Buffer.from(`\u0000${USER}\u0000${PASSWORD}`).toString('base64')}`)
            : r.transcript.replace('C: <redacted>', `C: ${Buffer.from(USER).toString('base64')}`);
        assert.notEqual(exposed, r.transcript);
        assert.ok(validateTranscript(exposed).some((p) => p.code === 'credentials-exposed'));
      });

      test('wrong password: not sent, stage auth, 535, no credentials anywhere', async () => {
        const r = await send({ profile: tlsProfile(server.port), password: 'wrong-password' });
        assert.equal(r.ok, false);
        assert.equal(r.stage, 'auth');
        assert.equal(r.error?.code, 535);
        assert.equal(r.error?.message, 'Server refused the login: 535 5.7.8 Authentication credentials invalid');
        assert.deepEqual(server.logins.at(-1), { method, user: USER, ok: false });
        assertNoCredentials(r);
        assert.ok(!r.transcript.includes('wrong-password'));
        assert.ok(!r.transcript.includes(Buffer.from('wrong-password').toString('base64')));
        assertEndsWithQuit(r.transcript);
      });

      test('no password given: refused at auth without sending the user name', async () => {
        const r = await send({ profile: tlsProfile(server.port) });
        assert.equal(r.ok, false);
        assert.equal(r.error?.stage, 'auth');
        assert.equal(r.error?.message, 'No password given for the login.');
        assertNoCredentials(r);
      });
    });
  }
});

/**
 * The send path under faults, against scripted raw-socket servers on
 * 127.0.0.1 (`test/helpers/faultServer.ts`). The server closes the socket, stalls,
 * or answers garbage, a 600 code or a 10 MB line at every stage of the session.
 * Each case must give a clear error naming the stage, keep the log, leave the
 * request untouched, raise no unhandled rejection, send at most once, and leak
 * neither the user name nor the password anywhere.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import * as fc from 'fast-check';
import { prepareData } from '../../src/mail/envelope';
import { sendMessage } from '../../src/send/send';
import type { SendRequest, SendResult, SendStage, SmtpProfile } from '../../src/send/types';
import { assertProperty, params } from './fuzzConfig';
import { assertNoSecrets, MESSAGE, PASSWORD, USER } from './sendHarness';
import { close, type FaultAction, type FaultRecord, type FaultScript, raw, reply, replyThenClose, startFaultServer, stall } from '../helpers/faultServer';

const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'tls');
const TLS = { key: readFileSync(path.join(fixtures, 'key.pem')), cert: readFileSync(path.join(fixtures, 'cert.pem')) };

/** Unhandled rejections and uncaught exceptions raised while a test runs. */
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown): void => {
  unhandled.push(err);
};

export interface SendRun {
  result: SendResult;
  record: FaultRecord;
  logs: string[];
  stages: SendStage[];
  request: SendRequest;
}

/** Sends MESSAGE (or `text`) through a fault server running `script`. */
export async function sendThrough(script: FaultScript, profile: Partial<SmtpProfile> = {}, extra: Partial<SendRequest> = {}): Promise<SendRun> {
  const server = await startFaultServer(script);
  const logs: string[] = [];
  const stages: SendStage[] = [];
  try {
    const request: SendRequest = {
      text: MESSAGE,
      password: PASSWORD,
      profile: {
        name: 'fault',
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        user: USER,
        // AUTH over a plain socket on purpose: the masking of what crosses it is under test.
        allowCleartextAuth: true,
        connectionTimeout: 2000,
        // Long enough that a loaded CI machine never times out a healthy reply, short enough for the stall cases.
        greetingTimeout: 1500,
        socketTimeout: 1500,
        ...profile,
      },
      onLog: (line) => logs.push(line),
      onStage: (stage) => stages.push(stage),
      ...extra,
    };
    const before = JSON.stringify({ ...request, onLog: undefined, onStage: undefined, signal: undefined });
    const result = await sendMessage(request);
    assert.equal(
      JSON.stringify({ ...request, onLog: undefined, onStage: undefined, signal: undefined }),
      before,
      'the request (editor text, profile, envelope) is left untouched',
    );
    return { result, record: server.record, logs, stages, request };
  } finally {
    await server.close();
  }
}

/** What every failed send must show. */
export function assertCleanFailure(run: SendRun, stage: SendStage, label: string): void {
  const { result, record, logs } = run;
  assert.equal(result.ok, false, `${label}: must not report success`);
  assert.ok(result.error, `${label}: has an error`);
  assert.equal(result.error.stage, stage, `${label}: stage (message: ${result.error.message})`);
  assert.equal(result.stage, stage, `${label}: result.stage`);
  assert.ok(result.error.message.length >= 10, `${label}: clear message: ${JSON.stringify(result.error.message)}`);
  assert.ok(!/undefined|\[object |NaN/.test(result.error.message), `${label}: message has no placeholders: ${result.error.message}`);
  // The log is kept: the transcript shows what was said up to the fault, and the same lines went to onLog.
  assert.ok(result.transcript.length > 0, `${label}: transcript kept`);
  assert.ok(logs.length > 0, `${label}: onLog was called`);
  // After the whole message went out, a lost connection leaves delivery unknown, and the log says so.
  assert.ok(result.deliveryUnknown ? /delivery unknown: .*may have been delivered/.test(result.transcript) : /not sent/.test(result.transcript), `${label}: the transcript says the message was not sent (or that delivery is unknown)`);
  // No second send: one connection, at most one transaction and one message.
  assert.equal(record.connections, 1, `${label}: exactly one connection`);
  assert.ok(record.commands.filter((c) => /^MAIL /i.test(c)).length <= 1, `${label}: MAIL at most once`);
  assert.ok(record.messages.length <= 1, `${label}: message data at most once`);
}

function assertNoLeaks(run: SendRun, label: string): void {
  assertNoSecrets(`${label}: result`, JSON.stringify(run.result));
  assertNoSecrets(`${label}: onLog`, run.logs.join('\n'));
}

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  assert.deepEqual(unhandled.map(String), [], 'no unhandled rejection or uncaught exception');
});

/** A point of the session where a fault is injected, and the stage the error must name. */
interface FaultPoint {
  name: string;
  stage: SendStage;
  /** Builds the script that puts `action` at this point. */
  script(action: FaultAction): FaultScript;
  profile?: Partial<SmtpProfile>;
  /** The transcript must show this (what happened before the fault). */
  transcriptShows?: RegExp;
}

const at = (verb: string, nth = 1) => (action: FaultAction): FaultScript => {
  let seen = 0;
  return { command: (v) => (v === verb && ++seen === nth ? action : undefined) };
};

const POINTS: FaultPoint[] = [
  { name: 'greeting', stage: 'connecting', script: (a) => ({ greeting: () => a }) },
  { name: 'EHLO', stage: 'connecting', script: at('EHLO'), transcriptShows: /220 fault\.test/ },
  {
    name: 'STARTTLS',
    stage: 'tls',
    script: (a) => ({ ...at('STARTTLS')(a), startTls: TLS }),
    profile: { security: 'starttls', rejectUnauthorized: false },
    transcriptShows: /STARTTLS/,
  },
  { name: 'AUTH', stage: 'auth', script: at('AUTH'), transcriptShows: /AUTH/ },
  { name: 'MAIL', stage: 'sender', script: at('MAIL'), transcriptShows: /MAIL FROM/ },
  { name: 'first RCPT', stage: 'recipients', script: at('RCPT', 1), transcriptShows: /RCPT TO/ },
  { name: 'second RCPT', stage: 'recipients', script: at('RCPT', 2), transcriptShows: /bob@example\.test/ },
  { name: 'DATA command', stage: 'data', script: at('DATA'), transcriptShows: /DATA/ },
  { name: 'during the message data', stage: 'data', script: (a) => ({ duringData: () => a, dataFaultAfter: 10 }), transcriptShows: /354/ },
  { name: 'before the final reply', stage: 'data', script: (a) => ({ afterData: () => a }), transcriptShows: /354/ },
];

describe('server closes the socket at every stage', () => {
  for (const point of POINTS) {
    test(point.name, async () => {
      const run = await sendThrough(point.script(close()), point.profile);
      assertCleanFailure(run, point.stage, `close at ${point.name}`);
      if (point.transcriptShows) assert.match(run.result.transcript, point.transcriptShows);
      assertNoLeaks(run, point.name);
    });
  }
});

describe('server stalls at every stage: the timeout fires with a clear message', () => {
  for (const point of POINTS) {
    test(point.name, async () => {
      const run = await sendThrough(point.script(stall()), point.profile);
      assertCleanFailure(run, point.stage, `stall at ${point.name}`);
      assert.match(run.result.error!.message, /within \d+ ms|timed? ?out|stopped answering|did not/i, 'the message says it timed out');
      if (point.transcriptShows) assert.match(run.result.transcript, point.transcriptShows);
      assertNoLeaks(run, point.name);
    });
  }
});

describe('server answers garbage or a 600 code', () => {
  const cases: Array<[string, SendStage, FaultScript]> = [
    ['garbage greeting', 'connecting', { greeting: () => reply('hello, I am not an SMTP server') }],
    ['binary greeting', 'connecting', { greeting: () => raw(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x0a])) }],
    ['600 greeting', 'connecting', { greeting: () => reply('600 what is this') }],
    // A bad EHLO reply makes the client fall back to HELO (RFC 5321 §3.2), so both get garbage.
    ['garbage EHLO and HELO replies', 'connecting', { command: (v) => (v === 'EHLO' || v === 'HELO' ? reply('%%%% garbage') : undefined) }],
    ['600 to AUTH', 'auth', at('AUTH')(reply('600 strange'))],
    ['600 to MAIL', 'sender', at('MAIL')(reply('600 strange'))],
    ['garbage to MAIL', 'sender', at('MAIL')(reply('ok?'))],
    ['600 to every RCPT', 'recipients', at('RCPT', 1)(reply('600 strange'))],
    ['600 to DATA', 'data', at('DATA')(reply('600 strange'))],
    ['600 after the data', 'data', { afterData: () => reply('600 strange') }],
  ];
  for (const [name, stage, script] of cases) {
    test(name, async () => {
      // A 600 to the first RCPT and nothing to the second: make every RCPT fail.
      const s: FaultScript = name === '600 to every RCPT' ? { command: (v) => (v === 'RCPT' ? reply('600 strange') : undefined) } : script;
      const run = await sendThrough(s);
      assertCleanFailure(run, stage, name);
      assertNoLeaks(run, name);
    });
  }

  test('a 10 MB reply line neither crashes nor floods the log', async () => {
    const huge = '250 ' + 'x'.repeat(10 * 1024 * 1024);
    // A long socket timeout so the whole line arrives (the outcome must not depend on speed).
    const run = await sendThrough(at('MAIL')(reply(huge)), { socketTimeout: 120_000 });
    // Whatever the client makes of it, it must come back, once, with a bounded log.
    assert.equal(run.record.connections, 1);
    assert.ok(run.record.messages.length <= 1);
    assert.ok(run.result.transcript.length < 1024 * 1024, `transcript of ${run.result.transcript.length} characters: the 10 MB line must be cut`);
    assert.ok(run.logs.every((l) => l.length < 1024 * 1024), 'no onLog line of a megabyte');
    if (!run.result.ok) assert.equal(run.result.error?.stage, 'sender');
    assertNoLeaks(run, '10 MB line');
  });

  test('a 10 MB greeting without a line end is refused, not buffered forever', async () => {
    const run = await sendThrough({ greeting: () => raw('220 ' + 'y'.repeat(10 * 1024 * 1024)) });
    assertCleanFailure(run, 'connecting', '10 MB greeting without CRLF');
    assert.ok(run.result.transcript.length < 1024 * 1024, 'bounded transcript');
  });
});

describe('STARTTLS offered, then the handshake fails', () => {
  const cases: Array<[string, FaultAction]> = [
    ['garbage instead of a TLS handshake', raw('220 2.0.0 Ready to start TLS\r\n' + 'this is not TLS at all\r\n'.repeat(3))],
    ['close right after 220', replyThenClose('220 2.0.0 Ready to start TLS')],
    ['silence after 220', raw('220 2.0.0 Ready to start TLS\r\n')],
  ];
  for (const [name, action] of cases) {
    test(name, async () => {
      const run = await sendThrough(
        { startTls: TLS, command: (verb) => (verb === 'STARTTLS' ? action : undefined) },
        { security: 'starttls', rejectUnauthorized: false },
      );
      assertCleanFailure(run, 'tls', name);
      assert.ok(!run.record.commands.some((c) => /^(AUTH|MAIL|RCPT)/i.test(c)), 'nothing sent in the clear after a failed STARTTLS');
      assertNoLeaks(run, name);
    });
  }

  test('STARTTLS required but not offered: nothing is sent in the clear', async () => {
    const run = await sendThrough({}, { security: 'starttls' });
    assertCleanFailure(run, 'tls', 'no STARTTLS');
    assert.ok(!run.record.commands.some((c) => /^(AUTH|MAIL|RCPT|DATA)/i.test(c)), `commands: ${run.record.commands.join(' | ')}`);
  });
});

describe('accepted for some recipients', () => {
  test('reports exactly which were refused and why', async () => {
    const run = await sendThrough({
      command: (verb, line) => (verb === 'RCPT' && /carol/.test(line) ? reply('550 5.1.1 <carol@example.test>: Recipient address rejected: User unknown') : undefined),
    });
    const { result } = run;
    assert.equal(result.ok, true, result.error?.message);
    assert.deepEqual(
      result.recipients.map((r) => [r.address, r.accepted]),
      [
        ['bob@example.test', true],
        ['carol@example.test', false],
      ],
    );
    assert.match(result.recipients[1].reply, /^550 5\.1\.1 .*User unknown/);
    assert.match(result.recipients[0].reply, /^250/);
    assert.match(result.transcript, /carol@example\.test.*550/s);
    assert.equal(run.record.messages.length, 1, 'the message went once, to bob');
    assertNoLeaks(run, 'partial');
  });

  test('every recipient refused: not sent, each with its reason', async () => {
    const run = await sendThrough({
      command: (verb, line) => (verb === 'RCPT' ? reply(/bob/.test(line) ? '550 5.1.1 bob unknown' : '452 4.2.2 carol over quota') : undefined),
    });
    assertCleanFailure(run, 'recipients', 'all refused');
    assert.deepEqual(
      run.result.recipients.map((r) => [r.address, r.accepted, r.reply.slice(0, 9)]),
      [
        ['bob@example.test', false, '550 5.1.1'],
        ['carol@example.test', false, '452 4.2.2'],
      ],
    );
    assert.equal(run.record.messages.length, 0, 'no data without a recipient');
  });
});

describe('a clean send through the fault server (the harness itself)', () => {
  test('sends once, dot-stuffing undone by the server gives the prepared data back', async () => {
    const run = await sendThrough({});
    assert.equal(run.result.ok, true, run.result.error?.message);
    assert.equal(run.record.messages.length, 1);
    assert.ok(run.record.messages[0].includes('\r\n.a line that starts with a dot\r\n..two dots\r\n.\r\nend\r\n'));
    assert.match(run.record.rawInput, /\r\n\.\.a line that starts with a dot\r\n\.\.\.two dots\r\n\.\.\r\n/, 'dot-stuffed on the wire (RFC 5321 §4.5.2)');
    assert.equal(run.result.queueId, 'FAULT1x1');
    assertNoLeaks(run, 'clean');
  });
});

describe('dot-stuffing on the wire and unstuffing by the server are inverse', () => {
  test('any body: the server receives exactly prepareData(text)', async () => {
    const bodyLine = fc.oneof(fc.constantFrom('', '.', '..', '. ', '.x', '...', ' .', 'x.', '.\t'), fc.stringMatching(/^[ -~]{0,30}$/));
    await assertProperty(
      fc.asyncProperty(fc.array(bodyLine, { maxLength: 25 }), fc.constantFrom('\r\n', '\n'), async (lines, eol) => {
        const text = MESSAGE.split('\r\n\r\n')[0].split('\r\n').join(eol) + eol + eol + lines.join(eol) + eol;
        const run = await sendThrough({}, {}, { text });
        assert.equal(run.result.ok, true, run.result.error?.message);
        assert.equal(run.record.messages.length, 1);
        assert.equal(run.record.messages[0], Buffer.from(prepareData(text), 'utf8').toString('latin1'));
      }),
      params(25),
    );
  });
});

describe('replies that echo the credentials do not leak them', () => {
  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
  const cases: Array<[string, SendStage, FaultScript]> = [
    // As Dovecot and many servers word it.
    ['535 naming the user', 'auth', at('AUTH')(reply(`535 5.7.8 Authentication failed for ${USER}`))],
    ['501 echoing the AUTH PLAIN blob', 'auth', at('AUTH')(reply(`501 5.5.2 Cannot decode ${b64(`\0${USER}\0${PASSWORD}`)}`))],
    ['535 echoing the password', 'auth', at('AUTH')(reply(`535 5.7.8 bad password ${PASSWORD}`))],
    // Postfix reject_sender_login_mismatch: "Sender address rejected: not owned by user <login>".
    ['553 at MAIL naming the login', 'sender', at('MAIL')(reply(`553 5.7.1 <alice@example.test>: Sender address rejected: not owned by user ${USER}`))],
    ['550 at RCPT echoing base64 of the user', 'recipients', { command: (v) => (v === 'RCPT' ? reply(`550 5.7.1 ${b64(USER)} may not send here`) : undefined) }],
  ];
  for (const [name, stage, script] of cases) {
    test(name, async () => {
      const run = await sendThrough(script);
      assertCleanFailure(run, stage, name);
      assertNoLeaks(run, name);
    });
  }
});

describe('faults over implicit TLS (port 465 style)', () => {
  const tlsProfile: Partial<SmtpProfile> = { security: 'tls', rejectUnauthorized: false };
  test('closed after the handshake, before the greeting', async () => {
    const run = await sendThrough({ implicitTls: TLS, greeting: () => close() }, tlsProfile);
    assert.ok(['tls', 'connecting'].includes(run.result.error?.stage ?? ''), `stage ${run.result.error?.stage}`);
    assertCleanFailure(run, run.result.error!.stage, 'TLS close at greeting');
    assertNoLeaks(run, 'TLS close at greeting');
  });
  test('closed at MAIL', async () => {
    const run = await sendThrough({ implicitTls: TLS, ...at('MAIL')(close()) }, tlsProfile);
    assertCleanFailure(run, 'sender', 'TLS close at MAIL');
    assertNoLeaks(run, 'TLS close at MAIL');
  });
  test('stalled during the data', async () => {
    const run = await sendThrough({ implicitTls: TLS, duringData: () => stall(), dataFaultAfter: 10 }, tlsProfile);
    assertCleanFailure(run, 'data', 'TLS stall during data');
    assert.match(run.result.error!.message, /within \d+ ms|timed? ?out|stopped answering|did not/i);
  });
  test('a clean send over implicit TLS (control)', async () => {
    const run = await sendThrough({ implicitTls: TLS }, tlsProfile);
    assert.equal(run.result.ok, true, run.result.error?.message);
    assert.equal(run.record.messages.length, 1);
  });
});

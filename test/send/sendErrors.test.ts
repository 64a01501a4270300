/**
 * Every nodemailer error code the send engine turns into words, provoked by a
 * real server on 127.0.0.1 (a raw-socket scripted server, smtp-server for the
 * certificate cases), in English and in Persian. Each case names the text it
 * must produce (the key of the message table and its arguments), so a wrong
 * mapping (another key, another stage, a missing argument) fails.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import { describe, test } from 'node:test';
import { hasRtl } from '../../src/mail/bidi';
import { prepareSend } from '../../src/mail/envelope';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from '../../src/mail/transcript/messages';
import { PERSIAN_TRANSCRIPT_MESSAGES } from '../../src/mail/locales/fa';
import { sendMessage } from '../../src/send/send';
import type { SendResult, SendStage, SmtpProfile } from '../../src/send/types';
import { close, reply, stall, startFaultServer, type FaultScript } from '../helpers/faultServer';
import { readLines } from '../helpers/lineReader';
import { TLS_CERT_FILE, TLS_KEY_FILE } from '../helpers/smtpServer';

const TLS = { key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) };

const MESSAGE = ['From: alice@example.com', 'To: bob@example.com', 'Subject: codes', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Message-ID: <c@example.com>', '', 'Hello', ''].join('\r\n');
const TWO_RECIPIENTS = MESSAGE.replace('To: bob@example.com', 'To: bob@example.com, carol@example.com');

/** Marks where a case's text holds something the library words (OpenSSL's reason, a DNS error). */
const ANY = '\u0000';

/** What a case expects: the table entry and its arguments (ANY where the text is the library's). */
type Expected = (table: TranscriptMessageTable, port: number) => string;

interface Case {
  name: string;
  /** The nodemailer error code the case provokes (documentation; the text tells them apart). */
  code: string;
  /** Starts the server and returns its port and how to stop it. */
  server(): Promise<CaseServer>;
  profile?: Partial<SmtpProfile>;
  text?: string;
  password?: string;
  stage: SendStage;
  expected: Expected;
}

/** A server of a case: the port it listens on and how to stop it. */
interface CaseServer {
  port: number;
  close(): Promise<void>;
}

const faults = (script: FaultScript) => async () => startFaultServer(script);

/** A port with no server of the test behind it (nothing to stop). */
const noServer = (port: number): CaseServer => ({ port, close: async () => undefined });

/** Starts `s` listening on an ephemeral port of 127.0.0.1; returns the port. */
async function listenLocally(s: net.Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as net.AddressInfo).port;
}

/** The profile every case sends with: plain SMTP to 127.0.0.1 with short waits, certificates verified; `overrides` from the case. */
function profileFor(port: number, overrides?: Partial<SmtpProfile>): SmtpProfile {
  return { name: 'codes', host: '127.0.0.1', port, security: 'none', connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000, rejectUnauthorized: true, ...overrides };
}

/** A port nothing listens on. */
async function closedPort(): Promise<CaseServer> {
  const s = net.createServer();
  const port = await listenLocally(s);
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return noServer(port);
}

/** A raw `net` server on 127.0.0.1 that does what `onSocket` says with each connection. */
async function rawServer(onSocket: (socket: net.Socket) => void): Promise<CaseServer> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  return {
    port: await listenLocally(s),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        s.close(() => resolve());
      }),
  };
}

/** The octets the engine sends for `text` (the SIZE check compares these). */
const wireSize = (text: string): number => Buffer.byteLength(prepareSend(text).data, 'utf8');

const CASES: Case[] = [
  {
    name: 'MAIL FROM refused',
    code: 'EENVELOPE',
    server: faults({ command: (verb) => (verb === 'MAIL' ? reply('553 5.7.1 Sender address rejected') : undefined) }),
    stage: 'sender',
    expected: (t) => t.sendSenderRefused('553 5.7.1 Sender address rejected'),
  },
  {
    name: 'the one recipient refused',
    code: 'EENVELOPE',
    server: faults({ command: (verb) => (verb === 'RCPT' ? reply('550 5.1.1 No such user') : undefined) }),
    stage: 'recipients',
    expected: (t) => t.sendRecipientRefused('bob@example.com', '550 5.1.1 No such user'),
  },
  {
    name: 'every recipient refused',
    code: 'EENVELOPE',
    server: faults({ command: (verb, line) => (verb === 'RCPT' ? reply(`550 5.1.1 No ${/<(\w+)@/.exec(line)![1]}`) : undefined) }),
    text: TWO_RECIPIENTS,
    stage: 'recipients',
    expected: (t) => t.sendEveryRecipientRefused('bob@example.com: 550 5.1.1 No bob; carol@example.com: 550 5.1.1 No carol'),
  },
  {
    name: 'DATA refused',
    code: 'EENVELOPE',
    server: faults({ command: (verb) => (verb === 'DATA' ? reply('554 5.5.1 No valid recipients') : undefined) }),
    stage: 'data',
    expected: (t) => t.sendDataRefused('554 5.5.1 No valid recipients'),
  },
  {
    name: 'the message refused after the data',
    code: 'EMESSAGE',
    server: faults({ afterData: () => reply('552 5.3.4 Message too big for system') }),
    stage: 'data',
    expected: (t) => t.sendMessageRefused('552 5.3.4 Message too big for system'),
  },
  {
    name: 'larger than the SIZE the server announced',
    code: 'EMESSAGE',
    server: faults({ extensions: ['SIZE 100', '8BITMIME'] }),
    text: MESSAGE.replace('Hello', 'x'.repeat(200)),
    stage: 'sender',
    expected: (t) => t.sendTooBig(wireSize(MESSAGE.replace('Hello', 'x'.repeat(200))), 100),
  },
  {
    name: 'login refused',
    code: 'EAUTH',
    server: faults({ command: (verb) => (verb === 'AUTH' ? reply('535 5.7.8 Authentication credentials invalid') : undefined) }),
    profile: { user: 'alice', allowCleartextAuth: true },
    password: 'secret-pass',
    stage: 'auth',
    expected: (t) => t.sendLoginRefused('535 5.7.8 Authentication credentials invalid'),
  },
  {
    name: 'STARTTLS refused although the profile requires it',
    code: 'ETLS',
    server: faults({}),
    profile: { security: 'starttls' },
    stage: 'tls',
    expected: (t) => t.sendNoStartTls('502 5.5.1 STARTTLS not available'),
  },
  {
    name: 'STARTTLS: the certificate is refused',
    code: 'ETLS',
    server: faults({ startTls: TLS }),
    profile: { security: 'starttls' },
    stage: 'tls',
    expected: (t) => t.sendCertificateRefused('self-signed certificate'),
  },
  {
    name: 'implicit TLS: the certificate is refused',
    code: 'ESOCKET',
    server: faults({ implicitTls: TLS }),
    profile: { security: 'tls' },
    stage: 'tls',
    expected: (t) => t.sendCertificateRefused('self-signed certificate'),
  },
  {
    name: 'STARTTLS accepted, then no TLS but plain text',
    code: 'ETLS',
    server: () =>
      rawServer((socket) => {
        const answerInPlainText = (): void => void socket.end('this is plain text, not a TLS handshake\r\n');
        socket.write('220 raw.test ESMTP\r\n');
        const commands = readLines(socket, (line) => {
          if (/^EHLO/i.test(line)) socket.write('250-raw.test\r\n250 STARTTLS\r\n');
          else if (/^STARTTLS/i.test(line)) {
            // What comes after STARTTLS is the client's TLS handshake, not lines.
            const early = commands.stop();
            socket.write('220 2.0.0 go ahead\r\n');
            if (early.length) answerInPlainText();
            else socket.once('data', answerInPlainText);
          } else socket.write('502 5.5.1 no\r\n');
        });
      }),
    profile: { security: 'starttls' },
    stage: 'tls',
    expected: (t, port) => t.sendTlsFailed(`127.0.0.1:${port}`, ANY),
  },
  {
    name: 'implicit TLS: the server never answers the handshake',
    code: 'ETIMEDOUT',
    server: () => rawServer(() => undefined),
    profile: { security: 'tls', connectionTimeout: 300 },
    stage: 'connecting',
    expected: (t, port) => t.sendConnectTimeout(`127.0.0.1:${port}`, 300),
  },
  {
    name: 'no greeting',
    code: 'ETIMEDOUT',
    server: faults({ greeting: () => stall() }),
    profile: { greetingTimeout: 300 },
    stage: 'connecting',
    expected: (t, port) => t.sendNoGreeting(`127.0.0.1:${port}`, 300),
  },
  {
    name: 'the server stops answering at MAIL',
    code: 'ETIMEDOUT',
    server: faults({ command: (verb) => (verb === 'MAIL' ? stall() : undefined) }),
    profile: { socketTimeout: 300 },
    stage: 'sender',
    expected: (t, port) => t.sendStoppedAnswering(`127.0.0.1:${port}`, 300, 'sender'),
  },
  {
    name: 'a host name that does not resolve',
    code: 'EDNS',
    server: async () => noServer(25),
    profile: { host: 'no-such-host.invalid' },
    stage: 'connecting',
    expected: (t) => t.sendHostNotFound('no-such-host.invalid', ANY),
  },
  {
    name: 'a 554 greeting',
    code: 'EPROTOCOL',
    server: faults({ greeting: () => reply('554 5.3.2 No SMTP service here') }),
    stage: 'connecting',
    expected: (t) => t.sendConnectionRefusedByServer('554 5.3.2 No SMTP service here'),
  },
  {
    name: 'EHLO and HELO both refused',
    code: 'EPROTOCOL',
    server: faults({ command: (verb) => (verb === 'EHLO' ? reply('500 5.5.1 No EHLO') : verb === 'HELO' ? reply('501 5.5.4 No HELO either') : undefined) }),
    stage: 'connecting',
    expected: (t) => t.sendUnexpectedReply('connecting', '501 5.5.4 No HELO either'),
  },
  {
    name: '421 to EHLO',
    code: 'ECONNECTION',
    server: faults({ command: (verb) => (verb === 'EHLO' ? reply('421 4.3.2 Shutting down') : undefined) }),
    stage: 'connecting',
    expected: (t) => t.sendConnectionRefusedByServer('421 4.3.2 Shutting down'),
  },
  {
    name: 'the server hangs up at RCPT',
    code: 'ECONNECTION',
    server: faults({ command: (verb) => (verb === 'RCPT' ? close() : undefined) }),
    stage: 'recipients',
    expected: (t) => t.sendClosed('recipients', ''),
  },
  {
    name: 'nothing listens on the port',
    code: 'ESOCKET',
    server: closedPort,
    stage: 'connecting',
    expected: (t, port) => t.sendConnectionRefused(`127.0.0.1:${port}`),
  },
  {
    name: 'a stage that outlasts its deadline',
    code: '(stage deadline)',
    server: faults({ command: (verb) => (verb === 'MAIL' ? stall() : undefined) }),
    profile: { stageTimeout: 300 },
    stage: 'sender',
    expected: (t, port) => t.sendStageDeadline(`127.0.0.1:${port}`, 'sender', 300),
  },
];

/** Asserts `message` is `template` with the library's text where the template holds ANY. */
function assertRendered(message: string, template: string, what: string): void {
  if (!template.includes(ANY)) return assert.equal(message, template, what);
  const [before, after] = template.split(ANY) as [string, string];
  assert.ok(message.startsWith(before) && message.endsWith(after) && message.length > before.length + after.length, `${what}: ${JSON.stringify(message)} is not ${JSON.stringify(template)}`);
}

async function run(c: Case, locale: string | undefined): Promise<{ result: SendResult; port: number }> {
  const server = await c.server();
  try {
    const result = await sendMessage({ text: c.text ?? MESSAGE, profile: profileFor(server.port, c.profile), password: c.password, locale });
    return { result, port: server.port };
  } finally {
    await server.close();
  }
}

for (const [language, locale, table] of [
  ['English', undefined, ENGLISH_TRANSCRIPT_MESSAGES],
  ['Persian', 'fa-IR', PERSIAN_TRANSCRIPT_MESSAGES],
] as const) {
  describe(`send errors by nodemailer's error code, in ${language}`, () => {
    for (const c of CASES) {
      test(`${c.code}: ${c.name}`, async () => {
        const { result, port } = await run(c, locale);
        assert.equal(result.ok, false);
        assert.equal(result.error?.stage, c.stage, `stage of ${result.error?.message}`);
        assertRendered(result.error!.message, c.expected(table, port), c.name);
        if (locale) assert.ok(hasRtl(result.error!.message), 'Persian text');
        // The session log ends with the same words.
        assert.ok(result.transcript.includes(`# result: not sent: ${result.error!.message.split('\n')[0]}`), 'the log has the message');
      });
    }
  });
}

describe('send errors: the locale only changes the words', () => {
  test('the same failure in English and Persian has the same stage, code and reply', async () => {
    const c = CASES.find((x) => x.name === 'MAIL FROM refused')!;
    const [en, fa] = [(await run(c, 'en')).result, (await run(c, 'fa')).result];
    assert.deepEqual({ ...en.error, message: '' }, { ...fa.error, message: '' });
    assert.equal(en.error?.code, 553);
    assert.notEqual(en.error?.message, fa.error?.message);
  });

  test('cancelled in Persian', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await sendMessage({ text: MESSAGE, profile: profileFor(1), signal: controller.signal, locale: 'fa' });
    assert.equal(r.error?.message, PERSIAN_TRANSCRIPT_MESSAGES.sendCancelled());
  });
});

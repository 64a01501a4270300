/**
 * Injection: header values and addresses holding CR, LF, NUL or `>`,
 * from the editor text, the envelope overrides or the profile (settings), must
 * not add a recipient or a header nor smuggle an SMTP command. The server
 * (`test/helpers/faultServer.ts`) records every command line as received,
 * splitting on LF only, so a bare CR or NUL inside a command stays visible.
 * A case passes when the send either goes out clean or is refused with a clear
 * message; never when anything evil reaches the wire or the log.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { sendMessage } from '../../src/send/send';
import type { SendRequest, SendResult, SmtpProfile } from '../../src/send/types';
import { type FaultRecord, startFaultServer } from '../helpers/faultServer';
import { assertProperty, params } from './fuzzConfig';
import { assertNoSecrets, PASSWORD, USER } from './sendHarness';

const EVIL = 'evil@evil.test';
const LEGIT = new Set(['bob@example.test', 'carol@example.test', 'alice@example.test', 'me@example.test']);

/** Commands a clean session may contain (RFC 5321 §4.1.1, RFC 4954 §4), each on one line. */
const ALLOWED = [
  /^(EHLO|HELO) [A-Za-z0-9._\-[\]:]+$/,
  /^AUTH (PLAIN|LOGIN)( [A-Za-z0-9+/]+=*)?$/,
  /^[A-Za-z0-9+/]*=*$/, // AUTH continuation lines (base64)
  /^MAIL FROM:<[^<>\r\n\0 ]*>( (SIZE|BODY|SMTPUTF8)(=[A-Za-z0-9-]+)?)*$/,
  /^RCPT TO:<[^<>\r\n\0 ]+>$/,
  /^(DATA|QUIT|RSET|NOOP|STARTTLS)$/,
];

function baseMessage(headers: string[] = [], body = 'hello\r\n'): string {
  return [
    'From: Alice <alice@example.test>',
    'To: bob@example.test',
    'Subject: injection',
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    'Message-ID: <inj-1@example.test>',
    ...headers,
    '',
    body,
  ].join('\r\n');
}

interface InjectionRun {
  result: SendResult;
  record: FaultRecord;
  logs: string[];
}

async function send(text: string, profile: Partial<SmtpProfile> = {}, extra: Partial<SendRequest> = {}): Promise<InjectionRun> {
  const server = await startFaultServer({});
  const logs: string[] = [];
  try {
    const result = await sendMessage({
      text,
      password: PASSWORD,
      profile: { name: 'inject', host: '127.0.0.1', port: server.port, security: 'none', user: USER, allowCleartextAuth: true, greetingTimeout: 2000, socketTimeout: 2000, ...profile },
      onLog: (l) => logs.push(l),
      ...extra,
    });
    return { result, record: server.record, logs };
  } finally {
    await server.close();
  }
}

/** The header block of a message as received (up to the first empty line). */
function headerNames(message: string): string[] {
  const end = message.indexOf('\r\n\r\n');
  const head = end >= 0 ? message.slice(0, end) : message;
  return head
    .split('\r\n')
    .filter((l) => !/^[ \t]/.test(l))
    .map((l) => l.split(':')[0].trim().toLowerCase());
}

/** The C: lines of a transcript outside the message data (between `S: 354` and `C: .`). */
function commandLinesOf(transcript: string): string[] {
  const out: string[] = [];
  let inData = false;
  for (const line of transcript.split(/\r?\n/)) {
    if (inData) {
      if (line === 'C: .') inData = false;
      continue;
    }
    if (/^S: 354/.test(line)) inData = true;
    else if (line.startsWith('C:')) out.push(line);
  }
  return out;
}

function assertNothingInjected(run: InjectionRun, label: string, allowedHeaders: string[] = []): void {
  const { record, result, logs } = run;
  for (const command of record.commands) {
    assert.ok(!/[\r\0]/.test(command), `${label}: a CR or NUL reached the server inside ${JSON.stringify(command)}`);
    assert.ok(ALLOWED.some((re) => re.test(command)), `${label}: unexpected command on the wire: ${JSON.stringify(command)}`);
  }
  const rcpts = record.commands.filter((c) => /^RCPT /i.test(c)).map((c) => /<(.*)>/.exec(c)?.[1] ?? c);
  for (const r of rcpts) assert.ok(LEGIT.has(r), `${label}: recipient ${JSON.stringify(r)} was added`);
  assert.ok(record.commands.filter((c) => /^MAIL /i.test(c)).length <= 1, `${label}: one transaction`);
  for (const message of record.messages) {
    const names = headerNames(message);
    const known = ['from', 'to', 'subject', 'date', 'message-id', 'cc', 'mime-version', 'content-type', 'content-transfer-encoding', ...allowedHeaders];
    for (const n of names) assert.ok(known.includes(n), `${label}: header ${JSON.stringify(n)} was added to the message`);
    assert.ok(!names.includes('bcc') && !names.includes('resent-bcc'), `${label}: a Bcc header was transmitted`);
  }
  // The log must not be forged either: outside the message data, every C: line is a command that was sent.
  for (const l of commandLinesOf(result.transcript)) {
    if (LEGIT.has(EVIL)) break;
    assert.ok(!l.includes(EVIL), `${label}: the transcript shows ${JSON.stringify(l)}`);
  }
  if (!result.ok) {
    assert.ok(result.error && result.error.message.length >= 10, `${label}: a refusal says why`);
  }
  assertNoSecrets(`${label}: result`, JSON.stringify(result));
  assertNoSecrets(`${label}: onLog`, logs.join('\n'));
}

describe('injection from the editor text', () => {
  const cases: Array<[string, string]> = [
    ['bare CR in To', baseMessage([]).replace('To: bob@example.test', `To: bob@example.test\rRCPT TO:<${EVIL}>`)],
    ['NUL in To', baseMessage([]).replace('To: bob@example.test', `To: <bob@example.test>\0RCPT TO:<${EVIL}>`)],
    ['> in To', baseMessage([]).replace('To: bob@example.test', `To: <bob@example.test> NOTIFY=NEVER>`)],
    ['quoted local part holding >', baseMessage([]).replace('To: bob@example.test', `To: "bob>\r\nRCPT TO:<${EVIL}"@example.test`)],
    ['bare LF header in a CRLF message', baseMessage([]).replace('Subject: injection', `Subject: injection\nBcc: ${EVIL}`)],
    ['CR LF inside an encoded word', baseMessage([`X-Note: =?utf-8?Q?a=0D=0ARCPT_TO:<${EVIL}>?=`])],
    ['a line that looks like a command after the header', baseMessage([], `RCPT TO:<${EVIL}>\r\n.\r\nRCPT TO:<${EVIL}>\r\nDATA\r\n`)],
  ];
  for (const [name, text] of cases) {
    test(name, async () => {
      const run = await send(text);
      // A bare-LF Bcc is still a Bcc: it may be a recipient, but its header must not be sent.
      if (name.startsWith('bare LF header')) LEGIT.add(EVIL);
      try {
        assertNothingInjected(run, name, ['x-note', 'rcpt to']);
      } finally {
        LEGIT.delete(EVIL);
      }
    });
  }

  test('a Bcc is a recipient but never a transmitted header (folded, upper case, Resent-Bcc)', async () => {
    const text = baseMessage(['BCC: carol@example.test,', ' me@example.test', 'Resent-Bcc: alice@example.test']);
    const run = await send(text);
    assert.equal(run.result.ok, true, run.result.error?.message);
    assertNothingInjected(run, 'bcc');
    assert.ok(!/carol@example\.test|me@example\.test/.test(run.record.messages[0] ?? ''), 'no Bcc address in the data');
  });
});

describe('injection from settings and envelope overrides', () => {
  const cases: Array<[string, Partial<SmtpProfile>, Partial<SendRequest>]> = [
    ['profile.from with CRLF', { from: `me@example.test>\r\nRCPT TO:<${EVIL}` }, {}],
    ['profile.from with NUL', { from: `me@example.test\0RCPT TO:<${EVIL}>` }, {}],
    ['profile.from with bare CR', { from: `me@example.test\rRCPT TO:<${EVIL}>` }, {}],
    ['profile.clientName with CRLF', { clientName: `client.example\r\nRCPT TO:<${EVIL}>` }, {}],
    ['profile.clientName with a space', { clientName: `client.example RCPT TO:<${EVIL}>` }, {}],
    ['profile.user with CRLF', { user: `${USER}\r\nMAIL FROM:<${EVIL}>` }, {}],
    ['profile.name with CRLF (log forging)', { name: `x\r\nS: 250 ok\r\nC: RCPT TO:<${EVIL}>` }, {}],
    ['envelope.to with CRLF', {}, { envelope: { to: ['bob@example.test', `x@example.test>\r\nRCPT TO:<${EVIL}`] } }],
    ['envelope.to with >', {}, { envelope: { to: [`bob@example.test> NOTIFY=NEVER`] } }],
    ['envelope.from with CR and DATA', {}, { envelope: { from: `me@example.test\rDATA` } }],
    ['envelope.from with space and parameter', {}, { envelope: { from: `me@example.test> BODY=8BITMIME` } }],
  ];
  for (const [name, profile, extra] of cases) {
    test(name, async () => {
      const run = await send(baseMessage(), profile, extra);
      assertNothingInjected(run, name);
    });
  }
});

describe('property: random control characters in addresses never reach the wire', () => {
  const nasty = fc.constantFrom('\r', '\n', '\r\n', '\0', '>', '<', ' ', '\t', '"', ',', ':', ';', '\u2028', '\u0085');
  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  const address = fc.tuple(word, fc.array(fc.tuple(nasty, word), { maxLength: 3 })).map(([w, rest]) => `${w}${rest.map(([n, x]) => n + x).join('')}@example.test`);
  test('in envelope overrides', async () => {
    await assertProperty(
      fc.asyncProperty(fc.array(address, { minLength: 1, maxLength: 3 }), address, async (to, from) => {
        const run = await send(baseMessage(), {}, { envelope: { from, to } });
        for (const command of run.record.commands) {
          assert.ok(!/[\r\0]/.test(command), `CR or NUL on the wire: ${JSON.stringify(command)}`);
          assert.ok(ALLOWED.some((re) => re.test(command)), `unexpected command: ${JSON.stringify(command)}`);
        }
        assert.ok(run.record.commands.filter((c) => /^RCPT /.test(c)).length <= to.length, 'no more RCPTs than addresses');
      }),
      params(40),
    );
  });
});

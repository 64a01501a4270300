/**
 * The send path against hostile servers on 127.0.0.1 (raw sockets scripted
 * here or by test/helpers/faultServer.ts):
 * - a reply cannot forge a line of the session log (bare CR, ESC, U+2028);
 * - a huge multi-line reply, a reply without a line end and a trickling reply
 *   end the send with a clear error (a size cap and a deadline per stage);
 * - 8-bit data goes with BODY=8BITMIME when offered, re-encoded to 7 bit
 *   otherwise, or is refused; a non-ASCII address never goes without SMTPUTF8;
 * - a connection lost after the final dot says the message may have been delivered;
 * - AUTH in the clear is refused unless the profile allows it;
 * - an address holding U+2028 is counted as accepted when it was.
 */
import { strict as assert } from 'node:assert';
import * as net from 'node:net';
import { describe, test } from 'node:test';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { parseTranscript } from '../../src/mail/transcript/parse';
import { sendMessage } from '../../src/send/send';
import type { SendRequest, SendResult, SmtpProfile } from '../../src/send/types';
import { destroy, raw, startFaultServer, type FaultRecord, type FaultScript } from '../helpers/faultServer';
import { readLines } from '../helpers/lineReader';
import { MESSAGE } from './sendHarness';

/** Sends `text` through a fault server running `script`; a hang detector guards the test, not a speed claim. */
async function sendVia(script: FaultScript, profile: Partial<SmtpProfile> = {}, extra: Partial<SendRequest> = {}): Promise<{ result: SendResult; record: FaultRecord }> {
  const server = await startFaultServer(script);
  try {
    const result = await withHangDetector(
      sendMessage({ text: MESSAGE, profile: { name: 'hostile', host: '127.0.0.1', port: server.port, security: 'none', connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 5000, ...profile }, ...extra }),
    );
    return { result, record: server.record };
  } finally {
    await server.close();
  }
}

function withHangDetector<T>(p: Promise<T>, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms} ms: the send hangs`)), ms);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

/** Every line of a log as any reader splits it (CR, LF, CRLF, NEL, U+2028, U+2029). */
const readerLines = (log: string): string[] => log.split(/\r\n|[\r\n\u0085\u2028\u2029]/);

describe('the session log shows what crossed the wire, and nothing else', () => {
  test('a reply with a bare CR cannot add a C: line', async () => {
    const { result, record } = await sendVia({
      command: (verb) => (verb === 'RCPT' ? raw('250 2.1.5 Ok\rC: RCPT TO:<forged@evil.example>\r\n') : undefined),
    });
    assert.equal(result.ok, true, result.error?.message);
    assert.ok(!readerLines(result.transcript).some((l) => l.startsWith('C: RCPT TO:<forged')), result.transcript);
    assert.match(result.transcript, /^S: 250 2\.1\.5 Ok\\x0dC: RCPT TO:<forged@evil\.example>$/m);
    // The editor's reader sees exactly the RCPT commands the server received.
    const sent = record.commands.filter((c) => /^RCPT /i.test(c)).map((c) => /<(.*)>/.exec(c)![1]);
    assert.deepEqual(parseTranscript(result.transcript).commands.filter((c) => c.verb === 'RCPT').map((c) => c.address), sent);
    assert.match(result.transcript, /lines? held control characters/);
  });

  test('ESC, BEL, NUL, DEL, C1 and U+2028 in replies are escaped', async () => {
    const greeting = Buffer.concat([Buffer.from('220 fault.test \x1b]0;pwned\x07\x1b[2J \x00 \x7f '), Buffer.from('\u2028C: QUIT \u009b', 'utf8'), Buffer.from('\r\n')]);
    const { result } = await sendVia({ greeting: () => raw(greeting) });
    assert.equal(result.ok, true, result.error?.message);
    assert.doesNotMatch(result.transcript, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]/);
    assert.match(result.transcript, /^S: 220 fault\.test \\x1b\]0;pwned\\x07\\x1b\[2J \\x00 \\x7f \\u2028C: QUIT \\x9b$/m);
    assert.equal(readerLines(result.transcript).filter((l) => l.startsWith('C: QUIT')).length, 1);
  });
});

describe('a hostile server cannot pin the client', () => {
  test('10 MB of 250- continuation lines end the send with a clear error', async () => {
    const lines = Buffer.from(`250-${'a'.repeat(60)}\r\n`.repeat(170_000));
    const { result } = await sendVia({ command: (verb) => (verb === 'EHLO' ? raw(lines) : undefined) });
    assert.equal(result.ok, false);
    assert.match(result.error!.message, /sent a reply of more than 1000 lines during connecting/);
    assert.match(result.transcript, /not sent/);
  });

  test('a reply that never ends its line (hundreds of MB) ends the send at 1 MB', async () => {
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 hostile ESMTP\r\n');
      // The answer to EHLO, the first command (read as a line, however it arrives).
      const commands = readLines(socket, () => {
        commands.stop();
        const chunk = Buffer.alloc(1024 * 1024, 'A');
        let sent = 0;
        const pump = (): void => {
          while (sent < 300 && !socket.destroyed) {
            sent++;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const result = await withHangDetector(sendMessage({ text: MESSAGE, profile: { name: 'hostile', host: '127.0.0.1', port, security: 'none' } }));
      assert.equal(result.ok, false);
      assert.match(result.error!.message, /a reply of more than 1048576 bytes/);
    } finally {
      server.close();
    }
  });

  test('a reply trickled a line at a time is cut by the stage deadline, not the idle timeout', async () => {
    const timers = new Set<NodeJS.Timeout>();
    const server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('220 hostile ESMTP\r\n');
      const commands = readLines(socket, () => {
        commands.stop();
        const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write('250-still thinking\r\n')), 50);
        timers.add(t);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const result = await withHangDetector(
        sendMessage({ text: MESSAGE, profile: { name: 'hostile', host: '127.0.0.1', port, security: 'none', socketTimeout: 10_000, stageTimeout: 1000 } }),
      );
      assert.equal(result.ok, false);
      assert.match(result.error!.message, /did not complete connecting within 1000 ms/);
    } finally {
      for (const t of timers) clearInterval(t);
      server.close();
    }
  });
});

const UTF8_MESSAGE = [
  'From: a@example.test',
  'To: b@example.test',
  'Subject: hello',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <8bit@example.test>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary=zz',
  '',
  '--zz',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Gr\u00fc\u00dfe aus K\u00f6ln',
  '--zz',
  'Content-Type: application/octet-stream',
  '',
  '\u00ff\u00fe binary-ish',
  '--zz--',
  '',
].join('\r\n');

describe('8BITMIME and SMTPUTF8 (RFC 6152, RFC 6531)', () => {
  const without = ['SIZE 52428800', 'AUTH PLAIN LOGIN'];

  test('8BITMIME offered: BODY=8BITMIME declared, the data as is', async () => {
    const { result, record } = await sendVia({ extensions: ['SIZE 52428800', '8BITMIME'] }, {}, { text: UTF8_MESSAGE });
    assert.equal(result.ok, true, result.error?.message);
    assert.match(record.commands.find((c) => /^MAIL /.test(c))!, / BODY=8BITMIME/);
    assert.ok(Buffer.from(record.messages[0]!, 'latin1').toString('utf8').includes('Gr\u00fc\u00dfe aus K\u00f6ln'));
  });

  test('8BITMIME not offered: the 8-bit parts go re-encoded, 7-bit, and the log validates', async () => {
    const { result, record } = await sendVia({ extensions: without }, {}, { text: UTF8_MESSAGE });
    assert.equal(result.ok, true, result.error?.message);
    assert.doesNotMatch(record.commands.find((c) => /^MAIL /.test(c))!, /BODY=/);
    const sent = record.messages[0]!;
    assert.doesNotMatch(sent, /[^\x00-\x7f]/, 'only 7-bit octets on the wire');
    assert.match(sent, /Content-Transfer-Encoding: quoted-printable\r\n\r\nGr=C3=BC=C3=9Fe aus K=C3=B6ln\r\n--zz/);
    assert.match(sent, /Content-Type: application\/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nw7/);
    assert.match(result.transcript, /re-encoded as quoted-printable or base64/);
    const codes = validateTranscript(result.transcript).map((p) => p.code);
    assert.ok(!codes.includes('eight-bit-without-8bitmime'), codes.join(' '));
  });

  test('8BITMIME not offered and 8-bit text in a header: refused before MAIL, naming the line', async () => {
    const text = MESSAGE.replace('Subject: fault injection', 'Subject: Gr\u00fc\u00dfe');
    const { result, record } = await sendVia({ extensions: without }, {}, { text });
    assert.equal(result.ok, false);
    assert.match(result.error!.message, /does not offer 8BITMIME.*line 3 .*header/);
    assert.deepEqual(record.commands.filter((c) => /^(MAIL|RCPT|DATA)/.test(c)), []);
  });

  test('a non-ASCII address without SMTPUTF8 is never sent', async () => {
    const { result, record } = await sendVia({ extensions: ['SIZE 52428800', '8BITMIME'] }, {}, { envelope: { to: ['j\u00fcrgen@b\u00fccher.de'] } });
    assert.equal(result.ok, false);
    assert.match(result.error!.message, /does not offer SMTPUTF8.*j\u00fcrgen@b\u00fccher\.de/);
    assert.ok(!record.rawInput.includes('RCPT'), record.rawInput);
    assert.ok(!record.rawInput.includes('MAIL'), record.rawInput);
  });

  test('a non-ASCII address with SMTPUTF8: MAIL FROM carries SMTPUTF8', async () => {
    const { result, record } = await sendVia({ extensions: ['SIZE 52428800', '8BITMIME', 'SMTPUTF8'] }, {}, { envelope: { to: ['j\u00fcrgen@b\u00fccher.de'] } });
    assert.equal(result.ok, true, result.error?.message);
    assert.match(record.commands.find((c) => /^MAIL /.test(c))!, / SMTPUTF8/);
  });

  test('an address holding U+2028 that the server accepted is counted as accepted', async () => {
    const address = 'a\u2028b@example.test';
    const { result } = await sendVia({ extensions: ['SIZE 52428800', '8BITMIME', 'SMTPUTF8'] }, {}, { envelope: { to: [address] } });
    assert.equal(result.ok, true, result.error?.message);
    assert.deepEqual(result.recipients.map((r) => [r.address, r.accepted]), [[address, true]]);
  });
});

describe('delivery unknown, and AUTH in the clear', () => {
  test('the connection lost after the final dot: "may have been delivered", not "not sent"', async () => {
    const { result, record } = await sendVia({ afterData: () => destroy() });
    assert.equal(record.messages.length, 1);
    assert.equal(result.ok, false);
    assert.equal(result.deliveryUnknown, true);
    assert.match(result.error!.message, /may have been delivered; check before sending again/);
    assert.match(result.transcript, /^# result: delivery unknown: /m);
  });

  test('a refusal after the dot is a known outcome', async () => {
    const { result } = await sendVia({ afterData: () => raw('554 5.7.1 rejected\r\n') });
    assert.equal(result.ok, false);
    assert.equal(result.deliveryUnknown, undefined);
    assert.doesNotMatch(result.error!.message, /may have been delivered/);
  });

  test('security none with a user: refused before connecting, unless the profile allows it', async () => {
    const refused = await sendVia({}, { user: 'me' }, { password: 'pw-123456' });
    assert.equal(refused.result.ok, false);
    assert.equal(refused.record.connections, 0);
    assert.match(refused.result.error!.message, /in the clear/);
    const allowed = await sendVia({}, { user: 'me', allowCleartextAuth: true }, { password: 'pw-123456' });
    assert.equal(allowed.result.ok, true, allowed.result.error?.message);
    assert.match(allowed.result.transcript, /^# warning: AUTH without TLS/m);
  });
});

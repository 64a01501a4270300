/**
 * The send engine turns Nagle's algorithm off on nodemailer's socket (through
 * src/send/nodemailerInternals.ts), over plain TCP, STARTTLS and implicit TLS.
 * Asserted on the socket itself, not on timing: every `setNoDelay` call of the
 * process is recorded while a real send to smtp-server on 127.0.0.1 runs, and
 * the client's socket (the one whose remote end is the server) must have had
 * `setNoDelay(true)` before the server's greeting was read.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { currentSocket, disableNagle } from '../../src/send/nodemailerInternals';
import { sendMessage } from '../../src/send/send';
import type { SmtpProfile } from '../../src/send/types';
import { recordSocketCalls, type NoDelayCall } from '../helpers/socketCalls';
import { startTestSmtpServer, TLS_CERT_FILE } from '../helpers/smtpServer';

const MESSAGE = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: hi\r\nDate: Fri, 27 Nov 2026 10:00:00 +0000\r\nMessage-ID: <n@example.com>\r\n\r\nHello\r\n';

/** Every `setNoDelay` call made while `run` runs (test/helpers/socketCalls.ts). */
async function recordingNoDelay<T>(run: () => Promise<T>): Promise<{ result: T; calls: NoDelayCall[] }> {
  const { result, noDelay } = await recordSocketCalls(run);
  return { result, calls: noDelay };
}

for (const security of ['none', 'starttls', 'tls'] as const) {
  test(`sending (${security === 'none' ? 'plain TCP' : security}) turns Nagle's algorithm off on nodemailer's socket before the greeting`, async () => {
    const server = await startTestSmtpServer({ security });
    try {
      const profile: SmtpProfile = {
        name: 'test',
        host: '127.0.0.1',
        port: server.port,
        security,
        caFile: security === 'none' ? undefined : TLS_CERT_FILE,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 5000,
      };
      const { result, calls } = await recordingNoDelay(() => sendMessage({ text: MESSAGE, profile }));
      assert.equal(result.ok, true, result.error?.message);
      // The server's own sockets (smtp-server sets noDelay too) have the server's port as their local port.
      const client = calls.filter((c) => c.socket.remotePort === server.port);
      assert.equal(client.length, 1, `one setNoDelay call on the client's socket: ${JSON.stringify(calls.map((c) => [c.socket.localPort, c.socket.remotePort, c.enable]))}`);
      assert.equal(client[0].enable, true);
      // TCP_NODELAY on the TCP connection itself, which a STARTTLS upgrade keeps: set before any reply arrived.
      assert.equal(client[0].bytesRead, 0);
      assert.equal(server.received.length, 1);
    } finally {
      await server.close();
    }
  });
}

test('disableNagle: false without a socket (before connect), true and setNoDelay(true) on the socket once connected', async () => {
  const conn = new SMTPConnection({ host: '127.0.0.1', port: 1 });
  assert.equal(disableNagle(conn), false);
  const server = await startTestSmtpServer({ security: 'none' });
  const live = new SMTPConnection({ host: '127.0.0.1', port: server.port, ignoreTLS: true });
  live.on('error', () => undefined);
  try {
    const { result, calls } = await recordingNoDelay(() => new Promise<boolean>((resolve) => live.connect(() => resolve(disableNagle(live)))));
    assert.equal(result, true);
    assert.deepEqual(
      calls.filter((c) => c.socket === currentSocket(live)).map((c) => c.enable),
      [true],
    );
  } finally {
    live.close();
    await server.close();
  }
});

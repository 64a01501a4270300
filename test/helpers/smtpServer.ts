/**
 * A real SMTP server for tests (smtp-server from npm) on 127.0.0.1, port 0:
 * plain, STARTTLS or implicit TLS with the test certificate, optional AUTH,
 * and faults chosen per test (refuse a recipient, 452 at RCPT, 552 after
 * DATA). It records what it received: the envelope and the exact bytes of
 * each message (dot-stuffing undone by the server).
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** Test certificate and key (test/fixtures/tls, self-signed for localhost and 127.0.0.1). */
export const TLS_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'tls');
export const TLS_CERT_FILE = join(TLS_DIR, 'cert.pem');
export const TLS_KEY_FILE = join(TLS_DIR, 'key.pem');

/** One message as the server received it. */
export interface ReceivedMessage {
  mailFrom: string;
  rcptTo: string[];
  /** The data after DATA, dot-stuffing undone, final CRLF.CRLF removed. */
  data: Buffer;
  /** The user that logged in, when one did. */
  user?: string;
  secure: boolean;
}

export interface TestSmtpServerOptions {
  /** `starttls` offers STARTTLS with the test certificate; `tls` is implicit TLS; `none` hides STARTTLS. */
  security?: 'starttls' | 'tls' | 'none';
  /** Accepted logins (user → password); AUTH is required when given. */
  users?: Record<string, string>;
  authMethods?: string[];
  /** Recipients refused with `reply` (code + text), e.g. `550 5.1.1 User unknown`. */
  refuseRecipients?: Record<string, string>;
  /** Reply to the data (instead of 250), e.g. `552 5.3.4 Message too big`. */
  dataReply?: string;
  /** smtp-server options on top. */
  extra?: Partial<SMTPServerOptions>;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMessage[];
  /** Every AUTH attempt: user name and whether it succeeded. */
  logins: Array<{ method: string; user: string; ok: boolean }>;
  close(): Promise<void>;
}

function smtpError(reply: string): Error & { responseCode: number } {
  const m = /^(\d{3})\s*(.*)$/.exec(reply);
  const err = new Error(m ? m[2] : reply) as Error & { responseCode: number };
  err.responseCode = m ? Number(m[1]) : 550;
  return err;
}

/** Starts the server; resolves when it listens. */
export function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const security = options.security ?? 'none';
  const received: ReceivedMessage[] = [];
  const logins: TestSmtpServer['logins'] = [];
  const users = options.users;
  const tlsFiles = security === 'none' ? {} : { key: readFileSync(TLS_KEY_FILE), cert: readFileSync(TLS_CERT_FILE) };

  const server = new SMTPServer({
    ...tlsFiles,
    secure: security === 'tls',
    hideSTARTTLS: security === 'none',
    name: 'test.localhost',
    logger: false,
    disableReverseLookup: true,
    closeTimeout: 200,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN'],
    authOptional: !users,
    allowInsecureAuth: true,
    disabledCommands: users ? [] : ['AUTH'],
    onAuth(auth, _session, callback) {
      const expected = users && auth.username !== undefined ? users[auth.username] : undefined;
      // CRAM-MD5 sends no password, only an HMAC of the challenge (RFC 2195).
      const ok = expected !== undefined && (auth.method === 'CRAM-MD5' ? auth.validatePassword(expected) : auth.password === expected);
      logins.push({ method: auth.method, user: auth.username ?? '', ok });
      if (!ok) return callback(smtpError('535 5.7.8 Authentication credentials invalid'));
      callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipients?.[address.address];
      if (refusal) return callback(smtpError(refusal));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const message: ReceivedMessage = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks),
          secure: session.secure,
        };
        if (session.user) message.user = String(session.user);
        received.push(message);
        if (options.dataReply) return callback(smtpError(options.dataReply));
        callback(null, 'OK: queued as TEST123');
      });
    },
    ...options.extra,
  });
  server.on('error', () => undefined);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.server.address() as AddressInfo).port;
      resolve({ port, received, logins, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

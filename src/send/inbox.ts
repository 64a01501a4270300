/**
 * A local test inbox: an SMTP server on 127.0.0.1 (smtp-server from npm) that
 * accepts every message for every recipient and stores it in a folder, so a
 * message can be sent for real without it going anywhere. It never relays:
 * nothing it receives leaves the folder.
 *
 * Each message becomes `<timestamp>-<id>.eml` (the data exactly as received,
 * dot-stuffing undone by the server, CRLF line ends kept) and
 * `<timestamp>-<id>.envelope.json` (MAIL FROM, RCPT TO, the client's address,
 * the time). The JSON is written first and the .eml is renamed into place, so
 * a watcher that sees the .eml sees both files complete.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A running local inbox. */
export interface LocalInbox {
  /** The port it listens on (useful when started with port 0). */
  port: number;
  /** The folder messages are stored in. */
  dir: string;
  /** Stops listening and ends open sessions. */
  close(): Promise<void>;
  /** Calls `cb` with the path of each stored .eml file. */
  onMessage(cb: (file: string) => void): void;
}

/** What `<name>.envelope.json` holds. */
export interface StoredEnvelope {
  mailFrom: string;
  rcptTo: string[];
  remoteAddress: string;
  remotePort: number;
  clientHostname: string;
  time: string;
  size: number;
}

/** Largest message the inbox takes (bigger ones get 552, RFC 1870). */
const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

/**
 * Starts the inbox on 127.0.0.1 (port 0 picks a free port). Resolves once it
 * listens; rejects when the port is taken. AUTH is not offered (no
 * credentials are needed or checked); STARTTLS is offered with smtp-server's
 * built-in self-signed certificate.
 */
export function startLocalInbox(opts: { port?: number; dir: string; host?: '127.0.0.1' }): Promise<LocalInbox> {
  const dir = opts.dir;
  mkdirSync(dir, { recursive: true });
  const listeners: Array<(file: string) => void> = [];

  const server = new SMTPServer({
    name: 'smtp-eml-inbox.localhost',
    banner: 'smtp-eml local test inbox (stores messages, never relays)',
    authOptional: true,
    disabledCommands: ['AUTH'],
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1000,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          const err = new Error(`Message too big: this inbox takes at most ${MAX_MESSAGE_BYTES} bytes`) as Error & { responseCode: number };
          err.responseCode = 552;
          return callback(err);
        }
        try {
          const now = new Date();
          const id = randomBytes(6).toString('hex');
          const base = `${now.toISOString().replace(/[:]/g, '-')}-${id}`;
          const body = Buffer.concat(chunks);
          const envelope: StoredEnvelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress,
            remotePort: session.remotePort,
            clientHostname: session.clientHostname,
            time: now.toISOString(),
            size: body.length,
          };
          writeFileSync(join(dir, `${base}.envelope.json`), `${JSON.stringify(envelope, null, 2)}\n`);
          const file = join(dir, `${base}.eml`);
          writeFileSync(`${file}.tmp`, body);
          renameSync(`${file}.tmp`, file);
          callback(null, `OK: queued as ${id}`);
          for (const l of listeners) {
            try {
              l(file);
            } catch {
              // A failing listener must not take the inbox down.
            }
          }
        } catch (e) {
          const err = new Error(`Could not store the message: ${(e as Error).message}`) as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
        }
      });
    },
  });

  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.removeListener('error', onError);
      // Later errors (a client misbehaving) must not crash the process.
      server.on('error', () => undefined);
      const address = server.server.address();
      const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
      resolve({
        port,
        dir,
        close: () => new Promise<void>((done) => server.close(() => done())),
        onMessage: (cb) => listeners.push(cb),
      });
    });
  });
}

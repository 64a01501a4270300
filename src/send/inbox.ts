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
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
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
      // The data goes to `<name>.eml.tmp` as it arrives, so memory stays bounded
      // whatever the client sends; past the size limit it is discarded (RFC 1870:
      // 552 at the end). Any failure removes what was written: no `.eml.tmp` and
      // no `.envelope.json` without its message is left behind.
      const id = randomBytes(6).toString('hex');
      const base = `${new Date().toISOString().replace(/[:]/g, '-')}-${id}`;
      const file = join(dir, `${base}.eml`);
      const envelopeFile = join(dir, `${base}.envelope.json`);
      const tmp = `${file}.tmp`;
      let size = 0;
      let writeError: Error | undefined;
      let out: WriteStream | undefined = createWriteStream(tmp, { flags: 'wx' });
      const closed = new Promise<void>((done) => out!.once('close', () => done()));
      out.on('error', (e) => {
        writeError ??= e;
        stream.resume();
      });
      const discard = (): void => {
        if (!out) return;
        out.destroy();
        out = undefined;
        // It may have been paused waiting for a drain that will not come.
        stream.resume();
      };
      stream.on('data', (c: Buffer) => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded || writeError) return discard();
        size += c.length;
        if (out && !out.write(c)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      });
      const removeAll = (): void => {
        for (const f of [tmp, envelopeFile]) rmSync(f, { force: true });
      };
      stream.on('end', () => {
        const finish = async (): Promise<void> => {
          if (out && !out.destroyed) await new Promise<void>((done) => out!.end(() => done()));
          await closed;
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            removeAll();
            const err = new Error(`Message too big: this inbox takes at most ${MAX_MESSAGE_BYTES} bytes`) as Error & { responseCode: number };
            err.responseCode = 552;
            return callback(err);
          }
          if (writeError) throw writeError;
          const envelope: StoredEnvelope = {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            remoteAddress: session.remoteAddress,
            remotePort: session.remotePort,
            clientHostname: session.clientHostname,
            time: new Date().toISOString(),
            size,
          };
          writeFileSync(envelopeFile, `${JSON.stringify(envelope, null, 2)}\n`);
          renameSync(tmp, file);
          callback(null, `OK: queued as ${id}`);
          for (const l of listeners) {
            try {
              l(file);
            } catch {
              // A failing listener must not take the inbox down.
            }
          }
        };
        finish().catch((e: Error) => {
          removeAll();
          // RFC 3463 4.3.1: mail system full, or another local error; the client may try again.
          const err = new Error(`Could not store the message: ${e.message}`) as Error & { responseCode: number };
          err.responseCode = 451;
          callback(err);
        });
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

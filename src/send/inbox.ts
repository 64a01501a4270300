/**
 * A local test inbox: an SMTP server on 127.0.0.1 (smtp-server from npm) that
 * accepts every message for every recipient and stores it in a folder, so a
 * message can be sent for real without it going anywhere. It never relays:
 * nothing it receives leaves the folder.
 *
 * Each session gets a stem, `<time connected>-<id>`, and a transcript
 * `<stem>.smtp` of everything said in it (src/send/sessionRecorder.ts),
 * whether it stored a message or not. The first message of a session becomes
 * `<stem>.eml`, later ones `<stem>-2.eml`, ... (the data exactly as received,
 * dot-stuffing undone by the server, CRLF line ends kept), each with
 * `.envelope.json` (MAIL FROM, RCPT TO, the client's address, the time, the
 * transcript's name). The JSON is written first and the .eml is renamed into
 * place, so a watcher that sees the .eml sees both files complete.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import type { Socket } from 'node:net';
import { basename, join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { SMTPServer } from 'smtp-server';
import type { InboxScript } from './inboxScript';
import { afterWait, dropConnection, playScript, replaceNextReply, ScriptPlayer, type ScriptedSession } from './scriptedConnection';
import { connectionOf } from './smtpServerInternals';
import { SessionRecorder } from './sessionRecorder';

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
  /** Calls `cb` when a session has ended and its transcript is complete on disk. */
  onSession(cb: (session: InboxSession) => void): void;
}

/** A finished session: its transcript and the messages it stored. */
export interface InboxSession {
  /** Path of the `.smtp` transcript. */
  transcript: string;
  /** Paths of the `.eml` files stored in this session, in order. */
  messages: string[];
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
  /** File name of the session's transcript (in the same folder). */
  transcript: string;
}

/** Largest message the inbox takes (bigger ones get 552, RFC 1870). */
const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

/** What the transcript's first line calls this server. */
const SERVER_NAME = 'smtp-eml local test inbox';

/** One open session: where its files go and its transcript. */
interface OpenSession {
  stem: string;
  id: string;
  recorder: SessionRecorder;
  messages: string[];
  /** The script's rules this session has left, when the inbox plays one. */
  player?: ScriptPlayer;
  /** The connection the script plays on, when the inbox plays one. */
  scripted?: ScriptedSession;
}

/**
 * Starts the inbox on 127.0.0.1 (port 0 picks a free port). Resolves once it
 * listens; rejects when the port is taken. AUTH is not offered (no
 * credentials are needed or checked); STARTTLS is offered with smtp-server's
 * built-in self-signed certificate.
 */
export function startLocalInbox(opts: { port?: number; dir: string; host?: '127.0.0.1'; script?: InboxScript }): Promise<LocalInbox> {
  const dir = opts.dir;
  mkdirSync(dir, { recursive: true });
  const listeners: Array<(file: string) => void> = [];
  const sessionListeners: Array<(session: InboxSession) => void> = [];
  const sessions = new Map<string, OpenSession>();
  /** Transcripts being completed (close() waits for them). */
  const finishing = new Set<Promise<void>>();
  /** Accepted sockets by peer, until smtp-server's onConnect names their session. */
  const sockets = new Map<string, Socket>();
  const recorderOf = (entry: { cid?: unknown }): SessionRecorder | undefined => sessions.get(String(entry.cid))?.recorder;
  const ignore = (): void => undefined;

  const server = new SMTPServer({
    name: 'smtp-eml-inbox.localhost',
    banner: 'smtp-eml local test inbox (stores messages, never relays)',
    authOptional: true,
    disabledCommands: ['AUTH'],
    disableReverseLookup: true,
    size: MAX_MESSAGE_BYTES,
    closeTimeout: 1000,
    // The logger that records transcripts is set below: given here, smtp-server would
    // also print a warning about its built-in test certificate, which this inbox uses on purpose.
    logger: false,
    onConnect(session, callback) {
      const now = new Date();
      const id = randomBytes(6).toString('hex');
      const stem = `${now.toISOString().replace(/[:]/g, '-')}-${id}`;
      const recorder = new SessionRecorder(join(dir, `${stem}.smtp`), {
        id: session.id,
        remoteAddress: session.remoteAddress,
        remotePort: session.remotePort,
        localAddress: session.localAddress,
        localPort: session.localPort,
        time: now,
        server: SERVER_NAME,
      });
      sessions.set(session.id, { stem, id, recorder, messages: [] });
      // Counting what arrives shows pipelining; smtp-server already reads this socket.
      const key = `${session.remoteAddress}|${session.remotePort}`;
      const socket = sockets.get(key);
      sockets.delete(key);
      socket?.prependListener('data', (chunk: Buffer) => recorder.receivedBytes(chunk));
      if (!opts.script) return callback();
      const open = sessions.get(session.id)!;
      open.player = new ScriptPlayer(opts.script);
      const conn = connectionOf(server, session.id);
      if (!conn || !socket) {
        recorder.note('script: this connection could not be scripted; answering normally');
        return callback();
      }
      const scripted: ScriptedSession = { conn, socket };
      open.scripted = scripted;
      const events = { command: (line: string) => recorder.client(line), note: (text: string) => recorder.note(text) };
      playScript(scripted, open.player, events);
      const greeting = opts.script.greeting;
      if (!greeting) return callback();
      afterWait(scripted, greeting, events, () => {
        if (greeting.code === undefined) {
          if (greeting.close) dropConnection(scripted, greeting, events);
          else callback();
          return;
        }
        if (greeting.code >= 400) {
          // smtp-server sends this reply instead of its greeting and closes (RFC 5321 §3.1).
          callback(Object.assign(new Error(greeting.texts.join(' ')), { responseCode: greeting.code }));
          return;
        }
        replaceNextReply(scripted, greeting);
        if (greeting.close) scripted.closing = true;
        callback();
        if (greeting.close) dropConnection(scripted, greeting, events);
      });
    },
    onSecure(socket, session, callback) {
      const open = sessions.get(session.id);
      const tls = socket as TLSSocket;
      open?.recorder.tls(`STARTTLS, ${tls.getProtocol?.() ?? 'unknown protocol'}, cipher ${tls.getCipher?.()?.name ?? 'unknown'}`);
      callback();
      // After the callback: smtp-server pipes the socket to its parser first, so no byte is missed.
      if (open) socket.prependListener('data', (chunk: Buffer) => open.recorder.receivedBytes(chunk));
    },
    onClose(session) {
      const open = sessions.get(session.id);
      if (!open) return;
      sessions.delete(session.id);
      const finished = open.recorder.close(`connection closed at ${new Date().toISOString()}`).then(() => {
        finishing.delete(finished);
        const done: InboxSession = { transcript: open.recorder.file, messages: open.messages };
        for (const l of sessionListeners) {
          try {
            l(done);
          } catch {
            // A failing listener must not take the inbox down.
          }
        }
      });
      finishing.add(finished);
    },
    onData(stream, session, callback) {
      const open = sessions.get(session.id);
      // First: the transcript's view of the body is complete before the reply to the final dot.
      open?.recorder.watchData(stream);
      // The session's n-th message is <stem>.eml, then <stem>-2.eml, ...
      const n = (open?.messages.length ?? 0) + 1;
      const id = open ? (n === 1 ? open.id : `${open.id}-${n}`) : randomBytes(6).toString('hex');
      const base = open ? (n === 1 ? open.stem : `${open.stem}-${n}`) : `${new Date().toISOString().replace(/[:]/g, '-')}-${id}`;
      // The data goes to `<name>.eml.tmp` as it arrives, so memory stays bounded
      // whatever the client sends; past the size limit it is discarded (RFC 1870:
      // 552 at the end). Any failure removes what was written: no `.eml.tmp` and
      // no `.envelope.json` without its message is left behind.
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
      const refuse = (message: string, responseCode: number): void => {
        removeAll();
        callback(Object.assign(new Error(message), { responseCode }));
      };
      /** Writes the envelope, renames the message into place and tells the listeners. */
      const store = (): void => {
        const envelope: StoredEnvelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          remoteAddress: session.remoteAddress,
          remotePort: session.remotePort,
          clientHostname: session.clientHostname,
          time: new Date().toISOString(),
          size,
          transcript: open ? `${open.stem}.smtp` : '',
        };
        writeFileSync(envelopeFile, `${JSON.stringify(envelope, null, 2)}\n`);
        renameSync(tmp, file);
        open?.messages.push(file);
        open?.recorder.noteAfterReply(`stored as ${basename(file)}`);
        callback(null, `OK: queued as ${id}`);
        for (const l of listeners) {
          try {
            l(file);
          } catch {
            // A failing listener must not take the inbox down.
          }
        }
      };
      /** A storage failure: RFC 3463 4.3.1 (mail system full, or another local error); the client may try again. */
      const failStoring = (e: Error): void => refuse(`Could not store the message: ${e.message}`, 451);
      stream.on('end', () => {
        const finish = async (): Promise<void> => {
          if (out && !out.destroyed) await new Promise<void>((done) => out!.end(() => done()));
          await closed;
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            return refuse(`Message too big: this inbox takes at most ${MAX_MESSAGE_BYTES} bytes`, 552);
          }
          if (writeError) throw writeError;
          const endRule = open?.player?.takeDataEnd();
          const scripted = endRule && open?.scripted;
          if (endRule && scripted) {
            const events = { command: () => undefined, note: (text: string) => open!.recorder.note(text) };
            afterWait(scripted, endRule, events, () => {
              if (endRule.code === undefined && endRule.close) {
                removeAll();
                return dropConnection(scripted, endRule, events);
              }
              if (endRule.close) scripted.closing = true;
              if (endRule.code !== undefined && endRule.code >= 400) {
                // Refused by the script: nothing is stored.
                refuse(endRule.texts.join(' '), endRule.code);
              } else {
                replaceNextReply(scripted, endRule);
                try {
                  store();
                } catch (e) {
                  failStoring(e as Error);
                }
              }
              if (endRule.close) dropConnection(scripted, endRule, events);
            });
            return;
          }
          store();
        };
        finish().catch(failStoring);
      });
    },
  });

  // smtp-server logs every command it reads ("C:") and every reply it sends ("S:").
  (server as unknown as { logger: Record<string, unknown> }).logger = {
    trace: ignore,
    info: ignore,
    warn: ignore,
    error: ignore,
    fatal: ignore,
    debug(entry: { tnx?: string; cid?: unknown }, label: string, text: unknown) {
      if (entry.tnx === 'command' && label === 'C:') recorderOf(entry)?.client(String(text));
      else if (entry.tnx === 'send' && label === 'S:') recorderOf(entry)?.server(String(text));
    },
  };

  server.server.on('connection', (socket: Socket) => {
    const key = `${socket.remoteAddress}|${socket.remotePort}`;
    sockets.set(key, socket);
    socket.once('close', () => {
      if (sockets.get(key) === socket) sockets.delete(key);
    });
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
        close: async () => {
          await new Promise<void>((done) => server.close(() => done()));
          // Sessions smtp-server ended on closing report their end a tick later.
          await new Promise((tick) => setImmediate(tick));
          await Promise.all([...finishing]);
        },
        onMessage: (cb) => listeners.push(cb),
        onSession: (cb) => sessionListeners.push(cb),
      });
    });
  });
}

/**
 * Scripted SMTP servers on raw sockets (127.0.0.1) for fault-injection tests of
 * the send path. A `FaultServer` speaks just enough ESMTP (RFC 5321)
 * to carry a message — greeting, EHLO/HELO, STARTTLS (RFC 3207), AUTH PLAIN and
 * LOGIN (RFC 4954), MAIL, RCPT, DATA, BDAT (RFC 3030; advertise CHUNKING in
 * `extensions` for a client to use it), RSET, NOOP, QUIT — and lets a test replace
 * the answer at any point with a fault: close the socket, stall forever, send
 * garbage or a huge line, or start TLS with a bad handshake.
 *
 * It reads the socket as a stream of lines, never per TCP segment: pipelined
 * commands (RFC 2920) get one reply each, in order, and a fault lands at the
 * same point of the dialogue however the client's writes were cut (Nagle's
 * algorithm on or off).
 *
 * It records every command line exactly as received (split on LF only, so a
 * bare CR or NUL smuggled into a command stays visible) and every message body,
 * so tests can prove that nothing was injected and nothing was sent twice.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';

/** What the server does at one point of the dialogue. */
export type FaultAction =
  /** Sends `text` (lines joined and ended with CRLF). */
  | { readonly kind: 'reply'; readonly text: string }
  /** Half-closes the socket (FIN) without a reply. */
  | { readonly kind: 'close' }
  /** Sends `text`, then half-closes. */
  | { readonly kind: 'replyThenClose'; readonly text: string }
  /** Destroys the socket (RST where the OS allows). */
  | { readonly kind: 'destroy' }
  /** Never answers; the client's timeout must fire. */
  | { readonly kind: 'stall' }
  /** Writes exactly these bytes (no CRLF added). */
  | { readonly kind: 'raw'; readonly data: string | Buffer };

export const reply = (text: string): FaultAction => ({ kind: 'reply', text });
export const close = (): FaultAction => ({ kind: 'close' });
export const replyThenClose = (text: string): FaultAction => ({ kind: 'replyThenClose', text });
export const destroy = (): FaultAction => ({ kind: 'destroy' });
export const stall = (): FaultAction => ({ kind: 'stall' });
export const raw = (data: string | Buffer): FaultAction => ({ kind: 'raw', data });

/** The state of one connection, given to the script's hooks. */
export interface FaultSession {
  /** 1-based number of this connection on the server. */
  readonly id: number;
  /** True once STARTTLS (or implicit TLS) is in place. */
  secure: boolean;
  /** Number of RCPT commands seen in the current transaction. */
  rcptCount: number;
  /** Verb of the previous command, upper case. */
  lastVerb: string;
}

/** How a server behaves; every hook may return `undefined` for the default. */
export interface FaultScript {
  /** On connect. Default: `220 fault.test ESMTP`. */
  greeting?(session: FaultSession): FaultAction | undefined;
  /** For each command line (`verb` upper case, `line` without its line end). */
  command?(verb: string, line: string, session: FaultSession): FaultAction | undefined;
  /**
   * While the message is arriving: called once when more than `dataFaultAfter`
   * bytes of its content have come in, before its end is read (also when the
   * end came in the same TCP segment). Default: keep reading.
   */
  duringData?(session: FaultSession): FaultAction | undefined;
  /** Bytes of message content after which `duringData` runs (default 0). */
  dataFaultAfter?: number;
  /** After the final `.`: the reply to the message. Default: `250 2.0.0 Ok: queued as FAULT<n>`. */
  afterData?(session: FaultSession, message: string): FaultAction | undefined;
  /** EHLO keywords. Default: SIZE, 8BITMIME, AUTH PLAIN LOGIN (+ STARTTLS when `startTls` is set and not yet secure). */
  extensions?: readonly string[];
  /** Key and certificate for STARTTLS; without it STARTTLS gets 502. */
  startTls?: { key: string | Buffer; cert: string | Buffer };
  /** Key and certificate for implicit TLS (port is TLS from the first byte). */
  implicitTls?: { key: string | Buffer; cert: string | Buffer };
}

/** Everything the server saw. */
export interface FaultRecord {
  /** Connections accepted. */
  connections: number;
  /** Every command line, in order, exactly as received except the final LF and one CR before it. */
  commands: string[];
  /** Every message content received after DATA (dot-unstuffed, CRLF kept, without the final `.` line), or in BDAT chunks up to the LAST one. */
  messages: string[];
  /** All bytes received on all connections, decoded as latin1 (after TLS decryption). */
  rawInput: string;
  /** TLS errors on the server side (e.g. the client rejected our certificate). */
  tlsErrors: string[];
}

/** A running scripted server. */
export interface FaultServer {
  readonly port: number;
  readonly record: FaultRecord;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

const CRLF = '\r\n';

/** Starts a scripted server on 127.0.0.1 (port 0 unless given). */
export async function startFaultServer(script: FaultScript = {}, port = 0): Promise<FaultServer> {
  const record: FaultRecord = { connections: 0, commands: [], messages: [], rawInput: '', tlsErrors: [] };
  const sockets = new Set<net.Socket>();

  const onConnection = (socket: net.Socket): void => {
    record.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const session: FaultSession = { id: record.connections, secure: !!script.implicitTls, rcptCount: 0, lastVerb: '' };
    runSession(socket, session);
  };

  function runSession(initial: net.Socket, session: FaultSession): void {
    let stream: net.Socket = initial;
    let buffer = Buffer.alloc(0);
    let mode: 'command' | 'data' | 'bdat' | 'auth-login-user' | 'auth-login-pass' | 'auth-plain' | 'dead' = 'command';
    /** The octets of the current BDAT chunk still to come, whether it is the LAST, and the chunks so far. */
    let bdat = { remaining: 0, last: false, received: [] as Buffer[] };
    let dataBuffer = Buffer.alloc(0);
    let dataFaultDone = false;
    let messageCount = 0;

    const perform = (action: FaultAction): boolean => {
      if (mode === 'dead') return false;
      switch (action.kind) {
        case 'reply':
          stream.write(action.text.split(/\r?\n/).join(CRLF) + CRLF);
          return true;
        case 'raw':
          stream.write(action.data);
          return true;
        case 'close':
          mode = 'dead';
          stream.end();
          return false;
        case 'replyThenClose':
          mode = 'dead';
          stream.end(action.text.split(/\r?\n/).join(CRLF) + CRLF);
          return false;
        case 'destroy':
          mode = 'dead';
          stream.destroy();
          return false;
        case 'stall':
          mode = 'dead';
          return false;
      }
    };

    const ehloReply = (): string => {
      const keywords = script.extensions
        ? [...script.extensions]
        : ['SIZE 52428800', '8BITMIME', 'AUTH PLAIN LOGIN', ...(script.startTls && !session.secure ? ['STARTTLS'] : [])];
      // The client's name is not echoed, so nothing it sent can come back in a reply.
      const lines = ['fault.test greets you', ...keywords];
      return lines.map((l, i) => `250${i === lines.length - 1 ? ' ' : '-'}${l}`).join(CRLF);
    };

    const upgrade = (): void => {
      const options = script.startTls!;
      stream.removeListener('data', onData);
      const secure = new tls.TLSSocket(stream, { isServer: true, key: options.key, cert: options.cert });
      secure.on('error', (err) => {
        record.tlsErrors.push(err.message);
        mode = 'dead';
      });
      secure.on('secure', () => {
        session.secure = true;
      });
      stream = secure;
      buffer = Buffer.alloc(0);
      secure.on('data', onData);
    };

    const handleCommand = (line: string): void => {
      record.commands.push(line);
      const verb = (/^[A-Za-z]+/.exec(line)?.[0] ?? '').toUpperCase();
      const custom = script.command?.(verb, line, session);
      session.lastVerb = verb;
      if (custom) {
        perform(custom);
        return;
      }
      switch (verb) {
        case 'EHLO':
          perform(reply(ehloReply()));
          return;
        case 'HELO':
          perform(reply('250 fault.test'));
          return;
        case 'STARTTLS':
          if (!script.startTls || session.secure) {
            perform(reply('502 5.5.1 STARTTLS not available'));
            return;
          }
          perform(reply('220 2.0.0 Ready to start TLS'));
          upgrade();
          return;
        case 'AUTH': {
          const [, mech, initial] = line.split(' ');
          if (/^PLAIN$/i.test(mech ?? '')) {
            if (initial) perform(reply('235 2.7.0 Authentication successful'));
            else {
              mode = 'auth-plain';
              perform(reply('334 '));
            }
          } else if (/^LOGIN$/i.test(mech ?? '')) {
            mode = initial ? 'auth-login-pass' : 'auth-login-user';
            perform(reply(initial ? '334 UGFzc3dvcmQ6' : '334 VXNlcm5hbWU6'));
          } else perform(reply('504 5.5.4 Unrecognized authentication type'));
          return;
        }
        case 'MAIL':
          session.rcptCount = 0;
          perform(reply('250 2.1.0 Ok'));
          return;
        case 'RCPT':
          session.rcptCount++;
          perform(reply('250 2.1.5 Ok'));
          return;
        case 'DATA':
          mode = 'data';
          dataBuffer = Buffer.alloc(0);
          dataFaultDone = false;
          perform(reply('354 End data with <CR><LF>.<CR><LF>'));
          return;
        case 'BDAT': {
          // RFC 3030 §2: exactly <size> octets follow the command line; no dot-stuffing, no end marker.
          const size = /^BDAT (\d+)( LAST)?$/i.exec(line);
          if (!size) {
            perform(reply('501 5.5.4 Syntax: BDAT size [LAST]'));
            return;
          }
          mode = 'bdat';
          bdat = { remaining: Number(size[1]), last: !!size[2], received: bdat.received };
          return;
        }
        case 'RSET':
          session.rcptCount = 0;
          perform(reply('250 2.0.0 Ok'));
          return;
        case 'NOOP':
          perform(reply('250 2.0.0 Ok'));
          return;
        case 'QUIT':
          perform(replyThenClose('221 2.0.0 Bye'));
          return;
        default:
          perform(reply('502 5.5.2 Error: command not recognized'));
      }
    };

    const TERMINATOR = Buffer.from('\r\n.\r\n');

    const takeData = (): boolean => {
      // RFC 5321 §4.1.1.4: the content ends with CRLF.CRLF; a message may also be empty (".\r\n" first).
      const combined = dataBuffer;
      let end = -1;
      let contentEnd = -1;
      if (combined.subarray(0, 3).equals(Buffer.from('.\r\n'))) {
        end = 3;
        contentEnd = 0;
      } else {
        const i = combined.indexOf(TERMINATOR);
        if (i >= 0) {
          end = i + TERMINATOR.length;
          contentEnd = i + 2;
        }
      }
      // The fault is placed by byte count, not by arrival: once more than `dataFaultAfter` bytes of
      // content are known, whether the final dot came in the same segment (Nagle off) or later.
      // Until the end is seen, the last two bytes may be the start of the final ".\r\n".
      const contentSoFar = end < 0 ? combined.length - 2 : contentEnd;
      if (!dataFaultDone && script.duringData && contentSoFar > (script.dataFaultAfter ?? 0)) {
        dataFaultDone = true;
        const action = script.duringData(session);
        // A fault that ends the session: the rest of the message is never read.
        if (action && !perform(action)) return false;
      }
      if (end < 0) return false;
      const content = combined.subarray(0, contentEnd).toString('latin1').replace(/^\.\./gm, '.');
      record.messages.push(content);
      buffer = Buffer.concat([combined.subarray(end), buffer]);
      dataBuffer = Buffer.alloc(0);
      mode = 'command';
      messageCount++;
      const action = script.afterData?.(session, content) ?? reply(`250 2.0.0 Ok: queued as FAULT${session.id}x${messageCount}`);
      perform(action);
      return true;
    };

    function onData(chunk: Buffer): void {
      record.rawInput += chunk.toString('latin1');
      if (mode === 'dead') return;
      if (mode === 'data') {
        dataBuffer = Buffer.concat([dataBuffer, chunk]);
        if (!takeData()) return;
      } else buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        // `perform` may have killed the session while handling the previous line.
        if ((mode as string) === 'dead') return;
        if (mode === 'data') {
          dataBuffer = Buffer.concat([dataBuffer, buffer]);
          buffer = Buffer.alloc(0);
          if (!takeData()) return;
          continue;
        }
        if (mode === 'bdat') {
          if (buffer.length < bdat.remaining) return;
          bdat.received.push(buffer.subarray(0, bdat.remaining));
          buffer = buffer.subarray(bdat.remaining);
          mode = 'command';
          if (!bdat.last) {
            perform(reply('250 2.0.0 Ok: chunk taken'));
            continue;
          }
          record.messages.push(Buffer.concat(bdat.received).toString('latin1'));
          bdat = { remaining: 0, last: false, received: [] };
          messageCount++;
          perform(reply(`250 2.0.0 Ok: queued as FAULT${session.id}x${messageCount}`));
          continue;
        }
        const lf = buffer.indexOf(0x0a);
        if (lf < 0) return;
        let line = buffer.subarray(0, lf).toString('latin1');
        buffer = buffer.subarray(lf + 1);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (mode === 'auth-plain') {
          record.commands.push(line);
          mode = 'command';
          perform(reply('235 2.7.0 Authentication successful'));
        } else if (mode === 'auth-login-user') {
          record.commands.push(line);
          mode = 'auth-login-pass';
          perform(reply('334 UGFzc3dvcmQ6'));
        } else if (mode === 'auth-login-pass') {
          record.commands.push(line);
          mode = 'command';
          perform(reply('235 2.7.0 Authentication successful'));
        } else {
          const wasSecure = session.secure;
          handleCommand(line);
          // After STARTTLS the plain buffer is discarded (RFC 3207 §4.2: no pipelining past it).
          if (!wasSecure && stream instanceof tls.TLSSocket) return;
        }
      }
    }

    stream.on('data', onData);
    const greeting = script.greeting?.(session) ?? reply('220 fault.test ESMTP fault-server');
    perform(greeting);
  }

  const server = script.implicitTls
    ? tls.createServer({ key: script.implicitTls.key, cert: script.implicitTls.cert }, onConnection)
    : net.createServer(onConnection);
  if (script.implicitTls) {
    server.on('tlsClientError', (err) => record.tlsErrors.push(err.message));
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    record,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A recording SMTP server on a raw socket (127.0.0.1, port 0) for the tests of
 * the send engine that need to see every byte or to misbehave on purpose:
 * it lists every command line exactly as received (split on LF only, so a CR
 * or NUL smuggled into a command stays visible), keeps every message's raw
 * (still dot-stuffed) data, and can refuse at greeting, never greet, answer any
 * command with a chosen reply, or drop the connection in the middle of DATA.
 */
import * as net from 'node:net';

/** What the server does with one command: a reply, or drop the connection. */
export type RecorderAnswer = string | { drop: true } | undefined;

export interface SmtpRecorderOptions {
  /** Greeting; `null` sends none (the client's greeting timeout must fire). Default `220 recorder.localhost ESMTP`. */
  greeting?: string | null;
  /** Close the connection right after the greeting (as a server does after 421). */
  closeAfterGreeting?: boolean;
  /** EHLO keywords after the first line. Default PIPELINING, 8BITMIME, SIZE 10000000. */
  ehlo?: string[];
  /** Called for every command line; a string overrides the default reply, `{drop: true}` destroys the socket. */
  answer?(line: string): RecorderAnswer;
  /** Destroy the socket as soon as the first bytes of message data arrive. */
  dropDuringData?: boolean;
  /** Reply after the data (default `250 2.0.0 Ok: queued as REC1`). */
  dataReply?: string;
}

export interface SmtpRecorder {
  port: number;
  /** Every command line received, in order, over all connections. */
  commands: string[];
  /** Raw data of each message (dot-stuffed, as on the wire, without the final `.` line). */
  rawData: Buffer[];
  /** Connections accepted. */
  connections: number;
  close(): Promise<void>;
}

/** Undoes RFC 5321 §4.5.2 dot-stuffing of raw DATA bytes. */
export function unstuff(raw: Buffer): Buffer {
  const text = raw.toString('latin1');
  return Buffer.from(text.replace(/(^|\r\n)\./g, '$1'), 'latin1');
}

export function startSmtpRecorder(options: SmtpRecorderOptions = {}): Promise<SmtpRecorder> {
  const commands: string[] = [];
  const rawData: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const state = { connections: 0 };

  const server = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let inData = false;
    const send = (text: string): void => {
      if (!socket.destroyed) socket.write(`${text.split('\n').join('\r\n')}\r\n`);
    };

    if (options.greeting !== null) send(options.greeting ?? '220 recorder.localhost ESMTP');
    if (options.closeAfterGreeting) {
      socket.end();
      return;
    }

    const defaultAnswer = (line: string): string | undefined => {
      const verb = line.split(' ')[0]!.toUpperCase();
      switch (verb) {
        case 'EHLO': {
          const keys = options.ehlo ?? ['PIPELINING', '8BITMIME', 'SIZE 10000000'];
          return ['recorder.localhost', ...keys].map((k, i, all) => `250${i === all.length - 1 ? ' ' : '-'}${k}`).join('\n');
        }
        case 'HELO':
        case 'MAIL':
        case 'RCPT':
        case 'RSET':
        case 'NOOP':
          return '250 2.0.0 Ok';
        case 'DATA':
          inData = true;
          return '354 End data with <CR><LF>.<CR><LF>';
        case 'QUIT':
          return '221 2.0.0 Bye';
        default:
          return '502 5.5.2 Command not recognized';
      }
    };

    const onLine = (line: string): void => {
      commands.push(line);
      const custom = options.answer?.(line);
      if (custom && typeof custom === 'object') {
        socket.destroy();
        return;
      }
      const reply = custom ?? defaultAnswer(line);
      if (custom !== undefined && /^DATA$/i.test(line) && /^3/.test(custom)) inData = true;
      if (reply !== undefined) send(reply);
      if (/^QUIT/i.test(line)) socket.end();
    };

    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (inData) {
          if (options.dropDuringData && buffer.length > 0) {
            socket.destroy();
            return;
          }
          const text = buffer.toString('latin1');
          const end = text.startsWith('.\r\n') ? 0 : text.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const dataEnd = end === 0 ? 0 : end + 2;
          rawData.push(buffer.subarray(0, dataEnd));
          buffer = buffer.subarray(dataEnd + 3);
          inData = false;
          send(options.dataReply ?? '250 2.0.0 Ok: queued as REC1');
          continue;
        }
        const nl = buffer.indexOf(0x0a);
        if (nl < 0) return;
        let line = buffer.subarray(0, nl).toString('utf8');
        if (line.endsWith('\r')) line = line.slice(0, -1);
        buffer = buffer.subarray(nl + 1);
        onLine(line);
        if (socket.destroyed) return;
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        commands,
        rawData,
        get connections() {
          return state.connections;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

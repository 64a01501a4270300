/**
 * Reads a socket as a stream of lines, the way an SMTP peer must (RFC 5321
 * §2.3.8, §4.5.3.1): whatever the TCP segmentation, a partial line waits for
 * the rest and several lines in one chunk (pipelining, RFC 2920) are handed
 * over one at a time, in order. For the raw `net` servers and clients of the
 * tests, so that what they do never depends on how the peer's writes were cut
 * into segments (Nagle's algorithm on or off). `readReplies` reads whole SMTP
 * replies on top of it, for the raw clients.
 */
import type { Socket } from 'node:net';

/** A running reader. */
export interface LineReader {
  /**
   * Stops reading: no more lines are handed over, later bytes are left to
   * other listeners. Returns the bytes received and not yet handed over (the
   * start of whatever came after the last line).
   */
  stop(): Buffer;
}

/**
 * Calls `onLine` with each line received on `socket`, without its line end
 * (CRLF, or a bare LF as a lenient server reads it), decoded as latin1 so
 * that every octet stays visible.
 */
export function readLines(socket: Socket, onLine: (line: string) => void): LineReader {
  let buffer: Buffer = Buffer.alloc(0);
  let stopped = false;
  const onData = (chunk: Buffer): void => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    let lf: number;
    while (!stopped && (lf = buffer.indexOf(0x0a)) >= 0) {
      const end = lf > 0 && buffer[lf - 1] === 0x0d ? lf - 1 : lf;
      const line = buffer.subarray(0, end).toString('latin1');
      buffer = buffer.subarray(lf + 1);
      onLine(line);
    }
  };
  socket.on('data', onData);
  return {
    stop() {
      stopped = true;
      socket.off('data', onData);
      const rest = buffer;
      buffer = Buffer.alloc(0);
      return rest;
    },
  };
}

/** A running reader of SMTP replies. */
export interface ReplyReader {
  /**
   * The next whole reply, its lines without line ends: `NNN-` lines up to the
   * first `NNN ` (or bare `NNN`) line, RFC 5321 §4.2.1. Rejects when the
   * connection ends first, or when `deadlineMs` passes (if given).
   */
  next(deadlineMs?: number): Promise<string[]>;
  /** Stops reading, as `LineReader.stop`. */
  stop(): Buffer;
}

/**
 * Reads `socket` as a stream of SMTP replies, for raw clients in tests: a
 * client acts on a whole reply, never on a TCP segment, which may hold part of
 * a multi-line reply (a `250-` EHLO line without the rest) or several replies.
 */
export function readReplies(socket: Socket): ReplyReader {
  const replies: string[][] = [];
  let current: string[] = [];
  let ended: Error | undefined;
  let waiting: (() => void) | undefined;
  const lines = readLines(socket, (line) => {
    current.push(line);
    if (/^\d{3}-/.test(line)) return;
    replies.push(current);
    current = [];
    waiting?.();
  });
  const end = (why: string) => (): void => {
    ended ??= new Error(`${why}${current.length ? ` after ${JSON.stringify(current)}` : ''}`);
    waiting?.();
  };
  socket.once('close', end('the connection closed before a whole reply'));
  socket.once('error', (e) => end(`the connection failed (${e.message}) before a whole reply`)());
  return {
    next(deadlineMs) {
      return new Promise((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        const settle = (): void => {
          const reply = replies.shift();
          if (!reply && !ended) return;
          waiting = undefined;
          clearTimeout(timer);
          if (reply) resolve(reply);
          else reject(ended);
        };
        if (deadlineMs !== undefined) {
          timer = setTimeout(() => {
            waiting = undefined;
            reject(new Error(`no whole reply within ${deadlineMs} ms${current.length ? ` (so far ${JSON.stringify(current)})` : ''}`));
          }, deadlineMs);
        }
        waiting = settle;
        settle();
      });
    },
    stop: () => lines.stop(),
  };
}

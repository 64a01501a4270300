/**
 * Bounds on what a server can make the client do: the size of one reply and
 * the time one stage of the session may take. Without them a hostile server
 * pins the client: megabytes of `250-` continuation lines (the SMTP client
 * joins and re-splits a multi-line reply on every line, quadratic work), a
 * reply without a line end that grows without limit, or a byte every few
 * seconds, which no idle timeout ever notices. No `vscode` here.
 */

/**
 * Largest reply taken (all its lines). RFC 5321 §4.5.3.1.5 allows 512 octets
 * a line; real EHLO replies are a few hundred octets. Generous but finite.
 */
export const MAX_REPLY_BYTES = 1024 * 1024;

/** Most lines in one multi-line reply (RFC 5321 §4.2.1); an EHLO reply has a few dozen. */
export const MAX_REPLY_LINES = 1000;

/** Default deadline of one stage (connect, TLS, AUTH, MAIL, RCPT, DATA, QUIT), whatever the traffic: RFC 5321 §4.5.3.2.6 gives DATA termination 10 minutes, its longest. */
export const DEFAULT_STAGE_TIMEOUT_MS = 600_000;

/** Added to the DATA stage's deadline per byte of message: 1 ms a KB (1 MB/s at the slowest). */
export const DATA_MS_PER_KB = 1;

/**
 * Longest timer Node can set (2^31-1 ms, about 24.8 days); a longer one
 * fires at once. Every timeout a user gives is checked against this.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** The limit a reply went over: its size in bytes or its number of lines. */
export interface ReplyOverflow {
  unit: 'bytes' | 'lines';
  limit: number;
}

/** Counts the bytes and lines of the reply being received, across chunks. */
export class ReplyMeter {
  private bytes = 0;
  private lines = 0;
  /** The first four octets of the current line: `250-` continues the reply. */
  private head = '';

  constructor(
    private readonly maxBytes = MAX_REPLY_BYTES,
    private readonly maxLines = MAX_REPLY_LINES,
  ) {}

  /**
   * Takes the next chunk from the server. Returns which limit the reply went
   * over, or undefined while it is within bounds (the chunk may then be used).
   */
  feed(chunk: Buffer): ReplyOverflow | undefined {
    let pos = 0;
    while (pos < chunk.length) {
      const lf = chunk.indexOf(10, pos);
      const end = lf < 0 ? chunk.length : lf + 1;
      if (this.head.length < 4) this.head += chunk.toString('latin1', pos, Math.min(end, pos + 4 - this.head.length));
      this.bytes += end - pos;
      if (this.bytes > this.maxBytes) return { unit: 'bytes', limit: this.maxBytes };
      if (lf >= 0) {
        // RFC 5321 §4.2.1: "code-" continues the reply, "code SP" (or anything else) ends it.
        if (/^\d{3}-/.test(this.head)) {
          this.lines++;
          if (this.lines >= this.maxLines) return { unit: 'lines', limit: this.maxLines };
        } else {
          this.bytes = 0;
          this.lines = 0;
        }
        this.head = '';
      }
      pos = end;
    }
    return undefined;
  }
}

/** The deadline of a stage: its base, plus time for the message data in the DATA stage. */
export function stageDeadline(baseMs: number, stage: string, dataBytes: number): number {
  const ms = stage === 'data' ? baseMs + Math.ceil(dataBytes / 1024) * DATA_MS_PER_KB : baseMs;
  return Math.min(ms, MAX_TIMER_MS);
}

/**
 * The server side of a session as an `.smtp` transcript: what the local inbox
 * heard and answered, in the canonical `C:`/`S:` form (RFC 5321's examples),
 * so that opening the file shows our diagnostics on the *client's* behaviour.
 *
 * The recorder is fed by the inbox: the command and reply lines smtp-server
 * logs, the raw bytes the socket receives (only counted, to see pipelining),
 * the DATA stream (unstuffed by smtp-server, stuffed again here as on the wire,
 * RFC 5321 §4.5.2), TLS and connection events. It writes the file as the
 * session goes, so memory stays bounded: a DATA body is kept only up to
 * `maxDataBytes`, beyond that it is summarised (as the client's session log
 * does), and the whole file stops growing at `maxFileBytes`.
 *
 * Facts the text form cannot show become annotations:
 * - a DATA line the client ended with LF alone is followed by `# bare LF`
 *   (RFC 5321 §2.3.8; the transcript validator reports it as `bare-lf`);
 * - commands and replies are written in the order the server handled them:
 *   each command, then its reply. smtp-server reads the socket as a stream and
 *   answers one command before it reads the next, so this order does not
 *   depend on how the client's bytes were cut into TCP segments: a client that
 *   pipelines (RFC 2920) after PIPELINING was offered gets the same transcript
 *   whether its commands came in one segment or one per reply;
 * - a client that pipelines where PIPELINING was not offered (after HELO, or
 *   an EHLO reply without it) breaks RFC 2920 §3. When its next line had
 *   already arrived as a reply went out (proof that it did not wait), that
 *   command is written before the reply, as in RFC 2920's examples, so the
 *   validator reports the replies it did not wait for. Only proof is shown:
 *   a client whose early command arrived after the reply is written in order.
 * Credentials never reach the file: every line of an AUTH exchange from the
 * client is `<redacted>` (RFC 4954 §4).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { DEFAULT_MAX_LOGGED_DATA_BYTES, formatByteSize, REDACTED } from './transcript';

/** What the recorder knows of a connection when it opens. */
export interface SessionInfo {
  /** smtp-server's session id. */
  id: string;
  remoteAddress: string;
  remotePort: number;
  localAddress: string;
  localPort: number;
  /** When the connection was accepted. */
  time: Date;
  /** Who is answering, for the first annotation ("smtp-eml local test inbox"). */
  server: string;
}

/** Options of a recorder. */
export interface SessionRecorderOptions {
  /** DATA bodies up to this many bytes are written in full; larger ones are summarised. */
  maxDataBytes?: number;
  /** The file stops growing at this size; a last note says how much was left out. */
  maxFileBytes?: number;
}

/** Default bound of one transcript file (64 MB). */
export const DEFAULT_MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;

/** SMTP text lines are at most 1000 octets with CRLF (RFC 5321 §4.5.3.1.6). */
const MAX_TEXT_LINE = 1000;

/** Replies held back while a pipelined group is still being read; beyond this they are written at once. */
const MAX_HELD_REPLIES = 1000;

/**
 * C0 controls other than TAB would break the transcript's lines (a lone CR is
 * a line end to every editor); they are written as `\xNN`.
 */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The transcript lines of an annotation: `# ` and one line of `text` each. */
function noteLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((l) => `# ${escapeControls(l)}`);
}

/** Records one session into one `.smtp` file. */
export class SessionRecorder {
  private readonly out: WriteStream;
  private readonly maxDataBytes: number;
  private readonly maxFileBytes: number;
  private written = 0;
  private droppedLines = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Line ends (LF) received on the current socket, and lines the server has read so far. */
  private received = 0;
  private consumed = 0;
  /** Replies held back because the client had already sent the next line without PIPELINING. */
  private held: string[] = [];
  /** Verb of the last command the server read, upper case (which reply is the EHLO reply). */
  private lastVerb = '';
  /** True while the client may pipeline: the last EHLO reply offered PIPELINING (RFC 2920 §3). */
  private pipelining = false;
  /** Annotations that go right after the next reply. */
  private afterReply: string[] = [];
  private inAuth = false;
  private closed = false;
  private readonly finished: Promise<void>;

  constructor(
    readonly file: string,
    info: SessionInfo,
    options: SessionRecorderOptions = {},
  ) {
    this.maxDataBytes = Math.max(0, options.maxDataBytes ?? DEFAULT_MAX_LOGGED_DATA_BYTES);
    this.maxFileBytes = Math.max(4096, options.maxFileBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES);
    this.out = createWriteStream(file);
    this.finished = new Promise((resolve) => {
      this.out.once('close', resolve);
      // A full disk must not take the inbox down; the transcript is then incomplete.
      this.out.on('error', () => resolve());
    });
    this.note(`${info.server}: session ${info.id}`);
    this.note(`time: ${info.time.toISOString()}`);
    this.note(`connection from ${info.remoteAddress}:${info.remotePort} to ${info.localAddress}:${info.localPort} (no TLS)`);
  }

  /** Counts the line ends in bytes the client sent (called before smtp-server reads them). */
  receivedBytes(chunk: Buffer): void {
    let at = chunk.indexOf(10);
    while (at >= 0) {
      this.received++;
      at = chunk.indexOf(10, at + 1);
    }
  }

  /** A new socket (after STARTTLS): line counting starts over on it. */
  tls(description: string): void {
    this.flushHeld();
    this.received = 0;
    this.consumed = 0;
    // RFC 3207 §4.2: the client forgets what it knew of the server and sends EHLO again.
    this.pipelining = false;
    this.note(`TLS: ${description}`);
  }

  /** A command line smtp-server read (as its logger shows it). */
  client(line: string): void {
    this.consumed++;
    let text = line;
    if (!this.inAuth) this.lastVerb = (/^\S*/.exec(line)?.[0] ?? '').toUpperCase();
    // smtp-server already hides credentials as "/* secured */"; written the way our logs write them.
    if (/^AUTH[ \t]/i.test(text)) {
      this.inAuth = true;
      text = text.replace(/\/\* secured \*\/$/, REDACTED);
    } else if (this.inAuth && text !== '*') {
      text = REDACTED;
    }
    this.line(text === '' ? 'C:' : `C: ${escapeControls(text)}`);
  }

  /** A reply smtp-server sent (lines joined by CRLF). */
  server(payload: string): void {
    const lines = payload.split(/\r?\n/).map((l) => (l === '' ? 'S:' : `S: ${escapeControls(l)}`));
    const last = payload.slice(payload.lastIndexOf('\n') + 1);
    if (this.inAuth && !/^334[ -]?/.test(last)) this.inAuth = false;
    const early = !this.pipelining && this.received > this.consumed;
    if (this.lastVerb === 'EHLO' || this.lastVerb === 'HELO') {
      this.pipelining = this.lastVerb === 'EHLO' && /^250[ -]PIPELINING(?:[ \t\r]|$)/im.test(payload);
    }
    const notes = this.afterReply;
    this.afterReply = [];
    if (early && this.held.length < MAX_HELD_REPLIES) {
      // Without PIPELINING, the client's next line was already here when this reply went out: it did not wait.
      this.held.push(...lines, ...notes);
      return;
    }
    this.flushHeld();
    for (const l of [...lines, ...notes]) this.line(l);
    this.flush();
  }

  /** An annotation (`# text`), one per line of `text`; it follows the replies already sent. */
  note(text: string): void {
    this.flushHeld();
    for (const l of noteLines(text)) this.line(l);
  }

  /**
   * An annotation written right after the next reply, whatever the server
   * reads in between: sending a reply may make smtp-server go on at once with
   * a command the client pipelined behind it, before the code that sent the
   * reply runs again.
   */
  noteAfterReply(text: string): void {
    this.afterReply.push(...noteLines(text));
  }

  /**
   * Follows a DATA stream (smtp-server's, dot-stuffing undone) and writes the
   * body when it ends, before the reply to the final dot. Must be called
   * before other `end` listeners are attached.
   */
  watchData(stream: Readable): void {
    const body = new DataBody(this.maxDataBytes);
    stream.on('data', (chunk: Buffer) => body.add(chunk));
    stream.once('end', () => {
      this.consumed += body.lineEnds + 1;
      for (const l of body.render()) this.line(l);
      this.line('C: .');
    });
    stream.once('close', () => {
      if (stream.readableEnded) return;
      this.consumed += body.lineEnds;
      this.note(`the connection ended inside the message data, after ${formatByteSize(body.size)}`);
    });
  }

  /** Ends the transcript with a last note; resolves when the file is closed. */
  close(reason: string): Promise<void> {
    if (this.closed) return this.finished;
    this.flushHeld();
    for (const l of this.afterReply) this.line(l);
    this.afterReply = [];
    this.note(reason);
    this.closed = true;
    if (this.droppedLines) {
      const note = `# ... ${this.droppedLines} more line${this.droppedLines === 1 ? '' : 's'} not written: the transcript reached its ${formatByteSize(this.maxFileBytes)} limit\n`;
      this.pending.push(Buffer.from(note, 'utf8'));
    }
    this.flush();
    this.out.end();
    return this.finished;
  }

  private flushHeld(): void {
    if (!this.held.length) return;
    const held = this.held;
    this.held = [];
    for (const l of held) this.line(l);
  }

  /** Queues one line (a string, or a Buffer of DATA bytes written as received). */
  private line(text: string | Buffer): void {
    if (this.closed) return;
    const buf = typeof text === 'string' ? Buffer.from(`${text}\n`, 'utf8') : Buffer.concat([text, NEWLINE]);
    if (this.written + this.pendingBytes + buf.length > this.maxFileBytes) {
      this.droppedLines++;
      return;
    }
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= 64 * 1024) this.flush();
  }

  private flush(): void {
    if (!this.pending.length) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.written += chunk.length;
    this.pending = [];
    this.pendingBytes = 0;
    this.out.write(chunk);
  }
}

const NEWLINE = Buffer.from('\n');
const PREFIX = Buffer.from('C: ');
const EMPTY = Buffer.from('C:');

/**
 * A DATA body as it streams in: the first `max` bytes kept, every line counted
 * (bare LF ends and over-long lines too), so a body of any size costs at most
 * `max` bytes of memory.
 */
class DataBody {
  size = 0;
  /** LF octets seen (each ends one line on the wire). */
  lineEnds = 0;
  private bareLf = 0;
  private longLines = 0;
  private lineLength = 0;
  private lastByte = -1;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;

  constructor(private readonly max: number) {}

  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.keptBytes < this.max + 1) {
      const take = chunk.subarray(0, this.max + 1 - this.keptBytes);
      this.kept.push(take);
      this.keptBytes += take.length;
    }
    let from = 0;
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) {
      const before = at > 0 ? chunk[at - 1] : this.lastByte;
      if (before !== 13) this.bareLf++;
      // Octets of the line with its line end (CRLF counts 2, a bare LF 1).
      if (this.lineLength + (at - from) + 1 > MAX_TEXT_LINE) this.longLines++;
      this.lineLength = 0;
      this.lineEnds++;
      from = at + 1;
    }
    this.lineLength += chunk.length - from;
    if (chunk.length) this.lastByte = chunk[chunk.length - 1]!;
  }

  /** The transcript lines of the body, without the final `C: .`. */
  render(): Array<string | Buffer> {
    const data = Buffer.concat(this.kept, this.keptBytes);
    return this.size <= this.max ? this.renderFull(data) : this.renderSummary(data);
  }

  /** Every line as `C: ` + its bytes, dot-stuffed again; `# bare LF` after a line that ended so. */
  private renderFull(data: Buffer): Array<string | Buffer> {
    const out: Array<string | Buffer> = [];
    let start = 0;
    while (start < data.length) {
      const lf = data.indexOf(10, start);
      const end = lf < 0 ? data.length : lf;
      const crlf = lf > start && data[lf - 1] === 13;
      const content = data.subarray(start, crlf ? end - 1 : end);
      out.push(...lineOf(content));
      if (lf >= 0 && !crlf) out.push('# bare LF');
      if (lf < 0) out.push('# (the client sent the final dot without a line end before it)');
      start = end + 1;
    }
    return out;
  }

  /** Too big to show: the header lines as `# | ` notes, then what was counted. */
  private renderSummary(data: Buffer): Array<string | Buffer> {
    const out: Array<string | Buffer> = [
      `# message data: ${formatByteSize(this.size)} in ${this.lineEnds} line${this.lineEnds === 1 ? '' : 's'}, over the ${formatByteSize(this.max)} shown in full; its header:`,
    ];
    let shown = 0;
    let start = 0;
    while (start < data.length) {
      const lf = data.indexOf(10, start);
      if (lf < 0) break;
      const content = data.subarray(start, lf > start && data[lf - 1] === 13 ? lf - 1 : lf);
      if (content.length === 0 || shown + content.length + 2 > this.max) break;
      shown += content.length + 2;
      out.push(Buffer.concat([Buffer.from('# | '), escapeLine(content)]));
      start = lf + 1;
    }
    out.push(`# ... ${formatByteSize(this.size - shown)} of message data not shown ...`);
    if (this.bareLf) out.push(`# bare LF: ${this.bareLf} line${this.bareLf === 1 ? '' : 's'} of the message data ended with LF alone, not CRLF`);
    if (this.longLines) out.push(`# ${this.longLines} line${this.longLines === 1 ? '' : 's'} of the message data over ${MAX_TEXT_LINE} octets with the line end (RFC 5321 §4.5.3.1.6)`);
    return out;
  }
}

/** A lone CR in a line would end it in the file: written as the four characters `\x0d`. */
function escapeLine(content: Buffer): Buffer {
  if (content.indexOf(13) < 0) return content;
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = content.indexOf(13); at >= 0; at = content.indexOf(13, at + 1)) {
    parts.push(content.subarray(from, at), ESCAPED_CR);
    from = at + 1;
  }
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

const ESCAPED_CR = Buffer.from('\\x0d');

/** One body line as transcript lines: `C: ` + the bytes, a leading dot doubled (RFC 5321 §4.5.2). */
function lineOf(content: Buffer): Array<string | Buffer> {
  if (content.length === 0) return [EMPTY];
  const escaped = escapeLine(content);
  const stuffed = escaped[0] === 46 ? Buffer.concat([PREFIX, Buffer.from('.'), escaped]) : Buffer.concat([PREFIX, escaped]);
  return escaped === content ? [stuffed] : [stuffed, '# a bare CR in the line above is shown as \\x0d'];
}

/**
 * Replays a transcript against a live server: the `C:` lines are sent as
 * written (the DATA body too, already dot-stuffed; a line the transcript marks
 * `# bare LF` ends with LF alone), each live reply is compared with the
 * transcript's `S:` reply for that command, and the live session is written as
 * a transcript of its own with every difference marked. An executable test of
 * an MTA's behaviour.
 *
 * Replies are paired with commands in order (a pipelined group's replies
 * follow its commands, RFC 2920), and the replay sends one command at a time,
 * waiting for its reply. A message goes out in one write with its final dot,
 * and a BDAT chunk (RFC 3030: the octets the command declares, in the `C:`
 * lines after it) in one write with its command.
 * AUTH is sent only with credentials the caller gives (AUTH PLAIN, RFC 4616),
 * never the transcript's, which are masked; without them the exchange is
 * skipped and says so. After a 220 to STARTTLS the connection is upgraded
 * (RFC 3207), as the client in the transcript did.
 */
import * as net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import * as tls from 'node:tls';
import { ENGLISH_REPLAY_TEXTS, type ReplayTexts } from '../mail/replayTexts';
import { ReplyMeter, type ReplyOverflow } from './limits';
import { REDACTED, SessionLog } from './transcript';
import type { Security } from './types';

/** How replies are compared: the whole code, its first digit, or code and text. */
export type ReplayMatch = 'code' | 'class' | 'text';

/** One expected reply: its lines as in the transcript and where it is. */
interface ExpectedReply {
  code: number;
  lines: string[];
  /** 1-based transcript line of its first `S:` line. */
  line: number;
}

/** One thing to do: read the greeting, send a command, or send a DATA body. */
type Step =
  | { kind: 'greeting'; expect?: ExpectedReply }
  | { kind: 'command'; text: string; line: number; expect?: ExpectedReply; auth?: boolean; chunk?: BodyLine[] }
  | { kind: 'body'; lines: BodyLine[]; elided: boolean };

/** A line of message data as the transcript shows it, and whether the client ended it with LF alone. */
interface BodyLine {
  text: string;
  bareLf: boolean;
}

/** `BDAT <size> [LAST]` (RFC 3030 §2): the chunk of exactly `size` octets follows the command line at once. */
const BDAT_COMMAND = /^BDAT[ \t]+(\d+)(?:[ \t]+LAST)?[ \t]*$/i;
/** The annotation the recorder writes after a data line the client ended with LF alone. */
const BARE_LF_NOTE = /^#\s*bare LF\s*$/i;

/** A difference between the transcript and the live session. */
export interface ReplayMismatch {
  /** 1-based line of the transcript (the expected reply, else the command). */
  line: number;
  /** The command it answers (`greeting`, `.` for the end of a message). */
  command: string;
  expected: string;
  actual: string;
}

/** Options of a replay. */
export interface ReplayOptions {
  text: string;
  host: string;
  port?: number;
  /** `tls`: TLS from the start; otherwise plain, upgraded where the transcript says STARTTLS. */
  security?: Security;
  match?: ReplayMatch;
  user?: string;
  password?: string;
  /** Accept any certificate (a test server's self-signed one). */
  insecure?: boolean;
  /** How long to wait for each reply (default 30 s). */
  timeoutMs?: number;
  /** Each line of the live transcript as it is written. */
  onLog?(line: string): void;
  /** The notes' and reasons' texts, in the caller's language (a locale bundle's `replay` table); English when absent. */
  texts?: ReplayTexts;
}

/** What a replay found. */
export interface ReplayResult {
  /** True when it ran to the end and every reply matched. */
  ok: boolean;
  /** False when it could not run at all (no connection, nothing to replay). */
  ran: boolean;
  mismatches: ReplayMismatch[];
  /** The live session as a transcript, with the differences as annotations. */
  transcript: string;
  /** Why it could not run, or why it stopped early. */
  error?: string;
}

/** Why the replay stopped, already in the caller's language (any other error is the system's, see `reasonOf`). */
class ReplayStop extends Error {}

/** Reads the transcript into steps. */
export function replaySteps(text: string): Step[] {
  const steps: Step[] = [{ kind: 'greeting' }];
  /** Commands whose reply has not come yet, oldest first. */
  const awaiting: Array<Extract<Step, { kind: 'greeting' | 'command' }>> = [steps[0] as Extract<Step, { kind: 'greeting' }>];
  let reply: ExpectedReply | undefined;
  let body: Extract<Step, { kind: 'body' }> | undefined;
  let inAuth = false;
  let lastData: Extract<Step, { kind: 'command' }> | undefined;
  /** The BDAT chunk being read and how many of its declared octets are still to come. */
  let chunk: { lines: BodyLine[]; remaining: number } | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (chunk) {
      // The chunk's lines, each counted with CRLF as the transcript validator counts them.
      if (chunk.remaining > 0 && raw.startsWith('C:')) {
        const content = raw.startsWith('C: ') ? raw.slice(3) : raw.slice(2);
        chunk.lines.push({ text: content, bareLf: false });
        chunk.remaining -= Buffer.byteLength(content, 'utf8') + 2;
        continue;
      }
      if (BARE_LF_NOTE.test(raw) && chunk.lines.length) {
        chunk.lines[chunk.lines.length - 1]!.bareLf = true;
        continue;
      }
      chunk = undefined;
    }
    if (body) {
      if (raw === 'C: .' || raw === 'C:.') {
        body = undefined;
      } else if (raw.startsWith('C:')) {
        body.lines.push({ text: raw.startsWith('C: ') ? raw.slice(3) : raw.slice(2), bareLf: false });
        continue;
      } else if (BARE_LF_NOTE.test(raw) && body.lines.length) {
        body.lines[body.lines.length - 1]!.bareLf = true;
        continue;
      } else if (raw.startsWith('# | ')) {
        body.elided = true;
        body.lines.push({ text: raw.slice(4), bareLf: false });
        continue;
      } else {
        continue;
      }
    }
    if (raw.startsWith('S:')) {
      const content = raw.startsWith('S: ') ? raw.slice(3) : raw.slice(2);
      const m = /^(\d{3})([ -]?)/.exec(content);
      if (!m) continue;
      reply ??= { code: Number(m[1]), lines: [], line: i + 1 };
      reply.lines.push(content);
      if (m[2] === '-') continue;
      const done = reply;
      reply = undefined;
      const owner = awaiting[0];
      if (!owner) continue;
      if (owner.kind === 'command' && owner.auth && done.code === 334) continue; // a challenge; the exchange goes on
      awaiting.shift();
      owner.expect = done;
      if (owner.kind === 'command' && owner.auth) inAuth = false;
      if (owner === lastData && done.code === 354) {
        body = { kind: 'body', lines: [], elided: false };
        steps.push(body);
      }
      continue;
    }
    if (!raw.startsWith('C:')) continue;
    const content = raw.startsWith('C: ') ? raw.slice(3) : raw.slice(2);
    if (inAuth) continue; // a SASL response of the transcript's exchange (masked)
    const step: Extract<Step, { kind: 'command' }> = { kind: 'command', text: content, line: i + 1 };
    if (/^AUTH[ \t]/i.test(content)) {
      step.auth = true;
      inAuth = true;
    }
    if (/^DATA\s*$/i.test(content)) lastData = step;
    const bdat = BDAT_COMMAND.exec(content);
    if (bdat) {
      step.chunk = [];
      chunk = { lines: step.chunk, remaining: Number(bdat[1]) };
    }
    steps.push(step);
    awaiting.push(step);
  }
  return steps;
}

/** One server reply: its code (0 when the first line has none) and its lines, without line ends. */
export interface ServerReply {
  code: number;
  lines: string[];
}

/**
 * Turns the server's bytes, however TCP cuts them, into replies: UTF-8 is
 * decoded across chunk edges (a character split between two segments stays one
 * character), and each reply is bounded by the send path's limits (limits.ts),
 * so a server that never ends a line or a `250-` reply cannot grow memory
 * without bound.
 */
export class ReplyAssembler {
  private decoder = new StringDecoder('utf8');
  private readonly meter = new ReplyMeter();
  private buffer = '';

  /** Takes the next chunk. Returns the limit the reply went over (the chunk is then dropped), else undefined. */
  push(chunk: Buffer): ReplyOverflow | undefined {
    const over = this.meter.feed(chunk);
    if (over) return over;
    this.buffer += this.decoder.write(chunk);
    return undefined;
  }

  /**
   * Starts decoding afresh: after STARTTLS the bytes come from a new TLS
   * session, and a character cannot span the two (RFC 3207 §4.2 discards
   * anything the server sent before the handshake anyway).
   */
  restartDecoding(): void {
    this.decoder = new StringDecoder('utf8');
  }

  /** The next complete reply (RFC 5321 §4.2.1: `code-` lines, then a last `code SP` line), or undefined until it has arrived. */
  next(): ServerReply | undefined {
    const lines: string[] = [];
    let at = 0;
    for (;;) {
      const end = this.buffer.indexOf('\n', at);
      if (end < 0) return undefined;
      const line = this.buffer.slice(at, end).replace(/\r$/, '');
      at = end + 1;
      lines.push(line);
      if (!/^\d{3}-/.test(line)) {
        this.buffer = this.buffer.slice(at);
        const m = /^(\d{3})/.exec(lines[0]!);
        return { code: m ? Number(m[1]) : 0, lines };
      }
    }
  }
}

/**
 * Reads replies from a socket that may be swapped for a TLS one, and writes
 * what the client sends in as few writes as the dialogue allows: `write` only
 * queues, and the queue goes out in one write when a reply is awaited (or the
 * session ends). So a message body, its final dot and a BDAT chunk with its
 * command each leave in one write rather than one per line, and with Nagle's
 * algorithm off (see `connect`) none of them waits for the server's ACK.
 */
class ReplyReader {
  private readonly replies = new ReplyAssembler();
  private waiting: ((reply: ServerReply | Error) => void) | undefined;
  private failed: Error | undefined;
  private socket!: net.Socket;
  /** What was written and not yet handed to the socket. */
  private unsent = '';

  constructor(
    socket: net.Socket,
    private readonly timeoutMs: number,
    private readonly texts: ReplayTexts,
  ) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    this.socket = socket;
    this.replies.restartDecoding();
    socket.setTimeout(this.timeoutMs);
    socket.on('data', (d: Buffer) => {
      const over = this.replies.push(d);
      if (over) {
        this.fail(new ReplayStop(this.texts.replyTooBig(over.limit, over.unit)));
        socket.destroy();
        return;
      }
      this.deliver();
    });
    socket.on('timeout', () => this.fail(new ReplayStop(this.texts.noReplyWithin(this.timeoutMs))));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new ReplayStop(this.texts.serverClosed)));
  }

  detach(): void {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('timeout');
    this.socket.removeAllListeners('close');
    this.socket.removeAllListeners('error');
    this.socket.on('error', () => undefined);
  }

  /** Queues `text` for the next `flush` (the bytes and their order are those of the calls). */
  write(text: string): void {
    this.unsent += text;
  }

  /** Hands everything queued to the socket in one write. */
  flush(): void {
    if (!this.unsent) return;
    this.socket.write(this.unsent);
    this.unsent = '';
  }

  get current(): net.Socket {
    return this.socket;
  }

  /** Sends what is queued, then waits for the next reply. */
  next(): Promise<ServerReply> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.waiting = (r) => (r instanceof Error ? reject(r) : resolve(r));
      this.deliver();
    });
  }

  private fail(e: Error): void {
    this.failed ??= e;
    this.deliver();
  }

  private deliver(): void {
    if (!this.waiting) return;
    const reply = this.replies.next() ?? this.failed;
    if (!reply) return;
    const w = this.waiting;
    this.waiting = undefined;
    w(reply);
  }
}

function matches(expected: ExpectedReply, actual: { code: number; lines: string[] }, mode: ReplayMatch): boolean {
  if (mode === 'class') return Math.floor(expected.code / 100) === Math.floor(actual.code / 100);
  if (mode === 'text') return expected.lines.join('\n') === actual.lines.join('\n');
  return expected.code === actual.code;
}

/** Replays `options.text` against the server. Never throws. */
export async function replayTranscript(options: ReplayOptions): Promise<ReplayResult> {
  const mode = options.match ?? 'code';
  const security = options.security ?? 'none';
  const port = options.port ?? (security === 'tls' ? 465 : 25);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const t = options.texts ?? ENGLISH_REPLAY_TEXTS;
  const server = `${options.host}:${port}`;
  /** An error's text for the notes: the replay's own in the caller's language, the system's through `systemReason`. */
  const reasonOf = (e: unknown): string =>
    e instanceof ReplayStop ? e.message : t.systemReason((e as NodeJS.ErrnoException | undefined)?.code, e instanceof Error ? e.message : String(e));
  const log = new SessionLog({ onLog: options.onLog, user: options.user, password: options.password, maxLoggedDataBytes: Number.MAX_SAFE_INTEGER });
  const mismatches: ReplayMismatch[] = [];
  const steps = replaySteps(options.text);
  const finish = (ran: boolean, error?: string): ReplayResult => {
    if (error) log.note(ran ? t.stopped(error) : t.couldNotRun(error));
    log.note(!ran ? t.resultNotRun : mismatches.length ? t.resultDifferences(mismatches.length) : error ? t.resultStoppedEarly : t.resultAllMatch);
    log.seal();
    return { ok: ran && !error && mismatches.length === 0, ran, mismatches, transcript: log.toString(), ...(error ? { error } : {}) };
  };
  if (!steps.some((s) => s.kind === 'command')) {
    log.note(t.against(server));
    return finish(false, t.noCommand);
  }

  log.note(t.againstDetails(server, security === 'tls', mode));
  const servername = net.isIP(options.host) ? undefined : options.host;
  let socket: net.Socket;
  try {
    socket = await new Promise<net.Socket>((resolve, reject) => {
      const s =
        security === 'tls'
          ? tls.connect({ host: options.host, port, servername, rejectUnauthorized: !options.insecure }, () => resolve(s))
          : net.connect(port, options.host, () => resolve(s));
      // Before anything is sent: SMTP is a dialogue of small writes, and with Nagle's algorithm on,
      // a write made while the previous segment is unacknowledged (a command after the last one's
      // reply was read) waits for the server's delayed ACK, about 40 ms on Linux. A TLS socket
      // passes it to the TCP socket beneath, which a STARTTLS upgrade keeps.
      s.setNoDelay(true);
      s.setTimeout(timeoutMs, () => s.destroy(new ReplayStop(t.noConnectionWithin(timeoutMs))));
      s.once('error', reject);
    });
  } catch (e) {
    return finish(false, t.cannotConnect(server, reasonOf(e)));
  }
  log.note(t.connected(server));
  const reader = new ReplyReader(socket, timeoutMs, t);

  const compare = (step: Extract<Step, { kind: 'greeting' | 'command' }>, actual: { code: number; lines: string[] }): void => {
    for (const l of actual.lines) log.server(l);
    const expected = step.expect;
    if (!expected) return;
    if (matches(expected, actual, mode)) return;
    const command = step.kind === 'greeting' ? 'greeting' : step.text.split(' ')[0]!.toUpperCase();
    const m: ReplayMismatch = { line: expected.line, command, expected: expected.lines.join(' / '), actual: actual.lines.join(' / ') };
    mismatches.push(m);
    log.note(t.differs(m.line, m.expected));
  };

  /** Queues message data lines as the transcript has them (dot-stuffed already; a `# bare LF` line ends with LF alone). */
  const writeData = (lines: readonly BodyLine[]): void => {
    for (const l of lines) {
      reader.write(`${l.text}${l.bareLf ? '\n' : '\r\n'}`);
      log.client(l.text);
      // The mark the transcript reader reads back (see replaySteps), not a text.
      if (l.bareLf) log.note('bare LF');
    }
  };

  let greeted = false;
  try {
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]!;
      if (step.kind === 'greeting') {
        compare(step, await reader.next());
        greeted = true;
        continue;
      }
      if (step.kind === 'body') {
        if (step.elided) log.note(t.elidedMessage);
        writeData(step.lines);
        if (step.elided) {
          // Data for the server, in every language the same.
          reader.write('\r\n[the message body is not in the transcript]\r\n');
          log.client('');
          log.client('[the message body is not in the transcript]');
        }
        continue;
      }
      if (step.auth) {
        if (!options.user || options.password === undefined) {
          log.note(t.authSkipped(step.line));
          continue;
        }
        const blob = Buffer.from(`\u0000${options.user}\u0000${options.password}`, 'utf8').toString('base64');
        reader.write(`AUTH PLAIN ${blob}\r\n`);
        log.client(`AUTH PLAIN ${blob}`);
        compare(step, await reader.next());
        continue;
      }
      if (step.text.includes(REDACTED)) {
        log.note(t.maskedNotSent(step.line));
        continue;
      }
      reader.write(`${step.text}\r\n`);
      log.client(step.text);
      if (step.chunk) writeData(step.chunk);
      const reply = await reader.next();
      compare(step, reply);
      if (/^STARTTLS\s*$/i.test(step.text) && reply.code === 220) {
        reader.detach();
        const plain = reader.current;
        const secure = await new Promise<tls.TLSSocket>((resolve, reject) => {
          const s = tls.connect({ socket: plain, servername, rejectUnauthorized: !options.insecure }, () => resolve(s));
          s.once('error', reject);
        });
        log.note(t.startTls(secure.getProtocol() ?? undefined, secure.getCipher()?.name));
        reader.attach(secure);
      }
    }
  } catch (e) {
    reader.current.destroy();
    return finish(greeted, reasonOf(e));
  }
  // A transcript that ends inside a message (no final dot) still sends what it has.
  reader.flush();
  reader.detach();
  reader.current.end();
  reader.current.destroy();
  return finish(true);
}

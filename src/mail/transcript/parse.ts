/**
 * Reads a transcript into a session model and checks it against the SMTP state
 * machine of RFC 5321 §4.1.4 and the replies of §4.3.2, with RFC 3207 STARTTLS,
 * RFC 4954 AUTH, RFC 1870 SIZE, RFC 6152 8BITMIME, RFC 3030 BDAT and RFC 2920
 * pipelining.
 *
 * One pass over the lines, no recursion. The client side is followed
 * optimistically: a command whose reply has not arrived yet (pipelining) is
 * assumed to succeed, so sequence checks judge what the client could know when
 * it sent the command. Replies are matched to waiting commands first in, first out.
 */
import { problem, type Problem } from '../codes';
import { ALWAYS_ACCEPTED, COMMANDS, DATA_END_REPLIES, GREETING_REPLIES, type CommandInfo } from './catalog';
import { lineWithContent, readLineTable, type Dialect, type LineTable, type TranscriptLine } from './lines';
import { transcriptMessages as M } from './messages';
import { checkHelloArgument, checkPathCommand, isBase64, isPlaceholder, type ArgumentSpan } from './syntax';
import { countSides, lookAhead } from './partial';
import { PRDR_INTERMEDIATE, PrdrReplies, type RecipientOutcome } from './prdr';

/** An RFC 3463 enhanced status code at the start of a reply text. */
export interface EnhancedCode {
  readonly code: string;
  readonly offset: number;
  readonly length: number;
}

/** One line of a server reply. */
export interface ReplyLine {
  readonly line: TranscriptLine;
  /** The three digits. */
  readonly code: string;
  readonly codeOffset: number;
  /** `-` when more lines follow, ` ` or `` on the last line. */
  readonly separator: string;
  readonly text: string;
  readonly textOffset: number;
  readonly enhanced?: EnhancedCode;
}

/** A whole (possibly multi-line) reply. */
export interface Reply {
  readonly lines: ReplyLine[];
  readonly code: number;
  /** The texts of all lines joined with a line feed. */
  text: string;
  /** What the reply answered; undefined for the greeting and orphan replies. */
  command?: Command;
  readonly offset: number;
  end: number;
}

/** A client command (or the `.` that ends a DATA body, verb `.`). */
export interface Command {
  readonly kind: 'command' | 'data-end';
  readonly line: TranscriptLine;
  /** Upper-case verb. */
  readonly verb: string;
  readonly verbOffset: number;
  readonly verbLength: number;
  readonly argument?: ArgumentSpan;
  /** The final reply. */
  reply?: Reply;
  /** Intermediate replies (334 challenges, 354). */
  readonly intermediate: Reply[];
  /** MAIL/RCPT: the address inside the angle brackets and its offset. */
  address?: string;
  addressOffset?: number;
  /** True for verbs of the catalogue. */
  readonly known: boolean;
}

/** An AUTH exchange: the command, 334 challenges and client responses. */
export interface AuthExchange {
  readonly command: Command;
  readonly mechanism: string;
  readonly challenges: Reply[];
  readonly responses: TranscriptLine[];
  result?: Reply;
}

/** The message lines of a DATA (or BDAT) transfer. */
export interface DataBlock {
  readonly command: Command;
  readonly lines: TranscriptLine[];
  /** DATA bodies are dot-stuffed; BDAT chunks are not. */
  readonly stuffed: boolean;
  /** The `.` line. */
  endLine?: TranscriptLine;
  terminated: boolean;
  /** The log left the body out (nodemailer's `<N bytes encoded mime message>`). */
  elided: boolean;
  /** Wire octets of the body (with CRLFs, before unstuffing). */
  octets: number;
}

/** MAIL, RCPTs, DATA/BDAT and the final reply. */
export interface Transaction {
  /** Undefined when a fragment starts inside a transaction. */
  mail?: Command;
  readonly rcpts: Command[];
  data?: Command;
  block?: DataBlock;
  /** The `.` (or BDAT LAST) whose reply is the outcome. */
  end?: Command;
  reset?: Command;
  /** PRDR: each accepted recipient's own reply to the message (draft-hall-prdr). */
  prdr?: RecipientOutcome[];
  readonly offset: number;
  end_: number;
}

/** One advertised EHLO keyword. */
export interface Extension {
  readonly keyword: string;
  readonly params: string;
  readonly offset: number;
  readonly length: number;
}

/** An EHLO/HELO and what it advertised. */
export interface HelloInfo {
  readonly command: Command;
  readonly extensions: Extension[];
}

/** The parsed session. */
export interface TranscriptSession {
  readonly text: string;
  readonly dialect: Dialect;
  readonly lines: TranscriptLine[];
  greeting?: Reply;
  readonly commands: Command[];
  readonly replies: Reply[];
  readonly hellos: HelloInfo[];
  readonly starttls: Command[];
  readonly auths: AuthExchange[];
  readonly transactions: Transaction[];
  readonly dataBlocks: DataBlock[];
  quit?: Command;
  /** Protocol problems (message problems are added by `validateTranscript`). */
  readonly problems: Problem[];
  /**
   * Problems not kept because their code had already been reported
   * MAX_PROBLEMS_PER_CODE times (the catalogue's cap), by code.
   */
  readonly leftOut: Map<string, number>;
}

/** `[2-5][0-5][0-9]`: the reply codes RFC 5321 §4.2 allows. */
const isReplyCode = (c0: number, c1: number, c2: number): boolean => c0 >= 50 && c0 <= 53 && c1 >= 48 && c1 <= 53 && c2 >= 48 && c2 <= 57;

/** The reply code strings seen so far, so that a transcript's 10,000 `250`s share one string. */
const REPLY_CODE_TEXT: string[] = [];
function replyCodeText(text: string, at: number): string {
  const n = (text.charCodeAt(at) - 48) * 100 + (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48);
  return (REPLY_CODE_TEXT[n] ??= text.slice(at, at + 3));
}

/**
 * Length of an RFC 3463 enhanced status code (`class.subject.detail`: class 2,
 * 4 or 5, then one to three digits twice) at `text[at..end)`, followed by a
 * space, a tab or the end of the line; 0 when there is none. By character
 * code, as the regex /^([245])\.(\d{1,3})\.(\d{1,3})(?=[ \t]|$)/ would match it.
 */
function enhancedCodeLength(text: string, at: number, end: number): number {
  const c0 = text.charCodeAt(at);
  if (at + 1 >= end || (c0 !== 50 && c0 !== 52 && c0 !== 53) || text.charCodeAt(at + 1) !== 46) return 0;
  let i = at + 2;
  let k = digitRun(text, i, end);
  if (k === 0) return 0;
  i += k;
  if (i >= end || text.charCodeAt(i) !== 46) return 0;
  i++;
  k = digitRun(text, i, end);
  if (k === 0) return 0;
  i += k;
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return 0;
  }
  return i - at;
}
/** How many digits (at most 3) start at `text[i]`, before `end`. */
function digitRun(text: string, i: number, end: number): number {
  let k = 0;
  while (k < 3 && i + k < end && isDigitCode(text.charCodeAt(i + k))) k++;
  return k;
}
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Enhanced code strings seen so far, by their digits and dots read as a base-11 number: one `2.1.5` string for all. */
const ENHANCED_TEXT = new Map<number, string>();
function enhancedCodeText(text: string, at: number, length: number): string {
  let key = 0;
  for (let i = at; i < at + length; i++) {
    const c = text.charCodeAt(i);
    key = key * 11 + (c === 46 ? 10 : c - 48);
  }
  let s = ENHANCED_TEXT.get(key);
  if (s === undefined) {
    s = text.slice(at, at + length);
    // Bounded: at most 3 x 1000 x 1000 codes exist, but a hostile file should not fill a map for the process's life.
    if (ENHANCED_TEXT.size < 4096) ENHANCED_TEXT.set(key, s);
  }
  return s;
}

const ENHANCED_LIKE = /^\d\.\d+\.\d+/;
/** `<wait for open connection>`: an RFC example's pseudo-line (checked by hand: no backtracking). */
function isPseudoLine(s: string): boolean {
  if (s.length < 3 || s.charCodeAt(0) !== 60 || s.charCodeAt(s.length - 1) !== 62) return false;
  const inner = s.slice(1, -1);
  return inner.includes(' ') && !inner.includes('<') && !inner.includes('>');
}

const octetsOf = (s: string): number => octetsIn(s, 0, s.length);

/** UTF-8 octets of `text[start..end)`, counted in place (pure ASCII lines, the norm, need no copy). */
function octetsIn(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 127) return Buffer.byteLength(text.slice(start, end), 'utf8');
  return end - start;
}

/**
 * A command with every optional field present (undefined until known): V8
 * makes an object literal with room for exactly its own fields, so setting
 * `reply` or `address` later would allocate a second, out-of-object store for
 * each of a transcript's thousands of commands.
 */
function newCommand(kind: Command['kind'], line: TranscriptLine, verb: string, verbOffset: number, verbLength: number, argument: ArgumentSpan | undefined, known: boolean): Command {
  return { kind, line, verb, verbOffset, verbLength, argument, reply: undefined, intermediate: NO_REPLIES, address: undefined, addressOffset: undefined, known };
}

/** The catalogue's commands by their letters packed 5 bits each (A or a = 1 ... Z or z = 26). */
const COMMANDS_BY_LETTERS = new Map<number, CommandInfo>(Object.values(COMMANDS).map((c) => [packLetters(c.verb, c.verb.length), c]));
function packLetters(s: string, length: number): number {
  let key = 0;
  for (let i = 0; i < length; i++) key = key * 32 + (s.charCodeAt(i) & 31);
  return key;
}

/**
 * The catalogue entry of the verb `s[0..length)` when it is ASCII letters in
 * any case (what toUpperCase() and a lookup would find, without the two
 * strings), undefined otherwise: then the caller looks the upper-cased verb up,
 * since toUpperCase maps a few other letters to ASCII ones (U+017F to S).
 */
function knownVerb(s: string, length: number): CommandInfo | undefined {
  if (length === 0 || length > 8) return undefined;
  for (let i = 0; i < length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return undefined;
  }
  return COMMANDS_BY_LETTERS.get(packLetters(s, length));
}

/**
 * The `intermediate` of a command that has had none: one shared, frozen empty
 * array instead of one per command (most never get a 334 or 354);
 * `addIntermediate` gives the command its own array on the first one.
 */
const NO_REPLIES: Reply[] = Object.freeze([]) as unknown as Reply[];
function addIntermediate(cmd: Command, reply: Reply): void {
  if (cmd.intermediate === NO_REPLIES) (cmd as { intermediate: Reply[] }).intermediate = [reply];
  else cmd.intermediate.push(reply);
}

/** Stores what `checkPathCommand` found (nothing when the path did not parse). */
function setAddress(cmd: Command, found: { address?: string; addressOffset?: number }): void {
  if (found.address !== undefined) cmd.address = found.address;
  if (found.addressOffset !== undefined) cmd.addressOffset = found.addressOffset;
}

/**
 * A DATA block as the parser builds it: the body lines are kept as line numbers
 * into the session's `LineTable`, and `lines` makes their objects only when
 * someone asks (validation never does: `messageOfBlock` reads the table).
 */
/** At most this many problems of one code per document (the catalogue's cap). */
export const MAX_PROBLEMS_PER_CODE = 100;

export class Block implements DataBlock {
  endLine?: TranscriptLine = undefined;
  terminated = false;
  elided = false;
  octets = 0;
  /** Offset of the first character above U+007F in the body (an octet above 127 on the wire), or -1. */
  eightBitOffset = -1;
  readonly #table: LineTable;
  /** The body is lines `#first .. #first + #count - 1` of the table while they follow each other... */
  #first = -1;
  #count = 0;
  /** ...and their line numbers once one does not (an annotation or blank line between them). */
  #numbers: Int32Array | undefined;
  #lines: TranscriptLine[] | undefined;

  constructor(
    table: LineTable,
    readonly command: Command,
    readonly stuffed: boolean,
  ) {
    this.#table = table;
  }

  get lines(): TranscriptLine[] {
    if (!this.#lines || this.#lines.length !== this.#count) {
      const out: TranscriptLine[] = new Array(this.#count);
      for (let i = 0; i < this.#count; i++) out[i] = this.#table.line(this.lineNumber(i));
      this.#lines = out;
    }
    return this.#lines;
  }
  /** The table the line numbers point into. */
  get lineTable(): LineTable {
    return this.#table;
  }
  /** How many body lines. */
  get lineCount(): number {
    return this.#count;
  }
  /** Line number (in the table) of body line `i`. */
  lineNumber(i: number): number {
    return this.#numbers ? this.#numbers[i] : this.#first + i;
  }
  /** Adds line `k` of the table to the body. */
  add(k: number): void {
    let numbers = this.#numbers;
    if (!numbers) {
      if (this.#count === 0) this.#first = k;
      if (k === this.#first + this.#count) {
        this.#count++;
        return;
      }
      numbers = this.#numbers = new Int32Array(Math.max(16, this.#count * 2));
      for (let i = 0; i < this.#count; i++) numbers[i] = this.#first + i;
    } else if (this.#count === numbers.length) {
      const more = new Int32Array(this.#count * 2);
      more.set(numbers);
      numbers = this.#numbers = more;
    }
    numbers[this.#count++] = k;
  }
}

/**
 * The commands waiting for a reply, first in first out. An array with a head
 * index (shift is O(1)) and a count of RFC 2920 group-ending commands, so that
 * 10,000 pipelined commands stay linear.
 */
class PendingQueue {
  private items: Command[] = [];
  private head = 0;
  private enders = 0;

  private static endsGroup(c: Command): boolean {
    return c.kind === 'command' && !!COMMANDS[c.verb]?.endsGroup;
  }
  get length(): number {
    return this.items.length - this.head;
  }
  push(c: Command): void {
    this.items.push(c);
    if (PendingQueue.endsGroup(c)) this.enders++;
  }
  shift(): Command | undefined {
    if (this.head >= this.items.length) return undefined;
    const c = this.items[this.head++];
    if (PendingQueue.endsGroup(c)) this.enders--;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return c;
  }
  /** Puts back the command just shifted (an AUTH that got a 334). */
  unshift(c: Command): void {
    if (this.head > 0 && this.items[this.head - 1] === c) this.head--;
    else this.items.splice(this.head, 0, c);
    if (PendingQueue.endsGroup(c)) this.enders++;
  }
  last(): Command | undefined {
    return this.length > 0 ? this.items[this.items.length - 1] : undefined;
  }
  pop(): Command | undefined {
    if (this.length === 0) return undefined;
    const c = this.items.pop()!;
    if (PendingQueue.endsGroup(c)) this.enders--;
    return c;
  }
  /** The first waiting command that must end a pipelined group, if any. */
  firstGroupEnder(): Command | undefined {
    if (this.enders === 0) return undefined;
    for (let i = this.head; i < this.items.length; i++) if (PendingQueue.endsGroup(this.items[i])) return this.items[i];
    return undefined;
  }
  /** True when a waiting command satisfies `test`. */
  has(test: (c: Command) => boolean): boolean {
    for (let i = this.head; i < this.items.length; i++) if (test(this.items[i])) return true;
    return false;
  }
  /** Removes `c` from the queue (a command whose reply the log lost). */
  remove(c: Command): void {
    const i = this.items.indexOf(c, this.head);
    if (i < 0) return;
    this.items.splice(i, 1);
    if (PendingQueue.endsGroup(c)) this.enders--;
  }
  /** Removes and returns every waiting command. */
  drain(): Command[] {
    const out = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    this.enders = 0;
    return out;
  }
}

/** Line kind codes of the line table (`LineTable.kindCode`). */
const LINE_KINDS = { client: 0, server: 1, annotation: 2, blank: 3, invalid: 4 } as const;

/** Parses `text` (any dialect) and checks the protocol. Never throws on any input. */
export function parseTranscript(text: string, dialect?: Dialect): TranscriptSession {
  return new TranscriptParser(text, dialect).run();
}

/**
 * One parse of one transcript: the session state in fields, the steps as
 * methods. A class rather than functions nested in parseTranscript: nested
 * functions are new closures on every call, and V8 optimizes each closure
 * anew (six recompiles of 30-110 ms in the first validations of a 10,000-
 * command transcript); methods are compiled once and shared by every parse.
 */
class TranscriptParser {
  readonly table: LineTable;
  readonly problems: Problem[];
  readonly session: TranscriptSession;
  /** The argument checks of ./syntax.ts write here; their problems are kept through `keep`. */
  private readonly scratch: Problem[] = [];
  // ---- session state ----
  private started = false; // a protocol line was seen
  private greetingDone = false;
  private fragment = false; // no greeting: state unknown until HELO/EHLO
  private txUnknown = false;
  private hello: 'none' | 'helo' | 'ehlo' = 'none';
  /** Extensions of the last successful EHLO; undefined while unknown (fragments). */
  private extensions: Set<string> | undefined;
  private pipeliningBroken = false;
  private tlsActive = false;
  private needsEhlo = false;
  private authenticated = false;
  private quitSent = false;
  private closedBy: number | undefined;
  private tx: Transaction | undefined;
  private readonly pending = new PendingQueue();
  private auth: AuthExchange | undefined;
  private authAwaiting = false;
  private block: Block | undefined;
  private blockTx: Transaction | undefined;
  private bdatRemaining = 0;
  private bdatCommand: Command | undefined;
  private bdatConsumed = 0;
  /** Line number of the last client or server line, -1 before the first. */
  private lastProtocol = -1;
  private lastWasUnansweredData: Command | undefined;
  private openReply: { lines: ReplyLine[] } | undefined;
  private readonly txOf = new Map<Command, Transaction>();
  /** The log shows only the client (swaks --hide-receive) or only the server (--hide-send): no reply is missing. */
  private readonly clientOnly: boolean;
  private readonly serverOnly: boolean;
  /** Whether client lines before line `lostUntil` follow a lost reply (see ./partial.ts). */
  private lostUntil = -1;
  private lost = false;
  private readonly prdr = new PrdrReplies();

  constructor(
    private readonly text: string,
    dialect: Dialect | undefined,
  ) {
    const table = (this.table = readLineTable(text, dialect));
    this.problems = [];
    this.session = {
      text,
      dialect: table.dialect,
      // Made on first use: validation reads the table and makes objects for protocol lines only.
      get lines() {
        return table.lines();
      },
      commands: [],
      replies: [],
      hellos: [],
      starttls: [],
      auths: [],
      transactions: [],
      dataBlocks: [],
      problems: this.problems,
      leftOut: this.leftOut,
    };
    const sides = countSides(table);
    this.clientOnly = sides.server === 0 && sides.client > 0;
    this.serverOnly = sides.client === 0 && sides.server > 0;
  }

  /** How many problems of each code were kept, and how many were not (the cap). */
  private readonly kept = new Map<string, number>();
  private readonly leftOut = new Map<string, number>();

  /** Keeps a problem, its range clipped to the text (a 1-character range on an empty last line would pass the end). */
  private keep(p: Problem): void {
    // The catalogue's cap, applied as problems arise: 20,000 bad lines make 100 objects, not 40,000.
    const n = this.kept.get(p.code) ?? 0;
    if (n >= MAX_PROBLEMS_PER_CODE) {
      this.leftOut.set(p.code, (this.leftOut.get(p.code) ?? 0) + 1);
      return;
    }
    this.kept.set(p.code, n + 1);
    const start = Math.min(Math.max(0, p.offset), this.text.length);
    const length = Math.max(0, Math.min(p.length, this.text.length - start));
    this.problems.push(start === p.offset && length === p.length ? p : { ...p, offset: start, length });
  }

  private report(code: Parameters<typeof problem>[0], offset: number, length: number, message: string, data?: Record<string, unknown>): void {
    this.keep(problem(code, offset, length, message, data ? { data } : undefined));
  }

  private keepScratch(): void {
    for (const p of this.scratch) this.keep(p);
    this.scratch.length = 0;
  }

  private verbRange(cmd: Command): [number, number] {
    return [cmd.verbOffset, Math.max(1, cmd.verbLength)];
  }

  private closeTx(): void {
    this.tx = undefined;
  }

  private openTx(mail: Command | undefined, at: TranscriptLine): Transaction {
    // No object spread here or below: a spread of a conditional literal is a slow path per transaction.
    // Every field in the literal, so that setting one later does not grow the object.
    const t: Transaction = { mail, rcpts: [], data: undefined, block: undefined, end: undefined, reset: undefined, prdr: undefined, offset: at.offset, end_: at.end };
    this.session.transactions.push(t);
    this.tx = t;
    return t;
  }

  private touch(t: Transaction | undefined, line: TranscriptLine): void {
    return this.touchEnd(t, line.end);
  }

  private touchEnd(t: Transaction | undefined, end: number): void {
    if (t && end > t.end_) t.end_ = end;
  }

  private checkCredentials(mechanism: string, data: string, offset: number, index: number, challenge?: Reply): void {
    if (data === '' || data === '=' || data === '*' || isPlaceholder(data)) return;
    const mech = mechanism.toUpperCase();
    if (!isBase64(data)) return;
    const decoded = Buffer.from(data, 'base64').toString('utf8');
    const flag = (msg: string): void => this.report('credentials-exposed', offset, data.length, msg, { mechanism: mech });
    if (mech === 'PLAIN') {
      const parts = decoded.split('\u0000');
      const pass = parts.length >= 3 ? parts[2] : decoded;
      const user = parts.length >= 3 ? parts[1] : '';
      if (isPlaceholder(pass) || pass === '') {
        if (user && !isPlaceholder(user)) flag(M.credentialsUserOnly());
      } else flag(M.credentialsPlain());
    } else if (mech === 'LOGIN') {
      if (isPlaceholder(decoded)) return;
      const prompt = challenge ? Buffer.from(challenge.lines[0]?.text ?? '', 'base64').toString('utf8').toLowerCase() : '';
      const what = prompt.startsWith('pass') || (!prompt.startsWith('user') && index > 0) ? 'credential-password' : 'credential-user';
      flag(M.credentialsLogin([what]));
    } else if (mech === 'XOAUTH2' || mech === 'OAUTHBEARER') {
      if (/auth=Bearer\s+\S/i.test(decoded) && !/auth=Bearer\s+(\/\* secret \*\/|<redacted>|\*+)\u0001/i.test(decoded)) flag(M.credentialsToken(mech));
    }
  }

  /**
   * RFC 6152 §3: octets above 127 in DATA only after `MAIL FROM:<...> BODY=8BITMIME`
   * (or BINARYMIME, RFC 3030), to a server that advertised 8BITMIME. Once per
   * message, at its first such character. Unknown parts of a fragment (no MAIL,
   * no EHLO seen) are not held against it.
   */
  private checkEightBit(b: Block, t: Transaction | undefined): void {
    if (b.eightBitOffset < 0 || !b.stuffed) return;
    const mail = t?.mail;
    if (this.extensions && !this.extensions.has('8BITMIME')) {
      this.report('eight-bit-without-8bitmime', b.eightBitOffset, 1, M.eightBitNotOffered());
    } else if (mail && !/(^|\s)BODY=(8BITMIME|BINARYMIME)(\s|$)/i.test(mail.argument?.text ?? '')) {
      // Where ` BODY=8BITMIME` would go: the end of the MAIL FROM argument (the quick fix's place).
      const arg = mail.argument;
      this.report('eight-bit-without-8bitmime', b.eightBitOffset, 1, M.eightBitUndeclared(), arg ? { declareAt: arg.offset + arg.text.trimEnd().length } : undefined);
    }
  }

  /**
   * RFC 6531 §3.4: a non-ASCII address in MAIL FROM or RCPT TO only with the
   * SMTPUTF8 parameter on MAIL FROM, to a server that advertised SMTPUTF8.
   */
  private checkUtf8Address(cmd: Command, mail: Command | undefined): void {
    const address = cmd.address;
    if (address === undefined || cmd.addressOffset === undefined || !/[^\x00-\x7f]/.test(address)) return;
    if (this.extensions && !this.extensions.has('SMTPUTF8')) {
      this.report('smtputf8-required', cmd.addressOffset, address.length, M.utf8AddressNotOffered(cmd.verb));
    } else if (mail && !/(^|\s)SMTPUTF8(\s|$)/i.test(mail.argument?.text ?? '')) {
      this.report('smtputf8-required', cmd.addressOffset, address.length, M.utf8AddressUndeclared(cmd.verb));
    }
  }

  /**
   * AUTH PLAIN / LOGIN data written decoded, as swaks --auth-plaintext and people
   * writing transcripts by hand show it (`\0user\0password`, or the user name and
   * password after each 334): as exposed as the base64 form (RFC 4954 §4). True
   * when the data was read as such (reported or a placeholder), false for other
   * mechanisms, whose non-base64 data stays a syntax error.
   */
  private checkClearCredentials(mechanism: string, data: string, offset: number, index: number, challenge?: Reply): boolean {
    const mech = mechanism.toUpperCase();
    const flag = (msg: string): void => this.report('credentials-exposed', offset, data.length, msg, { mechanism: mech, plaintext: true });
    if (mech === 'PLAIN') {
      // authzid NUL authcid NUL passwd (RFC 4616 §2), each NUL shown as a backslash and 0 or as it is.
      const parts = data.split(/\\0|\u0000/);
      if (parts.length < 3) return false;
      const user = parts[1];
      const pass = parts.slice(2).join('');
      if (isPlaceholder(pass) || pass === '') {
        if (user && !isPlaceholder(user)) flag(M.credentialsClearUser());
      } else flag(M.credentialsClearPlain());
      return true;
    }
    if (mech === 'LOGIN') {
      const text = challenge?.lines[0]?.text.trim() ?? '';
      const prompt = (isBase64(text) ? Buffer.from(text, 'base64').toString('utf8') : text).toLowerCase();
      const what = prompt.startsWith('pass') || (!prompt.startsWith('user') && index > 0) ? 'credential-password' : 'credential-user';
      flag(M.credentialsClearLogin([what]));
      return true;
    }
    return false;
  }

  /** Ends the open DATA body without its `.` line. */
  private abandonBlock(): void {
    if (!this.block) return;
    const b = this.block;
    this.block = undefined;
    b.terminated = false;
    this.report('data-not-terminated', ...this.verbRange(b.command), M.dataNotTerminated());
    this.checkEightBit(b, this.blockTx);
    // The server's next reply answers the body as if the `.` had been sent.
    const last = b.lineCount > 0 ? this.table.line(b.lineNumber(b.lineCount - 1)) : b.command.line;
    const end = newCommand('data-end', last, '.', last.contentOffset, 0, undefined, true);
    if (this.blockTx) {
      this.blockTx.end = end;
      this.txOf.set(end, this.blockTx);
    }
    this.pending.push(end);
    this.closeTx();
  }

  private dispatch(reply: Reply): void {
    this.session.replies.push(reply);
    const first = reply.lines[0];
    if (!this.greetingDone) {
      this.greetingDone = true;
      this.session.greeting = reply;
      if (!GREETING_REPLIES.includes(reply.code)) {
        this.report('missing-greeting', first.codeOffset, 3, M.greetingCode(reply.code));
        // Not a greeting: the log starts inside a session whose state cannot be known, so it is assumed permissive.
        this.fragment = true;
        this.txUnknown = true;
      }
      // Only 421 closes the session (RFC 5321 §3.8); after a 554 refusal the client may still QUIT.
      if (reply.code === 421) this.closedBy = 421;
      return;
    }
    const cmd = this.pending.shift();
    if (!cmd) {
      if (this.serverOnly) {
        // The client side is hidden: every reply answers a command the log does not show.
        if (reply.code === 221 || reply.code === 421) this.closedBy = reply.code;
        return;
      }
      this.report('reply-without-command', first.codeOffset, 3, this.pipeliningBroken ? M.replyWithoutCommandNoPipelining() : M.replyWithoutCommand());
      return;
    }
    reply.command = cmd;
    const t = this.txOf.get(cmd);
    this.touch(t, first.line);
    const klass = Math.floor(reply.code / 100);

    // Intermediate replies keep the command waiting.
    if (cmd.verb === 'AUTH' && reply.code === 334 && this.auth && this.auth.command === cmd) {
      addIntermediate(cmd, reply);
      this.auth.challenges.push(reply);
      this.authAwaiting = true;
      this.pending.unshift(cmd);
      return;
    }
    if (cmd.verb === 'DATA' && cmd.kind === 'command' && reply.code === 354) {
      addIntermediate(cmd, reply);
      this.block = new Block(this.table, cmd, true);
      this.blockTx = t;
      if (t) t.block = this.block;
      this.session.dataBlocks.push(this.block);
      return;
    }
    if (cmd.kind === 'data-end' && t && this.prdr.take(t, cmd, reply)) {
      // PRDR: the 353, then one reply per accepted recipient; the final reply is still due.
      if (reply.code === PRDR_INTERMEDIATE) addIntermediate(cmd, reply);
      this.pending.unshift(cmd);
      return;
    }
    cmd.reply = reply;

    const expected = cmd.kind === 'data-end' ? DATA_END_REPLIES : COMMANDS[cmd.verb]?.replies;
    if (expected && !expected.includes(reply.code) && !ALWAYS_ACCEPTED.has(reply.code)) {
      this.report('reply-unexpected', first.codeOffset, 3, M.replyUnexpected(reply.code, cmd.kind === 'data-end' ? 'the end of the message' : cmd.verb, expected));
    }
    // RFC 2034 §4: enhanced codes in 2xx/4xx/5xx replies except the greeting and HELO/EHLO.
    if (this.extensions?.has('ENHANCEDSTATUSCODES') && klass !== 3 && cmd.verb !== 'EHLO' && cmd.verb !== 'HELO' && cmd.verb !== 'LHLO') {
      if (!first.enhanced) {
        const like = ENHANCED_LIKE.exec(first.text);
        this.report('enhanced-status-syntax', first.textOffset, like ? like[0].length : Math.max(1, Math.min(first.text.length, first.text.indexOf(' ') < 0 ? first.text.length : first.text.indexOf(' '))), like ? M.enhancedSyntax() : M.enhancedMissing());
      }
    }
    for (const l of reply.lines) {
      if (l.enhanced && l.enhanced.code[0] !== String(reply.code)[0]) {
        this.report('enhanced-status-syntax', l.enhanced.offset, l.enhanced.length, M.enhancedClassMismatch(l.enhanced.code, reply.code));
        break;
      }
    }

    if (reply.code === 421) this.closedBy = 421;
    switch (cmd.verb) {
      case 'EHLO':
      case 'LHLO':
        if (klass === 2) {
          this.hello = 'ehlo';
          const exts: Extension[] = [];
          this.extensions = new Set();
          for (let k = 1; k < reply.lines.length; k++) {
            const l = reply.lines[k];
            const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:[ =](.*))?$/.exec(l.text.trim());
            if (!m) continue;
            const keyword = m[1].toUpperCase();
            const lead = l.text.length - l.text.trimStart().length;
            exts.push({ keyword, params: m[2] ?? '', offset: l.textOffset + lead, length: m[1].length });
            this.extensions.add(keyword);
          }
          this.session.hellos.push({ command: cmd, extensions: exts });
        }
        break;
      case 'HELO':
        if (klass === 2) {
          this.hello = 'helo';
          this.extensions = new Set();
          this.session.hellos.push({ command: cmd, extensions: [] });
        }
        break;
      case 'MAIL':
        if (klass !== 2 && t && this.tx === t) this.closeTx();
        break;
      case 'DATA':
        // DATA refused: the transaction is over (RFC 5321 §3.3: 503/554 when no valid recipient).
        if (t && this.tx === t) this.closeTx();
        break;
      case 'STARTTLS':
        if (reply.code === 220) {
          this.tlsActive = true;
          this.needsEhlo = true;
          this.extensions = new Set();
          this.hello = 'none';
          this.authenticated = false;
          this.closeTx();
        }
        break;
      case 'AUTH':
        if (this.auth && this.auth.command === cmd) {
          this.auth.result = reply;
          this.authAwaiting = false;
          this.auth = undefined;
        }
        if (reply.code === 235) this.authenticated = true;
        break;
      case 'QUIT':
        if (reply.code === 221) this.closedBy = 221;
        break;
    }
  }

  private parseReplyLine(line: TranscriptLine): ReplyLine | undefined {
    // Read by offset in `text`: a reply line makes no copy of its content, only of its text.
    const co = line.contentOffset;
    const len = line.end - co;
    if (len < 3 || !isReplyCode(this.text.charCodeAt(co), this.text.charCodeAt(co + 1), this.text.charCodeAt(co + 2))) {
      const s = line.content;
      if (isPseudoLine(s.trim())) this.report('reply-code-invalid', co, s.trimEnd().length, M.pseudoLine('S'), { annotate: true });
      else this.report('reply-code-invalid', co, Math.max(1, Math.min(3, len)), M.replyCodeInvalid());
      return undefined;
    }
    const c3 = len > 3 ? this.text.charCodeAt(co + 3) : -1;
    if (c3 !== -1 && c3 !== 32 && c3 !== 45) {
      this.report('reply-code-invalid', co, 4, M.replySeparator());
      return undefined;
    }
    const sep = c3 === 45 ? '-' : c3 === 32 ? ' ' : '';
    const textStr = len > 4 ? this.text.slice(co + 4, line.end) : '';
    const textOffset = co + Math.min(4, len);
    const enhancedLength = len > 4 ? enhancedCodeLength(this.text, co + 4, line.end) : 0;
    const enhanced = enhancedLength > 0 ? { code: enhancedCodeText(this.text, co + 4, enhancedLength), offset: textOffset, length: enhancedLength } : undefined;
    return { line, code: replyCodeText(this.text, co), codeOffset: co, separator: sep, text: textStr, textOffset, enhanced };
  }

  private finishOpenReply(reason: 'client' | 'eof'): void {
    if (!this.openReply) return;
    const rl = this.openReply.lines;
    this.openReply = undefined;
    const lastLine = rl[rl.length - 1];
    void reason;
    this.report('multiline-reply', lastLine.codeOffset, 4, M.multilineNotEnded(rl[0].code));
    this.dispatch(this.makeReply(rl));
  }

  private makeReply(rl: ReplyLine[]): Reply {
    return {
      lines: rl,
      code: Number(rl[0].code),
      // Most replies are one line: its text is the reply's text, no array or join needed.
      text: rl.length === 1 ? rl[0].text : rl.map((l) => l.text).join('\n'),
      command: undefined, // set by dispatch; listed here so the object is made with room for it
      offset: rl[0].line.offset,
      end: rl[rl.length - 1].line.end,
    };
  }

  /** Ends the open DATA body at its `.` line. */
  private endBlock(line: TranscriptLine): void {
    const b = this.block!;
    b.endLine = line;
    b.terminated = true;
    this.block = undefined;
    const end = newCommand('data-end', line, '.', line.contentOffset, 1, undefined, true);
    this.session.commands.push(end);
    if (this.blockTx) {
      this.blockTx.end = end;
      this.txOf.set(end, this.blockTx);
      this.touch(this.blockTx, line);
    }
    // Elided only when the log recorded no line of the body, just annotations.
    if (b.lineCount > 0) b.elided = false;
    this.checkEightBit(b, this.blockTx);
    this.pending.push(end);
    this.closeTx();
    this.txUnknown = false;
  }

  /**
   * Adds client line `k` to the open DATA body (or ends it at a `.`). Read by
   * offset: a body line gets no object and its text is not copied here.
   */
  private addDataLine(k: number): void {
    const b = this.block!;
    const co = this.table.contentOffsets[k];
    const end = this.table.ends[k];
    if (b.stuffed && end - co === 1 && this.text.charCodeAt(co) === 46) {
      this.endBlock(this.table.line(k));
      return;
    }
    b.add(k);
    const octets = octetsIn(this.text, co, end) + 2;
    b.octets += octets;
    if (b.eightBitOffset < 0 && octets - 2 !== end - co) {
      let i = co;
      while (i < end && this.text.charCodeAt(i) < 128) i++;
      b.eightBitOffset = i;
    }
    if (octets > 1000) this.report('text-line-too-long', co + 998, end - co - 998, M.textLineTooLong(octets));
    this.touchEnd(this.blockTx, end);
  }

  /**
   * True when the replies after client line `k` are fewer than the commands
   * waiting for one (see ./partial.ts); the answer is kept for the rest of the
   * run of client lines, so a long pipelined run is looked at once.
   */
  private replyLost(k: number): boolean {
    if (k < this.lostUntil) return this.lost;
    const ahead = lookAhead(this.table, k);
    this.lostUntil = ahead.until;
    this.lost = ahead.replies < this.pending.length + 1 + ahead.commands;
    return this.lost;
  }

  /**
   * A command whose reply the log does not show: what its success would change
   * (an unknown EHLO reply leaves the extensions unknown, so later checks that
   * depend on them stay quiet).
   */
  private assumeAnswered(cmd: Command): void {
    switch (cmd.verb) {
      case 'EHLO':
      case 'LHLO':
        this.hello = 'ehlo';
        this.extensions = undefined;
        break;
      case 'HELO':
        this.hello = 'helo';
        this.extensions = undefined;
        break;
      case 'AUTH':
        if (this.auth?.command === cmd) {
          this.auth = undefined;
          this.authAwaiting = false;
        }
        break;
    }
  }

  /** A command that takes no argument got one (RFC 5321 §4.1.1: DATA, RSET, QUIT, STARTTLS). */
  private noArguments(verb: string, argument: ArgumentSpan | undefined): void {
    if (argument && argument.text.trim() !== '') this.report('command-syntax', argument.offset, argument.text.length, M.noArguments(verb));
  }

  private handleCommand(line: TranscriptLine): void {
    const s = line.content;
    // Verb: up to the first space.
    let v = 0;
    while (v < s.length && s.charCodeAt(v) !== 32 && s.charCodeAt(v) !== 9) v++;
    // A known verb is found by its letters; the catalogue's string is the verb,
    // so the session keeps one `RCPT` rather than one per command.
    const known = knownVerb(s, v);
    const verb = known ? known.verb : s.slice(0, v).toUpperCase();
    const info = known ?? COMMANDS[verb];
    const hasArg = v < s.length;
    // Sliced from the transcript, not from `s`: a slice of `s` would keep this line's copy alive with the session.
    const argument: ArgumentSpan | undefined = hasArg ? { text: this.text.slice(line.contentOffset + v + 1, line.end), offset: line.contentOffset + v + 1 } : undefined;
    const cmd = newCommand('command', line, verb, line.contentOffset, v, argument, !!info);
    const octets = octetsOf(s) + 2;
    if (octets > 512) this.report('command-too-long', line.contentOffset + 510, Math.max(1, s.length - 510), M.commandTooLong(octets));

    if (!info) {
      if (s.trim() === '') {
        this.report('unknown-command', line.prefixOffset, Math.max(1, line.prefixLength), M.emptyCommand());
        return;
      }
      if (isPseudoLine(s.trim())) {
        this.report('unknown-command', line.contentOffset, s.trimEnd().length, M.pseudoLine('C'), { annotate: true });
        return; // not protocol: no reply expected
      }
      this.report('unknown-command', line.contentOffset, Math.max(1, v), M.unknownCommand(s.slice(0, v) || s));
    }
    this.session.commands.push(cmd);
    // The verb's range for reports (two numbers, not an array made for every command).
    const at = cmd.verbOffset;
    const atLength = Math.max(1, cmd.verbLength);
    if (hasArg && s.charCodeAt(v) === 9) this.report('command-syntax', line.contentOffset + v, 1, M.verbSeparator(verb));

    // ---- pipelining (RFC 2920) ----
    if (this.pending.length > 0) {
      if (this.clientOnly) {
        // No reply is shown at all: each command is taken as answered with success.
        for (const p of this.pending.drain()) this.assumeAnswered(p);
      } else if (this.extensions && !this.extensions.has('PIPELINING')) {
        for (const p of this.pending.drain()) {
          this.assumeAnswered(p);
          if (p.kind === 'data-end' && p.verbLength === 0) continue;
          this.report('missing-reply', ...this.verbRange(p), M.missingReplyNoPipelining(p.verb === '.' ? 'The end of the message' : p.verb));
        }
        this.pipeliningBroken = true;
      } else {
        const ender = this.pending.firstGroupEnder();
        if (ender && this.replyLost(line.index)) {
          // Fewer replies follow than commands wait: the log lost the reply to the group's end, not
          // pipelined past it. One missing-reply, and the command is taken as answered with success.
          this.pending.remove(ender);
          this.assumeAnswered(ender);
          this.report('missing-reply', ...this.verbRange(ender), M.missingReply(ender.verb === '.' ? 'The end of the message' : ender.verb));
        } else if (ender) this.report('out-of-sequence', at, atLength, M.afterGroupEnder(verb, ender.verb));
      }
    }

    // ---- sequence (RFC 5321 §4.1.4) ----
    const anywhere = verb === 'RSET' || verb === 'NOOP' || verb === 'HELP' || verb === 'VRFY' || verb === 'EXPN' || verb === 'EHLO' || verb === 'HELO' || verb === 'LHLO';
    if (this.quitSent) this.report('out-of-sequence', at, atLength, M.afterQuit());
    else if (this.closedBy !== undefined && this.closedBy !== 554) this.report('out-of-sequence', at, atLength, M.afterClosingReply(this.closedBy));
    else if (this.needsEhlo && verb !== 'EHLO' && verb !== 'LHLO' && verb !== 'QUIT') this.report('out-of-sequence', at, atLength, M.afterStarttls(verb));
    else if (!anywhere && info) {
      // A HELO/EHLO still waiting for its reply counts as answered (the client side is followed optimistically).
      const greeted = this.hello !== 'none' || this.fragment || this.pending.has((c) => c.verb === 'EHLO' || c.verb === 'HELO' || c.verb === 'LHLO');
      switch (verb) {
        case 'MAIL':
          if (!greeted) this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
          else if (this.tx && !this.txUnknown) this.report('out-of-sequence', at, atLength, M.nestedMail());
          break;
        case 'RCPT':
          if (!greeted) this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
          else if (!this.tx && !this.txUnknown) this.report('out-of-sequence', at, atLength, M.rcptBeforeMail());
          break;
        case 'DATA':
        case 'BDAT': {
          if (!greeted) this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
          else if (!this.txUnknown) {
            const ok = this.tx && this.tx.rcpts.some((r) => !r.reply || Math.floor(r.reply.code / 100) === 2);
            if (!ok && !(verb === 'BDAT' && this.tx?.block && !this.tx.block.terminated)) this.report('out-of-sequence', at, atLength, M.dataBeforeRcpt(verb));
          }
          break;
        }
        case 'STARTTLS':
          if (this.tlsActive) this.report('out-of-sequence', at, atLength, M.starttlsTwice());
          else if (!greeted) this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
          break;
        case 'AUTH':
          if (this.authenticated) this.report('out-of-sequence', at, atLength, M.authTwice());
          else if (this.hello === 'helo') this.report('out-of-sequence', at, atLength, M.authNeedsEhlo());
          else if (!greeted) this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
          else if (this.tx && !this.txUnknown) this.report('out-of-sequence', at, atLength, M.authInTransaction());
          break;
        case 'QUIT':
          break;
        default:
          if (!greeted && verb !== 'QUIT') this.report('out-of-sequence', at, atLength, M.beforeHello(verb));
      }
    }

    // ---- syntax and effects ----
    this.pending.push(cmd);
    switch (verb) {
      case 'EHLO':
      case 'HELO':
      case 'LHLO':
        checkHelloArgument(verb, argument, line.contentOffset, s.length, this.scratch);
        this.keepScratch();
        if (this.tx && !this.tx.end) this.tx.reset = cmd;
        this.closeTx();
        this.fragment = false;
        this.txUnknown = false;
        this.needsEhlo = false;
        break;
      case 'MAIL': {
        const t = this.openTx(cmd, line);
        this.txUnknown = false;
        this.txOf.set(cmd, t);
        if (!argument) this.report('command-syntax', at, atLength, M.pathPrefix('MAIL', 'FROM:'));
        else setAddress(cmd, checkPathCommand('MAIL', argument, this.extensions, this.scratch));
        this.keepScratch();
        this.checkUtf8Address(cmd, cmd);
        break;
      }
      case 'RCPT': {
        const t = this.tx ?? (this.txUnknown ? this.openTx(undefined, line) : undefined);
        if (t) {
          t.rcpts.push(cmd);
          this.txOf.set(cmd, t);
          this.touch(t, line);
        }
        if (!argument) this.report('command-syntax', at, atLength, M.pathPrefix('RCPT', 'TO:'));
        else setAddress(cmd, checkPathCommand('RCPT', argument, this.extensions, this.scratch));
        this.keepScratch();
        this.checkUtf8Address(cmd, t?.mail);
        break;
      }
      case 'DATA': {
        this.noArguments(verb, argument);
        const t = this.tx ?? (this.txUnknown ? this.openTx(undefined, line) : undefined);
        if (t) {
          t.data = cmd;
          this.txOf.set(cmd, t);
          this.touch(t, line);
        }
        this.lastWasUnansweredData = cmd;
        break;
      }
      case 'BDAT': {
        const m = argument ? /^(\d{1,20})(?: +(LAST))?\s*$/i.exec(argument.text) : null;
        if (!m) this.report('command-syntax', argument?.offset ?? at, argument ? argument.text.length : atLength, M.bdatSize());
        const t = this.tx ?? (this.txUnknown ? this.openTx(undefined, line) : undefined);
        if (t) {
          this.txOf.set(cmd, t);
          t.data ??= cmd;
          if (!t.block) {
            t.block = new Block(this.table, cmd, false);
            this.session.dataBlocks.push(t.block);
          }
          this.touch(t, line);
          if (m?.[2]) {
            t.block.terminated = true;
            t.end = cmd;
          }
        }
        this.bdatRemaining = m ? Number(m[1]) : 0;
        this.bdatConsumed = 0;
        this.bdatCommand = cmd;
        this.blockTx = t;
        if (m?.[2]) {
          this.closeTx();
          this.txUnknown = false;
        }
        break;
      }
      case 'RSET':
        this.noArguments(verb, argument);
        if (this.tx && !this.tx.end) this.tx.reset = cmd;
        this.closeTx();
        this.txUnknown = false;
        break;
      case 'QUIT':
        this.noArguments(verb, argument);
        this.quitSent = true;
        this.session.quit = cmd;
        break;
      case 'STARTTLS':
        this.noArguments(verb, argument);
        this.session.starttls.push(cmd);
        break;
      case 'VRFY':
      case 'EXPN':
        if (!argument || argument.text.trim() === '') this.report('command-syntax', at, atLength, M.missingArgument(verb, ['expect-user-or-mailbox']));
        break;
      case 'ETRN':
        if (!argument || argument.text.trim() === '') this.report('command-syntax', at, atLength, M.missingArgument(verb, ['expect-domain-or-queue']));
        break;
      case 'AUTH': {
        const parts = argument ? argument.text.split(' ') : [];
        const mech = parts[0] ?? '';
        this.auth = { command: cmd, mechanism: mech.toUpperCase(), challenges: [], responses: [] };
        this.session.auths.push(this.auth);
        // Without replies in the log, the client lines up to the next command are the responses.
        this.authAwaiting = this.clientOnly;
        if (!/^[A-Za-z0-9_-]{1,20}$/.test(mech)) {
          this.report('command-syntax', argument ? argument.offset : at, argument ? Math.max(1, mech.length) : atLength, M.authMechanism());
        } else if (parts.length > 1) {
          const ir = parts.slice(1).join(' ');
          const irOffset = argument!.offset + mech.length + 1;
          if (ir !== '=' && !isBase64(ir) && !isPlaceholder(ir)) {
            if (!this.checkClearCredentials(mech, ir, irOffset, 0)) this.report('command-syntax', irOffset, ir.length, M.authInitialResponse());
          } else this.checkCredentials(mech, ir, irOffset, 0);
        }
        break;
      }
    }
  }

  /**
   * A `# bare LF` annotation in a DATA body (written by a server that recorded
   * the session: the `C:` line above ended with LF alone on the wire, or, as
   * `# bare LF: ...`, a summary for lines not shown) is reported: RFC 5321
   * §2.3.8 ends every line with CRLF, and servers that read a bare LF as a line
   * end differ from those that do not (the "SMTP smuggling" attacks).
   */
  private reportBareLf(k: number): boolean {
    let start = this.table.contentOffsets[k];
    const end = this.table.ends[k];
    while (start < end && this.text.charCodeAt(start) === 32) start++;
    if (end - start < 7 || !/^bare LF(?::|$)/i.test(this.text.slice(start, Math.min(end, start + 8)).trimEnd())) return false;
    this.report('bare-lf', start, 7, M.bareLf());
    return true;
  }

  /** True when the last client line was a DATA whose reply has not come. */
  private unansweredData(): boolean {
    return this.lastWasUnansweredData !== undefined && this.pending.last() === this.lastWasUnansweredData;
  }

  /** Opens the body of a DATA whose 354 the log does not show. */
  private openUnansweredBody(): void {
    const cmd = this.lastWasUnansweredData!;
    this.lastWasUnansweredData = undefined;
    this.pending.pop();
    if (!this.clientOnly) this.report('missing-reply', ...this.verbRange(cmd), M.missing354());
    const t = this.txOf.get(cmd);
    this.block = new Block(this.table, cmd, true);
    this.blockTx = t;
    if (t) t.block = this.block;
    this.session.dataBlocks.push(this.block);
  }

  /** True when client line `k` starts with a verb of the catalogue. */
  private isCommandLine(k: number): boolean {
    const co = this.table.contentOffsets[k];
    let v = co;
    const end = this.table.ends[k];
    while (v < end && this.text.charCodeAt(v) !== 32) v++;
    return knownVerb(this.text.slice(co, v), v - co) !== undefined;
  }

  /** Reads every line of the table in order, then reports what the end of input leaves open. */
  run(): TranscriptSession {
    for (let k = 0; k < this.table.count; k++) {
      const kind = this.table.kindCode(k);
      if (kind === LINE_KINDS.blank || kind === LINE_KINDS.annotation) {
        // nodemailer: the body of DATA is logged at DEBUG level without C:, and
        // `<N bytes encoded mime message ...>` ends it (with or without a `.` line).
        if (this.block && this.table.isMaybeData(k)) {
          if (this.openReply) this.finishOpenReply('client');
          this.addDataLine(k);
        } else if (this.table.isElidedData(k) && (this.block || this.unansweredData())) {
          // (swaks --suppress-data without the 354 shown: the summary opens the body it stands for.)
          if (!this.block) this.openUnansweredBody();
          if (this.block!.lineCount === 0) this.block!.elided = true;
          // The summary line stands for the `.` (the body is always a dot-stuffed DATA one here).
          this.endBlock(lineWithContent(this.table.line(k), '.'));
        } else if (this.block && kind === LINE_KINDS.annotation && this.session.dialect === 'canonical' && this.reportBareLf(k)) {
          // A fact about the wire the C: lines cannot show; see reportBareLf.
        } else if (this.block && kind === LINE_KINDS.annotation && this.session.dialect === 'canonical' && this.block.lineCount === 0) {
          this.block.elided = true;
        }
        continue;
      }
      if (kind === LINE_KINDS.invalid) {
        const trimmed = this.text.slice(this.table.offsets[k], this.table.ends[k]).trimEnd().length;
        this.report('line-prefix', this.table.offsets[k], Math.max(1, trimmed), M.linePrefix(), { annotate: true });
        continue;
      }
      if (!this.started) {
        this.started = true;
        if (kind === LINE_KINDS.client) {
          this.greetingDone = true;
          this.fragment = true;
          this.txUnknown = true;
          if (!this.clientOnly) this.report('missing-greeting', this.table.offsets[k], Math.max(1, this.table.ends[k] - this.table.offsets[k]), M.missingGreetingFragment());
        }
      }
      if (kind === LINE_KINDS.server) {
        if (this.block) this.abandonBlock();
        if (this.bdatCommand && this.bdatRemaining > 0) {
          this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, M.bdatMismatch(this.bdatRemaining + this.bdatConsumed, this.bdatConsumed));
          this.bdatRemaining = 0;
          this.bdatCommand = undefined;
        }
        this.lastWasUnansweredData = undefined;
        this.lastProtocol = k;
        const rl = this.parseReplyLine(this.table.line(k));
        if (!rl) continue;
        if (this.openReply) {
          const firstCode = this.openReply.lines[0].code;
          if (rl.code !== firstCode) this.report('multiline-reply', rl.codeOffset, 3, M.multilineCodeDiffers(firstCode, rl.code));
          this.openReply.lines.push(rl);
          if (rl.separator !== '-') {
            const all = this.openReply.lines;
            this.openReply = undefined;
            this.dispatch(this.makeReply(all));
          }
        } else if (rl.separator === '-') {
          this.openReply = { lines: [rl] };
        } else {
          this.dispatch(this.makeReply([rl]));
        }
        continue;
      }
      // client
      if (this.openReply) this.finishOpenReply('client');
      this.lastProtocol = k;
      if (this.block) {
        this.addDataLine(k);
        continue;
      }
      if (this.bdatCommand && this.bdatRemaining > 0) {
        const end = this.table.ends[k];
        const o = octetsIn(this.text, this.table.contentOffsets[k], end) + 2;
        this.bdatRemaining -= o;
        this.bdatConsumed += o;
        const b = this.blockTx?.block as Block | undefined;
        if (b) {
          b.add(k);
          b.octets += o;
        }
        this.touchEnd(this.blockTx, end);
        if (this.bdatRemaining <= 0) {
          if (this.bdatRemaining < 0) {
            this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, M.bdatMismatch(this.bdatConsumed + this.bdatRemaining, this.bdatConsumed));
          }
          this.bdatRemaining = 0;
          this.bdatCommand = undefined;
        }
        continue;
      }
      const line = this.table.line(k);
      if (this.authAwaiting && this.auth && this.clientOnly && this.isCommandLine(k)) {
        // Without the server's 334s, the responses end where a command starts.
        this.authAwaiting = false;
      }
      if (this.authAwaiting && this.auth) {
        this.authAwaiting = this.clientOnly;
        this.auth.responses.push(line);
        this.touch(undefined, line);
        const data = line.content.trim();
        const dataOffset = line.contentOffset + (line.content.length - line.content.trimStart().length);
        const challenge = this.auth.challenges[this.auth.challenges.length - 1];
        if (data !== '*' && !isBase64(data) && !isPlaceholder(data)) {
          if (!this.checkClearCredentials(this.auth.mechanism, data, dataOffset, this.auth.responses.length - 1, challenge)) {
            this.report('command-syntax', line.contentOffset, Math.max(1, line.content.length), M.authResponse());
          }
        } else {
          this.checkCredentials(this.auth.mechanism, data, dataOffset, this.auth.responses.length - 1, challenge);
        }
        continue;
      }
      if (this.unansweredData()) {
        // `C: DATA` directly followed by client lines: the 354 is missing from the
        // transcript; read the lines as the body rather than as commands.
        this.openUnansweredBody();
        this.addDataLine(k);
        continue;
      }
      this.lastWasUnansweredData = undefined;
      this.handleCommand(line);
    }
    // ---- end of input ----
    if (this.openReply) this.finishOpenReply('eof');
    if (this.block) {
      const b = this.block;
      this.block = undefined;
      this.report('data-not-terminated', ...this.verbRange(b.command), M.dataNotTerminated());
    }
    if (this.bdatCommand && this.bdatRemaining > 0) {
      this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, M.bdatMismatch(this.bdatRemaining + this.bdatConsumed, this.bdatConsumed));
    }
    for (const p of this.pending.drain()) {
      if ((p.kind === 'data-end' && p.verbLength === 0) || this.clientOnly) continue;
      this.report('missing-reply', ...this.verbRange(p), M.missingReply(p.verb === '.' ? 'The end of the message' : p.verb));
    }
    if (!this.quitSent && this.closedBy === undefined && this.lastProtocol >= 0) {
      const l = this.table.line(this.lastProtocol);
      const [at, len] = l.end > l.contentOffset ? [l.contentOffset, l.end - l.contentOffset] : [l.offset, l.end - l.offset];
      this.report('missing-quit', at, len, M.missingQuit());
    }
    return this.session;
  }
}

/** The result of a transaction, for outline, code lens and inlay hints. */
export interface TransactionOutcome {
  readonly kind: 'delivered' | 'rejected' | 'reset' | 'unfinished' | 'no-reply';
  readonly text: string;
  /** Where to show it: the end of the transaction's last line. */
  readonly offset: number;
  readonly accepted: number;
  readonly total: number;
}

const replyText = (r: Reply): string => {
  const t = `${r.code} ${r.lines[r.lines.length - 1].text}`.trim();
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
};

/** One line per PRDR recipient: "PRDR: <a@example.com> answered 550 5.7.1 ...", at the RCPT line. */
export function recipientOutcomes(t: Transaction): Array<{ rcpt: Command; text: string; accepted: boolean }> {
  return (t.prdr ?? []).map((o) => ({
    rcpt: o.rcpt,
    text: M.outcomeRecipient(o.rcpt.address !== undefined ? `<${o.rcpt.address}>` : (o.rcpt.argument?.text ?? ''), replyText(o.reply)),
    accepted: Math.floor(o.reply.code / 100) === 2,
  }));
}

/** Summarises a transaction: "delivered to 2 of 3 recipients", "rejected at DATA: 552 ...". */
export function transactionOutcome(t: Transaction): TransactionOutcome {
  const total = t.rcpts.length;
  // With PRDR a recipient accepted at RCPT may still refuse the message: its own reply decides.
  const prdr = t.prdr && t.prdr.length > 0 && t.end?.reply ? new Map(t.prdr.map((o) => [o.rcpt, o.reply])) : undefined;
  const accepted = t.rcpts.filter((r) => {
    const reply = prdr?.get(r) ?? r.reply;
    return reply && Math.floor(reply.code / 100) === 2;
  }).length;
  const base = { offset: t.end_, accepted, total };
  if (t.mail?.reply && Math.floor(t.mail.reply.code / 100) !== 2) return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('MAIL', replyText(t.mail.reply)) };
  if (t.data?.reply && t.data.verb === 'DATA' && Math.floor(t.data.reply.code / 100) !== 2) {
    return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('DATA', replyText(t.data.reply)) };
  }
  if (t.end?.reply) {
    if (Math.floor(t.end.reply.code / 100) === 2) return { ...base, kind: 'delivered', text: M.outcomeDelivered(accepted, total, replyText(t.end.reply)) };
    return { ...base, kind: 'rejected', text: M.outcomeRejectedAt('end of data', replyText(t.end.reply)) };
  }
  if (t.end) return { ...base, kind: 'no-reply', text: M.outcomeNoReply() };
  if (total > 0 && t.rcpts.every((r) => r.reply) && accepted === 0) return { ...base, kind: 'rejected', text: M.outcomeNoRecipients(total) };
  if (t.reset) return { ...base, kind: 'reset', text: M.outcomeReset() };
  return { ...base, kind: 'unfinished', text: M.outcomeUnfinished() };
}

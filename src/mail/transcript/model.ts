/**
 * The session model a transcript is read into: commands with their replies,
 * transactions, DATA blocks, AUTH exchanges and EHLO extensions. Objects are
 * made with every field present, so that V8 gives each one its final shape.
 */
import type { Problem } from '../codes';
import type { Dialect, LineTable, TranscriptLine } from './lines';
import type { RecipientOutcome } from './prdr';
import type { ArgumentSpan } from './syntax';

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
  /**
   * The transaction of a command still waiting for its final reply, for the
   * parser; undefined once answered. A field rather than a map from commands:
   * a map that every command enters and leaves rehashed itself all the time.
   */
  waitingIn?: Transaction;
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

/**
 * A command with every optional field present (undefined until known): V8
 * makes an object literal with room for exactly its own fields, so setting
 * `reply` or `address` later would allocate a second, out-of-object store for
 * each of a transcript's thousands of commands.
 */
export function newCommand(kind: Command['kind'], line: TranscriptLine, verb: string, verbOffset: number, verbLength: number, argument: ArgumentSpan | undefined, known: boolean): Command {
  return { kind, line, verb, verbOffset, verbLength, argument, reply: undefined, intermediate: NO_REPLIES, address: undefined, addressOffset: undefined, known, waitingIn: undefined };
}

/**
 * The `intermediate` of a command that has had none: one shared, frozen empty
 * array instead of one per command (most never get a 334 or 354);
 * `addIntermediate` gives the command its own array on the first one.
 */
export const NO_REPLIES: Reply[] = Object.freeze([]) as unknown as Reply[];
export function addIntermediate(cmd: Command, reply: Reply): void {
  if (cmd.intermediate === NO_REPLIES) (cmd as { intermediate: Reply[] }).intermediate = [reply];
  else cmd.intermediate.push(reply);
}

/**
 * The `rcpts` of a transaction that has had none: one shared, frozen empty
 * array, as NO_REPLIES is for `intermediate`; `addRecipient` gives the
 * transaction its own array, of the size of one, on the first RCPT (an empty
 * array that is pushed to takes room for seventeen).
 */
export const NO_COMMANDS: Command[] = Object.freeze([]) as unknown as Command[];
export function addRecipient(t: Transaction, rcpt: Command): void {
  if (t.rcpts === NO_COMMANDS) (t as { rcpts: Command[] }).rcpts = [rcpt];
  else t.rcpts.push(rcpt);
}

/**
 * A stand-in for a reply of which only the code is read: validation (the
 * parser without its model) stores it as a command's reply, where the model
 * stores the whole reply, since its checks ask no more of a stored reply than
 * its code. One per code, shared; the shape of the parser's replies.
 */
export function codeOnlyReply(code: number): Reply {
  let reply = CODE_ONLY_REPLIES[code];
  if (!reply) reply = CODE_ONLY_REPLIES[code] = { lines: [], code, text: '', command: undefined, offset: 0, end: 0 };
  return reply;
}
const CODE_ONLY_REPLIES: Array<Reply | undefined> = [];

/**
 * True when MAIL FROM carries the SMTPUTF8 parameter (RFC 6531 §3.4): the
 * transaction may then use UTF-8 addresses and raw UTF-8 headers (RFC 6532).
 */
export function declaresSmtpUtf8(mail: Command | undefined): boolean {
  const text = mail?.argument?.text;
  // Asked of every MAIL: most have no `8` at all, found natively before the pattern is tried.
  return text !== undefined && text.includes('8') && /(^|\s)SMTPUTF8(\s|$)/i.test(text);
}

/**
 * Stores the address of MAIL or RCPT `cmd` whose path's `<` is at `open` in its
 * argument (as `checkPathCommand` returns it; nothing when -1). The address's
 * text only `withText`: validation of an ASCII transcript reads its offset only.
 */
export function setAddress(cmd: Command, open: number, withText: boolean): void {
  const argument = cmd.argument;
  if (open < 0 || !argument) return;
  cmd.addressOffset = argument.offset + open + 1;
  if (withText) cmd.address = argument.text.slice(open + 1, argument.text.indexOf('>', open));
}

/** At most this many problems of one code per document (the catalogue's cap). */
export const MAX_PROBLEMS_PER_CODE = 100;

/**
 * A DATA block as the parser builds it: the body lines are kept as line numbers
 * into the session's `LineTable`, and `lines` makes their objects only when
 * someone asks (validation never does: `messageOfBlock` reads the table).
 */
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
  /** Adds lines `k .. k + n - 1` of the table to the body. */
  addRun(k: number, n: number): void {
    if (!this.#numbers && (this.#count === 0 || k === this.#first + this.#count)) {
      if (this.#count === 0) this.#first = k;
      this.#count += n;
      return;
    }
    for (let i = 0; i < n; i++) this.add(k + i);
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

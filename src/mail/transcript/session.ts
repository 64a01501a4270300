/**
 * The SMTP session state machine (RFC 5321 §4.1.4, §4.3.2) over the classified
 * lines of a transcript: replies matched to commands, DATA and BDAT bodies,
 * pipelining, and the checks every command shares; what each verb itself
 * checks and changes is its handler in ./verbs.ts.
 *
 * One pass over the lines, no recursion. The client side is followed
 * optimistically: a command whose reply has not arrived yet (pipelining) is
 * assumed to succeed, so sequence checks judge what the client could know when
 * it sent the command. Replies are matched to waiting commands first in, first out.
 */
import { problem, type Problem } from '../codes';
import { GREETING_REPLIES } from './catalog';
import { checkClearCredentials, checkCredentials } from './credentials';
import { ENHANCED_LIKE, KIND_CODE, enhancedCodeLength, enhancedCodeText, isPseudoLine, isReplyCode, lineWithContent, readLineTable, replyCodeText, type Dialect, type LineTable, type TranscriptLine } from './lines';
import { measureOctets } from '../octets';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from './messages';
import { addIntermediate, Block, codeOnlyReply, declaresSmtpUtf8, MAX_PROBLEMS_PER_CODE, newCommand, NO_COMMANDS, type AuthExchange, type Command, type Reply, type ReplyLine, type Transaction, type TranscriptSession } from './model';
import { countSides, lookAhead } from './partial';
import { PendingQueue } from './pending';
import { PRDR_INTERMEDIATE, PrdrReplies } from './prdr';
import { isBase64, isPlaceholder, type ArgumentSpan } from './syntax';
import { DATA_END_RULES, knownVerb, verbRules } from './verbs';

/** What `checkReplyLine` returns for a server line that is not a reply line. */
const NOT_A_REPLY = -2;

/** The reply code at `co` (three digits by `isReplyCode`) as a number. */
const replyCodeNumber = (text: string, co: number): number => (text.charCodeAt(co) - 48) * 100 + (text.charCodeAt(co + 1) - 48) * 10 + (text.charCodeAt(co + 2) - 48);
/** Where the text of the reply line whose content is `[co, end)` starts: after `NNN` and its separator. */
const replyTextOffset = (co: number, end: number): number => co + Math.min(4, end - co);
/** The text of that reply line. */
const replyTextOf = (text: string, co: number, end: number): string => (end - co > 4 ? text.slice(co + 4, end) : '');
/** Length of the RFC 3463 enhanced code that starts that reply line's text, 0 when none. */
const replyEnhancedLength = (text: string, co: number, end: number): number => (end - co > 4 ? enhancedCodeLength(text, co + 4, end) : 0);


/**
 * One parse of one transcript: the session state in fields, the steps as
 * methods. A class rather than functions nested in parseTranscript: nested
 * functions are new closures on every call, and V8 optimizes each closure
 * anew (six recompiles of 30-110 ms in the first validations of a 10,000-
 * command transcript); methods are compiled once and shared by every parse.
 */
export class TranscriptParser {
  readonly table: LineTable;
  readonly problems: Problem[];
  readonly session: TranscriptSession;
  /** The argument checks of ./syntax.ts write here; their problems are kept through `keep`. */
  readonly scratch: Problem[] = [];
  // ---- session state ----
  started = false; // a protocol line was seen
  greetingDone = false;
  fragment = false; // no greeting: state unknown until HELO/EHLO
  txUnknown = false;
  hello: 'none' | 'helo' | 'ehlo' = 'none';
  /** Extensions of the last successful EHLO; undefined while unknown (fragments). */
  extensions: Set<string> | undefined;
  pipeliningBroken = false;
  tlsActive = false;
  needsEhlo = false;
  authenticated = false;
  quitSent = false;
  closedBy: number | undefined;
  tx: Transaction | undefined;
  readonly pending = new PendingQueue();
  auth: AuthExchange | undefined;
  authAwaiting = false;
  block: Block | undefined;
  blockTx: Transaction | undefined;
  bdatRemaining = 0;
  bdatCommand: Command | undefined;
  bdatConsumed = 0;
  /** Line number of the last client or server line, -1 before the first. */
  lastProtocol = -1;
  lastWasUnansweredData: Command | undefined;
  openReply: { lines: ReplyLine[] } | undefined;
  /** The log shows only the client (swaks --hide-receive) or only the server (--hide-send): no reply is missing. */
  readonly clientOnly: boolean;
  readonly serverOnly: boolean;
  /** Whether client lines before line `lostUntil` follow a lost reply (see ./partial.ts). */
  lostUntil = -1;
  lost = false;
  readonly prdr = new PrdrReplies();

  /**
   * @param keepsModel false when only the problems are wanted (validation): the
   *   session then lists no commands, replies or transactions (only the DATA
   *   blocks, and the transactions the message checks read: those declaring
   *   SMTPUTF8), so each command and reply is garbage as soon as it is
   *   answered instead of living, with its line and texts, until the whole
   *   session is dropped. The checks read none of those lists.
   */
  constructor(
    readonly text: string,
    dialect: Dialect | undefined,
    readonly keepsModel = true,
    /** The texts of the call's locale bundle (../i18n.ts). */
    readonly messages: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES,
  ) {
    const table = (this.table = readLineTable(text, dialect));
    table.keepsLines = keepsModel;
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
  keep(p: Problem): void {
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

  report(code: Parameters<typeof problem>[0], offset: number, length: number, message: string, data?: Record<string, unknown>): void {
    this.keep(problem(code, offset, length, message, data ? { data } : undefined));
  }

  keepScratch(): void {
    // Most commands leave nothing here, and setting an array's length is a call into the runtime.
    if (this.scratch.length === 0) return;
    for (const p of this.scratch) this.keep(p);
    this.scratch.length = 0;
  }

  verbRange(cmd: Command): [number, number] {
    return [cmd.verbOffset, Math.max(1, cmd.verbLength)];
  }

  closeTx(): void {
    this.tx = undefined;
  }

  openTx(mail: Command | undefined, at: TranscriptLine): Transaction {
    // No object spread here or below: a spread of a conditional literal is a slow path per transaction.
    // Every field in the literal, so that setting one later does not grow the object.
    const t: Transaction = { mail, rcpts: NO_COMMANDS, data: undefined, block: undefined, end: undefined, reset: undefined, prdr: undefined, offset: at.offset, end_: at.end };
    if (this.keepsModel || declaresSmtpUtf8(mail)) this.session.transactions.push(t);
    this.tx = t;
    return t;
  }

  touch(t: Transaction | undefined, line: TranscriptLine): void {
    return this.touchEnd(t, line.end);
  }

  touchEnd(t: Transaction | undefined, end: number): void {
    if (t && end > t.end_) t.end_ = end;
  }

  /**
   * RFC 6152 §3: octets above 127 in DATA only after `MAIL FROM:<...> BODY=8BITMIME`
   * (or BINARYMIME, RFC 3030), to a server that advertised 8BITMIME. Once per
   * message, at its first such character. Unknown parts of a fragment (no MAIL,
   * no EHLO seen) are not held against it.
   */
  checkEightBit(b: Block, t: Transaction | undefined): void {
    if (b.eightBitOffset < 0 || !b.stuffed) return;
    const mail = t?.mail;
    if (this.extensions && !this.extensions.has('8BITMIME')) {
      this.report('eight-bit-without-8bitmime', b.eightBitOffset, 1, this.messages.eightBitNotOffered());
    } else if (mail && !/(^|\s)BODY=(8BITMIME|BINARYMIME)(\s|$)/i.test(mail.argument?.text ?? '')) {
      // Where ` BODY=8BITMIME` would go: the end of the MAIL FROM argument (the quick fix's place).
      const arg = mail.argument;
      this.report('eight-bit-without-8bitmime', b.eightBitOffset, 1, this.messages.eightBitUndeclared(), arg ? { declareAt: arg.offset + arg.text.trimEnd().length } : undefined);
    }
  }

  /**
   * Whether a MAIL or RCPT keeps its address's text: for the model, and for
   * the check below, which looks at it only in a transcript that is not ASCII.
   */
  needsAddressText(): boolean {
    return this.keepsModel || !this.table.isAscii();
  }

  /**
   * RFC 6531 §3.4: a non-ASCII address in MAIL FROM or RCPT TO only with the
   * SMTPUTF8 parameter on MAIL FROM, to a server that advertised SMTPUTF8.
   */
  checkUtf8Address(cmd: Command, mail: Command | undefined): void {
    const address = cmd.address;
    // An ASCII transcript (known for the whole text at once) has no non-ASCII address to look for.
    if (address === undefined || cmd.addressOffset === undefined || this.table.isAscii() || !/[^\x00-\x7f]/.test(address)) return;
    if (this.extensions && !this.extensions.has('SMTPUTF8')) {
      this.report('smtputf8-required', cmd.addressOffset, address.length, this.messages.utf8AddressNotOffered(cmd.verb));
    } else if (mail && !declaresSmtpUtf8(mail)) {
      this.report('smtputf8-required', cmd.addressOffset, address.length, this.messages.utf8AddressUndeclared(cmd.verb));
    }
  }

  /** Ends the open DATA body without its `.` line. */
  abandonBlock(): void {
    if (!this.block) return;
    const b = this.block;
    this.block = undefined;
    b.terminated = false;
    this.report('data-not-terminated', ...this.verbRange(b.command), this.messages.dataNotTerminated());
    this.checkEightBit(b, this.blockTx);
    // The server's next reply answers the body as if the `.` had been sent.
    const last = b.lineCount > 0 ? this.table.line(b.lineNumber(b.lineCount - 1)) : b.command.line;
    const end = newCommand('data-end', last, '.', last.contentOffset, 0, undefined, true);
    if (this.blockTx) {
      this.blockTx.end = end;
      end.waitingIn = this.blockTx;
    }
    this.pending.push(end, DATA_END_RULES);
    this.closeTx();
  }

  /**
   * Matches the reply whose first line is server line `first` (its lines so
   * far in `lines` when it has more than one) to the command waiting for it.
   * The reply's facts are read from the text; its `Reply` object is made only
   * when someone keeps it (`currentReply`): always with the model, and for
   * validation only for the few replies a check reads again (AUTH challenges,
   * PRDR outcomes, the greeting).
   */
  dispatch(first: number, lines: ReplyLine[] | undefined): void {
    const table = this.table;
    const text = this.text;
    const co = table.contentOffsets[first];
    const code = replyCodeNumber(text, co);
    this.replyFirst = first;
    this.replyLines = lines;
    this.replyCommand = undefined;
    this.replyMade = undefined;
    if (this.keepsModel) this.session.replies.push(this.currentReply());
    if (!this.greetingDone) {
      this.greetingDone = true;
      this.session.greeting = this.currentReply();
      if (!GREETING_REPLIES.includes(code)) {
        this.report('missing-greeting', co, 3, this.messages.greetingCode(code));
        // Not a greeting: the log starts inside a session whose state cannot be known, so it is assumed permissive.
        this.fragment = true;
        this.txUnknown = true;
      }
      // Only 421 closes the session (RFC 5321 §3.8); after a 554 refusal the client may still QUIT.
      if (code === 421) this.closedBy = 421;
      return;
    }
    const cmd = this.pending.shift();
    const rules = this.pending.shiftedRules;
    if (!cmd) {
      if (this.serverOnly) {
        // The client side is hidden: every reply answers a command the log does not show.
        if (code === 221 || code === 421) this.closedBy = code;
        return;
      }
      this.report('reply-without-command', co, 3, this.pipeliningBroken ? this.messages.replyWithoutCommandNoPipelining() : this.messages.replyWithoutCommand());
      return;
    }
    this.replyCommand = cmd;
    // (Made already with the model, which lists every reply.)
    const made = this.replyMade as Reply | undefined;
    if (made) made.command = cmd;
    const t = cmd.waitingIn;
    this.touchEnd(t, table.ends[first]);
    const klass = Math.floor(code / 100);

    // Intermediate replies keep the command waiting.
    if (rules.intermediate !== undefined && rules.intermediate(this, cmd, code, t)) return;
    if (cmd.kind === 'data-end' && t && this.prdr.take(t, cmd, code, this)) {
      // PRDR: the 353, then one reply per accepted recipient; the final reply is still due.
      if (code === PRDR_INTERMEDIATE && this.keepsModel) addIntermediate(cmd, this.currentReply());
      this.pending.unshift(cmd, rules);
      return;
    }
    // Validation reads no more of a stored reply than its code (a recipient's, by the DATA and PRDR checks).
    cmd.reply = this.keepsModel ? this.currentReply() : (this.replyMade ?? codeOnlyReply(code));
    // Answered for good: the command never waits again, so it lets go of its transaction.
    cmd.waitingIn = undefined;

    if (rules.unexpected(code)) {
      this.report('reply-unexpected', co, 3, this.messages.replyUnexpected(code, cmd.kind === 'data-end' ? '.' : cmd.verb, rules.replies!));
    }
    // RFC 2034 §4: enhanced codes in 2xx/4xx/5xx replies except the greeting and HELO/EHLO.
    if (this.extensions?.has('ENHANCEDSTATUSCODES') && klass !== 3 && cmd.verb !== 'EHLO' && cmd.verb !== 'HELO' && cmd.verb !== 'LHLO') {
      // The first line's facts, read in place (its `ReplyLine`, when there is one, holds the same).
      const firstEnd = table.ends[first];
      if (replyEnhancedLength(text, co, firstEnd) === 0) {
        const firstText = replyTextOf(text, co, firstEnd);
        const textOffset = replyTextOffset(co, firstEnd);
        const like = ENHANCED_LIKE.exec(firstText);
        this.report('enhanced-status-syntax', textOffset, like ? like[0].length : Math.max(1, Math.min(firstText.length, firstText.indexOf(' ') < 0 ? firstText.length : firstText.indexOf(' '))), like ? this.messages.enhancedSyntax() : this.messages.enhancedMissing());
      }
    }
    if (lines) {
      for (const l of lines) {
        // The class digit against the reply's first digit (by character code: no string made per reply line).
        if (l.enhanced && l.enhanced.code.charCodeAt(0) !== 48 + klass) {
          this.report('enhanced-status-syntax', l.enhanced.offset, l.enhanced.length, this.messages.enhancedClassMismatch(l.enhanced.code, code));
          break;
        }
      }
    } else {
      // The same for a one-line reply, read in place (an enhanced code starts after `NNN `).
      const length = replyEnhancedLength(text, co, table.ends[first]);
      if (length > 0 && text.charCodeAt(co + 4) !== 48 + klass) {
        this.report('enhanced-status-syntax', co + 4, length, this.messages.enhancedClassMismatch(enhancedCodeText(text, co + 4, length), code));
      }
    }

    if (code === 421) this.closedBy = 421;
    if (rules.answered !== undefined) rules.answered(this, cmd, code, t, klass);
  }

  // ---- the reply being dispatched ----
  /** Line number of its first line. */
  replyFirst = -1;
  /** Its lines' objects when it has more than one line (made as they are read). */
  replyLines: ReplyLine[] | undefined = undefined;
  /** The command it answers, once known. */
  replyCommand: Command | undefined = undefined;
  /** Its `Reply` object, once made. */
  replyMade: Reply | undefined = undefined;

  /** The reply being dispatched as a `Reply` object, made on the first call (the same object after). */
  currentReply(): Reply {
    if (this.replyMade) return this.replyMade;
    const reply = this.makeReply(this.replyLines ?? [this.replyLineAt(this.replyFirst)]);
    reply.command = this.replyCommand;
    return (this.replyMade = reply);
  }

  /**
   * Checks server line `k` as a reply line (RFC 5321 §4.2.1: three digits,
   * then a space, a hyphen or the end of the line), reporting why it is not
   * one. Returns the character after the code (45 `-`, 32 space, -1 none), or
   * NOT_A_REPLY. Read by offset in `text`: a valid line makes nothing.
   */
  checkReplyLine(k: number): number {
    const co = this.table.contentOffsets[k];
    const end = this.table.ends[k];
    const len = end - co;
    if (len < 3 || !isReplyCode(this.text.charCodeAt(co), this.text.charCodeAt(co + 1), this.text.charCodeAt(co + 2))) {
      const s = this.text.slice(co, end);
      if (isPseudoLine(s.trim())) this.report('reply-code-invalid', co, s.trimEnd().length, this.messages.pseudoLine('S'), { annotate: true });
      else this.report('reply-code-invalid', co, Math.max(1, Math.min(3, len)), this.messages.replyCodeInvalid());
      return NOT_A_REPLY;
    }
    const c3 = len > 3 ? this.text.charCodeAt(co + 3) : -1;
    if (c3 !== -1 && c3 !== 32 && c3 !== 45) {
      this.report('reply-code-invalid', co, 4, this.messages.replySeparator());
      return NOT_A_REPLY;
    }
    return c3;
  }

  /** Server line `k`, a reply line by `checkReplyLine`, as a `ReplyLine` (its content not copied, only its text). */
  replyLineAt(k: number): ReplyLine {
    const co = this.table.contentOffsets[k];
    const end = this.table.ends[k];
    const len = end - co;
    const c3 = len > 3 ? this.text.charCodeAt(co + 3) : -1;
    const sep = c3 === 45 ? '-' : c3 === 32 ? ' ' : '';
    const textOffset = replyTextOffset(co, end);
    const enhancedLength = replyEnhancedLength(this.text, co, end);
    const enhanced = enhancedLength > 0 ? { code: enhancedCodeText(this.text, co + 4, enhancedLength), offset: textOffset, length: enhancedLength } : undefined;
    return { line: this.table.line(k), code: replyCodeText(this.text, co), codeOffset: co, separator: sep, text: replyTextOf(this.text, co, end), textOffset, enhanced };
  }

  finishOpenReply(reason: 'client' | 'eof'): void {
    if (!this.openReply) return;
    const rl = this.openReply.lines;
    this.openReply = undefined;
    const lastLine = rl[rl.length - 1];
    void reason;
    this.report('multiline-reply', lastLine.codeOffset, 4, this.messages.multilineNotEnded(rl[0].code));
    this.dispatch(rl[0].line.index, rl);
  }

  makeReply(rl: ReplyLine[]): Reply {
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
  endBlock(line: TranscriptLine): void {
    const b = this.block!;
    b.endLine = line;
    b.terminated = true;
    this.block = undefined;
    const end = newCommand('data-end', line, '.', line.contentOffset, 1, undefined, true);
    if (this.keepsModel) this.session.commands.push(end);
    if (this.blockTx) {
      this.blockTx.end = end;
      end.waitingIn = this.blockTx;
      this.touch(this.blockTx, line);
    }
    // Elided only when the log recorded no line of the body, just annotations.
    if (b.lineCount > 0) b.elided = false;
    this.checkEightBit(b, this.blockTx);
    this.pending.push(end, DATA_END_RULES);
    this.closeTx();
    this.txUnknown = false;
  }

  /** Adds line `k` alone to the open DATA body (or ends it at a `.`). */
  addDataLine(k: number): void {
    this.addDataLines(k, false);
  }

  /**
   * Adds client line `k` to the open DATA body (or ends it at a `.`) and, with
   * `more`, the client lines right after it, up to the `.` line; returns the
   * last line read. Read by offset: a body line gets no object and its text is
   * not copied here, and a body's lines go through this loop rather than one
   * turn each of run's (130,000 of them for a DATA of 10 MB).
   */
  addDataLines(k: number, more = true): number {
    const b = this.block!;
    const table = this.table;
    const { count, contentOffsets, ends } = table;
    const text = this.text;
    const ascii = table.isAscii();
    // In a local: read from the imported object on every line, it was most of the loop's time.
    const CLIENT = KIND_CODE.client;
    for (let j = k; ; j++) {
      if (more && ascii) {
        // The usual body line, counted in a tight loop: ASCII (its octets are
        // its characters), at most 998 of them (RFC 5321 §4.5.3.1.6), not the
        // `.` line, and followed by another client line; the others go below.
        let e = j;
        let octets = 0;
        for (;;) {
          const co = contentOffsets[e];
          const length = ends[e] - co;
          if (length > 998 || (length === 1 && text.charCodeAt(co) === 46) || e + 1 >= count || table.kindCode(e + 1) !== CLIENT) break;
          octets += length + 2;
          e++;
        }
        if (e > j) {
          b.addRun(j, e - j);
          b.octets += octets;
          this.touchEnd(this.blockTx, ends[e - 1]);
          j = e;
        }
      }
      const co = contentOffsets[j];
      const end = ends[j];
      if (b.stuffed && end - co === 1 && text.charCodeAt(co) === 46) {
        this.endBlock(table.line(j));
        return j;
      }
      b.add(j);
      const octets = (ascii ? end - co : table.contentOctets(j)) + 2;
      b.octets += octets;
      if (b.eightBitOffset < 0 && octets - 2 !== end - co) {
        let i = co;
        while (i < end && text.charCodeAt(i) < 128) i++;
        b.eightBitOffset = i;
      }
      if (octets > 1000) {
        // The range starts at the character that passes 998 octets, whole: a
        // line of wide characters passes it in fewer than 998 of them.
        const { cut } = measureOctets(text, co, end, 998);
        this.report('text-line-too-long', cut, end - cut, this.messages.textLineTooLong(octets));
      }
      this.touchEnd(this.blockTx, end);
      if (!more || j + 1 >= count || table.kindCode(j + 1) !== CLIENT) return j;
    }
  }

  /**
   * True when the replies after client line `k` are fewer than the commands
   * waiting for one (see ./partial.ts); the answer is kept for the rest of the
   * run of client lines, so a long pipelined run is looked at once.
   */
  replyLost(k: number): boolean {
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
  assumeAnswered(cmd: Command): void {
    const rules = cmd.kind === 'data-end' ? DATA_END_RULES : verbRules(cmd.verb);
    if (rules.assumed !== undefined) rules.assumed(this, cmd);
  }

  /**
   * True when a HELO/EHLO has been answered, or is still waiting for its reply
   * (the client side is followed optimistically), or the log starts inside a session.
   */
  greeted(): boolean {
    return this.hello !== 'none' || this.fragment || this.pending.has((c) => c.verb === 'EHLO' || c.verb === 'HELO' || c.verb === 'LHLO');
  }

  /** Opens the dot-stuffed body of DATA command `cmd` (of transaction `t`). */
  openBlock(cmd: Command, t: Transaction | undefined): void {
    this.block = new Block(this.table, cmd, true);
    this.blockTx = t;
    if (t) t.block = this.block;
    this.session.dataBlocks.push(this.block);
  }

  /** Client line `k`, a command: read by offset in the text (its content is not copied, only its argument). */
  handleCommand(k: number): void {
    const table = this.table;
    const text = this.text;
    const co = table.contentOffsets[k];
    const end = table.ends[k];
    // Verb: up to the first space or tab (`v` is where it ends in the text).
    let v = co;
    while (v < end) {
      const c = text.charCodeAt(v);
      if (c === 32 || c === 9) break;
      v++;
    }
    const verbLength = v - co;
    // A known verb is found by its letters; the catalogue's string is the verb,
    // so the session keeps one `RCPT` rather than one per command.
    const known = knownVerb(text, verbLength, co);
    const verb = known ? known.info!.verb : text.slice(co, v).toUpperCase();
    const rules = known ?? verbRules(verb);
    const info = rules.info;
    const hasArg = v < end;
    // Sliced from the transcript: a slice of the line's copy would keep that copy alive with the session.
    const argument: ArgumentSpan | undefined = hasArg ? { text: text.slice(v + 1, end), offset: v + 1 } : undefined;
    const cmd = newCommand('command', table.line(k), verb, co, verbLength, argument, !!info);
    // The table's count (the content's length in an ASCII transcript, no character loop).
    const octets = table.contentOctets(k) + 2;
    if (octets > 512) {
      // From the character that passes 510 octets (RFC 5321 §4.5.3.1.4: 512 with CRLF).
      const { cut } = measureOctets(text, co, end, 510);
      this.report('command-too-long', cut, end - cut, this.messages.commandTooLong(octets));
    }

    if (!info) {
      const s = text.slice(co, end);
      if (s.trim() === '') {
        this.report('unknown-command', table.prefixOffsets[k], Math.max(1, co - table.prefixOffsets[k]), this.messages.emptyCommand());
        return;
      }
      if (isPseudoLine(s.trim())) {
        this.report('unknown-command', co, s.trimEnd().length, this.messages.pseudoLine('C'), { annotate: true });
        return; // not protocol: no reply expected
      }
      this.report('unknown-command', co, Math.max(1, verbLength), this.messages.unknownCommand(s.slice(0, verbLength) || s));
    }
    if (this.keepsModel) this.session.commands.push(cmd);
    // The verb's range for reports (two numbers, not an array made for every command).
    const at = cmd.verbOffset;
    const atLength = Math.max(1, cmd.verbLength);
    if (hasArg && text.charCodeAt(v) === 9) this.report('command-syntax', v, 1, this.messages.verbSeparator(verb));

    // ---- pipelining (RFC 2920) ----
    if (this.pending.length > 0) {
      if (this.clientOnly) {
        // No reply is shown at all: each command is taken as answered with success.
        for (const p of this.pending.drain()) this.assumeAnswered(p);
      } else if (this.extensions && !this.extensions.has('PIPELINING')) {
        for (const p of this.pending.drain()) {
          this.assumeAnswered(p);
          if (p.kind === 'data-end' && p.verbLength === 0) continue;
          this.report('missing-reply', ...this.verbRange(p), this.messages.missingReplyNoPipelining(p.verb));
        }
        this.pipeliningBroken = true;
      } else {
        const ender = this.pending.firstGroupEnder();
        if (ender && this.replyLost(k)) {
          // Fewer replies follow than commands wait: the log lost the reply to the group's end, not
          // pipelined past it. One missing-reply, and the command is taken as answered with success.
          this.pending.remove(ender);
          this.assumeAnswered(ender);
          this.report('missing-reply', ...this.verbRange(ender), this.messages.missingReply(ender.verb));
        } else if (ender) this.report('out-of-sequence', at, atLength, this.messages.afterGroupEnder(verb, ender.verb));
      }
    }

    // ---- sequence (RFC 5321 §4.1.4): what no command may follow, then the verb's own rules ----
    if (this.quitSent) this.report('out-of-sequence', at, atLength, this.messages.afterQuit());
    else if (this.closedBy !== undefined && this.closedBy !== 554) this.report('out-of-sequence', at, atLength, this.messages.afterClosingReply(this.closedBy));
    else if (this.needsEhlo && verb !== 'EHLO' && verb !== 'LHLO' && verb !== 'QUIT') this.report('out-of-sequence', at, atLength, this.messages.afterStarttls(verb));
    else if (info && !rules.anywhere) {
      if (rules.sequence !== undefined) rules.sequence(this, cmd, at, atLength);
      else if (!this.greeted()) this.report('out-of-sequence', at, atLength, this.messages.beforeHello(verb));
    }

    // ---- syntax and effects ----
    this.pending.push(cmd, rules);
    if (rules.sent !== undefined) rules.sent(this, cmd, at, atLength);
  }

  /** True when the last client line was a DATA whose reply has not come. */
  unansweredData(): boolean {
    return this.lastWasUnansweredData !== undefined && this.pending.last() === this.lastWasUnansweredData;
  }

  /** Opens the body of a DATA whose 354 the log does not show. */
  openUnansweredBody(): void {
    const cmd = this.lastWasUnansweredData!;
    this.lastWasUnansweredData = undefined;
    this.pending.pop();
    if (!this.clientOnly) this.report('missing-reply', ...this.verbRange(cmd), this.messages.missing354());
    this.openBlock(cmd, cmd.waitingIn);
  }

  /** True when client line `k` starts with a verb of the catalogue. */
  isCommandLine(k: number): boolean {
    const co = this.table.contentOffsets[k];
    let v = co;
    const end = this.table.ends[k];
    while (v < end && this.text.charCodeAt(v) !== 32) v++;
    return knownVerb(this.text, v - co, co) !== undefined;
  }

  /**
   * A `# bare LF` annotation in a DATA body (written by a server that recorded
   * the session: the `C:` line above ended with LF alone on the wire, or, as
   * `# bare LF: ...`, a summary for lines not shown) is reported: RFC 5321
   * §2.3.8 ends every line with CRLF, and servers that read a bare LF as a line
   * end differ from those that do not (the "SMTP smuggling" attacks).
   */
  reportBareLf(k: number): boolean {
    let start = this.table.contentOffsets[k];
    const end = this.table.ends[k];
    while (start < end && this.text.charCodeAt(start) === 32) start++;
    if (end - start < 7 || !/^bare LF(?::|$)/i.test(this.text.slice(start, Math.min(end, start + 8)).trimEnd())) return false;
    this.report('bare-lf', start, 7, this.messages.bareLf());
    return true;
  }

  /** Reads every line of the table in order, then reports what the end of input leaves open. */
  run(): TranscriptSession {
    for (let k = 0; k < this.table.count; k++) {
      const kind = this.table.kindCode(k);
      if (kind === KIND_CODE.blank || kind === KIND_CODE.annotation) {
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
        } else if (this.block && kind === KIND_CODE.annotation && this.session.dialect === 'canonical' && this.reportBareLf(k)) {
          // A fact about the wire the C: lines cannot show; see reportBareLf.
        } else if (this.block && kind === KIND_CODE.annotation && this.session.dialect === 'canonical' && this.block.lineCount === 0) {
          this.block.elided = true;
        }
        continue;
      }
      if (kind === KIND_CODE.invalid) {
        const trimmed = this.text.slice(this.table.offsets[k], this.table.ends[k]).trimEnd().length;
        this.report('line-prefix', this.table.offsets[k], Math.max(1, trimmed), this.messages.linePrefix(), { annotate: true });
        continue;
      }
      if (!this.started) {
        this.started = true;
        if (kind === KIND_CODE.client) {
          this.greetingDone = true;
          this.fragment = true;
          this.txUnknown = true;
          if (!this.clientOnly) this.report('missing-greeting', this.table.offsets[k], Math.max(1, this.table.ends[k] - this.table.offsets[k]), this.messages.missingGreetingFragment());
        }
      }
      if (kind === KIND_CODE.server) {
        if (this.block) this.abandonBlock();
        if (this.bdatCommand && this.bdatRemaining > 0) {
          this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, this.messages.bdatMismatch(this.bdatRemaining + this.bdatConsumed, this.bdatConsumed));
          this.bdatRemaining = 0;
          this.bdatCommand = undefined;
        }
        this.lastWasUnansweredData = undefined;
        this.lastProtocol = k;
        const separator = this.checkReplyLine(k);
        if (separator === NOT_A_REPLY) continue;
        if (this.openReply) {
          const rl = this.replyLineAt(k);
          const firstCode = this.openReply.lines[0].code;
          if (rl.code !== firstCode) this.report('multiline-reply', rl.codeOffset, 3, this.messages.multilineCodeDiffers(firstCode, rl.code));
          this.openReply.lines.push(rl);
          if (separator !== 45) {
            const all = this.openReply.lines;
            this.openReply = undefined;
            this.dispatch(all[0].line.index, all);
          }
        } else if (separator === 45) {
          this.openReply = { lines: [this.replyLineAt(k)] };
        } else {
          // A one-line reply, the usual one: dispatched from its line number, no object made for it.
          this.dispatch(k, undefined);
        }
        continue;
      }
      // client
      if (this.openReply) this.finishOpenReply('client');
      this.lastProtocol = k;
      if (this.block) {
        k = this.lastProtocol = this.addDataLines(k);
        continue;
      }
      if (this.bdatCommand && this.bdatRemaining > 0) {
        const end = this.table.ends[k];
        const o = this.table.contentOctets(k) + 2;
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
            this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, this.messages.bdatMismatch(this.bdatConsumed + this.bdatRemaining, this.bdatConsumed));
          }
          this.bdatRemaining = 0;
          this.bdatCommand = undefined;
        }
        continue;
      }
      if (this.authAwaiting && this.auth && this.clientOnly && this.isCommandLine(k)) {
        // Without the server's 334s, the responses end where a command starts.
        this.authAwaiting = false;
      }
      if (this.authAwaiting && this.auth) {
        const line = this.table.line(k);
        this.authAwaiting = this.clientOnly;
        this.auth.responses.push(line);
        this.touch(undefined, line);
        const data = line.content.trim();
        const dataOffset = line.contentOffset + (line.content.length - line.content.trimStart().length);
        const challenge = this.auth.challenges[this.auth.challenges.length - 1];
        if (data !== '*' && !isBase64(data) && !isPlaceholder(data)) {
          if (!checkClearCredentials(this, this.auth.mechanism, data, dataOffset, this.auth.responses.length - 1, challenge)) {
            this.report('command-syntax', line.contentOffset, Math.max(1, line.content.length), this.messages.authResponse());
          }
        } else {
          checkCredentials(this, this.auth.mechanism, data, dataOffset, this.auth.responses.length - 1, challenge);
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
      this.handleCommand(k);
    }
    // ---- end of input ----
    if (this.openReply) this.finishOpenReply('eof');
    if (this.block) {
      const b = this.block;
      this.block = undefined;
      this.report('data-not-terminated', ...this.verbRange(b.command), this.messages.dataNotTerminated());
    }
    if (this.bdatCommand && this.bdatRemaining > 0) {
      this.report('command-syntax', this.bdatCommand.argument?.offset ?? this.bdatCommand.verbOffset, this.bdatCommand.argument?.text.length ?? 4, this.messages.bdatMismatch(this.bdatRemaining + this.bdatConsumed, this.bdatConsumed));
    }
    for (const p of this.pending.drain()) {
      if ((p.kind === 'data-end' && p.verbLength === 0) || this.clientOnly) continue;
      this.report('missing-reply', ...this.verbRange(p), this.messages.missingReply(p.verb));
    }
    if (!this.quitSent && this.closedBy === undefined && this.lastProtocol >= 0) {
      const l = this.table.line(this.lastProtocol);
      const [at, len] = l.end > l.contentOffset ? [l.contentOffset, l.end - l.contentOffset] : [l.offset, l.end - l.offset];
      this.report('missing-quit', at, len, this.messages.missingQuit());
    }
    return this.session;
  }
}

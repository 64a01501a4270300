/**
 * What each SMTP verb checks and changes, one handler per verb (the shape of
 * nodemailer's `_actionXXX` methods): the state machine of ./session.ts does
 * what every command shares (pipelining, the commands nothing may follow, the
 * reply codes the catalogue allows) and calls the verb's handler for the rest.
 * A verb of the catalogue without a handler may come anywhere after HELO/EHLO
 * and changes nothing.
 */
import type { Command, Extension, Transaction } from './model';
import { addIntermediate, addRecipient, Block, setAddress } from './model';
import type { TranscriptParser } from './session';
import { checkHelloArgument, checkPathCommand, isBase64, isPlaceholder } from './syntax';
import { checkClearCredentials, checkCredentials } from './credentials';
import { ALWAYS_ACCEPTED, COMMANDS, DATA_END_REPLIES, type CommandInfo } from './catalog';

/** One verb's part of the state machine. `at`/`atLength` are the verb's range, for reports. */
export interface VerbHandler {
  /** RFC 5321 §4.1.4: may come before HELO/EHLO and inside a transaction, so no sequence check applies. */
  readonly anywhere?: boolean;
  /** The verb's own sequence rules; without it, the verb only has to follow a HELO/EHLO. */
  sequence?(s: TranscriptParser, cmd: Command, at: number, atLength: number): void;
  /** The argument's syntax and what sending the command changes (the client side is followed optimistically). */
  sent?(s: TranscriptParser, cmd: Command, at: number, atLength: number): void;
  /**
   * A reply (of code `code`) that keeps the command waiting (a 334 challenge,
   * the 354 go-ahead): true when it was one. The reply itself is
   * `s.currentReply()`, made when asked.
   */
  intermediate?(s: TranscriptParser, cmd: Command, code: number, t: Transaction | undefined): boolean;
  /** What the final reply (of code `code`, first digit `klass`) changes. */
  answered?(s: TranscriptParser, cmd: Command, code: number, t: Transaction | undefined, klass: number): void;
  /** The log does not show the reply: what its success would change. */
  assumed?(s: TranscriptParser, cmd: Command): void;
}

/** Octets of the command line after the prefix (its content's length, without slicing it). */
const contentLength = (cmd: Command): number => cmd.line.end - cmd.line.contentOffset;

/** A command that takes no argument got one (RFC 5321 §4.1.1: DATA, RSET, QUIT, STARTTLS). */
function noArguments(s: TranscriptParser, cmd: Command): void {
  const argument = cmd.argument;
  if (argument && argument.text.trim() !== '') s.report('command-syntax', argument.offset, argument.text.length, s.messages.noArguments(cmd.verb));
}

/** MAIL, RCPT and the like must follow a HELO/EHLO. */
function needsHello(s: TranscriptParser, cmd: Command, at: number, atLength: number): boolean {
  if (s.greeted()) return true;
  s.report('out-of-sequence', at, atLength, s.messages.beforeHello(cmd.verb));
  return false;
}

/** The transaction a RCPT, DATA or BDAT belongs to: the open one, or one opened when a fragment starts inside it. */
const transactionOf = (s: TranscriptParser, cmd: Command): Transaction | undefined => s.tx ?? (s.txUnknown ? s.openTx(undefined, cmd.line) : undefined);

/** EHLO, HELO and LHLO (RFC 5321 §4.1.1.1, RFC 2033): anywhere; they reset the transaction. */
const hello: VerbHandler = {
  anywhere: true,
  sent(s, cmd) {
    checkHelloArgument(cmd.verb, cmd.argument, cmd.line.contentOffset, contentLength(cmd), s.scratch, s.messages);
    s.keepScratch();
    if (s.tx && !s.tx.end) s.tx.reset = cmd;
    s.closeTx();
    s.fragment = false;
    s.txUnknown = false;
    s.needsEhlo = false;
  },
};

/** EHLO and LHLO: a 2xx reply lists the extensions, one keyword per line after the first (RFC 5321 §4.1.1.1). */
const ehlo: VerbHandler = {
  ...hello,
  answered(s, cmd, _code, _t, klass) {
    if (klass !== 2) return;
    s.hello = 'ehlo';
    const reply = s.currentReply();
    const exts: Extension[] = [];
    s.extensions = new Set();
    for (let k = 1; k < reply.lines.length; k++) {
      const l = reply.lines[k];
      const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:[ =](.*))?$/.exec(l.text.trim());
      if (!m) continue;
      const keyword = m[1].toUpperCase();
      const lead = l.text.length - l.text.trimStart().length;
      exts.push({ keyword, params: m[2] ?? '', offset: l.textOffset + lead, length: m[1].length });
      s.extensions.add(keyword);
    }
    s.session.hellos.push({ command: cmd, extensions: exts });
  },
  assumed(s) {
    // An unknown EHLO reply leaves the extensions unknown, so later checks that depend on them stay quiet.
    s.hello = 'ehlo';
    s.extensions = undefined;
  },
};

/** HELO: a plain SMTP session, no extensions. */
const helo: VerbHandler = {
  ...hello,
  answered(s, cmd, _code, _t, klass) {
    if (klass !== 2) return;
    s.hello = 'helo';
    s.extensions = new Set();
    s.session.hellos.push({ command: cmd, extensions: [] });
  },
  assumed(s) {
    s.hello = 'helo';
    s.extensions = undefined;
  },
};

/** MAIL (RFC 5321 §4.1.1.2): opens a transaction; not inside another one. */
const mail: VerbHandler = {
  sequence(s, cmd, at, atLength) {
    if (needsHello(s, cmd, at, atLength) && s.tx && !s.txUnknown) s.report('out-of-sequence', at, atLength, s.messages.nestedMail());
  },
  sent(s, cmd, at, atLength) {
    const t = s.openTx(cmd, cmd.line);
    s.txUnknown = false;
    cmd.waitingIn = t;
    if (!cmd.argument) s.report('command-syntax', at, atLength, s.messages.pathPrefix('MAIL', 'FROM:'));
    else setAddress(cmd, checkPathCommand('MAIL', cmd.argument, s.extensions, s.scratch, s.messages, s.text), s.needsAddressText());
    s.keepScratch();
    s.checkUtf8Address(cmd, cmd);
  },
  answered(s, _cmd, _code, t, klass) {
    if (klass !== 2 && t && s.tx === t) s.closeTx();
  },
};

/** RCPT (RFC 5321 §4.1.1.3): one recipient of the open transaction. */
const rcpt: VerbHandler = {
  sequence(s, cmd, at, atLength) {
    if (needsHello(s, cmd, at, atLength) && !s.tx && !s.txUnknown) s.report('out-of-sequence', at, atLength, s.messages.rcptBeforeMail());
  },
  sent(s, cmd, at, atLength) {
    const t = transactionOf(s, cmd);
    if (t) {
      addRecipient(t, cmd);
      cmd.waitingIn = t;
      s.touch(t, cmd.line);
    }
    if (!cmd.argument) s.report('command-syntax', at, atLength, s.messages.pathPrefix('RCPT', 'TO:'));
    else setAddress(cmd, checkPathCommand('RCPT', cmd.argument, s.extensions, s.scratch, s.messages, s.text), s.needsAddressText());
    s.keepScratch();
    s.checkUtf8Address(cmd, t?.mail);
  },
};

/** DATA and BDAT need a recipient that has not been refused (RFC 5321 §4.1.1.4, RFC 3030 §2); a BDAT may follow another one. */
function dataSequence(s: TranscriptParser, cmd: Command, at: number, atLength: number): void {
  if (!needsHello(s, cmd, at, atLength) || s.txUnknown) return;
  const ok = s.tx && s.tx.rcpts.some((r) => !r.reply || Math.floor(r.reply.code / 100) === 2);
  if (!ok && !(cmd.verb === 'BDAT' && s.tx?.block && !s.tx.block.terminated)) s.report('out-of-sequence', at, atLength, s.messages.dataBeforeRcpt(cmd.verb));
}

/** DATA (RFC 5321 §4.1.1.4): 354, then the dot-stuffed body (read by the session), then the reply to the `.`. */
const data: VerbHandler = {
  sequence: dataSequence,
  sent(s, cmd) {
    noArguments(s, cmd);
    const t = transactionOf(s, cmd);
    if (t) {
      t.data = cmd;
      cmd.waitingIn = t;
      s.touch(t, cmd.line);
    }
    s.lastWasUnansweredData = cmd;
  },
  intermediate(s, cmd, code, t) {
    if (cmd.kind !== 'command' || code !== 354) return false;
    if (s.keepsModel) addIntermediate(cmd, s.currentReply());
    s.openBlock(cmd, t);
    // The 354 is the last reply DATA gets (the body's `.` gets the outcome): it waits no more.
    cmd.waitingIn = undefined;
    return true;
  },
  answered(s, _cmd, _code, t) {
    // DATA refused: the transaction is over (RFC 5321 §3.3: 503/554 when no valid recipient).
    if (t && s.tx === t) s.closeTx();
  },
};

/** BDAT (RFC 3030 §2): a chunk of exactly the given size, no dot-stuffing; LAST ends the message. */
const bdat: VerbHandler = {
  sequence: dataSequence,
  sent(s, cmd, at, atLength) {
    const argument = cmd.argument;
    const m = argument ? /^(\d{1,20})(?: +(LAST))?\s*$/i.exec(argument.text) : null;
    if (!m) s.report('command-syntax', argument?.offset ?? at, argument ? argument.text.length : atLength, s.messages.bdatSize());
    const t = transactionOf(s, cmd);
    if (t) {
      cmd.waitingIn = t;
      t.data ??= cmd;
      if (!t.block) {
        t.block = new Block(s.table, cmd, false);
        s.session.dataBlocks.push(t.block);
      }
      s.touch(t, cmd.line);
      if (m?.[2]) {
        t.block.terminated = true;
        t.end = cmd;
      }
    }
    s.bdatRemaining = m ? Number(m[1]) : 0;
    s.bdatConsumed = 0;
    s.bdatCommand = cmd;
    s.blockTx = t;
    if (m?.[2]) {
      s.closeTx();
      s.txUnknown = false;
    }
  },
};

/** RSET (RFC 5321 §4.1.1.5): anywhere; ends the transaction. */
const rset: VerbHandler = {
  anywhere: true,
  sent(s, cmd) {
    noArguments(s, cmd);
    if (s.tx && !s.tx.end) s.tx.reset = cmd;
    s.closeTx();
    s.txUnknown = false;
  },
};

/** QUIT (RFC 5321 §4.1.1.10): allowed at any point; nothing may follow it. */
const quit: VerbHandler = {
  sequence() {},
  sent(s, cmd) {
    noArguments(s, cmd);
    s.quitSent = true;
    s.session.quit = cmd;
  },
  answered(s, _cmd, code) {
    if (code === 221) s.closedBy = 221;
  },
};

/** STARTTLS (RFC 3207 §4): once, after EHLO; after 220 the session starts over (§4.2). */
const starttls: VerbHandler = {
  sequence(s, cmd, at, atLength) {
    if (s.tlsActive) s.report('out-of-sequence', at, atLength, s.messages.starttlsTwice());
    else needsHello(s, cmd, at, atLength);
  },
  sent(s, cmd) {
    noArguments(s, cmd);
    s.session.starttls.push(cmd);
  },
  answered(s, _cmd, code) {
    if (code !== 220) return;
    s.tlsActive = true;
    s.needsEhlo = true;
    s.extensions = new Set();
    s.hello = 'none';
    s.authenticated = false;
    s.closeTx();
  },
};

/** VRFY and EXPN (RFC 5321 §4.1.1.6-7): anywhere, with an argument. */
const lookup: VerbHandler = {
  anywhere: true,
  sent(s, cmd, at, atLength) {
    if (!cmd.argument || cmd.argument.text.trim() === '') s.report('command-syntax', at, atLength, s.messages.missingArgument(cmd.verb, ['expect-user-or-mailbox']));
  },
};

/** ETRN (RFC 1985): names a domain or queue. */
const etrn: VerbHandler = {
  sent(s, cmd, at, atLength) {
    if (!cmd.argument || cmd.argument.text.trim() === '') s.report('command-syntax', at, atLength, s.messages.missingArgument(cmd.verb, ['expect-domain-or-queue']));
  },
};

/** AUTH (RFC 4954 §4): once, after EHLO, outside a transaction; 334 challenges until 235 or a refusal. */
const auth: VerbHandler = {
  sequence(s, cmd, at, atLength) {
    if (s.authenticated) s.report('out-of-sequence', at, atLength, s.messages.authTwice());
    else if (s.hello === 'helo') s.report('out-of-sequence', at, atLength, s.messages.authNeedsEhlo());
    else if (!needsHello(s, cmd, at, atLength)) return;
    else if (s.tx && !s.txUnknown) s.report('out-of-sequence', at, atLength, s.messages.authInTransaction());
  },
  sent(s, cmd, at, atLength) {
    const argument = cmd.argument;
    const parts = argument ? argument.text.split(' ') : [];
    const mech = parts[0] ?? '';
    s.auth = { command: cmd, mechanism: mech.toUpperCase(), challenges: [], responses: [] };
    s.session.auths.push(s.auth);
    // Without replies in the log, the client lines up to the next command are the responses.
    s.authAwaiting = s.clientOnly;
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(mech)) {
      s.report('command-syntax', argument ? argument.offset : at, argument ? Math.max(1, mech.length) : atLength, s.messages.authMechanism());
    } else if (parts.length > 1) {
      const ir = parts.slice(1).join(' ');
      const irOffset = argument!.offset + mech.length + 1;
      if (ir !== '=' && !isBase64(ir) && !isPlaceholder(ir)) {
        if (!checkClearCredentials(s, mech, ir, irOffset, 0)) s.report('command-syntax', irOffset, ir.length, s.messages.authInitialResponse());
      } else checkCredentials(s, mech, ir, irOffset, 0);
    }
  },
  intermediate(s, cmd, code) {
    if (code !== 334 || !s.auth || s.auth.command !== cmd) return false;
    const reply = s.currentReply();
    if (s.keepsModel) addIntermediate(cmd, reply);
    s.auth.challenges.push(reply);
    s.authAwaiting = true;
    s.pending.unshift(cmd, verbRules(cmd.verb));
    return true;
  },
  answered(s, cmd, code) {
    if (s.auth && s.auth.command === cmd) {
      s.auth.result = s.currentReply();
      s.authAwaiting = false;
      s.auth = undefined;
    }
    if (code === 235) s.authenticated = true;
  },
  assumed(s, cmd) {
    if (s.auth?.command === cmd) {
      s.auth = undefined;
      s.authAwaiting = false;
    }
  },
};

/** Verbs that may come anywhere and change nothing. */
const harmless: VerbHandler = { anywhere: true };

/** The handlers by upper-case verb. */
const VERBS = new Map<string, VerbHandler>([
  ['EHLO', ehlo],
  ['LHLO', ehlo],
  ['HELO', helo],
  ['MAIL', mail],
  ['RCPT', rcpt],
  ['DATA', data],
  ['BDAT', bdat],
  ['RSET', rset],
  ['QUIT', quit],
  ['STARTTLS', starttls],
  ['VRFY', lookup],
  ['EXPN', lookup],
  ['NOOP', harmless],
  ['HELP', harmless],
  ['ETRN', etrn],
  ['AUTH', auth],
]);

/**
 * What the state machine asks of one verb, in objects of one shape for every
 * verb: the handler's steps (undefined where it has none) and the replies the
 * catalogue allows as a table by code. The state machine looks a verb's rules
 * up once a command and once a reply, and reads the same fields of the same
 * shape for every verb, where the handlers' own objects have each their shape.
 */
export class VerbRules {
  /** The catalogue's entry; undefined for a verb it does not list. */
  readonly info: CommandInfo | undefined;
  /** RFC 2920 §3.1: the command must be the last of a pipelined group. */
  readonly endsGroup: boolean;
  readonly anywhere: boolean;
  readonly sequence: VerbHandler['sequence'];
  readonly sent: VerbHandler['sent'];
  readonly intermediate: VerbHandler['intermediate'];
  readonly answered: VerbHandler['answered'];
  readonly assumed: VerbHandler['assumed'];
  /** The final replies RFC 5321 §4.3.2 lists for the verb; undefined for a verb the catalogue does not list. */
  readonly replies: readonly number[] | undefined;
  /** 1 at each code of `replies` and of ALWAYS_ACCEPTED (reply codes are below 600). */
  private readonly allowed: Uint8Array | undefined;

  constructor(handler: VerbHandler | undefined, info: CommandInfo | undefined, replies = info?.replies) {
    this.info = info;
    this.endsGroup = info?.endsGroup === true;
    this.anywhere = handler?.anywhere ?? false;
    this.sequence = handler?.sequence;
    this.sent = handler?.sent;
    this.intermediate = handler?.intermediate;
    this.answered = handler?.answered;
    this.assumed = handler?.assumed;
    this.replies = replies;
    if (replies) {
      const allowed = new Uint8Array(600);
      for (const code of replies) allowed[code] = 1;
      for (const code of ALWAYS_ACCEPTED) allowed[code] = 1;
      this.allowed = allowed;
    } else this.allowed = undefined;
  }

  /** True when the verb has a list of replies and `code` is neither on it nor always accepted. */
  unexpected(code: number): boolean {
    return this.allowed !== undefined && this.allowed[code] !== 1;
  }
}

/** The rules by upper-case verb: the catalogue's verbs and those with a handler. */
const RULES = new Map<string, VerbRules>([...new Set([...Object.keys(COMMANDS), ...VERBS.keys()])].map((verb) => [verb, new VerbRules(VERBS.get(verb), COMMANDS[verb])]));
/** A verb outside the catalogue: no steps, no list of replies. */
const UNKNOWN_VERB = new VerbRules(undefined, undefined);
/** The `.` that ends a DATA body: no steps, the replies of RFC 5321 §4.3.2 for the end of the data. */
export const DATA_END_RULES = new VerbRules(undefined, undefined, DATA_END_REPLIES);

/** The catalogue's verbs' rules by their letters packed 5 bits each (A or a = 1 ... Z or z = 26). */
const RULES_BY_LETTERS = new Map<number, VerbRules>(Object.values(COMMANDS).map((c) => [packLetters(c.verb, c.verb.length, 0), verbRules(c.verb)]));
function packLetters(s: string, length: number, start: number): number {
  let key = 0;
  for (let i = start; i < start + length; i++) key = key * 32 + (s.charCodeAt(i) & 31);
  return key;
}

/**
 * The rules of the catalogue's verb `s[start..start + length)` when it is
 * ASCII letters in any case (what toUpperCase() and a lookup would find,
 * without the two strings), undefined otherwise: then the caller looks the
 * upper-cased verb up, since toUpperCase maps a few other letters to ASCII
 * ones (U+017F to S).
 */
export function knownVerb(s: string, length: number, start: number): VerbRules | undefined {
  if (length === 0 || length > 8) return undefined;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return undefined;
  }
  return RULES_BY_LETTERS.get(packLetters(s, length, start));
}

/** The rules of the command verb `verb` (for the end of a DATA body, DATA_END_RULES). */
export function verbRules(verb: string): VerbRules {
  return RULES.get(verb) ?? UNKNOWN_VERB;
}

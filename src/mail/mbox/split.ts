/**
 * mbox as a container (RFC 4155 and the mboxo / mboxrd / mboxcl family):
 * where each message of a mailbox file starts and ends.
 *
 * A message starts at a "From " separator line that is the first line of the
 * file or follows an empty line. The separator must look like one (a sender
 * token, then a weekday: the rule the TextMate grammar uses too), so body text
 * such as "From here on" after a paragraph does not split a message. The
 * empty line before a separator belongs to the mailbox, not to the message.
 *
 * mboxcl: a `Content-Length` header gives the body's length in octets. It is
 * honoured when the body it measures ends at a line break followed by an
 * empty line, a separator or the end of the file; a separator inside such a
 * body is then body text. A length that does not land there is ignored and
 * the separators inside count after all.
 *
 * The scanner is fed one line at a time and keeps only the message that is
 * open, so the CLI can stream a 500 MB file; `splitMbox` feeds it the lines of
 * a string (the editor's document).
 */
import { utf8Length } from '../octets';

/** Longest start of a line the scanner reads (a separator or a Content-Length field fits easily). */
export const HEAD_CHARS = 256;

/** RFC 4155 "From " line: a sender token (no white space) and the asctime date, whose weekday tells it from prose. */
const SEPARATOR = /^From [^\s]+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b/;

/** mboxcl's Content-Length header (a field on one line; the value in octets). */
const CONTENT_LENGTH = /^Content-Length[ \t]*:[ \t]*(\d{1,15})[ \t]*\r?$/i;

/** True when `line` (or its start) is an mbox separator line. */
export function isSeparatorLine(line: string): boolean {
  return line.charCodeAt(0) === 70 /* F */ && SEPARATOR.test(line);
}

/** One message of a mailbox. Offsets are in the unit of the input (UTF-16 indices of a string, octets of a file). */
export interface MboxMessage {
  /** 0-based position in the mailbox. */
  index: number;
  /** Start of the "From " separator line. */
  offset: number;
  /** 0-based line number of the separator line, as the feeder counts lines (splitMbox: LF line breaks). */
  line: number;
  /** Start of the message proper: the line after the separator. */
  headerOffset: number;
  /** End of the message: the empty line before the next separator is excluded; the last message runs to the end of the input. */
  end: number;
  /** True when a Content-Length header framed the body (mboxcl). */
  framedByLength: boolean;
}

/** A line as the scanner sees it; the getters are called only when needed (most body lines need neither). */
export interface ScannedLine {
  /** Start of the line. */
  offset: number;
  /** Start of the next line (after the line break). */
  next: number;
  /** 0-based line number. */
  line: number;
  /** True for an empty line (only a line break, CRLF or LF). */
  blank: boolean;
  /** The first HEAD_CHARS characters of the line, without its line break. */
  head(): string;
  /** Octets of the line including its line break (for Content-Length). */
  octets(): number;
}

interface OpenMessage {
  index: number;
  offset: number;
  line: number;
  headerOffset: number;
  inHeader: boolean;
  contentLength?: number;
  /** Octets of the Content-Length body still to read, while reading it. */
  remaining?: number;
  /** The body measured by Content-Length ended at the previous line; this line decides whether it was right. */
  landed: boolean;
  framed: boolean;
  /** Separators seen inside the measured body, used if the length turns out wrong. */
  candidates: Array<{ offset: number; line: number; headerOffset: number; end: number }>;
}

/**
 * Splits a mailbox fed line by line. Finished messages are handed to `emit` in
 * order, each once its end is known.
 */
export class MboxScanner {
  private open: OpenMessage | undefined;
  /** Offset of the previous line when it was empty, else -1. */
  private blankBefore = -1;
  private count = 0;
  private lines = 0;
  private rejected = false;

  constructor(private readonly emit: (message: MboxMessage) => void) {}

  /** False when the input does not start with a separator line (it is one message, not a mailbox). */
  get isMbox(): boolean {
    return !this.rejected && (this.count > 0 || this.lines === 0);
  }

  /** Start of the message that is still open (data before it is no longer needed), or undefined. */
  get openOffset(): number | undefined {
    return this.open?.offset;
  }

  /** Feeds the next line. */
  line(l: ScannedLine): void {
    this.lines++;
    let open = this.open;
    if (!open) {
      if (this.count === 0 && !this.rejected) {
        if (isSeparatorLine(l.head())) this.start(l);
        else this.rejected = true;
      }
      return;
    }
    if (open.landed) {
      open.landed = false;
      if (isSeparatorLine(l.head())) {
        // The measured body ended right before a separator (no empty line between).
        open.framed = true;
        this.close(l.offset);
        this.start(l);
        return;
      }
      if (l.blank) open.framed = true;
      else {
        // More body after the measured length: the length was wrong.
        this.giveUpLength();
        open = this.open!;
      }
    }
    if (open.remaining !== undefined) {
      if (this.blankBefore >= 0 && isSeparatorLine(l.head())) {
        open.candidates.push({ offset: l.offset, line: l.line, headerOffset: l.next, end: this.blankBefore });
      }
      open.remaining -= l.octets();
      if (open.remaining === 0) {
        open.remaining = undefined;
        open.landed = true;
      } else if (open.remaining < 0) {
        // The length ends inside a line: not a length this file was written with.
        this.giveUpLength();
      }
      this.blankBefore = l.blank ? l.offset : -1;
      return;
    }
    if (this.blankBefore >= 0 && isSeparatorLine(l.head())) {
      this.close(this.blankBefore);
      this.start(l);
      return;
    }
    if (open.inHeader) {
      if (l.blank) {
        open.inHeader = false;
        if (open.contentLength !== undefined) {
          if (open.contentLength === 0) open.landed = true;
          else open.remaining = open.contentLength;
        }
      } else {
        const m = CONTENT_LENGTH.exec(l.head());
        if (m) open.contentLength = Number(m[1]);
      }
    }
    this.blankBefore = l.blank ? l.offset : -1;
  }

  /** Ends the input at `end` and emits the last message. */
  finish(end: number): void {
    const open = this.open;
    if (!open) return;
    // A length that runs past the end of the file was wrong too.
    if (open.remaining !== undefined) this.giveUpLength();
    else if (open.landed) this.open!.framed = true;
    this.close(end);
  }

  private start(l: ScannedLine): void {
    this.open = {
      index: this.count++,
      offset: l.offset,
      line: l.line,
      headerOffset: l.next,
      inHeader: true,
      landed: false,
      framed: false,
      candidates: [],
    };
    this.blankBefore = -1;
  }

  private close(end: number): void {
    const o = this.open!;
    this.emit({ index: o.index, offset: o.offset, line: o.line, headerOffset: o.headerOffset, end: Math.max(end, o.headerOffset), framedByLength: o.framed });
    this.open = undefined;
  }

  /** The Content-Length was wrong: the separators seen inside its body start messages after all. */
  private giveUpLength(): void {
    const o = this.open!;
    o.remaining = undefined;
    o.landed = false;
    o.contentLength = undefined;
    const candidates = o.candidates;
    o.candidates = [];
    for (const c of candidates) {
      this.close(c.end);
      this.open = { index: this.count++, offset: c.offset, line: c.line, headerOffset: c.headerOffset, inHeader: false, landed: false, framed: false, candidates: [] };
    }
  }
}

/** The lines of a string as ScannedLine (one object, moved along: the scanner keeps no line). */
class StringLines implements ScannedLine {
  offset = 0;
  next = 0;
  line = 0;
  blank = false;
  private contentEnd = 0;
  constructor(private readonly text: string) {}
  /** Moves to the line at `offset`; false at the end. */
  advance(offset: number, line: number): boolean {
    const text = this.text;
    if (offset >= text.length) return false;
    const nl = text.indexOf('\n', offset);
    this.offset = offset;
    this.line = line;
    this.next = nl < 0 ? text.length : nl + 1;
    this.contentEnd = nl < 0 ? text.length : nl > offset && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    this.blank = this.contentEnd === offset && nl >= 0;
    return true;
  }
  head(): string {
    return this.text.slice(this.offset, Math.min(this.contentEnd, this.offset + HEAD_CHARS));
  }
  octets(): number {
    return utf8Length(this.text, this.offset, this.next);
  }
}

/**
 * The messages of a mailbox held in a string. Empty when the text does not
 * start with a separator line (an ordinary message, not a mailbox).
 */
export function splitMbox(text: string): MboxMessage[] {
  const out: MboxMessage[] = [];
  const scanner = new MboxScanner((m) => out.push(m));
  const lines = new StringLines(text);
  let line = 0;
  for (let offset = 0; lines.advance(offset, line); offset = lines.next, line++) {
    scanner.line(lines);
    if (!scanner.isMbox) return [];
  }
  scanner.finish(text.length);
  return out;
}

/** The message whose lines (separator line to end) hold `offset`; undefined between messages (on a separating empty line). */
export function messageAt(messages: readonly MboxMessage[], offset: number): MboxMessage | undefined {
  let lo = 0;
  let hi = messages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = messages[mid];
    if (offset < m.offset) hi = mid - 1;
    // The end itself is the start of the next line (the separating empty line), except at the end of the last message.
    else if (offset > m.end || (offset === m.end && mid + 1 < messages.length)) lo = mid + 1;
    else return m;
  }
  return undefined;
}

/** A message's place in a text: `offset` is where it starts (its separator line, if any), `headerOffset` where its header section starts. */
export interface MessageRange {
  offset: number;
  headerOffset: number;
  end: number;
  /** 0-based index in the mailbox (0 for an ordinary message). */
  index: number;
  /** How many messages the text holds. */
  count: number;
}

/**
 * The message under `offset` in `text`: for a mailbox, the message whose lines
 * hold it (undefined on an empty line between two messages); for any other
 * text, the whole text.
 */
export function messageRangeAt(text: string, offset: number, messages: readonly MboxMessage[] = splitMbox(text)): MessageRange | undefined {
  if (messages.length === 0) return { offset: 0, headerOffset: 0, end: text.length, index: 0, count: 1 };
  const m = messageAt(messages, offset);
  return m && { offset: m.offset, headerOffset: m.headerOffset, end: m.end, index: m.index, count: messages.length };
}

/**
 * mboxrd reading (RFC 4155 Appendix A): one ">" is removed from every line
 * that is ">From ", ">>From ", ... Apply to a message without its separator line.
 */
export function unquoteFromLines(text: string): string {
  return text.indexOf('From ') < 0 ? text : text.replace(/(^|\n)>(>*From )/g, '$1$2');
}

/** mboxrd writing: one ">" is added to every line that is "From ", ">From ", ... (the inverse of unquoteFromLines). */
export function quoteFromLines(text: string): string {
  return text.indexOf('From ') < 0 ? text : text.replace(/(^|\n)(>*From )/g, '$1>$2');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A separator line `From SENDER asctime-date` (RFC 4155 §2, UTC), without its line break. */
export function separatorLine(sender: string, date: Date): string {
  const token = sender.replace(/\s+/g, '') || 'MAILER-DAEMON';
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const d = Number.isNaN(date.getTime()) ? new Date(0) : date;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `From ${token} ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * Splits a transcript into lines and classifies each one by its dialect's prefix.
 *
 * The canonical form is RFC 5321's own: `C: ` for the client, `S: ` for the
 * server. Logs from other tools carry the same dialogue behind other markers;
 * a file written wholly in one of them is read as that dialect, so the rest of
 * the analysis sees only client, server, annotation and blank lines.
 * Everything here is one pass over the text with anchored, non-nested patterns.
 */

import { utf8Length } from '../octets';
import { CANONICAL_DIALECT, DIALECTS, dialectReader, type Classified, type Dialect, type LineKind, type LineRows, type RawLine } from './dialects';

export { DIALECT_NAMES, type Dialect, type LineKind } from './dialects';

/** One physical line of the transcript, with offsets into the whole text. */
export interface TranscriptLine {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character of the line. */
  readonly offset: number;
  /** Offset just past the last character before the line break. */
  readonly end: number;
  readonly kind: LineKind;
  /** Offset and length of the dialect marker (`C: `, ` -> `, `[..] DEBUG [id] S: `...). */
  readonly prefixOffset: number;
  readonly prefixLength: number;
  /** Offset where the protocol text starts (after the prefix). */
  readonly contentOffset: number;
  /** The protocol text (client command or data line, server reply line, or annotation text). */
  readonly content: string;
  /** Swaks marks lines sent inside TLS with `~`. */
  readonly tls?: boolean;
  /**
   * nodemailer only: the line is the `<N bytes encoded mime message ...>` summary
   * that stands for a DATA body the log did not record.
   */
  readonly elidedData?: boolean;
  /** nodemailer only: an unprefixed DEBUG line, which is message data when a DATA body is open. */
  readonly maybeData?: boolean;
}

/**
 * Finds line breaks (CRLF, LF or a lone CR) left to right. indexOf (native)
 * finds them; the next CR and the next LF are each searched once per
 * occurrence, so a file with only LF does not rescan for a CR on every line.
 */
class BreakFinder {
  private nextLf: number;
  private nextCr: number;
  constructor(private readonly text: string) {
    this.nextLf = text.indexOf('\n');
    this.nextCr = text.indexOf('\r');
  }
  /** The first break at or after `start`, or -1. `start` must not decrease between calls. */
  find(start: number): number {
    if (this.nextLf >= 0 && this.nextLf < start) this.nextLf = this.text.indexOf('\n', start);
    if (this.nextCr >= 0 && this.nextCr < start) this.nextCr = this.text.indexOf('\r', start);
    const lf = this.nextLf;
    const cr = this.nextCr;
    return lf < 0 ? cr : cr < 0 ? lf : lf < cr ? lf : cr;
  }
}

/** Where the next line starts after the break at `i` (CRLF is one break). */
const afterBreak = (text: string, i: number): number => (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1);

/**
 * Splits on CRLF, LF or a lone CR, keeping offsets. Linear. With `limit`, stops
 * after that many lines (dialect detection looks at the head of a file only).
 */
export function splitLines(text: string, limit = Infinity): RawLine[] {
  const out: RawLine[] = [];
  const n = text.length;
  const breaks = new BreakFinder(text);
  let start = 0;
  while (start < n && out.length < limit) {
    const i = breaks.find(start);
    if (i < 0) {
      out.push({ offset: start, end: n });
      break;
    }
    out.push({ offset: start, end: i });
    start = afterBreak(text, i);
  }
  return out;
}

const isBlank = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

/**
 * Picks the dialect: the one with the most client/server lines. `C:`/`S:` wins
 * ties, so a canonical file with a stray ` -> ` line stays canonical and gets a
 * `line-prefix` error there.
 */
export function detectDialect(text: string, raw?: RawLine[], canonicalRows?: LineTable): Dialect {
  // Per reader of DIALECTS; the canonical one (index 0) is counted in place.
  const counts = new Array<number>(DIALECTS.length).fill(0);
  const signatures = new Array<number>(DIALECTS.length).fill(0);
  const tally = (offset: number, end: number): void => {
    const c0 = text.charCodeAt(offset);
    // A `C:`/`S:` line (counted without a slice) matches no other dialect's
    // reader: they all start with a space, `<`, `-`, `=`, `*`, `[` or `Out:`/`In:`.
    if ((c0 === 67 || c0 === 83) && offset + 1 < end && text.charCodeAt(offset + 1) === 58) {
      counts[0]++;
      return;
    }
    const line = text.slice(offset, Math.min(end, offset + 200));
    for (let d = 1; d < DIALECTS.length; d++) {
      const reader = DIALECTS[d];
      const r = reader.classify(line);
      if (r && (r.kind === 'client' || r.kind === 'server')) counts[d]++;
      if (reader.isSignatureLine?.(line)) signatures[d]++;
      if (counts[d] > mostOther) mostOther = counts[d];
    }
  };
  // The highest count of the other dialects so far: once the canonical count
  // reaches it plus every line still to be looked at, no other dialect can
  // pass it (and it wins ties), so the rest of the head need not be read.
  let mostOther = 0;
  if (raw) {
    const limit = Math.min(raw.length, DETECT_LINES);
    for (let k = 0; k < limit; k++) tally(raw[k].offset, raw[k].end);
  } else if (canonicalRows) {
    // The rows of the text read as canonical: the same lines, and a client or
    // server row there is exactly a `C:`/`S:` line, counted without a look at the text.
    const limit = Math.min(canonicalRows.count, DETECT_LINES);
    const SERVER = KIND_CODE.server; // a local, as in scanLines
    for (let k = 0; k < limit; k++) {
      if (canonicalRows.kindCode(k) <= SERVER) counts[0]++;
      else tally(canonicalRows.offsets[k], canonicalRows.ends[k]);
      if (counts[0] > 0 && counts[0] >= mostOther + DETECT_LINES - k - 1) return DIALECTS[0].name;
    }
  } else {
    // The head of the text, walked in place (no object a line).
    const n = text.length;
    const breaks = new BreakFinder(text);
    for (let k = 0, offset = 0; offset < n && k < DETECT_LINES; k++) {
      const br = breaks.find(offset);
      tally(offset, br < 0 ? n : br);
      offset = br < 0 ? n : afterBreak(text, br);
      if (counts[0] > 0 && counts[0] >= mostOther + DETECT_LINES - k - 1) return DIALECTS[0].name;
    }
  }
  let best = 0;
  for (let d = 1; d < DIALECTS.length; d++) if (counts[d] > counts[best]) best = d;
  // A file with no marked protocol line at all (swaks --no-hints) is told apart by a dialect's own notes.
  if (counts[best] === 0) {
    const signed = signatures.findIndex((n) => n > 0);
    if (signed >= 0) return DIALECTS[signed].name;
  }
  return DIALECTS[best].name;
}

/** How many lines from the head of a file decide its dialect. */
const DETECT_LINES = 20000;

const BLANK: Classified = { kind: 'blank', prefixLength: 0 };
const COMMENT: Classified = { kind: 'annotation', prefixLength: 1 };
const INVALID: Classified = { kind: 'invalid', prefixLength: 0 };
const UNPREFIXED: Classified = { kind: 'annotation', prefixLength: 0 };

/**
 * A line as `readLines` makes it: a view of row `index` of its `LineTable`,
 * every field read from the table when asked (an object of two fields, where a
 * copy of each field was 88 octets a line), `content` sliced from the text.
 */
class Line implements TranscriptLine {
  readonly #table: LineTable;
  constructor(
    table: LineTable,
    readonly index: number,
  ) {
    this.#table = table;
  }
  get offset(): number {
    return this.#table.offsets[this.index];
  }
  get end(): number {
    return this.#table.ends[this.index];
  }
  get kind(): LineKind {
    return this.#table.kind(this.index);
  }
  get prefixOffset(): number {
    return this.#table.prefixOffsets[this.index];
  }
  get prefixLength(): number {
    return this.#table.contentOffsets[this.index] - this.#table.prefixOffsets[this.index];
  }
  get contentOffset(): number {
    return this.#table.contentOffsets[this.index];
  }
  get content(): string {
    return this.#table.text.slice(this.#table.contentOffsets[this.index], this.#table.ends[this.index]);
  }
  get tls(): true | undefined {
    return this.#table.hasFlag(this.index, TLS) || undefined;
  }
  get elidedData(): true | undefined {
    return this.#table.hasFlag(this.index, ELIDED_DATA_FLAG) || undefined;
  }
  get maybeData(): true | undefined {
    return this.#table.hasFlag(this.index, MAYBE_DATA) || undefined;
  }
}

/** A plain copy of `line` with another `content` (a line that stands for something else, such as the end of DATA). */
export function lineWithContent(line: TranscriptLine, content: string): TranscriptLine {
  const copy: { -readonly [K in keyof TranscriptLine]: TranscriptLine[K] } = {
    index: line.index,
    offset: line.offset,
    end: line.end,
    kind: line.kind,
    prefixOffset: line.prefixOffset,
    prefixLength: line.prefixLength,
    contentOffset: line.contentOffset,
    content,
  };
  if (line.tls) copy.tls = true;
  if (line.elidedData) copy.elidedData = true;
  if (line.maybeData) copy.maybeData = true;
  return copy;
}

const KINDS: readonly LineKind[] = ['client', 'server', 'annotation', 'blank', 'invalid'];
/** The kind code of each line kind, as `LineTable.kindCode` gives it (the index in KINDS). */
export const KIND_CODE = { client: 0, server: 1, annotation: 2, blank: 3, invalid: 4 } as const satisfies Readonly<Record<LineKind, number>>;
const TLS = 8;
const ELIDED_DATA_FLAG = 16;
const MAYBE_DATA = 32;

/**
 * The lines of a transcript in typed arrays (17 octets a line), with a
 * `TranscriptLine` object made only for a line someone asks for, once. The
 * parser asks only for protocol lines: the lines of a DATA body, most of a
 * large transcript, stay numbers, where an object each was most of the memory
 * (and of the time, on a machine where fresh memory costs page faults).
 */
export class LineTable {
  /** Number of lines. */
  readonly count: number;
  readonly offsets: Int32Array;
  readonly ends: Int32Array;
  readonly prefixOffsets: Int32Array;
  readonly contentOffsets: Int32Array;
  /** Kind code (low 3 bits) and the tls / elidedData / maybeData flags. */
  private readonly info: Uint8Array;
  private made: Array<TranscriptLine | undefined> | undefined;
  private all: TranscriptLine[] | undefined;

  constructor(
    readonly text: string,
    readonly dialect: Dialect,
  ) {
    const rows = scanLines(text, dialect);
    this.count = rows.count;
    this.offsets = rows.offsets;
    this.ends = rows.ends;
    this.prefixOffsets = rows.prefixOffsets;
    this.contentOffsets = rows.contentOffsets;
    this.info = rows.info;
  }

  kind(k: number): LineKind {
    return KINDS[this.info[k] & 7];
  }
  /** Kind code (`KIND_CODE`): 0 client, 1 server, 2 annotation, 3 blank, 4 invalid. */
  kindCode(k: number): number {
    return this.info[k] & 7;
  }
  isElidedData(k: number): boolean {
    return (this.info[k] & ELIDED_DATA_FLAG) !== 0;
  }
  isMaybeData(k: number): boolean {
    return (this.info[k] & MAYBE_DATA) !== 0;
  }

  #oneByte: boolean | undefined;
  /** True when no character of the text is above U+00FF (so latin1 holds it exactly). */
  isOneByte(): boolean {
    return (this.#oneByte ??= this.isAscii() || !/[^\x00-\xff]/.test(this.text));
  }

  #ascii: boolean | undefined;
  /**
   * True when every character of the text is ASCII. Asked of the UTF-8 length,
   * which Node counts natively (SIMD), about fifteen times faster than a
   * character loop over 10 MB and seven times faster than a regular expression.
   */
  isAscii(): boolean {
    return (this.#ascii ??= Buffer.byteLength(this.text, 'utf8') === this.text.length);
  }

  /**
   * The UTF-8 octets of line `k`'s content. In an ASCII text that is its
   * length, so a DATA body of 10 MB is not read character by character to
   * count what it already knows.
   */
  contentOctets(k: number): number {
    const co = this.contentOffsets[k];
    const end = this.ends[k];
    return this.isAscii() ? end - co : utf8Length(this.text, co, end);
  }

  /**
   * Whether `line(k)` keeps the objects it makes (the same object every time);
   * when not, each call makes a new view, garbage as soon as its user is.
   */
  keepsLines = true;

  /** Line `k` as an object; the same object every time while `keepsLines`. */
  line(k: number): TranscriptLine {
    if (!this.keepsLines) return new Line(this, k);
    const made = (this.made ??= new Array<TranscriptLine | undefined>(this.count));
    return (made[k] ??= new Line(this, k));
  }

  /** True when line `k` has the flag bit `flag` (TLS, ELIDED_DATA_FLAG, MAYBE_DATA). */
  hasFlag(k: number, flag: number): boolean {
    return (this.info[k] & flag) !== 0;
  }

  /** Every line as an object (made on the first call). */
  lines(): TranscriptLine[] {
    if (!this.all) {
      const all: TranscriptLine[] = new Array(this.count);
      for (let k = 0; k < this.count; k++) all[k] = this.line(k);
      this.all = all;
    }
    return this.all;
  }
}

/** The rows of a `LineTable`. */
type Rows = LineRows;

/**
 * Splits and classifies `text` into rows. A function of its own rather than
 * the constructor's body: V8 optimises the hot loop on the stack (OSR), and in
 * a constructor the code after the loop (the field stores) threw that away
 * again on every call.
 */
function scanLines(text: string, dialect: Dialect): Rows {
  const reader = dialectReader(dialect);
  const read = reader.classifierFor ? reader.classifierFor(text, splitLines(text, DETECT_LINES)) : reader.classify;
  const n = text.length;
  // A first guess at the line count (lines of 32 characters; most are longer);
  // the arrays double when it is passed. Pages never written cost no memory.
  let cap = Math.min(n + 1, (n >> 5) + 16);
  let offsets = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let prefixOffsets = new Int32Array(cap);
  let contentOffsets = new Int32Array(cap);
  let info = new Uint8Array(cap);
  // The next LF and the next CR at or after `offset` (BreakFinder's state, in
  // locals: this loop runs once a line, 130,000 times for a 10 MB DATA body).
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  // The canonical form: its usual line classified in place, `#` comments, unmarked lines invalid.
  const isCanonical = reader === CANONICAL_DIALECT;
  // In locals: compiled to CommonJS, each use of an exported constant is a
  // property read of `exports`, twice a line here.
  const CLIENT = KIND_CODE.client;
  const SERVER = KIND_CODE.server;
  let offset = 0;
  let k = 0;
  for (; offset < n; k++) {
    if (k === cap) {
      cap *= 2;
      offsets = grow(offsets, cap);
      ends = grow(ends, cap);
      prefixOffsets = grow(prefixOffsets, cap);
      contentOffsets = grow(contentOffsets, cap);
      const more = new Uint8Array(cap);
      more.set(info);
      info = more;
    }
    if (nextLf >= 0 && nextLf < offset) nextLf = text.indexOf('\n', offset);
    if (nextCr >= 0 && nextCr < offset) nextCr = text.indexOf('\r', offset);
    // The line's end and where the next line starts, from the two positions
    // alone (a CR right before the next LF is a CRLF): no character is read.
    let end = n;
    let next = n;
    if (nextCr >= 0 && (nextLf < 0 || nextCr < nextLf)) {
      end = nextCr;
      next = nextLf === nextCr + 1 ? nextCr + 2 : nextCr + 1;
    } else if (nextLf >= 0) {
      end = nextLf;
      next = nextLf + 1;
    }
    const c0 = offset < end ? text.charCodeAt(offset) : -1;
    if (isCanonical && (c0 === 67 || c0 === 83) && text.charCodeAt(offset + 1) === 58 && offset + 1 < end) {
      // The usual canonical line, classified and stored in place (no slice, no
      // Classified read): `C:` / `S:` then one optional space, the prefix.
      offsets[k] = offset;
      ends[k] = end;
      prefixOffsets[k] = offset;
      contentOffsets[k] = offset + (text.charCodeAt(offset + 2) === 32 && offset + 2 < end ? 3 : 2);
      info[k] = c0 === 67 ? CLIENT : SERVER;
      offset = next;
      continue;
    }
    let c: Classified | undefined;
    {
      const line = text.slice(offset, end);
      if (isBlank(line)) c = BLANK;
      else if (isCanonical && c0 === 35 /* # */) c = COMMENT;
      else c = read(line) ?? (isCanonical ? INVALID : UNPREFIXED);
    }
    const prefixOffset = offset + (c.lead ?? 0);
    offsets[k] = offset;
    ends[k] = end;
    prefixOffsets[k] = prefixOffset;
    contentOffsets[k] = prefixOffset + c.prefixLength;
    info[k] = KIND_CODE[c.kind] | (c.tls ? TLS : 0) | (c.elidedData ? ELIDED_DATA_FLAG : 0) | (c.maybeData ? MAYBE_DATA : 0);
    offset = next;
  }
  const rows = { count: k, offsets, ends, prefixOffsets, contentOffsets, info };
  reader.resolve?.(text, rows, ROW_CODES);
  return rows;
}

/** The codes a reader's `resolve` writes into the rows. */
const ROW_CODES = { client: KIND_CODE.client, server: KIND_CODE.server, annotation: KIND_CODE.annotation, blank: KIND_CODE.blank, elidedData: ELIDED_DATA_FLAG };

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** Splits and classifies `text` in `dialect` (detected when not given) into a `LineTable`. */
export function readLineTable(text: string, dialect?: Dialect): LineTable {
  if (dialect) return new LineTable(text, dialect);
  if (!startsCanonical(text)) return new LineTable(text, detectDialect(text));
  // A file that starts like the canonical form is read as one first; its rows
  // then decide the dialect without a walk of their own, and are kept when it is.
  const table = new LineTable(text, CANONICAL_DIALECT.name);
  const detected = detectDialect(text, undefined, table);
  return detected === CANONICAL_DIALECT.name ? table : new LineTable(text, detected);
}

/** True when the first line that is not blank and not a `#` note starts with `C:` or `S:` (cheap: a hint, not the decision). */
function startsCanonical(text: string): boolean {
  const n = text.length;
  for (let offset = 0; offset < n && offset < 4096; ) {
    let br = offset;
    while (br < n && text.charCodeAt(br) !== 10 && text.charCodeAt(br) !== 13) br++;
    const c0 = text.charCodeAt(offset);
    if (c0 !== 35 && !isBlank(text.slice(offset, br))) return (c0 === 67 || c0 === 83) && br > offset + 1 && text.charCodeAt(offset + 1) === 58;
    offset = br < n ? afterBreak(text, br) : n;
  }
  return false;
}

/** Classifies every line of `text` in `dialect` (detected when not given). */
export function readLines(text: string, dialect?: Dialect): { dialect: Dialect; lines: TranscriptLine[] } {
  const table = readLineTable(text, dialect);
  return { dialect: table.dialect, lines: table.lines() };
}

// ---- Scanners of the parser's hot paths: by character code, in place, with interned results ----

/** `[2-5][0-5][0-9]`: the reply codes RFC 5321 §4.2 allows. */
export const isReplyCode = (c0: number, c1: number, c2: number): boolean => c0 >= 50 && c0 <= 53 && c1 >= 48 && c1 <= 53 && c2 >= 48 && c2 <= 57;

/** The reply code strings seen so far, so that a transcript's 10,000 `250`s share one string. */
const REPLY_CODE_TEXT: string[] = [];
export function replyCodeText(text: string, at: number): string {
  const n = (text.charCodeAt(at) - 48) * 100 + (text.charCodeAt(at + 1) - 48) * 10 + (text.charCodeAt(at + 2) - 48);
  return (REPLY_CODE_TEXT[n] ??= text.slice(at, at + 3));
}

/**
 * Length of an RFC 3463 enhanced status code (`class.subject.detail`: class 2,
 * 4 or 5, then one to three digits twice) at `text[at..end)`, followed by a
 * space, a tab or the end of the line; 0 when there is none. By character
 * code, as the regex /^([245])\.(\d{1,3})\.(\d{1,3})(?=[ \t]|$)/ would match it.
 */
export function enhancedCodeLength(text: string, at: number, end: number): number {
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
export function enhancedCodeText(text: string, at: number, length: number): string {
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

/** What an enhanced status code that failed the strict reading looks like (for the range of the report). */
export const ENHANCED_LIKE = /^\d\.\d+\.\d+/;
/** `<wait for open connection>`: an RFC example's pseudo-line (checked by hand: no backtracking). */
export function isPseudoLine(s: string): boolean {
  if (s.length < 3 || s.charCodeAt(0) !== 60 || s.charCodeAt(s.length - 1) !== 62) return false;
  const inner = s.slice(1, -1);
  return inner.includes(' ') && !inner.includes('<') && !inner.includes('>');
}

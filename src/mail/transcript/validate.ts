/**
 * Validates an SMTP transcript: the protocol (parse.ts) and every message sent
 * with DATA/BDAT, validated as an RFC 5322 message with its problems mapped
 * back onto the transcript lines.
 */
import type { Problem, RelatedLocation } from '../codes';
import { validateMessage, type MessageValidationOptions } from '../message/validate';
import type { Dialect } from './lines';
import { declaresSmtpUtf8 } from './model';
import { Block, MAX_PROBLEMS_PER_CODE, type DataBlock, type TranscriptSession } from './parse';
import { TranscriptParser } from './session';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from './messages';
import { keepShape } from '../shapes';

/** A message rebuilt from a DATA block, with the way back to the transcript. */
export interface BlockMessage {
  /** The unstuffed message, lines joined with CRLF (and a final CRLF). */
  readonly text: string;
  /** Start of each message line in `text`. */
  readonly messageStarts: Int32Array;
  /** Where each message line starts in the transcript (after the prefix and a removed dot). */
  readonly transcriptStarts: Int32Array;
  /** Length of each message line. */
  readonly lengths: Int32Array;
}

/**
 * Rebuilds the message of a DATA block: the client lines' text, dot-unstuffed
 * (RFC 5321 §4.5.2) for DATA, joined with CRLF.
 */
export function messageOfBlock(block: DataBlock): BlockMessage {
  if (block instanceof Block) return messageOfTable(block);
  const n = block.lines.length;
  const messageStarts = new Int32Array(n);
  const transcriptStarts = new Int32Array(n);
  const lengths = new Int32Array(n);
  const parts: string[] = new Array(n);
  let pos = 0;
  for (let k = 0; k < n; k++) {
    const line = block.lines[k];
    const dot = block.stuffed && line.content.charCodeAt(0) === 46 ? 1 : 0;
    const body = dot ? line.content.slice(1) : line.content;
    parts[k] = body;
    messageStarts[k] = pos;
    transcriptStarts[k] = line.contentOffset + dot;
    lengths[k] = body.length;
    pos += body.length + 2;
  }
  const text = n === 0 ? '' : parts.join('\r\n') + '\r\n';
  return { text, messageStarts, transcriptStarts, lengths };
}

/** `messageOfBlock` for the parser's blocks: read from the line table, no line objects. `text` when already built. */
function messageOfTable(block: Block, text?: string): BlockMessage {
  const n = block.lineCount;
  const table = block.lineTable;
  const messageStarts = new Int32Array(n);
  const transcriptStarts = new Int32Array(n);
  const lengths = new Int32Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const k = block.lineNumber(i);
    const start = bodyStart(block, k);
    const length = table.ends[k] - start;
    messageStarts[i] = pos;
    transcriptStarts[i] = start;
    lengths[i] = length;
    pos += length + 2;
  }
  return { text: text ?? textOfTable(block), messageStarts, transcriptStarts, lengths };
}

/** Where the message text of body line `k` starts: after the prefix and, in DATA, a stuffed dot (RFC 5321 §4.5.2). */
function bodyStart(block: Block, k: number): number {
  const table = block.lineTable;
  const start = table.contentOffsets[k];
  return block.stuffed && start < table.ends[k] && table.text.charCodeAt(start) === 46 ? start + 1 : start;
}

/**
 * The message text of a parser's block (as `messageOfBlock(block).text`),
 * without the offset arrays: validation needs those only to map problems, and
 * most messages have none.
 */
function textOfTable(block: Block): string {
  const n = block.lineCount;
  if (n === 0) return '';
  const table = block.lineTable;
  const ends = table.ends;
  const base = table.offsets[block.lineNumber(0)];
  // A large body (its span bounds its message) is moved left in place when it
  // can be, with no pass before it (see the note above compactInPlace).
  if (ends[block.lineNumber(n - 1)] - base >= LARGE_MESSAGE) {
    const compacted = compactInPlace(block);
    if (compacted !== undefined) return compacted;
  }
  // One pass for the length and for whether the lines can be moved left in place.
  let total = 0;
  let inPlace = true;
  for (let i = 0; i < n; i++) {
    const k = block.lineNumber(i);
    const start = bodyStart(block, k);
    if (total > start - base) inPlace = false;
    total += ends[k] - start + 2;
  }
  if (total >= LARGE_MESSAGE) return (inPlace && compactInPlace(block)) || joinInBuffer(block, total);
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = block.lineNumber(i);
    parts[i] = table.text.slice(bodyStart(block, k), ends[k]);
  }
  return parts.join('\r\n') + '\r\n';
}

/**
 * Above this size (Node's threshold for strings decoded from a Buffer to live
 * outside the JS heap, ~1 MB) a block's message is built in a Buffer.
 */
const LARGE_MESSAGE = 0xfbee9;

/**
 * The Buffer the last large message was built in, reused by the next one (its
 * string is a copy): a fresh 10 MB Buffer for every validation was fresh
 * memory each time (page faults, about a thousand a validation) and, counted
 * as external memory, a garbage collection every two or three. Kept only while
 * validations keep building large messages (see `releaseScratch`).
 */
let scratch: Buffer | undefined;
/** Whether the current `validateSessionMessages` call has used `scratch`. */
let scratchUsed = false;

/** A Buffer of at least `size` octets, the kept one when it is large enough and not more than four times that. */
function scratchBuffer(size: number): Buffer {
  if (!scratch || scratch.length < size || scratch.length > 4 * size) scratch = Buffer.allocUnsafe(size);
  scratchUsed = true;
  return scratch;
}

/** Drops the kept Buffer when the validation that just ended built no large message, so a closed large transcript does not keep it. */
function releaseScratch(): void {
  if (!scratchUsed) scratch = undefined;
  scratchUsed = false;
}

/** latin1 when the whole text fits in it (one octet a character), UTF-16 code units otherwise. */
function bufferEncodingOf(block: Block): { encoding: 'latin1' | 'utf16le'; width: 1 | 2 } {
  return block.lineTable.isOneByte() ? { encoding: 'latin1', width: 1 } : { encoding: 'utf16le', width: 2 };
}

/**
 * Joins the body lines of `block` with CRLF (and a final CRLF), `total` UTF-16
 * units in all, through a Buffer: the string decoded from it is allocated
 * outside the JS heap, where the allocator reuses the memory of the last large
 * message, whereas a 10 MB string made by join() is fresh heap pages (page
 * faults, ~4 ms a MB on a small VM) and GC work every time. Either encoding
 * gives a result equal to the join.
 */
function joinInBuffer(block: Block, total: number): string {
  const table = block.lineTable;
  const { encoding, width } = bufferEncodingOf(block);
  const buf = scratchBuffer(total * width);
  let p = 0;
  for (let i = 0; i < block.lineCount; i++) {
    const k = block.lineNumber(i);
    const start = bodyStart(block, k);
    const end = table.ends[k];
    if (end > start) p += buf.write(table.text.slice(start, end), p, encoding);
    p = writeCrlf(buf, p, width);
  }
  return buf.toString(encoding, 0, p);
}

/** Writes CRLF at `p` in latin1 (`width` 1) or UTF-16 little-endian (`width` 2: CR 0 LF 0); returns the offset after it. */
function writeCrlf(buf: Buffer, p: number, width: number): number {
  buf[p] = 13;
  if (width === 2) buf[p + 1] = 0;
  buf[p + width] = 10;
  if (width === 2) buf[p + 3] = 0;
  return p + 2 * width;
}

/*
 * A body compacts in place when it can be joined by moving each line left
 * inside one copy of the block's span: every line's message text starts at or
 * after the place where it goes, so no move (nor the CRLF written after it)
 * overwrites text not read yet. So it is whenever each line's prefix and break
 * take at least the two characters of the CRLF that replaces them (`C: ` and a
 * break always do; an unprefixed nodemailer data line ending in LF does not).
 */

/**
 * The join of `joinInBuffer` for a block that compacts in place: the block's
 * span is encoded once (one native call) and each line moved left within it
 * (`copyWithin`, a memmove), instead of one string slice and one encode per
 * line; three times faster on a 10 MB body. The loop reads the table's arrays
 * directly (130,000 turns for 10 MB) and checks as it goes that the body does
 * compact in place: undefined when a line would be moved right.
 */
function compactInPlace(block: Block): string | undefined {
  const table = block.lineTable;
  const { contentOffsets, ends, text } = table;
  const stuffed = block.stuffed;
  const n = block.lineCount;
  const base = table.offsets[block.lineNumber(0)];
  const spanEnd = ends[block.lineNumber(n - 1)];
  const { encoding, width } = bufferEncodingOf(block);
  // The last line's CRLF may end two characters past the span.
  const buf = scratchBuffer((spanEnd - base + 2) * width);
  buf.write(text.slice(base, spanEnd), 0, encoding);
  // `p` counts characters of the message so far (octets of the buffer are `p * width`).
  let p = 0;
  for (let i = 0; i < n; i++) {
    const k = block.lineNumber(i);
    const end = ends[k];
    let start = contentOffsets[k];
    // As bodyStart: a stuffed dot is not part of the message (RFC 5321 §4.5.2).
    if (stuffed && start < end && text.charCodeAt(start) === 46) start++;
    if (p > start - base) return undefined;
    if (width === 1) {
      if (end > start) buf.copyWithin(p, start - base, end - base);
      p += end - start;
      buf[p] = 13;
      buf[p + 1] = 10;
    } else {
      if (end > start) buf.copyWithin(p * 2, (start - base) * 2, (end - base) * 2);
      p += end - start;
      writeCrlf(buf, p * 2, 2);
    }
    p += 2;
  }
  return buf.toString(encoding, 0, p * width);
}

/** Maps an offset in the message text to the transcript (binary search, O(log n)). */
export function mapMessageOffset(m: BlockMessage, offset: number): number {
  const n = m.messageStarts.length;
  if (n === 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.messageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const delta = Math.max(0, offset - m.messageStarts[lo]);
  // An offset inside the CRLF we joined with maps to the end of the transcript line.
  return m.transcriptStarts[lo] + Math.min(delta, m.lengths[lo]);
}

function mapSpan(m: BlockMessage, offset: number, length: number): { offset: number; length: number } {
  const start = mapMessageOffset(m, offset);
  const end = length > 0 ? mapMessageOffset(m, offset + length) : start;
  return { offset: start, length: Math.max(0, end - start) };
}

/** Options of `validateTranscript`. */
export interface TranscriptValidationOptions extends MessageValidationOptions {
  /** Force a dialect instead of detecting it. */
  dialect?: Dialect;
  /** Skip validating the DATA messages (protocol only). */
  skipMessages?: boolean;
}

/** Validates the messages of a parsed session; returns their problems in transcript offsets. */
export function validateSessionMessages(session: TranscriptSession, options: MessageValidationOptions = {}): Problem[] {
  try {
    return validateMessagesOf(session, options);
  } finally {
    releaseScratch();
  }
}

/** The body of `validateSessionMessages`, which releases the kept Buffer after it whatever happens. */
function validateMessagesOf(session: TranscriptSession, options: MessageValidationOptions): Problem[] {
  const out: Problem[] = [];
  // RFC 6531: a transaction opened with MAIL ... SMTPUTF8 may carry raw UTF-8 headers (RFC 6532).
  const utf8Blocks = new Set<DataBlock>();
  for (const t of session.transactions) {
    if (t.block && declaresSmtpUtf8(t.mail)) utf8Blocks.add(t.block);
  }
  for (const block of session.dataBlocks) {
    if (block.elided) continue;
    // An empty body is what RFC examples print for "message elided" (RFC 2920 §4);
    // there is no message to check, so it is not reported as one lacking From/Date.
    if ((block instanceof Block ? block.lineCount : block.lines.length) === 0) continue;
    const whole = block instanceof Block ? undefined : messageOfBlock(block);
    const messageText = whole ? whole.text : textOfTable(block as Block);
    let problems: Problem[];
    try {
      problems = validateMessage(messageText, options);
    } catch {
      continue; // The message validator promises never to throw; a bug there must not hide the protocol problems.
    }
    if (problems.length === 0) continue;
    // The offset arrays, now that there is something to map.
    const m = whole ?? messageOfTable(block as Block, messageText);
    for (const p of problems) {
      if (p.code === 'non-ascii-header' && utf8Blocks.has(block)) continue;
      const span = mapSpan(m, p.offset, p.length);
      const mapped: Problem = { ...p, offset: span.offset, length: span.length };
      if (p.related) {
        mapped.related = p.related.map((r): RelatedLocation => ({ ...r, ...mapSpan(m, r.offset, r.length) }));
      }
      out.push(mapped);
    }
  }
  return out;
}

/**
 * A short session (greeting, EHLO, a transaction with its message, RSET, QUIT)
 * whose parser, once run, is kept for the life of the process: see `keepShapes`.
 */
const SHAPE_SAMPLE = [
  'S: 220 mx.example.net ESMTP',
  'C: EHLO client.example.org',
  'S: 250-mx.example.net',
  'S: 250 PIPELINING',
  'C: MAIL FROM:<a@example.org>',
  'S: 250 2.1.0 Ok',
  'C: RCPT TO:<b@example.net>',
  'S: 250 2.1.5 Ok',
  'C: DATA',
  'S: 354 End data with <CR><LF>.<CR><LF>',
  'C: Subject: sample',
  'C: ',
  'C: Body.',
  'C: .',
  'S: 250 2.0.0 Ok',
  'C: RSET',
  'S: 250 2.0.0 Ok',
  'C: QUIT',
  'S: 221 2.0.0 Bye',
  '',
].join('\r\n');
let shapeKept = false;

/**
 * Keeps one small parsed session alive (see `keepShape`): validation drops
 * every line, block and parser it made, so a full garbage collection between
 * two validations would otherwise take those classes' shapes, and the
 * optimised code of every function that read them, with it (the next
 * validation of 20,000 transactions took about 2.5x its time). Made on the
 * first validation, not when the module loads.
 */
function keepShapes(): void {
  if (shapeKept) return;
  shapeKept = true;
  keepShape(new TranscriptParser(SHAPE_SAMPLE, undefined, false)).run();
}

/** Returns every problem in `text`, a whole transcript in any supported dialect. Never throws. */
export function validateTranscript(text: string, options: TranscriptValidationOptions = {}): Problem[] {
  keepShapes();
  // Only the problems are returned: the parser keeps no model of the session beyond what the message checks read.
  const messages = options.l10n?.transcriptMessages ?? ENGLISH_TRANSCRIPT_MESSAGES;
  const session = new TranscriptParser(text, options.dialect, false, messages).run();
  if (options.skipMessages) return capProblems(session.problems, session.leftOut, messages);
  return capProblems([...session.problems, ...validateSessionMessages(session, options)], session.leftOut, messages);
}

/**
 * The catalogue's cap for a whole transcript, its messages included: each code
 * at most MAX_PROBLEMS_PER_CODE times, sorted by offset, and when any were left
 * out, the document's last problem says how many and of which codes.
 * `leftOut` counts those the parser already dropped; `M` writes the note.
 */
export function capProblems(
  problems: readonly Problem[],
  leftOut: ReadonlyMap<string, number> = new Map(),
  M: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES,
): Problem[] {
  const sorted = [...problems].sort((a, b) => a.offset - b.offset);
  const counts = new Map<string, number>();
  const dropped = new Map(leftOut);
  const out: Problem[] = [];
  for (const p of sorted) {
    const n = counts.get(p.code) ?? 0;
    if (n >= MAX_PROBLEMS_PER_CODE) {
      dropped.set(p.code, (dropped.get(p.code) ?? 0) + 1);
      continue;
    }
    counts.set(p.code, n + 1);
    out.push(p);
  }
  if (dropped.size && out.length) {
    const total = [...dropped.values()].reduce((a, b) => a + b, 0);
    const byCode = [...dropped].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ×${n}`).join(', ');
    const last = out[out.length - 1]!;
    out[out.length - 1] = { ...last, message: `${last.message} ${M.problemsLeftOut(total, MAX_PROBLEMS_PER_CODE, byCode)}` };
  }
  return out;
}

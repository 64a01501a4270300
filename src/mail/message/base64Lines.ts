/**
 * The shape of almost every base64 body that mail software writes (RFC 2045 §6.8): lines
 * of one length, a multiple of 4 and at most 76 characters, each ending with the same
 * line break, then a last line of at most 76. Such a body is proved well formed without
 * reading it character by character in JavaScript: the breaks are checked at a fixed
 * stride, and the alphabet natively, by decoding the data into one reused buffer.
 *
 * A large attachment is most of the work of validating a message, and most of that work
 * is reading memory. So the body is checked a slice of whole lines at a time, every check
 * of a slice done while it is still in the processor's cache, and nothing is allocated
 * per body (decoding a body in one piece allocated its whole decoded size each time).
 */

/** What the body checks need of a well-formed body of uniform lines. */
export interface UniformBase64 {
  /** Base64 characters before the padding. */
  readonly data: number;
  /** "=" characters at the end (0 to 2). */
  readonly pad: number;
  /** Index of the last base64 character in the body (-1 when none). */
  readonly lastData: number;
  /** Index of the first "=" (-1 when none). */
  readonly firstPad: number;
  /** Line breaks in the body, all of one style. */
  readonly breaks: number;
  /** True when they are CRLF, false when LF. */
  readonly crlf: boolean;
  /** Index of the first break (its CR for CRLF). */
  readonly firstBreak: number;
}

/** Whole lines checked per slice: about 80 KB, which stays in the cache between the checks. */
export const LINES_PER_SLICE = 1024;
/** The scratch buffer's size: the octets of the largest slice decoded at once (the last one, with the last line). */
const SCRATCH_SIZE = ((LINES_PER_SLICE + 1) * 76 * 3) / 4 + 3;
let scratch: Buffer | undefined;

/**
 * Octets that Node's decoder makes of `piece`, written into one reused scratch buffer, so
 * that testing a large body allocates nothing per body (a piece of more than a megabyte,
 * a line that long, gets its own).
 */
export function decodedLength(piece: string): number {
  const need = Buffer.byteLength(piece, 'base64');
  if (need > 1 << 20) return Buffer.from(piece, 'base64').length;
  if (!scratch || scratch.length < need) scratch = Buffer.allocUnsafe(Math.max(need, SCRATCH_SIZE));
  return scratch.write(piece, 0, 'base64');
}

/**
 * Reads `body` as uniform lines of well-formed base64: the alphabet and line breaks, then
 * at most two "=" at the very end. Returns undefined when the body has another shape or is
 * not well formed; the caller then reads it character by character, which finds and
 * reports what is wrong. Never reports anything itself.
 */
export function readUniformBase64(body: string): UniformBase64 | undefined {
  const size = body.length;
  const firstLf = body.indexOf('\n');
  if (firstLf <= 0) return undefined;
  const crlf = body.charCodeAt(firstLf - 1) === 13;
  const brk = crlf ? 2 : 1;
  const width = firstLf + 1 - brk;
  if (width === 0 || width > 76 || width % 4 !== 0) return undefined;
  const stride = width + brk;

  // Slices of full lines with more of the body after them (so they cannot hold the padding),
  // then the last slice: its full lines, then the last line.
  const sliceChars = LINES_PER_SLICE * stride;
  let lines = 0;
  let from = 0;
  for (;;) {
    const to = Math.min(size, from + sliceChars);
    const n = countFullLines(body, to, from + firstLf, stride, crlf);
    lines += n;
    if (n < LINES_PER_SLICE || to === size) break;
    const slice = body.slice(from, to);
    if (!isAsciiBase64Text(slice) || slice.indexOf('=') >= 0 || !decodesWhole(slice, LINES_PER_SLICE * width)) return undefined;
    from = to;
  }
  // The last line: at most 76 characters, with or without a break of the same style.
  const restStart = lines * stride;
  let lastLineEnd = size;
  let breaks = lines;
  const nl = body.indexOf('\n', restStart);
  if (nl >= 0) {
    if (nl !== size - 1 || (crlf ? nl - 1 < restStart || body.charCodeAt(nl - 1) !== 13 : body.charCodeAt(nl - 1) === 13)) return undefined;
    lastLineEnd = nl + 1 - brk;
    breaks++;
  }
  const cr = body.indexOf('\r', restStart);
  if (lastLineEnd - restStart > 76 || (cr >= 0 && cr < lastLineEnd)) return undefined;
  // An empty last line leaves the last full line the last one with data.
  if (lastLineEnd === restStart) lastLineEnd = restStart - brk;
  // Padding: at most two "=" ending the last line with data, and no "=" before them.
  let pad = 0;
  while (pad < 2 && lastLineEnd - pad > from && body.charCodeAt(lastLineEnd - pad - 1) === 61) pad++;
  const dataEnd = lastLineEnd - pad;
  const firstPad = body.indexOf('=', from);
  if (firstPad !== (pad > 0 ? dataEnd : -1)) return undefined;
  // The last slice up to the padding: its characters less the breaks that start there.
  const breaksIn = dataEnd > from + width ? Math.min(lines - from / stride, Math.floor((dataEnd - from - width - 1) / stride) + 1) : 0;
  const chars = dataEnd > from ? dataEnd - from - brk * breaksIn : 0;
  // One character over a multiple of 4 cannot be told from one skipped: an invalid length
  // anyway, which the caller reports.
  if (chars % 4 === 1 || !isAsciiBase64Text(body.slice(from))) return undefined;
  if (chars > 0 && !decodesWhole(body.slice(from, dataEnd), chars)) return undefined;
  let lastData = dataEnd - 1;
  while (lastData >= 0 && (body.charCodeAt(lastData) === 10 || body.charCodeAt(lastData) === 13)) lastData--;
  return { data: size - brk * breaks - pad, pad, lastData, firstPad, breaks, crlf, firstBreak: width };
}

/**
 * True when `slice` (ASCII, with no "-", "_" or "=") holds `chars` characters of the base64
 * alphabet besides its line breaks. The decoder skips every character outside the alphabet
 * but "-" and "_" (base64url to it) and stops at "=": n characters decode to floor(3n/4)
 * octets, so fewer decode to fewer, unless n is one over a multiple of 4 (which the caller
 * excludes).
 */
function decodesWhole(slice: string, chars: number): boolean {
  return decodedLength(slice) === Math.floor((3 * chars) / 4);
}

/**
 * ASCII (the decoder reads a two-byte string's characters by their low octet, so "Ł" would
 * pass for "A"), and no "-" or "_", which it reads as base64url.
 */
function isAsciiBase64Text(s: string): boolean {
  return Buffer.byteLength(s, 'utf8') === s.length && s.indexOf('-') < 0 && s.indexOf('_') < 0;
}

/**
 * Full lines from a line start: an LF every `stride` characters from `firstLf` while it is
 * before `end`, each after a CR when `crlf`. Another CR or LF inside a line is caught by
 * the decoding: the decoder skips it, so the line decodes to fewer octets. (A function of
 * its own whose code is all in the loop, run once per line of every attachment: V8
 * compiles a hot loop while it runs, and code outside it that has not run with feedback,
 * such as the code after it, or before it on the first call, makes the compiled code give
 * up and fall back to the interpreter.)
 */
function countFullLines(body: string, end: number, firstLf: number, stride: number, crlf: boolean): number {
  let lines = 0;
  for (let lf = firstLf; lf < end; lf += stride) {
    if (body.charCodeAt(lf) !== 10 || (crlf && body.charCodeAt(lf - 1) !== 13)) break;
    lines++;
  }
  return lines;
}

/**
 * Transfer encodings (RFC 2045 §6.7 quoted-printable, §6.8 base64), encoded
 * words (RFC 2047) and charsets. Decoders are lenient (like every mail reader);
 * the validator reports the faults separately, scanning in place.
 */
import type { Detail } from './messages';

/** Decodes base64 text, ignoring white space and anything outside the alphabet (RFC 2045 §6.8). */
export function decodeBase64(text: string): Buffer {
  return Buffer.from(text, 'base64');
}

/** The value of a hexadecimal digit's character code, or -1. */
export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Where a quoted-printable soft line break ends when its "=" stands just
 * before `at` (RFC 2045 §6.7 rule 5: "=", optional transport padding, the
 * line break; or padding up to `to`, the end of the text), or -1 when that
 * "=" starts no soft line break.
 */
export function softLineBreakEnd(text: string, at: number, to: number): number {
  let j = at;
  while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  if (j >= to) return to;
  if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) return j + 2;
  if (text.charCodeAt(j) === 10) return j + 1;
  return -1;
}

/**
 * Decodes quoted-printable text (RFC 2045 §6.7): `=XX` escapes, soft line
 * breaks (`=` at the end of a line, trailing white space allowed), trailing
 * white space on lines removed (rule 3). Hard line breaks are kept as written.
 * A malformed `=` is kept literally. Characters above 0xFF are encoded as UTF-8.
 */
export function decodeQuotedPrintable(text: string): Buffer {
  const out = Buffer.alloc(text.length * 3);
  let n = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 0x3d /* = */) {
      const h1 = i + 1 < len ? hexValue(text.charCodeAt(i + 1)) : -1;
      const h2 = i + 2 < len ? hexValue(text.charCodeAt(i + 2)) : -1;
      if (h1 >= 0 && h2 >= 0) {
        out[n++] = (h1 << 4) | h2;
        i += 3;
        continue;
      }
      // Soft line break: "=" then optional white space then the line end (or the end of text).
      const after = softLineBreakEnd(text, i + 1, len);
      if (after >= 0) {
        i = after;
        continue;
      }
      out[n++] = c;
      i++;
      continue;
    }
    if (c === 32 || c === 9) {
      // Trailing white space before a line break is transport padding: drop it (rule 3).
      let j = i;
      while (j < len && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= len || text.charCodeAt(j) === 10 || (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10)) {
        i = j;
        continue;
      }
      for (; i < j; i++) out[n++] = text.charCodeAt(i);
      continue;
    }
    if (c <= 0xff) {
      out[n++] = c;
      i++;
      continue;
    }
    // A surrogate pair is one character: write its four UTF-8 octets (a lone half becomes U+FFFD, as Buffer.from does).
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < len && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    n += out.write(text.slice(i, i + pair), n, 'utf8');
    i += pair;
  }
  return out.subarray(0, n);
}

/** One encoded word found by `decodeEncodedWords`. Offsets are into the value given. */
export interface EncodedWord {
  offset: number;
  length: number;
  charset: string;
  /** `B` or `Q` as written (any other letter makes the word invalid). */
  encoding: string;
  decoded: string;
  valid: boolean;
  /** Why the word is invalid (set exactly when `valid` is false). */
  error?: Detail;
  /** True when the charset is not known (see `isKnownCharset`). */
  unknownCharset?: boolean;
}

const B64_ALPHABET = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') B64_ALPHABET[ch.charCodeAt(0)] = 1;

/** True for a character of the base64 alphabet (without `=`). */
export function isBase64Char(c: number): boolean {
  return c < 128 && B64_ALPHABET[c] === 1;
}

function isWsp(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Longest run scanned when looking for the end of an encoded word; keeps the scan linear. */
const MAX_WORD_SCAN = 1000;

/** Finds `=?charset?X?text?=` at `i`, or returns undefined when the text there is not shaped like an encoded word. */
function matchEncodedWord(
  value: string,
  i: number,
  scan: { clearUntil: number },
): { end: number; charset: string; lang?: string; encoding: string; textStart: number; textEnd: number } | undefined {
  const limit = Math.min(value.length, i + MAX_WORD_SCAN);
  let j = i + 2;
  while (j < limit && value.charCodeAt(j) !== 0x3f && !isWsp(value.charCodeAt(j))) j++;
  if (j >= limit || value.charCodeAt(j) !== 0x3f || j === i + 2) return undefined;
  const charsetFull = value.slice(i + 2, j);
  // encoding letter then '?'
  if (j + 2 >= limit || value.charCodeAt(j + 2) !== 0x3f || isWsp(value.charCodeAt(j + 1))) return undefined;
  const encoding = value[j + 1];
  const textStart = j + 3;
  // A failed earlier attempt proved [.., clearUntil) holds no white space and no "?=":
  // start after it, so overlapping attempts on hostile input stay linear.
  let k = Math.max(textStart, scan.clearUntil);
  while (k + 1 < limit) {
    const c = value.charCodeAt(k);
    if (isWsp(c)) {
      scan.clearUntil = k;
      return undefined;
    }
    if (c === 0x3f && value.charCodeAt(k + 1) === 0x3d) break;
    k++;
  }
  if (k + 1 >= limit) {
    scan.clearUntil = Math.max(textStart, limit - 1);
    return undefined;
  }
  const star = charsetFull.indexOf('*'); // RFC 2231 §5 language suffix
  return {
    end: k + 2,
    charset: star >= 0 ? charsetFull.slice(0, star) : charsetFull,
    lang: star >= 0 ? charsetFull.slice(star + 1) : undefined,
    encoding,
    textStart,
    textEnd: k,
  };
}

/** Decodes RFC 2047 B text; returns undefined when it is not valid base64. */
function decodeWordB(t: string): Buffer | undefined {
  let pad = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3d) pad++;
    else if (pad > 0 || !isBase64Char(c)) return undefined;
  }
  if (t.length % 4 !== 0 || pad > 2) return undefined;
  return Buffer.from(t, 'base64');
}

/** Decodes RFC 2047 §4.2 Q text; returns undefined when it is malformed. */
function decodeWordQ(t: string): Buffer | undefined {
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x5f) out.push(0x20);
    else if (c === 0x3d) {
      const h1 = hexValue(t.charCodeAt(i + 1));
      const h2 = hexValue(t.charCodeAt(i + 2));
      if (h1 < 0 || h2 < 0) return undefined;
      out.push((h1 << 4) | h2);
      i += 2;
    } else if (c <= 32 || c >= 127 || c === 0x3f) return undefined;
    else out.push(c);
  }
  return Buffer.from(out);
}

/**
 * Finds and decodes RFC 2047 encoded words in a header value. White space
 * between two adjacent encoded words is dropped (RFC 2047 §6.2). Malformed
 * words stay as written in `text` and are listed with `valid: false`. After
 * `maxWords` words the rest of the value is copied as written (a bound for
 * callers that only look at the first words of hostile input).
 */
export function decodeEncodedWords(value: string, maxWords = Infinity): { text: string; words: EncodedWord[] } {
  const words: EncodedWord[] = [];
  const out: string[] = [];
  let copied = 0;
  let lastWordEnd = -1;
  let i = value.indexOf('=?');
  const scan = { clearUntil: 0 };
  while (i >= 0 && words.length < maxWords) {
    const m = matchEncodedWord(value, i, scan);
    if (!m) {
      i = value.indexOf('=?', i + 2);
      continue;
    }
    const raw = value.slice(m.textStart, m.textEnd);
    const enc = m.encoding.toUpperCase();
    let error: Detail | undefined;
    let bytes: Buffer | undefined;
    if (raw.length === 0 && (enc === 'B' || enc === 'Q')) {
      // RFC 2047 §2: encoded-text = 1*<Any printable ASCII character other than "?" or SPACE>.
      // Reported, but read as empty text, as readers do (nodemailer writes one for an empty value).
      error = ['word-empty'];
      bytes = Buffer.alloc(0);
    } else if (enc === 'B') {
      bytes = decodeWordB(raw);
      if (!bytes) error = ['word-b-invalid'];
    } else if (enc === 'Q') {
      bytes = decodeWordQ(raw);
      if (!bytes) error = ['word-q-invalid'];
    } else error = ['word-encoding-unknown', m.encoding];
    const length = m.end - i;
    // RFC 2047 §2: an encoded word may not be more than 75 characters long.
    if (!error && length > 75) error = ['word-too-long', length];
    const known = isKnownCharset(m.charset);
    const decoded = bytes ? decodeCharset(bytes, m.charset) : value.slice(i, m.end);
    words.push({ offset: i, length, charset: m.charset, encoding: m.encoding, decoded, valid: !error, error, unknownCharset: !known || undefined });
    // RFC 2047 §6.2: linear white space between adjacent encoded words is ignored.
    const between = value.slice(copied, i);
    if (!(lastWordEnd === copied && between.length > 0 && /^[ \t\r\n]*$/.test(between))) out.push(between);
    out.push(bytes ? decoded : value.slice(i, m.end));
    copied = m.end;
    lastWordEnd = bytes ? m.end : -1;
    i = value.indexOf('=?', m.end);
  }
  out.push(value.slice(copied));
  return { text: out.join(''), words };
}

/**
 * Encodes text as RFC 2047 encoded words (each at most 75 characters, split on
 * character boundaries), joined by single spaces. Q when the text is mostly
 * ASCII, else B.
 */
export function encodeEncodedWord(text: string, charset = 'UTF-8'): string {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 126) nonAscii++;
  const useQ = nonAscii * 3 <= text.length;
  const prefix = `=?${charset}?${useQ ? 'Q' : 'B'}?`;
  const room = 75 - prefix.length - 2;
  const words: string[] = [];
  let current = '';
  let currentBytes: number[] = [];
  const flush = (): void => {
    if (useQ ? current : currentBytes.length) {
      words.push(prefix + (useQ ? current : Buffer.from(currentBytes).toString('base64')) + '?=');
    }
    current = '';
    currentBytes = [];
  };
  for (const ch of text) {
    const bytes = Buffer.from(ch, 'utf8');
    if (useQ) {
      let piece = '';
      for (const b of bytes) {
        if (b === 0x20) piece += '_';
        else if (b > 32 && b < 127 && b !== 0x3d && b !== 0x3f && b !== 0x5f && b !== 0x22 && b !== 0x28 && b !== 0x29 && b !== 0x2c) piece += String.fromCharCode(b);
        else piece += '=' + b.toString(16).toUpperCase().padStart(2, '0');
      }
      if (current.length + piece.length > room) flush();
      current += piece;
    } else {
      const next = currentBytes.length + bytes.length;
      if (Math.ceil(next / 3) * 4 > room) flush();
      currentBytes.push(...bytes);
    }
  }
  flush();
  return words.join(' ');
}

/**
 * Encodes text (as UTF-8) or bytes as quoted-printable (RFC 2045 §6.7): lines
 * at most 76 characters with soft line breaks; line breaks in the input stay
 * hard line breaks written as `eol`. Linear: octets are written into one
 * buffer (no string concatenation per character).
 */
export function encodeQuotedPrintable(input: string | Buffer, eol = '\r\n'): string {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const eolBytes = Buffer.from(eol, 'latin1');
  const eolLength = eolBytes.length;
  // Room for the usual case (a few escapes and soft breaks); grows by doubling when needed.
  let out = Buffer.allocUnsafe(Math.ceil(buf.length * 1.2) + 64 + 4 * eolLength);
  let n = 0;
  /** Most one step writes: a soft break, an escaped space and a line end. */
  const room = 8 + 3 * eolLength;
  let lineStart = 0;
  const len = buf.length;
  // One loop with everything inline (no closures over the mutable cursor): 1 MB in a few ms.
  for (let i = 0; i <= len; i++) {
    const b = i < len ? buf[i] : -1;
    if (b === 0x0d && i + 1 < len && buf[i + 1] === 0x0a) continue;
    if (n + room > out.length) {
      const bigger = Buffer.allocUnsafe(out.length * 2 + room);
      out.copy(bigger, 0, 0, n);
      out = bigger;
    }
    if (b === 0x0a || b === -1) {
      // A hard break or the end: rule 3, white space at the end of a line is encoded.
      const last = n > lineStart ? out[n - 1] : -1;
      if (last === 32 || last === 9) {
        n--;
        // Rule 5: the escaped white space must still fit in 76 characters, else it moves to a line of its own.
        if (n - lineStart + 3 > 76) {
          out[n++] = 0x3d;
          for (let k = 0; k < eolLength; k++) out[n++] = eolBytes[k];
          lineStart = n;
        }
        out[n++] = 0x3d;
        out[n++] = HEX_DIGITS[last >> 4];
        out[n++] = HEX_DIGITS[last & 15];
      }
      if (b === -1) break;
      for (let k = 0; k < eolLength; k++) out[n++] = eolBytes[k];
      lineStart = n;
      continue;
    }
    const literal = QP_LITERAL[b] === 1;
    // Rule 5: keep room for the "=" of a soft line break (at most 76 characters with it).
    if (n - lineStart + (literal ? 1 : 3) > 75) {
      out[n++] = 0x3d;
      for (let k = 0; k < eolLength; k++) out[n++] = eolBytes[k];
      lineStart = n;
    }
    if (literal) out[n++] = b;
    else {
      out[n++] = 0x3d;
      out[n++] = HEX_DIGITS[b >> 4];
      out[n++] = HEX_DIGITS[b & 15];
    }
  }
  return out.toString('latin1', 0, n);
}

/** Upper-case hex digits as character codes. */
const HEX_DIGITS = Uint8Array.from('0123456789ABCDEF', (c) => c.charCodeAt(0));
/** Octets written as themselves in quoted-printable (RFC 2045 §6.7 rules 2 and 3): printable ASCII but "=", space, tab. */
const QP_LITERAL = new Uint8Array(256);
for (let b = 33; b <= 126; b++) if (b !== 0x3d) QP_LITERAL[b] = 1;
QP_LITERAL[32] = 1;
QP_LITERAL[9] = 1;

/** Encodes bytes as base64 in lines of 76 characters (RFC 2045 §6.8) joined by `eol`. */
export function encodeBase64Lines(buf: Buffer, eol = '\r\n'): string {
  const b64 = buf.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(eol);
}

/** IANA charset names and aliases that mail uses, beyond the WHATWG labels TextDecoder knows. */
const EXTRA_CHARSETS = new Set(
  [
    'us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso646-us', 'utf-8', 'utf8', 'utf-7', 'utf-16', 'utf-16be', 'utf-16le',
    'utf-32', 'utf-32be', 'utf-32le', 'ucs-2', 'iso-10646-ucs-2', 'unicode-1-1-utf-7',
    'iso-8859-1', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
    'iso-8859-8-i', 'iso-8859-9', 'iso-8859-10', 'iso-8859-11', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16',
    'latin1', 'latin2', 'latin-9', 'l1', 'l2', 'windows-874', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253',
    'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257', 'windows-1258', 'cp1250', 'cp1251', 'cp1252',
    'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257', 'cp1258', 'cp437', 'ibm437', 'cp850', 'ibm850', 'cp852', 'ibm852',
    'cp866', 'ibm866', 'koi8-r', 'koi8-u', 'koi8-ru', 'gb2312', 'gbk', 'gb18030', 'big5', 'big5-hkscs', 'shift_jis',
    'shift-jis', 'sjis', 'windows-31j', 'cp932', 'euc-jp', 'iso-2022-jp', 'iso-2022-jp-2', 'iso-2022-kr', 'iso-2022-cn',
    'euc-kr', 'ks_c_5601-1987', 'cp949', 'euc-cn', 'euc-tw', 'hz-gb-2312', 'tis-620', 'viscii', 'macintosh', 'x-mac-roman',
    'mac', 'x-user-defined', 'armscii-8', 'georgian-ps', 'iso-ir-111', 'cp1125', 'x-mac-cyrillic', 'ibm-1047',
  ],
);

/**
 * True when `name` is a charset a reader can be expected to know: an IANA
 * name or common alias, or any label TextDecoder accepts. Case-insensitive.
 */
export function isKnownCharset(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (!lower) return false;
  if (EXTRA_CHARSETS.has(lower)) return true;
  // Vendor and experimental names (RFC 2978 §2.3 x- names) are a deliberate choice: accept them.
  if (lower.startsWith('x-')) return true;
  return decoderFor(lower) !== undefined;
}

/**
 * TextDecoders by label, `null` for labels TextDecoder refuses. A refused label
 * costs a thrown error (tens of microseconds); a header of 100 000 bogus encoded
 * words would pay it each time without this cache. Bounded: cleared when full.
 */
const DECODERS = new Map<string, InstanceType<typeof TextDecoder> | null>();
const MAX_CACHED_DECODERS = 256;

function decoderFor(label: string): InstanceType<typeof TextDecoder> | undefined {
  let d = DECODERS.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    if (DECODERS.size >= MAX_CACHED_DECODERS) DECODERS.clear();
    DECODERS.set(label, d);
  }
  return d ?? undefined;
}

/** Decodes bytes in `charset` with TextDecoder when it supports it, else as UTF-8 (then latin1 for unknown names is no better). */
export function decodeCharset(buf: Uint8Array, charset: string): string {
  const lower = charset.trim().toLowerCase();
  const label = lower === 'us-ascii' || lower === 'ascii' ? 'utf-8' : lower === 'utf-7' ? 'utf-8' : lower;
  // A TextDecoder without the stream option keeps no state between decode() calls, so sharing one is safe.
  return (decoderFor(label) ?? decoderFor('utf-8')!).decode(buf);
}

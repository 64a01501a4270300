/**
 * The decoded HTML of a text/html part, with a map from each decoded UTF-16
 * unit back to the raw source, so a problem found at `display:flex` in the
 * decoded HTML is reported on `display:flex` in the `.eml` itself, through
 * quoted-printable soft line breaks and `=XX` escapes (RFC 2045 §6.7).
 *
 * Base64 (RFC 2045 §6.8) has no such map (four characters carry three octets
 * that may split a character): problems there are reported on the part's
 * first body line, with the decoded line and column in the message.
 */
import { decodeBase64, decodeCharset } from '../message/encodings';
import type { MimePart } from '../message/model';

/** A span in the raw text. */
export interface RawSpan {
  offset: number;
  length: number;
}

/** A text/html part decoded for the checks. */
export interface DecodedHtml {
  part: MimePart;
  html: string;
  /** How decoded positions map back: exactly (`identity`, `quoted-printable`) or onto the first body line (`base64`, or a charset whose characters could not be followed). */
  mapping: 'identity' | 'quoted-printable' | 'first-line';
  /** Size of the decoded part in octets (Gmail's clipping limit counts octets). */
  octets: number;
  /** For quoted-printable: raw start and end of each decoded unit. */
  starts?: Int32Array;
  ends?: Int32Array;
  /** The first body line (target of `first-line` reports). */
  firstLine: RawSpan;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Charsets whose octets are characters one for one (so an octet map is a character map). */
function isSingleOctet(charset: string): boolean {
  return /^(us-ascii|ascii|iso-8859-\d+|latin-?\d|l\d|windows-12\d\d|cp12\d\d|cp437|cp850|koi8-[ru]|ibm\d+|macintosh|tis-620)$/.test(charset);
}

/**
 * Decodes quoted-printable like `decodeQuotedPrintable` (../message/encodings.ts),
 * recording for every octet the raw span it came from.
 */
function decodeQpWithMap(text: string, from: number, to: number): { bytes: Uint8Array; starts: Int32Array; ends: Int32Array; n: number } {
  let extra = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 0xff) extra += 3;
  const cap = to - from + extra;
  const bytes = new Uint8Array(cap);
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let n = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const h1 = i + 1 < to ? hexValue(text.charCodeAt(i + 1)) : -1;
      const h2 = i + 2 < to ? hexValue(text.charCodeAt(i + 2)) : -1;
      if (h1 >= 0 && h2 >= 0) {
        bytes[n] = (h1 << 4) | h2;
        starts[n] = i;
        ends[n++] = i + 3;
        i += 3;
        continue;
      }
      let j = i + 1;
      while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= to) break;
      if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) {
        i = j + 2;
        continue;
      }
      if (text.charCodeAt(j) === 10) {
        i = j + 1;
        continue;
      }
    } else if (c === 32 || c === 9) {
      // RFC 2045 §6.7 rule 3: white space before a line break is transport padding.
      let j = i;
      while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= to || text.charCodeAt(j) === 10 || (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10)) {
        i = j;
        continue;
      }
    } else if (c > 0xff) {
      // A raw character beyond Latin-1 in a QP body: its UTF-8 octets, as the shared decoder writes them.
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      const enc = Buffer.from(text.slice(i, i + pair), 'utf8');
      for (const b of enc) {
        bytes[n] = b;
        starts[n] = i;
        ends[n++] = i + pair;
      }
      i += pair;
      continue;
    }
    bytes[n] = c & 0xff;
    starts[n] = i;
    ends[n++] = i + 1;
    i++;
  }
  return { bytes, starts, ends, n };
}

/**
 * Decodes UTF-8 octets into a string and the first octet of each UTF-16 unit.
 * An invalid sequence becomes one U+FFFD per octet that could not start a character.
 */
function decodeUtf8WithMap(bytes: Uint8Array, n: number): { text: string; octetOf: Int32Array; lastOctetOf: Int32Array } {
  const units = new Uint16Array(n);
  const octetOf = new Int32Array(n + 1);
  const lastOctetOf = new Int32Array(n + 1);
  let u = 0;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp = 0xfffd;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf && i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b <= 0xef && i + 2 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const v = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (b >= 0xf0 && b <= 0xf4 && i + 3 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 && (bytes[i + 3] & 0xc0) === 0x80) {
      const v = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      octetOf[u] = i;
      lastOctetOf[u] = i + len - 1;
      units[u++] = 0xd800 | (v >> 10);
      octetOf[u] = i;
      lastOctetOf[u] = i + len - 1;
      units[u++] = 0xdc00 | (v & 0x3ff);
    } else {
      octetOf[u] = i;
      lastOctetOf[u] = i + len - 1;
      units[u++] = cp;
    }
    i += len;
  }
  // Build the string in chunks (String.fromCharCode takes a bounded argument list).
  const chunks: string[] = [];
  for (let k = 0; k < u; k += 8192) chunks.push(String.fromCharCode(...units.subarray(k, Math.min(u, k + 8192))));
  return { text: chunks.join(''), octetOf: octetOf.subarray(0, u), lastOctetOf: lastOctetOf.subarray(0, u) };
}

/** The first line of a part's body (where base64 problems are reported). */
function firstLineOf(text: string, part: MimePart): RawSpan {
  let end = part.bodyOffset;
  while (end < part.bodyEnd && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { offset: part.bodyOffset, length: end - part.bodyOffset };
}

/** Decodes a text/html part for the checks. */
export function decodeHtmlPart(text: string, part: MimePart): DecodedHtml {
  const firstLine = firstLineOf(text, part);
  const charset = (part.charset ?? 'utf-8').trim().toLowerCase();
  const cte = part.transferEncoding;
  if (cte === 'quoted-printable') {
    const qp = decodeQpWithMap(text, part.bodyOffset, part.bodyEnd);
    if (charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii' || charset === 'ascii') {
      const { text: html, octetOf, lastOctetOf } = decodeUtf8WithMap(qp.bytes, qp.n);
      const starts = new Int32Array(html.length);
      const ends = new Int32Array(html.length);
      for (let k = 0; k < html.length; k++) {
        starts[k] = qp.starts[octetOf[k]];
        ends[k] = qp.ends[lastOctetOf[k]];
      }
      return { part, html, mapping: 'quoted-printable', octets: qp.n, starts, ends, firstLine };
    }
    const html = decodeCharset(qp.bytes.subarray(0, qp.n), charset);
    if (isSingleOctet(charset) && html.length === qp.n) {
      return { part, html, mapping: 'quoted-printable', octets: qp.n, starts: qp.starts.subarray(0, qp.n), ends: qp.ends.subarray(0, qp.n), firstLine };
    }
    return { part, html, mapping: 'first-line', octets: qp.n, firstLine };
  }
  if (cte === 'base64') {
    const bytes = decodeBase64(text.slice(part.bodyOffset, part.bodyEnd));
    return { part, html: decodeCharset(bytes, charset), mapping: 'first-line', octets: bytes.length, firstLine };
  }
  // 7bit, 8bit, binary: the editor already turned the octets into these characters.
  const html = text.slice(part.bodyOffset, part.bodyEnd);
  return { part, html, mapping: 'identity', octets: Buffer.byteLength(html, 'utf8'), firstLine };
}

/** The raw span of decoded [from, to). */
export function rawSpanOf(d: DecodedHtml, from: number, to: number): RawSpan {
  if (d.mapping === 'identity') return { offset: d.part.bodyOffset + from, length: Math.max(0, to - from) };
  if (d.mapping === 'first-line' || !d.starts || !d.ends || d.starts.length === 0) return d.firstLine;
  const n = d.starts.length;
  const a = Math.min(Math.max(0, from), n - 1);
  const start = d.starts[a];
  const end = to > from ? d.ends[Math.min(n - 1, to - 1)] : start;
  return { offset: start, length: Math.max(0, end - start) };
}

/** The decoded offset at a raw offset (for hovers and fixes); -1 when the part cannot be followed. */
export function decodedOffsetAt(d: DecodedHtml, raw: number): number {
  if (d.mapping === 'identity') return raw - d.part.bodyOffset;
  if (d.mapping !== 'quoted-printable' || !d.starts) return -1;
  // starts[] never decreases: binary search for the last unit starting at or before `raw`.
  let lo = 0;
  let hi = d.starts.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (d.starts[mid] <= raw) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** 1-based line and column of a decoded offset (for base64 reports). */
export function decodedLineColumn(html: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = html.indexOf('\n'); i >= 0 && i < offset; i = html.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

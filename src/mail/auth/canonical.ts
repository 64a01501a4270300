/**
 * DKIM canonicalization (RFC 6376 §3.4) of header fields and bodies, shared by
 * verification and signing so both read a message the same way.
 *
 * The body is canonicalized over bytes with CRLF line ends: a message saved
 * with bare LF (as editors on Unix do) is read as it travels, every line ending
 * in CRLF (RFC 5322 §2.1). The relaxed body of a typical message (base64 or
 * plain text without runs of white space) needs no rewriting at all, so it is
 * hashed straight from the bytes; only lines that need a change are copied.
 *
 * mailauth's body hashers implement the same rules (tests compare the two), but
 * they walk every byte in JavaScript, several times slower than the hash itself
 * (more than 40x on LF text), and verification must stay within 2x of a bare
 * SHA-256.
 */
import { createHash, type Hash } from 'node:crypto';

/** `simple` or `relaxed` (RFC 6376 §3.4). */
export type Canonicalization = 'simple' | 'relaxed';

/** How a string of the document becomes bytes: UTF-8 (an editor's text), or one byte per character (a file read as latin1). */
export type TextEncoding = 'utf8' | 'latin1';

/** The text with every line end as CRLF (a bare CR stays as it is). */
export function toCrlf(text: string): string {
  // Text that already uses CRLF everywhere is returned as is (one indexOf per line, no copy;
  // a regex test for a bare LF took three times as long on 10 MB).
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 13) return text.replace(/\r?\n/g, '\r\n');
  }
  return text;
}

/**
 * One header field canonicalized (RFC 6376 §3.4.1, §3.4.2), from its raw text
 * `name:value` (folded lines included), with a trailing CRLF unless `last`.
 */
export function canonicalizeField(raw: string, canon: Canonicalization, last = false): string {
  if (canon === 'simple') {
    const field = toCrlf(raw);
    return last ? field : `${field}\r\n`;
  }
  const colon = raw.indexOf(':');
  const name = (colon < 0 ? raw : raw.slice(0, colon)).replace(/[ \t]+$/, '').toLowerCase();
  const value = colon < 0 ? '' : raw.slice(colon + 1).replace(/\r?\n/g, '').replace(/[ \t]+/g, ' ').trim();
  return `${name}:${value}${last ? '' : '\r\n'}`;
}

/** The result of hashing a body. */
export interface BodyHash {
  /** base64 digest. */
  hash: string;
  /** Octets of the canonical body that were hashed (after an l= cut). */
  hashedLength: number;
  /** Octets of the whole canonical body. */
  canonicalLength: number;
}

/** A writer of canonical body bytes into a hash, cut at `limit` octets (the l= tag). */
class LimitedHash {
  hashed = 0;
  total = 0;
  constructor(
    private readonly hash: Hash,
    private readonly limit: number | undefined,
  ) {}
  write(buf: Buffer, from: number, to: number): void {
    if (to <= from) return;
    this.total += to - from;
    if (this.limit !== undefined) {
      const room = this.limit - this.hashed;
      if (room <= 0) return;
      if (to - from > room) to = from + room;
    }
    this.hashed += to - from;
    this.hash.update(from === 0 && to === buf.length ? buf : buf.subarray(from, to));
  }
}

const CRLF = Buffer.from('\r\n');
const SP = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

/**
 * Hashes a body (its text from after the blank line to the end) as `canon`
 * says, cut at `limit` octets when the signature has l= (RFC 6376 §3.4.5).
 */
export function hashBody(body: string, canon: Canonicalization, algorithm: 'sha256' | 'sha1', limit?: number, encoding: TextEncoding = 'utf8'): BodyHash {
  if (limit === undefined) return hashBodyText(toCrlf(body), canon, algorithm, encoding);
  // With l= the cut is in octets: canonicalize the octets.
  const buf = Buffer.from(toCrlf(body), encoding);
  const hash = createHash(algorithm);
  const out = new LimitedHash(hash, limit);
  if (canon === 'simple') writeSimple(buf, out);
  else writeRelaxed(buf, out);
  return { hash: hash.digest('base64'), hashedLength: out.hashed, canonicalLength: out.total };
}

/**
 * The whole body, hashed from the string: the hash reads the text in the
 * document's encoding directly, so no copy of the body is made unless lines
 * need rewriting (lengths are counted only on request: `hashedLength` and
 * `canonicalLength` are computed lazily from the pieces).
 */
function hashBodyText(text: string, canon: Canonicalization, algorithm: 'sha256' | 'sha1', encoding: TextEncoding): BodyHash {
  const hash = createHash(algorithm);
  const pieces: string[] = [];
  const write = (s: string): void => {
    if (!s) return;
    hash.update(s, encoding);
    // Slices share the body's memory; their octets are counted only when asked (below).
    pieces.push(s);
  };
  if (canon === 'simple') {
    let end = text.length;
    while (end >= 2 && text.charCodeAt(end - 2) === 13 && text.charCodeAt(end - 1) === 10) end -= 2;
    if (end === 0) write('\r\n');
    else {
      write(text.slice(0, end));
      write('\r\n');
    }
  } else {
    let end = text.length;
    while (end > 0) {
      const c = text.charCodeAt(end - 1);
      if (c === 13 || c === 10 || c === 32 || c === 9) end--;
      else break;
    }
    if (end > 0) {
      let nextTab = text.indexOf('\t');
      let nextDouble = text.indexOf('  ');
      let nextTrailing = text.indexOf(' \r');
      let runStart = 0;
      for (;;) {
        const bad = Math.min(nextTab < 0 ? Infinity : nextTab, nextDouble < 0 ? Infinity : nextDouble, nextTrailing < 0 ? Infinity : nextTrailing);
        if (bad >= end) {
          write(text.slice(runStart, end));
          write('\r\n');
          break;
        }
        const lineStart = text.lastIndexOf('\n', bad) + 1;
        let lineEnd = text.indexOf('\n', bad);
        lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
        write(text.slice(runStart, Math.max(runStart, lineStart)));
        write(relaxLine(text.slice(Math.max(runStart, lineStart), Math.min(lineEnd, end))));
        if (lineEnd >= end) break;
        runStart = lineEnd;
        if (nextTab >= 0 && nextTab < runStart) nextTab = text.indexOf('\t', runStart);
        if (nextDouble >= 0 && nextDouble < runStart) nextDouble = text.indexOf('  ', runStart);
        if (nextTrailing >= 0 && nextTrailing < runStart) nextTrailing = text.indexOf(' \r', runStart);
      }
    }
  }
  const digest = hash.digest('base64');
  let length: number | undefined;
  const octets = (): number => (length ??= pieces.reduce((n, p) => n + Buffer.byteLength(p, encoding), 0));
  return {
    hash: digest,
    get hashedLength() {
      return octets();
    },
    get canonicalLength() {
      return octets();
    },
  };
}

/** RFC 6376 §3.4.3: trailing empty lines removed; a body without a final CRLF gets one; an empty body is one CRLF. */
function writeSimple(buf: Buffer, out: LimitedHash): void {
  let end = buf.length;
  while (end >= 2 && buf[end - 2] === CR && buf[end - 1] === LF) end -= 2;
  if (end === 0) {
    out.write(CRLF, 0, 2);
    return;
  }
  // Keep the CRLF that ends the last non-empty line, or add one.
  if (end + 2 <= buf.length) out.write(buf, 0, end + 2);
  else {
    out.write(buf, 0, end);
    out.write(CRLF, 0, 2);
  }
}

/**
 * RFC 6376 §3.4.4: white space at line ends removed, runs of white space made
 * one space, trailing empty lines removed, a final CRLF for a non-empty body.
 */
function writeRelaxed(buf: Buffer, out: LimitedHash): void {
  // The end of the last line with something other than white space.
  let end = buf.length;
  while (end > 0) {
    const c = buf[end - 1];
    if (c === CR || c === LF || c === SP || c === TAB) end--;
    else break;
  }
  if (end === 0) return; // an empty body hashes as nothing
  // Lines that need rewriting hold a tab, two spaces in a row, or a space before CR.
  let nextTab = buf.indexOf(TAB);
  let nextDouble = buf.indexOf('  ');
  let nextTrailing = buf.indexOf(' \r');
  let pos = 0;
  let runStart = 0;
  while (pos < end) {
    const bad = Math.min(nextTab < 0 ? Infinity : nextTab, nextDouble < 0 ? Infinity : nextDouble, nextTrailing < 0 ? Infinity : nextTrailing);
    if (bad >= end) break;
    // The line that holds `bad`.
    let lineStart = bad;
    while (lineStart > pos && buf[lineStart - 1] !== LF) lineStart--;
    let lineEnd = buf.indexOf(LF, bad);
    lineEnd = lineEnd < 0 ? buf.length : lineEnd + 1;
    // Everything before it goes out unchanged, in one piece.
    out.write(buf, runStart, lineStart);
    const fixed = relaxLine(buf.toString('latin1', lineStart, Math.min(lineEnd, end)));
    out.write(Buffer.from(fixed, 'latin1'), 0, fixed.length);
    // The last line (cut at `end`, its break with it) got its CRLF from relaxLine.
    if (lineEnd >= end) return;
    pos = runStart = lineEnd;
    if (nextTab >= 0 && nextTab < pos) nextTab = buf.indexOf(TAB, pos);
    if (nextDouble >= 0 && nextDouble < pos) nextDouble = buf.indexOf('  ', pos);
    if (nextTrailing >= 0 && nextTrailing < pos) nextTrailing = buf.indexOf(' \r', pos);
  }
  // The rest is clean up to `end`; then the CRLF that ends the last line.
  out.write(buf, runStart, end);
  out.write(CRLF, 0, 2);
}

/** One line (latin1 string, its CRLF included or not) made relaxed, always ending in CRLF. */
function relaxLine(line: string): string {
  const content = line.endsWith('\r\n') ? line.slice(0, -2) : line.endsWith('\n') ? line.slice(0, -1) : line;
  return `${content.replace(/[ \t]+/g, ' ').replace(/ $/, '')}\r\n`;
}

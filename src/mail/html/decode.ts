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
import { isUtf8 } from 'node:buffer';
import { decodeBase64, decodeCharset, hexValue, softLineBreakEnd } from '../message/encodings';
import type { MimePart } from '../message/model';
import { keepShape } from '../shapes';

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
  /** For quoted-printable: where each decoded unit came from. */
  qp?: QpMap;
  /** The first body line (target of `first-line` reports). */
  firstLine: RawSpan;
}

/** Charsets whose octets are characters one for one (so an octet map is a character map). */
function isSingleOctet(charset: string): boolean {
  return /^(us-ascii|ascii|iso-8859-\d+|latin-?\d|l\d|windows-12\d\d|cp12\d\d|cp437|cp850|koi8-[ru]|ibm\d+|macintosh|tis-620)$/.test(charset);
}

/** Anchor kinds: a run of literal octets (one raw character each), one `=XX` escape, one raw character beyond Latin-1. */
const RUN = 0;
const ESCAPE = 1;
const WIDE = 2;

/**
 * Where the octets of a quoted-printable body came from, kept sparse: an
 * anchor where the correspondence changes (an escape, a soft line break,
 * dropped trailing white space), so a 1 MB body needs tens of thousands of
 * entries, not millions. Then where each decoded UTF-16 unit's octets are:
 * only the units that are not one octet are listed.
 *
 * For a US-ASCII body the anchors are not recorded while decoding: the map
 * replays the decoding over the raw text when a position is asked for, only
 * as far as that position (`replayAsciiLater`). The problems of a part are
 * reported in document order and mostly near its start, so a 1 MB part
 * usually needs the anchors of its first kilobytes only.
 */
export class QpMap {
  /** Octet index, raw index and kind of each anchor (three entries each), by increasing octet index; grown by doubling. */
  private anchors = new Int32Array(1024);
  private anchorCount = 0;
  /** Octets that start a multi-octet UTF-8 sequence, in order. */
  private leads = new Int32Array(256);
  private leadCount = 0;
  /** The decoded octets, kept until the wide units are listed (on the first `span`). */
  private bytes: Uint8Array | undefined;
  /** Leads already turned into wide units, and the extra octets of those units. */
  private listedLeads = 0;
  private listedExtra = 0;
  /** The raw text of a US-ASCII body whose anchors are still to be replayed (see `replayAsciiLater`). */
  private replayText: string | undefined = undefined;
  /** Where the replay stands: raw index, end of the body, octets produced, raw index that continues the current run (-1: none). */
  private replayAt = 0;
  private replayEnd = 0;
  private replayOctets = 0;
  private replayRunNext = -1;
  /** Units that are not one octet: their index and the extra octets of all such units up to and including them. */
  private wideUnits: number[] = [];
  private extraAfter: number[] = [];
  /** Octet length of each unit in `wideUnits` (0 for the second half of a surrogate pair). */
  private unitOctets: number[] = [];

  anchor(octet: number, raw: number, kind: number): void {
    let a = this.anchors;
    const i = this.anchorCount * 3;
    if (i + 3 > a.length) {
      const grown = new Int32Array(a.length * 2);
      grown.set(a);
      this.anchors = a = grown;
    }
    a[i] = octet;
    a[i + 1] = raw;
    a[i + 2] = kind;
    this.anchorCount++;
  }

  /** Records that octet `octet` starts a multi-octet UTF-8 sequence (a lead octet, 0xC0 and up). */
  lead(octet: number): void {
    if (this.leadCount === this.leads.length) {
      const grown = new Int32Array(this.leads.length * 2);
      grown.set(this.leads);
      this.leads = grown;
    }
    this.leads[this.leadCount++] = octet;
  }

  /**
   * Declares the decoded octets valid UTF-8 (the caller checked). The units
   * that are not one octet each are listed from the lead octets seen while
   * decoding, on the first `span` only: most parts get no diagnostic that
   * needs them, and none needs a pass over the whole text.
   */
  indexUtf8Units(bytes: Uint8Array): void {
    this.bytes = bytes;
  }

  /**
   * Declares that text[from, to), a US-ASCII quoted-printable body, was
   * decoded without recording anchors (`decodeAsciiQpWithMap` without a map):
   * they are replayed from it on demand, exactly as the general loop records
   * them.
   */
  replayAsciiLater(text: string, from: number, to: number): void {
    this.replayText = text;
    this.replayAt = from;
    this.replayEnd = to;
    this.replayOctets = 0;
    this.replayRunNext = -1;
  }

  /**
   * Replays the decoding of a US-ASCII body (the general loop of
   * `decodeQpWithMap`, without writing octets) until the anchors and leads
   * cover octet `octet`, or the body ends.
   */
  private cover(octet: number): void {
    const text = this.replayText;
    if (text === undefined) return;
    let i = this.replayAt;
    const to = this.replayEnd;
    let n = this.replayOctets;
    let runNext = this.replayRunNext;
    while (i < to && n <= octet) {
      const c = text.charCodeAt(i);
      if (c === 0x3d) {
        const h1 = i + 1 < to ? hexValue(text.charCodeAt(i + 1)) : -1;
        const h2 = i + 2 < to ? hexValue(text.charCodeAt(i + 2)) : -1;
        if (h1 >= 0 && h2 >= 0) {
          this.anchor(n, i, ESCAPE);
          if (((h1 << 4) | h2) >= 0xc0) this.lead(n);
          n++;
          i += 3;
          runNext = -1;
          continue;
        }
        const after = softLineBreakEnd(text, i + 1, to);
        if (after >= 0) {
          i = after;
          continue;
        }
      } else if (c === 32 || c === 9) {
        let j = i;
        while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
        if (j >= to || text.charCodeAt(j) === 10 || (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10)) {
          i = j;
          continue;
        }
        for (; i < j; i++) {
          if (i !== runNext) this.anchor(n, i, RUN);
          runNext = i + 1;
          n++;
        }
        continue;
      }
      if (i !== runNext) this.anchor(n, i, RUN);
      runNext = i + 1;
      n++;
      i++;
    }
    this.replayAt = i;
    this.replayOctets = n;
    this.replayRunNext = runNext;
    if (i >= to) this.replayText = undefined;
  }

  /** Lists the wide units of the leads recorded so far (all of them once the replay is done). */
  private listWideUnits(): void {
    const bytes = this.bytes;
    if (!bytes) return;
    if (this.replayText === undefined) this.bytes = undefined;
    let extra = this.listedExtra;
    for (let i = this.listedLeads; i < this.leadCount; i++) {
      const o = this.leads[i];
      const b = bytes[o];
      const unit = o - extra;
      if (b >= 0xf0) {
        // Four octets: a surrogate pair, the second unit sharing the octets.
        this.wideUnits.push(unit, unit + 1);
        this.extraAfter.push(extra + 3, extra + 2);
        this.unitOctets.push(4, 0);
        extra += 2;
      } else {
        const octets = b >= 0xe0 ? 3 : 2;
        extra += octets - 1;
        this.wideUnits.push(unit);
        this.extraAfter.push(extra);
        this.unitOctets.push(octets);
      }
    }
    this.listedLeads = this.leadCount;
    this.listedExtra = extra;
  }

  /** The first octet of a unit and how many octets it has, once the replay has gone past them. */
  private coveredOctetsOfUnit(unit: number): { first: number; count: number } {
    for (;;) {
      this.listWideUnits();
      const o = this.octetsOfUnit(unit);
      // Every lead before the replay's position is listed: the answer is exact once the unit lies before it.
      if (this.replayText === undefined || o.first + o.count < this.replayOctets) return o;
      this.cover(o.first + o.count + 4096);
    }
  }

  /** The first octet of a unit and how many octets it has. */
  private octetsOfUnit(unit: number): { first: number; count: number } {
    const w = this.wideUnits;
    let lo = 0;
    let hi = w.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (w[mid] <= unit) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (j >= 0 && w[j] === unit) {
      const before = j > 0 ? this.extraAfter[j - 1] : 0;
      if (this.unitOctets[j] === 0) {
        // The second half of a surrogate pair shares the pair's four octets.
        const pairBefore = j > 1 ? this.extraAfter[j - 2] : 0;
        return { first: unit - 1 + pairBefore, count: 4 };
      }
      return { first: unit + before, count: this.unitOctets[j] };
    }
    return { first: unit + (j >= 0 ? this.extraAfter[j] : 0), count: 1 };
  }

  /** Raw span of one octet. */
  private rawOfOctet(octet: number): { start: number; end: number } {
    if (this.replayText !== undefined && octet >= this.replayOctets) this.cover(octet);
    const a = this.anchors;
    let lo = 0;
    let hi = this.anchorCount - 1;
    let j = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (a[mid * 3] <= octet) {
        j = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const first = a[j * 3];
    const raw = a[j * 3 + 1];
    const kind = a[j * 3 + 2];
    if (kind === RUN) return { start: raw + (octet - first), end: raw + (octet - first) + 1 };
    if (kind === ESCAPE) return { start: raw, end: raw + 3 };
    // WIDE: every octet of the character comes from the same one or two raw units.
    return { start: raw, end: raw + (kind - WIDE + 1) };
  }

  /** Raw span of decoded units [from, to). */
  span(from: number, to: number): RawSpan {
    const a = this.coveredOctetsOfUnit(from);
    const start = this.rawOfOctet(a.first).start;
    const b = to > from ? this.coveredOctetsOfUnit(to - 1) : a;
    const end = to > from ? this.rawOfOctet(b.first + b.count - 1).end : start;
    return { offset: start, length: Math.max(0, end - start) };
  }
}

// The map's shape outlives each decoded part (see ./shapes).
keepShape(new QpMap());

/**
 * The common case of `decodeQpWithMap`: a body of US-ASCII characters (what
 * RFC 2045 §6.7 asks quoted-printable to be). The text is copied into a
 * buffer once and decoded in place: native searches find each `=` and each
 * line end, the literal runs between them move down in place, so the cost is
 * per escape and per line, not per character. Same output and anchors as the
 * general loop. Without a map, nothing is recorded (see `QpMap.replayAsciiLater`).
 */
export function decodeAsciiQpWithMap(text: string, from: number, to: number, map: QpMap | undefined): Buffer {
  const bytes = Buffer.from(text.slice(from, to), 'latin1');
  const len = bytes.length;
  let n = 0;
  let k = 0;
  /** The index that continues the current run of literal octets (-1: no run open). */
  let runNext = -1;
  const copy = (s: number, e: number): void => {
    if (e <= s) return;
    if (map && s !== runNext) map.anchor(n, from + s, RUN);
    if (n !== s) {
      // Most runs lie between two escapes and are short: a loop beats the native call's fixed cost.
      if (e - s > 48) bytes.copyWithin(n, s, e);
      else for (let i = s, j = n; i < e; i++, j++) bytes[j] = bytes[i];
    }
    n += e - s;
    runNext = e;
  };
  let eq = -1;
  let nl = -1;
  while (k < len) {
    if (eq < k && eq !== len) {
      eq = bytes.indexOf(0x3d, k);
      if (eq < 0) eq = len;
    }
    if (nl < k && nl !== len) {
      nl = bytes.indexOf(0x0a, k);
      if (nl < 0) nl = len;
    }
    if (eq < nl) {
      copy(k, eq);
      const h1 = eq + 1 < len ? hexValue(bytes[eq + 1]) : -1;
      const h2 = eq + 2 < len ? hexValue(bytes[eq + 2]) : -1;
      if (h1 >= 0 && h2 >= 0) {
        const b = (h1 << 4) | h2;
        if (map) {
          map.anchor(n, from + eq, ESCAPE);
          if (b >= 0xc0) map.lead(n);
        }
        // n <= eq: the write never overtakes what is still to be read.
        bytes[n++] = b;
        k = eq + 3;
        runNext = -1;
        continue;
      }
      let j = eq + 1;
      while (j < len && (bytes[j] === 32 || bytes[j] === 9)) j++;
      if (j >= len) {
        k = len;
        break;
      }
      if (bytes[j] === 13 && bytes[j + 1] === 10) {
        k = j + 2;
        continue;
      }
      if (bytes[j] === 10) {
        k = j + 1;
        continue;
      }
      // A lone "=": kept as it is.
      copy(eq, eq + 1);
      k = eq + 1;
      continue;
    }
    // A line end (or the end): RFC 2045 §6.7 rule 3, white space before it is transport padding.
    const lineEnd = nl < len && nl > k && bytes[nl - 1] === 13 ? nl - 1 : nl;
    let w = lineEnd;
    while (w > k && (bytes[w - 1] === 32 || bytes[w - 1] === 9)) w--;
    copy(k, w);
    if (nl >= len) break;
    copy(lineEnd, nl + 1);
    k = nl + 1;
  }
  return bytes.subarray(0, n);
}

/**
 * Decodes quoted-printable like `decodeQuotedPrintable` (../message/encodings.ts),
 * recording in `map` where the octets came from.
 */
export function decodeQpWithMap(text: string, from: number, to: number, map: QpMap): Buffer {
  // Characters beyond Latin-1 take up to 4 octets; most bodies have none (a native scan finds out).
  const cap = /[^\x00-\xff]/.test(text.slice(from, to)) ? 4 * (to - from) : to - from;
  const bytes = Buffer.allocUnsafe(cap);
  let n = 0;
  let i = from;
  /** The raw index that continues the current run of literal octets (-1: no run open). */
  let runNext = -1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) {
      const h1 = i + 1 < to ? hexValue(text.charCodeAt(i + 1)) : -1;
      const h2 = i + 2 < to ? hexValue(text.charCodeAt(i + 2)) : -1;
      if (h1 >= 0 && h2 >= 0) {
        const b = (h1 << 4) | h2;
        map.anchor(n, i, ESCAPE);
        if (b >= 0xc0) map.lead(n);
        bytes[n++] = b;
        i += 3;
        runNext = -1;
        continue;
      }
      const after = softLineBreakEnd(text, i + 1, to);
      if (after >= 0) {
        i = after;
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
      // Inner white space: the whole run at once (scanning it again per character would be quadratic).
      for (; i < j; i++) {
        if (i !== runNext) map.anchor(n, i, RUN);
        runNext = i + 1;
        bytes[n++] = text.charCodeAt(i);
      }
      continue;
    } else if (c > 0xff) {
      // A raw character beyond Latin-1: its UTF-8 octets, as the shared decoder writes them.
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      map.anchor(n, i, WIDE + pair - 1);
      map.lead(n);
      n += bytes.write(text.slice(i, i + pair), n, 'utf8');
      i += pair;
      runNext = -1;
      continue;
    }
    if (i !== runNext) map.anchor(n, i, RUN);
    runNext = i + 1;
    if (c >= 0xc0) map.lead(n);
    bytes[n++] = c & 0xff;
    i++;
  }
  return bytes.subarray(0, n);
}

/** The first line of a part's body (where base64 problems are reported). */
function firstLineOf(text: string, part: MimePart): RawSpan {
  let end = part.bodyOffset;
  while (end < part.bodyEnd && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { offset: part.bodyOffset, length: end - part.bodyOffset };
}

/** A decoded part: one class, so one object shape whatever the encoding, kept alive between checks (see ./shapes). */
class DecodedPart implements DecodedHtml {
  constructor(
    readonly part: MimePart,
    readonly html: string,
    readonly mapping: DecodedHtml['mapping'],
    readonly octets: number,
    readonly firstLine: RawSpan,
    readonly qp: QpMap | undefined = undefined,
  ) {}
}

keepShape(new DecodedPart({} as MimePart, '', 'identity', 0, { offset: 0, length: 0 }, new QpMap()));

/** Decodes a text/html part for the checks. */
export function decodeHtmlPart(text: string, part: MimePart): DecodedHtml {
  const firstLine = firstLineOf(text, part);
  const charset = (part.charset ?? 'utf-8').trim().toLowerCase();
  const cte = part.transferEncoding;
  if (cte === 'quoted-printable') {
    const map = new QpMap();
    const body = text.slice(part.bodyOffset, part.bodyEnd);
    // Only US-ASCII characters when each is one UTF-8 octet (a native count, no scan in JavaScript).
    const ascii = Buffer.byteLength(body, 'utf8') === body.length;
    // US-ASCII: decoded without the anchors, which are replayed when a problem needs a position.
    const bytes = ascii ? decodeAsciiQpWithMap(text, part.bodyOffset, part.bodyEnd, undefined) : decodeQpWithMap(text, part.bodyOffset, part.bodyEnd, map);
    if (ascii) map.replayAsciiLater(text, part.bodyOffset, part.bodyEnd);
    const utf8 = charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii' || charset === 'ascii';
    const html = utf8 ? bytes.toString('utf8') : decodeCharset(bytes, charset);
    // Valid UTF-8 (a native check): each character's octets are known, so the map is exact.
    if (utf8 && isUtf8(bytes)) {
      map.indexUtf8Units(bytes);
      return new DecodedPart(part, html, 'quoted-printable', bytes.length, firstLine, map);
    }
    // One octet, one character: the octet map is the character map.
    if (!utf8 && isSingleOctet(charset) && html.length === bytes.length) return new DecodedPart(part, html, 'quoted-printable', bytes.length, firstLine, map);
    // Invalid UTF-8 or a multi-octet charset: replacement characters hide how many octets each stands for.
    return new DecodedPart(part, html, 'first-line', bytes.length, firstLine);
  }
  if (cte === 'base64') {
    const bytes = decodeBase64(text.slice(part.bodyOffset, part.bodyEnd));
    return new DecodedPart(part, decodeCharset(bytes, charset), 'first-line', bytes.length, firstLine);
  }
  // 7bit, 8bit, binary: the editor already turned the octets into these characters.
  const html = text.slice(part.bodyOffset, part.bodyEnd);
  return new DecodedPart(part, html, 'identity', Buffer.byteLength(html, 'utf8'), firstLine);
}

/** The raw span of decoded [from, to). */
export function rawSpanOf(d: DecodedHtml, from: number, to: number): RawSpan {
  if (d.mapping === 'identity') return { offset: d.part.bodyOffset + from, length: Math.max(0, to - from) };
  if (d.mapping === 'first-line' || !d.qp || d.html.length === 0) return d.firstLine;
  const n = d.html.length;
  const a = Math.min(Math.max(0, from), n - 1);
  return d.qp.span(a, Math.min(n, Math.max(a, to)));
}

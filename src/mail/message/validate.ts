/**
 * Validates an RFC 5322 + MIME message: every `eml` code of the catalogue
 * (/work/shared/spec/diagnostics.md), plus `too-large` and `nesting-too-deep`.
 *
 * One parse (./parse.ts) gives the structure and the structural problems;
 * this module adds the line checks (one pass with indexOf), the header
 * checks per message and per entity, and the body checks per leaf part
 * (scanning base64 / quoted-printable / 7bit bodies in place, never decoding).
 *
 * Caps: each code is reported at most MAX_PER_CODE (100) times per document,
 * and the per-character body checks (eight-bit-data, base64-invalid,
 * qp-invalid, nul-character, bare-cr) report at most one occurrence per line,
 * so a 50 MB binary file gives a bounded list.
 */
import { problem, type Problem, type ProblemCode } from '../codes';
import { measureOctets } from '../octets';
import { parseAddressList, mailboxesOf, type AddressItem } from './address';
import { parseDateTime } from './dates';
import { decodeEncodedWords, isBase64Char, isKnownCharset } from './encodings';
import { isAsciiAtext, tokenize, RFC5322_SPECIALS, stripComments, type Token } from './lexer';
import { ENGLISH_MESSAGES, type Detail, type MessageTable } from './messages';
import type { CoreBundle } from '../i18n';
import type { HeaderField, MimePart, ParsedMessage } from './model';
import { fieldNames, isAddressField, lookupLowerField, type FieldInfo } from './fieldCatalog';
import { walkParts } from './model';
import { parseParameterised } from './params';
import { parseMessage, DEFAULT_MAX_DEPTH } from './parse';
import { checkHtml, type HtmlCheckOptions } from '../html/check';
import { authenticate } from '../auth/verify';
import type { KeyLookup } from '../auth/keys';
import { checkListUnsubscribe } from './listHeaders';
import { decodedLength, readUniformBase64 } from './base64Lines';

/** Bounds on validation work. */
export interface MessageValidationOptions {
  /** Larger documents get structure and header checks only (plus a `too-large` note). */
  maxFullSize?: number;
  /** Deepest MIME nesting parsed and validated. */
  maxDepth?: number;
  /**
   * How the text was decoded from octets, for the 998-octet line limit: `utf8`
   * (the default, an editor's document) counts a character's UTF-8 octets;
   * `latin1` (a file that was not valid UTF-8, read byte for byte) counts each
   * character up to U+00FF as the one octet it was.
   */
  textEncoding?: 'utf8' | 'latin1';
  /** The HTML checks of text/html parts (target clients), or false to skip them. Default: on, default clients. */
  html?: HtmlCheckOptions | false;
  /** DKIM public keys at hand (a keys file, cached DNS answers); body hashes are checked without them. */
  keys?: KeyLookup;
  /** The locale bundle the messages are written with (../i18n.ts `bundleFor`); English when absent. */
  l10n?: CoreBundle;
}

/** Default of `maxFullSize` (the `smtpEml.validation.maxFullSize` setting). */
export const DEFAULT_MAX_FULL_SIZE = 64 * 1024 * 1024;

/** At most this many problems of one code per document. */
export const MAX_PER_CODE = 100;

/** Encoded words examined per header field (RFC 2047 §2 keeps real fields far below: 998-octet lines of 75-character words). */
const MAX_WORDS_PER_FIELD = 1000;

/** Returns every problem in `text`, a whole message, sorted by offset. Never throws. */
export function validateMessage(text: string, options: MessageValidationOptions = {}): Problem[] {
  const parsed = parseMessage(text, { maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH, l10n: options.l10n });
  return validateParsed(parsed, options);
}

/** Collects problems, capping each code at MAX_PER_CODE, with the message table of the call's bundle. */
class Reporter {
  readonly list: Problem[] = [];
  constructor(readonly messages: MessageTable) {}
  /**
   * Bodies the transfer-encoding checks already read line by line and found to hold
   * only lines of at most 76 characters, no CR but in CRLF, no NUL (in document
   * order, with their line-ending counts): the line checks skip them instead of
   * reading every line of a large attachment a second time.
   */
  readonly cleanSpans: CleanSpan[] = [];
  /** Made on the first problem: most messages have none (2,500 messages in one transcript). */
  private counts: Map<ProblemCode, number> | undefined = undefined;
  add(p: Problem): void {
    const counts = (this.counts ??= new Map());
    const n = counts.get(p.code) ?? 0;
    if (n >= MAX_PER_CODE) return;
    counts.set(p.code, n + 1);
    this.list.push(p);
  }
  full(code: ProblemCode): boolean {
    return this.counts !== undefined && (this.counts.get(code) ?? 0) >= MAX_PER_CODE;
  }
}

/** Fields that may occur at most once in a message header (the catalogue's `once`: RFC 5322 §3.6, RFC 2919 §3, RFC 8058 §3.1). */
const ONCE_PER_MESSAGE = [...fieldNames((i) => i.cardinality === 'once')];
/** Fields that may occur at most once per MIME entity (RFC 2045 §3). */
const ONCE_PER_ENTITY = [...fieldNames((i) => i.cardinality === 'once-per-entity')];
/** Address fields (RFC 5322 §3.6.2, §3.6.3, §3.6.6). */
export const ADDRESS_FIELDS = fieldNames(isAddressField);
/** Fields whose values are ids or machine data, where "=?" is not an encoded word (RFC 2047 §5). */
const NO_ENCODED_WORDS = fieldNames((i) => !i.encodedWords);
/** Field names the checks look up by name; other names are not grouped (a header of 50 000 distinct fields stays cheap). */
const LOOKED_UP = new Set([...ONCE_PER_MESSAGE, ...ONCE_PER_ENTITY, 'content-disposition', 'list-unsubscribe', 'list-unsubscribe-post']);
/** MIME fields that need MIME-Version at the top level (RFC 2045 §4). */
const MIME_FIELDS = fieldNames((i) => i.mime === true);

/** Validates an already parsed message (so editor features can share one parse). */
export function validateParsed(parsed: ParsedMessage, options: MessageValidationOptions = {}): Problem[] {
  return validateWithLineEndings(parsed, options).problems;
}

/**
 * `validateParsed`, also returning the document's line-ending counts (what the
 * mixed-line-endings check decided from), so that an edit inside one body part
 * can be re-validated without scanning the rest (see incremental.ts).
 */
export function validateWithLineEndings(parsed: ParsedMessage, options: MessageValidationOptions = {}): { problems: Problem[]; lineEndings: LineEndings } {
  const { text, root } = parsed;
  const maxFullSize = options.maxFullSize ?? DEFAULT_MAX_FULL_SIZE;
  const full = text.length <= maxFullSize;
  const out = new Reporter(options.l10n?.messages ?? ENGLISH_MESSAGES);
  for (const p of parsed.problems) out.add(p);
  if (!full) {
    out.add(problem('too-large', 0, 0, out.messages['too-large'](text.length, maxFullSize)));
  }

  const binaryRanges: Array<[number, number]> = [];
  walkParts(root, (part) => {
    // Lowercase each name once; group only the names the checks look up.
    const names = part.headers.map(lower);
    const byName = new Map<string, HeaderField[]>();
    for (let k = 0; k < names.length; k++) {
      const n = names[k];
      if (!LOOKED_UP.has(n)) continue;
      const list = byName.get(n);
      if (list) list.push(part.headers[k]);
      else byName.set(n, [part.headers[k]]);
    }
    if (part.isMessage) checkMessageHeaders(text, part, names, byName, out);
    checkEntityHeaders(text, part, names, byName, out);
    if (part.transferEncoding === 'binary' && part.children.length === 0 && !part.embedded) binaryRanges.push([part.bodyOffset, part.bodyEnd]);
    if (full) checkBody(text, part, out);
  });
  const lineEndings = checkLines(text, 0, full ? text.length : maxFullSize, binaryRanges, options.textEncoding === 'latin1', out);
  checkMixedLineEndings(lineEndings, out);
  if (full && options.html !== false) checkHtml(parsed, options.html ?? {}, (p) => out.add(p), (code) => out.full(code), options.l10n?.html);
  // DKIM and ARC (RFC 6376, RFC 8617): free for a message without such fields.
  if (full) for (const p of authenticate(parsed, { keys: options.keys, textEncoding: options.textEncoding, l10n: options.l10n }).problems) out.add(p);
  out.list.sort((a, b) => a.offset - b.offset || a.length - b.length);
  return { problems: out.list, lineEndings };
}

/**
 * The problems a leaf part's body is responsible for: its transfer-encoding checks
 * and the line checks (length, bare CR, NUL) of its lines, with the line-ending
 * counts of those lines. Together with the rest of the message's problems these
 * are exactly what `validateParsed` reports, as long as no code reaches its cap.
 */
export function validateBody(text: string, part: MimePart, options: MessageValidationOptions = {}): { problems: Problem[]; lineEndings: LineEndings } {
  const out = new Reporter(options.l10n?.messages ?? ENGLISH_MESSAGES);
  checkBody(text, part, out);
  const binary: Array<[number, number]> = part.transferEncoding === 'binary' ? [[part.bodyOffset, part.bodyEnd]] : [];
  const lineEndings = checkLines(text, part.bodyOffset, part.bodyEnd, binary, options.textEncoding === 'latin1', out);
  // The line break after the body (a delimiter's, RFC 2046 §5.1.1) is counted with it: when the body
  // ends with a line break, the empty line after it is the one that break ends.
  if (part.bodyEnd > part.bodyOffset && text.charCodeAt(part.bodyEnd - 1) === 10) {
    const nl = text.indexOf('\n', part.bodyEnd);
    if (nl >= 0 && text.charCodeAt(nl - 1) === 13) {
      lineEndings.crlf++;
      if (lineEndings.firstCrlf < 0) lineEndings.firstCrlf = nl - 1;
    } else if (nl >= 0) {
      lineEndings.lf++;
      if (lineEndings.firstLf < 0) lineEndings.firstLf = nl;
    }
  }
  return { problems: out.list, lineEndings };
}

// ---------------------------------------------------------------- lines

/** A span of whole lines the line checks need not read again (see Reporter.cleanSpans). */
interface CleanSpan extends LineEndings {
  /** Start of its first line. */
  start: number;
  /** End of its last line (before that line's break, which is not counted in it). */
  end: number;
}

/** Line breaks counted by style, and where the first of each is (-1 when none). */
export interface LineEndings {
  crlf: number;
  lf: number;
  /** Offset of the CR of the first CRLF. */
  firstCrlf: number;
  /** Offset of the first LF not preceded by CR. */
  firstLf: number;
}

/**
 * Line checks of the lines that start in [from, limit): length (RFC 5322 §2.1.1),
 * bare CR and NUL (§2.3); returns their line-ending counts. `from` is a line start.
 */
function checkLines(text: string, from: number, limit: number, binaryRanges: Array<[number, number]>, latin1: boolean, out: Reporter): LineEndings {
  const len = Math.min(text.length, limit);
  let pos = from;
  let crlf = 0;
  let lf = 0;
  let firstCrlf = -1;
  let firstLf = -1;
  let range = 0;
  const clean = out.cleanSpans;
  let span = 0;
  while (pos < len) {
    while (span < clean.length && clean[span].start < pos) span++;
    if (span < clean.length && clean[span].start === pos && clean[span].end <= len) {
      // Lines already read by the base64 check: take its counts, resume at its last line's break.
      const c = clean[span++];
      crlf += c.crlf;
      lf += c.lf;
      if (firstCrlf < 0) firstCrlf = c.firstCrlf;
      if (firstLf < 0) firstLf = c.firstLf;
      if (c.end > pos) {
        pos = c.end;
        if (pos < len || text.charCodeAt(pos - 1) === 10) continue;
        // The span ends the range inside its last line: that line's break, after the span, is still the line's.
        const nl = text.indexOf('\n', pos);
        if (nl >= 0 && text.charCodeAt(nl - 1) === 13) {
          crlf++;
          if (firstCrlf < 0) firstCrlf = nl - 1;
        } else if (nl >= 0) {
          lf++;
          if (firstLf < 0) firstLf = nl;
        }
        break;
      }
    }
    const nl = text.indexOf('\n', pos);
    const next = nl < 0 ? text.length : nl + 1;
    let lineEnd = nl < 0 ? text.length : nl;
    if (nl > 0 && text.charCodeAt(nl - 1) === 13) {
      lineEnd = nl - 1;
      crlf++;
      if (firstCrlf < 0) firstCrlf = nl - 1;
    } else if (nl >= 0) {
      lf++;
      if (firstLf < 0) firstLf = nl;
    }
    const chars = lineEnd - pos;
    if (chars > 332 && !out.full('line-too-long')) {
      while (range < binaryRanges.length && binaryRanges[range][1] <= pos) range++;
      // RFC 2045 §2.9: binary data has no line length limit.
      const inBinary = range < binaryRanges.length && binaryRanges[range][0] <= pos && pos < binaryRanges[range][1];
      if (!inBinary) {
        // RFC 5322 §2.1.1: lines MUST be no more than 998 characters, excluding the CRLF.
        const { octets, cut } = measureOctets(text, pos, lineEnd, 998, latin1);
        if (cut >= 0) {
          out.add(problem('line-too-long', cut, lineEnd - cut, out.messages['line-too-long'](octets), { data: { lineOffset: pos, lineEnd } }));
        }
      }
    }
    pos = next;
  }
  // RFC 5322 §2.3: CR and LF only together as CRLF. One report per line; skipping
  // to the next LF keeps a CR-only (classic Mac) file linear.
  span = 0;
  for (let i = text.indexOf('\r', from); i >= 0 && i < len && !out.full('bare-cr'); ) {
    while (span < clean.length && clean[span].end <= i) span++;
    if (span < clean.length && clean[span].start <= i) {
      // A clean span has no bare CR: go on after it.
      i = text.indexOf('\r', clean[span].end);
      continue;
    }
    if (text.charCodeAt(i + 1) !== 10) {
      out.add(problem('bare-cr', i, 1, out.messages['bare-cr']()));
      const nl = text.indexOf('\n', i);
      if (nl < 0) break;
      i = text.indexOf('\r', nl);
    } else i = text.indexOf('\r', i + 1);
  }
  // Clean spans hold no NUL: only the text between them is searched (a slice bounds the search).
  let at = from;
  for (span = 0; span <= clean.length && at < len && !out.full('nul-character'); span++) {
    const gapEnd = span < clean.length ? Math.min(clean[span].start, len) : len;
    if (gapEnd > at) {
      const gap = text.slice(at, gapEnd);
      for (let i = gap.indexOf('\0'); i >= 0 && !out.full('nul-character'); ) {
        out.add(problem('nul-character', at + i, 1, out.messages['nul-character']()));
        // One per line: a binary file would otherwise give one per octet.
        const nl = gap.indexOf('\n', i);
        if (nl < 0) break;
        i = gap.indexOf('\0', nl);
      }
    }
    if (span < clean.length) at = Math.max(at, clean[span].end);
  }
  return { crlf, lf, firstCrlf, firstLf };
}

/** RFC 5322 §2.1: lines end with CRLF; a mix means some tool rewrote part of the file. */
function checkMixedLineEndings({ crlf, lf, firstCrlf, firstLf }: LineEndings, out: Reporter): void {
  if (crlf === 0 || lf === 0) return;
  out.add(mixedLineEndingsProblem({ crlf, lf, firstCrlf, firstLf }, out.messages));
}

/** The mixed-line-endings problem for counts where both styles occur: at the first break of the minority style. */
export function mixedLineEndingsProblem({ crlf, lf, firstCrlf, firstLf }: LineEndings, messages: MessageTable = ENGLISH_MESSAGES): Problem {
  const minorityCrlf = crlf < lf;
  const at = minorityCrlf ? firstCrlf : firstLf;
  return problem('mixed-line-endings', at, minorityCrlf ? 2 : 1, messages['mixed-line-endings'](crlf, lf), { data: { dominant: minorityCrlf ? '\n' : '\r\n', crlf, lf } });
}

// ---------------------------------------------------------------- headers

function lower(h: HeaderField): string {
  return h.name.toLowerCase();
}

/** The trimmed raw value span of a field (folds included), for ranges. */
function valueSpan(text: string, h: HeaderField): { offset: number; length: number } {
  let s = h.valueOffset;
  let e = h.end;
  while (s < e && /[ \t\r\n]/.test(text[s])) s++;
  while (e > s && /[ \t\r\n]/.test(text[e - 1])) e--;
  return s < e ? { offset: s, length: e - s } : { offset: h.nameOffset, length: h.nameLength };
}

function eolAt(text: string, offset: number): string {
  const nl = text.indexOf('\n', offset);
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** The range a missing field is reported at: the first field's name, or the (empty) start of the message. */
function anchorOf(msg: MimePart): { offset: number; length: number } {
  return msg.headers[0] ? { offset: msg.headers[0].nameOffset, length: msg.headers[0].nameLength } : { offset: msg.offset, length: 0 };
}

/** Where a quick fix inserts a missing field: the end of the header, with the message's line end. */
function insertionOf(text: string, msg: MimePart): { insertOffset: number; eol: string; needsLineBreak: boolean } {
  return { insertOffset: msg.headerEnd, eol: eolAt(text, msg.offset), needsLineBreak: msg.headerEnd > 0 && text.charCodeAt(msg.headerEnd - 1) !== 10 };
}

/** Placeholders for a header that lacks nothing (never reported). */
const NO_ANCHOR = { offset: 0, length: 0 };
const NO_INSERT = { insertOffset: 0, eol: '\n', needsLineBreak: false };

/** Checks that apply to a message header: required fields, uniqueness, addresses, dates, ids (RFC 5322 §3.6). */
function checkMessageHeaders(text: string, msg: MimePart, names: string[], byName: Map<string, HeaderField[]>, out: Reporter): void {
  const isRoot = msg.depth === 0;
  const lacksRequired = isRoot
    ? !byName.has('from') || !byName.has('date') || (!byName.has('to') && !byName.has('cc') && !byName.has('bcc')) || !byName.has('subject') || !byName.has('message-id')
    : !byName.has('from') && !byName.has('subject') && !byName.has('date');
  // Where a missing field is reported and inserted: made only when one of the fields below is missing
  // (the same conditions), not for every message.
  const anchor = lacksRequired ? anchorOf(msg) : NO_ANCHOR;
  const insert = lacksRequired ? insertionOf(text, msg) : NO_INSERT;
  if (isRoot) {
    // RFC 5322 §3.6: the only required fields are the origination date and the originator address(es).
    if (!byName.has('from')) out.add(problem('missing-from', anchor.offset, anchor.length, out.messages['missing-from'](), { data: { ...insert, field: 'From' } }));
    if (!byName.has('date')) out.add(problem('missing-date', anchor.offset, anchor.length, out.messages['missing-date'](), { data: { ...insert, field: 'Date' } }));
    // RFC 5322 §3.6.3: destination fields are optional, but a message with none goes nowhere.
    if (!byName.has('to') && !byName.has('cc') && !byName.has('bcc')) out.add(problem('missing-recipient', anchor.offset, anchor.length, out.messages['missing-recipient'](), { data: { ...insert, field: 'To' } }));
    // RFC 5322 §3.6.5: Subject is optional but expected; RFC 5322 §3.6.4: Message-ID SHOULD be present.
    if (!byName.has('subject')) out.add(problem('missing-subject', anchor.offset, anchor.length, out.messages['missing-subject'](), { data: { ...insert, field: 'Subject' } }));
    if (!byName.has('message-id')) out.add(problem('missing-message-id', anchor.offset, anchor.length, out.messages['missing-message-id'](), { data: { ...insert, field: 'Message-ID' } }));
  } else if (!byName.has('from') && !byName.has('subject') && !byName.has('date')) {
    // RFC 2046 §5.2.1: an encapsulated message needs at least one of From, Subject, Date.
    out.add(problem('missing-from', anchor.offset, anchor.length, out.messages['missing-from-embedded'](), { data: { ...insert, field: 'From' } }));
  }
  // In the catalogue's order (which duplicates are kept under the cap depends on it), when any name repeats.
  if (hasRepeatedName(byName)) for (const name of ONCE_PER_MESSAGE) {
    const list = byName.get(name);
    if (list && list.length > 1) reportDuplicates(list, out);
  }
  checkResentBlocks(msg, names, out);
  // Addresses (RFC 5322 §3.4, §3.6.2, §3.6.3).
  for (let k = 0; k < msg.headers.length; k++) {
    const h = msg.headers[k];
    const n = names[k];
    if (h.colonOffset < 0) continue;
    if (ADDRESS_FIELDS.has(n)) {
      checkAddressField(text, h, n, lookupLowerField(n)!, out, byName);
      continue;
    }
    const grammar = lookupLowerField(n)?.grammar;
    if (grammar === 'date-time') checkDateField(text, h, out);
    else if ((grammar === 'msg-id' || grammar === 'msg-id-list') && !MIME_FIELDS.has(n)) checkMessageIdField(text, h, grammar === 'msg-id', out);
  }
  if (isRoot) {
    const mv = byName.get('mime-version');
    if (!mv) {
      // RFC 2045 §4: MIME-Version is required at the top level of a MIME message.
      const first = msg.headers.find((h, k) => MIME_FIELDS.has(names[k]));
      if (first) out.add(problem('mime-version-missing', first.nameOffset, first.nameLength, out.messages['mime-version-missing'](), { data: { ...insertionOf(text, msg), field: 'MIME-Version', text: 'MIME-Version: 1.0' } }));
    }
  }
  // RFC 2369 §2 and RFC 8058 §3.1.
  if (byName.has('list-unsubscribe') || byName.has('list-unsubscribe-post')) {
    for (const p of checkListUnsubscribe(text, byName.get('list-unsubscribe'), byName.get('list-unsubscribe-post'), out.messages)) out.add(p);
  }
}

/** Resent fields (RFC 5322 §3.6.6): at most once each per resent block. */
const RESENT_ONCE = fieldNames((i) => i.cardinality === 'once-per-resent-block');

/**
 * RFC 5322 §3.6 lets each resent block hold each Resent- field once. Blocks are
 * runs of adjacent Resent- fields; two blocks may also sit side by side, which
 * the grammar cannot tell from one block with repeats. Every block MUST have
 * Resent-Date and Resent-From (§3.6.6), so a run with at most one of each, or
 * exactly one of either, is one block, and a repeat there is a duplicate.
 * Other runs are not judged.
 */
function checkResentBlocks(msg: MimePart, names: string[], out: Reporter): void {
  let k = 0;
  while (k < names.length) {
    if (!RESENT_ONCE.has(names[k])) {
      k++;
      continue;
    }
    const byName = new Map<string, HeaderField[]>();
    for (; k < names.length && RESENT_ONCE.has(names[k]); k++) {
      if (msg.headers[k].colonOffset < 0) continue;
      const list = byName.get(names[k]);
      if (list) list.push(msg.headers[k]);
      else byName.set(names[k], [msg.headers[k]]);
    }
    const dates = byName.get('resent-date')?.length ?? 0;
    const froms = byName.get('resent-from')?.length ?? 0;
    // Two of one and none of the other could be two incomplete blocks as well as one: not judged.
    const oneBlock = (dates <= 1 && froms <= 1) || Math.min(dates, froms) === 1;
    if (!oneBlock) continue;
    for (const list of byName.values()) if (list.length > 1) reportDuplicates(list, out);
  }
}

/** True when some looked-up name has more than one field: most headers have none, and then the dozens of names need no lookup. */
function hasRepeatedName(byName: Map<string, HeaderField[]>): boolean {
  for (const list of byName.values()) if (list.length > 1) return true;
  return false;
}

function reportDuplicates(list: HeaderField[], out: Reporter): void {
  const first = list[0];
  for (let k = 1; k < list.length; k++) {
    const h = list[k];
    out.add(
      problem('duplicate-header', h.nameOffset, h.nameLength, out.messages['duplicate-header'](h.name), {
        related: [{ offset: first.nameOffset, length: first.nameLength, message: out.messages['duplicate-header-related'](first.name) }],
        data: { fieldOffset: h.offset, fieldEnd: h.end, firstOffset: first.offset },
      }),
    );
  }
}

/** True for the white space the RFC 5322 tokenizer skips (./lexer.ts). */
const isTokenSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * True when text[start, end) is one mailbox of the plain forms
 * `local@domain` or `Display Name <local@domain>`: dot-atom-text on both sides
 * of the "@", a display name of ASCII atoms, white space only around the
 * words, no "=?" anywhere. For such a value the address parser finds exactly
 * one mailbox and no problem, so the checks below report nothing; it is
 * recognised by offset, without tokens (most address fields are of this form).
 */
export function isPlainMailbox(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isTokenSpace(text.charCodeAt(i))) i++;
  // A display name: atoms, each followed by white space, then "<".
  let angle = false;
  for (let j = i; j < end; ) {
    const c = text.charCodeAt(j);
    if (c === 60 /* < */) {
      angle = true;
      i = j + 1;
      break;
    }
    const wordEnd = atomEnd(text, j, end);
    if (wordEnd === j) break;
    j = wordEnd;
    if (j < end && text.charCodeAt(j) === 60) continue;
    if (j >= end || !isTokenSpace(text.charCodeAt(j))) break;
    while (j < end && isTokenSpace(text.charCodeAt(j))) j++;
  }
  const at = dotAtomEnd(text, i, end);
  if (at < 0 || at >= end || text.charCodeAt(at) !== 64 /* @ */) return false;
  let k = dotAtomEnd(text, at + 1, end);
  if (k < 0) return false;
  if (angle) {
    if (k >= end || text.charCodeAt(k) !== 62 /* > */) return false;
    k++;
  }
  while (k < end && isTokenSpace(text.charCodeAt(k))) k++;
  if (k !== end) return false;
  // RFC 2047: "=?" may start an encoded word, which an addr-spec must not hold and a display name decodes.
  for (let j = start; j + 1 < end; j++) if (text.charCodeAt(j) === 61 /* = */ && text.charCodeAt(j + 1) === 63 /* ? */) return false;
  return true;
}

/** The end of the run of ASCII atext starting at `i` (`i` itself when there is none). */
function atomEnd(text: string, i: number, end: number): number {
  while (i < end && isAsciiAtext(text.charCodeAt(i))) i++;
  return i;
}

function checkAddressField(text: string, h: HeaderField, n: string, info: FieldInfo, out: Reporter, byName: Map<string, HeaderField[]>): void {
  // The usual value has nothing to report; it is recognised without making tokens.
  if (isPlainMailbox(text, h.valueOffset, h.end)) return;
  const raw = text.slice(h.valueOffset, h.end);
  const { items, problems } = parseAddressList(raw, h.valueOffset, out.messages);
  for (const p of problems) out.add(p);
  if (items.length === 0 && problems.length === 0) {
    // RFC 5322 §3.6.3: only Bcc may be empty.
    if (info.envelope !== 'blind-recipient') out.add(problem('address-syntax', h.nameOffset, h.nameLength, out.messages['address-empty'](h.name)));
    return;
  }
  const mailboxOnly = info.grammar === 'mailbox' || info.grammar === 'mailbox-list';
  if (mailboxOnly) {
    // RFC 5322 §3.6.2: From is a mailbox-list and Sender a single mailbox: no groups.
    for (const item of items) {
      if (item.kind === 'group') out.add(problem('address-syntax', item.offset, item.length, out.messages['address-syntax'](['group-not-allowed', h.name])));
    }
  }
  if (info.grammar === 'mailbox' && items.length > 1) {
    const second = items[1];
    out.add(problem('address-syntax', second.offset, items[items.length - 1].offset + items[items.length - 1].length - second.offset, out.messages['address-syntax'](['one-mailbox-only', h.name])));
  }
  if (n === 'from') {
    const boxes = mailboxesOf(items as AddressItem[]);
    // RFC 5322 §3.6.2: with more than one author, Sender MUST name the one who sent it.
    if (boxes.length > 1 && !byName.has('sender')) {
      const span = valueSpan(text, h);
      out.add(problem('sender-required', span.offset, span.length, out.messages['sender-required'](boxes.length), { data: { insertOffset: h.end, address: boxes[0].address } }));
    }
  }
}

function checkDateField(text: string, h: HeaderField, out: Reporter): void {
  const info = parseDateTime(text.slice(h.valueOffset, h.end), h.valueOffset);
  if (info.error) {
    // RFC 5322 §3.3 date-time.
    const e = info.error.length > 0 ? info.error : valueSpan(text, h);
    out.add(problem('date-syntax', e.offset, e.length || h.nameLength, out.messages['date-syntax'](info.error.detail), { data: { valueOffset: h.valueOffset, valueEnd: h.end } }));
    return;
  }
  if (info.weekdayMismatch) {
    const w = info.weekdayMismatch;
    out.add(problem('date-weekday-mismatch', w.offset, w.length, out.messages['date-weekday-mismatch'](w.written, w.actual), { data: { replacement: w.actual } }));
  }
  if (info.obsoleteZone) {
    // RFC 5322 §4.3: zone names are obsolete; generate +hhmm.
    const z = info.obsoleteZone;
    out.add(problem('date-obsolete-zone', z.offset, z.length, out.messages['date-obsolete-zone'](z.zone, z.numeric), { data: { replacement: z.numeric } }));
  }
}

/** The end of a dot-atom-text (atext+ *("." atext+)) starting at `i`, or -1. */
function dotAtomEnd(text: string, i: number, end: number): number {
  let words = 0;
  for (;;) {
    const start = i;
    while (i < end && isAsciiAtext(text.charCodeAt(i))) i++;
    if (i === start) return -1;
    words++;
    if (i < end && text.charCodeAt(i) === 46 /* . */) i++;
    else return words > 0 ? i : -1;
  }
}

/**
 * True when text[start, end) is white space around ids of the plain form
 * "<" dot-atom-text "@" dot-atom-text ">" only (exactly one when `single`):
 * the values for which the token checks below report nothing, found by offset.
 */
function isPlainMsgIdList(text: string, start: number, end: number, single: boolean): boolean {
  let i = start;
  let ids = 0;
  for (;;) {
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 10)) i++;
    if (i >= end) return ids > 0;
    if (text.charCodeAt(i) !== 60 /* < */ || (single && ids > 0)) return false;
    const at = dotAtomEnd(text, i + 1, end);
    if (at < 0 || at >= end || text.charCodeAt(at) !== 64 /* @ */) return false;
    const close = dotAtomEnd(text, at + 1, end);
    if (close < 0 || close >= end || text.charCodeAt(close) !== 62 /* > */) return false;
    ids++;
    i = close + 1;
  }
}

/** RFC 5322 §3.6.4 msg-id = "<" id-left "@" id-right ">" (with §4.5.4 obsolete forms). */
function checkMessageIdField(text: string, h: HeaderField, single: boolean, out: Reporter): void {
  // The usual value has nothing to report; it is recognised without making tokens.
  if (isPlainMsgIdList(text, h.valueOffset, h.end, single)) return;
  const tokens = tokenize(text, h.valueOffset, h.end, RFC5322_SPECIALS);
  const bad = (from: Token, to: Token, detail: Detail): void => {
    out.add(problem('message-id-syntax', from.offset, to.end - from.offset, out.messages['message-id-syntax'](detail)));
  };
  if (tokens.length === 0) {
    out.add(problem('message-id-syntax', h.nameOffset, h.nameLength, out.messages['message-id-syntax'](['field-empty', h.name])));
    return;
  }
  let ids = 0;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!(t.kind === 'special' && t.value === '<')) {
      // RFC 5322 §4.5.4: obs-in-reply-to / obs-references also allow phrases between ids.
      if (!single && (t.kind === 'atom' || t.kind === 'quoted' || (t.kind === 'special' && (t.value === '.' || t.value === ',')))) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < tokens.length && !(tokens[j + 1].kind === 'special' && tokens[j + 1].value === '<')) j++;
      bad(t, tokens[j], single ? ['id-not-enclosed'] : ['id-stray', t.value]);
      i = j + 1;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length && !(tokens[j].kind === 'special' && (tokens[j].value === '>' || tokens[j].value === '<'))) j++;
    if (j >= tokens.length || tokens[j].value !== '>') {
      bad(t, tokens[Math.min(j, tokens.length) - 1], ['angle-unclosed']);
      i = j;
      continue;
    }
    ids++;
    const inner = tokens.slice(i + 1, j);
    const detail = checkIdInner(inner);
    if (detail) bad(t, tokens[j], detail);
    i = j + 1;
  }
  if (single && ids > 1) {
    out.add(problem('message-id-syntax', h.valueOffset, h.end - h.valueOffset, out.messages['message-id-syntax'](['id-multiple', h.name])));
  }
}

function checkIdInner(inner: Token[]): Detail | undefined {
  const at = inner.findIndex((t) => t.kind === 'special' && t.value === '@');
  if (inner.length === 0) return ['id-empty'];
  if (at < 0) return ['id-no-at'];
  const left = inner.slice(0, at);
  const right = inner.slice(at + 1);
  const dotted = (part: Token[], allowLiteral: boolean): boolean => {
    if (part.length === 0) return false;
    if (allowLiteral && part.length === 1 && part[0].kind === 'literal' && !part[0].unterminated) return true;
    let expectWord = true;
    for (const t of part) {
      if (expectWord) {
        if (!(t.kind === 'atom' || (t.kind === 'quoted' && !allowLiteral && !t.unterminated))) return false;
      } else if (!(t.kind === 'special' && t.value === '.')) return false;
      expectWord = !expectWord;
    }
    return !expectWord;
  };
  if (!dotted(left, false)) return ['id-left-invalid'];
  if (!dotted(right, true)) return ['id-right-invalid'];
  return undefined;
}

/**
 * The next 8-bit character. One object for every search (each sets lastIndex
 * before exec) rather than a new RegExp per entity and per body.
 */
const EIGHT_BIT = /[^\x00-\x7f]/g;

/** Checks for every entity: per-entity uniqueness, 8-bit header text, encoded words, charset, transfer encoding. */
function checkEntityHeaders(text: string, part: MimePart, names: string[], byName: Map<string, HeaderField[]>, out: Reporter): void {
  if (hasRepeatedName(byName)) for (const name of ONCE_PER_ENTITY) {
    const list = byName.get(name);
    if (list && list.length > 1) reportDuplicates(list, out);
  }
  // Next 8-bit character and next "=?" at or after the field being checked: the fields are in
  // document order, so each search resumes where the last one stopped. The searches run in a
  // slice of this header section (O(1) in V8), so they stop at its end, not at the end of the text.
  const base = part.headers.length ? part.headers[0].offset : 0;
  const section = part.headers.length ? text.slice(base, part.headers[part.headers.length - 1].end) : '';
  const eightBit = EIGHT_BIT;
  let nextEightBit = -1;
  let nextWordStart = -1;
  for (let k = 0; k < part.headers.length; k++) {
    const h = part.headers[k];
    for (const line of h.lines) {
      // RFC 5322 §2.1.1: each line SHOULD be no more than 78 characters, excluding the CRLF.
      if (line.length > 78 && !out.full('line-over-78')) {
        out.add(problem('line-over-78', line.offset + 78, line.length - 78, out.messages['line-over-78'](line.length), { data: { lineOffset: line.offset, lineEnd: line.offset + line.length } }));
      }
    }
    // RFC 6532 §3 allows UTF-8 only when the transport supports SMTPUTF8; RFC 5322 §2.2 says US-ASCII.
    if (nextEightBit < h.valueOffset) {
      eightBit.lastIndex = h.valueOffset - base;
      const m = eightBit.exec(section);
      nextEightBit = m ? base + m.index : Infinity;
    }
    if (nextEightBit < h.end && !out.full('non-ascii-header')) {
      let first = -1;
      let last = -1;
      for (let i = nextEightBit; i < h.end; i++) {
        if (text.charCodeAt(i) > 127) {
          if (first < 0) first = i;
          last = i;
        }
      }
      if (first >= 0) {
        out.add(problem('non-ascii-header', first, last - first + 1, out.messages['non-ascii-header'](h.name), { data: { name: h.name, valueOffset: h.valueOffset, valueEnd: h.end, fieldOffset: h.offset } }));
      }
    }
    if (nextWordStart < h.valueOffset) {
      const at = section.indexOf('=?', h.valueOffset - base);
      nextWordStart = at < 0 ? Infinity : base + at;
    }
    if (nextWordStart + 2 <= h.end && h.colonOffset >= 0 && !NO_ENCODED_WORDS.has(names[k])) {
      const raw = text.slice(h.valueOffset, h.end);
      // Reports are capped at MAX_PER_CODE per document, so a field's first words are enough:
      // a megabyte of "=?" would otherwise decode 100 000 words to report 100.
      for (const w of decodeEncodedWords(raw, MAX_WORDS_PER_FIELD).words) {
        const offset = h.valueOffset + w.offset;
        // RFC 2047 §2, §4, §5.
        if (w.error && !out.full('encoded-word-invalid')) out.add(problem('encoded-word-invalid', offset, w.length, out.messages['encoded-word-invalid'](w.error)));
        if (w.unknownCharset && !out.full('unknown-charset')) out.add(problem('unknown-charset', offset + 2, w.charset.length, out.messages['unknown-charset'](w.charset)));
      }
    }
  }
  const ct = byName.get('content-type')?.[0];
  // (Parsed again only when the field mentions a charset: the parse kept the value, not its span.)
  if (ct && ct.colonOffset >= 0 && /charset/i.test(text.slice(ct.valueOffset, ct.end))) {
    const scratch: Problem[] = [];
    const pv = parseParameterised(text, ct.valueOffset, ct.end, scratch, out.messages);
    const cs = pv.raw.find((p) => p.name === 'charset');
    // RFC 2046 §4.1.2: charset values are IANA-registered names.
    if (cs && !cs.unterminated && !isKnownCharset(cs.value)) out.add(problem('unknown-charset', cs.valueOffset, cs.valueEnd - cs.valueOffset, out.messages['unknown-charset'](cs.value)));
  }
  const mv = byName.get('mime-version');
  if (mv && mv[0].colonOffset >= 0) {
    // Checked in every entity: MIME-Version may repeat in a part (RFC 2045 §4), and an empty one there is as wrong.
    const h = mv[0];
    const v = stripComments(text, h.valueOffset, h.end);
    // RFC 2045 §4: version := "MIME-Version" ":" 1*DIGIT "." 1*DIGIT, and only 1.0 is defined.
    if (v !== '1.0') {
      const span = valueSpan(text, h);
      out.add(problem('mime-version-value', span.offset, span.length, out.messages['mime-version-value'](v), { data: { valueOffset: h.valueOffset, valueEnd: h.end } }));
    }
  }
  const cte = byName.get('content-transfer-encoding')?.[0];
  if (cte && cte.colonOffset >= 0 && stripComments(text, cte.valueOffset, cte.end) === '') {
    // RFC 2045 §6.1: the field holds a mechanism; an empty one names none (readers fall back to 7bit).
    out.add(problem('cte-unknown', cte.nameOffset, cte.nameLength, out.messages['cte-unknown-empty'](), { data: { valueOffset: cte.valueOffset, valueEnd: cte.end } }));
  } else if (cte && cte.colonOffset >= 0) {
    const v = part.transferEncoding;
    const span = valueSpan(text, cte);
    const known = v === '7bit' || v === '8bit' || v === 'binary' || v === 'quoted-printable' || v === 'base64';
    // RFC 2045 §6.1: mechanism := "7bit" / "8bit" / "binary" / "quoted-printable" / "base64" / ietf-token / x-token
    if (!known && !/^x-[!#$%&'*+\-.0-9A-Z^_`a-z{|}~]+$/i.test(v)) {
      out.add(problem('cte-unknown', span.offset, span.length, out.messages['cte-unknown'](v), { data: { valueOffset: cte.valueOffset, valueEnd: cte.end } }));
    }
    const type = part.contentType.type;
    const sub = part.contentType.subtype;
    // RFC 2045 §6.4 and RFC 2046 §5.2.1: composite types only in 7bit, 8bit or binary (RFC 6532 §3.5 lets message/global be encoded).
    if ((type === 'multipart' || (type === 'message' && !sub.startsWith('global'))) && v !== '7bit' && v !== '8bit' && v !== 'binary') {
      out.add(problem('cte-composite', span.offset, span.length, out.messages['cte-composite'](`${type}/${sub}`, v), { data: { valueOffset: cte.valueOffset, valueEnd: cte.end } }));
    }
  }
}

// ---------------------------------------------------------------- bodies

function cteField(part: MimePart): HeaderField | undefined {
  return part.headers.find((h) => lower(h) === 'content-transfer-encoding');
}

function checkBody(text: string, part: MimePart, out: Reporter): void {
  if (part.boundary !== undefined && part.transferEncoding === '7bit' && part.boundaryLines.length > 0) {
    // RFC 2045 §6.4 / §2.7: a multipart's 7bit applies to its whole body, preamble and epilogue
    // included (the parts inside are checked as entities of their own).
    const first = part.boundaryLines[0];
    let preambleEnd = first.offset;
    if (preambleEnd > part.bodyOffset && text.charCodeAt(preambleEnd - 1) === 10) preambleEnd--;
    if (preambleEnd > part.bodyOffset) checkSevenBit(text, part, part.bodyOffset, preambleEnd, out, '7bit', false);
    const last = part.boundaryLines[part.boundaryLines.length - 1];
    if (last.close && last.offset + last.length < part.bodyEnd) checkSevenBit(text, part, last.offset + last.length, part.bodyEnd, out, '7bit', false);
    return;
  }
  if (part.children.length > 0 || part.embedded || part.boundary !== undefined) return;
  const start = part.bodyOffset;
  const end = part.bodyEnd;
  if (end <= start) return;
  const cte = part.transferEncoding;
  if (cte === '7bit') checkSevenBit(text, part, start, end, out, '7bit');
  else if (cte === 'base64') checkBase64(text, start, end, out);
  else if (cte === 'quoted-printable') checkQuotedPrintable(text, part, start, end, out);
}

/** RFC 2045 §2.7: 7bit data is US-ASCII only; RFC 5321 §2.4 without 8BITMIME carries only 7-bit octets. */
/**
 * Reports 8-bit characters in text[start, end). `bodyFix` false leaves the body
 * range out of the problem's data (a multipart's preamble or epilogue: re-encoding
 * the whole body as quoted-printable would break the multipart, RFC 2045 §6.4).
 */
function checkSevenBit(text: string, part: MimePart, start: number, end: number, out: Reporter, cte: string, bodyFix = true): void {
  // A native regex scan finds the next 8-bit character much faster than a charCodeAt loop.
  // Search a slice (O(1) in V8) so the scan stops at the end of this body, not of the text.
  const body = text.slice(start, end);
  const eight = EIGHT_BIT;
  eight.lastIndex = 0;
  let field: HeaderField | undefined | null = null;
  while (!out.full('eight-bit-data')) {
    const m = eight.exec(body);
    if (!m) break;
    const i = start + m.index;
    if (field === null) field = cteField(part);
    out.add(
      problem('eight-bit-data', i, 1, out.messages['eight-bit-data'](cte), {
        data: {
          cteOffset: field?.offset,
          cteEnd: field?.end,
          headerEnd: part.headerEnd,
          ...(bodyFix ? { bodyOffset: part.bodyOffset, bodyEnd: part.bodyEnd } : {}),
          charset: part.charset,
        },
      }),
    );
    // One per line: continue on the next line.
    const nl = body.indexOf('\n', i - start);
    if (nl < 0) break;
    eight.lastIndex = nl + 1;
  }
}

/** RFC 2045 §6.8: base64 alphabet, "=" padding only at the end, lines of at most 76 characters. */
/** A well-formed base64 body: alphabet and line breaks, then at most two "=" at the end. Linear: "=" is not in the first class. */
const CLEAN_BASE64 = /^[A-Za-z0-9+/\r\n]*(?:=[\r\n]*){0,2}$/;

/** "=" and then only line breaks: what may follow the data of a well-formed body (the "=" counted by the caller). */
const PADDING_TAIL = /^(?:=[\r\n]*){1,2}$/;

/**
 * True when `body` matches CLEAN_BASE64, found mostly by native code faster than that
 * regex runs (a large attachment's body is most of the work of validating it). Node's
 * base64 decoder skips every character outside the alphabet but "-" and "_" (which it
 * reads as base64url) and stops at "=": the data before the first "=" holds only the
 * alphabet and line breaks exactly when it is ASCII, has no "-" or "_", and decodes to
 * as many octets as its count of characters other than CR and LF says. That count,
 * n, gives floor(3n/4) octets; one character less gives fewer unless n % 4 is 1, which
 * is left to the regex (an invalid length anyway).
 */
function isCleanBase64(body: string, firstPad: number, breaks: number, cuts?: readonly number[]): boolean {
  let head = body;
  if (firstPad >= 0) {
    const tail = body.slice(firstPad);
    if (!PADDING_TAIL.test(tail)) return false;
    head = body.slice(0, firstPad);
    // The tail is "=" and line breaks only: its breaks are not the head's.
    breaks -= tail.length - (tail.indexOf('=', 1) >= 0 ? 2 : 1);
  }
  // ASCII only (a two-byte string's characters would be cut to their low octet by the decoder).
  if (Buffer.byteLength(head, 'utf8') !== head.length) return false;
  if (head.indexOf('-') >= 0 || head.indexOf('_') >= 0) return false;
  const data = head.length - breaks;
  if (cuts && cuts.length > 0 && cuts[0] < head.length) return decodesInPieces(head, breaks, cuts);
  if (data % 4 === 1) return CLEAN_BASE64.test(body);
  return Buffer.from(head, 'base64').length === Math.floor((3 * data) / 4);
}

/**
 * Characters of a base64 body decoded at a time by the well-formedness test, at
 * most (plus the rest of a line): decoding a 3 MB attachment whole made a copy
 * of it and 2.4 MB of output, kept until a garbage collection, for each
 * attachment of a message (10 MB of the peak memory of a 10 MB message).
 */
const DECODE_PIECE = 1 << 16;

/**
 * Line ends of `body` where it may be cut into pieces of at least `piece`
 * characters: pairs of (offset after the line break, CR and LF characters
 * before it). Only meaningful when every CR of the body is followed by an LF.
 */
function pieceCuts(body: string, piece: number): number[] {
  const cuts: number[] = [];
  let breaks = 0;
  let last = 0;
  for (let nl = body.indexOf('\n'); nl >= 0; nl = body.indexOf('\n', nl + 1)) {
    breaks += nl > 0 && body.charCodeAt(nl - 1) === 13 ? 2 : 1;
    if (nl + 1 - last >= piece) cuts.push((last = nl + 1), breaks);
  }
  return cuts;
}

/**
 * isCleanBase64's decoder test on `head` (no "=", ASCII, no "-" or "_"; `breaks`
 * CR and LF characters) in the pieces `cuts` gives, each decoded into one small
 * scratch buffer (decodedLength): a piece is clean exactly when it decodes to
 * as many octets as its own count of data characters says (the same argument as
 * for the whole, so a piece whose count leaves 1 over 4 is tested with the
 * regex), and the head is clean exactly when every piece is.
 */
function decodesInPieces(head: string, breaks: number, cuts: readonly number[]): boolean {
  let from = 0;
  let breaksBefore = 0;
  for (let i = 0; ; i += 2) {
    const last = i >= cuts.length || cuts[i] >= head.length;
    const to = last ? head.length : cuts[i];
    const breaksTo = last ? breaks : cuts[i + 1];
    const piece = head.slice(from, to);
    const data = to - from - (breaksTo - breaksBefore);
    if (data % 4 === 1) {
      if (!CLEAN_BASE64_HEAD.test(piece)) return false;
    } else if (decodedLength(piece) !== Math.floor((3 * data) / 4)) return false;
    if (last) return true;
    from = to;
    breaksBefore = breaksTo;
  }
}

/** The alphabet and line breaks only: a piece of the data before any "=". */
const CLEAN_BASE64_HEAD = /^[A-Za-z0-9+/\r\n]*$/;

/** Line breaks (CR and LF characters) in `s`, counted with indexOf. */
function countBreaks(s: string): { cr: number; lf: number } {
  let cr = 0;
  for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) cr++;
  let lf = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lf++;
  return { cr, lf };
}

/**
 * True when a base64 body is well formed as far as characters go (RFC 2045 §6.8): the
 * alphabet and line breaks, then at most two "=" followed by line breaks only. The test
 * the body checks start with; line lengths and the data's length are checked after it.
 */
export function isCleanBase64Body(body: string, piece = DECODE_PIECE): boolean {
  const { cr, lf } = countBreaks(body);
  // Cut into pieces as the body checks do: only when every CR ends a line.
  const cuts = /\r(?!\n)/.test(body) ? undefined : pieceCuts(body, piece);
  return isCleanBase64(body, body.indexOf('='), cr + lf, cuts);
}

function checkBase64(text: string, start: number, end: number, out: Reporter): void {
  const body = text.slice(start, end);
  const uniform = readUniformBase64(body);
  if (uniform) {
    // The usual attachment, well formed: no long line, no bare CR; only the final padding is left to check.
    const firstBreak = start + uniform.firstBreak;
    out.cleanSpans.push({ start, end, crlf: uniform.crlf ? uniform.breaks : 0, lf: uniform.crlf ? 0 : uniform.breaks, firstCrlf: uniform.crlf ? firstBreak : -1, firstLf: uniform.crlf ? -1 : firstBreak });
    reportBase64End(uniform.data, uniform.pad, start + uniform.lastData, uniform.firstPad < 0 ? -1 : start + uniform.firstPad, out);
    return;
  }
  const firstPad = body.indexOf('=');
  // The lines, read with indexOf: their count and lengths. Long lines are reported once the
  // body is known to be clean (the character-by-character path below reports them itself).
  let lf = 0;
  let crlfLines = 0;
  let longLines: number[] | undefined;
  // Where the decoder test may cut the body (as pieceCuts, read in this loop rather than in one more).
  const cuts: number[] = [];
  let lastCut = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    const nl = body.indexOf('\n', lineStart);
    const stop = nl < 0 ? body.length : nl;
    const lineEnd = stop > lineStart && body.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    // (at most MAX_PER_CODE of them can be reported)
    if (lineEnd - lineStart > 76 && (longLines ??= []).length < 2 * MAX_PER_CODE) longLines.push(lineStart, lineEnd);
    if (nl < 0) break;
    lf++;
    if (lineEnd !== stop) crlfLines++;
    lineStart = nl + 1;
    if (lineStart - lastCut >= DECODE_PIECE) cuts.push((lastCut = lineStart), lf + crlfLines);
  }
  // Every CR counts as a line-break character, also a bare one (reported by the line checks).
  let allCr = 0;
  for (let i = body.indexOf('\r'); i >= 0; i = body.indexOf('\r', i + 1)) allCr++;
  // (The cuts count a CR only before an LF: right when there is no other.)
  if (isCleanBase64(body, firstPad, allCr + lf, allCr === crlfLines ? cuts : undefined)) {
    // Fast path (the usual attachment): the alphabet was checked natively; only line lengths
    // and the final padding are left.
    if (longLines) {
      for (let k = 0; k < longLines.length; k += 2) {
        const from = longLines[k];
        const to = longLines[k + 1];
        out.add(problem('base64-line-length', start + from + 76, to - from - 76, out.messages['base64-line-length'](to - from)));
      }
    }
    const pad = firstPad < 0 ? 0 : body.length - firstPad - (body.slice(firstPad).replace(/=/g, '').length);
    // Every CR ends a line (no bare CR) and every line is short: the line checks can skip the body.
    if (!longLines && allCr === crlfLines) {
      const firstCr = body.indexOf('\r');
      let firstBareLf = -1;
      if (crlfLines < lf) for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) if (i === 0 || body.charCodeAt(i - 1) !== 13) {
        firstBareLf = i;
        break;
      }
      out.cleanSpans.push({ start, end, crlf: crlfLines, lf: lf - crlfLines, firstCrlf: firstCr < 0 ? -1 : start + firstCr, firstLf: firstBareLf < 0 ? -1 : start + firstBareLf });
    }
    const data = body.length - lf - allCr - pad;
    let lastData = (firstPad < 0 ? body.length : firstPad) - 1;
    while (lastData >= 0 && (body.charCodeAt(lastData) === 10 || body.charCodeAt(lastData) === 13)) lastData--;
    reportBase64End(data, pad, start + lastData, firstPad < 0 ? -1 : start + firstPad, out);
    return;
  }
  let data = 0;
  let pad = 0;
  let padAt = -1;
  let lastData = -1;
  lineStart = start;
  let reportedThisLine = false;
  let afterPadReported = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (c === 10 || i === end) {
      let lineEnd = i;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (lineEnd - lineStart > 76) {
        out.add(problem('base64-line-length', lineStart + 76, lineEnd - lineStart - 76, out.messages['base64-line-length'](lineEnd - lineStart)));
      }
      lineStart = i + 1;
      reportedThisLine = false;
      continue;
    }
    if (c === 13 || c === 32 || c === 9) continue;
    if (c === 61 /* = */) {
      pad++;
      if (padAt < 0) padAt = i;
      continue;
    }
    if (isBase64Char(c)) {
      if (pad > 0 && !afterPadReported) {
        afterPadReported = true;
        out.add(problem('base64-invalid', i, 1, out.messages['base64-invalid-after-padding']()));
      }
      data++;
      lastData = i;
      continue;
    }
    if (!reportedThisLine) {
      reportedThisLine = true;
      const shown: Detail = c < 32 || c === 127 ? ['char-control-sentence', c] : ['char-quoted', text[i]];
      out.add(problem('base64-invalid', i, 1, out.messages['base64-invalid-char'](shown)));
    }
  }
  if (afterPadReported) return;
  reportBase64End(data, pad, lastData, padAt, out);
}

/** RFC 2045 §6.8: the data is a multiple of 4 characters, padded with one or two "=". */
function reportBase64End(data: number, pad: number, lastData: number, padAt: number, out: Reporter): void {
  const rem = data % 4;
  if (lastData < 0 && pad === 0) return;
  if (rem === 1) {
    // A single leftover character cannot encode a whole octet.
    out.add(problem('base64-invalid', lastData, 1, out.messages['base64-invalid-length'](1)));
  } else if (rem !== 0 && pad === 0) {
    out.add(problem('base64-invalid', lastData, 1, out.messages['base64-invalid-length'](rem), { data: { insertOffset: lastData + 1, text: '='.repeat(4 - rem) } }));
  } else if ((rem === 0 && pad > 0) || (rem !== 0 && rem + pad !== 4)) {
    out.add(problem('base64-invalid', padAt, pad, out.messages['base64-invalid-padding']()));
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** RFC 2045 §6.7: "=" + two hex digits or a soft line break; lines at most 76 characters; 7-bit only. */
function checkQuotedPrintable(text: string, part: MimePart, start: number, end: number, out: Reporter): void {
  let lineStart = start;
  let eightBitLine = -1;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (c === 10) {
      let lineEnd = i;
      if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
      if (lineEnd - lineStart > 76) {
        out.add(problem('qp-line-length', lineStart + 76, lineEnd - lineStart - 76, out.messages['qp-line-length'](lineEnd - lineStart)));
      }
      lineStart = i + 1;
      continue;
    }
    if (c === 61) {
      const a = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      const b = i + 2 < end ? text.charCodeAt(i + 2) : -1;
      if (isHex(a) && isHex(b)) {
        i += 2;
        continue;
      }
      // Soft line break: "=" then optional transport padding then the line end (or the end of the body).
      let j = i + 1;
      while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      if (j >= end || text.charCodeAt(j) === 10 || (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10)) continue;
      out.add(problem('qp-invalid', i, 1, out.messages['qp-invalid'](text.slice(i, Math.min(i + 3, end)).replace(/[\r\n].*$/s, ''))));
      continue;
    }
    if (c > 127 && eightBitLine !== lineStart) {
      eightBitLine = lineStart;
      const field = cteField(part);
      out.add(
        problem('eight-bit-data', i, 1, out.messages['eight-bit-data']('quoted-printable'), {
          data: { cteOffset: field?.offset, cteEnd: field?.end, headerEnd: part.headerEnd, bodyOffset: part.bodyOffset, bodyEnd: part.bodyEnd, charset: part.charset },
        }),
      );
    }
  }
}

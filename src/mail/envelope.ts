/**
 * The SMTP envelope of a message (RFC 5321 §2.3.1, §3.3) and the exact data to
 * transmit. Pure: text in, addresses and text out.
 *
 * Both functions first normalise line ends to CRLF, so the header that decides
 * the recipients is the very header that is transmitted: there is no second
 * reading of the text in which a line break could mean something else.
 *
 * Rules:
 * - MAIL FROM is Sender, else the first From mailbox (RFC 5322 §3.6.2), unless overridden.
 * - RCPT TO is every address in To, Cc and Bcc, groups expanded, duplicates removed
 *   (the domain compared case-insensitively, RFC 5321 §2.4; the local part as written).
 * - When a Resent block is present (RFC 5322 §3.6.6), the topmost (newest) block
 *   decides instead: Resent-To/Cc/Bcc and Resent-Sender, else Resent-From.
 * - Every address is checked before it can reach an SMTP command, by the
 *   RFC 5321 path syntax the transcript checks too (no control character, no
 *   white space outside quotes, local-part@domain) and never with a CR, LF,
 *   NUL, `<` or `>` (it could end the command and start another).
 */
import { checkPathContent, type MailboxProblem } from './mailbox';
import { parseAddressList } from './message/address';
import type { Problem } from './codes';
import type { CoreBundle } from './i18n';
import { ENGLISH_DETAILS, ENGLISH_MESSAGES, renderDetail, type Detail, type DetailTable, type MessageTable } from './message/messages';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from './transcript/messages';
import { fieldNames, type EnvelopeRole } from './message/fieldCatalog';
import type { HeaderField, MimePart } from './message/model';
import { parseMessage } from './message/parse';

/** The envelope of a message, and what stops it from being sent. */
export interface EnvelopeResult {
  /** MAIL FROM (reverse-path), when one could be found. */
  from?: string;
  /** RCPT TO (forward-paths), in header order, duplicates removed. */
  to: string[];
  /** Plain-language reasons the message cannot be sent as it is; empty when it can. */
  problems: string[];
}

/** A text with every line end made CRLF, and where the first bare CR was. */
interface Normalised {
  text: string;
  /** Offset (in `text`) of the CRLF made from the first CR not followed by LF, or -1. */
  firstBareCr: number;
}

/**
 * CRLF, LF and bare CR all become CRLF (RFC 5321 §2.3.8: lines end in CRLF, nothing else).
 * Scans with indexOf (two searches per line, each stopping at the next break),
 * so a text that is already pure CRLF, the usual case, is returned as is
 * without copying a character.
 */
function normaliseLineEnds(text: string): Normalised {
  let firstBareCr = -1;
  const out: string[] = [];
  let start = 0;
  let length = 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  while (cr >= 0 || lf >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (lf === cr + 1) {
        // CRLF: already right.
        cr = text.indexOf('\r', lf + 1);
        lf = text.indexOf('\n', lf + 1);
        continue;
      }
      out.push(text.slice(start, cr), '\r\n');
      length += cr - start;
      if (firstBareCr < 0) firstBareCr = length;
      length += 2;
      start = cr + 1;
      cr = text.indexOf('\r', start);
    } else {
      // A bare LF.
      out.push(text.slice(start, lf), '\r\n');
      length += lf - start + 2;
      start = lf + 1;
      lf = text.indexOf('\n', start);
    }
  }
  if (start === 0) return { text, firstBareCr };
  out.push(text.slice(start));
  return { text: out.join(''), firstBareCr };
}

/** The top-level header of a CRLF text, and what makes its reading uncertain. */
interface TopHeader {
  root: MimePart;
  /**
   * Lines of the header section that are not fields (see `uncertainLines`):
   * offset of the line and why. Empty when every line reads one way only.
   */
  uncertain: Array<{ offset: number; why: UncertainWhy }>;
}

/**
 * The top-level header of a CRLF text, parsed from the header block alone: the
 * text up to and including the first blank line (the header ends there at the
 * latest, RFC 5322 §2.1), so a 10 MB body is never walked to find the envelope.
 * Offsets are those of the whole text (the block is a prefix of it).
 */
function parseTopHeader(text: string): TopHeader {
  let end: number;
  if (text.startsWith('\r\n')) end = 2;
  else {
    const blank = text.indexOf('\r\n\r\n');
    end = blank < 0 ? text.length : blank + 4;
  }
  const parsed = parseMessage(end === text.length ? text : text.slice(0, end));
  return { root: parsed.root, uncertain: uncertainLines(parsed.root, parsed.problems, end) };
}

/**
 * Where the header section (everything before the first blank line, RFC 5322
 * §2.1) cannot be read with certainty. A line that is not `name: value`
 * (RFC 5322 §2.2, §3.6.8) ends the header for our parser, while another reader
 * may skip it and read the fields after it, or the reverse: a `Bcc:` after such
 * a line would be body to us (not removed, and its recipients not in the
 * envelope) and a field to the next reader. A field name outside printable
 * ASCII (a NUL, a look-alike letter) or a fold that continues no field is the
 * same kind of doubt. Such a message is refused, never sent "best effort".
 */
function uncertainLines(root: MimePart, problems: readonly Problem[], sectionEnd: number): Array<{ offset: number; why: UncertainWhy }> {
  const out: Array<{ offset: number; why: UncertainWhy }> = [];
  for (const p of problems) {
    if (p.offset >= sectionEnd) continue;
    if (p.code === 'header-syntax' && p.offset === root.headerEnd) out.push({ offset: p.offset, why: 'envelopeNotAField' });
    else if (p.code === 'header-name-invalid' && p.offset < root.headerEnd) out.push({ offset: p.offset, why: 'envelopeFieldNameUnclear' });
    else if (p.code === 'continuation-first' && p.offset < root.headerEnd) out.push({ offset: p.offset, why: 'envelopeFoldContinuesNothing' });
  }
  return out;
}

/** Why a header line is in doubt: the key of its text. */
type UncertainWhy = 'envelopeNotAField' | 'envelopeFieldNameUnclear' | 'envelopeFoldContinuesNothing';

/** The texts the envelope speaks in: the transcript table's `envelope*` keys, the address parser's messages and the reasons (details) of the mailbox check. */
interface EnvelopeTexts {
  t: TranscriptMessageTable;
  messages: MessageTable;
  details: DetailTable;
}

const textsOf = (l10n: CoreBundle | undefined): EnvelopeTexts => ({
  t: l10n?.transcriptMessages ?? ENGLISH_TRANSCRIPT_MESSAGES,
  messages: l10n?.messages ?? ENGLISH_MESSAGES,
  details: l10n?.details ?? ENGLISH_DETAILS,
});

/** 1-based line number of `offset` in a CRLF text (the header only: cheap). */
function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\r\n'); at >= 0 && at < offset; at = text.indexOf('\r\n', at + 2)) line++;
  return line;
}

/** Field names compared the way RFC 5322 §1.2.2 says: case-insensitively. */
function fieldName(field: HeaderField): string {
  return field.name.trim().toLowerCase();
}

/** Fields that are blind copies and never transmitted (RFC 5322 §3.6.3, §3.6.6). */
const BLIND_FIELDS = fieldNames((i) => i.envelope === 'blind-recipient');

/** Lower-case names of the fields that play `roles`, among the Resent fields or the others. */
function namesOf(roles: readonly EnvelopeRole[], resent: boolean): string[] {
  return [...fieldNames((i) => i.envelope !== undefined && roles.includes(i.envelope) && (i.category === 'Resent') === resent)];
}
const RESENT_SENDER = namesOf(['sender'], true);
const RESENT_AUTHOR = namesOf(['author'], true);
const SENDER = namesOf(['sender'], false);
const AUTHOR = namesOf(['author'], false);
const RESENT_RECIPIENTS = namesOf(['recipient', 'blind-recipient'], true);
const RECIPIENTS = namesOf(['recipient', 'blind-recipient'], false);

/** Characters refused anywhere in a path, in the order they are reported. */
const TRANSMISSION_REFUSALS: ReadonlyArray<[RegExp, Detail]> = [
  [/[\r\n]/, ['path-line-break']],
  [/\u0000/, ['path-nul']],
  [/[<>]/, ['path-angle']],
];

/**
 * Why `address` cannot go into `MAIL FROM:<...>` / `RCPT TO:<...>`, or
 * undefined when it can: the path syntax of RFC 5321 §4.1.2 (the one check
 * the transcript applies to the same commands, ./mailbox.ts), after what this
 * program refuses to transmit whatever the grammar says. A CR, LF or NUL
 * anywhere could end the command and start another, and an angle bracket,
 * even quoted (the grammar allows it there), is where many servers end the
 * path. The empty address is refused too: the null reverse-path is not
 * something a message's header asks for.
 */
export function checkEnvelopeAddress(address: string, role: 'sender' | 'recipient'): MailboxProblem | undefined {
  if (address === '') return { detail: ['smtp-address-empty'], offset: 0, length: 0 };
  for (const [pattern, detail] of TRANSMISSION_REFUSALS) {
    const at = address.search(pattern);
    if (at >= 0) return { detail, offset: at, length: 1 };
  }
  return checkPathContent(address, 0, address.length, role);
}

/** The key under which two recipients count as the same: domain lowercased. */
function recipientKey(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address.toLowerCase() : address.slice(0, at) + address.slice(at).toLowerCase();
}

/** Every mailbox address in the fields, groups expanded; parse problems reported. */
function collectAddresses(text: string, fields: readonly HeaderField[], problems: string[], texts: EnvelopeTexts): string[] {
  const out: string[] = [];
  for (const field of fields) {
    // The raw slice, folds included: the parser treats a fold as white space.
    const parsed = parseAddressList(text.slice(field.valueOffset, field.end), field.valueOffset, texts.messages);
    for (const p of parsed.problems) {
      if (p.severity === 'error') problems.push(`${field.name.trim()}: ${p.message}`);
    }
    for (const item of parsed.items) {
      if (item.kind === 'group') for (const m of item.members) out.push(m.address);
      else out.push(item.address);
    }
  }
  return out;
}

/** The first mailbox address of the first of these fields that has one. */
function firstMailbox(text: string, fields: readonly HeaderField[], problems: string[], texts: EnvelopeTexts): string | undefined {
  for (const field of fields) {
    const found = collectAddresses(text, [field], problems, texts);
    if (found.length) return found[0];
  }
  return undefined;
}

/**
 * The topmost Resent block (RFC 5322 §3.6.6: each resend prepends a block, so
 * the first one is the newest): the first `Resent-*` field and the `Resent-*`
 * fields right after it, up to a field name the block already has (each
 * Resent field occurs once per block, so a repeat starts the older block).
 */
function newestResentBlock(headers: readonly HeaderField[]): HeaderField[] | undefined {
  const first = headers.findIndex((h) => fieldName(h).startsWith('resent-'));
  if (first < 0) return undefined;
  const names = new Set([fieldName(headers[first]!)]);
  let last = first;
  while (last + 1 < headers.length) {
    const name = fieldName(headers[last + 1]!);
    if (!name.startsWith('resent-') || names.has(name)) break;
    names.add(name);
    last++;
  }
  return headers.slice(first, last + 1);
}

/** U+FEFF, the byte order mark an editor may put at the start of a UTF-8 file. */
const BOM = 0xfeff;

/**
 * `text` without a leading byte order mark: it is a mark of the file, not
 * part of the first header field (RFC 5322 §2.2: a field name starts the line).
 */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/**
 * Works out MAIL FROM and RCPT TO for `text` (see the module comment for the
 * rules). `overrides.from` / `overrides.to` (when non-empty) replace what the
 * header says; they are checked like header addresses. The problems are
 * written with `l10n` (English when absent). Never throws.
 */
export function buildEnvelope(text: string, overrides: { from?: string; to?: string[] } = {}, l10n?: CoreBundle): EnvelopeResult {
  const normalised = normaliseLineEnds(withoutBom(text));
  return envelopeOf(normalised, parseTopHeader(normalised.text), overrides, textsOf(l10n));
}

/**
 * The envelope and the data to transmit, as `buildEnvelope` and `prepareData`
 * give them, with the line ends normalised and the header parsed once for both
 * (what the Send path uses: a 10 MB message is scanned once, not twice).
 */
export function prepareSend(
  text: string,
  overrides: { from?: string; to?: string[] } = {},
  l10n?: CoreBundle,
): { envelope: EnvelopeResult; data: string; bomRemoved: boolean } {
  const texts = textsOf(l10n);
  const bomRemoved = text.charCodeAt(0) === BOM;
  const normalised = normaliseLineEnds(bomRemoved ? text.slice(1) : text);
  const header = parseTopHeader(normalised.text);
  const envelope = envelopeOf(normalised, header, overrides, texts);
  const data = dataOf(normalised.text, header.root);
  // Second lock: read the header of what would be transmitted, as the server will, and
  // refuse when a blind field is still in it (RFC 5322 §3.6.3) or it reads two ways.
  const sent = parseTopHeader(data);
  if (!envelope.problems.length && (sent.uncertain.length || sent.root.headers.some((h) => BLIND_FIELDS.has(fieldName(h))))) {
    envelope.problems.push(texts.t.envelopeBlindFieldLeft());
  }
  return { envelope, data, bomRemoved };
}

function envelopeOf(normalised: Normalised, header: TopHeader, overrides: { from?: string; to?: string[] }, texts: EnvelopeTexts): EnvelopeResult {
  const { t } = texts;
  const problems: string[] = [];
  const root = header.root;
  const headers = root.headers;

  for (const u of header.uncertain.slice(0, 3)) {
    const lineEnd = normalised.text.indexOf('\r\n', u.offset);
    const line = normalised.text.slice(u.offset, lineEnd < 0 ? normalised.text.length : lineEnd);
    const shown = JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line);
    problems.push(t.envelopeHeaderUncertain(lineNumberAt(normalised.text, u.offset), shown, t[u.why]()));
  }

  if (normalised.firstBareCr >= 0 && normalised.firstBareCr < root.headerEnd) {
    problems.push(t.envelopeBareCr());
  }

  const named = (names: string[], within: readonly HeaderField[] = headers): HeaderField[] =>
    within.filter((h) => names.includes(fieldName(h)));

  const block = newestResentBlock(headers);
  const fromOverride = overrides.from?.replace(/^[ \t]+|[ \t]+$/g, '');
  const toOverride = overrides.to?.filter((a) => a !== undefined && a !== null);

  // ---- MAIL FROM ----
  let from: string | undefined;
  if (fromOverride) {
    from = fromOverride;
  } else if (block) {
    from = firstMailbox(normalised.text, named(RESENT_SENDER, block), problems, texts) ?? firstMailbox(normalised.text, named(RESENT_AUTHOR, block), problems, texts);
  }
  if (!fromOverride && from === undefined) {
    from = firstMailbox(normalised.text, named(SENDER), problems, texts) ?? firstMailbox(normalised.text, named(AUTHOR), problems, texts);
  }
  if (from === undefined) {
    problems.push(t.envelopeNoSender());
  } else {
    const why = checkEnvelopeAddress(from, 'sender');
    if (why) {
      problems.push(t.envelopeSenderUnusable(from, renderDetail(texts.details, why.detail)));
      from = undefined;
    }
  }

  // ---- RCPT TO ----
  let candidates: string[];
  let none: string;
  if (toOverride && toOverride.length) {
    candidates = toOverride.map((a) => String(a).replace(/^[ \t]+|[ \t]+$/g, ''));
    none = t.envelopeNoRecipientListEmpty();
  } else {
    const names = block ? RESENT_RECIPIENTS : RECIPIENTS;
    const fields = named(names, block ?? headers);
    const label = block ? 'Resent-To, Resent-Cc or Resent-Bcc' : 'To, Cc or Bcc';
    candidates = collectAddresses(normalised.text, fields, problems, texts);
    none = fields.length === 0 ? t.envelopeNoRecipientField(block !== undefined, label) : t.envelopeNoRecipientReadable(label);
  }
  const to: string[] = [];
  const seen = new Set<string>();
  for (const address of candidates) {
    const why = checkEnvelopeAddress(address, 'recipient');
    if (why) {
      problems.push(t.envelopeRecipientUnusable(address, renderDetail(texts.details, why.detail)));
      continue;
    }
    const key = recipientKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    to.push(address);
  }
  if (to.length === 0 && candidates.length === 0) problems.push(none);
  else if (to.length === 0) problems.push(t.envelopeNoUsableRecipient());

  return from === undefined ? { to, problems } : { from, to, problems };
}

/**
 * The data to transmit after DATA: line ends normalised to CRLF (bare CR and
 * LF too, so no line can end differently for the server than for us) and every
 * Bcc and Resent-Bcc field of the top-level header removed, folded lines
 * included (RFC 5322 §3.6.3: the blind recipients must not be disclosed).
 * Dot-stuffing is left to the SMTP client (nodemailer). Never throws.
 */
export function prepareData(text: string): string {
  const normalised = normaliseLineEnds(withoutBom(text)).text;
  return dataOf(normalised, parseTopHeader(normalised).root);
}

/** `prepareData` on a text whose line ends are already CRLF, with its parsed top-level header. */
function dataOf(normalised: string, root: MimePart): string {
  const pieces: string[] = [];
  let start = 0;
  for (const field of root.headers) {
    if (!BLIND_FIELDS.has(fieldName(field))) continue;
    // Remove the field with its final CRLF, so no blank line is left behind.
    let end = field.end;
    if (normalised.startsWith('\r\n', end)) end += 2;
    pieces.push(normalised.slice(start, field.offset));
    start = end;
  }
  if (start === 0) return normalised;
  pieces.push(normalised.slice(start));
  return pieces.join('');
}

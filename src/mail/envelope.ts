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
 * - Every address is checked before it can reach an SMTP command: a CR, LF,
 *   NUL, `<`, `>`, other control character or white space outside quotes
 *   rejects it (it could end the command and start another).
 */
import { parseAddressList } from './message/address';
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

/**
 * The top-level header of a CRLF text, parsed from the header block alone: the
 * text up to and including the first blank line (the header ends there at the
 * latest, RFC 5322 §2.1), so a 10 MB body is never walked to find the envelope.
 * Offsets are those of the whole text (the block is a prefix of it).
 */
function parseTopHeader(text: string): MimePart {
  let end: number;
  if (text.startsWith('\r\n')) end = 2;
  else {
    const blank = text.indexOf('\r\n\r\n');
    end = blank < 0 ? text.length : blank + 4;
  }
  return parseMessage(end === text.length ? text : text.slice(0, end)).root;
}

/** Field names compared the way RFC 5322 §1.2.2 says: case-insensitively. */
function fieldName(field: HeaderField): string {
  return field.name.trim().toLowerCase();
}

/** Fields that are blind copies and never transmitted (RFC 5322 §3.6.3, §3.6.6). */
const BLIND_FIELDS = new Set(['bcc', 'resent-bcc']);

/**
 * Why `address` cannot go into `MAIL FROM:<...>` / `RCPT TO:<...>`, or
 * undefined when it can. Checks only what keeps the command one command with
 * one path (RFC 5321 §4.1.2 has no CR, LF, NUL, angle brackets or unquoted
 * space in a path); the server judges the rest.
 */
export function checkEnvelopeAddress(address: string, role: 'sender' | 'recipient'): string | undefined {
  if (address === '') return 'it is empty';
  if (/[\r\n]/.test(address)) return 'it contains a line break';
  if (address.includes('\u0000')) return 'it contains a NUL character';
  if (/[<>]/.test(address)) return 'it contains < or > (give the bare address)';
  if (/[\u0001-\u001f\u007f]/.test(address)) return 'it contains a control character';
  if (Buffer.byteLength(address, 'utf8') > 254) return 'it is longer than 254 octets (RFC 5321 §4.5.3.1.3)';
  let inQuote = false;
  let at = -1;
  for (let i = 0; i < address.length; i++) {
    const c = address[i];
    if (inQuote && c === '\\') {
      i++;
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === ' ' || c === '\t')) return 'it contains white space outside quotes';
    else if (!inQuote && c === '@') at = i;
  }
  if (inQuote) return 'it has an unclosed quote';
  // RFC 5321 §4.5.1: "postmaster" alone is a valid recipient.
  if (at < 0 && role === 'recipient' && address.toLowerCase() === 'postmaster') return undefined;
  if (at <= 0 || at === address.length - 1) return 'it is not of the form local-part@domain';
  return undefined;
}

/** The key under which two recipients count as the same: domain lowercased. */
function recipientKey(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address.toLowerCase() : address.slice(0, at) + address.slice(at).toLowerCase();
}

/** Every mailbox address in the fields, groups expanded; parse problems reported. */
function collectAddresses(text: string, fields: readonly HeaderField[], problems: string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    // The raw slice, folds included: the parser treats a fold as white space.
    const parsed = parseAddressList(text.slice(field.valueOffset, field.end), field.valueOffset);
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
function firstMailbox(text: string, fields: readonly HeaderField[], problems: string[]): string | undefined {
  for (const field of fields) {
    const found = collectAddresses(text, [field], problems);
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

/**
 * Works out MAIL FROM and RCPT TO for `text` (see the module comment for the
 * rules). `overrides.from` / `overrides.to` (when non-empty) replace what the
 * header says; they are checked like header addresses. Never throws.
 */
export function buildEnvelope(text: string, overrides: { from?: string; to?: string[] } = {}): EnvelopeResult {
  const normalised = normaliseLineEnds(text);
  return envelopeOf(normalised, parseTopHeader(normalised.text), overrides);
}

/**
 * The envelope and the data to transmit, as `buildEnvelope` and `prepareData`
 * give them, with the line ends normalised and the header parsed once for both
 * (what the Send path uses: a 10 MB message is scanned once, not twice).
 */
export function prepareSend(text: string, overrides: { from?: string; to?: string[] } = {}): { envelope: EnvelopeResult; data: string } {
  const normalised = normaliseLineEnds(text);
  const root = parseTopHeader(normalised.text);
  return { envelope: envelopeOf(normalised, root, overrides), data: dataOf(normalised.text, root) };
}

function envelopeOf(normalised: Normalised, root: MimePart, overrides: { from?: string; to?: string[] }): EnvelopeResult {
  const problems: string[] = [];
  const headers = root.headers;

  if (normalised.firstBareCr >= 0 && normalised.firstBareCr < root.headerEnd) {
    problems.push('The header holds a bare CR (a carriage return without a line feed): it could split a field in two. Remove it or make it a proper line end.');
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
    from = firstMailbox(normalised.text, named(['resent-sender'], block), problems) ?? firstMailbox(normalised.text, named(['resent-from'], block), problems);
  }
  if (!fromOverride && from === undefined) {
    from = firstMailbox(normalised.text, named(['sender']), problems) ?? firstMailbox(normalised.text, named(['from']), problems);
  }
  if (from === undefined) {
    problems.push('No sender: the message has no From or Sender mailbox; add a From field or give an envelope sender.');
  } else {
    const why = checkEnvelopeAddress(from, 'sender');
    if (why) {
      problems.push(`Sender ${JSON.stringify(from)} cannot be used: ${why}.`);
      from = undefined;
    }
  }

  // ---- RCPT TO ----
  let candidates: string[];
  let none: string;
  if (toOverride && toOverride.length) {
    candidates = toOverride.map((a) => String(a).replace(/^[ \t]+|[ \t]+$/g, ''));
    none = 'the recipient list is empty';
  } else {
    const names = block ? ['resent-to', 'resent-cc', 'resent-bcc'] : ['to', 'cc', 'bcc'];
    const fields = named(names, block ?? headers);
    const label = block ? 'Resent-To, Resent-Cc or Resent-Bcc' : 'To, Cc or Bcc';
    candidates = collectAddresses(normalised.text, fields, problems);
    none = fields.length === 0
      ? (block ? `the newest Resent block has no ${label}` : `the message has no ${label}`)
      : `the ${label} fields name no address that could be read`;
  }
  const to: string[] = [];
  const seen = new Set<string>();
  for (const address of candidates) {
    const why = checkEnvelopeAddress(address, 'recipient');
    if (why) {
      problems.push(`Recipient ${JSON.stringify(address)} cannot be used: ${why}.`);
      continue;
    }
    const key = recipientKey(address);
    if (seen.has(key)) continue;
    seen.add(key);
    to.push(address);
  }
  if (to.length === 0 && candidates.length === 0) problems.push(`No recipient: ${none}`);
  else if (to.length === 0) problems.push('No recipient: none of the addresses can be used.');

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
  const normalised = normaliseLineEnds(text).text;
  return dataOf(normalised, parseTopHeader(normalised));
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

/**
 * The one table of diagnostic codes (the public catalogue of what the validators report).
 *
 * Codes are public interface: users silence them by code, the CLI prints them,
 * tests match them. Never rename one; add new ones freely. Every check in the
 * project reports through a code listed here, so severity, RFC link and a
 * one-line doc live in exactly one place (modelled on nodemailer's lib/errors.js).
 */

/** Severity of a problem, in the words the settings use. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which language a code belongs to; also the LSP `source` of the diagnostic. */
export type CodeSource = 'eml' | 'smtp';

/** One row of the code table. */
export interface CodeInfo {
  readonly source: CodeSource;
  readonly severity: Severity;
  /** RFC section behind the rule, when there is one. */
  readonly href?: string;
  /** One line: what the code means. */
  readonly doc: string;
}

const rfc = (n: number, section?: string): string =>
  `https://www.rfc-editor.org/rfc/rfc${n}${section ? `#section-${section}` : ''}`;

const table = {
  // ---- Messages (source "eml") ----
  'header-syntax': { source: 'eml', severity: 'error', href: rfc(5322, '2.2'), doc: 'A header line is neither `name: value` nor a folded continuation (often the blank line before the body is missing).' },
  'header-name-invalid': { source: 'eml', severity: 'error', href: rfc(5322, '3.6.8'), doc: 'A field name is empty or holds a character outside printable US-ASCII 33-126.' },
  'header-space-before-colon': { source: 'eml', severity: 'warning', href: rfc(5322, '4.5'), doc: 'White space between the field name and the colon is obsolete syntax.' },
  'continuation-first': { source: 'eml', severity: 'error', href: rfc(5322, '2.2.3'), doc: 'The message starts with a folded (indented) line that continues nothing.' },
  'line-too-long': { source: 'eml', severity: 'error', href: rfc(5322, '2.1.1'), doc: 'A line is longer than 998 octets (CRLF excluded).' },
  'line-over-78': { source: 'eml', severity: 'information', href: rfc(5322, '2.1.1'), doc: 'A header line is longer than the recommended 78 characters.' },
  'bare-cr': { source: 'eml', severity: 'error', href: rfc(5322, '2.3'), doc: 'A CR that is not followed by LF.' },
  'mixed-line-endings': { source: 'eml', severity: 'warning', href: rfc(5322, '2.1'), doc: 'The file mixes CRLF and LF line ends.' },
  'nul-character': { source: 'eml', severity: 'error', href: rfc(5322, '2.3'), doc: 'A NUL octet, which no message may contain.' },
  'missing-from': { source: 'eml', severity: 'error', href: rfc(5322, '3.6'), doc: 'The message has no From field.' },
  'missing-date': { source: 'eml', severity: 'error', href: rfc(5322, '3.6'), doc: 'The message has no Date field.' },
  'missing-recipient': { source: 'eml', severity: 'warning', href: rfc(5322, '3.6.3'), doc: 'None of To, Cc, Bcc: the message has nobody to go to.' },
  'missing-subject': { source: 'eml', severity: 'warning', href: rfc(5322, '3.6.5'), doc: 'The message has no Subject field.' },
  'missing-message-id': { source: 'eml', severity: 'information', href: rfc(5322, '3.6.4'), doc: 'The message has no Message-ID (a SHOULD of RFC 5322).' },
  'duplicate-header': { source: 'eml', severity: 'error', href: rfc(5322, '3.6'), doc: 'A field that may occur at most once occurs again.' },
  'sender-required': { source: 'eml', severity: 'error', href: rfc(5322, '3.6.2'), doc: 'From holds more than one mailbox and there is no Sender.' },
  'address-syntax': { source: 'eml', severity: 'error', href: rfc(5322, '3.4'), doc: 'An address field does not parse as an RFC 5322 address list.' },
  'date-syntax': { source: 'eml', severity: 'error', href: rfc(5322, '3.3'), doc: 'Date (or Resent-Date) is not an RFC 5322 date-time.' },
  'date-weekday-mismatch': { source: 'eml', severity: 'warning', href: rfc(5322, '3.3'), doc: 'The day of the week does not match the date.' },
  'date-obsolete-zone': { source: 'eml', severity: 'information', href: rfc(5322, '4.3'), doc: 'An obsolete time zone name instead of a numeric +hhmm offset.' },
  'message-id-syntax': { source: 'eml', severity: 'error', href: rfc(5322, '3.6.4'), doc: 'Message-ID, In-Reply-To or References does not hold valid <id-left@id-right> ids.' },
  'non-ascii-header': { source: 'eml', severity: 'warning', href: rfc(6532, '3'), doc: 'Raw 8-bit text in a header, legal only under SMTPUTF8; use an encoded word.' },
  'encoded-word-invalid': { source: 'eml', severity: 'error', href: rfc(2047, '5'), doc: 'A malformed encoded word =?charset?B|Q?text?=.' },
  'unknown-charset': { source: 'eml', severity: 'warning', href: rfc(2046, '4.1.2'), doc: 'A charset that is not a known IANA name.' },
  'mime-version-missing': { source: 'eml', severity: 'warning', href: rfc(2045, '4'), doc: 'Content-* fields at the top level without MIME-Version.' },
  'mime-version-value': { source: 'eml', severity: 'warning', href: rfc(2045, '4'), doc: 'MIME-Version other than 1.0.' },
  'content-type-syntax': { source: 'eml', severity: 'error', href: rfc(2045, '5.1'), doc: 'Content-Type is not type/subtype followed by ; name=value parameters.' },
  'parameter-syntax': { source: 'eml', severity: 'error', href: rfc(2231, '3'), doc: 'A malformed parameter, RFC 2231 continuation or extended value.' },
  'boundary-missing': { source: 'eml', severity: 'error', href: rfc(2046, '5.1.1'), doc: 'A multipart type without a boundary parameter.' },
  'boundary-invalid': { source: 'eml', severity: 'error', href: rfc(2046, '5.1.1'), doc: 'A boundary longer than 70 characters or holding characters outside bchars.' },
  'boundary-not-found': { source: 'eml', severity: 'error', href: rfc(2046, '5.1.1'), doc: 'A multipart body holds no delimiter line for its boundary.' },
  'closing-boundary-missing': { source: 'eml', severity: 'error', href: rfc(2046, '5.1.1'), doc: 'A multipart body has no close delimiter --boundary--.' },
  'cte-unknown': { source: 'eml', severity: 'error', href: rfc(2045, '6.1'), doc: 'Content-Transfer-Encoding is not 7bit, 8bit, binary, quoted-printable, base64 or an x- token.' },
  'cte-composite': { source: 'eml', severity: 'error', href: rfc(2045, '6.4'), doc: 'A multipart or message entity with an encoding other than 7bit, 8bit or binary.' },
  'eight-bit-data': { source: 'eml', severity: 'error', href: rfc(2045, '2.7'), doc: 'Octets above 127 in an entity declared (or defaulting to) 7bit.' },
  'base64-invalid': { source: 'eml', severity: 'error', href: rfc(2045, '6.8'), doc: 'A character outside the base64 alphabet, wrong padding, or data after padding.' },
  'base64-line-length': { source: 'eml', severity: 'warning', href: rfc(2045, '6.8'), doc: 'A base64 line longer than 76 characters.' },
  'qp-invalid': { source: 'eml', severity: 'error', href: rfc(2045, '6.7'), doc: 'An = not followed by two hex digits or a soft line break.' },
  'qp-line-length': { source: 'eml', severity: 'warning', href: rfc(2045, '6.7'), doc: 'A quoted-printable line longer than 76 characters.' },
  'content-disposition-syntax': { source: 'eml', severity: 'error', href: rfc(2183, '2'), doc: 'Content-Disposition is empty, or not a disposition type token followed by ; name=value parameters.' },
  'list-unsubscribe-syntax': { source: 'eml', severity: 'warning', href: rfc(2369, '2'), doc: 'List-Unsubscribe is not a comma list of <URI>s, or List-Unsubscribe-Post comes without an https: URI.' },
  'too-large': { source: 'eml', severity: 'information', doc: 'The document is larger than the configured limit; only part of it was validated.' },
  'nesting-too-deep': { source: 'eml', severity: 'information', doc: 'MIME parts nest deeper than the configured limit; deeper parts were not validated.' },
  'dkim-signature-syntax': { source: 'eml', severity: 'error', href: rfc(6376, '3.5'), doc: 'A DKIM-Signature whose tag list is malformed or lacks a required tag (v, a, b, bh, d, s, h), or whose h= leaves out From.' },
  'dkim-body-hash-mismatch': { source: 'eml', severity: 'error', href: rfc(6376, '3.7'), doc: 'The body, canonicalized as c= says and cut at l=, does not hash to bh=: the body changed after signing.' },
  'dkim-signature-invalid': { source: 'eml', severity: 'error', href: rfc(6376, '6.1.3'), doc: "b= does not verify with the selector's public key: a signed header field changed after signing, or the key does not match." },
  'dkim-key-unavailable': { source: 'eml', severity: 'information', href: rfc(6376, '3.6.2'), doc: 'No public key for s=/d= could be had, so only the body hash was checked.' },
  'arc-chain-invalid': { source: 'eml', severity: 'warning', href: rfc(8617, '5.2'), doc: "The ARC sets are incomplete or not numbered i=1..n, or a seal's cv= contradicts the chain, or a checked ARC signature fails." },

  // ---- HTML parts (source "eml"): client support by caniemail.com's data ----
  'html-client-unsupported': { source: 'eml', severity: 'warning', doc: 'An HTML element or attribute, or a CSS property or value, that a target email client does not support.' },
  'html-client-partial': { source: 'eml', severity: 'information', doc: 'An HTML or CSS feature that a target email client supports only in part.' },
  'html-cid-not-found': { source: 'eml', severity: 'error', href: rfc(2392, '2'), doc: 'A cid: URL that names no Content-ID of any part of the message (a broken inline image).' },
  'html-script': { source: 'eml', severity: 'warning', doc: 'A <script>, an on*= event handler or a javascript: URL: every email client strips them.' },
  'html-no-text-alternative': { source: 'eml', severity: 'warning', href: rfc(2046, '5.1.4'), doc: 'The only readable body is text/html, with no text/plain alternative.' },
  'html-image-alt-missing': { source: 'eml', severity: 'information', doc: 'An <img> without an alt attribute.' },
  'message-clipped': { source: 'eml', severity: 'information', doc: 'The decoded HTML part exceeds 102 KB: Gmail clips it behind "View entire message".' },

  // ---- Transcripts (source "smtp") ----
  'line-prefix': { source: 'smtp', severity: 'error', doc: 'A line that is not blank, not a # annotation and not C:/S:.' },
  'unknown-command': { source: 'smtp', severity: 'warning', href: rfc(5321, '4.1'), doc: 'A client verb that is not an SMTP or ESMTP command.' },
  'command-syntax': { source: 'smtp', severity: 'error', href: rfc(5321, '4.1.1'), doc: "A command's arguments are wrong." },
  'command-too-long': { source: 'smtp', severity: 'error', href: rfc(5321, '4.5.3.1.4'), doc: 'A command line over 512 octets with CRLF.' },
  'text-line-too-long': { source: 'smtp', severity: 'error', href: rfc(5321, '4.5.3.1.6'), doc: 'A DATA line over 1000 octets with CRLF.' },
  'out-of-sequence': { source: 'smtp', severity: 'error', href: rfc(5321, '4.1.4'), doc: 'A command where RFC 5321 §4.1.4 does not allow it.' },
  'missing-greeting': { source: 'smtp', severity: 'warning', href: rfc(5321, '3.1'), doc: "The server's first line is not a 220 greeting." },
  'reply-code-invalid': { source: 'smtp', severity: 'error', href: rfc(5321, '4.2'), doc: 'A server line without a valid three-digit reply code.' },
  'reply-unexpected': { source: 'smtp', severity: 'warning', href: rfc(5321, '4.3.2'), doc: 'A reply code that is not listed for that command.' },
  'multiline-reply': { source: 'smtp', severity: 'error', href: rfc(5321, '4.2.1'), doc: 'Continuation lines whose codes differ, or a reply that never ends with code SP text.' },
  'reply-without-command': { source: 'smtp', severity: 'warning', href: rfc(5321, '4.2'), doc: 'A server reply with no command waiting for it.' },
  'missing-reply': { source: 'smtp', severity: 'warning', href: rfc(5321, '4.2'), doc: 'A command that never gets a reply.' },
  'bare-lf': { source: 'smtp', severity: 'error', href: rfc(5321, '2.3.8'), doc: 'A DATA line the client ended with a bare LF (marked `# bare LF` by the recording server).' },
  'data-not-terminated': { source: 'smtp', severity: 'error', href: rfc(5321, '4.1.1.4'), doc: 'DATA content that never reaches the lone . line.' },
  'enhanced-status-syntax': { source: 'smtp', severity: 'warning', href: rfc(2034, '4'), doc: 'After ENHANCEDSTATUSCODES, a reply text that does not start with class.subject.detail.' },
  'credentials-exposed': { source: 'smtp', severity: 'warning', href: rfc(4954, '4'), doc: 'AUTH PLAIN/LOGIN data readable in the transcript.' },
  'missing-quit': { source: 'smtp', severity: 'information', href: rfc(5321, '4.1.1.10'), doc: 'The transcript ends with an open session.' },
  'eight-bit-without-8bitmime': { source: 'smtp', severity: 'error', href: rfc(6152, '3'), doc: 'The DATA holds octets above 127 but MAIL FROM has no BODY=8BITMIME, or the server did not advertise 8BITMIME.' },
  'smtputf8-required': { source: 'smtp', severity: 'error', href: rfc(6531, '3.4'), doc: 'A non-ASCII address in MAIL FROM or RCPT TO without the SMTPUTF8 parameter, or the server did not advertise SMTPUTF8.' },
} as const satisfies Record<string, CodeInfo>;

/** Every diagnostic code the project can report. */
export type ProblemCode = keyof typeof table;

/** The code table, read-only. */
export const CODES: Readonly<Record<ProblemCode, CodeInfo>> = table;

/** All codes, in table order. */
export const ALL_CODES = Object.keys(table) as ProblemCode[];

/** True when `code` is one of ours (for settings and CLI filters). */
export function isProblemCode(code: string): code is ProblemCode {
  return Object.prototype.hasOwnProperty.call(table, code);
}

/** A place in the text that a problem points to as well (e.g. the first of two duplicates). */
export interface RelatedLocation {
  offset: number;
  length: number;
  message: string;
}

/**
 * A problem found by the pure core: offsets into the text, never line/column.
 * `src/server/` turns these into LSP diagnostics in one place.
 */
export interface Problem {
  code: ProblemCode;
  severity: Severity;
  offset: number;
  length: number;
  message: string;
  related?: RelatedLocation[];
  /** Extra data for quick fixes (kept small and JSON-serialisable). */
  data?: Record<string, unknown>;
}

/** Builds a problem with the table's default severity. */
export function problem(
  code: ProblemCode,
  offset: number,
  length: number,
  message: string,
  extra?: Pick<Problem, 'related' | 'data'>,
): Problem {
  return { code, severity: CODES[code].severity, offset, length, message, ...extra };
}

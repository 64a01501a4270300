/**
 * Every message text of the `eml` diagnostics, in one table; a language's
 * locale bundle (../i18n.ts) holds its own table.
 * Texts are for a person who has not read the RFC: say what is wrong, where
 * the limit comes from, and what to do.
 */
import { plural } from '../plural';

/**
 * Why a value failed to parse, as the parsers report it: a key of the detail
 * table and the key's arguments (the offending token, a field name, a number),
 * never a sentence. Each language renders the key with its own table
 * (`ENGLISH_DETAILS` here, `PERSIAN_DETAILS` in ../locales/fa.ts), so no
 * English fragment ends up inside a translated message. Arguments are the
 * user's own text or technical tokens; the tables decide how to quote them.
 */
const enDetails = {
  // Address lists (./address.ts, RFC 5322 §3.4).
  'quote-unclosed': () => 'the quoted text is never closed',
  'control-char': () => 'it contains a control character',
  'address-missing': () => 'the address is empty',
  'local-empty-piece': () => 'the part before "@" has an empty piece between dots',
  'local-char': (token: string) => `"${token}" is not allowed before "@"`,
  'local-char-unquoted': (token: string) => `"${token}" is not allowed before "@" (missing quotes or a comma?)`,
  'domain-absent': () => 'there is no "@domain"',
  'local-empty-or-dot': () => 'the part before "@" is empty or ends with a dot',
  'domain-control-char': () => 'the domain contains a control character',
  'domain-literal-unclosed': () => 'the domain literal is never closed with "]"',
  'domain-char': (token: string) => `"${token}" is not allowed in the domain`,
  'domain-missing': () => 'the domain after "@" is missing',
  'domain-trailing-dot': () => 'the domain ends with a dot',
  'display-name-char': (token: string) => `"${token}" is not allowed in a display name (put the name in double quotes)`,
  'angle-empty': () => 'the angle brackets "<>" are empty',
  'angle-unclosed': () => 'the "<" is never closed with ">"',
  'after-address': (token: string) => `"${token}" follows the address (missing comma?)`,
  'group-no-name': () => 'the group has no name before ":"',
  'group-name-char': (token: string) => `"${token}" is not allowed in a group name`,
  'group-unclosed': (name: string) => `the group "${name}" is not closed with ";"`,
  'group-not-allowed': (field: string) => `${field} may not contain a group`,
  'one-mailbox-only': (field: string) => `${field} holds exactly one mailbox`,
  // Encoded words (./encodings.ts, RFC 2047).
  'encoded-word-in-quotes': () =>
    'RFC 2047 forbids encoded words inside double quotes: strict readers show it raw, though many decode it anyway; remove the quotes',
  'encoded-word-in-address': () => 'encoded words are not allowed in an address',
  'word-b-invalid': () => 'the B (base64) text is not valid base64',
  'word-q-invalid': () => 'the Q text holds a character or "=" escape that is not allowed',
  'word-encoding-unknown': (letter: string) => `"${letter}" is not an encoding; use B or Q`,
  'word-too-long': (length: number) => `it is ${length} characters long; at most 75 are allowed`,
  'word-empty': () => 'the encoded text between "?B?" or "?Q?" and "?=" is empty; at least one character is required',
  /** Only in hovers: a `=?...?=` candidate the decoder does not accept as one word. */
  'word-malformed': () => 'it is not a well-formed encoded word',
  // Dates (./dates.ts, RFC 5322 §3.3). `value-empty` also serves Content-Type.
  'value-empty': () => 'the value is empty',
  'weekday-unknown': (token: string) => `"${token}" is not a day of the week (Mon, Tue, ...)`,
  'weekday-comma': () => 'a comma must follow the day of the week',
  'day-expected': () => 'expected the day of the month (1-31)',
  'month-expected': () => 'expected a month name (Jan, Feb, ...)',
  'year-expected': () => 'expected a year',
  'year-too-early': () => 'the year must be 1900 or later',
  'time-expected': () => 'expected the time as hh:mm:ss',
  'time-colon': () => 'expected ":" between hours and minutes',
  'minutes-expected': () => 'expected two-digit minutes',
  'seconds-expected': () => 'expected two-digit seconds',
  'day-out-of-range': (month: string, year: number, day: number) => `${month} ${year} has no day ${day}`,
  'hour-range': () => 'the hour must be 00-23',
  'minute-range': () => 'the minutes must be 00-59',
  'second-range': () => 'the seconds must be 00-60',
  'zone-missing': () => 'the time zone (like +0000) is missing',
  'zone-minute-range': () => 'the zone minutes must be 00-59',
  'zone-invalid': (zone: string) => `"${zone}" is not a time zone; write it as +hhmm or -hhmm`,
  'after-zone': (token: string) => `unexpected "${token}" after the time zone`,
  // Message ids (./validate.ts, RFC 5322 §3.6.4).
  'field-empty': (field: string) => `${field} is empty`,
  'id-not-enclosed': () => 'the id must be enclosed in < >',
  'id-stray': (token: string) => `"${token}" is not part of a message id`,
  'id-empty': () => 'the id is empty',
  'id-no-at': () => 'the id has no "@"',
  'id-left-invalid': () => 'the part before "@" is not a valid word or dotted words',
  'id-right-invalid': () => 'the part after "@" is not a valid domain',
  'id-multiple': (field: string) => `${field} must hold exactly one id`,
  // Content-Type head (./parse.ts, RFC 2045 §5.1).
  'subtype-missing': (type: string) => `"${type}" has no "/subtype"`,
  'not-type-subtype': (value: string) => `"${value}" is not type/subtype`,
  // Content-Disposition head (./parse.ts, RFC 2183 §2).
  'disposition-not-token': (value: string) => `"${value}" is not a disposition type (inline, attachment or another token)`,
  // List-Unsubscribe (./listHeaders.ts, RFC 2369 §2).
  'list-uri-not-bracketed': (token: string) => `"${token}" is not enclosed in < >`,
  'list-uri-empty': () => 'the angle brackets "<>" hold no URI',
  'list-uri-scheme': (uri: string) => `"${uri}" has no scheme such as mailto: or https:`,
  'list-after-uri': (token: string) => `"${token}" follows a <URI> (missing comma?)`,
  // Parameters (./params.ts, RFC 2045 §5.1, RFC 2231).
  'param-name-expected': () => 'expected a parameter name',
  'param-no-equals': (name: string) => `"${name}" has no "=value"`,
  'param-no-value': (name: string) => `"${name}" has no value`,
  'param-quote-unclosed': (name: string) => `the quoted value of "${name}" is never closed`,
  'param-needs-quotes': (name: string, ch: string) => `the value of "${name}" contains "${ch}" and must be put in double quotes`,
  'param-needs-quotes-space': (name: string) => `the value of "${name}" contains white space and must be put in double quotes`,
  'param-repeated': (name: string) => `"${name}" is given more than once`,
  'param-name-invalid': (name: string) => `"${name}" is not a valid parameter name`,
  'param-leading-zero': (name: string) => `section numbers may not have leading zeros ("${name}")`,
  'param-section-missing': (base: string, index: number, name: string) => `continuation "${base}*${index}" is missing before "${name}"`,
  'param-extended-prefix': (name: string) => `the extended value of "${name}" must start with charset'language'`,
  'param-percent': (name: string) => `"%" in the value of "${name}" must be followed by two hex digits`,
  // One offending character (header names, boundaries, base64 bodies).
  'char-quoted': (ch: string) => `"${ch}"`,
  'char-control': (code: number) => `control character ${code}`,
  'char-control-sentence': (code: number) => `The control character ${code}`,
  'char-del': () => 'DEL',
  'char-trailing-space': () => 'a space at the end',
  // SMTP paths and arguments (../mailbox.ts, ../transcript/syntax.ts, RFC 5321 §4.1.2, §4.1.1 and the extensions' parameters).
  'smtp-address-empty': () => 'the address is empty',
  'smtp-quote-unclosed': () => 'the quoted local part is not closed',
  'smtp-quoted-control': () => 'a control character in the quoted local part',
  'smtp-local-char': (token: string) => `\`${token}\` is not allowed in a local part`,
  'smtp-local-empty': () => 'the local part is empty or has an empty dot-separated atom',
  'smtp-domain-absent': () => 'the domain part (`@domain`) is missing',
  'smtp-domain-char': (token: string) => `\`${token}\` is not allowed in a domain`,
  'smtp-literal-unclosed': () => 'the address literal is not closed by `]`',
  'smtp-literal-invalid': () => 'the address literal is empty or holds invalid characters',
  'smtp-domain-missing': () => 'the domain is missing',
  'smtp-label-invalid': () => 'a domain label is empty or starts with an invalid character',
  'smtp-label-hyphen': () => 'a domain label ends with a hyphen',
  'smtp-space': () => 'it contains white space outside quotes',
  'smtp-control': () => 'it contains a control character',
  'smtp-path-too-long': () => 'it is longer than 254 octets (RFC 5321 §4.5.3.1.3)',
  // What the envelope refuses to put into a command at all, quoted or not (../envelope.ts).
  'path-line-break': () => 'it contains a line break',
  'path-nul': () => 'it contains a NUL character',
  'path-angle': () => 'it contains < or > (give the bare address)',
  'expect-domain-or-queue': () => 'a domain or queue name',
  'expect-user-or-mailbox': () => 'a user name or mailbox',
  'expect-client-domain': () => "the client's domain name (or an address literal)",
  'expect-size': () => 'the message size in octets (RFC 1870)',
  'expect-body': () => '7BIT, 8BITMIME or BINARYMIME (RFC 6152, RFC 3030)',
  'expect-ret': () => 'FULL or HDRS (RFC 3461)',
  'expect-no-value': () => 'given without a value (RFC 6531)',
  'expect-prdr-no-value': () => 'given without a value (draft-hall-prdr)',
  'expect-xtext-value': () => 'given a value (xtext)',
  'expect-notify': () => 'NEVER or a comma list of SUCCESS, FAILURE, DELAY (RFC 3461)',
  'expect-orcpt': () => 'addr-type;xtext such as rfc822;user@example.com (RFC 3461)',
  'credential-user': () => 'user name',
  'credential-password': () => 'password',
};

/** The detail table type: one function per detail key. */
export type DetailTable = typeof enDetails;
/** A detail key. */
export type DetailKey = keyof DetailTable;
/** A parser's reason: a detail key followed by that key's arguments, e.g. `['local-char', ';']`. */
export type Detail = { [K in DetailKey]: [K, ...Parameters<DetailTable[K]>] }[DetailKey];

/** The English detail table, for translations to start from. */
export const ENGLISH_DETAILS: DetailTable = enDetails;

/** Renders `detail` with one language's detail table. */
export function renderDetail(table: DetailTable, detail: Detail): string {
  const [key, ...args] = detail;
  return (table[key] as (...a: unknown[]) => string)(...args);
}

const d = (detail: Detail): string => renderDetail(enDetails, detail);

const en = {
  'header-syntax': (line: string) =>
    `This line in the header section is neither "Name: value" nor an indented continuation${line ? ` ("${line}")` : ''}. If the body starts here, a blank line is missing before it.`,
  'header-syntax-no-separator': () =>
    'The header section ends here without the blank line that must separate it from the body.',
  'header-name-invalid-empty': () => 'The field name before the colon is empty.',
  'header-name-invalid': (ch: Detail) =>
    `The field name contains ${d(ch)}; names may only use printable ASCII characters (33-126) except the colon.`,
  'header-space-before-colon': () =>
    'White space between a field name and its colon is obsolete syntax; remove it.',
  'continuation-first': () =>
    'The header section starts with an indented (folded) line, but there is no field before it to continue.',
  'line-too-long': (octets: number) =>
    `Line is ${octets} octets long; RFC 5322 allows at most 998 before the line break, and mail servers may cut or reject it.`,
  'line-over-78': (chars: number) =>
    `Header line is ${chars} characters long; lines should be at most 78 characters. Fold it by breaking before a space.`,
  'bare-cr': () => 'A carriage return (CR) that is not followed by a line feed; a message may only contain CR as part of CRLF.',
  'mixed-line-endings': (crlf: number, lf: number) =>
    `The file mixes line endings: ${crlf} CRLF and ${lf} bare LF lines. Use one style (mail uses CRLF on the wire).`,
  'nul-character': () => 'A NUL character; no message may contain one.',
  'missing-from': () => 'The message has no From field; every message must say who wrote it.',
  'missing-from-embedded': () =>
    'This attached message has none of From, Subject and Date; an attached message needs at least one of them.',
  'missing-date': () => 'The message has no Date field; every message must carry the date it was written.',
  'missing-recipient': () => 'The message has no To, Cc or Bcc field, so it names nobody to receive it.',
  'missing-subject': () => 'The message has no Subject field.',
  'missing-message-id': () => 'The message has no Message-ID; every message should have a unique identifier.',
  'duplicate-header': (name: string) =>
    `${name} appears more than once; this field may occur at most once. Readers may pick either value.`,
  'duplicate-header-related': (name: string) => `First ${name} field`,
  'sender-required': (count: number) =>
    `From lists ${count} mailboxes, so a Sender field naming the one who actually sent it is required.`,
  'address-syntax': (detail: Detail) => `Not a valid address: ${d(detail)}.`,
  'address-empty': (name: string) => `${name} is empty; it needs at least one address.`,
  'date-syntax': (detail: Detail) =>
    `Not a valid date: ${d(detail)}. Expected a form like "Mon, 2 Jan 2006 15:04:05 +0000".`,
  'date-weekday-mismatch': (written: string, actual: string) =>
    `The day of the week says ${written}, but that date is a ${actual}.`,
  'date-obsolete-zone': (zone: string, numeric: string) =>
    `The time zone "${zone}" is obsolete; write it as a numeric offset (${numeric}).`,
  'message-id-syntax': (detail: Detail) =>
    `Not a valid message id: ${d(detail)}. Expected <left-part@right-part>.`,
  'non-ascii-header': (name: string) =>
    `${name || 'This field'} contains raw non-ASCII characters, which only servers that support SMTPUTF8 accept; use an encoded word (=?UTF-8?...?=) instead.`,
  'encoded-word-invalid': (detail: Detail) => `Malformed encoded word: ${d(detail)}.`,
  'unknown-charset': (charset: string) => `"${charset}" is not a known character set name; readers may show garbled text.`,
  'mime-version-missing': () =>
    'Content-* fields are used but there is no "MIME-Version: 1.0" field, so readers may ignore them.',
  'mime-version-value': (value: string) => `MIME-Version is "${value}"; the only defined version is 1.0.`,
  'content-type-syntax': (detail: Detail) =>
    `Content-Type is not "type/subtype" followed by "; name=value" parameters: ${d(detail)}. Readers will treat the part as plain text.`,
  'parameter-syntax': (detail: Detail) => `Malformed parameter: ${d(detail)}.`,
  'boundary-missing': (type: string) =>
    `${type} needs a boundary parameter that separates its parts; without it the parts cannot be found.`,
  'boundary-invalid-length': (length: number) =>
    `The boundary is ${length} characters long; at most 70 are allowed.`,
  'boundary-invalid-char': (ch: Detail) =>
    `The boundary contains ${d(ch)}, which is not allowed in a boundary (letters, digits and '()+_,-./:=? and inner spaces only).`,
  'boundary-invalid-empty': () => 'The boundary is empty.',
  'boundary-invalid-reused': () =>
    'This boundary is already used by an enclosing multipart; nested multiparts need different boundaries, so these parts cannot be told apart.',
  'boundary-invalid-prefix': (outer: string) =>
    `This boundary starts with the boundary "${outer}" of an enclosing multipart, so its delimiter lines can be read as that multipart's; choose a boundary that does not begin with it.`,
  'boundary-not-found': (boundary: string) =>
    `No line "--${boundary}" starts a part in this multipart body, so it has no parts.`,
  'closing-boundary-missing': (boundary: string) =>
    `The multipart body never ends with the closing line "--${boundary}--".`,
  'cte-unknown': (value: string) =>
    `"${value}" is not a transfer encoding; use 7bit, 8bit, binary, quoted-printable or base64.`,
  'cte-unknown-empty': () =>
    'Content-Transfer-Encoding is empty; write 7bit, 8bit, binary, quoted-printable or base64 (readers guess 7bit, and may show encoded text raw).',
  'content-disposition-syntax': (detail: Detail) =>
    `Content-Disposition is not "inline" or "attachment" (or another token) followed by "; name=value" parameters: ${d(detail)}. Readers may show the part inline or lose its file name.`,
  'content-disposition-empty': () =>
    'Content-Disposition is empty; write "inline" or "attachment", or remove the field.',
  'list-unsubscribe-syntax': (detail: Detail) =>
    `List-Unsubscribe must be a comma-separated list of <URI>s: ${d(detail)}. Mail clients may not offer an unsubscribe button.`,
  'list-unsubscribe-post-no-https': () =>
    'List-Unsubscribe-Post asks for one-click unsubscription, but List-Unsubscribe holds no <https:...> URI to send the POST to (RFC 8058 §3.1).',
  'list-unsubscribe-post-alone': () =>
    'List-Unsubscribe-Post asks for one-click unsubscription, but the message has no List-Unsubscribe field with an <https:...> URI (RFC 8058 §3.1).',
  'list-unsubscribe-post-value': (value: string) =>
    `List-Unsubscribe-Post must hold exactly "List-Unsubscribe=One-Click", not "${value}" (RFC 8058 §3.1).`,
  'cte-composite': (type: string, cte: string) =>
    `A ${type} part must not be encoded as ${cte}; only 7bit, 8bit or binary are allowed, and its parts carry their own encodings.`,
  'eight-bit-data': (cte: string) =>
    `Non-ASCII character in a part whose transfer encoding is ${cte}, which allows 7-bit ASCII only; declare 8bit or encode it as quoted-printable or base64.`,
  'base64-invalid-char': (ch: Detail) => `${d(ch)} is not a base64 character.`,
  'base64-invalid-after-padding': () => 'Base64 data continues after the "=" padding that marks its end.',
  'base64-invalid-length': (extra: number) =>
    `The base64 data ends with ${extra} leftover ${plural('en', extra, { one: 'character', other: 'characters' })}; it must be a multiple of 4 characters (pad with "=").`,
  'base64-invalid-padding': () => 'Too much "=" padding at the end of base64 data.',
  'base64-line-length': (length: number) => `Base64 line is ${length} characters long; at most 76 are allowed.`,
  'qp-invalid': (seq: string) =>
    `"${seq}" is not a valid quoted-printable escape; "=" must be followed by two hex digits or end the line (soft line break). Write "=3D" for a literal "=".`,
  'qp-line-length': (length: number) =>
    `Quoted-printable line is ${length} characters long; at most 76 are allowed (use a soft line break "=").`,
  'too-large': (size: number, limit: number) =>
    `The document has ${size} characters, more than the limit of ${limit}; only its headers and structure were validated.`,
  'nesting-too-deep': (limit: number) =>
    `MIME parts nest deeper than ${limit} levels; the parts below were not parsed or validated.`,
  'cap-reached': (code: string, cap: number) => `(${code} reported ${cap} times; further occurrences are not listed.)`,
};

/** The message table type: one function per message key. */
export type MessageTable = typeof en;

/** The English table, for translations to start from. */
export const ENGLISH_MESSAGES: MessageTable = en;

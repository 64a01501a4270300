/**
 * Every message text of the `eml` diagnostics, in one table, so a translation
 * (e.g. Persian) can swap the whole table with `setMessageTable`.
 * Texts are for a person who has not read the RFC: say what is wrong, where
 * the limit comes from, and what to do.
 */

const en = {
  'header-syntax': (line: string) =>
    `This line in the header section is neither "Name: value" nor an indented continuation${line ? ` ("${line}")` : ''}. If the body starts here, a blank line is missing before it.`,
  'header-syntax-no-separator': () =>
    'The header section ends here without the blank line that must separate it from the body.',
  'header-name-invalid-empty': () => 'The field name before the colon is empty.',
  'header-name-invalid': (ch: string) =>
    `The field name contains ${ch}; names may only use printable ASCII characters (33-126) except the colon.`,
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
  'address-syntax': (detail: string) => `Not a valid address: ${detail}.`,
  'address-empty': (name: string) => `${name} is empty; it needs at least one address.`,
  'date-syntax': (detail: string) =>
    `Not a valid date: ${detail}. Expected a form like "Mon, 2 Jan 2006 15:04:05 +0000".`,
  'date-weekday-mismatch': (written: string, actual: string) =>
    `The day of the week says ${written}, but that date is a ${actual}.`,
  'date-obsolete-zone': (zone: string, numeric: string) =>
    `The time zone "${zone}" is obsolete; write it as a numeric offset (${numeric}).`,
  'message-id-syntax': (detail: string) =>
    `Not a valid message id: ${detail}. Expected <left-part@right-part>.`,
  'non-ascii-header': (name: string) =>
    `${name || 'This field'} contains raw non-ASCII characters, which only servers that support SMTPUTF8 accept; use an encoded word (=?UTF-8?...?=) instead.`,
  'encoded-word-invalid': (detail: string) => `Malformed encoded word: ${detail}.`,
  'unknown-charset': (charset: string) => `"${charset}" is not a known character set name; readers may show garbled text.`,
  'mime-version-missing': () =>
    'Content-* fields are used but there is no "MIME-Version: 1.0" field, so readers may ignore them.',
  'mime-version-value': (value: string) => `MIME-Version is "${value}"; the only defined version is 1.0.`,
  'content-type-syntax': (detail: string) =>
    `Content-Type is not "type/subtype" followed by "; name=value" parameters: ${detail}. Readers will treat the part as plain text.`,
  'parameter-syntax': (detail: string) => `Malformed parameter: ${detail}.`,
  'boundary-missing': (type: string) =>
    `${type} needs a boundary parameter that separates its parts; without it the parts cannot be found.`,
  'boundary-invalid-length': (length: number) =>
    `The boundary is ${length} characters long; at most 70 are allowed.`,
  'boundary-invalid-char': (ch: string) =>
    `The boundary contains ${ch}, which is not allowed in a boundary (letters, digits and '()+_,-./:=? and inner spaces only).`,
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
  'cte-composite': (type: string, cte: string) =>
    `A ${type} part must not be encoded as ${cte}; only 7bit, 8bit or binary are allowed, and its parts carry their own encodings.`,
  'eight-bit-data': (cte: string) =>
    `Non-ASCII character in a part whose transfer encoding is ${cte}, which allows 7-bit ASCII only; declare 8bit or encode it as quoted-printable or base64.`,
  'base64-invalid-char': (ch: string) => `${ch} is not a base64 character.`,
  'base64-invalid-after-padding': () => 'Base64 data continues after the "=" padding that marks its end.',
  'base64-invalid-length': (extra: number) =>
    `The base64 data ends with ${extra} leftover character${extra === 1 ? '' : 's'}; it must be a multiple of 4 characters (pad with "=").`,
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

let current: MessageTable = en;

/** The active message table (English by default). */
export const MESSAGES: MessageTable = new Proxy({} as MessageTable, {
  get: (_t, key: string) => (current as Record<string, unknown>)[key],
});

/** Replaces the message table (for a translation); returns the previous one. */
export function setMessageTable(table: MessageTable): MessageTable {
  const previous = current;
  current = table;
  return previous;
}

/** The English table, for translations to start from. */
export const ENGLISH_MESSAGES: MessageTable = en;

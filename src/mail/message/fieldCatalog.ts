/**
 * The table of header fields the RFCs define: meaning, defining RFC section, usual
 * casing, whether a message may hold it more than once, and its family. Hover,
 * completion and semantic tokens read it; the texts are data so they can be
 * localised (see `src/server/eml/texts.ts`, which picks a translation by locale).
 *
 * Pure data: no `vscode`, no LSP.
 */

/** Which family of standards defines a field. */
export type FieldCategory = 'RFC 5322' | 'MIME' | 'trace' | 'list' | 'DKIM' | 'Resent' | 'other';

/** One known header field. */
export interface FieldInfo {
  /** The casing people and mailers usually write (`Message-ID`, `MIME-Version`). */
  readonly name: string;
  /** One sentence: what the field says. */
  readonly doc: string;
  /** The RFC section that defines it (`5322#3.6.1`-style link built by `fieldHref`). */
  readonly rfc: number;
  readonly section?: string;
  /** True when a message (or, for MIME fields, an entity) may hold it at most once (5322 §3.6 table). */
  readonly once: boolean;
  readonly category: FieldCategory;
  /** Only meaningful on a MIME entity header (a part's header block as well as the top level). */
  readonly mime?: boolean;
}

const f = (
  name: string,
  rfc: number,
  section: string | undefined,
  once: boolean,
  category: FieldCategory,
  doc: string,
  mime = false,
): FieldInfo => ({ name, rfc, section, once, category, doc, mime });

/** Every known field, in the order completion offers them (most common first). */
export const FIELD_CATALOG: readonly FieldInfo[] = [
  // RFC 5322 §3.6: originator, destination, identification, informational.
  f('From', 5322, '3.6.2', true, 'RFC 5322', 'The author(s) of the message: the mailbox(es) responsible for writing it.'),
  f('To', 5322, '3.6.3', true, 'RFC 5322', 'The primary recipients of the message.'),
  f('Cc', 5322, '3.6.3', true, 'RFC 5322', 'Carbon copy: further recipients who get a copy of the message.'),
  f('Bcc', 5322, '3.6.3', true, 'RFC 5322', 'Blind carbon copy: recipients whose addresses are not shown to the others. Never transmitted.'),
  f('Subject', 5322, '3.6.5', true, 'RFC 5322', 'A short string identifying the topic of the message.'),
  f('Date', 5322, '3.6.1', true, 'RFC 5322', 'The origination date: when the author declared the message complete and ready to send.'),
  f('Message-ID', 5322, '3.6.4', true, 'RFC 5322', 'A globally unique identifier of this version of the message, `<id-left@id-right>`.'),
  f('Reply-To', 5322, '3.6.2', true, 'RFC 5322', 'Where the author suggests replies be sent, instead of From.'),
  f('Sender', 5322, '3.6.2', true, 'RFC 5322', 'The mailbox of the agent that actually sent the message, when it differs from the author (required when From holds several mailboxes).'),
  f('In-Reply-To', 5322, '3.6.4', true, 'RFC 5322', 'The Message-ID(s) of the message(s) this one replies to.'),
  f('References', 5322, '3.6.4', true, 'RFC 5322', 'The Message-IDs of the thread this message belongs to, oldest first.'),
  f('Comments', 5322, '3.6.5', false, 'RFC 5322', 'Free-text comments on the message body.'),
  f('Keywords', 5322, '3.6.5', false, 'RFC 5322', 'A comma-separated list of important words and phrases.'),
  // MIME, RFC 2045 / 2183 / 2076-era fields.
  f('MIME-Version', 2045, '4', true, 'MIME', 'Declares that the message follows MIME; the only defined value is `1.0`.'),
  f('Content-Type', 2045, '5', true, 'MIME', 'The media type of the body (`type/subtype; parameters`), e.g. `text/plain; charset=utf-8`.', true),
  f('Content-Transfer-Encoding', 2045, '6', true, 'MIME', 'How the body is encoded for transport: 7bit, 8bit, binary, quoted-printable or base64.', true),
  f('Content-Disposition', 2183, '2', true, 'MIME', 'How to present the part: `inline` or `attachment`, with a `filename` parameter.', true),
  f('Content-ID', 2045, '7', true, 'MIME', 'A unique id for the part, referenced by `cid:` URLs (e.g. images in HTML).', true),
  f('Content-Description', 2045, '8', true, 'MIME', 'A human-readable description of the part.', true),
  f('Content-Language', 3282, '2', true, 'MIME', 'The natural language(s) of the content, as language tags.', true),
  f('Content-Location', 2557, '4', true, 'MIME', 'A URI for the content, used to resolve links in MHTML documents.', true),
  // Trace fields, RFC 5322 §3.6.7 / RFC 5321 §4.4.
  f('Received', 5321, '4.4', false, 'trace', 'Trace: added by each SMTP server that relays the message (from, by, with, id, for; date).'),
  f('Return-Path', 5321, '4.4', false, 'trace', 'Trace: the envelope sender (MAIL FROM), added at final delivery; bounces go here.'),
  f('Delivered-To', 9228, '4', false, 'trace', 'The address the message was delivered to (added by the delivering server).'),
  f('Authentication-Results', 8601, '2.2', false, 'trace', 'Results of SPF, DKIM and DMARC checks, added by the receiving server.'),
  f('Received-SPF', 7208, '9.1', false, 'trace', 'The result of the SPF check of the sending host.'),
  f('ARC-Seal', 8617, '4.1.3', false, 'trace', 'Authenticated Received Chain: seal over the ARC headers of one hop.'),
  f('ARC-Message-Signature', 8617, '4.1.2', false, 'trace', 'Authenticated Received Chain: DKIM-like signature of the message at one hop.'),
  f('ARC-Authentication-Results', 8617, '4.1.1', false, 'trace', 'Authenticated Received Chain: authentication results seen at one hop.'),
  // DKIM.
  f('DKIM-Signature', 6376, '3.5', false, 'DKIM', 'A DomainKeys Identified Mail signature over selected headers and the body (d= domain, s= selector).'),
  // Resent fields, RFC 5322 §3.6.6.
  f('Resent-Date', 5322, '3.6.6', false, 'Resent', 'When the message was resent (re-introduced into the transport).'),
  f('Resent-From', 5322, '3.6.6', false, 'Resent', 'Who resent the message.'),
  f('Resent-Sender', 5322, '3.6.6', false, 'Resent', 'The agent that resent the message on behalf of Resent-From.'),
  f('Resent-To', 5322, '3.6.6', false, 'Resent', 'The recipients of the resent message.'),
  f('Resent-Cc', 5322, '3.6.6', false, 'Resent', 'Further recipients of the resent message.'),
  f('Resent-Bcc', 5322, '3.6.6', false, 'Resent', 'Blind recipients of the resent message.'),
  f('Resent-Message-ID', 5322, '3.6.6', false, 'Resent', 'The unique identifier of the resending.'),
  // Mailing lists, RFC 2369 / 2919 / 8058.
  f('List-Id', 2919, '3', true, 'list', 'Identifies the mailing list the message was sent through.'),
  f('List-Unsubscribe', 2369, '3.2', true, 'list', 'How to unsubscribe from the list (mailto: or https: URLs in angle brackets).'),
  f('List-Unsubscribe-Post', 8058, '3.1', true, 'list', 'One-click unsubscribe: `List-Unsubscribe=One-Click`.'),
  f('List-Subscribe', 2369, '3.3', true, 'list', 'How to subscribe to the list.'),
  f('List-Post', 2369, '3.4', true, 'list', 'How to post to the list.'),
  f('List-Help', 2369, '3.1', true, 'list', 'Where to get help about the list.'),
  f('List-Owner', 2369, '3.5', true, 'list', 'How to contact the owner of the list.'),
  f('List-Archive', 2369, '3.6', true, 'list', 'Where the list archive is.'),
  // Other registered fields that turn up often.
  f('Auto-Submitted', 3834, '5', true, 'other', 'Marks automatically generated messages (`auto-generated`, `auto-replied`) so that responders do not loop.'),
  f('Disposition-Notification-To', 8098, '2.1', true, 'other', 'Requests a read receipt (message disposition notification) to this address.'),
  f('Importance', 2156, '5.3', true, 'other', 'How important the sender considers the message: low, normal or high.'),
  f('Sensitivity', 2156, '5.3', true, 'other', 'Personal, Private or Company-Confidential.'),
  f('Organization', 5536, '3.2.7', true, 'other', 'The organisation of the sender (from Usenet, widely used in mail).'),
  f('Precedence', 3834, '3.1.8', true, 'other', 'Non-standard priority (`bulk`, `list`, `junk`); auto-responders use it to stay quiet.'),
];

const byLowerName = new Map<string, FieldInfo>(FIELD_CATALOG.map((i) => [i.name.toLowerCase(), i]));

/** The catalogue entry of a field name (any casing), or undefined for unknown fields. */
export function lookupField(name: string): FieldInfo | undefined {
  return byLowerName.get(name.trim().toLowerCase());
}

/** The RFC link of a field: `https://www.rfc-editor.org/rfc/rfcN#section-S`. */
export function fieldHref(info: FieldInfo): string {
  return `https://www.rfc-editor.org/rfc/rfc${info.rfc}${info.section ? `#section-${info.section}` : ''}`;
}

/** Human label of the defining reference, e.g. `RFC 5322 §3.6.1`. */
export function fieldReference(info: FieldInfo): string {
  return `RFC ${info.rfc}${info.section ? ` §${info.section}` : ''}`;
}

/** Media types offered by completion, most common first. */
export const COMMON_MEDIA_TYPES: readonly string[] = [
  'text/plain',
  'text/html',
  'multipart/mixed',
  'multipart/alternative',
  'multipart/related',
  'multipart/signed',
  'multipart/report',
  'message/rfc822',
  'message/delivery-status',
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'application/json',
  'application/pgp-signature',
  'application/pkcs7-signature',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/svg+xml',
  'text/calendar',
  'text/csv',
  'audio/mpeg',
  'video/mp4',
];

/** The encodings RFC 2045 §6.1 defines. */
export const TRANSFER_ENCODINGS: readonly string[] = ['7bit', '8bit', 'binary', 'quoted-printable', 'base64'];

/** Charsets offered by completion (IANA names in their usual spelling). */
export const COMMON_CHARSETS: readonly string[] = [
  'utf-8',
  'us-ascii',
  'iso-8859-1',
  'iso-8859-15',
  'windows-1252',
  'iso-2022-jp',
  'shift_jis',
  'euc-jp',
  'gb2312',
  'gbk',
  'big5',
  'euc-kr',
  'koi8-r',
  'windows-1251',
  'windows-1256',
  'iso-8859-2',
  'utf-16',
];

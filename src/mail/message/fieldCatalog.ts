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

/**
 * How often a field may occur. `once`: at most once in a message header
 * (RFC 5322 §3.6, the table's "max" column, and the list RFCs); `once-per-entity`:
 * at most once in each MIME entity's header, the top level and every part
 * (RFC 2045 §3); `once-per-resent-block`: at most once in each block of Resent
 * fields (RFC 5322 §3.6.6); `many`: the defining RFC sets no limit.
 */
export type Cardinality = 'once' | 'once-per-entity' | 'once-per-resent-block' | 'many';

/**
 * The grammar of a field's value, as far as the features read it: the checks,
 * tokens, hover and completion dispatch on it rather than on field names.
 */
export type FieldGrammar =
  | 'date-time' // RFC 5322 §3.3
  | 'mailbox' // RFC 5322 §3.4: exactly one mailbox (Sender)
  | 'mailbox-list' // RFC 5322 §3.4: mailboxes, no groups (From)
  | 'address-list' // RFC 5322 §3.4: mailboxes and groups
  | 'msg-id' // RFC 5322 §3.6.4: exactly one `<id>`
  | 'msg-id-list' // RFC 5322 §3.6.4: one or more `<id>`
  | 'unstructured' // RFC 5322 §3.2.5
  | 'phrase-list' // RFC 5322 §3.6.5 (Keywords)
  | 'version' // RFC 2045 §4: `1*DIGIT "." 1*DIGIT`
  | 'media-type' // RFC 2045 §5.1: `type/subtype; parameters`
  | 'mechanism' // RFC 2045 §6.1: a transfer encoding
  | 'disposition' // RFC 2183 §2: `inline` / `attachment`; parameters
  | 'language-list' // RFC 3282 §2
  | 'uri' // RFC 2557 §4
  | 'path' // RFC 5321 §4.4: `<reverse-path>`
  | 'addr-spec' // an address without display name (Delivered-To)
  | 'trace' // RFC 5321 §4.4 Received, RFC 7208 §9.1 Received-SPF
  | 'tag-list' // DKIM / ARC `tag=value;` lists (RFC 6376 §3.2)
  | 'auth-results' // RFC 8601 §2.2
  | 'list-id' // RFC 2919 §3: `[phrase] <list-label.namespace>`
  | 'url-list' // RFC 2369 §2: `<url>, <url>`
  | 'token'; // a keyword value (`auto-generated`, `bulk`, `List-Unsubscribe=One-Click`)

/** The envelope role of an address field (RFC 5321 §3.3; RFC 5322 §3.6.2, §3.6.3, §3.6.6). */
export type EnvelopeRole = 'author' | 'sender' | 'recipient' | 'blind-recipient';

/** One known header field. */
export interface FieldInfo {
  /** The casing people and mailers usually write (`Message-ID`, `MIME-Version`). */
  readonly name: string;
  /** One sentence: what the field says (English; other languages in `fieldCatalog.<lang>.ts` by lower-case name). */
  readonly doc: string;
  /** The RFC section that defines it (`5322#3.6.1`-style link built by `fieldHref`). */
  readonly rfc: number;
  readonly section?: string;
  /** How often it may occur. */
  readonly cardinality: Cardinality;
  /** The RFC section that sets the cardinality (`RFC 2919 §3`), or that defines the field when it sets no limit. */
  readonly cardinalityRef: string;
  /** True when a message (or, for MIME fields, an entity) may hold it at most once: `once` or `once-per-entity`. */
  readonly once: boolean;
  readonly category: FieldCategory;
  /** Only meaningful on a MIME entity header (a part's header block as well as the top level). */
  readonly mime?: boolean;
  /** The value's grammar. */
  readonly grammar: FieldGrammar;
  /**
   * Whether `=?...?=` in the value is read as an RFC 2047 encoded word (and
   * checked, and offered as a fix for raw 8-bit text): RFC 2047 §5 allows them
   * in unstructured text, comments and phrases, not in ids, dates, tokens or URLs.
   */
  readonly encodedWords: boolean;
  /** For address fields, the envelope role (MAIL FROM / RCPT TO) the field plays. */
  readonly envelope?: EnvelopeRole;
  /**
   * When a DKIM signer signs it if present (RFC 6376 §5.4.1's recommended fields, as
   * common signers use them), its place in the signer's `h=` list (1 first); else undefined.
   */
  readonly dkimSigned?: number;
}

/** Row options beyond the required columns. */
interface Extra {
  mime?: boolean;
  encodedWords?: boolean;
  envelope?: EnvelopeRole;
  dkimSigned?: number;
}

/** Grammars that carry text a person reads, where RFC 2047 §5 allows encoded words. */
const TEXT_GRAMMARS: ReadonlySet<FieldGrammar> = new Set<FieldGrammar>(['mailbox', 'mailbox-list', 'address-list', 'unstructured', 'phrase-list', 'list-id']);

const f = (
  name: string,
  rfc: number,
  section: string | undefined,
  cardinality: Cardinality,
  cardinalityRef: string,
  category: FieldCategory,
  grammar: FieldGrammar,
  doc: string,
  extra: Extra = {},
): FieldInfo => ({
  name,
  rfc,
  section,
  cardinality,
  cardinalityRef,
  once: cardinality === 'once' || cardinality === 'once-per-entity',
  category,
  doc,
  mime: extra.mime ?? false,
  grammar,
  encodedWords: extra.encodedWords ?? TEXT_GRAMMARS.has(grammar),
  envelope: extra.envelope,
  dkimSigned: extra.dkimSigned,
});

/** Every known field, in the order completion offers them (most common first). */
export const FIELD_CATALOG: readonly FieldInfo[] = [
  // RFC 5322 §3.6: originator, destination, identification, informational; cardinality from the §3.6 table.
  f('From', 5322, '3.6.2', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'mailbox-list', 'The author(s) of the message: the mailbox(es) responsible for writing it.', { envelope: 'author', dkimSigned: 1 }),
  f('To', 5322, '3.6.3', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'address-list', 'The primary recipients of the message.', { envelope: 'recipient', dkimSigned: 7 }),
  f('Cc', 5322, '3.6.3', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'address-list', 'Carbon copy: further recipients who get a copy of the message.', { envelope: 'recipient', dkimSigned: 8 }),
  f('Bcc', 5322, '3.6.3', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'address-list', 'Blind carbon copy: recipients whose addresses are not shown to the others. Never transmitted.', { envelope: 'blind-recipient' }),
  f('Subject', 5322, '3.6.5', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'unstructured', 'A short string identifying the topic of the message.', { dkimSigned: 4 }),
  f('Date', 5322, '3.6.1', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'date-time', 'The origination date: when the author declared the message complete and ready to send.', { dkimSigned: 5 }),
  f('Message-ID', 5322, '3.6.4', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'msg-id', 'A globally unique identifier of this version of the message, `<id-left@id-right>`.', { dkimSigned: 6 }),
  f('Reply-To', 5322, '3.6.2', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'address-list', 'Where the author suggests replies be sent, instead of From.', { dkimSigned: 3 }),
  f('Sender', 5322, '3.6.2', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'mailbox', 'The mailbox of the agent that actually sent the message, when it differs from the author (required when From holds several mailboxes).', { envelope: 'sender', dkimSigned: 2 }),
  f('In-Reply-To', 5322, '3.6.4', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'msg-id-list', 'The Message-ID(s) of the message(s) this one replies to.', { dkimSigned: 20 }),
  f('References', 5322, '3.6.4', 'once', 'RFC 5322 §3.6', 'RFC 5322', 'msg-id-list', 'The Message-IDs of the thread this message belongs to, oldest first.', { dkimSigned: 21 }),
  f('Comments', 5322, '3.6.5', 'many', 'RFC 5322 §3.6', 'RFC 5322', 'unstructured', 'Free-text comments on the message body.'),
  f('Keywords', 5322, '3.6.5', 'many', 'RFC 5322 §3.6', 'RFC 5322', 'phrase-list', 'A comma-separated list of important words and phrases.'),
  // MIME. RFC 2045 §3: entity-headers := [content] [encoding] [id] [description] *(MIME-extension-field),
  // so Content-Type, -Transfer-Encoding, -ID and -Description occur at most once per entity; extension
  // fields (Content-Disposition, -Language, -Location) have no limit in their RFCs.
  f('MIME-Version', 2045, '4', 'once-per-entity', 'RFC 2045 §3', 'MIME', 'version', 'Declares that the message follows MIME; the only defined value is `1.0`.', { dkimSigned: 9 }),
  f('Content-Type', 2045, '5', 'once-per-entity', 'RFC 2045 §3', 'MIME', 'media-type', 'The media type of the body (`type/subtype; parameters`), e.g. `text/plain; charset=utf-8`.', { mime: true, dkimSigned: 10 }),
  f('Content-Transfer-Encoding', 2045, '6', 'once-per-entity', 'RFC 2045 §3', 'MIME', 'mechanism', 'How the body is encoded for transport: 7bit, 8bit, binary, quoted-printable or base64.', { mime: true, dkimSigned: 11 }),
  f('Content-Disposition', 2183, '2', 'many', 'RFC 2183 §2', 'MIME', 'disposition', 'How to present the part: `inline` or `attachment`, with a `filename` parameter.', { mime: true }),
  f('Content-ID', 2045, '7', 'once-per-entity', 'RFC 2045 §3', 'MIME', 'msg-id', 'A unique id for the part, referenced by `cid:` URLs (e.g. images in HTML).', { mime: true, dkimSigned: 12 }),
  f('Content-Description', 2045, '8', 'once-per-entity', 'RFC 2045 §3', 'MIME', 'unstructured', 'A human-readable description of the part.', { mime: true, dkimSigned: 13 }),
  f('Content-Language', 3282, '2', 'many', 'RFC 3282 §2', 'MIME', 'language-list', 'The natural language(s) of the content, as language tags.', { mime: true }),
  f('Content-Location', 2557, '4', 'many', 'RFC 2557 §4', 'MIME', 'uri', 'A URI for the content, used to resolve links in MHTML documents.', { mime: true }),
  // Trace fields, RFC 5322 §3.6.7 / RFC 5321 §4.4: one per hop.
  f('Received', 5321, '4.4', 'many', 'RFC 5322 §3.6', 'trace', 'trace', 'Trace: added by each SMTP server that relays the message (from, by, with, id, for; date).'),
  f('Return-Path', 5321, '4.4', 'many', 'RFC 5322 §3.6', 'trace', 'path', 'Trace: the envelope sender (MAIL FROM), added at final delivery; bounces go here.'),
  f('Delivered-To', 9228, '4', 'many', 'RFC 9228 §4', 'trace', 'addr-spec', 'The address the message was delivered to (added by the delivering server).'),
  f('Authentication-Results', 8601, '2.2', 'many', 'RFC 8601 §2.2', 'trace', 'auth-results', 'Results of SPF, DKIM and DMARC checks, added by the receiving server.'),
  f('Received-SPF', 7208, '9.1', 'many', 'RFC 7208 §9.1', 'trace', 'trace', 'The result of the SPF check of the sending host.', { encodedWords: true /* its comment is free text (RFC 2047 §5 (2)) */ }),
  f('ARC-Seal', 8617, '4.1.3', 'many', 'RFC 8617 §4.1', 'trace', 'tag-list', 'Authenticated Received Chain: seal over the ARC headers of one hop.'),
  f('ARC-Message-Signature', 8617, '4.1.2', 'many', 'RFC 8617 §4.1', 'trace', 'tag-list', 'Authenticated Received Chain: DKIM-like signature of the message at one hop.'),
  f('ARC-Authentication-Results', 8617, '4.1.1', 'many', 'RFC 8617 §4.1', 'trace', 'auth-results', 'Authenticated Received Chain: authentication results seen at one hop.'),
  // DKIM.
  f('DKIM-Signature', 6376, '3.5', 'many', 'RFC 6376 §3.5', 'DKIM', 'tag-list', 'A DomainKeys Identified Mail signature over selected headers and the body (d= domain, s= selector).'),
  // Resent fields, RFC 5322 §3.6.6: each once per resent block, a block per resend.
  f('Resent-Date', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'date-time', 'When the message was resent (re-introduced into the transport).', { dkimSigned: 14 }),
  f('Resent-From', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'mailbox-list', 'Who resent the message.', { envelope: 'author', dkimSigned: 15 }),
  f('Resent-Sender', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'mailbox', 'The agent that resent the message on behalf of Resent-From.', { envelope: 'sender', dkimSigned: 16 }),
  f('Resent-To', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'address-list', 'The recipients of the resent message.', { envelope: 'recipient', dkimSigned: 17 }),
  f('Resent-Cc', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'address-list', 'Further recipients of the resent message.', { envelope: 'recipient', dkimSigned: 18 }),
  f('Resent-Bcc', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'address-list', 'Blind recipients of the resent message.', { envelope: 'blind-recipient' }),
  f('Resent-Message-ID', 5322, '3.6.6', 'once-per-resent-block', 'RFC 5322 §3.6.6', 'Resent', 'msg-id', 'The unique identifier of the resending.', { dkimSigned: 19 }),
  // Mailing lists. RFC 2919 §3 allows one List-Id per message and RFC 8058 §3.1 one
  // List-Unsubscribe-Post; RFC 2369 sets no limit on its fields (alternatives go in one field, §2).
  f('List-Id', 2919, '3', 'once', 'RFC 2919 §3', 'list', 'list-id', 'Identifies the mailing list the message was sent through.', { dkimSigned: 22 }),
  f('List-Unsubscribe', 2369, '3.2', 'many', 'RFC 2369 §2', 'list', 'url-list', 'How to unsubscribe from the list (mailto: or https: URLs in angle brackets).', { dkimSigned: 24 }),
  f('List-Unsubscribe-Post', 8058, '3.1', 'once', 'RFC 8058 §3.1', 'list', 'token', 'One-click unsubscribe: `List-Unsubscribe=One-Click`.', { dkimSigned: 25 }),
  f('List-Subscribe', 2369, '3.3', 'many', 'RFC 2369 §2', 'list', 'url-list', 'How to subscribe to the list.', { dkimSigned: 26 }),
  f('List-Post', 2369, '3.4', 'many', 'RFC 2369 §2', 'list', 'url-list', 'How to post to the list.', { dkimSigned: 27 }),
  f('List-Help', 2369, '3.1', 'many', 'RFC 2369 §2', 'list', 'url-list', 'Where to get help about the list.', { dkimSigned: 23 }),
  f('List-Owner', 2369, '3.5', 'many', 'RFC 2369 §2', 'list', 'url-list', 'How to contact the owner of the list.', { dkimSigned: 28 }),
  f('List-Archive', 2369, '3.6', 'many', 'RFC 2369 §2', 'list', 'url-list', 'Where the list archive is.', { dkimSigned: 29 }),
  // Other registered fields that turn up often; their RFCs set no limit (RFC 5322 §3.6 optional-field).
  f('Auto-Submitted', 3834, '5', 'many', 'RFC 3834 §5', 'other', 'token', 'Marks automatically generated messages (`auto-generated`, `auto-replied`) so that responders do not loop.'),
  f('Disposition-Notification-To', 8098, '2.1', 'many', 'RFC 8098 §2.1', 'other', 'mailbox-list', 'Requests a read receipt (message disposition notification) to this address.'),
  f('Importance', 2156, '5.3', 'many', 'RFC 2156 §5.3', 'other', 'token', 'How important the sender considers the message: low, normal or high.'),
  f('Sensitivity', 2156, '5.3', 'many', 'RFC 2156 §5.3', 'other', 'token', 'Personal, Private or Company-Confidential.'),
  f('Organization', 5536, '3.2.7', 'many', 'RFC 5322 §3.6', 'other', 'unstructured', 'The organisation of the sender (from Usenet, widely used in mail).'),
  f('Precedence', 3834, '3.1.8', 'many', 'RFC 3834 §3.1.8', 'other', 'token', 'Non-standard priority (`bulk`, `list`, `junk`); auto-responders use it to stay quiet.'),
];

const byLowerName = new Map<string, FieldInfo>(FIELD_CATALOG.map((i) => [i.name.toLowerCase(), i]));

/** The catalogue entry of a field name (any casing), or undefined for unknown fields. */
export function lookupField(name: string): FieldInfo | undefined {
  return byLowerName.get(name.trim().toLowerCase());
}

/** The catalogue entry of a name already lower-cased and trimmed (the checks' hot path). */
export function lookupLowerField(lower: string): FieldInfo | undefined {
  return byLowerName.get(lower);
}

/** Lower-case names of the known fields that match `test`, for the checks that go over a header once. */
export function fieldNames(test: (info: FieldInfo) => boolean): ReadonlySet<string> {
  return new Set(FIELD_CATALOG.filter(test).map((i) => i.name.toLowerCase()));
}

/** Whether a field's value is an address list, mailbox list or mailbox (RFC 5322 §3.4). */
export function isAddressGrammar(grammar: FieldGrammar | undefined): boolean {
  return grammar === 'mailbox' || grammar === 'mailbox-list' || grammar === 'address-list';
}

/**
 * The address fields of RFC 5322 (§3.6.2, §3.6.3, §3.6.6: From, Sender,
 * Reply-To, To, Cc, Bcc and their Resent- forms), which the address checks,
 * tokens and the encoding fix read as address lists.
 */
export function isAddressField(info: FieldInfo | undefined): boolean {
  return info !== undefined && info.rfc === 5322 && isAddressGrammar(info.grammar);
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

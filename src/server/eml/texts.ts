/**
 * Every user-facing string of the `.eml` editor features (hover, completion,
 * code-action titles), kept as data: the request's locale bundle (../l10n.ts)
 * holds one table per language, features read it as `ctx.l10n.eml`.
 * Field meanings live in `src/mail/message/fieldCatalog.ts`; a translation may
 * override them through `fieldDocs`.
 */
import { plural } from '../../mail/plural';

/** The strings of one language. Functions take the variable parts. */
export interface EmlTexts {
  /** Overrides of `FieldInfo.doc` by lower-case field name (translations). */
  readonly fieldDocs: Readonly<Record<string, string>>;
  readonly unknownField: (name: string) => string;
  readonly onceOnly: string;
  readonly mayRepeat: string;
  readonly oncePerResentBlock: string;
  readonly category: (category: string) => string;
  readonly encodedWordTitle: string;
  readonly encodedWordCharset: string;
  readonly encodedWordEncoding: string;
  readonly encodedWordDecoded: string;
  readonly encodedWordInvalid: string;
  readonly dateTitle: string;
  readonly dateLocal: string;
  readonly dateUtc: string;
  readonly dateWeekday: string;
  readonly dateInvalid: string;
  readonly partTitle: (type: string) => string;
  readonly partSize: string;
  readonly partEncoding: string;
  readonly partCharset: string;
  readonly partFilename: string;
  readonly partChildren: (n: number) => string;
  readonly partBinary: (size: string) => string;
  readonly partPreview: string;
  readonly outlineHeaders: string;
  /** Said by the last listed part when the outline's part cap left some out. */
  readonly outlinePartsLeftOut: (n: number) => string;
  /** Outline name of a mailbox message without a Subject (1-based number). */
  readonly outlineMessage: (n: number) => string;
  readonly completionFreshDate: string;
  readonly completionFreshMessageId: string;
  readonly completionBoundary: string;
  readonly completionMimeVersion: string;
  readonly fixAddDate: string;
  readonly fixAddMessageId: string;
  readonly fixAddMimeVersion: string;
  readonly fixEncodeWord: string;
  readonly fixToQuotedPrintable: string;
  readonly fixAppendCloseDelimiter: (boundary: string) => string;
  readonly fixReplaceWith: (replacement: string) => string;
  readonly fixAddPadding: (padding: string) => string;
  readonly fixSetMimeVersion: string;
  readonly fixRemoveSpaceBeforeColon: string;
  readonly fixRemoveDuplicate: (name: string) => string;
  readonly fixEscapeEquals: string;
  readonly fixWrapMessageId: string;
  readonly encodingName: (letter: string) => string;
  readonly emptyFieldName: string;
}

const en: EmlTexts = {
  fieldDocs: {},
  unknownField: (name) => `\`${name}\` is not a field the RFCs define (an extension or private field).`,
  onceOnly: 'May occur at most once.',
  mayRepeat: 'May occur more than once.',
  oncePerResentBlock: 'May occur at most once in each Resent block; a message may hold several blocks.',
  category: (c) => `Family: ${c}`,
  encodedWordTitle: 'Encoded word (RFC 2047)',
  encodedWordCharset: 'Charset',
  encodedWordEncoding: 'Encoding',
  encodedWordDecoded: 'Decoded',
  encodedWordInvalid: 'This encoded word is malformed and cannot be decoded.',
  dateTitle: 'Date',
  dateLocal: 'Local time',
  dateUtc: 'UTC',
  dateWeekday: 'Weekday',
  dateInvalid: 'This is not a valid RFC 5322 date-time.',
  partTitle: (type) => `MIME part \`${type}\``,
  partSize: 'Size (decoded)',
  partEncoding: 'Transfer encoding',
  partCharset: 'Charset',
  partFilename: 'File name',
  partChildren: (n) => `${n} child ${plural('en', n, { one: 'part', other: 'parts' })}`,
  partBinary: (size) => `binary, ${size}`,
  partPreview: 'First lines',
  outlineHeaders: 'Headers',
  outlinePartsLeftOut: (n) => `(${n} more ${plural('en', n, { one: 'part', other: 'parts' })} not listed)`,
  outlineMessage: (n) => `Message ${n}`,
  completionFreshDate: 'The current date and time (RFC 5322 §3.3)',
  completionFreshMessageId: 'A fresh unique id at the domain of From',
  completionBoundary: 'A fresh random boundary',
  completionMimeVersion: 'The only MIME version',
  fixAddDate: 'Add a Date header (now)',
  fixAddMessageId: 'Add a Message-ID header',
  fixAddMimeVersion: 'Add MIME-Version: 1.0',
  fixEncodeWord: 'Encode the header as RFC 2047 encoded words',
  fixToQuotedPrintable: 'Convert the part to quoted-printable',
  fixAppendCloseDelimiter: (b) => `Append the close delimiter --${b}--`,
  fixReplaceWith: (r) => `Replace with ${r}`,
  fixAddPadding: (p) => `Add the base64 padding ${p}`,
  fixSetMimeVersion: 'Set MIME-Version to 1.0',
  fixRemoveSpaceBeforeColon: 'Remove the space before the colon',
  fixRemoveDuplicate: (name) => `Remove this ${name} field (keep the first)`,
  fixEscapeEquals: 'Write =3D for the literal "="',
  fixWrapMessageId: 'Wrap the message id in <>',
  encodingName: (l) => (l === 'B' ? 'base64' : l === 'Q' ? 'quoted-printable' : 'unknown'),
  emptyFieldName: '(empty name)',
};

/** The English table (the locale bundle's, ../l10n.ts; parity tests, translations). */
export const ENGLISH_EML_TEXTS: EmlTexts = en;

/**
 * Every user-facing string of the `.eml` editor features (hover, completion,
 * code-action titles), kept as data so a translation is one more table keyed by
 * locale. `textsFor(ctx.locale)` picks the best table (`fa-IR` → `fa` → `en`).
 * Field meanings live in `src/mail/message/fieldCatalog.ts`; a translation may
 * override them through `fieldDocs`.
 */
import { resolveLanguage } from '../../mail/i18n';
import { PERSIAN_EML_TEXTS } from './texts.fa';

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
  partChildren: (n) => `${n} child part${n === 1 ? '' : 's'}`,
  partBinary: (size) => `binary, ${size}`,
  partPreview: 'First lines',
  outlineHeaders: 'Headers',
  outlinePartsLeftOut: (n) => `(${n} more parts not listed)`,
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

/** The tables by primary language subtag. Add `fa` here to localise. */
const TABLES: Readonly<Record<string, EmlTexts>> = { en, fa: PERSIAN_EML_TEXTS };

/** The English table (parity tests, translations). */
export const ENGLISH_EML_TEXTS: EmlTexts = en;

/** The texts for a BCP 47 locale, falling back to English. */
export function textsFor(locale: string | undefined): EmlTexts {
  // The same reading of a locale as the core's tables (`fa`, `fa-IR`, `fas`, `per` → Persian).
  return TABLES[resolveLanguage(locale)] ?? en;
}

/** Formats a byte count for people: `812 B`, `14.2 KB`, `3.1 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * SMTP transcripts: the public API of the pure core (no editor imports).
 *
 * - `parseTranscript(text, dialect?)` → `TranscriptSession` (lines, greeting,
 *   commands with replies, EHLO extensions, STARTTLS, AUTH exchanges,
 *   transactions, DATA blocks, QUIT, protocol problems).
 * - `validateTranscript(text, options?)` → every `Problem` (protocol and the
 *   messages inside DATA, mapped onto the transcript).
 * - `convertToCanonical(text)` → the `C:`/`S:` form of a swaks, msmtp,
 *   nodemailer or Postfix log.
 * - `credentialRedactions(text)` / `applyReplacements` → redact AUTH data.
 * - `transactionOutcome(tx)` → "delivered to 2 of 3 recipients", ...
 */
export { COMMANDS, ENHANCED_CLASS, ENHANCED_DETAIL, ENHANCED_SUBJECT, EXTENSIONS, REPLY_CODES, REPLY_FIRST_DIGIT, REPLY_SECOND_DIGIT } from './catalog';
export { applyReplacements, convertToCanonical, credentialRedactions, type TextReplacement } from './convert';
export { DIALECT_NAMES, detectDialect, readLines, type Dialect, type TranscriptLine } from './lines';
export { ENGLISH_TRANSCRIPT_LABELS, ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptLabelTable, type TranscriptMessageTable } from './messages';
export {
  parseTranscript,
  transactionOutcome,
  recipientOutcomes,
  type AuthExchange,
  type Command,
  type DataBlock,
  type EnhancedCode,
  type Extension,
  type HelloInfo,
  type Reply,
  type ReplyLine,
  type Transaction,
  type TransactionOutcome,
  type TranscriptSession,
} from './parse';
export { REDACTED } from './syntax';
export { mapMessageOffset, messageOfBlock, validateSessionMessages, validateTranscript, type BlockMessage, type TranscriptValidationOptions } from './validate';

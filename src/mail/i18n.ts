/**
 * Locale selection for every text the pure core produces (diagnostic messages,
 * transcript labels) and for the editor features' tables.
 *
 * English is the source language and the fallback; Persian (`fa`, `fa-IR`, …)
 * is the one translation. `withLocale(locale, run)` runs one synchronous call
 * (a validation, a hover) with the tables of that locale and restores the
 * previous tables in `finally`: JavaScript runs one synchronous call at a time,
 * so two documents (or two servers in one process) with different locales never
 * see each other's tables, and the table is chosen once per call, not per
 * problem. Diagnostic codes never depend on the locale.
 */
import { ENGLISH_DETAILS, ENGLISH_MESSAGES, setDetailTable, setMessageTable, type DetailTable, type MessageTable } from './message/messages';
import { PERSIAN_DETAILS, PERSIAN_MESSAGES } from './message/messages.fa';
import {
  ENGLISH_TRANSCRIPT_LABELS,
  ENGLISH_TRANSCRIPT_MESSAGES,
  setTranscriptTables,
  type TranscriptLabelTable,
  type TranscriptMessageTable,
} from './transcript/messages';
import { PERSIAN_TRANSCRIPT_LABELS, PERSIAN_TRANSCRIPT_MESSAGES } from './transcript/messages.fa';
import { ENGLISH_AUTH_MESSAGES, setAuthMessageTable, type AuthMessageTable } from './auth/messages';
import { PERSIAN_AUTH_MESSAGES } from './auth/messages.fa';

/** The languages the product speaks. */
export type Language = 'en' | 'fa';

/** Every supported language, English (the fallback) first. */
export const LANGUAGES: readonly Language[] = ['en', 'fa'];

/**
 * The supported language of a BCP 47 tag or VS Code locale (`fa`, `fa-IR`,
 * `fa_IR`, `FA` → `fa`); anything else, or nothing, is English.
 */
export function resolveLanguage(locale: string | undefined | null): Language {
  if (!locale) return 'en';
  const primary = String(locale).trim().toLowerCase().split(/[-_.@]/)[0];
  return primary === 'fa' || primary === 'per' || primary === 'fas' ? 'fa' : 'en';
}

interface CoreTables {
  readonly messages: MessageTable;
  /** The parsers' details (why an address, date, parameter... is malformed) outside a message, e.g. in hovers. */
  readonly details: DetailTable;
  readonly transcriptMessages: TranscriptMessageTable;
  readonly transcriptLabels: TranscriptLabelTable;
  readonly auth: AuthMessageTable;
}

const TABLES: Readonly<Record<Language, CoreTables>> = {
  en: { messages: ENGLISH_MESSAGES, details: ENGLISH_DETAILS, transcriptMessages: ENGLISH_TRANSCRIPT_MESSAGES, transcriptLabels: ENGLISH_TRANSCRIPT_LABELS, auth: ENGLISH_AUTH_MESSAGES },
  fa: { messages: PERSIAN_MESSAGES, details: PERSIAN_DETAILS, transcriptMessages: PERSIAN_TRANSCRIPT_MESSAGES, transcriptLabels: PERSIAN_TRANSCRIPT_LABELS, auth: PERSIAN_AUTH_MESSAGES },
};

let active: Language = 'en';

/** The language of the `withLocale` call in progress (English outside any). */
export function currentLanguage(): Language {
  return active;
}

/**
 * Runs `run` with the core's message tables of `locale` (English fallback) and
 * restores the previous tables afterwards, also when `run` throws. Nested calls
 * work. `run` must be synchronous: the tables are only in force until it returns.
 */
export function withLocale<T>(locale: string | undefined, run: () => T): T {
  const language = resolveLanguage(locale);
  const tables = TABLES[language];
  const previousLanguage = active;
  active = language;
  const previousMessages = setMessageTable(tables.messages);
  const previousDetails = setDetailTable(tables.details);
  const [previousTranscript, previousLabels] = setTranscriptTables(tables.transcriptMessages, tables.transcriptLabels);
  const previousAuth = setAuthMessageTable(tables.auth);
  try {
    return run();
  } finally {
    active = previousLanguage;
    setMessageTable(previousMessages);
    setDetailTable(previousDetails);
    setTranscriptTables(previousTranscript, previousLabels);
    setAuthMessageTable(previousAuth);
  }
}

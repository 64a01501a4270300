/**
 * Locale bundles: every text the pure core produces (diagnostic messages,
 * parser details, transcript labels, HTML checks, the preview's words, the SMTP
 * catalogue's docs) in one language, as one object.
 *
 * The shape, for anyone adding texts:
 *  - one `CoreBundle` per language, each other than English in its own file
 *    ./locales/<language>.ts, registered once in `BUNDLES` below; English is
 *    complete and the fallback for any locale not registered;
 *  - a caller picks the bundle once per request with `bundleFor(locale)` and
 *    passes it on (the server's `FeatureContext.l10n`, which extends it with the
 *    editor features' texts; the CLI's `--locale`/`LANG`);
 *  - a table is a record of functions, one per key (a diagnostic code, a detail
 *    key, a label); arguments are counts, technical tokens or the user's own
 *    text, never an English phrase: a reason is a detail key (`Detail`);
 *  - counts go through `plural(language, n, forms)` (./plural.ts, CLDR plural
 *    categories), never a glued-on "s"; and
 *    sizes through `formatSize(bytes, bundle)`;
 *  - adding a key: add it to the English table of the area and to every other
 *    language's table (the tables are typed, so a missing key does not compile);
 *  - the validators take the bundle in their options (`l10n`, English when
 *    absent) and hand its tables down to the checks that write messages: no
 *    table is global, so two calls in different languages, interleaved or not,
 *    never see each other's texts.
 * Diagnostic codes never depend on the language.
 */
import { ALL_CODES, CODES, type ProblemCode } from './codes';
import { ENGLISH_HTML_MESSAGES, type HtmlMessageTable } from './html/messages';
import { PERSIAN } from './locales/fa';
import { ENGLISH_DETAILS, ENGLISH_MESSAGES, type DetailTable, type MessageTable } from './message/messages';
import { ENGLISH_PREVIEW_LABELS, type PreviewLabels } from './preview/labels';
import type { CatalogTexts } from './transcript/catalog';
import {
  ENGLISH_TRANSCRIPT_LABELS,
  ENGLISH_TRANSCRIPT_MESSAGES,
  type TranscriptLabelTable,
  type TranscriptMessageTable,
} from './transcript/messages';
import { ENGLISH_AUTH_MESSAGES, type AuthMessageTable } from './auth/messages';
import { ENGLISH_CLI_TEXTS, type CliTexts } from './cliTexts';
import { ENGLISH_REPLAY_TEXTS, type ReplayTexts } from './replayTexts';

import { plural, type PluralForms } from './plural';

export { plural, type PluralForms };

/** Every text of the core in one language (see the module comment for how it is used). */
export interface CoreBundle {
  /** The primary language subtag (`en`, `fa`). */
  readonly language: Language;
  /** Other tags of the language a locale may use (ISO 639-2/3 codes such as `fas`). */
  readonly aliases: readonly string[];
  /** Writing direction of the language's text. */
  readonly dir: 'ltr' | 'rtl';
  /** Diagnostics of `eml` documents, by code and variant. */
  readonly messages: MessageTable;
  /** Why a value failed to parse, by detail key (inside messages and hovers). */
  readonly details: DetailTable;
  readonly transcriptMessages: TranscriptMessageTable;
  readonly transcriptLabels: TranscriptLabelTable;
  /** DKIM/ARC diagnostics. */
  readonly auth: AuthMessageTable;
  /** HTML checks. */
  readonly html: HtmlMessageTable;
  /** The preview's own words. */
  readonly preview: PreviewLabels;
  /** Translations of the SMTP catalogue's docs; absent: the catalogue's own English. */
  readonly catalog?: CatalogTexts;
  /** One-line doc of each diagnostic code (the settings' descriptions). */
  readonly codeDocs: Readonly<Record<ProblemCode, string>>;
  /** The description of a code's severity setting (package.nls.<language>.json, written by scripts/sync-settings.mjs). */
  readonly severitySetting: (code: ProblemCode, source: string, severity: string, doc: string) => string;
  /** Units of `formatSize`: bytes (by plural category, short and spelt out), kilobytes, megabytes. */
  readonly sizeUnits: { readonly byteShort: string; readonly bytes: PluralForms; readonly kilobytes: string; readonly megabytes: string };
  /** Writes a number (already in Western digits) in the language's digits. */
  readonly digits: (text: string) => string;
  /** The command line's help and its own lines (not the diagnostics). */
  readonly cli: CliTexts;
  /** The replay's notes in the live transcript and its reasons for stopping (src/send/replay.ts). */
  readonly replay: ReplayTexts;
}

const ENGLISH: CoreBundle = {
  language: 'en',
  aliases: ['eng'],
  dir: 'ltr',
  messages: ENGLISH_MESSAGES,
  details: ENGLISH_DETAILS,
  transcriptMessages: ENGLISH_TRANSCRIPT_MESSAGES,
  transcriptLabels: ENGLISH_TRANSCRIPT_LABELS,
  auth: ENGLISH_AUTH_MESSAGES,
  html: ENGLISH_HTML_MESSAGES,
  preview: ENGLISH_PREVIEW_LABELS,
  codeDocs: Object.fromEntries(ALL_CODES.map((code) => [code, CODES[code].doc])) as Record<ProblemCode, string>,
  severitySetting: (code, source, severity, doc) => `Severity of \`${code}\` (${source}; default: ${severity}). ${doc}`,
  sizeUnits: { byteShort: 'B', bytes: { one: 'byte', other: 'bytes' }, kilobytes: 'KB', megabytes: 'MB' },
  digits: (text) => text,
  cli: ENGLISH_CLI_TEXTS,
  replay: ENGLISH_REPLAY_TEXTS,
};

/**
 * The registered bundles, English (the fallback) first: a new language is one
 * file in ./locales/ exporting its `CoreBundle`, and one more entry here.
 */
const BUNDLES = { en: ENGLISH, fa: PERSIAN } as const;

/** The languages the product speaks. */
export type Language = keyof typeof BUNDLES;

/** Every supported language, English (the fallback) first. */
export const LANGUAGES: readonly Language[] = Object.keys(BUNDLES) as Language[];

/**
 * The supported language of a BCP 47 tag, POSIX locale or VS Code locale (`fa`,
 * `fa-IR`, `fa_IR.UTF-8`, `FA`, `fas` → `fa`); anything else, or nothing, is English.
 */
export function resolveLanguage(locale: string | undefined | null): Language {
  if (!locale) return 'en';
  const primary = String(locale).trim().toLowerCase().split(/[-_.@]/)[0];
  for (const language of LANGUAGES) if (language === primary || BUNDLES[language].aliases.includes(primary)) return language;
  return 'en';
}

/** The bundle of a locale (English when the language is not registered). */
export function bundleFor(locale: string | undefined | null): CoreBundle {
  return BUNDLES[resolveLanguage(locale)];
}

/** Every registered bundle, English first (tests walk them all). */
export function allBundles(): CoreBundle[] {
  return LANGUAGES.map((l) => BUNDLES[l]);
}

/**
 * A byte count for people in the bundle's language: `812 B`, `14.2 KB`, `3.1 MB`
 * (Persian: `۱۴٫۲ کیلوبایت`). `spelt` writes small counts with the word
 * (`1 byte`, `39 bytes`), as the preview does; hovers and the outline use the short unit.
 */
export function formatSize(bytes: number, bundle: CoreBundle = ENGLISH, spelt = false): string {
  const u = bundle.sizeUnits;
  const small = spelt ? plural(bundle.language, bytes, u.bytes) : u.byteShort;
  const text = bytes < 1024 ? `${bytes} ${small}` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} ${u.kilobytes}` : `${(bytes / (1024 * 1024)).toFixed(1)} ${u.megabytes}`;
  return bundle.digits(text);
}

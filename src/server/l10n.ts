/**
 * The server's locale bundles: the core's bundle of a language (../mail/i18n.ts,
 * whose comment describes the shape) plus the words of the editor features
 * (hover, completion, outline, code-action titles). The server picks one per
 * request from the client's locale and hands it to every feature as
 * `FeatureContext.l10n`; no feature reads a language anywhere else.
 */
import { allBundles, bundleFor, type CoreBundle, type Language } from '../mail/i18n';
import { ENGLISH_AUTH_TEXTS, type AuthTexts } from './eml/authTexts';
import { ENGLISH_HTML_TEXTS, type HtmlTexts } from './eml/htmlFeatures';
import { ENGLISH_EML_TEXTS, type EmlTexts } from './eml/texts';
import { ENGLISH_FIX_ALL_TEXTS, type FixAllTexts } from './fixAll';
import { PERSIAN_SERVER } from './locales/fa';

/** Every text of the server in one language. */
export interface ServerBundle extends CoreBundle {
  /** `.eml` hover, completion, outline and quick-fix texts. */
  readonly eml: EmlTexts;
  /** DKIM/ARC hovers, outline and code lenses. */
  readonly authFeatures: AuthTexts;
  /** HTML support hovers and fixes. */
  readonly htmlFeatures: HtmlTexts;
  /** "Fix all" action titles. */
  readonly fixAll: FixAllTexts;
}

const ENGLISH_SERVER: ServerBundle = {
  ...bundleFor('en'),
  eml: ENGLISH_EML_TEXTS,
  authFeatures: ENGLISH_AUTH_TEXTS,
  htmlFeatures: ENGLISH_HTML_TEXTS,
  fixAll: ENGLISH_FIX_ALL_TEXTS,
};

/**
 * The registered server bundles, English first: a new language is one file in
 * ./locales/ exporting its `ServerBundle` (its core bundle plus the features'
 * tables), and one more entry here; a language the core registers needs its
 * entry (the compiler insists).
 */
const SERVER_BUNDLES: Readonly<Record<Language, ServerBundle>> = { en: ENGLISH_SERVER, fa: PERSIAN_SERVER };

/** The server bundle of a locale (`fa-IR`, `fas` → Persian; unknown → English), the same reading as the core's. */
export function serverBundleFor(locale: string | undefined | null): ServerBundle {
  return SERVER_BUNDLES[bundleFor(locale).language];
}

/** Every server bundle, English first (tests walk them all). */
export function allServerBundles(): ServerBundle[] {
  return allBundles().map((core) => SERVER_BUNDLES[core.language]);
}

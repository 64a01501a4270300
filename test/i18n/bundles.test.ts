/**
 * Every text of every locale bundle, walked key by key: each diagnostic code's
 * messages, each parser detail key, the transcript, DKIM/ARC and HTML texts, the
 * code docs, the preview's words and the editor features' texts (hover,
 * completion, outline, fixes). Every text renders; the English ones hold no
 * right-to-left letters; the Persian ones hold no Latin word outside protocol
 * tokens (`ltr()` isolates) and quoted user text (test/helpers/englishWords.ts
 * has the rules). A message that takes a parser's reason gets a detail key whose
 * English text is plain English, so a table that renders the reason in English
 * inside a Persian message fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRtl } from '../../src/mail/bidi';
import { ALL_CODES } from '../../src/mail/codes';
import { allBundles, bundleFor, formatSize, LANGUAGES, plural, resolveLanguage } from '../../src/mail/i18n';
import { validateMessage } from '../../src/mail/message/validate';
import { allServerBundles, serverBundleFor } from '../../src/server/l10n';
import { documentForms, englishWords } from '../helpers/englishWords';

/** The user's own text in every argument: two letters, so it is never taken for an English word by itself. */
const USER = 'Xq';
/** A parser's reason whose English text is prose ("the domain after "@" is missing"). */
const DETAIL = ['domain-missing'];
/** Argument values tried in order at each position until the text renders cleanly. */
const CANDIDATES: unknown[] = [USER, 7, DETAIL, [USER], 'swaks', [250, 251], 'pass'];
/** Arguments no generic candidate fits (objects with named fields). */
const SPECIAL: Record<string, unknown[]> = {
  clientSupport: [{ title: USER, slug: USER }, [USER], [{ clients: [USER], notes: [USER] }]],
  htmlClientsUnknown: [[USER], USER],
};
/**
 * Texts that are code or names in every language (snippets, a web address, the
 * UTC abbreviation). Anything else in Latin script belongs in an `ltr()`
 * isolate (a token, a product's name, the English term a translation glosses)
 * or is an acronym in capitals.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['snippetFrom', 'snippetTo', 'tls', 'dateUtc', 'seeFeature']);

const rendersCleanly = (text: unknown): text is string =>
  typeof text === 'string' && text.trim() !== '' && !/undefined|NaN|\[object /.test(text);

/** Calls `fn` with the first combination of candidate arguments that renders cleanly. */
function probe(name: string, fn: (...args: unknown[]) => unknown): string {
  if (SPECIAL[name]) return String(fn(...SPECIAL[name]));
  const arity = fn.length;
  const combos = (n: number): unknown[][] => (n === 0 ? [[]] : combos(n - 1).flatMap((c) => CANDIDATES.map((v) => [...c, v])));
  for (const args of combos(arity)) {
    try {
      const text = fn(...args);
      if (rendersCleanly(text)) return text;
    } catch {
      // Not the argument types this text takes: try the next combination.
    }
  }
  throw new Error(`${name}: no candidate arguments render it`);
}

/** Every text of a table (strings, functions, nested records), as [path, text]. */
function walk(value: unknown, path: string, out: Array<[string, string]>): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') out.push([path, probe(path.split('.').pop()!, value as (...a: unknown[]) => unknown)]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, out);
  return out;
}

/** The translatable parts of a bundle (not its language tag, aliases or direction). */
function textsOf(bundle: object): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(bundle)) {
    if (key === 'language' || key === 'aliases' || key === 'dir' || key === 'digits') continue;
    walk(value, key, out);
  }
  return out;
}

test('the walk reaches every code, every detail key and every table of every bundle', () => {
  const bundles = allServerBundles();
  assert.deepEqual(bundles.map((b) => b.language), [...LANGUAGES]);
  for (const bundle of bundles) {
    const paths = new Set(textsOf(bundle).map(([p]) => p));
    for (const code of ALL_CODES) assert.ok(paths.has(`codeDocs.${code}`), `${bundle.language}: code ${code} has no doc`);
    for (const key of Object.keys(bundleFor('en').details)) assert.ok(paths.has(`details.${key}`), `${bundle.language}: detail ${key}`);
    for (const table of ['messages', 'transcriptMessages', 'transcriptLabels', 'auth', 'html', 'preview', 'eml', 'authFeatures', 'htmlFeatures', 'fixAll', 'sizeUnits', 'severitySetting', 'cli', 'replay']) {
      assert.ok([...paths].some((p) => p.startsWith(`${table}.`) || p === table), `${bundle.language}: ${table} not walked`);
    }
    assert.ok(paths.size > 500, `${bundle.language}: only ${paths.size} texts`);
  }
});

test('every bundle has the keys of the English one (and no others)', () => {
  // English keeps the SMTP catalogue's and the field table's own docs (their translations have parity tests of
  // their own); plural forms are the categories each language has.
  const keyed = (bundle: object) => new Set(textsOf(bundle).map(([p]) => p).filter((p) => !p.startsWith('catalog.') && !p.startsWith('eml.fieldDocs.') && !p.startsWith('sizeUnits.bytes.')));
  const english = keyed(serverBundleFor('en'));
  for (const bundle of allServerBundles()) {
    const own = keyed(bundle);
    assert.deepEqual([...english].filter((p) => !own.has(p)), [], `${bundle.language}: missing`);
    assert.deepEqual([...own].filter((p) => !english.has(p)), [], `${bundle.language}: extra`);
  }
});

test('English texts render and hold no right-to-left letters', () => {
  for (const [path, text] of textsOf(serverBundleFor('en'))) assert.ok(!hasRtl(text), `${path}: ${text}`);
});

test('Persian texts hold no Latin word outside protocol tokens and quoted user text', () => {
  const forms = documentForms(`${USER} 7 swaks 250 251 pass`);
  const findings: string[] = [];
  for (const bundle of allServerBundles().filter((b) => b.dir === 'rtl')) {
    for (const [path, text] of textsOf(bundle)) {
      if (SAME_IN_EVERY_LANGUAGE.has(path.split('.').pop()!)) continue;
      // Protocol tokens written bare, as Persian technical prose does: acronyms and keywords in capitals (SMTP, TLS, SASL, SHOULD).
      const words = englishWords(text, forms).filter((w) => !/^[A-Z][A-Z0-9]+$/.test(w));
      if (words.length) findings.push(`${bundle.language} ${path}: ${text} [${words.join(' ')}]`);
    }
  }
  assert.deepEqual(findings, []);
});

test('the walk itself fails on an English reason inside a Persian message', () => {
  const forms = documentForms(USER);
  const leaky = (detail: string[]) => `صندوق پستی نامعتبر: \u2068${bundleFor('en').details[detail[0] as 'domain-missing']()}\u2069`;
  assert.deepEqual(englishWords(leaky(DETAIL), forms), ['the', 'domain', 'after', 'missing']);
});

test('one reading of a locale for the core and the server: fa, fa-IR, fas, per are Persian everywhere', () => {
  for (const locale of ['fa', 'fa-IR', 'fa_IR.UTF-8', 'fas', 'per', 'FA']) {
    assert.equal(resolveLanguage(locale), 'fa', locale);
    assert.equal(serverBundleFor(locale).language, 'fa', locale);
    assert.equal(serverBundleFor(locale).authFeatures, serverBundleFor('fa').authFeatures, locale);
  }
  for (const locale of ['en', 'en-US', 'de', 'far', 'C', '', undefined]) assert.equal(serverBundleFor(locale).language, 'en', String(locale));
  assert.deepEqual(allBundles().map((b) => b.language), ['en', 'fa']);
});

test('a validator writes with the bundle it is given, English without one', () => {
  const text = 'From: a@example.org\r\nDate: Mon, 2 Jan 2006 15:04:05 +0000\r\nTo: b@example.org\r\nMessage-ID: <1@example.org>\r\n\r\nhi\r\n';
  const missingSubject = (l10n?: ReturnType<typeof bundleFor>) => validateMessage(text, { l10n }).find((p) => p.code === 'missing-subject')!.message;
  assert.equal(missingSubject(bundleFor('fa')), bundleFor('fa').messages['missing-subject']());
  assert.equal(missingSubject(), bundleFor('en').messages['missing-subject']());
});

test('plurals: CLDR categories per language', () => {
  const forms = { one: 'line', other: 'lines' };
  assert.deepEqual([0, 1, 2, 21].map((n) => plural('en', n, forms)), ['lines', 'line', 'lines', 'lines']);
  // Persian: "one" for 0 and 1 in CLDR; the tables write one form anyway.
  assert.equal(plural('fa', 5, { other: 'خط' }), 'خط');
  assert.equal(plural('en', 1, { other: 'x' }), 'x', 'a missing category falls back to other');
});

test('plurals: a count of one reads as one in English texts (these said "1 lines", "1 more parts", "1 octets")', () => {
  const en = serverBundleFor('en');
  assert.equal(en.transcriptLabels.octets(1, 1), '1 octet, 1 line');
  assert.equal(en.transcriptLabels.octets(2, 3), '2 octets, 3 lines');
  assert.equal(en.eml.outlinePartsLeftOut(1), '(1 more part not listed)');
  assert.equal(en.eml.outlinePartsLeftOut(4), '(4 more parts not listed)');
  assert.match(en.authFeatures.bodyLength(1), /^the first 1 octet \(l=\)/);
  assert.match(en.transcriptMessages.problemsLeftOut(1, 50, 'x: 1'), /^\(1 more problem left out/);
  // Kept as they were.
  assert.equal(en.eml.partChildren(1), '1 child part');
  assert.equal(en.eml.partChildren(2), '2 child parts');
  assert.equal(en.transcriptLabels.extensions(1), '1 extension');
});

test('formatSize: one function for hovers, outline and preview, in the language of the bundle', () => {
  assert.equal(formatSize(812), '812 B');
  assert.equal(formatSize(14540, bundleFor('en')), '14.2 KB');
  assert.equal(formatSize(3.1 * 1024 * 1024, bundleFor('en')), '3.1 MB');
  assert.equal(formatSize(14540, bundleFor('fa')), '۱۴٫۲ کیلوبایت');
  assert.equal(formatSize(5, bundleFor('fa')), '۵ بایت');
  // The preview spells small counts out, by plural category (it said "1 bytes").
  assert.equal(formatSize(39, bundleFor('en'), true), '39 bytes');
  assert.equal(formatSize(1, bundleFor('en'), true), '1 byte');
  assert.equal(formatSize(14540, bundleFor('en'), true), '14.2 KB');
  assert.equal(formatSize(39, bundleFor('fa'), true), '۳۹ بایت');
});

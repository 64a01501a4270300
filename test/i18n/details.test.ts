/**
 * The parsers' detail tables (why an address, a date, a parameter... is
 * malformed): English and Persian have the same keys, the Persian texts are
 * Persian, every key a diagnostic can carry is reached by a sample message, and
 * the validator puts the detail of the active language into its message (the
 * English one unchanged, the Persian one in Persian diagnostics and hovers).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FSI, hasRtl, LRI, PDI } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { ENGLISH_DETAILS, renderDetail, type Detail, type DetailKey } from '../../src/mail/message/messages';
import { PERSIAN_DETAILS } from '../../src/mail/locales/fa';
import { validateMessage } from '../../src/mail/message/validate';
import { emlHover } from '../../src/server/eml/hover';
import { featureContext, positionOf } from '../server/eml/util';
import { DETAIL_SAMPLES, NOT_IN_DIAGNOSTICS, sampleMessage } from './emlDetailSamples';
import { serverBundleFor } from '../../src/server/l10n';

const KEYS = Object.keys(ENGLISH_DETAILS) as DetailKey[];

/** Plausible arguments for a detail key: a token for strings, 7 for numbers. */
function sampleArguments(key: DetailKey): Detail {
  const fn = ENGLISH_DETAILS[key] as (...a: unknown[]) => string;
  const numeric = /\b(?:length|code|year|day|index)\b/;
  const names = /^\(([^)]*)\)/.exec(fn.toString())?.[1].split(',').map((n) => n.trim()).filter(Boolean) ?? [];
  return [key, ...names.map((n) => (numeric.test(n) ? 7 : 'Xq'))] as unknown as Detail;
}

test('detail tables: the same keys in English and Persian', () => {
  const en = new Set(Object.keys(ENGLISH_DETAILS));
  const fa = new Set(Object.keys(PERSIAN_DETAILS));
  assert.deepEqual([...en].filter((k) => !fa.has(k)), [], 'English detail keys without a Persian text');
  assert.deepEqual([...fa].filter((k) => !en.has(k)), [], 'Persian detail keys without an English text');
  assert.ok(en.size >= 60, `only ${en.size} detail keys`);
});

test('detail tables: every Persian text holds Persian letters, differs from the English one, and closes its isolates', () => {
  for (const key of KEYS) {
    const args = sampleArguments(key);
    const english = renderDetail(ENGLISH_DETAILS, args);
    const persian = renderDetail(PERSIAN_DETAILS, args);
    assert.ok(hasRtl(persian), `${key} is not Persian: ${persian}`);
    assert.notEqual(persian, english, `${key} is untranslated`);
    assert.ok(!hasRtl(english), `${key}: the English text holds right-to-left letters`);
    let depth = 0;
    for (const ch of persian) {
      if (ch === LRI || ch === FSI || ch === '\u2067') depth++;
      else if (ch === PDI) depth--;
      assert.ok(depth >= 0, `${key}: PDI before its opener in ${persian}`);
    }
    assert.equal(depth, 0, `${key}: unclosed isolate in ${persian}`);
    // Arguments are shown, and only inside isolates: the user's token (Xq) or the number.
    const outside = persian.replace(/[\u2066\u2067\u2068][^\u2069]*\u2069/g, '');
    for (const arg of args.slice(1)) {
      assert.ok(persian.includes(String(arg)), `${key}: argument ${arg} not shown in ${persian}`);
      assert.ok(!outside.includes(String(arg)), `${key}: argument ${arg} outside an isolate in ${persian}`);
    }
  }
});

test('every detail key a diagnostic can carry has a sample message, and only known keys are sampled', () => {
  const sampled = new Set(DETAIL_SAMPLES.map((s) => s.detail[0]));
  for (const key of sampled) assert.ok(key in ENGLISH_DETAILS, `sample for unknown key ${key}`);
  // Transcript detail keys (smtp-, expect-, credential-) have their samples in ./transcriptDetails.test.ts.
  const missing = KEYS.filter((k) => !sampled.has(k) && !(k in NOT_IN_DIAGNOSTICS) && !/^(smtp|expect|credential)-/.test(k));
  assert.deepEqual(missing, [], 'detail keys without a sample');
  for (const key of Object.keys(NOT_IN_DIAGNOSTICS)) assert.ok(!sampled.has(key) && key in ENGLISH_DETAILS, key);
});

for (const sample of DETAIL_SAMPLES) {
  const detail = sample.detail as unknown as Detail;
  test(`sample ${JSON.stringify(sample.detail)}: English message carries the English detail, Persian the Persian one`, () => {
    const english = renderDetail(ENGLISH_DETAILS, detail);
    const persian = renderDetail(PERSIAN_DETAILS, detail);
    const en = validateMessage(sample.text);
    const fa = validateMessage(sample.text, { l10n: bundleFor('fa') });
    const hit = en.findIndex((p) => p.message.includes(english));
    assert.ok(hit >= 0, `no English problem says "${english}":\n${en.map((p) => `${p.code}: ${p.message}`).join('\n')}`);
    // Same problem list in both languages; the Persian twin of that problem has the Persian detail.
    assert.deepEqual(fa.map((p) => [p.code, p.offset, p.length]), en.map((p) => [p.code, p.offset, p.length]));
    assert.ok(fa[hit].message.includes(persian), `${fa[hit].code}: ${fa[hit].message} lacks ${persian}`);
    // (A phrase: a one-token detail such as DEL or "*" is the same token in both languages.)
    if (english.includes(' ')) assert.ok(!fa[hit].message.includes(english), `${fa[hit].code}: English detail in ${fa[hit].message}`);
  });
}

test('English messages keep their wording (the detail is rendered in place)', () => {
  const [p] = validateMessage(sampleMessage(['Cc: John Smith@example.ir'])).filter((x) => x.code === 'address-syntax');
  assert.equal(p.message, 'Not a valid address: "Smith" is not allowed before "@" (missing quotes or a comma?).');
  const [d] = validateMessage(sampleMessage(['Resent-Date: 31 Feb 2026 10:00:00 +0000'])).filter((x) => x.code === 'date-syntax');
  assert.equal(d.message, 'Not a valid date: Feb 2026 has no day 31. Expected a form like "Mon, 2 Jan 2006 15:04:05 +0000".');
  const [b] = validateMessage(sampleMessage(['Content-Type: text/plain', 'Content-Transfer-Encoding: base64'], 'QUJD\x01RA==\r\n')).filter((x) => x.code === 'base64-invalid');
  assert.equal(b.message, 'The control character 1 is not a base64 character.');
});

test('a detail is rendered with the details of the bundle at hand (English by default, Persian for fa-IR)', () => {
  const detail: Detail = ['zone-invalid', '+01'];
  assert.equal(renderDetail(bundleFor(undefined).details, detail), ENGLISH_DETAILS['zone-invalid']('+01'));
  assert.equal(renderDetail(bundleFor('fa-IR').details, detail), PERSIAN_DETAILS['zone-invalid']('+01'));
  assert.equal(renderDetail(bundleFor('en').details, detail), ENGLISH_DETAILS['zone-invalid']('+01'));
});

test('Persian hovers give the reason in Persian: a malformed encoded word (hover-only detail) and a bad date', () => {
  // A candidate of over 1000 characters is not decoded (tokens.ts): the hover calls it malformed.
  const text = sampleMessage(['Comments: =?utf-8?x?abc?=', `Keywords: =?utf-8?q?${'a'.repeat(1000)}?=`, 'Resent-Date: 1 Jan 2026 10:00:00 +01']);
  const ctx = { ...featureContext(text), locale: 'fa', l10n: serverBundleFor('fa') };
  const hover = (needle: string): string => {
    const h = emlHover(ctx, positionOf(text, needle, 3));
    assert.ok(h, `a hover at ${needle}`);
    return (h.contents as { value: string }).value;
  };
  const word = hover('=?utf-8?x?');
  assert.ok(word.includes(PERSIAN_DETAILS['word-encoding-unknown']('x')), word);
  assert.ok(!word.includes(ENGLISH_DETAILS['word-encoding-unknown']('x')), word);
  const candidate = hover('=?utf-8?q?a');
  assert.ok(candidate.includes(PERSIAN_DETAILS['word-malformed']()), candidate);
  const date = hover('1 Jan 2026');
  assert.ok(date.includes(PERSIAN_DETAILS['zone-invalid']('+01')), date);
  // The same hovers in English keep the English reasons.
  const english = emlHover(featureContext(text), positionOf(text, '=?utf-8?q?a', 3));
  assert.ok((english?.contents as { value: string }).value.includes(ENGLISH_DETAILS['word-malformed']()));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLanguage } from '../../../src/mail/i18n';
import { ENGLISH_EML_TEXTS, textsFor } from '../../../src/server/eml/texts';
import { PERSIAN_EML_TEXTS } from '../../../src/server/eml/texts.fa';

/**
 * The editor texts read a locale exactly as the core's message tables do: before,
 * `fas` and `per` (ISO 639-2 codes for Persian) gave Persian diagnostics but
 * English hovers and quick fixes.
 */
test('textsFor reads a locale as resolveLanguage does', () => {
  for (const locale of ['fa', 'fa-IR', 'fa_IR', 'FA', 'fas', 'per', 'en', 'en-US', 'de', '', undefined]) {
    const expected = resolveLanguage(locale) === 'fa' ? PERSIAN_EML_TEXTS : ENGLISH_EML_TEXTS;
    assert.equal(textsFor(locale), expected, String(locale));
  }
  assert.equal(textsFor('fas'), PERSIAN_EML_TEXTS);
});

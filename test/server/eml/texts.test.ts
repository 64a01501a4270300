import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveLanguage } from '../../../src/mail/i18n';
import { ENGLISH_EML_TEXTS } from '../../../src/server/eml/texts';
import { serverBundleFor } from '../../../src/server/l10n';
import { PERSIAN_EML_TEXTS } from '../../../src/server/locales/fa';

/**
 * The editor texts read a locale exactly as the core's message tables do: before,
 * `fas` and `per` (ISO 639-2 codes for Persian) gave Persian diagnostics but
 * English hovers and quick fixes.
 */
test('the server bundle\'s eml texts read a locale as resolveLanguage does', () => {
  for (const locale of ['fa', 'fa-IR', 'fa_IR', 'FA', 'fas', 'per', 'en', 'en-US', 'de', '', undefined]) {
    const expected = resolveLanguage(locale) === 'fa' ? PERSIAN_EML_TEXTS : ENGLISH_EML_TEXTS;
    assert.equal(serverBundleFor(locale).eml, expected, String(locale));
  }
  assert.equal(serverBundleFor('fas').eml, PERSIAN_EML_TEXTS);
});

/**
 * No English inside Persian `eml` diagnostics: validates malformed messages
 * (one per parser detail, see ./emlDetailSamples.ts) and every message of the
 * shared corpus with the Persian tables, and looks for English words (3+ Latin
 * letters) in each message outside
 *  - left-to-right isolates (LRI … PDI, `ltr()`): technical tokens such as
 *    field names, `@`, `+hhmm`, numbers. A run of three or more words in one
 *    isolate is prose, not a token, and is examined (unless the document holds
 *    it: a boundary may be words);
 *  - first-strong isolates (FSI … PDI, `iso()`/`q()`): the user's own text, but
 *    only when the isolated text really is in the document (compared without
 *    case and white-space differences, encoded words decoded). An isolated
 *    English phrase the document does not hold is the program's own text and
 *    is examined like the rest;
 * and outside the few technical words Persian writers keep in Latin script
 * (ALLOWED below).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FSI, hasRtl, LRI, PDI, stripBidi } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { validateMessage } from '../../src/mail/message/validate';
import { CORPUS_ROOT, listCorpusFiles } from '../helpers/corpus';
import { documentForms, englishWords } from '../helpers/englishWords';
import { DETAIL_SAMPLES } from './emlDetailSamples';

/** Validates `text` in Persian and returns "code: message [english words]" for every message that has English words. */
function englishInPersian(text: string): { findings: string[]; messages: number } {
  const forms = documentForms(text);
  const problems = validateMessage(text, { l10n: bundleFor('fa') });
  const findings: string[] = [];
  let messages = 0;
  for (const p of problems) {
    for (const message of [p.message, ...(p.related ?? []).map((r) => r.message)]) {
      messages++;
      assert.ok(hasRtl(message), `${p.code}: not Persian: ${message}`);
      const words = englishWords(message, forms);
      if (words.length) findings.push(`${p.code}: ${stripBidi(message)} [${words.join(' ')}]`);
    }
  }
  return { findings, messages };
}

test('the check itself: finds English prose (bare, in an isolate the document does not hold, or as a long ltr run), passes the user text and tokens', () => {
  const forms = documentForms('To: Hello World <hello@example.ir>\r\nX-Note: =?utf-8?q?caf=C3=A9_society?=\r\n');
  // The program's own English: bare, isolated as if it were user text, or disguised as a token.
  assert.deepEqual(englishWords(`نشانی معتبر نیست: the address is empty.`, forms), ['the', 'address', 'empty']);
  assert.deepEqual(englishWords(`نشانی معتبر نیست: ${FSI}expected @ after the local part${PDI}.`, forms), ['expected', 'after', 'the', 'local', 'part']);
  assert.deepEqual(englishWords(`نشانی: ${LRI}there is no domain here${PDI}`, forms), ['there', 'domain', 'here']);
  // The user's text (case and folding aside, decoded encoded words too), tokens and the allowed acronyms pass.
  assert.deepEqual(englishWords(`گروه «${FSI}hello world${PDI}» و «${FSI}café society${PDI}» با ${LRI}Content-Type${PDI} و ${LRI}Mon, Tue, ...${PDI} در RFC 5322 و ASCII.`, forms), []);
  // A word next to the allowed ones is still found; an unclosed isolate fails.
  assert.deepEqual(englishWords('RFC و MIME و base', forms), ['base']);
  assert.throws(() => englishWords(`${LRI}open`, forms), /unclosed isolate/);
});

test('Persian diagnostics of one malformed message per parser detail hold no English words', () => {
  const findings: string[] = [];
  let messages = 0;
  for (const sample of DETAIL_SAMPLES) {
    const r = englishInPersian(sample.text);
    messages += r.messages;
    findings.push(...r.findings.map((f) => `${JSON.stringify(sample.detail)} ${f}`));
  }
  assert.ok(messages >= DETAIL_SAMPLES.length, `only ${messages} messages for ${DETAIL_SAMPLES.length} samples`);
  assert.deepEqual(findings, []);
});

test('Persian diagnostics of the shared eml corpus hold no English words', () => {
  const files = listCorpusFiles(join(CORPUS_ROOT, 'eml'), (name) => /\.(eml|txt|raw|msg)$/.test(name) && !/^(README|ARTISTIC-LICENSE)\.txt$/.test(name));
  assert.ok(files.length >= 300, `corpus missing? ${files.length} files under ${CORPUS_ROOT}`);
  const findings: string[] = [];
  const codes = new Map<string, number>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const r = englishInPersian(text);
    findings.push(...r.findings.map((f) => `${file.slice(CORPUS_ROOT.length + 1)} ${f}`));
    for (const p of validateMessage(text, { l10n: bundleFor('fa') })) codes.set(p.code, (codes.get(p.code) ?? 0) + 1);
  }
  // The corpus does exercise the parsers whose details were English (so this is not an empty check).
  for (const code of ['address-syntax', 'date-syntax', 'parameter-syntax', 'content-type-syntax', 'encoded-word-invalid', 'base64-invalid']) {
    assert.ok((codes.get(code) ?? 0) > 0, `the corpus gives no ${code}`);
  }
  assert.deepEqual(findings.slice(0, 40), [], `${findings.length} Persian messages with English words`);
});

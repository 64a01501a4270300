/**
 * Every English text table has a Persian twin with exactly the same keys (both
 * ways), Persian texts really are Persian, and the left-to-right runs they embed
 * (addresses, codes, header names) sit inside Unicode isolates.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasRtl, LRI, PDI, FSI, stripBidi } from '../../src/mail/bidi';
import { bundleFor, resolveLanguage } from '../../src/mail/i18n';
import { FIELD_CATALOG } from '../../src/mail/message/fieldCatalog';
import { PERSIAN_FIELD_DOCS, PERSIAN_MESSAGES, PERSIAN_CATALOG, PERSIAN_TRANSCRIPT_LABELS, PERSIAN_TRANSCRIPT_MESSAGES } from '../../src/mail/locales/fa';
import { PERSIAN_EML_TEXTS } from '../../src/server/locales/fa';
import { ENGLISH_MESSAGES } from '../../src/mail/message/messages';
import { validateMessage } from '../../src/mail/message/validate';
import * as catalog from '../../src/mail/transcript/catalog';
import { ENGLISH_TRANSCRIPT_LABELS, ENGLISH_TRANSCRIPT_MESSAGES } from '../../src/mail/transcript/messages';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { ENGLISH_EML_TEXTS } from '../../src/server/eml/texts';
import { serverBundleFor } from '../../src/server/l10n';

/** Asserts both tables have the same keys, naming the ones missing on either side. */
function assertParity(name: string, en: object, fa: object): void {
  const e = new Set(Object.keys(en));
  const f = new Set(Object.keys(fa));
  const missingFa = [...e].filter((k) => !f.has(k));
  const missingEn = [...f].filter((k) => !e.has(k));
  assert.deepEqual(missingFa, [], `${name}: English keys without a Persian entry`);
  assert.deepEqual(missingEn, [], `${name}: Persian keys without an English entry`);
  assert.ok(e.size > 0, `${name}: empty table`);
}

/** Messages whose argument is a parser's detail (a key of the detail tables, not a text). */
const DETAIL_ARGUMENT = new Set(['address-syntax', 'date-syntax', 'message-id-syntax', 'encoded-word-invalid', 'content-type-syntax', 'parameter-syntax', 'header-name-invalid', 'boundary-invalid-char', 'base64-invalid-char', 'content-disposition-syntax', 'list-unsubscribe-syntax']);

/** Transcript messages whose arguments include a detail key (what an argument should be, why a path is bad). */
const TRANSCRIPT_DETAIL_ARGUMENT: Record<string, unknown[]> = {
  missingArgument: ['EHLO', ['expect-client-domain']],
  mailboxSyntax: [['smtp-local-char', 'X-Example']],
  parameterValue: ['SIZE', ['expect-size']],
  credentialsLogin: [['credential-password']],
  credentialsClearLogin: [['credential-user']],
};

/** Calls every function of a table with plausible arguments and returns the texts. */
function render(table: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(table)) {
    if (typeof value === 'string') out.push([key, value]);
    else if (typeof value === 'function') {
      const args = Array.from({ length: value.length }, (_, i) => (i === 0 ? 'X-Example' : 7));
      // replyUnexpected takes an array of codes; DIALECT names take a dialect id.
      const fixed = key === 'replyUnexpected' ? [550, 'RCPT', [250, 251]] : key === 'convertAction' ? ['swaks'] : DETAIL_ARGUMENT.has(key) ? [['local-char', 'X-Example']] : TRANSCRIPT_DETAIL_ARGUMENT[key] ?? args;
      out.push([key, String((value as (...a: unknown[]) => unknown)(...fixed))]);
    }
  }
  return out;
}

const PAIRS: Array<[string, object, object]> = [
  ['eml messages', ENGLISH_MESSAGES, PERSIAN_MESSAGES],
  ['transcript messages', ENGLISH_TRANSCRIPT_MESSAGES, PERSIAN_TRANSCRIPT_MESSAGES],
  ['transcript labels', ENGLISH_TRANSCRIPT_LABELS, PERSIAN_TRANSCRIPT_LABELS],
  ['eml editor texts', ENGLISH_EML_TEXTS, PERSIAN_EML_TEXTS],
  ['field docs', Object.fromEntries(FIELD_CATALOG.map((f) => [f.name.toLowerCase(), f.doc])), PERSIAN_FIELD_DOCS],
  ['commands', catalog.COMMANDS, PERSIAN_CATALOG.commands],
  ['reply codes', catalog.REPLY_CODES, PERSIAN_CATALOG.replyCodes],
  ['reply first digit', catalog.REPLY_FIRST_DIGIT, PERSIAN_CATALOG.firstDigit],
  ['reply second digit', catalog.REPLY_SECOND_DIGIT, PERSIAN_CATALOG.secondDigit],
  ['enhanced class', catalog.ENHANCED_CLASS, PERSIAN_CATALOG.enhancedClass],
  ['enhanced subject', catalog.ENHANCED_SUBJECT, PERSIAN_CATALOG.enhancedSubject],
  ['enhanced detail', catalog.ENHANCED_DETAIL, PERSIAN_CATALOG.enhancedDetail],
  ['EHLO keywords', catalog.EXTENSIONS, PERSIAN_CATALOG.extensions],
  ['MAIL/RCPT parameters', catalog.PARAMETERS, PERSIAN_CATALOG.parameters],
  ['SASL mechanisms', catalog.SASL_MECHANISMS, PERSIAN_CATALOG.sasl],
];

for (const [name, en, fa] of PAIRS) {
  test(`parity: ${name} (en <-> fa)`, () => assertParity(name, en, fa));
}

test('parity check itself fails on a missing key either way', () => {
  assert.throws(() => assertParity('probe', { a: 1, b: 2 }, { a: 1 }), /English keys without a Persian entry/);
  assert.throws(() => assertParity('probe', { a: 1 }, { a: 1, c: 3 }), /Persian keys without an English entry/);
});

test('every Persian text is Persian (holds right-to-left letters) and differs from the English one', () => {
  const lists: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    ['eml messages', ENGLISH_MESSAGES, PERSIAN_MESSAGES],
    ['transcript messages', ENGLISH_TRANSCRIPT_MESSAGES, PERSIAN_TRANSCRIPT_MESSAGES],
    ['field docs', {}, PERSIAN_FIELD_DOCS as Record<string, unknown>],
    ['commands', {}, PERSIAN_CATALOG.commands as Record<string, unknown>],
    ['reply codes', {}, PERSIAN_CATALOG.replyCodes as Record<string, unknown>],
    ['enhanced detail', {}, PERSIAN_CATALOG.enhancedDetail as Record<string, unknown>],
  ];
  // Texts that are code or names in every language.
  const sameInEveryLanguage = new Set(['snippetFrom', 'snippetTo', 'tls', 'dateUtc']);
  for (const [name, en, fa] of lists) {
    const english = new Map(render(en));
    for (const [key, text] of render(fa)) {
      if (sameInEveryLanguage.has(key)) continue;
      assert.ok(hasRtl(text), `${name}.${key} is not Persian: ${text}`);
      assert.notEqual(text, english.get(key), `${name}.${key} is untranslated`);
    }
  }
});

test('resolveLanguage: fa, fa-IR, fa_IR, FA are Persian; anything else (or nothing) is English', () => {
  for (const l of ['fa', 'fa-IR', 'fa_IR', 'FA', 'fa-ir.UTF-8']) assert.equal(resolveLanguage(l), 'fa', l);
  for (const l of ['en', 'en-US', 'de', 'far', '', undefined, null]) assert.equal(resolveLanguage(l), 'en', String(l));
  assert.equal(serverBundleFor('fa-IR').eml, PERSIAN_EML_TEXTS);
  assert.equal(serverBundleFor('fr').eml, ENGLISH_EML_TEXTS);
});

test('a call in one language leaves the next call in another untouched (no table is global)', () => {
  const eml = 'From: a@example.ir\r\nDate: Mon, 2 Jan 2006 15:04:05 +0000\r\nTo: b@example.ir\r\n\r\nhi\r\n';
  const smtp = 'S: 220 mx ESMTP\r\nC: EHLO c.example\r\nS: 250 mx\r\nC: QUIT\r\nS: 221 bye\r\nC: NOOP\r\n';
  const subject = (l10n?: ReturnType<typeof bundleFor>) => validateMessage(eml, { l10n }).find((p) => p.code === 'missing-subject')!.message;
  const afterQuit = (l10n?: ReturnType<typeof bundleFor>) => validateTranscript(smtp, { l10n }).find((p) => p.code === 'out-of-sequence')!.message;
  assert.equal(subject(), ENGLISH_MESSAGES['missing-subject']());
  assert.deepEqual([subject(bundleFor('fa-IR')), afterQuit(bundleFor('fa-IR'))], [PERSIAN_MESSAGES['missing-subject'](), PERSIAN_TRANSCRIPT_MESSAGES.afterQuit()]);
  assert.equal(subject(), ENGLISH_MESSAGES['missing-subject'](), 'English again after a Persian call');
  assert.equal(afterQuit(bundleFor('en')), ENGLISH_TRANSCRIPT_MESSAGES.afterQuit());
});

test('validation in fa: same codes, offsets and severities as in English, Persian messages', () => {
  const eml = 'To: ali@example.ir\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\nbody\r\n';
  const en = validateMessage(eml);
  const fa = validateMessage(eml, { l10n: bundleFor('fa') });
  assert.ok(en.length >= 3);
  assert.deepEqual(fa.map((p) => [p.code, p.offset, p.length, p.severity]), en.map((p) => [p.code, p.offset, p.length, p.severity]));
  for (const p of fa) assert.ok(hasRtl(p.message), `${p.code}: ${p.message}`);
  const smtp = 'S: 220 mx.example.ir ESMTP\r\nC: EHLO client.example.ir\r\nS: 250 mx.example.ir\r\nC: RCPT TO:<ali@example.ir>\r\nS: 550 5.1.1 no such user\r\n';
  const ten = validateTranscript(smtp);
  const tfa = validateTranscript(smtp, { l10n: bundleFor('fa') });
  assert.ok(ten.length >= 1);
  assert.deepEqual(tfa.map((p) => [p.code, p.offset, p.length]), ten.map((p) => [p.code, p.offset, p.length]));
  for (const p of tfa) assert.ok(hasRtl(p.message), `${p.code}: ${p.message}`);
});

test('bidi: Persian messages keep addresses, codes and header names inside isolates', () => {
  const isolated = (text: string, run: string) => text.includes(`${LRI}${run}${PDI}`) || text.includes(`${FSI}${run}${PDI}`);
  assert.ok(isolated(PERSIAN_MESSAGES['duplicate-header']('Subject'), 'Subject'));
  assert.ok(isolated(PERSIAN_MESSAGES['address-syntax'](['local-char', '<ali@example.ir>']), '<ali@example.ir>'));
  assert.ok(isolated(PERSIAN_MESSAGES['missing-from'](), 'From'));
  assert.ok(isolated(PERSIAN_TRANSCRIPT_MESSAGES.enhancedClassMismatch('5.1.1', 250), '5.1.1'));
  assert.ok(isolated(PERSIAN_TRANSCRIPT_MESSAGES.enhancedClassMismatch('5.1.1', 250), '250'));
  assert.ok(isolated(PERSIAN_TRANSCRIPT_LABELS.recipient('<ali@example.ir>'), '<ali@example.ir>'));
  assert.ok(isolated(PERSIAN_TRANSCRIPT_MESSAGES.outcomeRejectedAt('RCPT', '550 5.1.1 no such user'), '550 5.1.1 no such user'));
  // Every isolate is closed: as many openers as PDIs, never a PDI before its opener.
  for (const [, text] of [...render(PERSIAN_MESSAGES), ...render(PERSIAN_TRANSCRIPT_MESSAGES), ...render(PERSIAN_TRANSCRIPT_LABELS)]) {
    let depth = 0;
    for (const ch of text) {
      if (ch === LRI || ch === FSI || ch === '\u2067') depth++;
      else if (ch === PDI) { depth--; assert.ok(depth >= 0, `unbalanced PDI in ${text}`); }
    }
    assert.equal(depth, 0, `unclosed isolate in ${text}`);
  }
  // The English texts carry no bidi controls at all.
  for (const [, text] of render(ENGLISH_MESSAGES)) assert.equal(stripBidi(text), text);
});

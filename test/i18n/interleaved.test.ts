/**
 * Two requests in different languages, interleaved, each get their own
 * language: the locale bundle is passed into every call, never installed
 * globally, so nothing one call leaves behind (a cached DKIM report, a table)
 * can reach the other. Servers, validators and sends are all exercised with
 * both languages in flight at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lsp from 'vscode-languageserver/node';
import { hasRtl } from '../../src/mail/bidi';
import { bundleFor } from '../../src/mail/i18n';
import { parseMessage } from '../../src/mail/message/parse';
import { validateParsed } from '../../src/mail/message/validate';
import { validateTranscript } from '../../src/mail/transcript/validate';
import { sendMessage } from '../../src/send/send';
import { startTestClient } from '../helpers/lspClient';

/** A message with a DKIM-Signature lacking its tags (dkim-signature-syntax), no Subject, and a bad address. */
const EML = [
  'From: Ali <ali@example.ir>',
  'To: sara@example.ir, bad@@example.ir',
  'Date: Mon, 2 Jan 2006 15:04:05 +0000',
  'Message-ID: <1@example.ir>',
  'DKIM-Signature: v=1; a=rsa-sha256; d=example.ir',
  '',
  'salam',
  '',
].join('\r\n');

const SMTP = ['S: 220 mx.example.ir ESMTP', 'C: EHLO client.example.ir', 'S: 250 mx.example.ir', 'C: MAIL FROM:<a@>', 'S: 250 ok', 'C: QUIT', 'S: 221 bye', 'C: NOOP', ''].join('\r\n');

const text = (d: lsp.Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** Every message Persian (right-to-left text in it), or every message free of it. */
function assertLanguage(language: 'en' | 'fa', messages: string[], what: string): void {
  assert.ok(messages.length >= 3, `${what}: ${messages.length} messages`);
  for (const m of messages) assert.equal(hasRtl(m), language === 'fa', `${what} (${language}): ${m}`);
}

test('one parse validated in English, Persian, English: each call gets its own language, the DKIM problem included', async () => {
  const parsed = parseMessage(EML);
  const run = async (language: 'en' | 'fa') => {
    await Promise.resolve(); // each call starts on its own turn, between the others'
    return { language, problems: validateParsed(parsed, { l10n: bundleFor(language) }) };
  };
  const results = await Promise.all((['en', 'fa', 'en', 'fa'] as const).map(run));
  for (const { language, problems } of results) {
    assert.ok(problems.some((p) => p.code === 'dkim-signature-syntax'), 'the DKIM problem is there');
    assertLanguage(language, problems.map((p) => p.message), 'message problems');
  }
  assert.deepEqual(results[1]!.problems.map((p) => [p.code, p.offset, p.length]), results[0]!.problems.map((p) => [p.code, p.offset, p.length]));
});

test('transcripts validated in both languages at once: each its own', async () => {
  const results = await Promise.all(
    (['fa', 'en', 'fa', 'en'] as const).map(async (language) => {
      await Promise.resolve();
      return { language, problems: validateTranscript(SMTP, { l10n: bundleFor(language) }) };
    }),
  );
  for (const { language, problems } of results) assertLanguage(language, problems.map((p) => p.message), 'transcript problems');
});

test('two language servers in one process, English and Persian, asked at the same time: each answers in its own language', async () => {
  const [{ client: en }, { client: fa }] = await Promise.all([startTestClient({ locale: 'en' }), startTestClient({ locale: 'fa' })]);
  try {
    // Both servers validate the same documents concurrently: their requests interleave on the event loop.
    const [enEml, faEml, enSmtp, faSmtp] = await Promise.all([
      en.open('file:///t/a.eml', 'eml', EML),
      fa.open('file:///t/a.eml', 'eml', EML),
      en.open('file:///t/a.smtp', 'smtp-transcript', SMTP),
      fa.open('file:///t/a.smtp', 'smtp-transcript', SMTP),
    ]);
    assertLanguage('en', enEml.map(text), 'eml diagnostics');
    assertLanguage('fa', faEml.map(text), 'eml diagnostics');
    assertLanguage('en', enSmtp.map(text), 'smtp diagnostics');
    assertLanguage('fa', faSmtp.map(text), 'smtp diagnostics');
    assert.deepEqual(faEml.map((d) => [d.code, d.range]), enEml.map((d) => [d.code, d.range]));
    // The hover's reason for a bad date comes from the details of the server's own bundle.
    const badDate = EML.replace('+0000', '+01');
    const [enHover, faHover] = await Promise.all([
      en.open('file:///t/b.eml', 'eml', badDate).then(() => en.hover('file:///t/b.eml', { line: 2, character: 8 })),
      fa.open('file:///t/b.eml', 'eml', badDate).then(() => fa.hover('file:///t/b.eml', { line: 2, character: 8 })),
    ]);
    const value = (h: lsp.Hover | null): string => (h!.contents as lsp.MarkupContent).value;
    assert.match(value(enHover), /is not a time zone/);
    assert.ok(hasRtl(value(faHover)) && !/is not a time zone/.test(value(faHover)), value(faHover));
  } finally {
    await Promise.all([en.dispose(), fa.dispose()]);
  }
});

test('sends in English and Persian at once: refusals before connecting and connection failures each in the request language', async () => {
  const clean = EML.replace(', bad@@example.ir', '');
  const profile = { name: 'p', host: '127.0.0.1', port: 1, security: 'none' as const };
  const requests = (['en', 'fa'] as const).flatMap((locale) => [
    { locale, text: EML, profile },
    { locale, text: clean, profile: { ...profile, clientName: 'not a name' } },
    { locale, text: clean, profile: { ...profile, user: 'u' } },
    { locale, text: clean, profile },
  ]);
  const results = await Promise.all(
    requests.map(async (r) => ({ locale: r.locale, result: await sendMessage({ text: r.text, profile: r.profile, password: 'p', locale: r.locale }) })),
  );
  for (const { locale, result } of results) {
    assert.equal(result.ok, false);
    assert.equal(hasRtl(result.error!.message), locale === 'fa', `${locale}: ${result.error!.message}`);
  }
  const english = results.slice(0, 4).map((r) => r.result.error!.message);
  assert.match(english[0]!, /^To: Not a valid address/);
  assert.match(english[1]!, /^The EHLO name "not a name" cannot be used/);
  assert.match(english[2]!, /^Security "none" with a user name/);
  assert.match(english[3]!, /^Could not connect to 127\.0\.0\.1:1/);
});

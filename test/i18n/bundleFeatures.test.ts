/**
 * The editor features take their words from the request's locale bundle
 * (`ctx.l10n`): a Persian hover or outline writes sizes in Persian digits and
 * units through the same function as the preview, and a transcript's outline,
 * hover and completion speak the bundle's language without any other switch.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { hasRtl } from '../../src/mail/bidi';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { emlFeatures } from '../../src/server/eml/emlFeatures';
import type { FeatureContext } from '../../src/server/features';
import { serverBundleFor } from '../../src/server/l10n';
import { smtpFeatures } from '../../src/server/smtp/smtpFeatures';
import { featureContext, positionOf } from '../server/eml/util';

const PNG_B64 = Buffer.alloc(14540, 7).toString('base64').match(/.{1,76}/g)!;
const EML = [
  'From: a@example.org',
  'To: b@example.org',
  'Subject: s',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'Hello',
  '--b',
  'Content-Type: image/png; name="pic.png"',
  'Content-Transfer-Encoding: base64',
  '',
  ...PNG_B64,
  '--b--',
  '',
].join('\r\n');

const inLocale = (text: string, locale: string, languageId = 'eml'): FeatureContext => ({
  ...featureContext(text),
  document: TextDocument.create(languageId === 'eml' ? 'file:///x.eml' : 'file:///x.smtp', languageId, 1, text),
  locale,
  l10n: serverBundleFor(locale),
});
const hoverValue = (h: lsp.Hover | null): string => (h ? (h.contents as lsp.MarkupContent).value : '');

test('Persian hover of a binary part: the size in Persian digits and units (was "14.2 KB")', () => {
  const at = positionOf(EML, 'image/png;', 3);
  assert.match(hoverValue(emlFeatures.hover!(inLocale(EML, 'en'), at)), /binary, 14\.2 KB/);
  const fa = hoverValue(emlFeatures.hover!(inLocale(EML, 'fa-IR'), at));
  assert.match(fa, /۱۴٫۲ کیلوبایت/);
  assert.doesNotMatch(fa, /KB/);
});

test('Persian outline of parts: sizes in Persian', () => {
  const flat = (symbols: lsp.DocumentSymbol[]): lsp.DocumentSymbol[] => symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);
  const details = flat(emlFeatures.documentSymbols!(inLocale(EML, 'fa'))).map((s) => s.detail ?? '');
  assert.ok(details.some((d) => d.includes('۵ بایت')), JSON.stringify(details));
  assert.ok(!details.some((d) => /\d B\b|KB/.test(d)), JSON.stringify(details));
});

test('transcript outline, hover and completion speak the bundle of the request', () => {
  const smtp = ['S: 220 mx.example.org ESMTP', 'C: EHLO c.example.org', 'S: 250 mx.example.org', 'C: MAIL FROM:<a@example.org>', 'S: 250 ok', 'C: QUIT', 'S: 221 bye', ''].join('\r\n');
  const fa = inLocale(smtp, 'fas', 'smtp-transcript');
  const symbols = smtpFeatures.documentSymbols!(fa);
  assert.ok(symbols.some((s) => hasRtl(s.name) || hasRtl(s.detail ?? '')), JSON.stringify(symbols.map((s) => [s.name, s.detail])));
  assert.match(hoverValue(smtpFeatures.hover!(fa, positionOf(smtp, 'EHLO', 1))), /[\u0600-\u06FF]/);
  const open = 'S: 220 mx.example.org ESMTP\r\nC: NOOP\r\nS: ';
  const codes = smtpFeatures.completion!(inLocale(open, 'fa', 'smtp-transcript'), positionOf(open, 'S: ', open.length - open.indexOf('S: ') ));
  const items = Array.isArray(codes) ? codes : codes.items;
  assert.ok(items.length > 0 && items.every((i) => hasRtl(i.detail ?? '')), JSON.stringify(items.map((i) => i.detail)));
  const en = inLocale(smtp, 'en', 'smtp-transcript');
  assert.doesNotMatch(hoverValue(smtpFeatures.hover!(en, positionOf(smtp, 'EHLO', 1))), /[\u0600-\u06FF]/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_CATALOG, fieldHref, lookupField } from '../../../src/mail/message/fieldCatalog';
import { serverBundleFor } from '../../../src/server/l10n';

test('field catalogue: unique names, real RFC links, a doc line each', () => {
  const seen = new Set<string>();
  for (const info of FIELD_CATALOG) {
    const lower = info.name.toLowerCase();
    assert.ok(!seen.has(lower), `duplicate ${info.name}`);
    seen.add(lower);
    assert.match(fieldHref(info), /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#section-[\d.]+)?$/);
    assert.ok(info.doc.length > 15, info.name);
  }
});

test('the fields the catalogue of diagnostics says occur at most once are marked once', () => {
  // diagnostics.md, duplicate-header: these may occur at most once (per message or per entity).
  for (const name of ['Date', 'From', 'Sender', 'Reply-To', 'To', 'Cc', 'Bcc', 'Message-ID', 'In-Reply-To', 'References', 'Subject', 'MIME-Version', 'Content-Type', 'Content-Transfer-Encoding']) {
    assert.equal(lookupField(name)?.once, true, name);
  }
  for (const name of ['Received', 'Resent-Date', 'DKIM-Signature', 'Comments', 'Keywords']) {
    assert.equal(lookupField(name)?.once, false, name);
  }
});

test('lookup ignores case; usual casing is kept; families are set', () => {
  const cases: Array<[string, string, string]> = [
    ['message-id', 'Message-ID', 'RFC 5322'],
    ['MIME-VERSION', 'MIME-Version', 'MIME'],
    ['received', 'Received', 'trace'],
    ['list-unsubscribe', 'List-Unsubscribe', 'list'],
    ['dkim-signature', 'DKIM-Signature', 'DKIM'],
    ['resent-from', 'Resent-From', 'Resent'],
  ];
  for (const [asked, name, category] of cases) {
    const info = lookupField(asked);
    assert.equal(info?.name, name);
    assert.equal(info?.category, category);
  }
  assert.equal(lookupField('X-Mailer'), undefined);
});

test('texts fall back to English for locales without a table; fa and fa-IR get Persian', () => {
  for (const locale of ['en', 'en-US', 'xx', '']) {
    assert.equal(serverBundleFor(locale).eml.outlineHeaders, 'Headers', locale);
  }
  for (const locale of ['fa', 'fa-IR']) {
    assert.notEqual(serverBundleFor(locale).eml.outlineHeaders, 'Headers', locale);
    assert.match(serverBundleFor(locale).eml.outlineHeaders, /[\u0600-\u06FF]/, locale);
  }
});

/**
 * One table of header fields: for every field in it, the validator's duplicate
 * check and the hover's "how often" line say the same thing, in LF and CRLF,
 * in every language the hover speaks.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { FIELD_CATALOG, type FieldGrammar, type FieldInfo } from '../../../src/mail/message/fieldCatalog';
import { validateMessage } from '../../../src/mail/message/validate';
import { emlHover } from '../../../src/server/eml/hover';
import { serverBundleFor } from '../../../src/server/l10n';
import { EOLS, featureContext } from './util';

/** A value each grammar accepts, so only the repeat can be reported. */
const SAMPLE: Record<FieldGrammar, string> = {
  'date-time': 'Fri, 27 Nov 2026 10:00:00 +0000',
  mailbox: 'a@example.com',
  'mailbox-list': 'a@example.com',
  'address-list': 'a@example.com',
  'addr-spec': 'a@example.com',
  'msg-id': '<x@example.com>',
  'msg-id-list': '<x@example.com>',
  unstructured: 'hello',
  'phrase-list': 'hello',
  version: '1.0',
  'media-type': 'text/plain',
  mechanism: '7bit',
  disposition: 'inline',
  'language-list': 'en',
  uri: 'https://example.com/a',
  path: '<a@example.com>',
  trace: 'from a.example by b.example; Fri, 27 Nov 2026 10:00:00 +0000',
  'tag-list': 'v=1; a=rsa-sha256; d=example.com; s=s',
  'auth-results': 'b.example; none',
  'list-id': 'Friends <friends.example.com>',
  'url-list': '<mailto:list-help@example.com>',
  token: 'auto-generated',
};

const BASE = ['From: a@example.com', 'To: b@example.com', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'Subject: s', 'Message-ID: <m@example.com>'];

/** A message holding `info`'s field twice where its limit applies (a Resent block for Resent fields); the offset of the second. */
function messageWithTwo(info: FieldInfo, eol: string): { text: string; second: number } {
  const field = `${info.name}: ${SAMPLE[info.grammar]}`;
  const other = (line: string): boolean => line.split(':')[0].toLowerCase() !== info.name.toLowerCase();
  const lines =
    info.cardinality === 'once-per-resent-block'
      ? // One block: it holds at most one of Resent-Date and Resent-From besides the repeat (RFC 5322 §3.6.6).
        [...['Resent-Date: Fri, 27 Nov 2026 11:00:00 +0000', 'Resent-From: r@example.com'].filter(other), field, field, ...BASE]
      : [...BASE.filter(other), field, field];
  const text = [...lines, '', 'body', ''].join(eol);
  const first = text.indexOf(field);
  return { text, second: text.indexOf(field, first + 1) };
}

function hoverValue(text: string, offset: number, locale: string): string {
  const ctx = { ...featureContext(text), locale, l10n: serverBundleFor(locale) };
  const hover = emlHover(ctx, ctx.document.positionAt(offset + 1));
  assert.ok(hover, 'a hover on the field name');
  return (hover.contents as lsp.MarkupContent).value;
}

describe('field table: duplicate check and hover agree', () => {
  for (const { name: eolName, eol } of EOLS) {
    for (const info of FIELD_CATALOG) {
      test(`${info.name} (${info.cardinality}, ${eolName})`, () => {
        const { text, second } = messageWithTwo(info, eol);
        const duplicate = validateMessage(text).filter((p) => p.code === 'duplicate-header');
        assert.ok(duplicate.every((p) => p.offset === second), `only the repeat is reported: ${JSON.stringify(duplicate)}`);
        const flagged = duplicate.length === 1;
        assert.equal(flagged, info.cardinality !== 'many', `validator on two ${info.name}`);
        for (const locale of ['en', 'fa']) {
          const texts = serverBundleFor(locale).eml;
          const hover = hoverValue(text, second, locale);
          const said = [texts.onceOnly, texts.oncePerResentBlock, texts.mayRepeat].filter((s) => hover.includes(s));
          assert.equal(said.length, 1, `${locale}: one cardinality line in ${hover}`);
          assert.equal(said[0] !== texts.mayRepeat, flagged, `${locale}: hover says "${said[0]}" but the validator ${flagged ? 'flags' : 'accepts'} two`);
        }
      });
    }
  }
});

describe('cardinality bugs fixed by the one table', () => {
  for (const { name: eolName, eol } of EOLS) {
    test(`two List-Id fields are a duplicate (RFC 2919 §3), range on the second name (${eolName})`, () => {
      const text = [...BASE, 'List-Id: <a.example.com>', 'List-Id: <b.example.com>', '', 'x', ''].join(eol);
      const found = validateMessage(text).filter((p) => p.code === 'duplicate-header');
      assert.equal(found.length, 1);
      assert.equal(found[0].offset, text.lastIndexOf('List-Id'));
      assert.equal(found[0].length, 'List-Id'.length);
    });

    test(`two Content-ID fields in one part are a duplicate (RFC 2045 §3); one per part is not (${eolName})`, () => {
      const part = (id: string, ids: number): string[] => ['--b', 'Content-Type: text/plain', ...Array<string>(ids).fill(`Content-ID: <${id}@example.com>`), '', 'x'];
      const text = [...BASE, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', ...part('p1', 1), ...part('p2', 2), '--b--', ''].join(eol);
      const found = validateMessage(text).filter((p) => p.code === 'duplicate-header');
      assert.deepEqual(found.map((p) => p.offset), [text.lastIndexOf('Content-ID')]);
    });

    test(`List-Help may repeat (RFC 2369 sets no limit): no duplicate, and the hover says so (${eolName})`, () => {
      const text = [...BASE, 'List-Help: <mailto:a@example.com>', 'List-Help: <https://example.com/help>', '', 'x', ''].join(eol);
      assert.deepEqual(validateMessage(text).filter((p) => p.code === 'duplicate-header'), []);
      assert.match(hoverValue(text, text.lastIndexOf('List-Help'), 'en'), /May occur more than once/);
    });
  }
});

test('every field records where its cardinality comes from', () => {
  for (const info of FIELD_CATALOG) assert.match(info.cardinalityRef, /^RFC \d+ §\d+(\.\d+)*$/, info.name);
});

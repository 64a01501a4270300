import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { MAX_OUTLINE_DEPTH } from '../../../src/server/eml/outline';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { awaitDepthLimitAbove, EOLS, openEml } from './util';

const MIXED = [
  'From: a@example.com',
  'To: b@example.com',
  'Subject: Report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: multipart/alternative; boundary="inner"',
  '',
  '--inner',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello',
  '--inner',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello</p>',
  '--inner--',
  '--outer',
  'Content-Type: application/pdf; name="report.pdf"',
  'Content-Transfer-Encoding: base64',
  'Content-Disposition: attachment; filename="report.pdf"',
  '',
  'JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k',
  'ZT4+CnN0cmVhbQp4nCvkMlAwUDC1NNUzMVGwMDHUszRSKErlCtfiyuMK5AIAXQsGNwplbmRzdHJl',
  'YW0KZW5kb2JqCjYgMCBvYmoKNDIKZW5kb2JqCjQgMCBvYmoKPDwvVHlwZS9QYWdlL01lZGlhQm94',
  'IFswIDAgNTk1IDg0Ml0KPj4KZW5kb2JqCg==',
  '--outer',
  'Content-Type: message/rfc822',
  '',
  'From: c@example.com',
  'Subject: Inner',
  '',
  'inner body',
  '--outer--',
  '',
];

function names(symbols: lsp.DocumentSymbol[] | undefined): string[] {
  return (symbols ?? []).map((s) => s.name);
}

function maxDepth(symbols: lsp.DocumentSymbol[]): { depth: number; count: number } {
  let depth = 0;
  let count = 0;
  const stack = symbols.map((s) => ({ s, d: 1 }));
  while (stack.length) {
    const { s, d } = stack.pop()!;
    count++;
    depth = Math.max(depth, d);
    for (const c of s.children ?? []) stack.push({ s: c, d: d + 1 });
  }
  return { depth, count };
}

/** A message whose multiparts nest `levels` deep. */
function nested(levels: number): string {
  const head: string[] = ['From: a@example.com', 'Date: Fri, 27 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0'];
  for (let i = 0; i < levels; i++) head.push(`Content-Type: multipart/mixed; boundary="b${i}"`, '', `--b${i}`);
  head.push('Content-Type: text/plain', '', 'deep');
  for (let i = levels - 1; i >= 0; i--) head.push(`--b${i}--`);
  return head.join('\n') + '\n';
}

describe('eml outline and folding', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await startTestClient({ settings: { validation: { maxDepth: 5000 } } }));
    await awaitDepthLimitAbove(client, 150);
  });
  after(async () => client.dispose());

  for (const { name, eol } of EOLS) {
    test(`outline: encoded words and quoted-printable text shown decoded (${name})`, async () => {
      const text = [
        'From: =?UTF-8?B?QcOvZGE=?= <a@example.com>',
        'Subject: =?UTF-8?Q?Caf=C3=A9_au_lait?= and more',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '',
        'Gr=C3=BC=C3=9Fe aus K=C3=B6ln, =',
        'bis bald',
        '',
      ].join(eol);
      const { uri } = await openEml(client, text);
      const symbols = await client.documentSymbols(uri);
      const fields = symbols[0].children!;
      assert.equal(fields[0].detail, 'Aïda <a@example.com>');
      assert.equal(fields[1].detail, 'Café au lait and more');
      assert.match(symbols[1].detail ?? '', /^\d+ B · “Grüße aus Köln, bis bald”$/);
      await client.close(uri);
    });
  }

  for (const { name, eol } of EOLS) {
    test(`outline: header fields, then the MIME tree with types, file names and sizes (${name})`, async () => {
      const text = MIXED.join(eol);
      const { uri } = await openEml(client, text);
      const symbols = await client.documentSymbols(uri);
      assert.deepEqual(names(symbols), ['Headers', 'multipart/mixed']);
      assert.deepEqual(names(symbols[0].children), ['From', 'To', 'Subject', 'MIME-Version', 'Content-Type']);
      assert.equal(symbols[0].children![2].detail, 'Report');
      const mixed = symbols[1];
      assert.deepEqual(names(mixed.children), ['multipart/alternative', 'application/pdf', 'message/rfc822']);
      assert.deepEqual(names(mixed.children![0].children), ['text/plain', 'text/html']);
      assert.equal(mixed.children![0].children![0].detail, '5 B · “Hello”', 'size and the first line of a text part');
      assert.match(mixed.children![1].detail ?? '', /^report\.pdf, \d+ B$/);
      // The attached message shows its own header block and body.
      assert.deepEqual(names(mixed.children![2].children), ['Headers', 'text/plain']);
      assert.equal(mixed.children![2].detail, 'Inner', 'an attached message shows its subject');
      assert.deepEqual(names(mixed.children![2].children![0].children), ['From', 'Subject']);
      // Every child range lies inside its parent's range (clients rely on it).
      const inside = (inner: lsp.Range, outer: lsp.Range): boolean =>
        (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
        (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
      const stack = [...symbols];
      while (stack.length) {
        const s = stack.pop()!;
        assert.ok(inside(s.selectionRange, s.range), `${s.name} selection inside range`);
        for (const c of s.children ?? []) {
          assert.ok(inside(c.range, s.range), `${c.name} inside ${s.name}`);
          stack.push(c);
        }
      }
      await client.close(uri);
    });

    test(`folding: header block, folded field, each part, long base64 (${name})`, async () => {
      const lines = [...MIXED];
      lines.splice(2, 1, 'Subject: a long subject that someone', '  folded onto a second line');
      const text = lines.join(eol);
      const { uri } = await openEml(client, text);
      const ranges = await client.foldingRanges(uri);
      const has = (start: number, end: number): boolean => ranges.some((r) => r.startLine === start && r.endLine === end);
      const lineOf = (needle: string, from = 0): number => lines.indexOf(needle, from);
      assert.ok(has(0, lineOf('Content-Type: multipart/mixed; boundary="outer"')), 'top header block');
      assert.ok(has(2, 3), 'folded Subject');
      const pdf = lineOf('Content-Type: application/pdf; name="report.pdf"');
      assert.ok(has(pdf - 1, lineOf('IFswIDAgNTk1IDg0Ml0KPj4KZW5kb2JqCg==')), 'the pdf part from its delimiter');
      assert.ok(has(lineOf('JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k'), lineOf('IFswIDAgNTk1IDg0Ml0KPj4KZW5kb2JqCg==')), 'base64 run');
      assert.ok(has(lineOf('--inner'), lineOf('Hello')), 'text/plain part');
      await client.close(uri);
    });
  }

  test('outline of 1000-deep nesting: no overflow, every part listed, depth capped', async () => {
    const { uri } = await openEml(client, nested(1000));
    const symbols = await client.documentSymbols(uri);
    const { depth, count } = maxDepth(symbols);
    assert.ok(depth <= MAX_OUTLINE_DEPTH + 1, `depth ${depth}`);
    // Headers symbol + its 3+1 fields, then 1000 multiparts and the text leaf.
    assert.ok(count >= 1001, `count ${count}`);
    const ranges = await client.foldingRanges(uri);
    assert.ok(ranges.length >= 1000);
    await client.close(uri);
  });

  test('outline of a message without a body or headers does not fail', async () => {
    for (const text of ['', 'From: a@example.com', '\n\nbody only', 'not a header at all\nline 2']) {
      const { uri } = await openEml(client, text);
      const symbols = await client.documentSymbols(uri);
      assert.ok(Array.isArray(symbols));
      assert.ok(symbols.some((s) => s.name === 'text/plain'));
      await client.close(uri);
    }
  });
});

/**
 * A mailbox document through the real server: diagnostics of each message at
 * its lines in the file, an outline entry per message with its MIME tree,
 * folding per message, hover / tokens / quick fixes / decode part in the
 * message under the position. LF and CRLF.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { applyEdits, decodeTokens, EOLS, openEml } from './util';

const HEAD = (n: number, subject: string): string[] => [
  `From: Ann <ann${n}@example.org>`,
  'To: bob@example.com',
  `Subject: ${subject}`,
  `Date: ${["Thu", "Fri", "Sat"][n - 1]}, 0${n} Jan 2026 10:00:00 +0000`,
  `Message-ID: <${n}@example.org>`,
];

/** Three messages: a clean one, one with a broken header line and no Date, a multipart without its close delimiter. */
const MAILBOX = [
  'From ann1@example.org Thu Jan  1 10:00:00 2026',
  ...HEAD(1, 'first'),
  '',
  'Hello.',
  '>From the archive: a quoted line',
  '',
  'From ann2@example.org Fri Jan  2 10:00:00 2026',
  ...HEAD(2, 'second').filter((l) => !l.startsWith('Date')),
  'this is not a header',
  '',
  'body two',
  '',
  'From ann3@example.org Sat Jan  3 10:00:00 2026',
  ...HEAD(3, '=?UTF-8?B?2LPZhNin2YU=?='),
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b3"',
  '',
  '--b3',
  'Content-Type: text/plain',
  '',
  'part one',
  '--b3',
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  '',
  'AAECAw==',
  '',
];
const line = (needle: string): number => MAILBOX.findIndex((l) => l.startsWith(needle));

for (const { name, eol } of EOLS) {
  describe(`mailbox documents (${name})`, () => {
    let client: TestClient;
    let uri: string;
    let diagnostics: lsp.Diagnostic[];
    const text = MAILBOX.join(eol);
    before(async () => {
      ({ client } = await startTestClient());
      ({ uri, diagnostics } = await openEml(client, text));
    });
    after(() => client.dispose());

    test('diagnostics of each message, at their lines in the file', () => {
      const found = diagnostics.map((d) => `${d.code}@${d.range.start.line}`).sort();
      assert.deepEqual(found, [`closing-boundary-missing@${line('Content-Type: multipart')}`, `header-syntax@${line('this is not')}`, `missing-date@${line('From ann2@') + 1}`].sort());
      // The first message, clean on its own, gets nothing (it used to swallow the others as body).
      assert.ok(diagnostics.every((d) => d.range.start.line > line('From ann2@')));
    });

    test('outline: one entry per message (Subject, From · Date) with its header block and MIME tree', async () => {
      const symbols = await client.documentSymbols(uri);
      assert.deepEqual(symbols.map((s) => s.name), ['first', 'second', 'سلام']);
      assert.equal(symbols[0].detail, 'Ann <ann1@example.org> · Thu, 01 Jan 2026 10:00:00 +0000');
      assert.deepEqual(symbols.map((s) => s.range.start.line), [0, line('From ann2@'), line('From ann3@')]);
      assert.equal(symbols[0].range.end.line, line('>From the archive') + 1);
      const third = symbols[2].children!;
      assert.equal(third[0].name, 'Headers');
      assert.equal(third[0].range.start.line, line('From ann3@') + 1);
      const tree = third[1];
      assert.match(tree.name, /multipart\/mixed/);
      assert.deepEqual(tree.children!.map((c) => c.range.start.line), [line('Content-Type: text/plain'), line('Content-Type: application/octet')]);
    });

    test('folding: each message from its separator line, and its own header block', async () => {
      const ranges = (await client.foldingRanges(uri)).map((r) => `${r.startLine}-${r.endLine}`);
      assert.ok(ranges.includes(`0-${line('>From the archive')}`), ranges.join(' '));
      assert.ok(ranges.includes(`${line('From ann3@')}-${MAILBOX.length - 2}`), ranges.join(' '));
      assert.ok(ranges.includes(`${line('From ann2@') + 1}-${line('this is not') - 1}`), ranges.join(' '));
    });

    test('hover and semantic tokens in a later message', async () => {
      const at = line('From ann3@') + 3;
      const hover = await client.hover(uri, { line: at, character: 12 });
      assert.ok(hover, 'hover on the encoded Subject of message 3');
      assert.equal(hover!.range?.start.line, at);
      assert.match(JSON.stringify(hover!.contents), /سلام/);
      const tokens = decodeTokens(text, await client.semanticTokens(uri));
      assert.ok(tokens.some((t) => t.line === at && t.text === 'Subject'), 'the Subject name of message 3 is a token on its line');
    });

    test('a quick fix in message 2 edits message 2 and clears its diagnostic', async () => {
      const d = diagnostics.find((x) => x.code === 'missing-date')!;
      const actions = await client.codeActions(uri, d.range, [d]);
      const fix = actions.find((a) => a.diagnostics?.some((x) => x.code === 'missing-date'));
      assert.ok(fix?.edit?.changes?.[uri], 'a fix with edits');
      const edited = applyEdits(text, fix!.edit!.changes![uri]);
      const lines = edited.split(eol);
      const dateLine = lines.findIndex((l) => l.startsWith('Date: ') && !l.includes('2026 10:00'));
      assert.ok(dateLine > line('From ann2@') && dateLine < line('this is not') + 1, `Date inserted in message 2 (line ${dateLine})`);
      const after = await openEml(client, edited);
      assert.ok(!after.diagnostics.some((x) => x.code === 'missing-date'));
    });
  });
}

/**
 * The outline lists at most MAX_OUTLINE_PARTS MIME parts for the whole
 * document (a message of 20 000 parts would otherwise be a response of
 * megabytes), and the last listed part says how many were left out; through
 * the real server over a stream pair.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { MAX_OUTLINE_PARTS } from '../../../src/server/eml/outline';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { openEml } from './util';

let client: TestClient;
before(async () => {
  ({ client } = await startTestClient());
});
after(async () => client.dispose());

function countParts(symbols: lsp.DocumentSymbol[] | undefined): number {
  let n = 0;
  for (const s of symbols ?? []) {
    if (s.name !== 'Headers') n += 1 + countParts(s.children);
  }
  return n;
}

for (const eol of ['\r\n', '\n']) {
  test(`20,000 parts: at most ${MAX_OUTLINE_PARTS} listed, the rest counted (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
    const parts = Array.from({ length: 20_000 }, (_, i) => `--b${eol}Content-Type: text/plain${eol}${eol}part ${i}`);
    const text = ['From: a@example.com', 'To: b@example.com', 'Subject: many', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', '', ...parts, '--b--', ''].join(eol);
    const { uri } = await openEml(client, text);
    const symbols = await client.documentSymbols(uri);
    const listed = countParts(symbols);
    assert.equal(listed, MAX_OUTLINE_PARTS);
    const mixed = symbols[1]!;
    const last = mixed.children![mixed.children!.length - 1]!;
    assert.match(last.detail ?? '', /\(18001 more parts not listed\)/);
  });
}

test('a small message is listed whole, with no note', async () => {
  const text = ['From: a@example.com', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary=b', '', '--b', '', 'one', '--b', '', 'two', '--b--', ''].join('\r\n');
  const { uri } = await openEml(client, text);
  const symbols = await client.documentSymbols(uri);
  assert.equal(countParts(symbols), 3);
  assert.doesNotMatch(JSON.stringify(symbols), /not listed/);
});

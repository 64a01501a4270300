/**
 * Completion edit ranges stay inside the line, even when the client sends a
 * position past its end (or past the last line); through the real server.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type * as lsp from 'vscode-languageserver';
import { startTestClient, type TestClient } from '../../helpers/lspClient';
import { openEml } from './util';

let client: TestClient;
before(async () => {
  ({ client } = await startTestClient());
});
after(async () => client.dispose());

const items = (r: lsp.CompletionItem[] | lsp.CompletionList): lsp.CompletionItem[] => (Array.isArray(r) ? r : r.items);

for (const eol of ['\r\n', '\n']) {
  const lines = ['From: a@example.com', 'Content-Type: text/pl', 'Subj', '', 'body'];
  const text = lines.join(eol);
  const cases: Array<[string, lsp.Position]> = [
    ['a value, character past the line end', { line: 1, character: 500 }],
    ['a field name, character past the line end', { line: 2, character: 500 }],
  ];
  for (const [name, position] of cases) {
    test(`${name} (${eol === '\n' ? 'LF' : 'CRLF'}): every edit range ends within its line`, async () => {
      const { uri } = await openEml(client, text);
      const got = items(await client.completion(uri, position));
      assert.ok(got.length > 0, 'some items');
      for (const item of got) {
        const range = (item.textEdit as lsp.TextEdit).range;
        for (const p of [range.start, range.end]) {
          assert.ok(p.line < lines.length, `line ${p.line}`);
          assert.ok(p.character <= lines[p.line]!.length, `${item.label}: character ${p.character} past the end of line ${p.line} (${lines[p.line]!.length})`);
        }
      }
    });
  }
}

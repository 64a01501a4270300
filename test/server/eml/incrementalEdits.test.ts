/**
 * Typing into a multipart message over LSP: after every edit (characters, line
 * breaks, several changes in one notification, a delimiter made and unmade, an
 * 8-bit character in a 7bit part, a header edit), the diagnostics, semantic
 * tokens, folding ranges and outline of the edited document are those of the
 * same text opened fresh. The server re-checks only the edited part where it can
 * (src/mail/message/incremental.ts); this shows the result never differs.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as lsp from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startTestClient, type TestClient } from '../../helpers/lspClient';

const base64 = Array.from({ length: 200 }, () => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0').join('\r\n');
const TEXT = [
  'From: a@example.org',
  'To: b@example.org',
  'Subject: typing',
  'Date: Mon, 1 Jan 2024 10:00:00 +0000',
  'Message-ID: <1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello,',
  'some text to edit.',
  '--b1',
  'Content-Type: text/plain',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'soft=',
  'break',
  '--b1',
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  '',
  base64,
  '--b1--',
  '',
].join('\r\n');

/** Edits as (search text, characters after it to replace, new text); several per step are sent in one notification. */
const STEPS: Array<Array<[string, number, string]>> = [
  [['some ', 0, 'x']],
  [['some x', 0, 'y']],
  [['Hello,', 0, '\r\n']],
  [['some xy', 0, 'caf\u00e9']],
  [['soft=', 0, 'X']],
  [['soft=X', 0, '=']],
  [['break', 0, ' more']],
  [
    ['Hello', 0, '!'],
    ['edit.', 0, ' and more'],
  ],
  [['Hello!,\r\n', 0, '--b1\r\n']],
  [['Hello!,\r\n', 6, '']],
  [['edit. and more', 0, 'A'.repeat(1000)]],
  [['Subject: typing', 0, ' on']],
  [['some xy', 7, '']],
];

async function snapshot(client: TestClient, uri: string, diagnostics: lsp.Diagnostic[]): Promise<unknown> {
  return {
    diagnostics: JSON.parse(JSON.stringify(diagnostics).replaceAll(uri, 'URI')),
    tokens: (await client.semanticTokens(uri)).data,
    folding: await client.foldingRanges(uri),
    symbols: await client.documentSymbols(uri),
  };
}

for (const pull of [false, true]) {
  test(`typed edits give what a fresh open of the same text gives (${pull ? 'pull' : 'push'})`, async () => {
    const { client } = await startTestClient({ pullDiagnostics: pull });
    try {
      const uri = 'file:///typing.eml';
      let mirror = TextDocument.create(uri, 'eml', 1, TEXT);
      const first = pull ? ((await client.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'eml', version: 1, text: TEXT } }), await client.pullDiagnostics(uri)) as lsp.FullDocumentDiagnosticReport).items : await client.open(uri, 'eml', TEXT);
      assert.deepEqual(first, []);
      let version = 1;
      let sawProblem = false;
      for (const [k, step] of STEPS.entries()) {
        const changes: lsp.TextDocumentContentChangeEvent[] = [];
        for (const [after, remove, insert] of step) {
          const at = mirror.getText().indexOf(after);
          assert.ok(at >= 0, `step ${k}: ${after}`);
          const range = { start: mirror.positionAt(at + after.length), end: mirror.positionAt(at + after.length + remove) };
          changes.push({ range, text: insert });
          mirror = TextDocument.update(mirror, [{ range, text: insert }], ++version);
          version--;
        }
        version++;
        let diagnostics: lsp.Diagnostic[];
        if (pull) {
          await client.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
          diagnostics = ((await client.pullDiagnostics(uri)) as lsp.FullDocumentDiagnosticReport).items;
        } else diagnostics = await client.change(uri, changes);
        if (diagnostics.length) sawProblem = true;
        const fresh = `file:///fresh-${k}.eml`;
        const freshDiagnostics = pull
          ? ((await client.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'eml', version: 1, text: mirror.getText() } }), await client.pullDiagnostics(fresh)) as lsp.FullDocumentDiagnosticReport).items
          : await client.open(fresh, 'eml', mirror.getText());
        assert.deepEqual(await snapshot(client, uri, diagnostics), await snapshot(client, fresh, freshDiagnostics), `step ${k}`);
        await client.close(fresh);
      }
      // The steps do make problems (8-bit data in a 7bit part, a long line, a broken structure): the comparison is not of empty lists.
      assert.ok(sawProblem);
    } finally {
      await client.dispose();
    }
  });
}

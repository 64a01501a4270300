/**
 * The quoted-printable fix for `eight-bit-data` re-encodes a whole body, so for a
 * client that resolves code actions (VS Code does) it comes without its edit and
 * is computed in `codeAction/resolve`, for the action the user picks: a
 * request for code actions (sent on every cursor move) does no encoding. The
 * resolved edit fixes the part; an action from an older version resolves to no
 * edit. A client without resolve support gets the edit at once, as before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startTestClient, type TestClient } from '../../helpers/lspClient';

const TITLE = 'Convert the part to quoted-printable';
const message = (eol: string): string =>
  ['From: a@example.org', 'To: b@example.org', 'Subject: s', 'Date: Mon, 1 Jan 2024 00:00:00 +0000', 'Message-ID: <1@example.org>', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', ...Array.from({ length: 300 }, (_, i) => `Grüße, Zeile ${i}`), ''].join(eol);
const apply = (text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string =>
  TextDocument.applyEdits(TextDocument.create('file:///x.eml', 'eml', 1, text), edits);

for (const eol of ['\r\n', '\n']) {
  describe(`eight-bit fix through codeAction/resolve (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
    let client: TestClient;
    before(async () => {
      ({ client } = await startTestClient({ resolveCodeActions: true }));
    });
    after(async () => {
      await client.dispose();
    });

    test('the action comes without an edit, resolve fills it, and applying it fixes the part', async () => {
      const u = `file:///resolve-${eol.length}.eml`;
      const text = message(eol);
      const diagnostics = await client.open(u, 'eml', text);
      const eight = diagnostics.filter((d) => d.code === 'eight-bit-data');
      assert.ok(eight.length > 1, JSON.stringify(diagnostics.map((d) => d.code)));
      const actions = await client.codeActions(u, eight[0]!.range, [eight[0]!]);
      const fix = actions.find((a) => a.title.startsWith('Convert') || a.title === TITLE);
      assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(fix!.edit, undefined, 'no edit computed for the request');
      assert.ok(!actions.some((a) => a.edit && a.diagnostics?.some((d) => d.code === 'eight-bit-data')), 'no fix-all of the part computed either');
      const resolved = await client.resolveCodeAction(fix!);
      const edits = resolved.edit?.changes?.[u];
      assert.ok(edits?.length, 'resolve gives the edit');
      const after = await client.change(u, [{ text: apply(text, edits!) }]);
      assert.deepEqual(after.filter((d) => d.code === 'eight-bit-data'), []);
      // The action of version 1 no longer applies to version 2: no edit.
      const stale = await client.resolveCodeAction(fix!);
      assert.equal(stale.edit, undefined);
    });
  });
}

test('a client without resolve support gets the edit at once', async () => {
  const { client } = await startTestClient();
  try {
    const u = 'file:///eager.eml';
    const diagnostics = await client.open(u, 'eml', message('\r\n'));
    const eight = diagnostics.filter((d) => d.code === 'eight-bit-data');
    const actions = await client.codeActions(u, eight[0]!.range, [eight[0]!]);
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'eight-bit-data' && a.isPreferred);
    assert.ok(fix?.edit?.changes?.[u]?.length, 'the edit is in the action');
  } finally {
    await client.dispose();
  }
});

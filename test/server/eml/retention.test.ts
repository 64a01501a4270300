/**
 * What the server keeps of a document's past: while it is typed into, the parse of
 * the current version and of the one before it (incremental re-validation updates
 * that one), not every version's; once it closes, nothing. Each version's parse is
 * watched through a weak reference taken when the server validates it, and counted
 * after a forced garbage collection (reachability, not timing or memory figures).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedMessage } from '../../../src/mail/message/model';
import { emlFeatures } from '../../../src/server/eml/emlFeatures';
import { parsedOf } from '../../../src/server/eml/parsed';
import type { LanguageFeatures } from '../../../src/server/features';
import { LANGUAGES } from '../../../src/server/languages';
import { startTestClient } from '../../helpers/lspClient';

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
  'Content-Type: application/octet-stream',
  'Content-Transfer-Encoding: base64',
  '',
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0',
  '--b1--',
  '',
].join('\r\n');

/** A full garbage collection on demand (`--expose-gc` set at run time; the function comes from a fresh context). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Versions whose parse is still reachable, after the current job ends (weak references keep their targets until then) and a collection. */
async function liveVersions(parses: Array<{ version: number; parse: WeakRef<ParsedMessage> }>): Promise<number[]> {
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return parses.filter((p) => p.parse.deref() !== undefined).map((p) => p.version);
}

test('typing keeps the parses of the current and the previous version only, and closing releases them', async () => {
  const parses: Array<{ version: number; parse: WeakRef<ParsedMessage> }> = [];
  // The product's eml language, noting the parse of each version it validates.
  const watched: LanguageFeatures = {
    ...emlFeatures,
    validate(ctx) {
      const problems = emlFeatures.validate(ctx);
      parses.push({ version: ctx.document.version, parse: new WeakRef(parsedOf(ctx)) });
      return problems;
    },
  };
  const { client } = await startTestClient({ languages: LANGUAGES.map((l) => (l.languageId === 'eml' ? watched : l)) });
  try {
    const uri = 'file:///retention.eml';
    assert.deepEqual(await client.open(uri, 'eml', TEXT), []);
    let mirror = TextDocument.create(uri, 'eml', 1, TEXT);
    const edits = 6;
    for (let version = 2; version <= edits + 1; version++) {
      const at = mirror.positionAt(mirror.getText().indexOf(' text to edit'));
      const change = { range: { start: at, end: at }, text: 'x' };
      mirror = TextDocument.update(mirror, [change], version);
      assert.deepEqual(await client.change(uri, [change]), []);
    }
    assert.deepEqual(
      parses.map((p) => p.version),
      Array.from({ length: edits + 1 }, (_, i) => i + 1),
      'each version validated once',
    );
    // Each edit's parse was derived from the one before (the incremental path), and held it.
    assert.deepEqual(await liveVersions(parses), [edits, edits + 1]);

    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await cleared, []);
    assert.deepEqual(await liveVersions(parses), [], 'a closed document keeps nothing');
  } finally {
    await client.dispose();
  }
});

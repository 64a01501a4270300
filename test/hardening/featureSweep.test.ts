/**
 * A deterministic sweep: every corpus message and transcript (as
 * shipped, with CRLF, with LF), opened in the real server in-process, with hover,
 * completion and code actions at many positions and symbols, folding and
 * semantic tokens once. No feature may throw (the core's guard() logs
 * "X failed:" when one does), and every answer must lie inside the document.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as lsp from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CORPUS_ROOT, listCorpusFiles } from '../helpers/corpus';
import { startTestClient } from '../helpers/lspClient';

const list = (dir: string): string[] =>
  listCorpusFiles(dir, (name, size) => /\.(eml|txt|msg|raw|bin|smtp)$/.test(name) && size <= 32 * 1024);

function inside(doc: TextDocument, r: lsp.Range): boolean {
  const ok = (p: lsp.Position): boolean => p.line >= 0 && p.character >= 0 && p.line < doc.lineCount;
  return ok(r.start) && ok(r.end) && doc.offsetAt(r.start) <= doc.offsetAt(r.end);
}

test('hover, completion, code actions, symbols, folding and tokens on every corpus file never fail', { timeout: 10 * 60_000 }, async (t) => {
  const files = [...list(path.join(CORPUS_ROOT, 'eml')), ...list(path.join(CORPUS_ROOT, 'smtp'))];
  if (!files.length) return t.skip('no ../shared/corpus');
  const { client } = await startTestClient();
  const errors: string[] = [];
  client.connection.onNotification(lsp.LogMessageNotification.type, (m) => {
    if (m.type === lsp.MessageType.Error && errors.length < 20) errors.push(m.message.slice(0, 600));
  });
  let requests = 0;
  try {
    for (const [i, file] of files.entries()) {
      const raw = readFileSync(file).toString('latin1');
      const variant = i % 3 === 0 ? raw : i % 3 === 1 ? raw.replace(/\r?\n/g, '\r\n') : raw.replace(/\r\n/g, '\n');
      const languageId = file.includes(`${path.sep}smtp${path.sep}`) ? 'smtp-transcript' : 'eml';
      const uri = `file:///sweep/${i}.${languageId === 'eml' ? 'eml' : 'smtp'}`;
      const doc = TextDocument.create(uri, languageId, 1, variant);
      const diagnostics = await client.open(uri, languageId, variant);
      for (const d of diagnostics) assert.ok(inside(doc, d.range), `${file}: diagnostic ${d.code} outside`);
      const step = Math.max(1, Math.floor(variant.length / 12));
      for (let offset = 0; offset <= variant.length; offset += step) {
        const position = doc.positionAt(offset);
        const hover = await client.hover(uri, position);
        if (hover?.range) assert.ok(inside(doc, hover.range), `${file}: hover range outside`);
        await client.completion(uri, position);
        const near = diagnostics.filter((d) => d.range.start.line === position.line);
        for (const action of await client.codeActions(uri, { start: position, end: position }, near)) {
          for (const edits of Object.values(action.edit?.changes ?? {})) {
            for (const e of edits) assert.ok(inside(doc, e.range), `${file}: "${action.title}" edits outside the document`);
          }
        }
        requests += 3;
      }
      for (const s of await client.documentSymbols(uri)) assert.ok(inside(doc, s.range), `${file}: symbol outside`);
      await client.foldingRanges(uri);
      const tokens = await client.semanticTokens(uri);
      assert.equal(tokens.data.length % 5, 0);
      await client.close(uri);
    }
  } finally {
    await client.dispose();
  }
  assert.deepEqual(errors, [], `features threw (caught by guard()):\n${errors.join('\n')}`);
  assert.ok(requests > files.length * 20, `${requests} requests`);
});

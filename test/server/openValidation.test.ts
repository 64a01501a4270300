import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import * as lsp from 'vscode-languageserver/node';
import { LANGUAGES } from '../../src/server/languages';
import { startServer } from '../../src/server/server';

/**
 * TextDocuments fires onDidChangeContent right after onDidOpen. The server must
 * validate an opened document at once and debounce only real edits: with a
 * debounce of ten minutes, the diagnostics of an open still arrive (before the
 * fix they waited for the whole debounce; found by `npm run bench`). Settings
 * come in initializationOptions, so they are in force before the didOpen.
 */
test('a just-opened document is validated at once, not after the edit debounce', { timeout: 60_000 }, async () => {
  const up = new PassThrough();
  const down = new PassThrough();
  const server = startServer(lsp.createConnection(lsp.ProposedFeatures.all, up, down), { languages: LANGUAGES, version: 'test' });
  const client = lsp.createMessageConnection(new lsp.StreamMessageReader(down), new lsp.StreamMessageWriter(up));
  try {
    const published: lsp.PublishDiagnosticsParams[] = [];
    const opened = new Promise<lsp.PublishDiagnosticsParams>((resolve) => {
      client.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
        published.push(p);
        if (p.version === 1) resolve(p);
      });
    });
    client.listen();
    await client.sendRequest(lsp.InitializeRequest.type, {
      processId: null,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { settings: { validation: { debounceMs: 600_000 } } },
    });
    await client.sendNotification(lsp.InitializedNotification.type, {});
    await client.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///open.eml', languageId: 'eml', version: 1, text: 'Subject: no From, no Date\r\n\r\nbody\r\n' },
    });
    const first = await opened;
    assert.equal(first.uri, 'file:///open.eml');
    const codes = first.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('missing-from'), `expected missing-from among ${JSON.stringify(codes)}`);
    assert.equal(published.length, 1, 'one publish for one open');
  } finally {
    server.dispose();
    client.dispose();
  }
});

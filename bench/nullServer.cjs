// The transport baseline: an LSP server that only syncs documents (incrementally,
// as ours does) and publishes an empty diagnostics list for every version. Its
// didOpen → diagnostics time is the cost of JSON-RPC over stdio plus
// TextDocuments, which no validator can beat.
// Usage: node bench/nullServer.cjs --stdio
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  serverInfo: { name: 'null-server' },
}));
documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});
documents.listen(connection);
connection.listen();

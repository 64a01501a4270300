// The transport baseline: an LSP server that does what any server must and nothing
// more. It syncs documents (incrementally, as ours does) and answers diagnostics the
// way the client asked for them: it publishes an empty list for every version (push),
// or answers each `textDocument/diagnostic` request with an empty report (pull).
// Its didOpen → diagnostics time is the cost of JSON-RPC over stdio plus
// TextDocuments, which no validator can beat.
// Usage: node bench/nullServer.cjs --stdio
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let pull = false;
connection.onInitialize((params) => {
  pull = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'null-server' },
  };
});
documents.onDidChangeContent((e) => {
  if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});
connection.languages.diagnostics.on(() => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }));
documents.listen(connection);
connection.listen();

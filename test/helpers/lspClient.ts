/**
 * An in-process LSP client for server tests: the real `startServer` on one end
 * of a stream pair, a JSON-RPC client on the other (as in vscode-languageserver-node's
 * connection tests). No child process, no sleeps: tests wait on notifications.
 */
import { PassThrough } from 'node:stream';
import * as lsp from 'vscode-languageserver/node';
import type { LanguageFeatures } from '../../src/server/features';
import { LANGUAGES } from '../../src/server/languages';
import { startServer } from '../../src/server/server';

export interface TestClientOptions {
  /**
   * The `smtpEml` settings section the client answers `workspace/configuration` with,
   * or a function of the request's `scopeUri` (per-folder settings).
   */
  settings?: unknown;
  /** Announce pull-diagnostics support (the server then does not push). */
  pullDiagnostics?: boolean;
  /** Announce `codeAction/resolve` support for edits (as VS Code does). */
  resolveCodeActions?: boolean;
  locale?: string;
  /** Workspace folder URIs announced in initialize. */
  workspaceFolders?: string[];
  /** The languages served (default: the product's); a test can wrap one to watch what the server does with it. */
  languages?: readonly LanguageFeatures[];
}

/** A connected client with helpers for the common LSP calls. */
export class TestClient {
  private readonly waiters = new Map<string, Array<{ version?: number; resolve: (d: lsp.Diagnostic[]) => void }>>();
  private readonly latest = new Map<string, lsp.PublishDiagnosticsParams>();
  private readonly versions = new Map<string, number>();
  settings: unknown;
  /** Every item the server asked for with `workspace/configuration`, in order. */
  readonly configurationRequests: lsp.ConfigurationItem[] = [];

  constructor(
    readonly connection: lsp.MessageConnection,
    private readonly server: { dispose(): void },
    settings: unknown,
  ) {
    this.settings = settings;
    connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      const list = this.waiters.get(p.uri) ?? [];
      const keep = list.filter((w) => {
        if (w.version === undefined || p.version === undefined || p.version >= w.version) {
          w.resolve(p.diagnostics);
          return false;
        }
        return true;
      });
      this.waiters.set(p.uri, keep);
    });
  }

  /** Resolves with the next diagnostics published for `uri` at `version` or later. */
  nextDiagnostics(uri: string, version?: number): Promise<lsp.Diagnostic[]> {
    return new Promise((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiters.set(uri, list);
    });
  }

  /** Opens a document and resolves with its first diagnostics. */
  async open(uri: string, languageId: string, text: string): Promise<lsp.Diagnostic[]> {
    this.versions.set(uri, 1);
    const wait = this.nextDiagnostics(uri, 1);
    await this.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return wait;
  }

  /** Applies content changes and resolves with the diagnostics of the new version. */
  async change(uri: string, changes: lsp.TextDocumentContentChangeEvent[]): Promise<lsp.Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const wait = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return wait;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sends any request. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  hover(uri: string, position: lsp.Position): Promise<lsp.Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }
  completion(uri: string, position: lsp.Position): Promise<lsp.CompletionItem[] | lsp.CompletionList> {
    return this.request('textDocument/completion', { textDocument: { uri }, position });
  }
  documentSymbols(uri: string): Promise<lsp.DocumentSymbol[]> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }
  foldingRanges(uri: string): Promise<lsp.FoldingRange[]> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }
  codeActions(uri: string, range: lsp.Range, diagnostics: lsp.Diagnostic[]): Promise<lsp.CodeAction[]> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }
  resolveCodeAction(action: lsp.CodeAction): Promise<lsp.CodeAction> {
    return this.request('codeAction/resolve', action);
  }
  semanticTokens(uri: string): Promise<lsp.SemanticTokens> {
    return this.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  }
  inlayHints(uri: string, range: lsp.Range): Promise<lsp.InlayHint[]> {
    return this.request('textDocument/inlayHint', { textDocument: { uri }, range });
  }
  codeLenses(uri: string): Promise<lsp.CodeLens[]> {
    return this.request('textDocument/codeLens', { textDocument: { uri } });
  }
  pullDiagnostics(uri: string): Promise<lsp.DocumentDiagnosticReport> {
    return this.request('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, as VS Code does. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: { smtpEml: settings } });
  }

  async dispose(): Promise<void> {
    this.server.dispose();
    this.connection.dispose();
  }
}

/** Starts the real server in-process and completes the initialize handshake. */
export async function startTestClient(options: TestClientOptions = {}): Promise<{ client: TestClient; initializeResult: lsp.InitializeResult }> {
  const up = new PassThrough();
  const down = new PassThrough();
  const serverConnection = lsp.createConnection(lsp.ProposedFeatures.all, up, down);
  const server = startServer(serverConnection, { languages: options.languages ?? LANGUAGES, version: 'test' });
  const connection = lsp.createMessageConnection(new lsp.StreamMessageReader(down), new lsp.StreamMessageWriter(up));
  const client = new TestClient(connection, server, options.settings);
  connection.onRequest(lsp.ConfigurationRequest.type, (params) => {
    client.configurationRequests.push(...params.items);
    return params.items.map((item) =>
      typeof client.settings === 'function' ? (client.settings as (scopeUri?: string) => unknown)(item.scopeUri) : (client.settings ?? {}),
    );
  });
  connection.onRequest(lsp.RegistrationRequest.type, () => undefined);
  connection.onRequest(lsp.DiagnosticRefreshRequest.type, () => undefined);
  connection.onNotification(lsp.LogMessageNotification.type, (m) => {
    if (m.type === lsp.MessageType.Error) process.stderr.write(`[server] ${m.message}\n`);
  });
  connection.listen();
  const capabilities: lsp.ClientCapabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
      ...(options.resolveCodeActions ? { codeAction: { resolveSupport: { properties: ['edit'] } } } : {}),
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
  };
  const initializeResult = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities,
    locale: options.locale,
    workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder-${i}` })) ?? null,
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  return { client, initializeResult };
}

/**
 * The language server, independent of its transport: `startServer(connection, runtime)`
 * (modelled on VS Code's css-language-features). `node/serverMain.ts` wires it to
 * stdio/IPC; tests wire it to an in-process stream pair.
 */
import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { withLocale } from '../mail/i18n';
import { toDiagnostics } from './diagnostics';
import type { FeatureContext, LanguageFeatures } from './features';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './semanticTokens';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** What the host environment gives the server. */
export interface ServerRuntime {
  /** Languages served; the first whose id matches a document handles it. */
  readonly languages: readonly LanguageFeatures[];
  /** Locale to use when the client sends none (the standalone `--locale`). */
  readonly locale?: string;
  /** Reported in `serverInfo`. */
  readonly version: string;
}

/** Language ids other editors use for the same files. */
const LANGUAGE_ALIASES: Record<string, string> = {
  eml: 'eml',
  email: 'eml',
  mail: 'eml',
  'message/rfc822': 'eml',
  'smtp-transcript': 'smtp-transcript',
  smtp: 'smtp-transcript',
};

/** Picks the language of a document by its id, else by the file extension. */
export function resolveLanguageId(languageId: string, uri: string): string | undefined {
  const byId = LANGUAGE_ALIASES[languageId.toLowerCase()];
  if (byId) return byId;
  const lower = uri.toLowerCase();
  if (lower.endsWith('.eml') || lower.endsWith('.mbox')) return 'eml';
  if (lower.endsWith('.smtp')) return 'smtp-transcript';
  return undefined;
}

/** Starts serving on `connection`. Returns a disposer used by tests. */
export function startServer(connection: lsp.Connection, runtime: ServerRuntime): { dispose(): void } {
  const documents = new lsp.TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let locale = runtime.locale ?? 'en';
  let hasConfigurationCapability = false;
  let pullDiagnostics = false;

  /** Per-document memo, cleared whenever the version changes. */
  const memos = new Map<string, { version: number; values: Map<string, unknown> }>();
  /** Latest diagnostics per document version, shared by push and pull. */
  const diagnosticsCache = new Map<string, { version: number; settings: ServerSettings; items: lsp.Diagnostic[] }>();
  const timers = new Map<string, NodeJS.Timeout>();

  const featuresOf = (document: TextDocument): LanguageFeatures | undefined => {
    const id = resolveLanguageId(document.languageId, document.uri);
    return id ? runtime.languages.find((l) => l.languageId === id) : undefined;
  };

  const contextOf = (document: TextDocument): FeatureContext => ({
    document,
    settings,
    locale,
    memo<T>(key: string, compute: () => T): T {
      let entry = memos.get(document.uri);
      if (!entry || entry.version !== document.version) {
        entry = { version: document.version, values: new Map() };
        memos.set(document.uri, entry);
      }
      if (!entry.values.has(key)) entry.values.set(key, compute());
      return entry.values.get(key) as T;
    },
  });

  const contextByUri = (uri: string): FeatureContext | undefined => {
    const document = documents.get(uri);
    return document ? contextOf(document) : undefined;
  };

  /**
   * Runs a feature and turns any exception into a logged error and an empty
   * answer: no input may take the server down.
   */
  function guard<T>(what: string, fallback: T, run: () => T): T {
    try {
      // Every feature call runs with the core's texts of the client's locale (issue 9).
      return withLocale(locale, run);
    } catch (err) {
      connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }

  function computeDiagnostics(document: TextDocument): lsp.Diagnostic[] {
    const cached = diagnosticsCache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.items;
    const features = featuresOf(document);
    const items = features
      ? guard(`validation of ${document.uri}`, [], () => toDiagnostics(document, features.validate(contextOf(document)), settings))
      : [];
    diagnosticsCache.set(document.uri, { version: document.version, settings, items });
    return items;
  }

  function scheduleValidation(document: TextDocument, delay: number): void {
    if (pullDiagnostics) return;
    const uri = document.uri;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    // A newer edit replaces the pending run: stale work is never done.
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const current = documents.get(uri);
        if (!current) return;
        const diagnostics = computeDiagnostics(current);
        void connection.sendDiagnostics({ uri, version: current.version, diagnostics });
      }, delay),
    );
  }

  async function refreshSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      const [section] = await connection.workspace.getConfiguration([{ section: 'smtpEml' }]);
      settings = readSettings(section);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }

  function revalidateAll(): void {
    if (pullDiagnostics) {
      connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) scheduleValidation(document, 0);
  }

  connection.onInitialize((params): lsp.InitializeResult => {
    const caps = params.capabilities;
    hasConfigurationCapability = !!caps.workspace?.configuration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    if (params.locale) locale = params.locale;
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settings = readSettings(init.settings);

    const capabilities: lsp.ServerCapabilities = {
      textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', '<', '-', '=', '/', ' '], resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: {
        codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite, lsp.CodeActionKind.Source],
      },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: false },
    };
    if (pullDiagnostics) {
      capabilities.diagnosticProvider = { interFileDependencies: false, workspaceDiagnostics: false };
    }
    return { capabilities, serverInfo: { name: 'smtp-eml', version: runtime.version } };
  });

  connection.onInitialized(async () => {
    if (hasConfigurationCapability) {
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'smtpEml' }).catch(() => undefined);
      await refreshSettings();
      revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfigurationCapability) await refreshSettings();
    else settings = readSettings((change.settings as { smtpEml?: unknown } | undefined)?.smtpEml);
    revalidateAll();
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen for the same
  // document; without this the open's immediate run was replaced by a debounced
  // one, adding the whole debounce to every didOpen → diagnostics (npm run bench).
  const opening = new Set<string>();
  documents.onDidOpen((e) => {
    opening.add(e.document.uri);
    scheduleValidation(e.document, 0);
  });
  documents.onDidChangeContent((e) => {
    if (opening.delete(e.document.uri)) return;
    if (e.document.version === 0) return;
    scheduleValidation(e.document, settings.debounceMs);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.delete(uri);
    memos.delete(uri);
    diagnosticsCache.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return { kind: lsp.DocumentDiagnosticReportKind.Full, items: document ? computeDiagnostics(document) : [] };
  });

  /** Finds the document and its features, or undefined. */
  const target = (uri: string): { ctx: FeatureContext; features: LanguageFeatures } | undefined => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const features = featuresOf(document);
    return features ? { ctx: contextOf(document), features } : undefined;
  };

  connection.onHover((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.hover ? guard('hover', null, () => t.features.hover!(t.ctx, p.position)) : null;
  });
  connection.onCompletion((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.completion ? guard('completion', [], () => t.features.completion!(t.ctx, p.position, p.context)) : [];
  });
  connection.onDocumentSymbol((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.documentSymbols ? guard('documentSymbols', [], () => t.features.documentSymbols!(t.ctx)) : [];
  });
  connection.onFoldingRanges((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.foldingRanges ? guard('foldingRanges', [], () => t.features.foldingRanges!(t.ctx)) : [];
  });
  connection.onCodeAction((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.codeActions
      ? guard('codeActions', [], () => t.features.codeActions!(t.ctx, p.range, p.context.diagnostics))
      : [];
  });
  connection.languages.semanticTokens.on((p) => {
    const t = target(p.textDocument.uri);
    if (!t?.features.semanticTokens) return { data: [] };
    return guard('semanticTokens', { data: [] }, () => encodeSemanticTokens(t.ctx.document, t.features.semanticTokens!(t.ctx)));
  });
  connection.languages.inlayHint.on((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.inlayHints ? guard('inlayHints', [], () => t.features.inlayHints!(t.ctx, p.range)) : [];
  });
  connection.onCodeLens((p) => {
    const t = target(p.textDocument.uri);
    return t?.features.codeLenses ? guard('codeLenses', [], () => t.features.codeLenses!(t.ctx)) : [];
  });

  for (const language of runtime.languages) {
    for (const [method, handler] of Object.entries(language.requests ?? {})) {
      connection.onRequest(method, (params: unknown) => guard(method, null, () => handler(params, contextByUri)));
    }
  }

  documents.listen(connection);
  connection.listen();

  return {
    dispose(): void {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}

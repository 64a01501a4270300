/**
 * The language server, independent of its transport: `startServer(connection, runtime)`
 * (modelled on VS Code's css-language-features). `node/serverMain.ts` wires it to
 * stdio/IPC; tests wire it to an in-process stream pair.
 */
import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { serverBundleFor } from './l10n';
import { toDiagnostics } from './diagnostics';
import type { FeatureContext, LanguageFeatures, PreviousValue } from './features';
import { composeEdits, type TextEdit } from '../mail/message/incremental';
import { fixAllAction, FIX_ALL_KIND, withFixAllOfCode } from './fixAll';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './semanticTokens';
import { DocumentSettings } from './documentSettings';
import type { ServerSettings } from './settings';

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

/** One document version's memoised values (see FeatureContext.memo). */
interface MemoEntry {
  version: number;
  values: Map<string, unknown>;
  /** Keys whose compute takes the value of an earlier version. */
  updatable: Set<string>;
}

/** Edits kept per document while no feature reads them (a client typing into a document nothing validates). */
const MAX_LOGGED_EDITS = 10_000;

/** Starts serving on `connection`. Returns a disposer used by tests. */
export function startServer(connection: lsp.Connection, runtime: ServerRuntime): { dispose(): void } {
  /**
   * The edits each document went through, per version, as offsets (undefined for a
   * whole-text replacement): memoised values of an earlier version are updated
   * from them instead of being computed afresh (FeatureContext.memo).
   */
  const editLogs = new Map<string, Array<{ version: number; edit: TextEdit | undefined }>>();
  const documents = new lsp.TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      let log = editLogs.get(document.uri);
      if (!log) editLogs.set(document.uri, (log = []));
      // A log nobody read for this long (no feature ran) is dropped, and a mark left that
      // no earlier value can be updated past: they are computed afresh.
      if (log.length > MAX_LOGGED_EDITS) log.splice(0, log.length, { version, edit: undefined });
      for (const change of changes) {
        if (lsp.TextDocumentContentChangeEvent.isIncremental(change)) {
          const a = document.offsetAt(change.range.start);
          const b = document.offsetAt(change.range.end);
          const offset = Math.min(a, b);
          log.push({ version, edit: { offset, oldEnd: Math.max(a, b), newEnd: offset + change.text.length } });
        } else log.push({ version, edit: undefined });
        // One change at a time, so that each offset above is read in the text it applies to.
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  });
  /** Settings per document (by its scopeUri), or one unscoped copy for clients that cannot be asked. */
  const settingsStore = new DocumentSettings();
  let locale = runtime.locale ?? 'en';
  let pullDiagnostics = false;
  /** The client resolves code actions' edits lazily (see FeatureContext.resolvesCodeActionEdits). */
  let resolvesCodeActionEdits = false;

  /**
   * Per-document memo, cleared whenever the version changes. `updatable` holds the keys of
   * `memoFromEarlier`, whose compute takes an earlier value: only their values are kept past
   * their version, as no other compute can use them (quick fixes key theirs by a part's offset,
   * which moves with every edit above it: each version's would have stayed until the document closed).
   */
  const memos = new Map<string, MemoEntry>();
  /** Per document and key, the value of the last version that computed it (see `previousValue`). */
  const earlier = new Map<string, Map<string, { version: number; value: unknown }>>();

  /** The value `key` had for an earlier version of `uri`, with the edit from that version's text to `version`'s. */
  function previousValue(uri: string, key: string, version: number): PreviousValue<unknown> | undefined {
    const before = earlier.get(uri)?.get(key);
    const log = editLogs.get(uri);
    if (!before || !log) return undefined;
    let edit: TextEdit | undefined;
    let from = before.version;
    for (const entry of log) {
      if (entry.version <= before.version) continue;
      if (entry.version > version) break;
      if (!entry.edit) return undefined;
      from = entry.version;
      edit = edit ? composeEdits(edit, entry.edit) : entry.edit;
    }
    return edit && from === version ? { value: before.value, edit } : undefined;
  }

  /** Keeps the updatable values of a document's outgoing memo entry as the earlier values, and drops log entries no value needs. */
  function retire(uri: string, entry: MemoEntry): void {
    let kept = earlier.get(uri);
    if (!kept) earlier.set(uri, (kept = new Map()));
    for (const key of entry.updatable) kept.set(key, { version: entry.version, value: entry.values.get(key) });
    const log = editLogs.get(uri);
    if (log) {
      const oldest = Math.min(...[...kept.values()].map((v) => v.version));
      const drop = log.findIndex((e) => e.version > oldest);
      log.splice(0, drop < 0 ? log.length : drop);
    }
  }

  /** The memo entry of `document`'s version, made (and the previous version's retired) when the version changes. */
  function memoEntryOf(document: TextDocument): MemoEntry {
    let entry = memos.get(document.uri);
    if (!entry || entry.version !== document.version) {
      if (entry && entry.version < document.version) retire(document.uri, entry);
      entry = { version: document.version, values: new Map(), updatable: new Set() };
      memos.set(document.uri, entry);
    }
    return entry;
  }
  /** Latest diagnostics per document version, shared by push and pull. */
  const diagnosticsCache = new Map<string, { version: number; settings: ServerSettings; items: lsp.Diagnostic[] }>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** How long (ms) each document's last pushed validation took: it bounds the debounce. */
  const validationCosts = new Map<string, number>();

  const featuresOf = (document: TextDocument): LanguageFeatures | undefined => {
    const id = resolveLanguageId(document.languageId, document.uri);
    return id ? runtime.languages.find((l) => l.languageId === id) : undefined;
  };

  let workspaceFolders: string[] = [];

  const contextOf = (document: TextDocument, settings: ServerSettings): FeatureContext => ({
    document,
    settings,
    locale,
    l10n: serverBundleFor(locale),
    resolvesCodeActionEdits,
    workspaceFolders,
    otherDocuments: () => documents.all().filter((d) => d.uri !== document.uri),
    memo<T>(key: string, compute: () => T): T {
      const entry = memoEntryOf(document);
      if (!entry.values.has(key)) entry.values.set(key, compute());
      return entry.values.get(key) as T;
    },
    memoFromEarlier<T>(key: string, compute: (previous?: PreviousValue<T>) => T): T {
      const entry = memoEntryOf(document);
      if (!entry.values.has(key)) {
        entry.updatable.add(key);
        entry.values.set(key, compute(previousValue(document.uri, key, document.version) as PreviousValue<T> | undefined));
        // The earlier value has served: the next version starts from this one (kept when this entry retires).
        earlier.get(document.uri)?.delete(key);
      }
      return entry.values.get(key) as T;
    },
    refresh: refreshAll,
  });

  function refreshAll(): void {
    memos.clear();
    earlier.clear();
    diagnosticsCache.clear();
    revalidateAll();
  }

  /**
   * The context of an open document for custom requests, which are synchronous:
   * the document's own settings once they have arrived (every open document is
   * validated first, which fetches them), else the unscoped ones.
   */
  const contextByUri = (uri: string): FeatureContext | undefined => {
    const document = documents.get(uri);
    return document ? contextOf(document, settingsStore.peek(uri)) : undefined;
  };

  /**
   * Runs a feature and turns any exception into a logged error and an empty
   * answer: no input may take the server down.
   */
  function guard<T>(what: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (err) {
      connection.console.error(`${what} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fallback;
    }
  }

  function computeDiagnostics(document: TextDocument, settings: ServerSettings): lsp.Diagnostic[] {
    const cached = diagnosticsCache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === settings) return cached.items;
    const features = featuresOf(document);
    const items = features
      ? guard(`validation of ${document.uri}`, [], () => toDiagnostics(document, features.validate(contextOf(document, settings)), settings))
      : [];
    diagnosticsCache.set(document.uri, { version: document.version, settings, items });
    return items;
  }

  async function publishDiagnostics(uri: string): Promise<void> {
    const settings = await settingsStore.get(uri);
    // The document may have changed or closed while its settings were asked for.
    const current = documents.get(uri);
    if (!current || timers.has(uri)) return;
    const started = performance.now();
    const diagnostics = computeDiagnostics(current, settings);
    validationCosts.set(uri, performance.now() - started);
    void connection.sendDiagnostics({ uri, version: current.version, diagnostics });
  }

  /**
   * Waits up to `delay` ms before validating, so that fast typing does not pay for
   * versions it has already replaced; but never more than twice what the document's
   * last validation took: waiting longer than the work itself only adds latency
   * (an edit re-checked in a millisecond is published a few milliseconds later).
   */
  function scheduleValidation(document: TextDocument, delay: number): void {
    if (pullDiagnostics) return;
    const uri = document.uri;
    const cost = validationCosts.get(uri);
    if (cost !== undefined) delay = Math.min(delay, Math.ceil(2 * cost));
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    // A newer edit replaces the pending run: stale work is never done.
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void publishDiagnostics(uri);
      }, delay),
    );
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
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    resolvesCodeActionEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    if (params.locale) locale = params.locale;
    workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
      .flatMap((f) => {
        try {
          return f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : [];
        } catch {
          return []; // a file: URI Node cannot map (another host): no folder to read
        }
      });
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) settingsStore.setGlobal(init.settings);
    if (caps.workspace?.configuration) {
      settingsStore.useFetcher(async (scopeUri) => {
        const [section] = await connection.workspace.getConfiguration(scopeUri === undefined ? [{ section: 'smtpEml' }] : [{ scopeUri, section: 'smtpEml' }]);
        return section;
      });
    }

    const capabilities: lsp.ServerCapabilities = {
      textDocumentSync: { openClose: true, change: lsp.TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', '<', '-', '=', '/', ' '], resolveProvider: false },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: {
        codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.RefactorRewrite, lsp.CodeActionKind.Source, FIX_ALL_KIND],
        resolveProvider: resolvesCodeActionEdits,
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
    if (settingsStore.perDocument) {
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, { section: 'smtpEml' }).catch(() => undefined);
      await settingsStore.refreshGlobal();
      revalidateAll();
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (settingsStore.perDocument) {
      // Any folder's settings may have changed: forget them all; each document asks again.
      settingsStore.clear();
      await settingsStore.refreshGlobal();
    } else {
      settingsStore.setGlobal((change.settings as { smtpEml?: unknown } | undefined)?.smtpEml);
    }
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
    scheduleValidation(e.document, settingsStore.peek(e.document.uri).debounceMs);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    timers.delete(uri);
    memos.delete(uri);
    earlier.delete(uri);
    editLogs.delete(uri);
    validationCosts.delete(uri);
    diagnosticsCache.delete(uri);
    settingsStore.delete(uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    if (!documents.get(uri)) return { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await settingsStore.get(uri);
    const document = documents.get(uri);
    if (!document || token.isCancellationRequested) return { kind: lsp.DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: lsp.DocumentDiagnosticReportKind.Full, items: computeDiagnostics(document, settings) };
  });

  /**
   * Runs one feature request on a document with that document's settings:
   * `fallback` when the document is not open, not ours, or the request was
   * cancelled while its settings were asked for.
   */
  async function withDocument<T>(
    what: string,
    uri: string,
    token: lsp.CancellationToken,
    fallback: T,
    run: (ctx: FeatureContext, features: LanguageFeatures) => T,
  ): Promise<T> {
    if (!documents.get(uri)) return fallback;
    const settings = await settingsStore.get(uri);
    const document = documents.get(uri);
    const features = document && featuresOf(document);
    if (!document || !features || token.isCancellationRequested) return fallback;
    return guard(what, fallback, () => run(contextOf(document, settings), features));
  }

  connection.onHover((p, token) =>
    withDocument('hover', p.textDocument.uri, token, null, (ctx, f) => (f.hover ? f.hover(ctx, clampPosition(ctx, p.position)) : null)),
  );
  connection.onCompletion((p, token) =>
    withDocument('completion', p.textDocument.uri, token, [], (ctx, f) => (f.completion ? f.completion(ctx, clampPosition(ctx, p.position), p.context) : [])),
  );
  connection.onDocumentSymbol((p, token) =>
    withDocument('documentSymbols', p.textDocument.uri, token, [], (ctx, f) => (f.documentSymbols ? f.documentSymbols(ctx) : [])),
  );
  connection.onFoldingRanges((p, token) =>
    withDocument('foldingRanges', p.textDocument.uri, token, [], (ctx, f) => (f.foldingRanges ? f.foldingRanges(ctx) : [])),
  );
  connection.onCodeAction((p, token) =>
    withDocument('codeActions', p.textDocument.uri, token, [], (ctx, f) => {
      if (!f.codeActions) return [];
      const { document } = ctx;
      const fixesFor = (diagnostics: lsp.Diagnostic[]): lsp.CodeAction[] =>
        f.codeActions!(ctx, { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, diagnostics);
      const only = p.context.only;
      const wanted = (kind: string | undefined): boolean => !only || (!!kind && only.some((k) => kind === k || kind.startsWith(`${k}.`)));
      const all = computeDiagnostics(document, ctx.settings);
      const actions: lsp.CodeAction[] = [];
      if (wanted(lsp.CodeActionKind.QuickFix) || wanted(lsp.CodeActionKind.RefactorRewrite) || wanted(lsp.CodeActionKind.Source)) {
        actions.push(...withFixAllOfCode(document, ctx.l10n.fixAll, f.codeActions(ctx, p.range, p.context.diagnostics), all, fixesFor));
      }
      // VS Code asks for source.fixAll by kind (Fix All, codeActionsOnSave): the whole document's fixes in one edit.
      if (only && wanted(FIX_ALL_KIND)) {
        const fixAll = fixAllAction(document, ctx.l10n.fixAll, fixesFor([...all]));
        if (fixAll) actions.push(fixAll);
      }
      return actions.filter((a) => wanted(a.kind));
    }),
  );
  connection.onCodeActionResolve((action, token) => {
    const uri = (action.data as { uri?: unknown } | undefined)?.uri;
    if (typeof uri !== 'string') return action;
    return withDocument('codeActionResolve', uri, token, action, (ctx, f) => (f.resolveCodeAction ? f.resolveCodeAction(ctx, action) : action));
  });
  connection.languages.semanticTokens.on((p, token) =>
    withDocument('semanticTokens', p.textDocument.uri, token, { data: [] } as lsp.SemanticTokens, (ctx, f) =>
      f.semanticTokens ? encodeSemanticTokens(ctx.document, f.semanticTokens(ctx)) : { data: [] },
    ),
  );
  connection.languages.inlayHint.on((p, token) =>
    withDocument('inlayHints', p.textDocument.uri, token, [], (ctx, f) => (f.inlayHints ? f.inlayHints(ctx, p.range) : [])),
  );
  connection.onCodeLens((p, token) =>
    withDocument('codeLenses', p.textDocument.uri, token, [], (ctx, f) => (f.codeLenses ? f.codeLenses(ctx) : [])),
  );

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

/**
 * The position as it is in the document: a client may send a character past
 * the end of its line (or a line past the end), and an edit range built from
 * it would reach past the line end.
 */
function clampPosition(ctx: { document: { offsetAt(p: lsp.Position): number; positionAt(o: number): lsp.Position } }, position: lsp.Position): lsp.Position {
  return ctx.document.positionAt(ctx.document.offsetAt(position));
}

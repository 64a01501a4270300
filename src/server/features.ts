/**
 * The contract between the LSP core (`server.ts`) and each language's features.
 *
 * A language (eml, smtp-transcript) plugs in one `LanguageFeatures` object. The core
 * owns documents, settings, scheduling and the problem-to-diagnostic mapping; the
 * features own what the language means. Features get a `FeatureContext` and return
 * LSP types (they live in `src/server/`), except validation, which returns pure
 * `Problem`s from `src/mail/` so that one place turns offsets into ranges.
 */
import type * as lsp from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../mail/codes';
import type { TextEdit } from '../mail/message/incremental';
import type { ServerBundle } from './l10n';
import type { SemanticTokenSpan } from './semanticTokens';
import type { ServerSettings } from './settings';

/** What every feature call receives. */
export interface FeatureContext {
  readonly document: TextDocument;
  readonly settings: ServerSettings;
  /**
   * True when the client fills a code action's edit later (`codeAction/resolve`
   * with `edit` in `resolveSupport`): costly edits are then computed only for
   * the action the user picks, not on every request.
   */
  readonly resolvesCodeActionEdits?: boolean;
  /** BCP 47 locale the client asked for (`en` when none); dates and numbers are formatted for it. */
  readonly locale: string;
  /** Every text of the locale's language (./l10n.ts), chosen once per request. */
  readonly l10n: ServerBundle;
  /**
   * A per-document-version memo: the same key returns the same value until the
   * document changes. Use it to share one parse between validation and features.
   * The value is dropped with its version.
   */
  memo<T>(key: string, compute: () => T): T;
  /**
   * `memo` for a value that can be updated from an earlier version's: `compute`
   * receives, when known, the value the same key had for an earlier version and
   * the one edit that turns that version's text into this one's, so that it can
   * update the value instead of computing it afresh. Only these values are kept
   * past their version, until the next version's is computed from them.
   */
  memoFromEarlier<T>(key: string, compute: (previous?: PreviousValue<T>) => T): T;
  /**
   * Drops every cached result and validates the open documents again: for
   * something validation read outside the document that changed since (a DNS
   * answer arrived). Absent where nothing can be refreshed (a one-off call).
   */
  readonly refresh?: () => void;
  /** File system paths of the client's workspace folders (empty when none or not a file: URI). */
  readonly workspaceFolders: readonly string[];
  /** The other documents open in the server (same language or not). */
  otherDocuments(): TextDocument[];
}

/** A memoised value of an earlier version of a document, and the edit from that version to the current one. */
export interface PreviousValue<T> {
  readonly value: T;
  readonly edit: TextEdit;
}

/** Options that bound validation work, so no input (however large or deep) makes it unbounded. */
export interface ValidationLimits {
  /** Documents larger than this (in UTF-16 code units) are only partly validated. */
  readonly maxFullSize: number;
  /** Deepest MIME nesting validated. */
  readonly maxDepth: number;
}

/** One language's features. Only `validate` is required. */
export interface LanguageFeatures {
  readonly languageId: string;
  validate(ctx: FeatureContext): Problem[];
  hover?(ctx: FeatureContext, position: lsp.Position): lsp.Hover | null;
  completion?(ctx: FeatureContext, position: lsp.Position, context?: lsp.CompletionContext): lsp.CompletionItem[] | lsp.CompletionList;
  documentSymbols?(ctx: FeatureContext): lsp.DocumentSymbol[];
  foldingRanges?(ctx: FeatureContext): lsp.FoldingRange[];
  /** `diagnostics` are those the client sent for the range (already mapped). */
  codeActions?(ctx: FeatureContext, range: lsp.Range, diagnostics: lsp.Diagnostic[]): lsp.CodeAction[];
  /** Fills in the edit of an action `codeActions` returned without one (`codeAction/resolve`). */
  resolveCodeAction?(ctx: FeatureContext, action: lsp.CodeAction): lsp.CodeAction;
  semanticTokens?(ctx: FeatureContext): SemanticTokenSpan[];
  inlayHints?(ctx: FeatureContext, range: lsp.Range): lsp.InlayHint[];
  codeLenses?(ctx: FeatureContext): lsp.CodeLens[];
  /**
   * Custom requests (e.g. `smtpEml/decodePart`). Each receives the params and a
   * function that gives the context of a document by URI (undefined when not open).
   */
  requests?: Record<string, (params: any, contextOf: (uri: string) => FeatureContext | undefined) => unknown>;
}

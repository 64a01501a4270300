/**
 * Settings per document: each document's `smtpEml` section is asked for with
 * its own `scopeUri`, so a workspace folder's `.vscode/settings.json` (and
 * VS Code's resource-scoped settings) apply to the files in that folder.
 * Answers are cached per URI until the configuration changes or the document
 * closes (modelled on css-language-features' `getDocumentSettings`).
 */
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';

/** Asks the client for the raw `smtpEml` section of one scope (undefined: no scope). */
export type SectionFetcher = (scopeUri: string | undefined) => Promise<unknown>;

/** A per-URI cache of settings, filled on first use. */
export class DocumentSettings {
  private readonly pending = new Map<string, Promise<ServerSettings>>();
  private readonly resolved = new Map<string, ServerSettings>();
  /** Settings without a scope: used where no document is known, or when the client cannot answer per scope. */
  private global: ServerSettings = DEFAULT_SETTINGS;
  private fetcher: SectionFetcher | undefined;

  /** Turns per-scope requests on (the client announced `workspace.configuration`). */
  useFetcher(fetcher: SectionFetcher): void {
    this.fetcher = fetcher;
  }

  /** True when settings are asked for per document. */
  get perDocument(): boolean {
    return this.fetcher !== undefined;
  }

  /** Sets the unscoped settings (initialization options, or a pushed didChangeConfiguration). */
  setGlobal(section: unknown): void {
    this.global = readSettings(section);
  }

  /** The unscoped settings. */
  get globalSettings(): ServerSettings {
    return this.global;
  }

  /** Re-reads the unscoped section from the client; keeps the old value when it cannot answer. */
  async refreshGlobal(): Promise<void> {
    if (!this.fetcher) return;
    try {
      this.global = readSettings(await this.fetcher(undefined));
    } catch {
      this.global = DEFAULT_SETTINGS;
    }
  }

  /** The settings that apply to `uri`, asked for once and then cached. */
  get(uri: string): Promise<ServerSettings> {
    if (!this.fetcher) return Promise.resolve(this.global);
    let entry = this.pending.get(uri);
    if (!entry) {
      const fetcher = this.fetcher;
      entry = fetcher(uri).then(
        (section) => readSettings(section),
        // A client that fails to answer gets the unscoped settings, not an error per document.
        () => this.global,
      );
      this.pending.set(uri, entry);
      void entry.then((s) => {
        if (this.pending.get(uri) === entry) this.resolved.set(uri, s);
      });
    }
    return entry;
  }

  /**
   * The settings for `uri` if they have already arrived, else the unscoped
   * ones: for synchronous callers, such as a debounce delay before the fetch.
   */
  peek(uri: string): ServerSettings {
    return this.resolved.get(uri) ?? this.global;
  }

  /** Forgets one document's settings (it closed). */
  delete(uri: string): void {
    this.pending.delete(uri);
    this.resolved.delete(uri);
  }

  /** Forgets every document's settings (the configuration changed). */
  clear(): void {
    this.pending.clear();
    this.resolved.clear();
  }
}

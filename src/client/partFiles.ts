/**
 * Decoded MIME parts as read-only files, for Decode Part and the preview's Open:
 * `smtp-eml-part:/<part number>/<file name>?<address>`. The address names the
 * document holding the message, an offset inside the message (it selects the
 * message of an mbox or a transcript) and the part's IMAP-style number; the
 * content is decoded from the document's current text on each read, so the
 * file follows edits of its source. The file name (the part's own, else
 * `part.<extension of its type>`) gives the tab its title and VS Code its editor.
 */
import * as vscode from 'vscode';
import type * as PartContentModule from './partContent';
import { languageOfPart } from './partNames';
import { ReadonlyFileSystem } from './readonlyFolder';

/** The decoding, loaded on first use (see partContent.ts). */
const content = (): typeof PartContentModule => require('./partContent') as typeof PartContentModule;

/** URI scheme of decoded parts. */
export const PART_SCHEME = 'smtp-eml-part';

/** Edits of a source closer together than this refresh its open parts once. */
const REFRESH_DELAY_MS = 300;

/** Where a part is: its message's document, an offset inside the message, its part number. */
export interface PartAddress {
  /** URI of the document holding the message. */
  uri: string;
  /** An offset inside the message (0 for an .eml). */
  at: number;
  /** IMAP-style part number: '' for the message itself, '1', '1.2', ... */
  path: string;
}

/** The URI of a decoded part. */
export function partUri(address: PartAddress, name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PART_SCHEME, path: `/${address.path || 'message'}/${name}`, query: JSON.stringify(address) });
}

/** The address a `smtp-eml-part:` URI carries (undefined for any other URI). */
export function addressOf(uri: vscode.Uri): PartAddress | undefined {
  if (uri.scheme !== PART_SCHEME) return undefined;
  try {
    const a = JSON.parse(uri.query) as Partial<PartAddress>;
    return typeof a.uri === 'string' && typeof a.at === 'number' && typeof a.path === 'string' ? { uri: a.uri, at: a.at, path: a.path } : undefined;
  } catch {
    return undefined;
  }
}

/** The read-only file system of decoded parts; also opens and saves them. */
export class PartFiles extends ReadonlyFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** Part URIs VS Code watches (its open editors), by their source's URI. */
  private readonly watched = new Map<string, Set<string>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[];

  constructor() {
    super();
    this.disposables = [
      vscode.workspace.registerFileSystemProvider(PART_SCHEME, this, { isReadonly: true, isCaseSensitive: true }),
      // An open part follows its source: VS Code reads the file again on a change event.
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri.toString())),
      this.changed,
    ];
  }

  private sourceChanged(source: string): void {
    if (!this.watched.has(source) || this.timers.has(source)) return;
    this.timers.set(
      source,
      setTimeout(() => {
        this.timers.delete(source);
        const uris = [...(this.watched.get(source) ?? [])];
        if (uris.length) this.changed.fire(uris.map((u) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(u) })));
      }, REFRESH_DELAY_MS),
    );
  }

  /** Opens the part at `address`: text parts in a read-only editor in the language of their type, others in VS Code's editor for their name. */
  async open(address: PartAddress, viewColumn: vscode.ViewColumn | undefined): Promise<vscode.Uri | undefined> {
    const found = await content().resolvePart(address);
    if (!found) return undefined;
    const uri = partUri(address, found.name);
    if (!found.isText) {
      await vscode.commands.executeCommand('vscode.open', uri, { viewColumn, preview: false });
      return uri;
    }
    let document = await vscode.workspace.openTextDocument(uri);
    const language = languageOfPart(found.contentType);
    // The file name may already have chosen a better language (an installed CSV extension, say).
    if (language && document.languageId !== language && (language !== 'plaintext' || document.languageId === 'plaintext')) {
      document = await vscode.languages.setTextDocumentLanguage(document, language);
    }
    await vscode.window.showTextDocument(document, { viewColumn, preview: false });
    return uri;
  }

  /** Asks where to save the part at `address` (suggesting its own name beside the message) and writes its bytes; returns the file's URI. */
  async saveAs(address: PartAddress): Promise<vscode.Uri | undefined> {
    const found = await content().resolvePart(address);
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The part is no longer in its message.'));
      return undefined;
    }
    return savePartBytes(found.bytes, found.name, found.contentType, vscode.Uri.parse(address.uri));
  }

  private async read(uri: vscode.Uri): Promise<{ bytes: Uint8Array; version: number }> {
    const address = addressOf(uri);
    const found = address && (await content().resolvePart(address));
    if (!found) throw vscode.FileSystemError.FileNotFound(uri);
    return { bytes: found.bytes, version: found.version };
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    const source = addressOf(uri)?.uri;
    if (!source) return new vscode.Disposable(() => undefined);
    const key = uri.toString();
    const set = this.watched.get(source) ?? new Set<string>();
    set.add(key);
    this.watched.set(source, set);
    // VS Code watches a part only while its editor is visible: what changed while it was hidden
    // (or since it was read) is reported when the watch starts; an unchanged part costs one stat.
    const initial = setImmediate(() => this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]));
    return new vscode.Disposable(() => {
      clearImmediate(initial);
      set.delete(key);
      if (!set.size) this.watched.delete(source);
    });
  }
  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { bytes, version } = await this.read(uri);
    // The source's version stands for the time: a new version is a changed file to VS Code.
    return { type: vscode.FileType.File, ctime: 0, mtime: version, size: bytes.length, permissions: vscode.FilePermission.Readonly };
  }
  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.read(uri)).bytes;
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.watched.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** Asks where to save a part's bytes (suggesting `name` beside the message, untitled ones: in the first workspace folder) and writes them. */
export async function savePartBytes(bytes: Uint8Array, name: string, contentType: string, source: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    saveLabel: vscode.l10n.t('Save Attachment'),
    title: vscode.l10n.t('Save {0} ({1} bytes)', contentType, bytes.length),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} bytes to {1}', bytes.length, target.fsPath));
  return target;
}

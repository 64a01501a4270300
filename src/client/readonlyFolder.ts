/**
 * A read-only file system over one folder (`<scheme>:/<name>` is `<folder>/<name>`),
 * for records nobody should edit by mistake: session logs and the local inbox's
 * session transcripts. Only plain names are served (no sub-paths, no `..`), so
 * nothing outside the folder is reachable.
 *
 * The files may still grow: the inbox appends to a transcript while its session
 * runs. VS Code reloads an open document when its file system reports a change,
 * but it watches files outside the workspace only while their editor is visible,
 * and starts watching only after it has read the file. So a change is reported
 * when a document of it opens and when a watch starts (the file may have changed
 * since it was read, or while its editor was hidden), on each change seen while
 * watched, and whenever the writer says so (`changed`). A report for an unchanged
 * file costs VS Code one stat.
 */
import { watch as watchFile, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** A file system whose files are never written: every change is refused with NoPermissions. */
export abstract class ReadonlyFileSystem {
  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** The read-only folder file system of one scheme. */
export class ReadonlyFolder extends ReadonlyFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly registration: vscode.Disposable;

  /** `readonly`: why the files cannot be edited (VS Code shows it when someone tries). */
  constructor(
    private readonly scheme: string,
    private readonly folder: () => vscode.Uri,
    readonly: vscode.MarkdownString,
  ) {
    super();
    this.registration = vscode.Disposable.from(
      vscode.workspace.registerFileSystemProvider(scheme, this, { isCaseSensitive: true, isReadonly: readonly }),
      // A write between VS Code's first read of a file and its document's opening raises no
      // reload (there is no document yet to reload): once it is open, it is checked again.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme === scheme) setImmediate(() => this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: d.uri }]));
      }),
    );
  }

  /** The URI of a file of the folder by its name. */
  uriOf(name: string): vscode.Uri {
    return vscode.Uri.from({ scheme: this.scheme, path: `/${name}` });
  }

  /** Tells VS Code that the named file has changed (open documents of it are read again). */
  changed(name: string): void {
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: this.uriOf(name) }]);
  }

  private target(uri: vscode.Uri): vscode.Uri {
    const name = uri.path.replace(/^\/+/, '');
    if (!name) return this.folder();
    if (name.includes('/') || name.includes('\\') || name === '..' || name === '.') throw vscode.FileSystemError.FileNotFound(uri);
    return vscode.Uri.joinPath(this.folder(), path.basename(name));
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    let target: vscode.Uri;
    try {
      target = this.target(uri);
    } catch {
      return new vscode.Disposable(() => undefined);
    }
    const report = (): void => this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    let watcher: FSWatcher | undefined;
    try {
      watcher = watchFile(target.fsPath, { persistent: false }, report);
      watcher.on('error', () => watcher?.close());
    } catch {
      // A file that is gone or cannot be watched: nothing to follow.
    }
    // After VS Code has set up the watch: what changed before it started.
    const initial = setImmediate(report);
    return new vscode.Disposable(() => {
      clearImmediate(initial);
      watcher?.close();
    });
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(this.target(uri)).then((s) => ({ ...s, permissions: vscode.FilePermission.Readonly }));
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.target(uri));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.target(uri));
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}

/**
 * Session logs: every Send's transcript is saved as an `.smtp` file (in the
 * extension's storage, or the folder `smtpEml.sessionLogs.folder` names) and
 * opened read-only through the `smtp-eml-log:` file system, so the tab carries the
 * file's name, closing it asks nothing, and nobody edits a record by mistake.
 * **Open Session Log…** lists the saved logs, newest first. The oldest logs beyond
 * `smtpEml.sessionLogs.keep` are deleted, so the folder does not grow without bound.
 */
import * as vscode from 'vscode';
import { ReadonlyFolder } from './readonlyFolder';
import { describeSessionLog, sessionLogFileName, SESSION_LOG_PATTERN, subjectOfTranscript } from './sessionLogNames';

/** URI scheme of read-only session logs (`smtp-eml-log:/<file name>`). */
export const SESSION_LOG_SCHEME = 'smtp-eml-log';

/** What the Send command knows about a finished session. */
export interface SessionLogInfo {
  server: string;
  status: 'sent' | 'failed' | 'cancelled';
  when: Date;
}

/** Saves, lists, prunes and opens session logs. */
export class SessionLogs implements vscode.Disposable {
  private readonly files: ReadonlyFolder;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.files = new ReadonlyFolder(
      SESSION_LOG_SCHEME,
      () => this.folder(),
      new vscode.MarkdownString(vscode.l10n.t('Session logs are records of what was said; they are kept read-only.')),
    );
  }

  /** The folder logs are saved in: the setting, else the extension's global storage. */
  folder(): vscode.Uri {
    const configured = vscode.workspace.getConfiguration('smtpEml').get<string>('sessionLogs.folder', '').trim();
    if (configured) return vscode.Uri.file(configured.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~'));
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'session-logs');
  }

  /** The read-only URI of a saved log file name. */
  uriOf(fileName: string): vscode.Uri {
    return this.files.uriOf(fileName);
  }

  /** Writes `transcript` as a new `.smtp` file; returns its read-only URI. */
  async save(transcript: string, info: SessionLogInfo): Promise<vscode.Uri> {
    const folder = this.folder();
    await vscode.workspace.fs.createDirectory(folder);
    let name = sessionLogFileName(info.when, info.status, info.server);
    // Two sends in the same millisecond to the same server: a counter keeps both.
    for (let i = 2; await exists(vscode.Uri.joinPath(folder, name)); i++) name = sessionLogFileName(info.when, info.status, info.server, i);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), Buffer.from(transcript, 'utf8'));
    await this.prune();
    return this.uriOf(name);
  }

  /** Saved logs, newest first. */
  async list(): Promise<string[]> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(this.folder());
    } catch {
      return [];
    }
    return entries
      .filter(([name, type]) => type === vscode.FileType.File && SESSION_LOG_PATTERN.test(name))
      .map(([name]) => name)
      .sort()
      .reverse();
  }

  /** Deletes the oldest logs beyond the `keep` setting (only files this extension named). */
  private async prune(): Promise<void> {
    const keep = Math.max(1, vscode.workspace.getConfiguration('smtpEml').get<number>('sessionLogs.keep', 200));
    const names = await this.list();
    for (const name of names.slice(keep)) {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder(), name)).then(undefined, () => undefined);
    }
  }

  /** Shows the list and opens the chosen log read-only. */
  async pickAndOpen(): Promise<vscode.Uri | undefined> {
    const names = await this.list();
    if (!names.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No session logs yet: each Send Message saves one.'));
      return undefined;
    }
    const items = await Promise.all(
      names.map(async (name) => {
        const described = describeSessionLog(name);
        const subject = await this.subjectOf(name);
        return {
          label: subject ?? vscode.l10n.t('(no subject)'),
          description: described ? `${described.server} · ${statusText(described.status)}` : name,
          detail: described ? described.when.toLocaleString() : undefined,
          name,
        };
      }),
    );
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Session logs'),
      placeHolder: vscode.l10n.t('Open a saved session log (newest first)'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    const uri = this.uriOf(picked.name);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  }

  /** The Subject inside the log's DATA, read from its first 64 KB. */
  private async subjectOf(name: string): Promise<string | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder(), name));
      return subjectOfTranscript(Buffer.from(bytes.subarray(0, 64 * 1024)).toString('utf8'));
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.files.dispose();
  }
}

function statusText(status: string): string {
  if (status === 'sent') return vscode.l10n.t('sent');
  if (status === 'failed') return vscode.l10n.t('failed');
  return vscode.l10n.t('cancelled');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

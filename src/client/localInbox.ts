/**
 * The built-in local test inbox in VS Code: an SMTP server on 127.0.0.1 that
 * saves every message it receives as an `.eml` file (engine: `src/send/inbox.ts`).
 * Send uses it when no server profile is configured, so a new user can try
 * sending without an account. A status bar item shows it while it runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as InboxModule from '../send/inbox';
import type { InboxScript } from '../send/inboxScript';
import type * as ScriptModule from '../send/inboxScript';
import type * as I18nModule from '../mail/i18n';
import type * as ListingModule from '../send/inboxListing';
import type { InboxSessionEntry } from '../send/inboxListing';
import { ReadonlyFolder } from './readonlyFolder';

type Inbox = Awaited<ReturnType<typeof InboxModule.startLocalInbox>>;

/** Reading and deleting the folder's entries, loaded on first use like the inbox itself. */
export function inboxListing(): typeof ListingModule {
  return require('../send/inboxListing') as typeof ListingModule;
}

/** URI scheme of the inbox's session transcripts, opened read-only (`smtp-eml-inbox:/<file name>`). */
export const INBOX_TRANSCRIPT_SCHEME = 'smtp-eml-inbox';

/** Owns the running inbox (at most one per window) and its status bar item. */
export class LocalInboxController implements vscode.Disposable {
  private inbox: Inbox | undefined;
  private starting: Promise<Inbox> | undefined;
  private received = 0;
  /** The script the running inbox plays, with its file name. */
  private script: { file: string; script: InboxScript } | undefined;
  private readonly listeners = new Set<(file: string) => void>();
  private readonly status: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the inbox starts or stops, stores a message or ends a session. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.status = vscode.window.createStatusBarItem('smtpEml.localInbox', vscode.StatusBarAlignment.Left, 10);
    this.status.name = 'SMTP & EML Local Inbox';
    this.status.command = 'smtpEml.openLocalInbox';
    this.transcripts = new ReadonlyFolder(
      INBOX_TRANSCRIPT_SCHEME,
      () => vscode.Uri.file(this.dir),
      new vscode.MarkdownString(vscode.l10n.t('Inbox transcripts are records of what a client said; they are kept read-only.')),
    );
  }

  /** The inbox's transcripts, read-only; an open one follows its session as the inbox appends to it. */
  private readonly transcripts: ReadonlyFolder;

  /**
   * The URI to open a session transcript by: read-only through the inbox's file
   * system when it is in the inbox folder (VS Code is told when its session ends,
   * shown or not), else the file itself.
   */
  transcriptUri(file: string): vscode.Uri {
    return path.dirname(path.resolve(file)) === path.resolve(this.dir) ? this.transcripts.uriOf(path.basename(file)) : vscode.Uri.file(file);
  }

  /** Folder the messages go to: the setting, else the extension's global storage. */
  folder(): string {
    const configured = vscode.workspace.getConfiguration('smtpEml').get<string>('localInbox.folder', '').trim();
    if (configured) {
      const expanded = configured.replace(/^~(?=$|\/)/, process.env.HOME ?? '~');
      if (path.isAbsolute(expanded)) return expanded;
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      return root ? path.join(root, expanded) : path.resolve(expanded);
    }
    return path.join(this.context.globalStorageUri.fsPath, 'inbox');
  }

  /** The running inbox, if any. */
  get running(): { port: number; dir: string } | undefined {
    return this.inbox ? { port: this.inbox.port, dir: this.inbox.dir } : undefined;
  }

  /** The file of the script the running inbox plays, if any. */
  get scriptFile(): string | undefined {
    return this.inbox ? this.script?.file : undefined;
  }

  /**
   * Starts the inbox, or returns the running one. `script` undefined: any
   * running inbox will do (Send uses the one the user started, scripted or
   * not); null: one that answers normally; a script: one that plays it. A
   * running inbox of the other kind is restarted.
   */
  async start(script?: { file: string; script: InboxScript } | null): Promise<{ port: number; dir: string }> {
    if (this.inbox && script !== undefined && (script?.script ?? undefined) !== this.script?.script) await this.stop();
    if (this.inbox) return this.running!;
    this.script = script ?? undefined;
    if (!this.starting) {
      const dir = this.folder();
      const port = vscode.workspace.getConfiguration('smtpEml').get<number>('localInbox.port', 0);
      this.starting = (async () => {
        await fs.promises.mkdir(dir, { recursive: true });
        // Loaded on first use: smtp-server costs ~50 ms to load, which activation must not pay.
        const { startLocalInbox } = require('../send/inbox') as typeof InboxModule;
        const inbox = await startLocalInbox({ port, dir, ...(script ? { script: script.script } : {}) });
        inbox.onMessage((file) => {
          this.received++;
          this.log.info(`Local inbox: received ${file}`);
          this.updateStatus();
          for (const l of this.listeners) l(file);
          this.changed.fire();
        });
        inbox.onSession((session) => {
          this.log.info(`Local inbox: session transcript ${session.transcript}`);
          // The transcript is complete: an open document of it is read again, even in a hidden tab.
          this.transcripts.changed(path.basename(session.transcript));
          this.changed.fire();
        });
        return inbox;
      })();
    }
    try {
      this.inbox = await this.starting;
    } finally {
      this.starting = undefined;
    }
    this.log.info(`Local test inbox listening on 127.0.0.1:${this.inbox.port}, saving to ${this.inbox.dir}`);
    this.updateStatus();
    this.changed.fire();
    return this.running!;
  }

  /** Stops the inbox; the saved messages stay. */
  async stop(): Promise<boolean> {
    const inbox = this.inbox;
    if (!inbox) return false;
    this.inbox = undefined;
    await inbox.close();
    this.log.info('Local test inbox stopped');
    this.updateStatus();
    this.changed.fire();
    return true;
  }

  /** Calls `cb` with the path of each message saved from now on. */
  onMessage(cb: (file: string) => void): vscode.Disposable {
    this.listeners.add(cb);
    return new vscode.Disposable(() => this.listeners.delete(cb));
  }

  /** The folder shown: the running inbox's, else the configured one. */
  get dir(): string {
    return this.running?.dir ?? this.folder();
  }

  /** Sessions and their messages, newest first (read from the folder). */
  async sessions(): Promise<InboxSessionEntry[]> {
    return inboxListing().listInbox(this.dir);
  }

  /** Saved messages, newest first. */
  async messages(): Promise<string[]> {
    return (await this.sessions()).flatMap((s) => [...s.messages].reverse().map((m) => m.file));
  }

  /** Tells the listeners (the Inbox view) that the folder changed outside the inbox. */
  refresh(): void {
    this.changed.fire();
  }

  private updateStatus(): void {
    if (!this.inbox) {
      this.status.hide();
      return;
    }
    this.status.text = `$(inbox) Inbox :${this.inbox.port}${this.script ? ` $(beaker) ${path.basename(this.script.file)}` : ''}${this.received ? ` (${this.received})` : ''}`;
    this.status.tooltip =
      this.received === 1
        ? vscode.l10n.t('Local test inbox on 127.0.0.1:{0}\nSaving to {1}\n1 message received. Click to open.', this.inbox.port, this.inbox.dir)
        : vscode.l10n.t('Local test inbox on 127.0.0.1:{0}\nSaving to {1}\n{2} messages received. Click to open.', this.inbox.port, this.inbox.dir, this.received);
    this.status.show();
  }

  dispose(): void {
    this.status.dispose();
    this.changed.dispose();
    this.transcripts.dispose();
    void this.stop();
  }
}

/**
 * The text of a script: its open document's (unsaved edits included; the only text of an
 * untitled one), else its file's, through VS Code's file systems (read-only folders too).
 */
async function scriptText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Registers the start/stop/open commands of the local inbox. */
export function registerLocalInboxCommands(controller: LocalInboxController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('smtpEml.startLocalInbox', async () => {
      try {
        const { port, dir } = await controller.start(null);
        void vscode.window.showInformationMessage(vscode.l10n.t('Local test inbox listening on 127.0.0.1:{0}; messages are saved to {1}.', port, dir));
        return { port, dir };
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The local test inbox did not start: {0}', (e as Error).message));
        return undefined;
      }
    }),
    vscode.commands.registerCommand('smtpEml.startLocalInboxWithScript', async (arg?: vscode.Uri | string) => {
      let uri = typeof arg === 'string' ? vscode.Uri.file(arg) : arg instanceof vscode.Uri ? arg : undefined;
      const active = vscode.window.activeTextEditor?.document;
      // Any transcript editor: a saved file, an unsaved one, a read-only inbox transcript or session log.
      if (!uri && active?.languageId === 'smtp-transcript') uri = active.uri;
      if (!uri) {
        const picked = await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Script for the local test inbox'),
          openLabel: vscode.l10n.t('Start with This Script'),
          filters: { [vscode.l10n.t('SMTP transcripts')]: ['smtp'] },
        });
        uri = picked?.[0];
      }
      if (!uri) return undefined;
      let text: string;
      try {
        text = await scriptText(uri);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The local test inbox did not start: {0}', (e as Error).message));
        return undefined;
      }
      const name = path.posix.basename(uri.path);
      const { loadInboxScript } = require('../send/inboxScript') as typeof ScriptModule;
      const { bundleFor } = require('../mail/i18n') as typeof I18nModule;
      const loaded = loadInboxScript(text, bundleFor(vscode.env.language));
      if (!loaded.script) {
        const first = loaded.problems[0]!;
        const line = text.slice(0, first.offset).split(/\r\n|\r|\n/).length;
        const message =
          loaded.problems.length === 1
            ? vscode.l10n.t('The script {0} has a problem, so the inbox did not start: line {1}: {2}', name, line, first.message)
            : vscode.l10n.t('The script {0} has {1} problems, so the inbox did not start; the first, line {2}: {3}', name, loaded.problems.length, line, first.message);
        const show = vscode.l10n.t('Open Script');
        void vscode.window.showErrorMessage(message, show).then(async (b) => {
          if (b !== show) return;
          const editor = await vscode.window.showTextDocument(uri);
          const at = editor.document.positionAt(first.offset);
          editor.selection = new vscode.Selection(at, at);
        });
        return { problems: loaded.problems.map((p) => ({ code: p.code, line: text.slice(0, p.offset).split(/\r\n|\r|\n/).length, message: p.message })) };
      }
      try {
        const { port, dir } = await controller.start({ file: uri.fsPath, script: loaded.script });
        void vscode.window.showInformationMessage(vscode.l10n.t('Local test inbox listening on 127.0.0.1:{0}, answering as {1} says; messages are saved to {2}.', port, name, dir));
        return { port, dir };
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The local test inbox did not start: {0}', (e as Error).message));
        return undefined;
      }
    }),
    vscode.commands.registerCommand('smtpEml.stopLocalInbox', async () => {
      const stopped = await controller.stop();
      void vscode.window.showInformationMessage(stopped ? vscode.l10n.t('Local test inbox stopped.') : vscode.l10n.t('The local test inbox is not running.'));
      return stopped;
    }),
    vscode.commands.registerCommand('smtpEml.openLocalInbox', async () => {
      const sessions = await controller.sessions();
      const messages = sessions.flatMap((s) => [...s.messages].reverse());
      const dir = controller.dir;
      type Item = vscode.QuickPickItem & { action: () => Thenable<unknown> };
      const items: Item[] = messages.slice(0, 200).map((m) => ({
        label: `$(mail) ${m.subject || vscode.l10n.t('(no subject)')}`,
        description: m.from || vscode.l10n.t('(no sender)'),
        detail: vscode.l10n.t('To {0} · received {1}', m.to || vscode.l10n.t('(no recipient)'), formatReceived(m.received)),
        action: () => vscode.window.showTextDocument(vscode.Uri.file(m.file), { preview: false }),
      }));
      items.push({
        label: `$(root-folder) ${vscode.l10n.t('Add the inbox folder to the workspace')}`,
        description: dir,
        action: async () => {
          await fs.promises.mkdir(dir, { recursive: true });
          const n = vscode.workspace.workspaceFolders?.length ?? 0;
          return vscode.workspace.updateWorkspaceFolders(n, 0, { uri: vscode.Uri.file(dir), name: vscode.l10n.t('Local test inbox') });
        },
      });
      if (vscode.env.remoteName === undefined) {
        items.push({
          label: `$(folder-opened) ${vscode.l10n.t('Reveal the inbox folder in the OS')}`,
          description: dir,
          action: () => vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(dir)),
        });
      }
      const picked = await vscode.window.showQuickPick(items, {
        title: describeCount(messages.length),
        placeHolder: vscode.l10n.t('Open a received message, or the folder'),
        matchOnDescription: true,
        matchOnDetail: true,
      });
      await picked?.action();
      return messages[0]?.file;
    }),
  ];
}

/** "Local test inbox: 1 message" / "... 3 messages" / "... no messages yet". */
export function describeCount(count: number): string {
  if (count === 0) return vscode.l10n.t('Local test inbox: no messages yet');
  return count === 1 ? vscode.l10n.t('Local test inbox: 1 message') : vscode.l10n.t('Local test inbox: {0} messages', count);
}

/** A received time as the user's locale writes it; the date only when not today. */
export function formatReceived(time: Date): string {
  const today = new Date().toDateString() === time.toDateString();
  const locale = vscode.env.language;
  return today ? time.toLocaleTimeString(locale) : time.toLocaleString(locale);
}

/**
 * The Inbox view in the Explorer: the local test inbox's sessions, newest
 * first, each with the messages it stored (Subject, From → To, received time);
 * a session opens its `.smtp` transcript, a message its source. Delete one or
 * all; a badge counts the messages. The folder is read by
 * `src/send/inboxListing.ts`; this module only wires VS Code.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InboxMessageEntry, InboxSessionEntry } from '../send/inboxListing';
import { formatReceived, inboxListing, type LocalInboxController } from './localInbox';

/** A node of the tree: a session or one of its messages. */
export type InboxNode = { kind: 'session'; session: InboxSessionEntry } | { kind: 'message'; message: InboxMessageEntry; session: InboxSessionEntry };

/** Changes coming in a burst (a client sending 100 messages) refresh the view once. */
const REFRESH_DELAY_MS = 300;

function messageCount(n: number): string {
  if (n === 0) return vscode.l10n.t('nothing stored');
  return n === 1 ? vscode.l10n.t('1 message') : vscode.l10n.t('{0} messages', n);
}

class InboxTreeProvider implements vscode.TreeDataProvider<InboxNode> {
  private readonly changed = new vscode.EventEmitter<InboxNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The last listing, for the badge and for commands given no node. */
  sessions: InboxSessionEntry[] = [];
  private readonly counted = new vscode.EventEmitter<number>();
  /** Fires with the message count after each listing. */
  readonly onDidCount = this.counted.event;

  constructor(private readonly controller: LocalInboxController) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: InboxNode): Promise<InboxNode[]> {
    if (node?.kind === 'message') return [];
    if (node?.kind === 'session') return node.session.messages.map((message) => ({ kind: 'message', message, session: node.session }));
    this.sessions = await this.controller.sessions();
    this.counted.fire(this.sessions.reduce((n, s) => n + s.messages.length, 0));
    return this.sessions.map((session) => ({ kind: 'session', session }));
  }

  getTreeItem(node: InboxNode): vscode.TreeItem {
    if (node.kind === 'session') {
      const s = node.session;
      const label = s.client ? `${formatReceived(s.started)} · ${s.client}` : formatReceived(s.started);
      const item = new vscode.TreeItem(label, s.messages.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `session:${s.stem}`;
      item.description = messageCount(s.messages.length);
      item.iconPath = new vscode.ThemeIcon(s.messages.length ? 'plug' : 'debug-disconnect');
      item.contextValue = s.transcript ? 'smtpEml.inbox.session.transcript' : 'smtpEml.inbox.session';
      const tip = new vscode.MarkdownString(undefined, true);
      tip.appendText(vscode.l10n.t('Session started {0}', s.started.toLocaleString(vscode.env.language)));
      if (s.client) tip.appendText(`\n${vscode.l10n.t('Client: {0}', s.client)}`);
      tip.appendText(`\n${s.transcript ? vscode.l10n.t('Transcript: {0}', path.basename(s.transcript)) : vscode.l10n.t('No transcript')}`);
      item.tooltip = tip;
      if (s.transcript) item.command = { command: 'smtpEml.inbox.openTranscript', title: vscode.l10n.t('Open Transcript'), arguments: [node] };
      return item;
    }
    const m = node.message;
    const item = new vscode.TreeItem(m.subject || vscode.l10n.t('(no subject)'), vscode.TreeItemCollapsibleState.None);
    item.id = `message:${m.file}`;
    item.description = `${m.from || vscode.l10n.t('(no sender)')} → ${m.to || vscode.l10n.t('(no recipient)')} · ${formatReceived(m.received)}`;
    item.iconPath = new vscode.ThemeIcon('mail');
    item.resourceUri = vscode.Uri.file(m.file);
    item.contextValue = node.session.transcript ? 'smtpEml.inbox.message.transcript' : 'smtpEml.inbox.message';
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${escapeMarkdown(m.subject || vscode.l10n.t('(no subject)'))}**\n\n`);
    tip.appendText(`${vscode.l10n.t('From: {0}', m.from)}\n${vscode.l10n.t('To: {0}', m.to)}\n${vscode.l10n.t('Received: {0}', m.received.toLocaleString(vscode.env.language))}\n${path.basename(m.file)}`);
    item.tooltip = tip;
    item.command = { command: 'smtpEml.inbox.openMessage', title: vscode.l10n.t('Open Message'), arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.counted.dispose();
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

/** Registers the Inbox view and its commands. */
export function registerInboxView(controller: LocalInboxController): vscode.Disposable[] {
  const provider = new InboxTreeProvider(controller);
  const view = vscode.window.createTreeView('smtpEml.inbox', { treeDataProvider: provider, showCollapseAll: true });
  const showCount = (n: number): void => {
    view.badge = n ? { value: n, tooltip: n === 1 ? vscode.l10n.t('1 message in the local inbox') : vscode.l10n.t('{0} messages in the local inbox', n) } : undefined;
  };
  /**
   * A collapsed or hidden view asks for no children, so the provider counts
   * nothing: the badge, which shows on the Explorer's activity bar entry
   * whatever the view's state, is then counted from a listing of its own.
   */
  const countHidden = (): void => {
    if (view.visible) return;
    controller.sessions().then(
      (sessions) => showCount(sessions.reduce((n, s) => n + s.messages.length, 0)),
      () => undefined,
    );
  };
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = (): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      provider.refresh();
      countHidden();
    }, REFRESH_DELAY_MS);
  };

  // Files written by another process (smtp-eml inbox on the same folder) or removed by hand.
  let watcher: vscode.FileSystemWatcher | undefined;
  let watched = '';
  const watch = (): void => {
    const dir = controller.dir;
    if (dir === watched) return;
    watcher?.dispose();
    watched = dir;
    watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*.{eml,smtp}'));
    watcher.onDidCreate(refreshSoon);
    watcher.onDidDelete(refreshSoon);
  };
  watch();
  countHidden();

  const setRunningContext = (): void => void vscode.commands.executeCommand('setContext', 'smtpEml.inboxRunning', controller.running !== undefined);
  setRunningContext();

  const nodeOf = (arg: unknown): InboxNode | undefined => {
    if (arg && typeof arg === 'object' && 'kind' in arg) return arg as InboxNode;
    return view.selection[0];
  };
  const open = (file: string): Thenable<unknown> => vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });

  return [
    provider,
    view,
    { dispose: () => watcher?.dispose() },
    { dispose: () => timer && clearTimeout(timer) },
    provider.onDidCount(showCount),
    controller.onDidChange(() => {
      watch();
      setRunningContext();
      refreshSoon();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('smtpEml.localInbox.folder')) {
        watch();
        refreshSoon();
      }
    }),
    // Returns the listing it shows (sessions, newest first): scripts and tests read it.
    vscode.commands.registerCommand('smtpEml.inbox.refresh', async () => {
      provider.refresh();
      return controller.sessions();
    }),
    vscode.commands.registerCommand('smtpEml.inbox.openMessage', async (arg?: unknown) => {
      const node = nodeOf(arg);
      const file = node?.kind === 'message' ? node.message.file : node?.session.messages[0]?.file;
      if (file) await open(file);
      return file;
    }),
    vscode.commands.registerCommand('smtpEml.inbox.openTranscript', async (arg?: unknown) => {
      const node = nodeOf(arg);
      const file = node?.session.transcript;
      if (!file) return undefined;
      await vscode.window.showTextDocument(controller.transcriptUri(file), { preview: false, viewColumn: node?.kind === 'message' ? vscode.ViewColumn.Beside : undefined });
      return file;
    }),
    vscode.commands.registerCommand('smtpEml.inbox.delete', async (arg?: unknown, ...rest: unknown[]) => {
      // A multi-selection arrives as the second argument.
      const nodes = (Array.isArray(rest[0]) ? (rest[0] as InboxNode[]) : [nodeOf(arg)]).filter((n): n is InboxNode => n !== undefined);
      if (!nodes.length) return 0;
      const { deleteInboxMessage, deleteInboxSession } = inboxListing();
      let removed = 0;
      for (const n of nodes) {
        if (n.kind === 'message') {
          await deleteInboxMessage(n.message.file);
          removed++;
        } else {
          await deleteInboxSession(n.session);
          removed += n.session.messages.length;
        }
      }
      provider.refresh();
      return removed;
    }),
    vscode.commands.registerCommand('smtpEml.inbox.deleteAll', async (confirmed?: boolean) => {
      const total = provider.sessions.reduce((n, s) => n + s.messages.length, 0);
      if (confirmed !== true) {
        const yes = vscode.l10n.t('Delete All');
        const answer = await vscode.window.showWarningMessage(
          total === 1 ? vscode.l10n.t('Delete the 1 message and every session transcript of the local inbox?') : vscode.l10n.t('Delete all {0} messages and every session transcript of the local inbox?', total),
          { modal: true, detail: controller.dir },
          yes,
        );
        if (answer !== yes) return 0;
      }
      const { clearInbox } = inboxListing();
      const removed = await clearInbox(controller.dir);
      provider.refresh();
      return removed;
    }),
  ];
}

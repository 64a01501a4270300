/**
 * "Replay against…": a code lens on every transcript that replays its client
 * side against a server (the local test inbox, a configured server, or a
 * host:port typed in) with `src/send/replay.ts`, and opens the live session
 * as a transcript beside it, differences marked.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type * as I18nModule from '../mail/i18n';
import type * as ReplayModule from '../send/replay';
import type { ReplayMatch, ReplayResult } from '../send/replay';
import type { LocalInboxController } from './localInbox';
import { readProfiles, secretKeyFor } from './sendLogic';

/** A server to replay against. */
interface ReplayTarget {
  label: string;
  host: string;
  port?: number;
  security: 'starttls' | 'tls' | 'none';
  user?: string;
  profileName?: string;
  insecure?: boolean;
}

/** What a caller (a test) may pass instead of answering the pickers. */
export interface ReplayCommandOptions {
  uri?: string | vscode.Uri;
  host?: string;
  port?: number;
  security?: 'starttls' | 'tls' | 'none';
  match?: ReplayMatch;
}

/** What the command returns. */
export interface ReplayOutcome {
  result: ReplayResult;
  /** The live session's transcript document. */
  transcriptUri: string;
}

class ReplayLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    // Only a transcript with a client line has something to replay.
    if (!/^C:/m.test(document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 2000), 0)))) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: vscode.l10n.t('$(debug-rerun) Replay against…'), command: 'smtpEml.replayTranscript', arguments: [{ uri: document.uri.toString() }] })];
  }
}

async function pickTarget(inbox: LocalInboxController): Promise<ReplayTarget | undefined> {
  type Item = vscode.QuickPickItem & { target?: ReplayTarget };
  const items: Item[] = [];
  const running = inbox.running;
  items.push({
    label: `$(inbox) ${vscode.l10n.t('Local test inbox')}`,
    description: running ? `127.0.0.1:${running.port}` : vscode.l10n.t('starts it'),
    target: { label: vscode.l10n.t('Local test inbox'), host: '127.0.0.1', port: running?.port ?? -1, security: 'none' },
  });
  const { profiles } = readProfiles(vscode.workspace.getConfiguration('smtpEml').get('servers'));
  for (const p of profiles) {
    items.push({
      label: `$(server) ${p.name}`,
      description: `${p.host}:${p.port ?? (p.security === 'tls' ? 465 : p.security === 'none' ? 25 : 587)} ${p.security ?? 'starttls'}`,
      target: { label: p.name, host: p.host, ...(p.port ? { port: p.port } : {}), security: p.security ?? 'starttls', ...(p.user ? { user: p.user, profileName: p.name } : {}), insecure: p.rejectUnauthorized === false },
    });
  }
  items.push({ label: `$(edit) ${vscode.l10n.t('Another server…')}`, description: vscode.l10n.t('host:port') });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Replay this transcript against which server?') });
  if (!picked) return undefined;
  if (picked.target) return picked.target;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Replay against'),
    prompt: vscode.l10n.t('host:port (plain SMTP; STARTTLS where the transcript has it)'),
    validateInput: (v) => (/^[^\s:]+:\d{1,5}$/.test(v.trim()) ? undefined : vscode.l10n.t('Write it as host:port, for example mx.example.org:25')),
  });
  if (!typed) return undefined;
  const [host, port] = typed.trim().split(':');
  return { label: typed.trim(), host: host!, port: Number(port), security: 'none' };
}

/** Registers the code lens and the replay command. */
export function registerReplayCommands(context: vscode.ExtensionContext, inbox: LocalInboxController): vscode.Disposable[] {
  return [
    vscode.languages.registerCodeLensProvider({ language: 'smtp-transcript' }, new ReplayLensProvider()),
    vscode.commands.registerCommand('smtpEml.replayTranscript', async (arg?: ReplayCommandOptions | vscode.Uri): Promise<ReplayOutcome | undefined> => {
      const options: ReplayCommandOptions = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
      const uri = options.uri === undefined ? vscode.window.activeTextEditor?.document.uri : typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
      if (!uri) return undefined;
      const document = await vscode.workspace.openTextDocument(uri);
      let target: ReplayTarget | undefined = options.host ? { label: `${options.host}:${options.port ?? ''}`, host: options.host, security: options.security ?? 'none', ...(options.port ? { port: options.port } : {}) } : await pickTarget(inbox);
      if (!target) return undefined;
      if (target.port === -1) {
        const { port } = await inbox.start();
        target = { ...target, port };
      }
      let password: string | undefined;
      if (target.user && target.profileName) password = await context.secrets.get(secretKeyFor(target.profileName));
      const { replayTranscript } = require('../send/replay') as typeof ReplayModule;
      // The live transcript's notes and the reason in the messages below, in the editor's language.
      const { bundleFor } = require('../mail/i18n') as typeof I18nModule;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Replaying {0} against {1}', path.basename(uri.path), target.label) },
        () =>
          replayTranscript({
            text: document.getText(),
            host: target.host,
            security: target.security,
            match: options.match ?? 'code',
            ...(target.port ? { port: target.port } : {}),
            ...(target.insecure ? { insecure: true } : {}),
            ...(target.user && password !== undefined ? { user: target.user, password } : {}),
            texts: bundleFor(vscode.env.language).replay,
          }),
      );
      const live = await vscode.workspace.openTextDocument({ language: 'smtp-transcript', content: result.transcript });
      await vscode.window.showTextDocument(live, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
      if (!result.ran) void vscode.window.showErrorMessage(vscode.l10n.t('The replay could not run: {0}', result.error ?? ''));
      else if (result.ok) void vscode.window.showInformationMessage(vscode.l10n.t('Replay against {0}: every reply as in the transcript.', target.label));
      else if (result.mismatches.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('Replay against {0} stopped early: {1}', target.label, result.error ?? ''));
      else {
        const first = result.mismatches[0]!;
        const message =
          result.mismatches.length === 1
            ? vscode.l10n.t('Replay against {0}: 1 reply differs, at line {1} ({2}: expected {3}, got {4}).', target.label, first.line, first.command, first.expected, first.actual)
            : vscode.l10n.t('Replay against {0}: {1} replies differ; the first at line {2} ({3}: expected {4}, got {5}).', target.label, result.mismatches.length, first.line, first.command, first.expected, first.actual);
        void vscode.window.showWarningMessage(message);
      }
      return { result, transcriptUri: live.uri.toString() };
    }),
  ];
}

/**
 * The Send Message command and the server-profile commands (select server,
 * set/clear password). Decisions live in `sendLogic.ts`; the SMTP session in
 * `src/send/`. Passwords are kept only in SecretStorage.
 */
import { dkimSigningFor, setDkimSecret } from './dkimSigning';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildEnvelope } from '../mail/envelope';
import type * as I18nModule from '../mail/i18n';
import { splitMbox, type MboxMessage } from '../mail/mbox/split';
import type * as SendModule from '../send/send';
import { runTokenCommand } from '../send/oauth2';
import type { SendResult, SmtpProfile } from '../send/types';
import type { LocalInboxController } from './localInbox';
import type { SessionLogs } from './sessionLogs';
import {
  chooseMailboxMessage,
  chooseProfile,
  describeStage,
  gateSend,
  LOCAL_INBOX_PROFILE_NAME,
  mailboxMessageText,
  readProfiles,
  secretKeyFor,
  summarizeResult,
  type DiagnosticSummary,
} from './sendLogic';

/** Options a caller (a test, a keybinding) may pass to `smtpEml.sendMessage`. */
export interface SendCommandOptions {
  /** The document to send (default: the active editor's). */
  uri?: string | vscode.Uri;
  /** Profile name to use instead of the default (or `Local test inbox`). */
  server?: string;
  /** What to do when the message has error diagnostics (default: ask; `fill`: add a missing Date/Message-ID and send). */
  onErrors?: 'ask' | 'send' | 'stop' | 'fill';
  /** In a mailbox: which message to send (1-based); default: the one under the cursor, else ask. */
  message?: number;
}

/** What `smtpEml.sendMessage` returns (tests read it). */
export interface SendOutcome {
  status: 'sent' | 'failed' | 'stopped' | 'busy' | 'cancelled' | 'no-document';
  /** The words shown to the user. */
  message: string;
  server?: string;
  result?: SendResult;
  /** The session log (a read-only `.smtp` file) opened beside the message. */
  transcriptUri?: string;
  /** For the local inbox: the file the message was saved as. */
  savedFile?: string;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, DiagnosticSummary['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function summarizeDiagnostics(uri: vscode.Uri): DiagnosticSummary[] {
  return vscode.languages.getDiagnostics(uri).map((d) => ({
    severity: SEVERITY[d.severity],
    code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
    message: d.message,
    line: d.range.start.line,
  }));
}

/**
 * Applies the language server's quick fix of each `codes` diagnostic (Add a Date
 * header (now), Add a Message-ID header) to the document. The server is asked for
 * one diagnostic at a time (several share a range, and VS Code's code action API
 * does not say which action fixes which). Returns why it could not, or undefined.
 */
async function addMissingFields(document: vscode.TextDocument, codes: readonly string[], languageClient: () => Promise<LanguageClient>): Promise<string | undefined> {
  const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
  const client = await languageClient();
  const c2p = client.code2ProtocolConverter;
  // Every fix is read from the same version and applied as one edit: the diagnostics'
  // offsets belong to this version, not to the one after the first insertion.
  const combined = new vscode.WorkspaceEdit();
  const version = document.version;
  for (const code of codes) {
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === code);
    if (!diagnostic) continue;
    const actions = await client.sendRequest<Array<{ title: string; edit?: unknown }> | null>('textDocument/codeAction', {
      textDocument: { uri: c2p.asUri(document.uri) },
      range: c2p.asRange(diagnostic.range),
      context: { diagnostics: [await c2p.asDiagnostic(diagnostic)], only: ['quickfix'] },
    });
    const fix = actions?.find((a) => a.edit);
    if (!fix) return `no quick fix for ${code}`;
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(fix.edit as Parameters<typeof client.protocol2CodeConverter.asWorkspaceEdit>[0]);
    for (const [uri, edits] of edit?.entries() ?? []) for (const e of edits) combined.replace(uri, e.range, e.newText);
  }
  if (document.version !== version) return 'the message changed while the fields were prepared';
  return (await vscode.workspace.applyEdit(combined)) ? undefined : 'the edit was refused';
}

function profilesFromSettings(log: vscode.LogOutputChannel): SmtpProfile[] {
  const { profiles, problems } = readProfiles(vscode.workspace.getConfiguration('smtpEml').get('servers'));
  for (const p of problems) log.warn(p);
  return profiles;
}

async function pickServer(profiles: readonly SmtpProfile[], title: string): Promise<SmtpProfile | 'local' | undefined> {
  const items: Array<vscode.QuickPickItem & { value: SmtpProfile | 'local' }> = profiles.map((p) => ({
    label: p.name,
    description: `${p.host}:${p.port ?? (p.security === 'tls' ? 465 : p.security === 'none' ? 25 : 587)} ${p.security ?? 'starttls'}`,
    detail: p.user ? vscode.l10n.t('user {0}', p.user) : vscode.l10n.t('no authentication'),
    value: p,
  }));
  items.push({ label: LOCAL_INBOX_PROFILE_NAME, description: vscode.l10n.t('127.0.0.1, saves messages as .eml files'), value: 'local' });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('SMTP server to send through') });
  return picked?.value;
}

/** Registers Send Message, Select Server, Set Password and Clear Password. */
export function registerSendCommands(
  context: vscode.ExtensionContext,
  inbox: LocalInboxController,
  sessionLogs: SessionLogs,
  languageClient: () => Promise<LanguageClient>,
): vscode.Disposable[] {
  const log = vscode.window.createOutputChannel('SMTP & EML Send', { log: true });
  /** Documents with a send in progress: a second Send on them is refused. */
  const inFlight = new Set<string>();

  async function passwordFor(profile: SmtpProfile): Promise<string | undefined | null> {
    // An OAuth2 profile logs in with the token its command prints, not a password.
    if (!profile.user || profile.auth === 'oauth2') return undefined;
    const stored = await context.secrets.get(secretKeyFor(profile.name));
    if (stored !== undefined) return stored;
    const entered = await vscode.window.showInputBox({
      title: vscode.l10n.t('Password for {0} on {1}', profile.user ?? '', profile.name),
      prompt: vscode.l10n.t('Stored in VS Code SecretStorage (the OS keychain), never in settings.'),
      password: true,
      ignoreFocusOut: true,
    });
    if (entered === undefined) return null;
    await context.secrets.store(secretKeyFor(profile.name), entered);
    return entered;
  }

  async function send(arg?: vscode.Uri | SendCommandOptions): Promise<SendOutcome> {
    const options: SendCommandOptions = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
    const wanted = options.uri === undefined ? undefined : typeof options.uri === 'string' ? vscode.Uri.parse(options.uri) : options.uri;
    const document = wanted
      ? (vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted.toString()) ?? (await vscode.workspace.openTextDocument(wanted)))
      : vscode.window.activeTextEditor?.document;
    if (!document) {
      const message = vscode.l10n.t('Open an .eml message to send it.');
      void vscode.window.showWarningMessage(message);
      return { status: 'no-document', message };
    }
    const key = document.uri.toString();
    if (inFlight.has(key)) {
      const message = vscode.l10n.t('This message is already being sent; wait for that send to finish (or cancel it).');
      void vscode.window.showWarningMessage(message);
      return { status: 'busy', message };
    }
    inFlight.add(key);
    try {
      return await sendDocument(document, options);
    } finally {
      inFlight.delete(key);
    }
  }

  /** In a mailbox, the message to send (the one under the cursor, else the user's pick); the whole document otherwise. */
  async function messageToSend(document: vscode.TextDocument, options: SendCommandOptions): Promise<{ text: string; lines?: [number, number] } | undefined> {
    const whole = document.getText();
    const messages = whole.startsWith('From ') ? splitMbox(whole) : [];
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const selections = (editor?.selections ?? []).map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
    const choice = chooseMailboxMessage(messages, selections, options.message);
    if (choice.kind === 'whole') return { text: whole };
    let message: MboxMessage | undefined;
    if (choice.kind === 'message') message = messages[choice.index];
    else message = await pickMailboxMessage(document, messages, choice.preselect);
    if (!message) return undefined;
    const lines: [number, number] = [document.positionAt(message.offset).line, document.positionAt(Math.max(message.offset, message.end - 1)).line];
    return { text: mailboxMessageText(whole, message), lines };
  }

  /** Asks which message of a mailbox to send, labelled from the outline (Subject; From · Date). */
  async function pickMailboxMessage(document: vscode.TextDocument, messages: readonly MboxMessage[], preselect?: number): Promise<MboxMessage | undefined> {
    let symbols: vscode.DocumentSymbol[] = [];
    try {
      symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
    } catch {
      // No outline (the server is not running): plain labels.
    }
    const items = messages.map((m) => {
      const line = document.positionAt(m.offset).line;
      const symbol = symbols.length === messages.length ? symbols[m.index] : undefined;
      return { label: symbol?.name ?? vscode.l10n.t('Message {0}', m.index + 1), description: vscode.l10n.t('line {0}', line + 1), detail: symbol?.detail, message: m };
    });
    const ordered = preselect === undefined ? items : [items[preselect], ...items.filter((_, i) => i !== preselect)];
    const picked = await vscode.window.showQuickPick(ordered, { title: vscode.l10n.t('This mailbox holds {0} messages: send which one?', messages.length), matchOnDescription: true, matchOnDetail: true });
    return picked?.message;
  }

  async function sendDocument(document: vscode.TextDocument, options: SendCommandOptions): Promise<SendOutcome> {
    const chosen = await messageToSend(document, options);
    if (!chosen) return { status: 'cancelled', message: vscode.l10n.t('No message chosen; nothing was sent.') };
    const { text } = chosen;
    const inMessage = (d: DiagnosticSummary): boolean => !chosen.lines || (d.line >= chosen.lines[0] && d.line <= chosen.lines[1]);

    // Which server.
    const profiles = profilesFromSettings(log);
    const choice = chooseProfile(profiles, options.server ?? vscode.workspace.getConfiguration('smtpEml').get<string>('defaultServer'));
    let target: SmtpProfile | 'local' | undefined;
    if (choice.kind === 'profile') target = choice.profile;
    else if (choice.kind === 'local-inbox') target = 'local';
    else {
      const title = choice.kind === 'unknown-default' ? vscode.l10n.t('No server profile is named "{0}"; choose one', choice.name) : vscode.l10n.t('Send through which server?');
      target = await pickServer(choice.profiles, title);
    }
    if (!target) return { status: 'cancelled', message: vscode.l10n.t('No server chosen; nothing was sent.') };

    // What stops a send: no envelope, or errors the user has not accepted.
    const profileFrom = target === 'local' ? undefined : target.from;
    // The locale bundles load on the first send, not at activation.
    const { bundleFor } = require('../mail/i18n') as typeof I18nModule;
    const envelope = buildEnvelope(text, profileFrom ? { from: profileFrom } : {}, bundleFor(vscode.env.language));
    const gate = gateSend(envelope, summarizeDiagnostics(document.uri).filter(inMessage));
    if (gate.kind === 'stop') {
      void vscode.window.showErrorMessage(gate.message);
      return { status: 'stopped', message: gate.message };
    }
    let sendText = text;
    if (gate.kind === 'confirm') {
      let decision = options.onErrors ?? 'ask';
      if (decision === 'stop') return { status: 'stopped', message: gate.message };
      if (decision === 'ask') {
        const showProblems = vscode.l10n.t('Show Problems');
        const sendAnyway = vscode.l10n.t('Send Anyway');
        const fillAndSend = vscode.l10n.t('Add Missing Fields and Send');
        const buttons = gate.fillable.length ? [fillAndSend, showProblems, sendAnyway] : [showProblems, sendAnyway];
        const answer = await vscode.window.showWarningMessage(gate.question, { modal: true, detail: gate.detail }, ...buttons);
        if (answer === fillAndSend) decision = 'fill';
        else if (answer !== sendAnyway) {
          if (answer === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
          return { status: 'stopped', message: gate.message };
        }
      }
      if (decision === 'fill' && gate.fillable.length) {
        // The language server's own quick fixes add the fields, in the message the user sees.
        const failure = await addMissingFields(document, gate.fillable, languageClient);
        if (failure) {
          log.warn(`Add Missing Fields: ${failure}`);
          const message = vscode.l10n.t('The missing fields could not be added; nothing was sent.');
          void vscode.window.showErrorMessage(message);
          return { status: 'stopped', message: `${message} (${failure})` };
        }
        sendText = document.getText();
      }
    }

    // Server details and password.
    let profile: SmtpProfile;
    let savedFile: string | undefined;
    let saved: vscode.Disposable | undefined;
    if (target === 'local') {
      let running: { port: number; dir: string };
      try {
        running = await inbox.start();
      } catch (e) {
        const message = vscode.l10n.t('The local test inbox did not start: {0}', (e as Error).message);
        void vscode.window.showErrorMessage(message);
        return { status: 'failed', message, server: LOCAL_INBOX_PROFILE_NAME };
      }
      profile = { name: LOCAL_INBOX_PROFILE_NAME, host: '127.0.0.1', port: running.port, security: 'none' };
      saved = inbox.onMessage((file) => (savedFile ??= file));
    } else {
      profile = target;
    }
    const password = await passwordFor(profile);
    if (password === null) return { status: 'cancelled', message: vscode.l10n.t('No password entered; nothing was sent.'), server: profile.name };
    let dkim;
    try {
      dkim = await dkimSigningFor(context.secrets, profile);
    } catch (e) {
      void vscode.window.showErrorMessage((e as Error).message);
      return { status: 'failed', message: (e as Error).message, server: profile.name };
    }
    if (dkim === null) return { status: 'cancelled', message: vscode.l10n.t('No DKIM passphrase entered; nothing was sent.'), server: profile.name };

    // The session, with progress and cancel.
    log.info(`Sending ${document.uri.scheme === 'untitled' ? document.uri.path : vscode.workspace.asRelativePath(document.uri)} via ${profile.name} (${profile.host}:${profile.port ?? 'default port'})`);
    const controller = new AbortController();
    let result: SendResult;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending via {0}', profile.name), cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => controller.abort());
          progress.report({ message: describeStage('connecting') });
          // Loaded on first send, not at activation (nodemailer costs activation time).
          const { sendMessage } = require('../send/send') as typeof SendModule;
          const { tokenCommand } = profile;
          return sendMessage({
            text: sendText,
            profile,
            password,
            dkim,
            getAccessToken: profile.auth === 'oauth2' && tokenCommand ? () => runTokenCommand(tokenCommand, { signal: controller.signal }) : undefined,
            signal: controller.signal,
            onStage: (stage) => progress.report({ message: describeStage(stage) }),
            onLog: (line) => log.info(line),
            locale: vscode.env.language,
          });
        },
      );
    } finally {
      saved?.dispose();
    }

    // The session log beside the message: saved as an .smtp file and opened read-only.
    const status = controller.signal.aborted && !result.ok ? 'cancelled' : result.ok ? 'sent' : 'failed';
    let transcript: vscode.TextDocument;
    try {
      const saved = await sessionLogs.save(result.transcript, { server: profile.name, status, when: new Date() });
      transcript = await vscode.workspace.openTextDocument(saved);
    } catch (e) {
      // A log that cannot be written is still shown (unsaved) rather than lost.
      log.warn(`the session log could not be saved in ${sessionLogs.folder().fsPath}: ${(e as Error).message}`);
      transcript = await vscode.workspace.openTextDocument({ language: 'smtp-transcript', content: result.transcript });
    }
    await vscode.window.showTextDocument(transcript, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });

    const summary = summarizeResult(result, profile.name);
    for (const line of summary.details) log.info(`  ${line}`);
    if (controller.signal.aborted && !result.ok) {
      const message = vscode.l10n.t('Sending via {0} was cancelled; the log shows how far it got.', profile.name);
      log.warn(message);
      void vscode.window.showWarningMessage(message);
      return { status: 'cancelled', message, server: profile.name, result, transcriptUri: transcript.uri.toString() };
    }
    if (result.ok) {
      const message = savedFile ? vscode.l10n.t('{0} Saved as {1}.', summary.message, savedFile) : summary.message;
      log.info(message);
      const openMessage = vscode.l10n.t('Open Message');
      void vscode.window.showInformationMessage(message, ...(savedFile ? [openMessage] : [])).then((b) => {
        if (b === openMessage && savedFile) void vscode.window.showTextDocument(vscode.Uri.file(savedFile));
      });
      return { status: 'sent', message, server: profile.name, result, transcriptUri: transcript.uri.toString(), savedFile };
    }
    log.error(summary.message);
    const openLog = vscode.l10n.t('Open Log');
    void vscode.window.showErrorMessage(summary.message, openLog).then((b) => {
      if (b === openLog) void vscode.window.showTextDocument(transcript, { viewColumn: vscode.ViewColumn.Beside });
    });
    return { status: 'failed', message: summary.message, server: profile.name, result, transcriptUri: transcript.uri.toString() };
  }

  return [
    log,
    vscode.commands.registerCommand('smtpEml.sendMessage', send),
    vscode.commands.registerCommand('smtpEml.openSessionLog', async () => (await sessionLogs.pickAndOpen())?.toString()),
    vscode.commands.registerCommand('smtpEml.selectServer', async () => {
      const picked = await pickServer(profilesFromSettings(log), vscode.l10n.t('Default server for Send Message'));
      if (!picked) return undefined;
      const name = picked === 'local' ? LOCAL_INBOX_PROFILE_NAME : picked.name;
      await vscode.workspace.getConfiguration('smtpEml').update('defaultServer', name, vscode.ConfigurationTarget.Global);
      void vscode.window.showInformationMessage(vscode.l10n.t('Send Message now uses {0}.', name));
      return name;
    }),
    vscode.commands.registerCommand('smtpEml.setPassword', async (profileName?: string, password?: string) => {
      let name = profileName;
      if (!name) {
        const picked = await pickServer(
          profilesFromSettings(log).filter((p) => p.user),
          vscode.l10n.t('Set the password of which server?'),
        );
        if (!picked || picked === 'local') return false;
        name = picked.name;
      }
      const value =
        password ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Password for {0}', name),
          prompt: vscode.l10n.t('Stored in VS Code SecretStorage (the OS keychain), never in settings.'),
          password: true,
          ignoreFocusOut: true,
        }));
      if (value === undefined) return false;
      await context.secrets.store(secretKeyFor(name), value);
      log.info(`Password stored for ${name}`);
      return true;
    }),
    vscode.commands.registerCommand('smtpEml.setDkimSecret', (profileName?: string, value?: string) =>
      setDkimSecret(context.secrets, profilesFromSettings(log), profileName, value),
    ),
    vscode.commands.registerCommand('smtpEml.clearPassword', async (profileName?: string) => {
      let name = profileName;
      if (!name) {
        const picked = await pickServer(profilesFromSettings(log), vscode.l10n.t('Forget the password of which server?'));
        if (!picked || picked === 'local') return false;
        name = picked.name;
      }
      await context.secrets.delete(secretKeyFor(name));
      log.info(`Password removed for ${name}`);
      if (!profileName) void vscode.window.showInformationMessage(vscode.l10n.t('The password of {0} was removed.', name));
      return true;
    }),
  ];
}

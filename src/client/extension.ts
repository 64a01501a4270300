/**
 * The VS Code side: starts the language client and registers commands.
 * Only wiring lives here; meaning lives in the server and in `src/mail/`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerComposeCommands } from './composeCommands';
import { registerEmlCommands } from './emlCommands';
import type * as LanguageClientModule from './languageClient';
import { watchLargeFiles } from './largeFiles';
import { PartFiles } from './partFiles';
import { registerInboxView } from './inboxView';
import { LocalInboxController, registerLocalInboxCommands } from './localInbox';
import { setTranslator } from './l10n';
import { registerNewMessageCommand } from './newMessage';
import { registerPreviewCommands } from './previewCommands';
import { registerReplayCommands } from './replayCommands';
import { registerSendCommands } from './sendCommands';
import { SessionLogs } from './sessionLogs';

/** Settles when the client has been created and asked to start; undefined before activation. */
let clientCreated: Promise<LanguageClient> | undefined;

/** Activates the extension (on opening an eml or smtp-transcript document). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Activation time (target: under 100 ms) is logged so a run can read it.
  const activationStarted = performance.now();
  // The vscode-free client modules (sendLogic) translate through vscode.l10n too.
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const output = vscode.window.createOutputChannel('SMTP & EML', { log: true });
  context.subscriptions.push(output);

  // activate() only registers what VS Code needs to know about (commands, the large-file
  // note); the language client (vscode-languageclient, ~50 ms to load, and the fork of the
  // server process) starts in the next task (activation stays under 100 ms). Until then
  // the TextMate grammars colour the file, and commands that need the server wait for it.
  const created = new Promise<LanguageClient>((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(startClient(context, output, activationStarted));
      } catch (err) {
        reject(err);
      }
    });
  });
  created.catch((err: unknown) => output.error(`the language client could not be created: ${err instanceof Error ? err.message : String(err)}`));
  clientCreated = created;
  // One file system of decoded parts, for Decode Part and the preview's Open.
  const parts = new PartFiles();
  context.subscriptions.push(parts);
  registerEmlCommands(context, () => created, parts);
  registerPreviewCommands(context, parts);

  const inbox = new LocalInboxController(context, output);
  const sessionLogs = new SessionLogs(context);
  context.subscriptions.push(inbox, sessionLogs, ...registerLocalInboxCommands(inbox), ...registerInboxView(inbox), ...registerReplayCommands(context, inbox), ...registerSendCommands(context, inbox, sessionLogs, () => created), registerNewMessageCommand(), ...registerComposeCommands(), watchLargeFiles());

  context.subscriptions.push(
    vscode.commands.registerCommand('smtpEml.restartServer', async () => {
      output.info('Restarting the language server');
      await (await created).restart();
    }),
  );

  output.info(`activated in ${Math.round(performance.now() - activationStarted)} ms`);
}

/** Loads vscode-languageclient, creates the client and starts the server process. */
function startClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, activationStarted: number): LanguageClient {
  const loadStarted = performance.now();
  const { createLanguageClient } = require('./languageClient') as typeof LanguageClientModule;
  const created = createLanguageClient(context, output);
  const loadTook = performance.now() - loadStarted;
  // The client is not awaited: it queues requests until the server is ready.
  created.start().then(
    () =>
      output.info(
        `the language server was ready ${Math.round(performance.now() - activationStarted)} ms after activation began ` +
          `(loading and creating the client took ${Math.round(loadTook)} ms of it)`,
      ),
    (err: unknown) => output.error(`the language server failed to start: ${err instanceof Error ? err.message : String(err)}`),
  );
  return created;
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  const client = await clientCreated?.catch(() => undefined);
  clientCreated = undefined;
  await client?.stop();
}

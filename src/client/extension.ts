/**
 * The VS Code side: starts the language client and registers commands.
 * Only wiring lives here; meaning lives in the server and in `src/mail/`.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerEmlCommands } from './emlCommands';
import { watchLargeFiles } from './largeFiles';
import { LocalInboxController, registerLocalInboxCommands } from './localInbox';
import { setTranslator } from './l10n';
import { registerSendCommands } from './sendCommands';

let client: LanguageClient | undefined;

/** Activates the extension (on opening an eml or smtp-transcript document). */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // Activation time (target: under 100 ms, issue 7) is logged so a run can read it.
  const activationStarted = performance.now();
  // The vscode-free client modules (sendLogic) translate through vscode.l10n too (issue 9).
  setTranslator((message, ...args) => vscode.l10n.t(message, ...args));
  const output = vscode.window.createOutputChannel('SMTP & EML', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'eml' }, { language: 'smtp-transcript' }],
    synchronize: { configurationSection: 'smtpEml' },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('smtpEml', 'SMTP & EML Language Server', serverOptions, clientOptions);
  registerEmlCommands(context, client);

  const inbox = new LocalInboxController(context, output);
  context.subscriptions.push(inbox, ...registerLocalInboxCommands(inbox), ...registerSendCommands(context, inbox), watchLargeFiles());

  context.subscriptions.push(
    vscode.commands.registerCommand('smtpEml.restartServer', async () => {
      output.info('Restarting the language server');
      await client?.restart();
    }),
  );

  const wired = performance.now() - activationStarted;
  output.info(`activated in ${Math.round(wired)} ms`);
  // activate() returns without waiting for the server process (issue 7: activation
  // under 100 ms): the client queues requests until the server is ready, and the
  // TextMate grammars colour the file meanwhile.
  client.start().then(
    () => output.info(`the language server was ready ${Math.round(performance.now() - activationStarted - wired)} ms after activation`),
    (err: unknown) => output.error(`the language server failed to start: ${err instanceof Error ? err.message : String(err)}`),
  );
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

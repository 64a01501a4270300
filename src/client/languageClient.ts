/**
 * The language client: how VS Code starts and talks to `dist/server.js`.
 * Kept out of extension.ts so that activation does not load vscode-languageclient
 * (about half of activation's cost); extension.ts requires this module in
 * the task after activate() returns.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Creates (does not start) the client for the eml and smtp-transcript languages. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
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
  return new LanguageClient('smtpEml', 'SMTP & EML Language Server', serverOptions, clientOptions);
}

/**
 * Registers Attach File…, Reply, Forward as Attachment, and the formatter that
 * encodes raw non-ASCII header text (Format Document; on save when
 * `smtpEml.format.encodeHeadersOnSave` is on for the document). Each loads its
 * implementation (./compose, in the lazily loaded dist/features.js) on first use.
 */
import * as vscode from 'vscode';
import type * as ComposeModule from './compose';

/** Registers the composing commands. */
export function registerComposeCommands(): vscode.Disposable[] {
  const load = (): typeof ComposeModule => require('./compose') as typeof ComposeModule;
  return [
    vscode.commands.registerCommand('smtpEml.attachFile', (options?: ComposeModule.ComposeCommandOptions) => load().attachFileCommand(options)),
    vscode.commands.registerCommand('smtpEml.reply', (options?: ComposeModule.ComposeCommandOptions) => load().replyCommand(options)),
    vscode.commands.registerCommand('smtpEml.forward', (options?: ComposeModule.ComposeCommandOptions) => load().forwardCommand(options)),
    vscode.languages.registerDocumentFormattingEditProvider({ language: 'eml' }, { provideDocumentFormattingEdits: (document) => load().encodeHeadersEdits(document) }),
    vscode.workspace.onWillSaveTextDocument((e) => {
      if (e.document.languageId !== 'eml') return;
      // Settings are read per document (a folder may turn it on for its own files).
      if (!vscode.workspace.getConfiguration('smtpEml', e.document).get<boolean>('format.encodeHeadersOnSave', false)) return;
      e.waitUntil(Promise.resolve(load().encodeHeadersEdits(e.document)));
    }),
  ];
}

/**
 * Registers Attach File…, Reply and Forward as Attachment. The commands load
 * their implementation (./compose, its own bundle) on first use.
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
  ];
}

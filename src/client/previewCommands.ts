/**
 * Show Preview / Show Preview to the Side: registered at activation, the
 * preview itself (sanitizer, renderer, webview) is loaded on first use from
 * the lazily loaded dist/features.js, so activation stays light.
 */
import * as vscode from 'vscode';
import type { PartFiles } from './partFiles';
import type * as PreviewModule from './preview';

let manager: PreviewModule.PreviewManager | undefined;

/** Registers the preview commands; the preview opens attachments through `parts`. */
export function registerPreviewCommands(context: vscode.ExtensionContext, parts: PartFiles): void {
  const show = (toSide: boolean) => async (uri?: vscode.Uri) => {
    if (!manager) {
      const { PreviewManager } = require('./preview') as typeof PreviewModule;
      manager = new PreviewManager(context, parts);
      context.subscriptions.push(manager);
    }
    await manager.show(uri instanceof vscode.Uri ? uri : undefined, toSide);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('smtpEml.showPreview', show(false)),
    vscode.commands.registerCommand('smtpEml.showPreviewToSide', show(true)),
  );
}

/**
 * Says why a very large `.eml`/`.smtp` file has no diagnostics or colours.
 * VS Code does not hand files over 50 MB to extensions at all (so the
 * language server never sees them) and stops tokenising above 20 MB; without
 * a word the editor would just look broken. Watches the active tab (a 50 MB
 * file has no TextDocument, so `activeTextEditor` would not see it).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { largeFileNotice } from './sendLogic';

const WATCHED = /\.(eml|mbox|smtp)$/i;

/** Shows a status bar warning while a too-large mail file is the active tab. */
export function watchLargeFiles(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('smtpEml.largeFile', vscode.StatusBarAlignment.Left, 9);
  item.name = 'SMTP & EML Large File';
  let generation = 0;

  const update = async (): Promise<void> => {
    const mine = ++generation;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri = input instanceof vscode.TabInputText ? input.uri : undefined;
    if (!uri || uri.scheme !== 'file' || !WATCHED.test(uri.fsPath)) return void item.hide();
    let size: number;
    try {
      size = (await fs.promises.stat(uri.fsPath)).size;
    } catch {
      size = 0; // not on this machine's disk (remote): nothing to say
    }
    if (mine !== generation) return;
    const notice = largeFileNotice(size);
    if (!notice) return void item.hide();
    item.text = notice.text;
    item.tooltip = notice.tooltip;
    item.backgroundColor = notice.diagnostics ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };

  void update();
  return vscode.Disposable.from(
    item,
    vscode.window.tabGroups.onDidChangeTabs(() => void update()),
    vscode.window.tabGroups.onDidChangeTabGroups(() => void update()),
  );
}

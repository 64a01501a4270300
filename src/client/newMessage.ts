/**
 * New Message: an untitled `.eml` document with the header a sender needs filled
 * in (see newMessageTemplate.ts), From taken from the server Send would use, and
 * the cursor on To.
 */
import * as vscode from 'vscode';
import { newMessageSnippet } from './newMessageTemplate';
import { chooseProfile, readProfiles } from './sendLogic';

/** The From address of the server Send Message would use, when it names one. */
function senderAddress(): string | undefined {
  const config = vscode.workspace.getConfiguration('smtpEml');
  const choice = chooseProfile(readProfiles(config.get('servers')).profiles, config.get<string>('defaultServer'));
  if (choice.kind !== 'profile') return undefined;
  const { from, user } = choice.profile;
  return from ?? (user && /^[^@\s]+@[^@\s]+$/.test(user) ? user : undefined);
}

/** Registers `smtpEml.newMessage`; the command returns the new document's URI (tests read it). */
export function registerNewMessageCommand(): vscode.Disposable {
  return vscode.commands.registerCommand('smtpEml.newMessage', async (): Promise<string> => {
    const document = await vscode.workspace.openTextDocument({ language: 'eml', content: '' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    // RFC 5322 §2.1: lines end in CRLF; VS Code keeps the document's EOL for what it inserts.
    await editor.edit((b) => b.setEndOfLine(vscode.EndOfLine.CRLF));
    await editor.insertSnippet(new vscode.SnippetString(newMessageSnippet({ from: senderAddress() })));
    return document.uri.toString();
  });
}

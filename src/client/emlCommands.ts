/**
 * `.eml` editor commands: Decode Part (asks the server for the decoded part at the
 * cursor and shows it as a read-only document named after the part), Save
 * Attachment As…, and Encode Selection as Base64 / Quoted-Printable (pure encoders from
 * `src/mail/message/encodings.ts`). Only wiring lives here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { encodeBase64Lines, encodeQuotedPrintable } from '../mail/message/encodings';
import { DECODE_PART_REQUEST, type DecodedPart, type DecodePartParams } from '../protocol';
import { DecodedParts, partFileName, partBytes } from './decodedParts';
import { languageOfPart } from './partNames';

export { safeFileName } from './partNames';

/** The editor language to show a decoded text part in (plain text when VS Code has none for its type). */
export function languageOf(contentType: string): string {
  return languageOfPart(contentType) ?? 'plaintext';
}

/**
 * Registers the commands. `languageClient` gives the client once it has been created
 * (it is created in the task after activation; see extension.ts).
 */
export function registerEmlCommands(context: vscode.ExtensionContext, languageClient: () => Promise<LanguageClient>): void {
  const decodedParts = new DecodedParts();
  /** Asks the server for the decoded part at the cursor. The client is created in the task after activation: wait for it. */
  const requestPart = async (editor: vscode.TextEditor): Promise<DecodedPart | null> => {
    const client = await languageClient();
    const params: DecodePartParams = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    return client.sendRequest<DecodedPart | null>(DECODE_PART_REQUEST, params);
  };
  /** The decoded part at the cursor, or undefined after telling the user why there is none. */
  const partAtCursor = async (editor: vscode.TextEditor): Promise<DecodedPart | undefined> => {
    let part: DecodedPart | null;
    try {
      part = await requestPart(editor);
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Decode Part failed: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    if (!part) void vscode.window.showInformationMessage(vscode.l10n.t('There is no MIME part with a body at the cursor.'));
    return part ?? undefined;
  };
  context.subscriptions.push(
    decodedParts,
    // Returns the URI of the opened document or the saved file (tests read it).
    vscode.commands.registerCommand('smtpEml.decodePart', async (): Promise<string | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'eml') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Decode Part works in an .eml document: put the cursor in a MIME part.'));
        return undefined;
      }
      const part = await partAtCursor(editor);
      if (!part) return undefined;
      if (part.text !== undefined) {
        // A read-only document named after the part, in the language of its type.
        return (await decodedParts.show(part, editor.document.uri)).toString();
      }
      return saveDecodedPart(part, editor.document.uri);
    }),
    vscode.commands.registerCommand('smtpEml.saveAttachmentAs', async (arg?: vscode.Uri): Promise<string | undefined> => {
      // From a decoded part's editor (title bar) or an .eml editor (the part at the cursor).
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      const shown = uri ? decodedParts.partOf(uri) : undefined;
      if (shown) return saveDecodedPart(shown.part, shown.source);
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'eml') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Save Attachment As works in an .eml document: put the cursor in a MIME part.'));
        return undefined;
      }
      const part = await partAtCursor(editor);
      if (!part) return undefined;
      return saveDecodedPart(part, editor.document.uri);
    }),
    vscode.commands.registerCommand('smtpEml.encodeSelectionBase64', () =>
      replaceSelections((text, eol) => encodeBase64Lines(Buffer.from(text, 'utf8'), eol)),
    ),
    vscode.commands.registerCommand('smtpEml.encodeSelectionQuotedPrintable', () =>
      replaceSelections((text, eol) => encodeQuotedPrintable(Buffer.from(text, 'utf8'), eol)),
    ),
  );
}

/** Replaces every non-empty selection of the active editor with `encode(selectedText)`. */
async function replaceSelections(encode: (text: string, eol: string) => string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (!selections.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to encode first.'));
    return;
  }
  await editor.edit((edit) => {
    for (const s of selections) edit.replace(s, encode(editor.document.getText(s), eol));
  });
}

/** Asks where to save a decoded part (suggesting its own name beside the message) and writes its bytes. */
async function saveDecodedPart(part: DecodedPart, source: vscode.Uri): Promise<string | undefined> {
  const bytes = partBytes(part);
  const name = partFileName(part);
  // Suggest the message's folder (untitled messages: the first workspace folder).
  const folder = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    saveLabel: vscode.l10n.t('Save Attachment'),
    title: vscode.l10n.t('Save {0} ({1} bytes)', part.contentType, bytes.length),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} bytes to {1}', bytes.length, target.fsPath));
  return target.toString();
}

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
import { addressOf, savePartBytes, type PartFiles } from './partFiles';
import { partFileName } from './partNames';

/** The bytes of a decoded part as saved to a file (text parts: UTF-8). */
function partBytes(part: DecodedPart): Buffer {
  return part.base64 !== undefined ? Buffer.from(part.base64, 'base64') : Buffer.from(part.text ?? '', 'utf8');
}

/**
 * Registers the commands. `languageClient` gives the client once it has been created
 * (it is created in the task after activation; see extension.ts); decoded parts open
 * from `parts`.
 */
export function registerEmlCommands(context: vscode.ExtensionContext, languageClient: () => Promise<LanguageClient>, parts: PartFiles): void {
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
    // Returns the URI of the opened document or the saved file (tests read it).
    vscode.commands.registerCommand('smtpEml.decodePart', async (): Promise<string | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'eml') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Decode Part works in an .eml document: put the cursor in a MIME part.'));
        return undefined;
      }
      const part = await partAtCursor(editor);
      if (!part) return undefined;
      if (part.text !== undefined && part.path !== undefined) {
        // A read-only document named after the part, in the language of its type.
        // The cursor's offset chooses the message of a mailbox.
        const address = { uri: editor.document.uri.toString(), at: editor.document.offsetAt(editor.selection.active), path: part.path };
        return (await parts.open(address, vscode.ViewColumn.Beside))?.toString();
      }
      return saveDecodedPart(part, editor.document.uri);
    }),
    vscode.commands.registerCommand('smtpEml.saveAttachmentAs', async (arg?: vscode.Uri): Promise<string | undefined> => {
      // From a decoded part's editor (title bar) or an .eml editor (the part at the cursor).
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      const shown = uri && addressOf(uri);
      if (shown) return (await parts.saveAs(shown))?.toString();
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
  return (await savePartBytes(partBytes(part), partFileName(part), part.contentType, source))?.toString();
}

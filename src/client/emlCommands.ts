/**
 * `.eml` editor commands: Decode Part (asks the server for the decoded part at the
 * cursor) and Encode Selection as Base64 / Quoted-Printable (pure encoders from
 * `src/mail/message/encodings.ts`). Only wiring lives here.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { encodeBase64Lines, encodeQuotedPrintable } from '../mail/message/encodings';
import { DECODE_PART_REQUEST, type DecodedPart, type DecodePartParams } from '../protocol';

/** The editor language to show a decoded text part in. */
export function languageOf(contentType: string): string {
  const map: Record<string, string> = {
    'text/html': 'html',
    'text/xml': 'xml',
    'application/xml': 'xml',
    'application/json': 'json',
    'text/css': 'css',
    'text/javascript': 'javascript',
    'application/javascript': 'javascript',
    'text/markdown': 'markdown',
    'message/rfc822': 'eml',
    'message/global': 'eml',
  };
  return map[contentType.toLowerCase()] ?? 'plaintext';
}

/**
 * Registers the commands. `languageClient` gives the client once it has been created
 * (it is created in the task after activation; see extension.ts).
 */
export function registerEmlCommands(context: vscode.ExtensionContext, languageClient: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('smtpEml.decodePart', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'eml') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Decode Part works in an .eml document: put the cursor in a MIME part.'));
        return;
      }
      let part: DecodedPart | null;
      try {
        // The client is created in the task after activation: wait for it (a failure to
        // create it is reported like a failed request).
        const client = await languageClient();
        const params: DecodePartParams = {
          uri: client.code2ProtocolConverter.asUri(editor.document.uri),
          position: client.code2ProtocolConverter.asPosition(editor.selection.active),
        };
        part = await client.sendRequest<DecodedPart | null>(DECODE_PART_REQUEST, params);
      } catch (err) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Decode Part failed: {0}', err instanceof Error ? err.message : String(err)));
        return;
      }
      if (!part) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no MIME part with a body at the cursor.'));
        return;
      }
      if (part.text !== undefined) {
        const doc = await vscode.workspace.openTextDocument({ content: part.text, language: languageOf(part.contentType) });
        await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
        return;
      }
      const bytes = Buffer.from(part.base64 ?? '', 'base64');
      const name = safeFileName(part.filename ?? `part.${part.contentType.split('/')[1] ?? 'bin'}`);
      // Suggest the message's folder (untitled messages: the first workspace folder).
      const folder =
        editor.document.uri.scheme === 'file' ? vscode.Uri.joinPath(editor.document.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        saveLabel: vscode.l10n.t('Save Decoded Part'),
        title: vscode.l10n.t('Save {0} ({1} bytes)', part.contentType, bytes.length),
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, bytes);
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved {0} bytes to {1}', bytes.length, target.fsPath));
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

/** A file name without path separators or control characters (the name comes from the message). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned || 'part.bin';
}

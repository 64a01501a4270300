/**
 * Decoded MIME parts shown as read-only virtual documents
 * (`smtp-eml-decoded:/<n>/<file name>`): the tab carries the part's own file name,
 * nothing asks to be saved on close, and the language follows the part's type.
 * The content lives only while a document shows it.
 */
import * as vscode from 'vscode';
import type { DecodedPart } from '../protocol';
import { languageOfPart, partFileName } from './partNames';

export { languageOfPart, partFileName } from './partNames';

/** URI scheme of decoded parts. */
export const DECODED_PART_SCHEME = 'smtp-eml-decoded';

/** The bytes of a decoded part as saved to a file (text parts: UTF-8). */
export function partBytes(part: DecodedPart): Buffer {
  return part.base64 !== undefined ? Buffer.from(part.base64, 'base64') : Buffer.from(part.text ?? '', 'utf8');
}

/** Holds the decoded parts that are open and serves their text. */
export class DecodedParts implements vscode.Disposable, vscode.TextDocumentContentProvider {
  private readonly parts = new Map<string, { part: DecodedPart; source: vscode.Uri }>();
  private next = 1;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(DECODED_PART_SCHEME, this),
      // Forget a part when its document is closed (VS Code closes unused documents too).
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === DECODED_PART_SCHEME) this.parts.delete(d.uri.toString());
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.parts.get(uri.toString())?.part.text ?? '';
  }

  /** The part a `smtp-eml-decoded:` document shows, with the message it came from. */
  partOf(uri: vscode.Uri): { part: DecodedPart; source: vscode.Uri } | undefined {
    return uri.scheme === DECODED_PART_SCHEME ? this.parts.get(uri.toString()) : undefined;
  }

  /** Opens a text part beside its message; returns the document's URI. */
  async show(part: DecodedPart, source: vscode.Uri): Promise<vscode.Uri> {
    // A folder per decoded part keeps two parts of the same name apart; the tab shows the name.
    const uri = vscode.Uri.from({ scheme: DECODED_PART_SCHEME, path: `/${this.next++}/${partFileName(part)}` });
    this.parts.set(uri.toString(), { part, source });
    let document = await vscode.workspace.openTextDocument(uri);
    const language = languageOfPart(part.contentType);
    // The file name may already have chosen a better language (an installed CSV extension, say).
    if (language && document.languageId !== language && (language !== 'plaintext' || document.languageId === 'plaintext')) {
      document = await vscode.languages.setTextDocumentLanguage(document, language);
    }
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    return uri;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.parts.clear();
  }
}

/**
 * The composing commands: Attach File…, Reply, Forward as Attachment, and
 * header encoding for Format Document and on save. Loaded
 * on first use (from dist/features.js, the client's lazily loaded bundle: mime-types' table is not read
 * at activation). The message transformations are pure (src/mail/compose/);
 * this file picks files, resolves the From address and opens documents.
 */
import * as vscode from 'vscode';
import { lookup, charset } from 'mime-types';
import { attachFiles, type Attachment } from '../mail/compose/attach';
import { encodeHeaderEdits } from '../mail/compose/encodeHeaders';
import { composeForward, composeReply } from '../mail/compose/reply';
import { messageRangeAt, splitMbox, unquoteFromLines } from '../mail/mbox/split';
import { chooseProfile, readProfiles } from './sendLogic';

/** Arguments a caller (a test, a keybinding) may pass. */
export interface ComposeCommandOptions {
  /** The message document (default: the active editor's). */
  uri?: string | vscode.Uri;
  /** Attach File: the files (default: ask with an open dialog). */
  files?: Array<string | vscode.Uri>;
  /** Reply / Forward: the From value (default: the selected server profile's `from` or user, else ask). */
  from?: string;
  /** Forward: the To value (default: ask; empty leaves it for the user to fill in). */
  to?: string;
}

const asUri = (u: string | vscode.Uri): vscode.Uri => (typeof u === 'string' ? (/^[a-z][a-z0-9+.-]*:/i.test(u) ? vscode.Uri.parse(u) : vscode.Uri.file(u)) : u);

async function documentFor(options: ComposeCommandOptions): Promise<{ document: vscode.TextDocument; editor?: vscode.TextEditor } | undefined> {
  if (options.uri !== undefined) {
    const uri = asUri(options.uri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    return { document, editor: vscode.window.visibleTextEditors.find((e) => e.document === document) };
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'eml') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an .eml message first.'));
    return undefined;
  }
  return { document: editor.document, editor };
}

/** The message under the cursor (a mailbox holds several): its range in the document. */
function messageUnderCursor(document: vscode.TextDocument, editor: vscode.TextEditor | undefined): { start: number; headerStart: number; end: number } | undefined {
  const text = document.getText();
  const offset = editor ? document.offsetAt(editor.selection.active) : 0;
  const range = messageRangeAt(text, offset);
  if (!range) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor inside a message of the mailbox.'));
    return undefined;
  }
  return { start: range.offset, headerStart: range.headerOffset, end: range.end };
}

/** Attach File…: adds the files to the message under the cursor, as one undoable edit. */
export async function attachFileCommand(options: ComposeCommandOptions = {}): Promise<{ attached: number } | undefined> {
  const target = await documentFor(options);
  if (!target) return undefined;
  const uris =
    options.files?.map(asUri) ??
    (await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: vscode.l10n.t('Attach'), title: vscode.l10n.t('Attach files to the message') }));
  if (!uris?.length) return undefined;
  const files: Attachment[] = [];
  for (const uri of uris) {
    const name = decodeURIComponent(uri.path.split('/').pop() ?? 'attachment');
    const type = lookup(name) || 'application/octet-stream';
    const cs = charset(type);
    files.push({ name, bytes: await vscode.workspace.fs.readFile(uri), contentType: cs ? `${type}; charset=${cs}` : type });
  }
  const { document, editor } = target;
  const message = messageUnderCursor(document, editor);
  if (!message) return undefined;
  const text = document.getText();
  const updated = attachFiles(text.slice(message.start, message.end), files);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(message.start), document.positionAt(message.end)), updated);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The files could not be attached: the document did not accept the edit.'));
    return undefined;
  }
  return { attached: files.length };
}

/** The From address: the caller's, else the selected server profile's, else asked. */
async function fromAddress(options: ComposeCommandOptions): Promise<string | undefined> {
  if (options.from) return options.from;
  const config = vscode.workspace.getConfiguration('smtpEml');
  const { profiles } = readProfiles(config.get('servers'));
  const choice = chooseProfile(profiles, config.get<string>('defaultServer'));
  const profile = choice.kind === 'profile' ? choice.profile : undefined;
  const known = profile?.from ?? (profile?.user && profile.user.includes('@') ? profile.user : undefined);
  if (known) return known;
  return vscode.window.showInputBox({ title: vscode.l10n.t('From address of the new message'), placeHolder: vscode.l10n.t('Name <you@example.org>'), ignoreFocusOut: true });
}

/** Reply / Forward: a new untitled message made from the message under the cursor. */
async function composeFrom(kind: 'reply' | 'forward', options: ComposeCommandOptions): Promise<string | undefined> {
  const target = await documentFor(options);
  if (!target) return undefined;
  const message = messageUnderCursor(target.document, target.editor);
  if (!message) return undefined;
  const text = target.document.getText();
  // The message as sent: without the mailbox's separator line, mboxrd quoting undone.
  const original = unquoteFromLines(text.slice(message.headerStart, message.end));
  const from = await fromAddress(options);
  if (!from) return undefined;
  let to = options.to;
  if (kind === 'forward' && to === undefined) {
    to = await vscode.window.showInputBox({ title: vscode.l10n.t('Forward to'), placeHolder: 'name@example.org', ignoreFocusOut: true });
    if (to === undefined) return undefined;
  }
  const eol = target.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const content = kind === 'reply' ? composeReply(original, { from, to, eol }) : composeForward(original, { from, to: to || undefined, eol });
  const document = await vscode.workspace.openTextDocument({ language: 'eml', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document.uri.toString();
}

export const replyCommand = (options: ComposeCommandOptions = {}): Promise<string | undefined> => composeFrom('reply', options);
export const forwardCommand = (options: ComposeCommandOptions = {}): Promise<string | undefined> => composeFrom('forward', options);

/**
 * Format Document (and save, when `smtpEml.format.encodeHeadersOnSave` is on):
 * raw non-ASCII header text becomes RFC 2047 encoded words, each message of a
 * mailbox on its own.
 */
export function encodeHeadersEdits(document: vscode.TextDocument): vscode.TextEdit[] {
  const text = document.getText();
  const messages = text.startsWith('From ') ? splitMbox(text) : [];
  const ranges: Array<[number, number]> = messages.length ? messages.map((m) => [m.headerOffset, m.end]) : [[0, text.length]];
  const edits: vscode.TextEdit[] = [];
  for (const [start, end] of ranges) {
    for (const e of encodeHeaderEdits(text.slice(start, end))) {
      edits.push(vscode.TextEdit.replace(new vscode.Range(document.positionAt(start + e.offset), document.positionAt(start + e.end)), e.text));
    }
  }
  return edits;
}

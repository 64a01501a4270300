/**
 * Composing in a real extension host: Attach File…, Reply and Forward as
 * Attachment on the message under the cursor of a mailbox; each result is
 * validated clean by our own language server, and attachments decode to the
 * bytes of the files. Send in a mailbox sends the message under the cursor.
 * Format Document and saving (when turned on) encode raw non-ASCII headers.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendOutcome } from '../../../src/client/sendCommands';
import { decodedBytes } from '../../../src/mail/message/body';
import { findHeader, walkParts, type MimePart } from '../../../src/mail/message/model';
import { parseMessage } from '../../../src/mail/message/parse';
import { decodeEncodedWords } from '../../../src/mail/message/encodings';
import { describeDiagnostics, waitFor, waitForCode, workspaceRoot } from './helpers';

const MAILBOX = [
  'From ann@example.org Fri Nov 27 10:00:00 2026',
  'From: Ann <ann@example.org>',
  'To: bob@example.com',
  'Subject: first',
  'Date: Fri, 27 Nov 2026 10:00:00 +0000',
  'Message-ID: <first@example.org>',
  '',
  'one',
  '',
  'From carol@example.net Sat Nov 28 11:00:00 2026',
  'From: Carol <carol@example.net>',
  'Reply-To: carol+list@example.net',
  'To: bob@example.com',
  'Subject: =?UTF-8?Q?second_caf=C3=A9?=',
  'Date: Sat, 28 Nov 2026 11:00:00 +0000',
  'Message-ID: <second@example.net>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Are we still on for the café?',
  '>From the minutes: yes.',
  '',
].join('\r\n');

/** Opens `content` as an untitled eml document with the cursor at the start of the line starting with `at`. */
async function openAt(content: string, at: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'eml', content });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = document.positionAt(content.indexOf(at));
  editor.selection = new vscode.Selection(position, position);
  return editor;
}

/**
 * Our server validates the document and finds nothing: a probe error line is
 * added (proving the server sees this document), then undone; every
 * diagnostic must go away with it.
 */
async function assertValidatesClean(document: vscode.TextDocument): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  await editor.edit((e) => e.insert(new vscode.Position(0, 0), `this is not a header line${eol}`));
  await waitForCode(document.uri, 'header-syntax');
  await vscode.commands.executeCommand('undo');
  await waitFor(
    () => vscode.languages.getDiagnostics(document.uri).length === 0,
    () => `no diagnostics on the composed message; have ${describeDiagnostics(document.uri)}`,
  );
}

function leaves(text: string): MimePart[] {
  const out: MimePart[] = [];
  walkParts(parseMessage(text).root, (p) => {
    if (!p.children.length && !p.embedded) out.push(p);
  });
  return out;
}

describe('Composing', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-eml-compose-'));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('smtpEml.stopLocalInbox');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Attach File… turns the message under the cursor into multipart/mixed; the files decode to their bytes', async () => {
    const pdf = path.join(dir, 'report.pdf');
    const named = path.join(dir, 'گزارش ماهانه.txt');
    fs.writeFileSync(pdf, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)));
    fs.writeFileSync(named, 'سلام، این یک پیوست است.\n');
    const editor = await openAt(MAILBOX, 'From: Carol');
    const result = await vscode.commands.executeCommand<{ attached: number }>('smtpEml.attachFile', { uri: editor.document.uri, files: [pdf, named] });
    assert.equal(result?.attached, 2);
    const text = editor.document.getText();
    assert.ok(text.startsWith(MAILBOX.slice(0, MAILBOX.indexOf('From carol'))), 'the first message is untouched');
    const second = text.slice(text.indexOf('From carol'));
    const parts = leaves(second);
    const byName = (name: string): MimePart => parts.find((p) => p.filename === name)!;
    assert.equal(byName('report.pdf').contentType.subtype, 'pdf');
    assert.deepEqual(decodedBytes(second, byName('report.pdf')), fs.readFileSync(pdf));
    assert.deepEqual(decodedBytes(second, byName('گزارش ماهانه.txt')), fs.readFileSync(named));
    assert.equal(parseMessage(second).root.children[0].transferEncoding, '8bit', 'the body moved with its own Content-* fields');
    await assertValidatesClean(editor.document);
  });

  it('Reply answers the message under the cursor: Reply-To, Re:, In-Reply-To, References, the text quoted', async () => {
    const editor = await openAt(MAILBOX, 'Are we still');
    const uri = await vscode.commands.executeCommand<string>('smtpEml.reply', { uri: editor.document.uri, from: 'Bob <bob@example.com>' });
    const reply = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
    assert.equal(reply.languageId, 'eml');
    const { root, text } = parseMessage(reply.getText());
    const v = (n: string): string | undefined => findHeader(root, n)?.value;
    assert.equal(v('to'), 'carol+list@example.net');
    assert.equal(v('from'), 'Bob <bob@example.com>');
    assert.equal(v('subject'), 'Re: =?UTF-8?Q?second_caf=C3=A9?=');
    assert.equal(v('in-reply-to'), '<second@example.net>');
    assert.equal(v('references'), '<second@example.net>');
    assert.match(Buffer.from(decodedBytes(text, root)).toString('utf8'), /Carol <carol@example\.net> wrote:\r?\n> Are we still on for the café\?\r?\n> From the minutes: yes\./);
    await assertValidatesClean(reply);
  });

  it('Forward as Attachment attaches the message under the cursor as message/rfc822, byte for byte', async () => {
    const editor = await openAt(MAILBOX, 'Subject: first');
    const uri = await vscode.commands.executeCommand<string>('smtpEml.forward', { uri: editor.document.uri, from: 'Bob <bob@example.com>', to: 'dave@example.org' });
    const forward = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri)!;
    const { root, text } = parseMessage(forward.getText());
    assert.equal(findHeader(root, 'subject')?.value, 'Fwd: first');
    assert.equal(findHeader(root, 'to')?.value, 'dave@example.org');
    const attached = root.children[1];
    assert.equal(`${attached.contentType.type}/${attached.contentType.subtype}`, 'message/rfc822');
    const first = MAILBOX.slice(MAILBOX.indexOf('From: Ann'), MAILBOX.indexOf('\r\n\r\nFrom carol'));
    assert.equal(text.slice(attached.bodyOffset, attached.bodyEnd), first);
    await assertValidatesClean(forward);
  });

  it('Send in a mailbox sends the message under the cursor (no separator line, quoting undone)', async () => {
    const editor = await openAt(MAILBOX, 'Are we still');
    const outcome = (await vscode.commands.executeCommand<SendOutcome>('smtpEml.sendMessage', { uri: editor.document.uri, server: 'Local test inbox', onErrors: 'send' }))!;
    assert.equal(outcome.status, 'sent', outcome.message);
    assert.deepEqual(outcome.result?.envelope, { from: 'carol@example.net', to: ['bob@example.com'] });
    const saved = fs.readFileSync(outcome.savedFile!, 'utf8');
    assert.ok(saved.startsWith('From: Carol <carol@example.net>\r\n'), saved.slice(0, 80));
    assert.match(saved, /\r\nFrom the minutes: yes\.\r\n/);
    assert.doesNotMatch(saved, /Subject: first/);
  });
  const RAW = [
    'From: Jürgen Müller <j@example.com>',
    'To: bob@example.com',
    'Subject: Grüße aus Köln: ein ziemlich langer Betreff, der über die Zeilengrenze hinausgeht',
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    'Message-ID: <fmt@example.com>',
    '',
    'Hello',
    '',
  ].join('\r\n');

  function assertEncoded(text: string): void {
    const { root } = parseMessage(text);
    assert.equal(decodeEncodedWords(findHeader(root, 'subject')!.value).text, 'Grüße aus Köln: ein ziemlich langer Betreff, der über die Zeilengrenze hinausgeht');
    assert.equal(decodeEncodedWords(findHeader(root, 'from')!.value).text, 'Jürgen Müller <j@example.com>');
    assert.ok(/^[\x00-\x7f]*$/.test(text), 'no raw non-ASCII left');
    assert.ok(text.split(/\r?\n/).every((l) => l.length <= 78), 'lines fold within 78');
  }

  it('Format Document encodes raw non-ASCII header text; the result validates clean', async () => {
    const editor = await openAt(RAW, 'Hello');
    await waitForCode(editor.document.uri, 'non-ascii-header');
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await waitFor(() => /^[\x00-\x7f]*$/.test(editor.document.getText()), () => editor.document.getText());
    assertEncoded(editor.document.getText());
    await assertValidatesClean(editor.document);
  });

  it('saving encodes the header when smtpEml.format.encodeHeadersOnSave is on (and only then)', async () => {
    const config = vscode.workspace.getConfiguration('smtpEml');
    const file = path.join(workspaceRoot(), `on-save-${Date.now()}.eml`);
    fs.writeFileSync(file, 'Subject: x\r\n\r\nbody\r\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(document, { preview: false });
      // Workspace edits, not editor edits: they apply whichever editor has the focus.
      const replace = new vscode.WorkspaceEdit();
      replace.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), RAW);
      assert.equal(await vscode.workspace.applyEdit(replace), true);
      assert.equal(await document.save(), true);
      assert.equal(fs.readFileSync(file, 'utf8'), RAW, 'off by default: saved as typed');
      await config.update('format.encodeHeadersOnSave', true, vscode.ConfigurationTarget.Global);
      const insert = new vscode.WorkspaceEdit();
      insert.insert(document.uri, document.positionAt(document.getText().indexOf('Hello') + 5), '!');
      assert.equal(await vscode.workspace.applyEdit(insert), true);
      assert.equal(await document.save(), true);
      const saved = fs.readFileSync(file, 'utf8');
      assertEncoded(saved);
      assert.match(saved, /\r\n\r\nHello!\r\n$/);
    } finally {
      await config.update('format.encodeHeadersOnSave', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(file, { force: true });
    }
  });
});

/**
 * What a new user meets in the first minutes, through the real `vscode` API:
 * decoded parts as read-only documents named after the part, in the language of
 * their type; New Message; Fix All (source.fixAll).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, fixtureUri, lineStarting, open, waitFor, waitForCode } from './helpers';

describe('first minutes', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Decode Part opens a part as a read-only document named after it, with the language of its type', async () => {
    const message = await open(fixtureUri('multipart-attachments.eml'));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, message);
    const decodeAt = async (line: number): Promise<vscode.TextDocument> => {
      await vscode.window.showTextDocument(message, { preview: false });
      vscode.window.activeTextEditor!.selection = new vscode.Selection(line, 0, line, 0);
      const uri = await vscode.commands.executeCommand<string>('smtpEml.decodePart');
      assert.ok(uri, 'Decode Part returns the opened document');
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      assert.ok(document, `the decoded part ${uri} is open`);
      return document;
    };

    const csv = await decodeAt(lineStarting(message, 'bmFtZSxyb2xl'));
    assert.equal(csv.uri.scheme, 'smtp-eml-part');
    assert.match(csv.uri.path, /\/team\.csv$/, 'named after the part');
    assert.equal(csv.getText(), 'name,role\nAda,analyst\nCharles,engineer\n');
    assert.equal(csv.isUntitled, false);
    assert.equal(csv.isDirty, false);

    const html = await decodeAt(lineStarting(message, '<p>The plans'));
    assert.equal(html.languageId, 'html');
    assert.match(html.uri.path, /\/part\.html$/);
    assert.match(html.getText(), /<b>café<\/b>/);

    const attached = await decodeAt(lineStarting(message, 'Content-Disposition: attachment; filename="reply.eml"'));
    assert.equal(attached.languageId, 'eml');
    assert.match(attached.uri.path, /\/reply\.eml$/);
  });

  it('Decode Part in a mailbox opens the part of the message under the cursor', async () => {
    const mbox = [
      'From a@example.org Thu Dec  3 10:00:00 2026',
      'From: a@example.org',
      'Subject: one',
      'Content-Disposition: attachment; filename="one.txt"',
      '',
      'first body',
      '',
      'From b@example.org Thu Dec  3 11:00:00 2026',
      'From: b@example.org',
      'Subject: two',
      'Content-Disposition: attachment; filename="two.txt"',
      '',
      'second body',
      '',
    ].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'eml', content: mbox });
    const editor = await vscode.window.showTextDocument(document);
    const line = mbox.split('\n').indexOf('second body');
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const uri = await vscode.commands.executeCommand<string>('smtpEml.decodePart');
    const decoded = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(decoded, `the decoded part ${uri} is open`);
    assert.match(decoded.uri.path, /\/two\.txt$/);
    assert.match(decoded.getText(), /^second body/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it("Decode Part in an attached single-part message's body opens that body, decoded; on its header, the attached message", async () => {
    const content = [
      'From: outer@example.org',
      'Subject: forwarding',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="fw"',
      '',
      '--fw',
      'Content-Type: text/plain',
      '',
      'See the attached message.',
      '--fw',
      'Content-Type: message/rfc822',
      'Content-Disposition: attachment; filename="original.eml"',
      '',
      'From: inner@example.org',
      'Subject: original',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Gr=C3=BC=C3=9Fe aus K=C3=B6ln, =',
      'eine Zeile.',
      '--fw--',
      '',
    ].join('\r\n');
    const document = await vscode.workspace.openTextDocument({ language: 'eml', content });
    const decodeAt = async (needle: string): Promise<vscode.TextDocument> => {
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      const line = lineStarting(document, needle);
      editor.selection = new vscode.Selection(line, 1, line, 1);
      const uri = await vscode.commands.executeCommand<string>('smtpEml.decodePart');
      const decoded = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
      assert.ok(decoded, `the decoded part ${uri} is open`);
      return decoded;
    };
    const body = await decodeAt('Gr=C3');
    assert.equal(body.getText(), 'Grüße aus Köln, eine Zeile.', 'the body alone, through its transfer encoding and charset');
    assert.equal(body.languageId, 'plaintext');
    assert.match(body.uri.path, /^\/2\.1\/part\.txt$/);
    const attached = await decodeAt('Subject: original');
    assert.equal(attached.languageId, 'eml');
    assert.match(attached.uri.path, /^\/2\/original\.eml$/);
    assert.match(attached.getText(), /^From: inner@example\.org\r\nSubject: original\r\n[^]*eine Zeile\.$/);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the Outline shows encoded words and quoted-printable text decoded', async () => {
    const document = await open(fixtureUri('multipart-attachments.eml'));
    const symbols = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
        return found?.length ? found : undefined;
      },
      () => 'the outline of multipart-attachments.eml',
    );
    const subject = symbols[0]!.children.find((c) => c.name === 'Subject');
    assert.equal(subject?.detail, 'Plans and tables — with attachments');
    const flat: vscode.DocumentSymbol[] = [];
    const walk = (list: vscode.DocumentSymbol[]): void => list.forEach((s) => (flat.push(s), walk(s.children)));
    walk(symbols);
    const plain = flat.find((s) => s.name === 'text/plain');
    assert.match(plain?.detail ?? '', /“The plans are attached\. The café is on the corner; see you there\.”/);
  });

  it('completion: no word guesses; after To: the addresses of the workspace; no second Subject', async () => {
    const words = vscode.workspace.getConfiguration('editor', { languageId: 'eml' }).get('wordBasedSuggestions');
    assert.equal(words, 'off', 'VS Code word guesses are off in .eml documents');
    const document = await vscode.workspace.openTextDocument({ language: 'eml', content: 'From: me@example.com\r\nSubject: hi\r\nTo: \r\n\r\nbody\r\n' });
    await vscode.window.showTextDocument(document);
    const labelsAt = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character));
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const addresses = await labelsAt(2, 4);
    // welcome.eml and multipart-attachments.eml in the workspace write to Charles Babbage.
    assert.ok(addresses.includes('Charles Babbage <charles@example.net>'), addresses.join(' | '));
    assert.equal(addresses[0], 'me@example.com', "this message's own addresses first");
    const fields = await labelsAt(3, 0);
    assert.ok(fields.includes('Cc') && !fields.includes('Subject') && !fields.includes('From'), fields.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('New Message opens an untitled message that is valid as it stands, From the selected server, cursor on To', async () => {
    const config = vscode.workspace.getConfiguration('smtpEml');
    await config.update('servers', [{ name: 'work', host: '127.0.0.1', port: 2525, security: 'none', from: 'ada@work.example' }], vscode.ConfigurationTarget.Global);
    await config.update('defaultServer', 'work', vscode.ConfigurationTarget.Global);
    const published = new Set<string>();
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => published.add(u.toString())));
    try {
      const uri = await vscode.commands.executeCommand<string>('smtpEml.newMessage');
      const editor = vscode.window.activeTextEditor!;
      const document = editor.document;
      assert.equal(document.uri.toString(), uri);
      assert.equal(document.isUntitled, true);
      assert.equal(document.languageId, 'eml');
      assert.equal(document.eol, vscode.EndOfLine.CRLF);
      const text = document.getText();
      assert.match(text, /^From: ada@work\.example\r\nTo: recipient@example\.org\r\nSubject: Subject\r\nDate: .+\r\nMessage-ID: <[^@\s]+@work\.example>\r\nMIME-Version: 1\.0\r\n/);
      // The cursor (the first placeholder) selects the recipient.
      assert.equal(document.getText(editor.selection), 'recipient@example.org');
      assert.equal(editor.selection.start.line, 1);
      // Valid as it stands: once the server has published for it, nothing is left (the empty
      // document it saw first had errors, so an empty list means the full text was checked).
      await waitFor(
        () => published.has(uri) && vscode.languages.getDiagnostics(document.uri).length === 0,
        () => `no diagnostics on the new message; have ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      sub.dispose();
      await config.update('servers', undefined, vscode.ConfigurationTarget.Global);
      await config.update('defaultServer', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('the "New message" snippet gives the same valid header', async () => {
    const published = new Set<string>();
    const sub = vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => published.add(u.toString())));
    try {
      const document = await vscode.workspace.openTextDocument({ language: 'eml', content: '' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'eml', name: 'New message' });
      const text = document.getText();
      assert.match(text, /^From: you@example\.org\r?\nTo: recipient@example\.org\r?\nSubject: Subject\r?\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\r?\nMessage-ID: <[0-9a-f-]+@example\.org>\r?\n/, text);
      assert.equal(document.getText(vscode.window.activeTextEditor!.selection), 'recipient@example.org');
      await waitFor(
        () => published.has(document.uri.toString()) && vscode.languages.getDiagnostics(document.uri).length === 0,
        () => `no diagnostics on the snippet's message; have ${describeDiagnostics(document.uri)}`,
      );
    } finally {
      sub.dispose();
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('Fix All (source.fixAll) applies every fix of the document in one edit', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'eml',
      content: 'From: Ada <ada@example.org>\r\nTo : bob@example.net\r\nSubject : hi\r\nSubject: again\r\nMessage-ID: 1@example.org\r\n\r\nbody\r\n',
    });
    await vscode.window.showTextDocument(document);
    await waitForCode(document.uri, 'duplicate-header');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(0, 0, 0, 0),
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind));
    assert.ok(fixAll?.edit, `a source.fixAll action among ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const text = document.getText();
    assert.match(text, /^To: bob@example\.net\r\nSubject: hi\r\nMessage-ID: <1@example\.org>\r\nDate: .+\r\n\r\nbody/m, text);
    await waitFor(
      () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length === 0 && document.version > 1,
      () => `no errors or warnings after Fix All; have ${describeDiagnostics(document.uri)}`,
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

/**
 * The quoted-printable fix for `eight-bit-data` in a real extension host: VS Code
 * gets the action without its edit (the body is re-encoded only when the action
 * is resolved, not on every cursor move), resolves it, and applying the edit
 * removes the diagnostics.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, waitFor, waitForCode } from './helpers';

describe('eight-bit fix through codeAction/resolve in VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('resolves the quoted-printable conversion when asked, and the edit fixes the part', async () => {
    const body = Array.from({ length: 50 }, (_, i) => `Grüße, Zeile ${i}`).join('\r\n');
    const document = await vscode.workspace.openTextDocument({
      language: 'eml',
      content: `From: a@example.org\r\nTo: b@example.org\r\nSubject: s\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`,
    });
    await vscode.window.showTextDocument(document);
    const eight = await waitForCode(document.uri, 'eight-bit-data');
    const unresolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, eight.range, vscode.CodeActionKind.QuickFix.value);
    const lazy = unresolved.find((a) => a.title === 'Convert the part to quoted-printable');
    assert.ok(lazy, `actions: ${unresolved.map((a) => a.title).join(', ')}`);
    assert.equal(lazy.edit, undefined, 'not computed for the list of actions');
    // The last argument asks VS Code to resolve that many actions, as it does when one is picked.
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, eight.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = resolved.find((a) => a.title === 'Convert the part to quoted-printable');
    assert.ok(fix?.edit, 'resolved with its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /Gr=C3=BC=C3=9Fe/);
    await waitFor(
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'eight-bit-data'),
      () => describeDiagnostics(document.uri),
    );
  });
});

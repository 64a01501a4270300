/**
 * The HTML checks in a real extension host: a client-support diagnostic on
 * `display:flex` inside a quoted-printable part, its hover with caniemail's
 * notes, and the alt="" quick fix applied through VS Code.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, fixtureUri, open, waitFor, waitForCode } from './helpers';

describe('HTML checks in VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags display:flex at its place in the quoted-printable part, with a hover naming the clients', async () => {
    const document = await open(fixtureUri('fixtures', 'newsletter.eml'));
    const flex = await waitForCode(document.uri, 'html-client-unsupported');
    assert.equal(document.getText(flex.range), 'display:flex', describeDiagnostics(document.uri));
    assert.match(flex.message, /not supported in Outlook \(Windows\)/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, flex.range.start.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /caniemail\.com\/features\/css-display-flex/);
    assert.match(text, /Outlook \(Windows\) \| ❌ not supported/);
  });

  it('adds alt="" (as alt=3D"" in quoted-printable) with the quick fix', async () => {
    const document = await open(fixtureUri('fixtures', 'newsletter.eml'));
    const missing = await waitForCode(document.uri, 'html-image-alt-missing');
    assert.equal(document.getText(missing.range), '<img');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Add alt="" to the image');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /<img alt=3D"" src=3D/);
    await waitFor(
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'html-image-alt-missing'),
      () => describeDiagnostics(document.uri),
    );
  });
});

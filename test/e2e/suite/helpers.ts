/** Waiting helpers for extension-host tests: deadlines and events, never sleeps. */
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The folder code-server opened (a throw-away copy of samples/ and test/e2e/fixtures/). */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run must open a workspace folder');
  return folder.uri.fsPath;
}

export function fixtureUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), ...parts));
}

/**
 * Resolves with `check()`'s first truthy value, re-checking on every change of
 * diagnostics and on a slow poll; rejects at the deadline with `describe()`.
 */
export function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, describe: () => string, deadlineMs = 20_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | undefined, value?: T): void => {
      if (done) return;
      done = true;
      sub.dispose();
      clearInterval(poll);
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(value as T);
    };
    const attempt = async (): Promise<void> => {
      try {
        const value = await check();
        if (value) finish(undefined, value);
      } catch (e) {
        finish(e as Error);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void attempt());
    // Some conditions (a file on disk, a setting) change without a diagnostics event.
    const poll = setInterval(() => void attempt(), 100);
    const timer = setTimeout(() => finish(new Error(`Timed out after ${deadlineMs} ms: ${describe()}`)), deadlineMs);
    void attempt();
  });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  return JSON.stringify(
    vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} sev${d.severity}`),
  );
}

/** Waits until the document has a diagnostic with `code` (and, if given, one matching `where`). */
export function waitForCode(uri: vscode.Uri, code: string, where: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
  return waitFor(
    () => vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === code && where(d)),
    () => `diagnostic ${code} on ${uri.toString()}; have ${describeDiagnostics(uri)}`,
  );
}

/** Opens a document in an editor and returns it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Line number (zero-based) of the n-th line (0 = first) that starts with `prefix`. */
export function lineStarting(document: vscode.TextDocument, prefix: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < document.lineCount; i++) {
    if (document.lineAt(i).text.startsWith(prefix) && seen++ === nth) return i;
  }
  throw new Error(`no line ${nth} starting with ${JSON.stringify(prefix)}`);
}

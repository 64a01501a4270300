/**
 * Fixes in bulk, for every language, from the per-diagnostic quick fixes the
 * languages offer: "Fix all <code> problems" beside a quick fix whose code occurs
 * more than once, and one `source.fixAll` action (VS Code's Fix All command and
 * `editor.codeActionsOnSave`), as ESLint offers them. Actions whose edits would
 * overlap one already taken are left out (they are offered again once the first
 * edits are in), so a combined edit is always well formed.
 */
import * as lsp from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The kind of the whole-document action (a sub-kind of `source.fixAll`). */
export const FIX_ALL_KIND = `${lsp.CodeActionKind.SourceFixAll}.smtp-eml`;

/** The titles of the bulk fixes in one language (held by the locale bundle, ./l10n.ts). */
export interface FixAllTexts {
  readonly fixAllOfCode: (code: string, count: number) => string;
  readonly fixAll: string;
}

/** The English titles ("Fix all" is only offered for two or more problems, so the count is always plural). */
export const ENGLISH_FIX_ALL_TEXTS: FixAllTexts = {
  fixAllOfCode: (code, count) => `Fix all ${count} ${code} problems`,
  fixAll: 'Fix all auto-fixable problems',
};

function codeOf(d: lsp.Diagnostic): string | undefined {
  return typeof d.code === 'string' ? d.code : d.code === undefined ? undefined : String(d.code);
}

/** The edits an action makes to `uri`, or undefined when it does more (other files, commands). */
function editsOf(action: lsp.CodeAction, uri: string): lsp.TextEdit[] | undefined {
  if (action.command || !action.edit || action.edit.documentChanges) return undefined;
  const changes = action.edit.changes ?? {};
  const keys = Object.keys(changes);
  if (keys.length !== 1 || keys[0] !== uri) return undefined;
  return changes[uri];
}

/**
 * Merges the actions' edits in order, skipping an action any of whose edits overlaps
 * an edit already taken (two insertions at one point do not overlap).
 */
export function mergeActionEdits(document: TextDocument, actions: readonly lsp.CodeAction[]): { edits: lsp.TextEdit[]; diagnostics: lsp.Diagnostic[] } {
  const taken: Array<{ start: number; end: number }> = [];
  const edits: lsp.TextEdit[] = [];
  const diagnostics: lsp.Diagnostic[] = [];
  for (const action of actions) {
    const own = editsOf(action, document.uri);
    if (!own?.length) continue;
    const spans = own.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end) }));
    const overlaps = spans.some((s, i) =>
      taken.some((t) => (s.start < t.end && t.start < s.end) || (s.start === s.end && t.start < s.start && s.start < t.end) || (t.start === t.end && s.start < t.start && t.start < s.end)) ||
      spans.some((o, j) => j !== i && s.start < o.end && o.start < s.end),
    );
    if (overlaps) continue;
    taken.push(...spans);
    edits.push(...own);
    diagnostics.push(...(action.diagnostics ?? []));
  }
  return { edits, diagnostics };
}

/**
 * Adds "Fix all <code> problems" after each quick fix whose code has more than one
 * fixable diagnostic in the document. `fixesFor` gives the quick fixes of a list of diagnostics.
 */
export function withFixAllOfCode(
  document: TextDocument,
  texts: FixAllTexts,
  actions: lsp.CodeAction[],
  all: readonly lsp.Diagnostic[],
  fixesFor: (diagnostics: lsp.Diagnostic[]) => lsp.CodeAction[],
): lsp.CodeAction[] {
  const out = [...actions];
  const done = new Set<string>();
  for (const action of actions) {
    if (action.kind !== lsp.CodeActionKind.QuickFix) continue;
    const code = action.diagnostics?.length === 1 ? codeOf(action.diagnostics[0]!) : undefined;
    if (!code || done.has(code)) continue;
    done.add(code);
    const same = all.filter((d) => codeOf(d) === code && d.source === action.diagnostics![0]!.source);
    if (same.length < 2) continue;
    const fixes = fixesFor(same).filter((a) => a.kind === lsp.CodeActionKind.QuickFix && sameFamily(a, action));
    const merged = mergeActionEdits(document, firstPerDiagnostic(fixes));
    if (merged.diagnostics.length < 2) continue;
    out.push({
      title: texts.fixAllOfCode(code, merged.diagnostics.length),
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: merged.diagnostics,
      edit: { changes: { [document.uri]: merged.edits } },
    });
  }
  return out;
}

/** Two quick fixes are of one family when they fix the same code (titles may carry the fixed value). */
function sameFamily(a: lsp.CodeAction, b: lsp.CodeAction): boolean {
  const ca = a.diagnostics?.[0] ? codeOf(a.diagnostics[0]) : undefined;
  const cb = b.diagnostics?.[0] ? codeOf(b.diagnostics[0]) : undefined;
  return ca !== undefined && ca === cb;
}

/** The preferred (else first) quick fix of each diagnostic. */
function firstPerDiagnostic(actions: readonly lsp.CodeAction[]): lsp.CodeAction[] {
  const byDiagnostic = new Map<lsp.Diagnostic, lsp.CodeAction>();
  for (const a of actions) {
    if (a.diagnostics?.length !== 1) continue;
    const d = a.diagnostics[0]!;
    const current = byDiagnostic.get(d);
    if (!current || (a.isPreferred && !current.isPreferred)) byDiagnostic.set(d, a);
  }
  return [...byDiagnostic.values()];
}

/** The `source.fixAll` action: the preferred fix of every diagnostic that has one, or null when there is none. */
export function fixAllAction(document: TextDocument, texts: FixAllTexts, quickFixes: readonly lsp.CodeAction[]): lsp.CodeAction | null {
  const merged = mergeActionEdits(document, firstPerDiagnostic(quickFixes.filter((a) => a.kind === lsp.CodeActionKind.QuickFix)));
  if (!merged.edits.length) return null;
  return {
    title: texts.fixAll,
    kind: FIX_ALL_KIND,
    diagnostics: merged.diagnostics,
    edit: { changes: { [document.uri]: merged.edits } },
  };
}

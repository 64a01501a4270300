/**
 * The one place where pure `Problem`s (offsets) become LSP `Diagnostic`s
 * (ranges, severity overrides, RFC links, related information).
 */
import * as lsp from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CODES, type Problem, type Severity } from '../mail/codes';
import type { ServerSettings } from './settings';

const SEVERITY: Record<Severity, lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  information: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

/** Converts an offset span to a range, clamped to the document. */
export function rangeOf(document: TextDocument, offset: number, length: number): lsp.Range {
  const size = document.getText().length;
  const start = Math.max(0, Math.min(offset, size));
  const end = Math.max(start, Math.min(offset + Math.max(0, length), size));
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/**
 * Maps problems to diagnostics, applying the user's per-code overrides
 * (`off` drops the problem).
 */
export function toDiagnostics(document: TextDocument, problems: readonly Problem[], settings: ServerSettings): lsp.Diagnostic[] {
  const out: lsp.Diagnostic[] = [];
  for (const p of problems) {
    const override = settings.diagnostics[p.code];
    if (override === 'off') continue;
    const info = CODES[p.code];
    const diagnostic: lsp.Diagnostic = {
      range: rangeOf(document, p.offset, p.length),
      severity: SEVERITY[override ?? p.severity],
      code: p.code,
      source: info.source,
      message: p.message,
    };
    if (info.href) diagnostic.codeDescription = { href: info.href };
    if (p.related?.length) {
      diagnostic.relatedInformation = p.related.map((r) => ({
        location: { uri: document.uri, range: rangeOf(document, r.offset, r.length) },
        message: r.message,
      }));
    }
    if (p.data) diagnostic.data = p.data;
    out.push(diagnostic);
  }
  return out;
}

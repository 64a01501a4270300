/** Code actions on transcripts: redact credentials, convert a tool's log to C:/S:. */
import * as lsp from 'vscode-languageserver';
import { convertToCanonical, credentialRedactions } from '../../mail/transcript/convert';
import { REDACTED } from '../../mail/transcript/syntax';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { sessionOf } from './session';

/** Quick fixes for the diagnostics in range, plus the whole-file conversion when the file is another tool's log. */
export function smtpCodeActions(ctx: FeatureContext, _range: lsp.Range, diagnostics: lsp.Diagnostic[]): lsp.CodeAction[] {
  const uri = ctx.document.uri;
  const M = ctx.l10n.transcriptMessages;
  const { session } = sessionOf(ctx);
  const out: lsp.CodeAction[] = [];
  const credentialDiagnostics = diagnostics.filter((d) => d.code === 'credentials-exposed');
  for (const d of credentialDiagnostics) {
    out.push({
      title: M.redactAction(),
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: REDACTED }] } },
    });
  }
  // Prose, elisions and RFC pseudo-lines (`S: <wait for open connection>`) become annotations.
  for (const d of diagnostics) {
    if (d.source !== 'smtp' || !(d.data as { annotate?: boolean } | undefined)?.annotate) continue;
    const lineStart = { line: d.range.start.line, character: 0 };
    const prefixEnd = d.code === 'line-prefix' ? lineStart : d.range.start;
    out.push({
      title: M.annotateAction(),
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [{ range: { start: lineStart, end: prefixEnd }, newText: '# ' }] } },
    });
  }
  // Command syntax with one obvious repair (a space after FROM:, a path without brackets).
  for (const d of diagnostics) {
    const replacement = (d.data as { replacement?: unknown } | undefined)?.replacement;
    if (d.source !== 'smtp' || d.code !== 'command-syntax' || typeof replacement !== 'string') continue;
    out.push({
      title: M.replaceAction(replacement),
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: d.range, newText: replacement }] } },
    });
  }
  // RFC 6152 §3: 8-bit data after a MAIL FROM without BODY=8BITMIME, to a server that offers it: declare it.
  for (const d of diagnostics) {
    const declareAt = (d.data as { declareAt?: unknown } | undefined)?.declareAt;
    if (d.source !== 'smtp' || d.code !== 'eight-bit-without-8bitmime' || typeof declareAt !== 'number') continue;
    out.push({
      title: M.declare8BitMimeAction(),
      kind: lsp.CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: rangeOf(ctx.document, declareAt, 0), newText: ' BODY=8BITMIME' }] } },
    });
  }
  if (credentialDiagnostics.length > 0) {
    const all = credentialRedactions(ctx.document.getText(), session);
    if (all.length > 1) {
      out.push({
        title: M.redactAllAction(),
        kind: lsp.CodeActionKind.QuickFix,
        diagnostics: credentialDiagnostics,
        edit: { changes: { [uri]: all.map((e) => ({ range: rangeOf(ctx.document, e.offset, e.length), newText: e.newText })) } },
      });
    }
  }
  if (session.dialect !== 'canonical') {
    const text = ctx.document.getText();
    out.push({
      title: M.convertAction(session.dialect),
      kind: lsp.CodeActionKind.RefactorRewrite,
      edit: { changes: { [uri]: [{ range: rangeOf(ctx.document, 0, text.length), newText: convertToCanonical(text, session) }] } },
    });
  }
  return out;
}

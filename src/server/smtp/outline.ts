/**
 * The session as a tree (outline), folding ranges, and the outcome of each
 * transaction as code lens and inlay hint.
 */
import * as lsp from 'vscode-languageserver';
import type { TranscriptLabelTable } from '../../mail/transcript/messages';
import { recipientOutcomes, transactionOutcome, type Command, type Reply, type Transaction } from '../../mail/transcript/parse';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { sessionOf } from './session';

const short = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
const replyDetail = (L: TranscriptLabelTable, r: Reply | undefined): string => (r ? short(`${r.code} ${r.lines[r.lines.length - 1].text}`.trim()) : L.noReply);

function symbol(
  ctx: FeatureContext,
  name: string,
  detail: string,
  kind: lsp.SymbolKind,
  start: number,
  end: number,
  selStart: number,
  selLength: number,
  children?: lsp.DocumentSymbol[],
): lsp.DocumentSymbol {
  const range = rangeOf(ctx.document, start, Math.max(0, end - start));
  const sel = rangeOf(ctx.document, Math.max(start, Math.min(selStart, end)), Math.max(0, Math.min(selLength, end - selStart)));
  return { name: name || '?', detail, kind, range, selectionRange: sel, ...(children ? { children } : {}) };
}

/** A command with its reply, as one symbol spanning both (clamped to `limit`). */
function commandSymbol(ctx: FeatureContext, c: Command, name: string, detail: string, kind: lsp.SymbolKind, limit?: number): lsp.DocumentSymbol {
  let end = Math.max(c.line.end, c.reply?.end ?? 0);
  if (limit !== undefined) end = Math.min(end, limit);
  if (end < c.line.end) end = c.line.end;
  return symbol(ctx, name, detail, kind, c.line.offset, end, c.verbOffset, c.verbLength);
}

function transactionSymbol(ctx: FeatureContext, t: Transaction): lsp.DocumentSymbol {
  const L = ctx.l10n.transcriptLabels;
  const outcome = transactionOutcome(t, ctx.l10n.transcriptMessages);
  const children: lsp.DocumentSymbol[] = [];
  const end = t.end_;
  if (t.mail) children.push(commandSymbol(ctx, t.mail, L.sender(t.mail.address === '' ? L.nullSender : `<${t.mail.address ?? '?'}>`), replyDetail(L, t.mail.reply), lsp.SymbolKind.Field, end));
  for (const r of t.rcpts) {
    const detail = r.reply ? (Math.floor(r.reply.code / 100) === 2 ? L.accepted(r.reply.code) : L.refused(r.reply.code)) : L.noReply;
    children.push(commandSymbol(ctx, r, L.recipient(`<${r.address ?? '?'}>`), detail, lsp.SymbolKind.Field, end));
  }
  if (t.data) {
    const b = t.block;
    const detail = !b ? replyDetail(L, t.data.reply) : b.elided ? L.elided : L.octets(b.octets, b.lines.length);
    const blockEnd = b?.endLine?.end ?? b?.lines[b.lines.length - 1]?.end ?? t.data.line.end;
    children.push(symbol(ctx, L.message, detail, lsp.SymbolKind.String, t.data.line.offset, Math.min(Math.max(blockEnd, t.data.line.end), end), t.data.verbOffset, t.data.verbLength));
  }
  if (t.end?.reply) {
    const r = t.end.reply;
    children.push(symbol(ctx, L.finalReply, replyDetail(L, r), lsp.SymbolKind.Event, r.offset, Math.min(r.end, end), r.lines[0].codeOffset, 3));
  }
  const from = t.mail ? (t.mail.address === '' ? L.nullSender : `<${t.mail.address ?? '?'}>`) : L.unknownSender;
  const sel = t.mail ?? t.rcpts[0] ?? t.data;
  return symbol(ctx, L.transaction(from), outcome.text, lsp.SymbolKind.Namespace, t.offset, end, sel?.verbOffset ?? t.offset, sel?.verbLength ?? 0, children);
}

/** The outline: connection, EHLO (extensions), TLS, AUTH, transactions, QUIT, in document order. */
export function smtpDocumentSymbols(ctx: FeatureContext): lsp.DocumentSymbol[] {
  const L = ctx.l10n.transcriptLabels;
  const { session } = sessionOf(ctx);
  const items: Array<{ at: number; symbol: lsp.DocumentSymbol }> = [];
  const g = session.greeting;
  if (g) items.push({ at: g.offset, symbol: symbol(ctx, L.connection, replyDetail(L, g), lsp.SymbolKind.Event, g.offset, g.end, g.lines[0].codeOffset, 3) });
  for (const h of session.hellos) {
    const c = h.command;
    const end = Math.max(c.line.end, c.reply?.end ?? 0);
    const children = h.extensions.map((e) => symbol(ctx, e.keyword, e.params, lsp.SymbolKind.Property, e.offset, e.offset + e.length, e.offset, e.length));
    items.push({
      at: c.line.offset,
      symbol: symbol(ctx, c.line.content.trim(), h.extensions.length ? L.extensions(h.extensions.length) : replyDetail(L, c.reply), lsp.SymbolKind.Module, c.line.offset, end, c.verbOffset, c.verbLength, children),
    });
  }
  for (const c of session.starttls) items.push({ at: c.line.offset, symbol: commandSymbol(ctx, c, L.tls, replyDetail(L, c.reply), lsp.SymbolKind.Key) });
  for (const a of session.auths) {
    const last = a.result?.end ?? a.command.line.end;
    items.push({
      at: a.command.line.offset,
      symbol: symbol(ctx, `AUTH ${a.mechanism}`, replyDetail(L, a.result), lsp.SymbolKind.Key, a.command.line.offset, Math.max(last, a.command.line.end), a.command.verbOffset, a.command.verbLength),
    });
  }
  for (const t of session.transactions) items.push({ at: t.offset, symbol: transactionSymbol(ctx, t) });
  if (session.quit) items.push({ at: session.quit.line.offset, symbol: commandSymbol(ctx, session.quit, 'QUIT', replyDetail(L, session.quit.reply), lsp.SymbolKind.Event) });
  return items.sort((a, b) => a.at - b.at).map((i) => i.symbol);
}

/** Folding: each transaction, each multi-line reply, each DATA body. */
export function smtpFoldingRanges(ctx: FeatureContext): lsp.FoldingRange[] {
  const { session } = sessionOf(ctx);
  const out: lsp.FoldingRange[] = [];
  const lineOf = (offset: number): number => ctx.document.positionAt(offset).line;
  const add = (start: number, end: number, kind?: lsp.FoldingRangeKind): void => {
    const a = lineOf(start);
    const b = lineOf(end);
    if (b > a) out.push({ startLine: a, endLine: b, ...(kind ? { kind } : {}) });
  };
  for (const t of session.transactions) add(t.offset, t.end_, lsp.FoldingRangeKind.Region);
  for (const r of session.replies) if (r.lines.length > 1) add(r.offset, r.end);
  for (const b of session.dataBlocks) {
    const last = b.endLine ?? b.lines[b.lines.length - 1];
    if (last) add(b.command.line.offset, last.offset);
  }
  return out;
}

/** Code lens above each transaction: its outcome. */
export function smtpCodeLenses(ctx: FeatureContext): lsp.CodeLens[] {
  const { session } = sessionOf(ctx);
  return session.transactions.flatMap((t) => {
    const o = transactionOutcome(t, ctx.l10n.transcriptMessages);
    const start = rangeOf(ctx.document, t.offset, 0);
    const lenses: lsp.CodeLens[] = [{ range: { start: start.start, end: start.start }, command: { title: o.text, command: '' } }];
    // PRDR: each recipient's own answer to the message, above its RCPT line.
    for (const r of recipientOutcomes(t, ctx.l10n.transcriptMessages)) {
      const at = rangeOf(ctx.document, r.rcpt.line.offset, 0);
      lenses.push({ range: { start: at.start, end: at.start }, command: { title: r.text, command: '' } });
    }
    return lenses;
  });
}

/** Inlay hint after each transaction's last line: its outcome. */
export function smtpInlayHints(ctx: FeatureContext, range: lsp.Range): lsp.InlayHint[] {
  const { session } = sessionOf(ctx);
  const out: lsp.InlayHint[] = [];
  for (const t of session.transactions) {
    const o = transactionOutcome(t, ctx.l10n.transcriptMessages);
    const position = ctx.document.positionAt(t.end_);
    if (position.line < range.start.line || position.line > range.end.line) continue;
    out.push({ position, label: `→ ${o.text}`, paddingLeft: true });
  }
  return out;
}

/**
 * A mailbox (mbox) document as a container of messages.
 *
 * When a document holds two or more messages (src/mail/mbox/split.ts), every
 * `.eml` feature runs per message on a view of that message alone: a text
 * document of the message's lines (after its "From " separator line), with
 * its own memo. Results come back moved to the message's place in the file:
 * offsets (problems, semantic tokens) by the message's start, LSP positions by
 * its first line (messages start at line starts, so columns stay). A document
 * with one message (or none) keeps the plain single-message features.
 */
import * as lsp from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem, ProblemCode } from '../../mail/codes';
import { messageAt, splitMbox, type MboxMessage } from '../../mail/mbox/split';
import { decodeEncodedWords } from '../../mail/message/encodings';
import { findHeader } from '../../mail/message/model';
import { MAX_PER_CODE } from '../../mail/message/validate';
import type { FeatureContext, LanguageFeatures, PreviousValue } from '../features';
import { rangeOf } from '../diagnostics';
import { parsedOf } from './parsed';

/** One message of a mailbox document, with the context its features run in. */
export interface MessageView {
  message: MboxMessage;
  /** A context whose document is the message alone (from its first header line). */
  ctx: FeatureContext;
  /** Line of the mailbox where the view's line 0 is. */
  lineDelta: number;
}

/** The messages of the document when it is a mailbox of two or more messages (memoised per version). */
export function mailboxOf(ctx: FeatureContext): MboxMessage[] | undefined {
  return ctx.memo('mbox.split', () => {
    const text = ctx.document.getText();
    // Cheap refusal for the usual single message: a mailbox starts with "From ".
    if (!text.startsWith('From ')) return undefined;
    const messages = splitMbox(text);
    return messages.length >= 2 ? messages : undefined;
  });
}

/** The view of one message (memoised per document version). */
export function viewOf(ctx: FeatureContext, message: MboxMessage): MessageView {
  const views = ctx.memo('mbox.views', () => new Map<number, MessageView>());
  let view = views.get(message.index);
  if (!view) {
    const { document } = ctx;
    const sub = TextDocument.create(document.uri, document.languageId, document.version, document.getText().slice(message.headerOffset, message.end));
    const values = new Map<string, unknown>();
    const subCtx: FeatureContext = {
      document: sub,
      settings: ctx.settings,
      locale: ctx.locale,
      l10n: ctx.l10n,
      refresh: ctx.refresh,
      // A message's actions carry offsets in the message, not the mailbox: their edits are computed at once.
      resolvesCodeActionEdits: false,
      workspaceFolders: ctx.workspaceFolders,
      otherDocuments: () => ctx.otherDocuments(),
      memo<T>(key: string, compute: () => T): T {
        if (!values.has(key)) values.set(key, compute());
        return values.get(key) as T;
      },
      // A message of a mailbox is re-read whole after an edit: there is no earlier value to update.
      memoFromEarlier<T>(key: string, compute: (previous?: PreviousValue<T>) => T): T {
        return subCtx.memo(key, () => compute());
      },
    };
    // The editor's line numbers (a lone CR breaks a line too), not the splitter's LF count.
    view = { message, ctx: subCtx, lineDelta: document.positionAt(message.headerOffset).line };
    views.set(message.index, view);
  }
  return view;
}

/** The view holding `position` of the mailbox, with the position inside it; undefined off every message's lines. */
function viewAt(ctx: FeatureContext, messages: MboxMessage[], position: lsp.Position): { view: MessageView; position: lsp.Position } | undefined {
  const m = messageAt(messages, ctx.document.offsetAt(position));
  if (!m) return undefined;
  const view = viewOf(ctx, m);
  const line = position.line - view.lineDelta;
  if (line < 0) return undefined; // on the separator line
  return { view, position: { line, character: position.character } };
}

/**
 * A copy of an LSP value with every position (`{line, character}`) moved by
 * `delta` lines. Copies, so memoised results of a view are never changed.
 */
export function shiftLines<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((v) => shiftLines(v, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number' && Object.keys(o).length === 2) {
    return { line: o.line + delta, character: o.character } as T;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === 'data' ? v : shiftLines(v, delta);
  return out as T;
}

function shiftProblem(p: Problem, by: number): Problem {
  const moved: Problem = { ...p, offset: p.offset + by };
  if (p.related) moved.related = p.related.map((r) => ({ ...r, offset: r.offset + by }));
  return moved;
}

/** Outline symbol of one message: Subject as the name, From and Date as the detail, its own outline inside. */
function messageSymbol(ctx: FeatureContext, view: MessageView, children: lsp.DocumentSymbol[]): lsp.DocumentSymbol {
  const { message } = view;
  const { root } = parsedOf(view.ctx);
  const value = (name: string): string => {
    const h = findHeader(root, name);
    return h ? decodeEncodedWords(h.value.slice(0, 500)).text.replace(/\s+/g, ' ').trim() : '';
  };
  const subject = value('subject');
  const detail = [value('from'), value('date')].filter(Boolean).join(' · ');
  const separatorEnd = ctx.document.getText().indexOf('\n', message.offset);
  const lineLength = (separatorEnd < 0 ? message.headerOffset : separatorEnd) - message.offset;
  return {
    name: subject || ctx.l10n.eml.outlineMessage(message.index + 1),
    detail: detail.length > 80 ? `${detail.slice(0, 79)}…` : detail || undefined,
    kind: lsp.SymbolKind.Object,
    range: rangeOf(ctx.document, message.offset, message.end - message.offset),
    selectionRange: rangeOf(ctx.document, message.offset, Math.max(0, Math.min(lineLength, message.end - message.offset))),
    children,
  };
}

/** Wraps single-message features so that a mailbox document gets them per message. */
export function withMailboxes(single: LanguageFeatures): LanguageFeatures {
  // Features not wrapped below pass through and see the whole document.
  const features: LanguageFeatures = {
    ...single,
    validate(ctx) {
      const messages = mailboxOf(ctx);
      if (!messages) return single.validate(ctx);
      // Each message is validated alone; the per-code cap holds for the whole document.
      const out: Problem[] = [];
      const counts = new Map<ProblemCode, number>();
      for (const m of messages) {
        for (const p of single.validate(viewOf(ctx, m).ctx)) {
          const n = counts.get(p.code) ?? 0;
          if (n >= MAX_PER_CODE) continue;
          counts.set(p.code, n + 1);
          out.push(shiftProblem(p, m.headerOffset));
        }
      }
      return out;
    },
  };
  if (single.hover) {
    const hover = single.hover;
    features.hover = (ctx, position) => {
      const messages = mailboxOf(ctx);
      if (!messages) return hover(ctx, position);
      const at = viewAt(ctx, messages, position);
      return at ? shiftLines(hover(at.view.ctx, at.position), at.view.lineDelta) : null;
    };
  }
  if (single.completion) {
    const completion = single.completion;
    features.completion = (ctx, position, context) => {
      const messages = mailboxOf(ctx);
      if (!messages) return completion(ctx, position, context);
      const at = viewAt(ctx, messages, position);
      return at ? shiftLines(completion(at.view.ctx, at.position, context), at.view.lineDelta) : [];
    };
  }
  if (single.documentSymbols) {
    const symbols = single.documentSymbols;
    features.documentSymbols = (ctx) => {
      const messages = mailboxOf(ctx);
      if (!messages) return symbols(ctx);
      return messages.map((m) => {
        const view = viewOf(ctx, m);
        return messageSymbol(ctx, view, shiftLines(symbols(view.ctx), view.lineDelta));
      });
    };
  }
  if (single.foldingRanges) {
    const folding = single.foldingRanges;
    features.foldingRanges = (ctx) => {
      const messages = mailboxOf(ctx);
      if (!messages) return folding(ctx);
      const out: lsp.FoldingRange[] = [];
      for (const m of messages) {
        const view = viewOf(ctx, m);
        // The whole message folds from its separator line to its last line.
        const first = ctx.document.positionAt(m.offset).line;
        const last = ctx.document.positionAt(Math.max(m.headerOffset, m.end - 1)).line;
        if (last > first) out.push({ startLine: first, endLine: last });
        for (const r of folding(view.ctx)) out.push({ ...r, startLine: r.startLine + view.lineDelta, endLine: r.endLine + view.lineDelta });
      }
      return out;
    };
  }
  if (single.codeActions) {
    const actions = single.codeActions;
    features.codeActions = (ctx, range, diagnostics) => {
      const messages = mailboxOf(ctx);
      if (!messages) return actions(ctx, range, diagnostics);
      const at = viewAt(ctx, messages, range.start);
      if (!at) return [];
      const { view } = at;
      const inside = (d: lsp.Diagnostic): boolean => {
        const m = messageAt(messages, ctx.document.offsetAt(d.range.start));
        return m === view.message && d.range.start.line >= view.lineDelta;
      };
      const local = shiftLines(diagnostics.filter(inside), -view.lineDelta);
      return shiftLines(actions(view.ctx, shiftLines(range, -view.lineDelta), local), view.lineDelta);
    };
  }
  if (single.codeLenses) {
    const lenses = single.codeLenses;
    features.codeLenses = (ctx) => {
      const messages = mailboxOf(ctx);
      if (!messages) return lenses(ctx);
      return messages.flatMap((m) => {
        const view = viewOf(ctx, m);
        return shiftLines(lenses(view.ctx), view.lineDelta);
      });
    };
  }
  if (single.semanticTokens) {
    const tokens = single.semanticTokens;
    features.semanticTokens = (ctx) => {
      const messages = mailboxOf(ctx);
      if (!messages) return tokens(ctx);
      return messages.flatMap((m) => tokens(viewOf(ctx, m).ctx).map((t) => ({ ...t, offset: t.offset + m.headerOffset })));
    };
  }
  if (single.requests) {
    features.requests = {};
    for (const [name, handler] of Object.entries(single.requests)) {
      // Requests about a position (decode the part there) run in the view of the message there.
      features.requests[name] = (params, contextOf) => {
        const p = params as { uri?: unknown; position?: lsp.Position } | undefined;
        const ctx = typeof p?.uri === 'string' ? contextOf(p.uri) : undefined;
        const messages = ctx && mailboxOf(ctx);
        if (!ctx || !messages || !p?.position || !Number.isInteger(p.position.line)) return handler(params, contextOf);
        const at = viewAt(ctx, messages, p.position);
        if (!at) return null;
        return shiftLines(
          handler({ ...p, position: at.position }, (uri) => (uri === p.uri ? at.view.ctx : contextOf(uri))),
          at.view.lineDelta,
        );
      };
    }
  }
  return features;
}

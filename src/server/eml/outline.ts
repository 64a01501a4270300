/**
 * Outline (document symbols) and folding ranges of `.eml` documents, built from
 * the parsed MIME tree with an explicit stack: no recursion on input depth.
 */
import * as lsp from 'vscode-languageserver';
import { decodeEncodedWords } from '../../mail/message/encodings';
import { findHeader, type MimePart } from '../../mail/message/model';
import type { FeatureContext } from '../features';
import { rangeOf } from '../diagnostics';
import { authSymbols } from './auth';
import { parsedOf } from './parsed';
import { decodedText, partLabel } from './parts';

/**
 * Deepest nesting of symbols sent to the client. Deeper parts are still listed,
 * flat under the symbol at this depth, because clients render (and some
 * serialise) the tree recursively.
 */
export const MAX_OUTLINE_DEPTH = 64;

/** Most fields listed per header block (a block of 50 000 fields is an attack, not an outline). */
export const MAX_OUTLINE_FIELDS = 1000;

/**
 * Most MIME parts listed in the whole outline: 200 000 parts would be a 47 MB
 * response; the parts after the first MAX_OUTLINE_PARTS (in document order
 * within each level) are left out, and the last listed part says so.
 */
export const MAX_OUTLINE_PARTS = 2000;

/** Longest value shown as a header field's detail. */
const DETAIL_LIMIT = 80;

/** Longest body read for a part's preview; larger parts show their size only. */
const PREVIEW_BODY_LIMIT = 64 * 1024;

function shorten(value: string): string {
  return value.length > DETAIL_LIMIT ? `${value.slice(0, DETAIL_LIMIT - 1)}…` : value;
}

/** A field value as a reader sees it: RFC 2047 encoded words decoded (as hover shows them). */
function readableValue(value: string): string {
  if (!value.includes('=?')) return value;
  return decodeEncodedWords(value.slice(0, 2000)).text;
}

/** The first non-blank line of a leaf text part, decoded (quoted-printable, base64, charset). */
function previewOf(text: string, part: MimePart): string | undefined {
  if (part.children.length || part.embedded || part.contentType.type !== 'text') return undefined;
  if (part.bodyEnd - part.bodyOffset > PREVIEW_BODY_LIMIT) return undefined;
  const line = decodedText(text, part)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find((l) => l.length > 0);
  return line ? shorten(line) : undefined;
}

function headerBlockSymbol(ctx: FeatureContext, part: MimePart, name: string, emptyName: string): lsp.DocumentSymbol | undefined {
  if (!part.headers.length) return undefined;
  const { document } = ctx;
  const first = part.headers[0];
  const last = part.headers[part.headers.length - 1];
  const range = rangeOf(document, first.offset, last.end - first.offset);
  const children = part.headers.slice(0, MAX_OUTLINE_FIELDS).map(
    (h): lsp.DocumentSymbol => ({
      name: h.name || emptyName,
      detail: shorten(readableValue(h.value)),
      kind: lsp.SymbolKind.Field,
      range: rangeOf(document, h.offset, h.end - h.offset),
      selectionRange: rangeOf(document, h.nameOffset, h.nameLength),
    }),
  );
  return { name, kind: lsp.SymbolKind.Namespace, range, selectionRange: rangeOf(document, first.nameOffset, first.nameLength), children };
}

function partSymbol(ctx: FeatureContext, part: MimePart): lsp.DocumentSymbol {
  const { document } = ctx;
  const text = document.getText();
  const label = partLabel(text, part, ctx.l10n);
  const ct = part.headers.find((h) => h.name.toLowerCase() === 'content-type');
  const kind = part.children.length || part.embedded ? lsp.SymbolKind.Module : part.contentType.type === 'text' ? lsp.SymbolKind.String : lsp.SymbolKind.File;
  // An attached message is best known by its subject.
  const subject = part.embedded ? findHeader(part.embedded, 'subject') : undefined;
  const preview = subject ? undefined : previewOf(text, part);
  const detail = subject
    ? decodeEncodedWords(subject.value.slice(0, 500)).text.slice(0, DETAIL_LIMIT)
    : [label.detail, preview && `“${preview}”`].filter(Boolean).join(' · ');
  return {
    name: label.name,
    detail: detail || undefined,
    kind,
    range: rangeOf(document, part.offset, part.end - part.offset),
    selectionRange: ct ? rangeOf(document, ct.nameOffset, ct.nameLength) : rangeOf(document, part.offset, 0),
    children: [],
  };
}

/** The outline: the header block (each field), then the MIME tree with type, file name and size. */
export function emlDocumentSymbols(ctx: FeatureContext): lsp.DocumentSymbol[] {
  const { root } = parsedOf(ctx);
  const texts = ctx.l10n.eml;
  const result: lsp.DocumentSymbol[] = [];
  const headers = headerBlockSymbol(ctx, root, texts.outlineHeaders, texts.emptyFieldName);
  if (headers) result.push(headers);
  result.push(...authSymbols(ctx));
  const rootSymbol = partSymbol(ctx, root);
  result.push(rootSymbol);
  // Explicit stack. `holder` receives the part's child symbols: the part's own
  // symbol within the depth cap, else the symbol at the cap (flattened below it).
  const stack: Array<{ part: MimePart; holder: lsp.DocumentSymbol; depth: number }> = [{ part: root, holder: rootSymbol, depth: 1 }];
  let listed = 1;
  let left = 0;
  let lastListed = rootSymbol;
  while (stack.length) {
    const { part, holder, depth } = stack.pop()!;
    const pending: Array<{ part: MimePart; symbol: lsp.DocumentSymbol }> = [];
    if (part.embedded) {
      if (listed >= MAX_OUTLINE_PARTS) left++;
      else {
        const embeddedHeaders = headerBlockSymbol(ctx, part.embedded, texts.outlineHeaders, texts.emptyFieldName);
        if (embeddedHeaders) holder.children!.push(embeddedHeaders);
        pending.push({ part: part.embedded, symbol: partSymbol(ctx, part.embedded) });
        listed++;
      }
    }
    for (const child of part.children) {
      if (listed >= MAX_OUTLINE_PARTS) {
        left += 1;
        continue;
      }
      pending.push({ part: child, symbol: partSymbol(ctx, child) });
      listed++;
    }
    if (pending.length) lastListed = pending[pending.length - 1]!.symbol;
    for (const p of pending) holder.children!.push(p.symbol);
    for (let i = pending.length - 1; i >= 0; i--) {
      const childDepth = depth + 1;
      stack.push({ part: pending[i].part, holder: childDepth < MAX_OUTLINE_DEPTH ? pending[i].symbol : holder, depth: Math.min(childDepth, MAX_OUTLINE_DEPTH) });
    }
  }
  if (left) lastListed.detail = `${lastListed.detail ? `${lastListed.detail} ` : ''}${texts.outlinePartsLeftOut(left)}`;
  return result;
}

/** Base64 bodies with at least this many lines get their own fold. */
const BASE64_FOLD_MIN_LINES = 4;

/**
 * Folding ranges: each header block, each folded (multi-line) field, each MIME
 * part (from its delimiter line), and long base64 bodies.
 */
export function emlFoldingRanges(ctx: FeatureContext): lsp.FoldingRange[] {
  const { document } = ctx;
  const { root } = parsedOf(ctx);
  const out: lsp.FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (startOffset: number, endOffset: number, kind?: lsp.FoldingRangeKind): void => {
    const startLine = document.positionAt(startOffset).line;
    const endLine = document.positionAt(Math.max(startOffset, endOffset)).line;
    if (endLine <= startLine) return;
    const key = `${startLine}:${endLine}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const stack: MimePart[] = [root];
  while (stack.length) {
    const part = stack.pop()!;
    if (part.headers.length) {
      const first = part.headers[0];
      const last = part.headers[part.headers.length - 1];
      add(first.offset, last.end, lsp.FoldingRangeKind.Imports);
      for (const h of part.headers) if (h.lines.length > 1) add(h.offset, h.end);
    }
    // Each part folds from the delimiter line that opens it to its last line.
    const opens = part.boundaryLines.filter((b) => !b.close);
    let j = -1; // the last opening delimiter before the child (both lists are in document order)
    for (const child of part.children) {
      while (j + 1 < opens.length && opens[j + 1].offset < child.offset) j++;
      add(j >= 0 ? opens[j].offset : child.offset, child.end);
    }
    if (part.transferEncoding === 'base64' && !part.children.length) {
      const lines = document.positionAt(part.bodyEnd).line - document.positionAt(part.bodyOffset).line + 1;
      if (lines >= BASE64_FOLD_MIN_LINES) add(part.bodyOffset, part.bodyEnd);
    }
    if (part.embedded) stack.push(part.embedded);
    for (let i = part.children.length - 1; i >= 0; i--) stack.push(part.children[i]);
  }
  return out;
}

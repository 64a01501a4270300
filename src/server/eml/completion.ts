/**
 * Completion in `.eml` documents. It reads the text around the cursor rather
 * than the parse, because the text being typed is usually not yet well formed:
 * field names at the start of a header line (once-only fields the block has are
 * left out); addresses after To:, Cc:, From: (this message's, the other open
 * messages', the workspace's); Content-Type, its parameters,
 * Content-Transfer-Encoding, Content-Disposition and charset values; a fresh
 * Date, Message-ID and MIME-Version.
 */
import * as lsp from 'vscode-languageserver';
import { COMMON_CHARSETS, COMMON_MEDIA_TYPES, FIELD_CATALOG, fieldHref, fieldReference, lookupField, TRANSFER_ENCODINGS } from '../../mail/message/fieldCatalog';
import type { FeatureContext } from '../features';
import { formatRfc5322Date } from '../../mail/message/dates';
import { domainOfFrom, freshBoundary, freshMessageId } from './generate';
import { addressesInHeader, WorkspaceAddressBook } from './addressBook';

/** A field-name-ish line start: `Name:` (5322 §2.2 ftext), with obsolete space before the colon. */
const FIELD_LINE = /^[!-9;-~]+[ \t]*:/;

/** Start offsets of the line holding `offset` and of the line after it. */
export function lineBounds(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start, end };
}

/**
 * Whether the line starting at `lineStart` lies in a header block: every line
 * above it up to the document start (or to a `--boundary` line) looks like a
 * header line, with no blank line in between. Linear in the lines above.
 */
export function inHeaderBlock(text: string, lineStart: number): { inside: boolean; partHeader: boolean } {
  let end = lineStart; // end (exclusive, at the line's LF) of the line above
  while (end > 0) {
    const lineEnd = end - 1; // index of the LF ending the line above
    let start = lineEnd;
    while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
    let line = text.slice(start, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length === 0) return { inside: precedesAttachedMessage(text, start), partHeader: false };
    if (line.startsWith('--')) return { inside: true, partHeader: true };
    const mboxFrom = start === 0 && line.startsWith('From ');
    if (!mboxFrom && !FIELD_LINE.test(line) && !/^[ \t]/.test(line)) return { inside: false, partHeader: false };
    end = start;
  }
  return { inside: true, partHeader: false };
}

/**
 * Whether the blank line starting at `blankStart` ends the header block of a
 * `message/rfc822` (or `message/global`) part, so the lines after it are the
 * attached message's header (RFC 2046 §5.2.1). Walks up that block only.
 */
function precedesAttachedMessage(text: string, blankStart: number): boolean {
  let end = blankStart;
  while (end > 0) {
    const lineEnd = end - 1;
    let start = lineEnd;
    while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
    let line = text.slice(start, lineEnd);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (/^content-type[ \t]*:[ \t]*message\/(rfc822|global)\b/i.test(line)) return true;
    if (line.length === 0 || line.startsWith('--') || (!FIELD_LINE.test(line) && !/^[ \t]/.test(line))) return false;
    end = start;
  }
  return false;
}

/** The field a value position belongs to: this line's name, or the name of the line it continues; `valueStart` is after its colon. */
function fieldOfLine(text: string, lineStart: number): { name: string; valueStart: number } | undefined {
  let start = lineStart;
  for (;;) {
    const { end } = lineBounds(text, start);
    const line = text.slice(start, end);
    const m = /^([!-9;-~]+)[ \t]*:/.exec(line);
    if (m) return { name: m[1], valueStart: start + m[0].length };
    if (!/^[ \t]/.test(line) || start === 0) return undefined;
    // Continuation: step to the line above.
    let above = start - 1;
    while (above > 0 && text.charCodeAt(above - 1) !== 10) above--;
    start = above;
  }
}

/** Completion items at `position`. */
export function emlCompletion(ctx: FeatureContext, position: lsp.Position): lsp.CompletionItem[] {
  const { document } = ctx;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const { start: lineStart } = lineBounds(text, offset);
  const before = text.slice(lineStart, offset);
  const block = inHeaderBlock(text, lineStart);
  if (!block.inside) return [];
  const texts = ctx.l10n.eml;

  // At the start of a header line: field names, without once-only fields the block already has.
  if (/^[A-Za-z0-9-]*$/.test(before)) {
    const present = namesInBlock(text, lineStart);
    // Completing inside an existing name (`Sub|ject: x`) replaces the whole name and its colon.
    const { end: lineEnd } = lineBounds(text, offset);
    const rest = /^[A-Za-z0-9-]*(?:[ \t]*:[ \t]?)?/.exec(text.slice(offset, Math.min(lineEnd, offset + 200)))![0];
    const range = { start: document.positionAt(lineStart), end: document.positionAt(offset + rest.length) };
    return FIELD_CATALOG.flatMap((info, i): lsp.CompletionItem[] => {
      // RFC 5322 §3.6 (and RFC 2045 for a part's MIME fields): a field that may occur once and is there already.
      if (info.once && present.has(info.name.toLowerCase())) return [];
      // In a part's header block, MIME fields first; at the top, the table's order.
      const rank = block.partHeader ? (info.mime ? 0 : 1) : 0;
      return [{
        label: info.name,
        kind: lsp.CompletionItemKind.Property,
        detail: fieldReference(info),
        documentation: { kind: lsp.MarkupKind.Markdown, value: `${texts.fieldDocs[info.name.toLowerCase()] ?? info.doc}\n\n[${fieldReference(info)}](${fieldHref(info)})` },
        textEdit: lsp.TextEdit.replace(range, `${info.name}: `),
        filterText: info.name,
        sortText: `${rank}${String(i).padStart(3, '0')}`,
        // Offer the value right away (dates, ids, media types).
        command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
      }];
    });
  }

  const field = fieldOfLine(text, lineStart);
  if (!field) return [];
  const valueBefore = text.slice(field.valueStart, offset);
  // Values are offered by the grammar the catalogue gives the field.
  const grammar = lookupField(field.name)?.grammar;
  // The word being typed: from the last separator to the cursor.
  const wordMatch = /[^\s;:=,"]*$/.exec(valueBefore);
  const wordStart = offset - (wordMatch ? wordMatch[0].length : 0);
  const wordRange = { start: document.positionAt(wordStart), end: position };
  const simple = (values: readonly string[], kind: lsp.CompletionItemKind, detail?: string): lsp.CompletionItem[] =>
    values.map((v, i) => ({ label: v, kind, detail, textEdit: lsp.TextEdit.replace(wordRange, v), sortText: String(i).padStart(3, '0') }));
  const blankValue = valueBefore.trim() === '';
  // When the cursor sits right after the colon, insert the separating space too.
  const lead = /:$/.test(before) ? ' ' : '';

  switch (grammar) {
    case 'date-time':
      if (!blankValue) return [];
      return [fresh(formatRfc5322Date(new Date()), texts.completionFreshDate, lead, wordRange, lsp.CompletionItemKind.Value)];
    case 'msg-id':
      if (!blankValue) return [];
      return [fresh(freshMessageId(domainOfFrom(text)), texts.completionFreshMessageId, lead, wordRange, lsp.CompletionItemKind.Value)];
    case 'version':
      if (!blankValue) return [];
      return [fresh('1.0', texts.completionMimeVersion, lead, wordRange, lsp.CompletionItemKind.Constant)];
    case 'mailbox':
    case 'mailbox-list':
    case 'address-list':
      return addressItems(ctx, valueBefore, offset, lead);
    case 'mechanism':
      return withLead(simple(TRANSFER_ENCODINGS, lsp.CompletionItemKind.EnumMember), lead);
    case 'disposition':
      if (!valueBefore.includes(';')) return withLead(simple(['inline', 'attachment'], lsp.CompletionItemKind.EnumMember), lead);
      return parameterItems(valueBefore, wordRange, ['filename', 'size', 'creation-date', 'modification-date'], texts.completionBoundary, false);
    case 'media-type': {
      if (!valueBefore.includes(';')) return withLead(simple(COMMON_MEDIA_TYPES, lsp.CompletionItemKind.Value), lead);
      const multipart = /^\s*multipart\//i.test(valueBefore);
      const names = multipart ? ['boundary', 'charset'] : ['charset', 'name', 'format'];
      return parameterItems(valueBefore, wordRange, names, texts.completionBoundary, multipart);
    }
    default:
      return [];
  }
}

/** Lower-case names of the fields in the header block holding `lineStart`, except that line's own. */
function namesInBlock(text: string, lineStart: number): Set<string> {
  const names = new Set<string>();
  const add = (start: number, end: number): void => {
    const m = /^([!-9;-~]+)[ \t]*:/.exec(text.slice(start, Math.min(end, start + 200)));
    if (m) names.add(m[1]!.toLowerCase());
  };
  // Up to the block's start (a blank line, a delimiter line or the document start).
  let end = lineStart;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
    const line = text.slice(start, end - 1).replace(/\r$/, '');
    if (line === '' || line.startsWith('--')) break;
    add(start, end);
    end = start;
  }
  // Down to the blank line that ends it.
  let start = lineBounds(text, lineStart).end;
  while (start < text.length) {
    if (text.charCodeAt(start) === 13) start++;
    if (text.charCodeAt(start) === 10) start++;
    const { end: lineEnd } = lineBounds(text, start);
    if (lineEnd === start) break;
    add(start, lineEnd);
    start = lineEnd;
  }
  return names;
}

/** Most addresses offered in one list. */
const MAX_ADDRESS_ITEMS = 200;

/**
 * Addresses after an address field's colon or comma: those of this message, of the
 * other open messages and of the workspace's `.eml` files (this message's first),
 * without those the field already lists.
 */
function addressItems(ctx: FeatureContext, valueBefore: string, offset: number, lead: string): lsp.CompletionItem[] {
  const { document } = ctx;
  const text = document.getText();
  // The address being typed: after the last comma (RFC 5322 §3.4 address-list).
  const typed = /[^,]*$/.exec(valueBefore)![0];
  const typedStart = offset - typed.length + (/^\s*/.exec(typed)![0].length);
  const range = { start: document.positionAt(typedStart), end: document.positionAt(offset) };
  const already = new Set(valueBefore.toLowerCase().match(/[^\s<>,;:"]+@[^\s<>,;:"]+/g) ?? []);
  const seen = new Set<string>();
  const items: lsp.CompletionItem[] = [];
  const sources: Array<[string[], string]> = [
    [addressesInHeader(text), '0'],
    [ctx.otherDocuments().filter((d) => /\.(eml|mbox)$/i.test(d.uri) || d.languageId === 'eml').flatMap((d) => addressesInHeader(d.getText())), '1'],
    [workspaceBook(ctx.workspaceFolders).addresses(), '2'],
  ];
  for (const [addresses, rank] of sources) {
    for (const a of addresses) {
      const address = (/<([^<>]+)>$/.exec(a)?.[1] ?? a).toLowerCase();
      if (seen.has(a.toLowerCase()) || already.has(address) || items.length >= MAX_ADDRESS_ITEMS) continue;
      seen.add(a.toLowerCase());
      items.push({
        label: a,
        kind: lsp.CompletionItemKind.Reference,
        textEdit: lsp.TextEdit.replace(range, (typed.trim() === '' ? lead : '') + a),
        filterText: (typed.trim() === '' ? lead : '') + a,
        sortText: `${rank}${String(items.length).padStart(4, '0')}`,
      });
    }
  }
  return items;
}

let addressBook: { key: string; book: WorkspaceAddressBook } | undefined;

/** One address book per set of workspace folders. */
function workspaceBook(folders: readonly string[]): WorkspaceAddressBook {
  const key = folders.join('\0');
  if (addressBook?.key !== key) addressBook = { key, book: new WorkspaceAddressBook(() => folders) };
  return addressBook.book;
}

function fresh(value: string, detail: string, lead: string, range: lsp.Range, kind: lsp.CompletionItemKind): lsp.CompletionItem {
  return { label: value, kind, detail, textEdit: lsp.TextEdit.replace(range, lead + value), filterText: lead + value, preselect: true };
}

function withLead(items: lsp.CompletionItem[], lead: string): lsp.CompletionItem[] {
  if (!lead) return items;
  for (const item of items) {
    const edit = item.textEdit as lsp.TextEdit;
    edit.newText = lead + edit.newText;
    item.filterText = lead + item.label;
  }
  return items;
}

/** Items after `;` in a parameter list: names (`charset=`), or values after `charset=` / `boundary=`. */
function parameterItems(valueBefore: string, range: lsp.Range, names: readonly string[], boundaryDetail: string, multipart: boolean): lsp.CompletionItem[] {
  const lastParam = valueBefore.slice(valueBefore.lastIndexOf(';') + 1);
  const eq = /^\s*([A-Za-z0-9*_-]+)\s*=\s*"?([^"]*)$/.exec(lastParam);
  if (eq) {
    const param = eq[1].toLowerCase();
    if (param === 'charset') return COMMON_CHARSETS.map((c, i) => ({ label: c, kind: lsp.CompletionItemKind.EnumMember, textEdit: lsp.TextEdit.replace(range, c), sortText: String(i).padStart(3, '0') }));
    if (param === 'boundary' && eq[2] === '') {
      const b = freshBoundary();
      return [{ label: b, kind: lsp.CompletionItemKind.Value, detail: boundaryDetail, textEdit: lsp.TextEdit.replace(range, lastParam.includes('"') ? b : `"${b}"`), preselect: true }];
    }
    return [];
  }
  return names.map((n, i): lsp.CompletionItem => {
    const insert = n === 'boundary' && multipart ? `boundary="${freshBoundary()}"` : `${n}=`;
    return {
      label: `${n}=`,
      kind: lsp.CompletionItemKind.Property,
      detail: n === 'boundary' ? boundaryDetail : undefined,
      textEdit: lsp.TextEdit.replace(range, insert),
      filterText: n,
      sortText: String(i).padStart(3, '0'),
      command: n === 'charset' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    };
  });
}

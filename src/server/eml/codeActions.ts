/**
 * Quick fixes for `.eml` diagnostics. Each is one WorkspaceEdit that makes its
 * diagnostic go away: add Date / Message-ID / MIME-Version, encode a non-ASCII
 * header as RFC 2047 encoded words, convert an 8-bit part declared 7bit to
 * quoted-printable, append a missing close delimiter, and a few one-token
 * replacements the validator suggests (weekday, zone, MIME-Version value,
 * base64 padding). Fixes read the offsets the validator put in `Diagnostic.data`
 * and the shared parse of the current version.
 */
import * as lsp from 'vscode-languageserver';
import { mailboxesOf, parseAddressList } from '../../mail/message/address';
import { formatRfc5322Date } from '../../mail/message/dates';
import { encodeEncodedWord, encodeQuotedPrintable } from '../../mail/message/encodings';
import { isAddressField, lookupField } from '../../mail/message/fieldCatalog';
import { findHeader, type MimePart } from '../../mail/message/model';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { domainOfFrom, freshMessageId } from './generate';
import { htmlCodeActions } from './htmlFeatures';
import { parsedOf } from './parsed';
import { partAt } from './parts';
import { textsFor, type EmlTexts } from './texts';

/** `data` of the validator's "insert a header field" problems. */
interface InsertData {
  insertOffset: number;
  eol?: string;
  needsLineBreak?: boolean;
  text?: string;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Code actions for the diagnostics the client sent. */
export function emlCodeActions(ctx: FeatureContext, _range: lsp.Range, diagnostics: lsp.Diagnostic[]): lsp.CodeAction[] {
  const texts = textsFor(ctx.locale);
  const out: lsp.CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'eml' || typeof d.code !== 'string') continue;
    const action = fixFor(ctx, texts, d);
    if (action) out.push(action);
    out.push(...htmlCodeActions(ctx, d));
  }
  return out;
}

function quickFix(ctx: FeatureContext, title: string, d: lsp.Diagnostic, edits: lsp.TextEdit[], isPreferred = true): lsp.CodeAction {
  return {
    title,
    kind: lsp.CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred,
    edit: { changes: { [ctx.document.uri]: edits } },
  };
}

function insertAt(ctx: FeatureContext, offset: number, text: string): lsp.TextEdit {
  return lsp.TextEdit.insert(ctx.document.positionAt(offset), text);
}

function replaceSpan(ctx: FeatureContext, offset: number, end: number, text: string): lsp.TextEdit {
  return lsp.TextEdit.replace(rangeOf(ctx.document, offset, end - offset), text);
}

/** An edit inserting a whole header line where the validator said (end of the header block). */
function insertField(ctx: FeatureContext, data: InsertData, line: string): lsp.TextEdit {
  const eol = data.eol === '\r\n' || data.eol === '\n' ? data.eol : parsedOf(ctx).eol;
  return insertAt(ctx, data.insertOffset, `${data.needsLineBreak ? eol : ''}${line}${eol}`);
}

/** The domain of the first From mailbox, from the parse (textual fallback while From is broken). */
function fromDomain(ctx: FeatureContext): string | undefined {
  const { root, text } = parsedOf(ctx);
  const from = findHeader(root, 'from');
  if (from) {
    const boxes = mailboxesOf(parseAddressList(text.slice(from.valueOffset, from.end), from.valueOffset).items);
    const address = boxes[0]?.address;
    const at = address ? address.lastIndexOf('@') : -1;
    if (address && at > 0) return address.slice(at + 1).replace(/^\[|\]$/g, '');
  }
  return domainOfFrom(text);
}

function fixFor(ctx: FeatureContext, texts: EmlTexts, d: lsp.Diagnostic): lsp.CodeAction | undefined {
  const data = (d.data ?? {}) as Record<string, unknown>;
  const text = ctx.document.getText();
  switch (d.code) {
    case 'missing-date':
      if (!isNumber(data.insertOffset)) return undefined;
      return quickFix(ctx, texts.fixAddDate, d, [insertField(ctx, data as unknown as InsertData, `Date: ${formatRfc5322Date(new Date())}`)]);
    case 'missing-message-id':
      if (!isNumber(data.insertOffset)) return undefined;
      return quickFix(ctx, texts.fixAddMessageId, d, [insertField(ctx, data as unknown as InsertData, `Message-ID: ${freshMessageId(fromDomain(ctx))}`)]);
    case 'mime-version-missing':
      if (!isNumber(data.insertOffset)) return undefined;
      return quickFix(ctx, texts.fixAddMimeVersion, d, [insertField(ctx, data as unknown as InsertData, 'MIME-Version: 1.0')]);
    case 'mime-version-value':
      if (!isNumber(data.valueOffset) || !isNumber(data.valueEnd)) return undefined;
      return quickFix(ctx, texts.fixSetMimeVersion, d, [replaceSpan(ctx, data.valueOffset, data.valueEnd, ' 1.0')]);
    case 'date-weekday-mismatch':
    case 'date-obsolete-zone':
      if (typeof data.replacement !== 'string') return undefined;
      return quickFix(ctx, texts.fixReplaceWith(data.replacement), d, [lsp.TextEdit.replace(d.range, data.replacement)]);
    case 'base64-invalid':
      if (!isNumber(data.insertOffset) || typeof data.text !== 'string' || !/^=+$/.test(data.text)) return undefined;
      return quickFix(ctx, texts.fixAddPadding(data.text), d, [insertAt(ctx, data.insertOffset, data.text)]);
    case 'closing-boundary-missing': {
      if (!isNumber(data.insertOffset) || typeof data.boundary !== 'string') return undefined;
      const eol = parsedOf(ctx).eol;
      const atEnd = data.insertOffset >= text.length;
      const needsBreak = data.insertOffset > 0 && text.charCodeAt(data.insertOffset - 1) !== 10;
      return quickFix(ctx, texts.fixAppendCloseDelimiter(data.boundary), d, [
        insertAt(ctx, data.insertOffset, `${needsBreak ? eol : ''}--${data.boundary}--${atEnd ? eol : ''}`),
      ]);
    }
    case 'non-ascii-header':
      return encodeHeaderFix(ctx, texts, d, data);
    case 'eight-bit-data': {
      // One fix per part and version: editors ask again on every cursor move, and
      // every 8-bit line of the part carries a diagnostic.
      if (!isNumber(data.bodyOffset)) return undefined;
      const edits = ctx.memo(`eml.fix.qp:${ctx.settings.limits.maxDepth}:${data.bodyOffset}`, () => quotedPrintableEdits(ctx, data.bodyOffset as number));
      return edits ? quickFix(ctx, texts.fixToQuotedPrintable, d, edits) : undefined;
    }
    default:
      return undefined;
  }
}

/** Unknown fields of families whose syntax forbids encoded words (RFC 2047 §5): MIME parameters, signatures, list URLs. */
const NOT_ENCODABLE_FAMILY = /^(content-|dkim-|arc-|list-)/;

/**
 * Encodes the non-ASCII words of a field as RFC 2047 encoded words. In address
 * fields only display names and comments may be encoded (§5 (3)): a quoted
 * string becomes one encoded word; non-ASCII in an addr-spec cannot be fixed
 * this way, so no action is offered then.
 */
function encodeHeaderFix(ctx: FeatureContext, texts: EmlTexts, d: lsp.Diagnostic, data: Record<string, unknown>): lsp.CodeAction | undefined {
  if (!isNumber(data.fieldOffset)) return undefined;
  const { root, text } = parsedOf(ctx);
  const part = partAt(root, data.fieldOffset);
  const h = part.headers.find((f) => f.offset === data.fieldOffset);
  if (!h || h.colonOffset < 0) return undefined;
  const name = h.name.toLowerCase();
  // The catalogue says where encoded words may stand; no fix is offered elsewhere.
  const info = lookupField(name);
  if (info ? !info.encodedWords : NOT_ENCODABLE_FAMILY.test(name)) return undefined;
  const structured = isAddressField(info);
  /** Spans to replace by encoded words, in order; `plain` is the text they carry. */
  const pieces: Array<{ from: number; to: number; plain: string; atLineStart: boolean; atLineEnd: boolean }> = [];
  let inAngle = false;
  for (const line of h.lines) {
    const start = Math.max(line.offset, h.valueOffset);
    const end = line.offset + line.length;
    // Tokens: quoted strings, runs of word characters, and single separators.
    const re = structured ? /"(?:[^"\\\r\n]|\\.)*"?|[^\s"<>,;:@()]+|[<>,;:@()]|\s+/g : /\S+|\s+/g;
    const segment = text.slice(start, end);
    let run: { from: number; to: number } | undefined; // a run of non-ASCII words (document offsets)
    const add = (from: number, to: number, plain: string): void => {
      pieces.push({ from, to, plain, atLineStart: text.slice(start, from).trim() === '', atLineEnd: text.slice(to, end).trim() === '' });
    };
    const flush = (): void => {
      if (run) add(run.from, run.to, text.slice(run.from, run.to));
      run = undefined;
    };
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment))) {
      const tok = m[0];
      const tokStart = start + m.index;
      const tokEnd = tokStart + tok.length;
      const nonAscii = /[^\x00-\x7f]/.test(tok);
      if (/^\s+$/.test(tok)) continue; // white space joins the words of one run
      if (structured && (tok === '<' || tok === '>')) {
        flush();
        inAngle = tok === '<';
      } else if (structured && tok.startsWith('"')) {
        // RFC 2047 §5 (3): no encoded word inside a quoted string; the whole string becomes one.
        flush();
        if (nonAscii) add(tokStart, tokEnd, tok.slice(1, tok.endsWith('"') && tok.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1'));
      } else if (structured && /^[,;:@()]$/.test(tok)) {
        flush();
      } else if (nonAscii && structured && (inAngle || text[tokEnd] === '@' || text[tokStart - 1] === '@')) {
        return undefined; // non-ASCII in an addr-spec: no encoded word may go there
      } else if (nonAscii) {
        run = run ? { from: run.from, to: tokEnd } : { from: tokStart, to: tokEnd };
      } else {
        flush(); // an ASCII word stays readable as it is
      }
    }
    flush();
  }
  if (!pieces.length) return undefined;
  const edits = pieces.map((p, i) => {
    // RFC 2047 §6.2: white space between two encoded words is dropped, so a fold
    // between two encoded pieces would lose its space: carry it inside the first.
    const next = pieces[i + 1];
    const plain = p.atLineEnd && next?.atLineStart ? `${p.plain} ` : p.plain;
    return replaceSpan(ctx, p.from, p.to, encodeEncodedWord(plain));
  });
  return quickFix(ctx, texts.fixEncodeWord, d, edits);
}

/** Node's name for encoding text in a charset, when it can (else UTF-8 and the charset parameter is fixed). */
function nodeEncoding(charset: string | undefined): 'latin1' | 'utf8' | undefined {
  const c = (charset ?? '').toLowerCase();
  if (c === 'utf-8' || c === 'utf8') return 'utf8';
  if (c === 'iso-8859-1' || c === 'latin1' || c === 'l1' || c === 'iso_8859-1') return 'latin1';
  return undefined;
}

/**
 * Converts an 8-bit part declared (or defaulting to) 7bit to quoted-printable:
 * the CTE field is rewritten (or added) and the body encoded. Text that cannot
 * be written in the declared charset is encoded as UTF-8 and the charset
 * parameter says so. A part already declared quoted-printable only gets its raw
 * 8-bit characters escaped.
 */
function quotedPrintableEdits(ctx: FeatureContext, bodyOffset: number): lsp.TextEdit[] | undefined {
  const parsed = parsedOf(ctx);
  const { text, eol } = parsed;
  const part: MimePart = partAt(parsed.root, bodyOffset);
  if (part.children.length || part.embedded || part.bodyOffset !== bodyOffset) return undefined;
  const body = text.slice(part.bodyOffset, part.bodyEnd);
  const declared = nodeEncoding(part.charset);
  let encoding: 'latin1' | 'utf8' = declared ?? 'utf8';
  if (encoding === 'latin1' && /[^\x00-\xff]/.test(body)) encoding = 'utf8';
  const edits: lsp.TextEdit[] = [];
  if (part.transferEncoding === 'quoted-printable') {
    // Escape only the raw 8-bit characters; the rest is already quoted-printable.
    const escaped = body.replace(/[^\x00-\x7f]/g, (ch) =>
      [...Buffer.from(ch, encoding)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    );
    edits.push(replaceSpan(ctx, part.bodyOffset, part.bodyEnd, escaped));
  } else {
    const cte = findHeader(part, 'content-transfer-encoding');
    if (cte) edits.push(replaceSpan(ctx, cte.offset, cte.end, 'Content-Transfer-Encoding: quoted-printable'));
    const ct = findHeader(part, 'content-type');
    const charsetWrong = encoding === 'utf8' && declared !== 'utf8';
    const lead = part.headerEnd > 0 && text.charCodeAt(part.headerEnd - 1) !== 10 ? eol : '';
    let added = '';
    if (!cte) added += `Content-Transfer-Encoding: quoted-printable${eol}`;
    if (charsetWrong && (part.contentType.type === 'text' || !ct)) {
      if (!ct) added += `Content-Type: text/plain; charset=utf-8${eol}`;
      else {
        // Replace the charset parameter's value, or append one.
        const raw = text.slice(ct.valueOffset, ct.end);
        const m = /(;\s*charset\s*=\s*)("[^"]*"|[^;\s]*)/i.exec(raw);
        if (m) edits.push(replaceSpan(ctx, ct.valueOffset + m.index + m[1].length, ct.valueOffset + m.index + m[0].length, 'utf-8'));
        else edits.push(insertAt(ctx, ct.end, '; charset=utf-8'));
      }
    }
    if (added) edits.push(insertAt(ctx, part.headerEnd, lead + added));
    edits.push(replaceSpan(ctx, part.bodyOffset, part.bodyEnd, encodeQuotedPrintable(Buffer.from(body, encoding), eol)));
  }
  return edits;
}

/**
 * Quick fixes for `.eml` diagnostics. Each is one WorkspaceEdit that makes its
 * diagnostic go away: add Date / Message-ID / MIME-Version, encode a non-ASCII
 * header as RFC 2047 encoded words, convert an 8-bit part declared 7bit to
 * quoted-printable, append a missing close delimiter, and a few one-token
 * replacements the validator suggests (weekday, zone, MIME-Version value,
 * base64 padding), and the mends the diagnostics' messages name: remove the
 * space before a colon, remove a repeated once-only field (keeping the first),
 * write =3D for a stray "=", wrap a bare message id in <>. Fixes read the offsets the validator put in `Diagnostic.data`
 * and the shared parse of the current version.
 */
import * as lsp from 'vscode-languageserver';
import { mailboxesOf, parseAddressList } from '../../mail/message/address';
import { formatRfc5322Date } from '../../mail/message/dates';
import { encodeField } from '../../mail/compose/encodeHeaders';
import { encodeQuotedPrintable } from '../../mail/message/encodings';
import { findHeader, type MimePart } from '../../mail/message/model';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { domainOfFrom, freshMessageId } from './generate';
import { htmlCodeActions } from './htmlFeatures';
import { parsedOf } from './parsed';
import { partAt } from './parts';
import type { EmlTexts } from './texts';

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
  const texts = ctx.l10n.eml;
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
    case 'header-space-before-colon':
      // RFC 5322 §4.5: the obsolete white space between name and colon; the range is exactly it.
      if (!/^[ \t]+$/.test(textOf(ctx, d.range))) return undefined;
      return quickFix(ctx, texts.fixRemoveSpaceBeforeColon, d, [lsp.TextEdit.del(d.range)]);
    case 'duplicate-header':
      return removeDuplicateFix(ctx, texts, d);
    case 'qp-invalid':
      // RFC 2045 §6.7 (1): a literal "=" is written =3D. The range is the stray "=".
      if (textOf(ctx, d.range) !== '=') return undefined;
      return quickFix(ctx, texts.fixEscapeEquals, d, [lsp.TextEdit.replace(d.range, '=3D')]);
    case 'message-id-syntax': {
      // RFC 5322 §3.6.4: msg-id is "<" id-left "@" id-right ">"; a bare id only lacks the brackets.
      const bare = textOf(ctx, d.range);
      if (!BARE_MSG_ID.test(bare)) return undefined;
      return quickFix(ctx, texts.fixWrapMessageId, d, [lsp.TextEdit.replace(d.range, `<${bare}>`)]);
    }
    case 'eight-bit-data': {
      // One fix per part and version: editors ask again on every cursor move, and
      // every 8-bit line of the part carries a diagnostic.
      if (!isNumber(data.bodyOffset)) return undefined;
      if (ctx.resolvesCodeActionEdits) {
        // Re-encoding a large body costs: it is done in codeAction/resolve, for the action the user picks.
        return {
          title: texts.fixToQuotedPrintable,
          kind: lsp.CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          data: { uri: ctx.document.uri, version: ctx.document.version, resolve: QP_RESOLVE, bodyOffset: data.bodyOffset },
        };
      }
      const edits = qpEditsOf(ctx, data.bodyOffset);
      return edits ? quickFix(ctx, texts.fixToQuotedPrintable, d, edits) : undefined;
    }
    default:
      return undefined;
  }
}

/** Marks the quick fix whose edit `resolveEmlCodeAction` computes. */
const QP_RESOLVE = 'eml.quotedPrintable';

/** The quoted-printable conversion of the part whose body starts at `bodyOffset`, once per document version. */
function qpEditsOf(ctx: FeatureContext, bodyOffset: number): lsp.TextEdit[] | undefined {
  return ctx.memo(`eml.fix.qp:${ctx.settings.limits.maxDepth}:${bodyOffset}`, () => quotedPrintableEdits(ctx, bodyOffset));
}

/**
 * `codeAction/resolve`: fills in the edit of an action returned without one.
 * An action made for an older version of the document gets no edit (the client
 * then applies nothing, rather than a stale rewrite).
 */
export function resolveEmlCodeAction(ctx: FeatureContext, action: lsp.CodeAction): lsp.CodeAction {
  const data = action.data as { version?: unknown; resolve?: unknown; bodyOffset?: unknown } | undefined;
  if (data?.resolve !== QP_RESOLVE || data.version !== ctx.document.version || !isNumber(data.bodyOffset)) return action;
  const edits = qpEditsOf(ctx, data.bodyOffset);
  return edits ? { ...action, edit: { changes: { [ctx.document.uri]: edits } } } : action;
}

/** A message id without its angle brackets: dot-atom-text "@" dot-atom-text (RFC 5322 §3.6.4). */
const BARE_MSG_ID = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

function textOf(ctx: FeatureContext, range: lsp.Range): string {
  return ctx.document.getText(range);
}

/**
 * Removes a repeated once-only field with its folded lines and line break, keeping
 * the first (RFC 5322 §3.6: the table's "max 1"). The diagnostic is on the repeat's name.
 */
function removeDuplicateFix(ctx: FeatureContext, texts: EmlTexts, d: lsp.Diagnostic): lsp.CodeAction | undefined {
  const { root, text } = parsedOf(ctx);
  const offset = ctx.document.offsetAt(d.range.start);
  const part = partAt(root, offset);
  const h = part.headers.find((f) => f.nameOffset === offset);
  if (!h) return undefined;
  let end = h.end;
  if (text.charCodeAt(end) === 13) end++;
  if (text.charCodeAt(end) === 10) end++;
  return quickFix(ctx, texts.fixRemoveDuplicate(h.name), d, [replaceSpan(ctx, h.offset, end, '')]);
}

/** Encodes the field's raw non-ASCII text as RFC 2047 encoded words, folded at 78 (src/mail/compose/encodeHeaders.ts). */
function encodeHeaderFix(ctx: FeatureContext, texts: EmlTexts, d: lsp.Diagnostic, data: Record<string, unknown>): lsp.CodeAction | undefined {
  if (!isNumber(data.fieldOffset)) return undefined;
  const { root, text } = parsedOf(ctx);
  const part = partAt(root, data.fieldOffset);
  const h = part.headers.find((f) => f.offset === data.fieldOffset);
  const encoded = h && encodeField(text, h, parsedOf(ctx).eol);
  return encoded === undefined ? undefined : quickFix(ctx, texts.fixEncodeWord, d, [replaceSpan(ctx, h!.offset, h!.end, encoded)]);
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

/**
 * Editor features of the HTML checks: the hover on a flagged feature (each
 * target client's support with caniemail's notes, and a link to the feature's
 * page), and the code actions: add `alt=""` to an image, wrap an HTML-only
 * body in multipart/alternative with a generated text/plain part, and
 * "Decode Part" for problems in base64 parts (reported on the first line).
 */
import * as lsp from 'vscode-languageserver';
import type { Problem } from '../../mail/codes';
import { decodeHtmlPart, rawSpanOf } from '../../mail/html/decode';
import { plainNote, supportRows } from '../../mail/html/check';
import { loadSupport, selectClients } from '../../mail/html/support';
import { htmlToText } from '../../mail/html/text';
import { encodeBase64Lines, encodeQuotedPrintable } from '../../mail/message/encodings';
import { findHeader, walkParts, type MimePart } from '../../mail/message/model';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { freshBoundary } from './generate';
import { parsedOf } from './parsed';
import { problemsOf } from './problems';

/** The words of the HTML hovers and fixes in one language (English below, other languages in ../locales/<language>.ts). */
export interface HtmlTexts {
  client: string;
  support: string;
  notes: string;
  status(s: string): string;
  seeFeature: string;
  testedOn(date: string): string;
  fixAddAlt: string;
  fixWrapAlternative: string;
  decodePart: string;
}

/** The English texts. */
export const ENGLISH_HTML_TEXTS: HtmlTexts = {
  client: 'Client',
  support: 'Support',
  notes: 'Notes',
  status: (s) => ({ y: '✅ supported', n: '❌ not supported', a: '⚠️ partial', u: '❔ unknown' })[s] ?? s,
  seeFeature: 'caniemail.com',
  testedOn: (date) => `Client data of ${date}.`,
  fixAddAlt: 'Add alt="" to the image',
  fixWrapAlternative: 'Wrap in multipart/alternative with a text/plain part made from the HTML',
  decodePart: 'Decode Part (show the decoded HTML)',
};

/** Most features described in one hover (a base64 part puts all of its problems on one line). */
const MAX_HOVER_FEATURES = 5;

/** A markdown table cell: no line breaks, no pipes. */
const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** The hover over a client-support problem at `offset`, or null. */
export function htmlHover(ctx: FeatureContext, offset: number): lsp.Hover | null {
  if (!ctx.settings.html.enabled) return null;
  // A feature is reported once per part; its other uses are the problem's related locations, and hover the same.
  const within = (s: { offset: number; length: number }): boolean => offset >= s.offset && offset <= s.offset + s.length;
  const hits: Array<{ p: Problem; span: { offset: number; length: number } }> = [];
  for (const p of problemsOf(ctx)) {
    if ((p.code !== 'html-client-unsupported' && p.code !== 'html-client-partial') || typeof p.data?.feature !== 'string') continue;
    const span = within(p) ? p : p.related?.find(within);
    if (span) hits.push({ p, span });
  }
  if (!hits.length) return null;
  const support = loadSupport();
  if (!support) return null;
  const texts = ctx.l10n.htmlFeatures;
  const clients = selectClients(support.data, ctx.settings.html.clients);
  const sections: string[] = [];
  const seen = new Set<string>();
  let range: { offset: number; length: number } | undefined;
  for (const { p, span } of hits) {
    const slug = p.data!.feature as string;
    if (seen.has(slug) || seen.size >= MAX_HOVER_FEATURES) continue;
    seen.add(slug);
    range ??= span;
    const feature = support.data.features.find((f) => f.slug === slug);
    if (!feature) continue;
    const lines = [`**${feature.title}** — [${texts.seeFeature}](${feature.url})`, ''];
    if (feature.notes) lines.push(plainNote(feature.notes), '');
    lines.push(`| ${texts.client} | ${texts.support} | ${texts.notes} |`, '|---|---|---|');
    for (const row of supportRows(feature, support.data, clients)) {
      lines.push(`| ${cell(row.client)} | ${texts.status(row.status)} | ${cell(row.notes.map(plainNote).join(' '))} |`);
    }
    sections.push(lines.join('\n'));
  }
  if (!sections.length || !range) return null;
  sections.push(`_${texts.testedOn(support.data.updated.slice(0, 10))}_`);
  return { contents: { kind: lsp.MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: rangeOf(ctx.document, range.offset, range.length) };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The leaf part that starts at `offset` (problems carry it as `partOffset`). */
function partStartingAt(ctx: FeatureContext, offset: number): MimePart | undefined {
  let found: MimePart | undefined;
  walkParts(parsedOf(ctx).root, (p) => {
    if (!found && p.offset === offset && !p.children.length) found = p;
  });
  return found;
}

/** Code actions for one HTML diagnostic. */
export function htmlCodeActions(ctx: FeatureContext, d: lsp.Diagnostic): lsp.CodeAction[] {
  if (typeof d.code !== 'string' || !(d.code.startsWith('html-') || d.code === 'message-clipped')) return [];
  const data = (d.data ?? {}) as Record<string, unknown>;
  const texts = ctx.l10n.htmlFeatures;
  const out: lsp.CodeAction[] = [];
  const part = isNumber(data.partOffset) ? partStartingAt(ctx, data.partOffset) : undefined;
  if (!part) return out;
  if (d.code === 'html-image-alt-missing' && isNumber(data.nameEnd)) {
    const edits = altEdits(ctx, part, data.nameEnd);
    if (edits) out.push(quickFix(ctx, texts.fixAddAlt, d, edits));
  }
  if (d.code === 'html-no-text-alternative') {
    const edits = ctx.memo(`eml.fix.alternative:${part.offset}`, () => wrapEdits(ctx, part));
    if (edits) out.push(quickFix(ctx, texts.fixWrapAlternative, d, edits));
  }
  if (data.encoding === 'base64' || (isNumber(data.decodedOffset) && d.code !== 'html-no-text-alternative')) {
    // The problem sits on the part's first line; the decoded HTML shows where.
    out.push({ title: texts.decodePart, kind: lsp.CodeActionKind.QuickFix, diagnostics: [d], command: { title: texts.decodePart, command: 'smtpEml.decodePart' } });
  }
  return out;
}

function quickFix(ctx: FeatureContext, title: string, d: lsp.Diagnostic, edits: lsp.TextEdit[]): lsp.CodeAction {
  return { title, kind: lsp.CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [ctx.document.uri]: edits } } };
}

/** True for charsets written as UTF-8 octets (what the re-encoding fixes write). */
const isUtf8 = (charset: string | undefined): boolean => /^(utf-?8|us-ascii|ascii)$/i.test((charset ?? 'utf-8').trim()) || charset === undefined;

/**
 * Inserts `alt=""` after the image's tag name: as written in an 8-bit part,
 * as `alt=3D""` in quoted-printable (soft line breaks keep the line within 76
 * characters, RFC 2045 §6.7 rule 5), and by re-encoding a base64 body.
 */
function altEdits(ctx: FeatureContext, part: MimePart, nameEnd: number): lsp.TextEdit[] | undefined {
  const { text, eol } = parsedOf(ctx);
  const doc = ctx.document;
  if (part.transferEncoding === 'base64') {
    if (!isUtf8(part.charset)) return undefined;
    const d = decodeHtmlPart(text, part);
    const html = `${d.html.slice(0, nameEnd)} alt=""${d.html.slice(nameEnd)}`;
    return [lsp.TextEdit.replace(rangeOf(doc, part.bodyOffset, part.bodyEnd - part.bodyOffset), encodeBase64Lines(Buffer.from(html, 'utf8'), eol) + (endsWithBreak(text, part) ? eol : ''))];
  }
  const d = decodeHtmlPart(text, part);
  if (d.mapping === 'identity') return [lsp.TextEdit.insert(doc.positionAt(part.bodyOffset + nameEnd), ' alt=""')];
  if (d.mapping !== 'quoted-printable' || nameEnd < 1) return undefined;
  const name = rawSpanOf(d, nameEnd - 1, nameEnd);
  const at = name.offset + name.length;
  let lineStart = at;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  let lineEnd = at;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
  const insert = ' alt=3D""';
  const fits = lineEnd - lineStart + insert.length <= 76;
  return [lsp.TextEdit.insert(doc.positionAt(at), fits ? insert : `=${eol}${insert}=${eol}`)];
}

function endsWithBreak(text: string, part: MimePart): boolean {
  return part.bodyEnd > part.bodyOffset && text.charCodeAt(part.bodyEnd - 1) === 10;
}

/**
 * Wraps an HTML-only body in multipart/alternative (RFC 2046 §5.1.4: the plain
 * text first, the richer HTML last) with a text/plain part generated from the
 * HTML, quoted-printable in UTF-8. A part of a multipart is replaced whole; a
 * message's own body moves its Content-* fields into the new HTML part.
 */
function wrapEdits(ctx: FeatureContext, part: MimePart): lsp.TextEdit[] | undefined {
  const { text, eol } = parsedOf(ctx);
  const doc = ctx.document;
  const decoded = decodeHtmlPart(text, part);
  const plain = htmlToText(decoded.html);
  const boundary = freshBoundary();
  const textPart = [`Content-Type: text/plain; charset=utf-8`, `Content-Transfer-Encoding: quoted-printable`, '', encodeQuotedPrintable(plain, eol)].join(eol);
  // Folded (RFC 5322 §2.2.3) so the field stays within 78 characters.
  const ctLine = `Content-Type: multipart/alternative;${eol} boundary="${boundary}"`;
  if (!part.isMessage) {
    const whole = text.slice(part.offset, part.end);
    const replacement = [ctLine, '', `--${boundary}`, textPart, `--${boundary}`, whole.replace(/\r?\n$/, ''), `--${boundary}--`].join(eol);
    return [lsp.TextEdit.replace(rangeOf(doc, part.offset, part.end - part.offset), replacement)];
  }
  const kept: string[] = [];
  const moved: string[] = [];
  for (const h of part.headers) {
    const line = text.slice(h.offset, h.end);
    if (h.name.toLowerCase().startsWith('content-')) moved.push(line);
    else kept.push(line);
  }
  if (!moved.some((l) => /^content-type\s*:/i.test(l))) moved.unshift('Content-Type: text/html');
  const headerLines = [...kept];
  if (part.depth === 0 && !findHeader(part, 'mime-version')) headerLines.push('MIME-Version: 1.0');
  headerLines.push(ctLine);
  const body = text.slice(part.bodyOffset, part.bodyEnd).replace(/\r?\n$/, '');
  const newBody = [`--${boundary}`, textPart, `--${boundary}`, ...moved, '', body, `--${boundary}--`, ''].join(eol);
  // Without the blank line after the header there is no body to move.
  if (!part.hasSeparator) return undefined;
  return [
    lsp.TextEdit.replace(rangeOf(doc, part.offset, part.headerEnd - part.offset), headerLines.map((l) => l + eol).join('')),
    lsp.TextEdit.replace(rangeOf(doc, part.bodyOffset, part.bodyEnd - part.bodyOffset), newBody),
  ];
}

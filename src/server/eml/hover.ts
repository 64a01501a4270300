/**
 * Hover in `.eml` documents: what a header field means (with its RFC section),
 * an encoded word decoded, a date in local time and UTC, and a MIME part's
 * summary on its delimiter line, its Content-Type / Content-Transfer-Encoding
 * fields or its encoded body.
 */
import * as lsp from 'vscode-languageserver';
import { parseDateTime } from '../../mail/message/dates';
import { renderDetail, type DetailTable } from '../../mail/message/messages';
import { decodeBase64, decodeCharset, decodeQuotedPrintable } from '../../mail/message/encodings';
import { fieldHref, fieldReference, lookupField, type FieldInfo } from '../../mail/message/fieldCatalog';
import type { HeaderField, MimePart } from '../../mail/message/model';
import { rangeOf } from '../diagnostics';
import { authHover } from './auth';
import type { FeatureContext } from '../features';
import { htmlHover } from './htmlFeatures';
import { parsedOf } from './parsed';
import { boundaryLineAt, decodedSize, headerAt, isTextual, mediaType, partAt } from './parts';
import { encodedWordsIn, forEachValueLine, type FoundWord } from './tokens';
import { formatSize } from '../../mail/i18n';
import type { ServerBundle } from '../l10n';
import type { EmlTexts } from './texts';

/** How much of an encoded body is decoded for a preview. */
const PREVIEW_RAW_CHARS = 8192;
/** Lines and characters shown in a preview. */
const PREVIEW_LINES = 6;
const PREVIEW_CHARS = 400;

const markdown = (value: string, range?: lsp.Range): lsp.Hover => ({ contents: { kind: lsp.MarkupKind.Markdown, value }, range });

/** A fenced code block that the content cannot break out of. */
function fenced(content: string): string {
  let fence = '```';
  while (content.includes(fence)) fence += '`';
  return `${fence}text\n${content}\n${fence}`;
}

/** Hover at `position`. */
export function emlHover(ctx: FeatureContext, position: lsp.Position): lsp.Hover | null {
  const { document } = ctx;
  const text = document.getText();
  const offset = document.offsetAt(position);
  const { root } = parsedOf(ctx);
  const part = partAt(root, offset);
  const texts = ctx.l10n.eml;

  // A flagged HTML feature: client support and caniemail's notes.
  const html = offset >= part.bodyOffset ? htmlHover(ctx, offset) : null;
  if (html) return html;

  const header = headerAt(part, offset);
  if (header) return headerHover(ctx, texts, part, header, offset);

  const delimiter = offset >= part.bodyOffset ? boundaryLineAt(part, offset) : undefined;
  if (delimiter) {
    const subject = delimiter.next ?? part;
    return markdown(partSummary(text, subject, ctx.l10n), rangeOf(document, delimiter.line.offset, delimiter.line.length));
  }

  const encodedBody = part.transferEncoding === 'base64' || part.transferEncoding === 'quoted-printable';
  if (encodedBody && !part.children.length && !part.embedded && offset >= part.bodyOffset && offset <= part.bodyEnd && part.bodyEnd > part.bodyOffset) {
    let start = offset;
    while (start > part.bodyOffset && text.charCodeAt(start - 1) !== 10) start--;
    let end = offset;
    while (end < part.bodyEnd && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    return markdown(partSummary(text, part, ctx.l10n), rangeOf(document, start, end - start));
  }
  return null;
}

function headerHover(ctx: FeatureContext, texts: EmlTexts, part: MimePart, h: HeaderField, offset: number): lsp.Hover | null {
  const { document } = ctx;
  const text = document.getText();
  const onName = offset >= h.nameOffset && offset <= h.nameOffset + h.nameLength;
  const grammar = lookupField(h.name)?.grammar;
  // The fields that describe the part itself get the part's summary.
  const describesPart = grammar === 'media-type' || grammar === 'mechanism';
  // DKIM-Signature, ARC-*, Authentication-Results: the tags decoded and the verification result.
  const auth = authHover(ctx, part, h);
  if (auth) return onName ? markdown(`${fieldMarkdown(texts, h.name)}\n\n---\n\n${(auth.contents as lsp.MarkupContent).value}`, auth.range) : auth;
  if (!onName && h.colonOffset >= 0) {
    // An encoded word under the cursor (they never cross a fold, so look at this line only).
    let hit: lsp.Hover | null = null;
    forEachValueLine(text, h, (line, lineOffset) => {
      if (hit || offset < lineOffset || offset > lineOffset + line.length) return;
      for (const w of encodedWordsIn(line, offset - lineOffset)) {
        const start = lineOffset + w.offset;
        if (offset >= start && offset <= start + w.length) {
          hit = markdown(encodedWordMarkdown(texts, ctx.l10n.details, w), rangeOf(document, start, w.length));
          return;
        }
      }
    });
    if (hit) return hit;
    if (grammar === 'date-time') return markdown(dateMarkdown(ctx, texts, text.slice(h.valueOffset, h.end)), rangeOf(document, h.valueOffset, h.end - h.valueOffset));
    if (describesPart) {
      return markdown(partSummary(text, part, ctx.l10n), rangeOf(document, h.offset, h.end - h.offset));
    }
  }
  if (describesPart) {
    return markdown(`${fieldMarkdown(texts, h.name)}\n\n---\n\n${partSummary(text, part, ctx.l10n)}`, rangeOf(document, h.nameOffset, h.nameLength));
  }
  return markdown(fieldMarkdown(texts, h.name), rangeOf(document, h.nameOffset, h.nameLength));
}

/** The meaning of a field, its RFC section as a link, whether it may repeat. */
export function fieldMarkdown(texts: EmlTexts, name: string): string {
  const info = lookupField(name);
  if (!info) return `**${name}**\n\n${texts.unknownField(name)}`;
  const doc = texts.fieldDocs[info.name.toLowerCase()] ?? info.doc;
  return `**${info.name}** — [${fieldReference(info)}](${fieldHref(info)})\n\n${doc}\n\n${cardinalityText(texts, info)} ${texts.category(info.category)}`;
}

/** What the hover says about how often a field may occur: the catalogue's cardinality, which the validator's duplicate check reads too. */
export function cardinalityText(texts: EmlTexts, info: FieldInfo): string {
  switch (info.cardinality) {
    case 'once':
    case 'once-per-entity':
      return texts.onceOnly;
    case 'once-per-resent-block':
      return texts.oncePerResentBlock;
    case 'many':
      return texts.mayRepeat;
  }
}

function encodedWordMarkdown(texts: EmlTexts, details: DetailTable, w: FoundWord): string {
  const lines = [`**${texts.encodedWordTitle}**`, '', `${texts.encodedWordCharset}: \`${w.charset}\` · ${texts.encodedWordEncoding}: \`${w.encoding.toUpperCase()}\` (${texts.encodingName(w.encoding.toUpperCase())})`];
  if (w.valid) lines.push('', `${texts.encodedWordDecoded}:`, '', fenced(w.decoded));
  else lines.push('', `${texts.encodedWordInvalid}${w.error ? ` (${renderDetail(details, w.error)})` : ''}`);
  return lines.join('\n');
}

function dateMarkdown(ctx: FeatureContext, texts: EmlTexts, raw: string): string {
  const info = parseDateTime(raw);
  if (!info.date) return `**${texts.dateTitle}**\n\n${texts.dateInvalid}${info.error ? ` (${renderDetail(ctx.l10n.details, info.error.detail)})` : ''}`;
  const locale = safeLocale(ctx.locale);
  const full: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' };
  const local = new Intl.DateTimeFormat(locale, full).format(info.date);
  const utc = new Intl.DateTimeFormat(locale, { ...full, timeZone: 'UTC' }).format(info.date);
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: zoneName(info.zoneMinutes) }).format(info.date);
  return [
    `**${texts.dateTitle}**`,
    '',
    `- ${texts.dateLocal}: ${local}`,
    `- ${texts.dateUtc}: ${utc} (\`${info.date.toISOString()}\`)`,
    `- ${texts.dateWeekday}: ${weekday}`,
  ].join('\n');
}

/** An IANA zone for a fixed offset when it is a whole hour (`Etc/GMT-1` is UTC+1), else UTC. */
function zoneName(minutes: number | undefined): string {
  if (minutes === undefined || minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return 'UTC';
  const hours = minutes / 60;
  return hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : 'en';
  } catch {
    return 'en';
  }
}

/** The first lines of a textual part, decoded from only the start of its body. */
function preview(text: string, part: MimePart): string {
  const raw = text.slice(part.bodyOffset, Math.min(part.bodyEnd, part.bodyOffset + PREVIEW_RAW_CHARS));
  let decoded: string;
  if (part.transferEncoding === 'base64') {
    // Cut at a 4-character quantum of alphabet characters so the prefix decodes cleanly.
    const clean = raw.replace(/[^A-Za-z0-9+/=]/g, '');
    decoded = decodeCharset(decodeBase64(clean.slice(0, clean.length - (clean.length % 4))), part.charset ?? 'utf-8');
  } else if (part.transferEncoding === 'quoted-printable') {
    decoded = decodeCharset(decodeQuotedPrintable(raw), part.charset ?? 'utf-8');
  } else decoded = raw;
  const lines = decoded.split(/\r?\n/).slice(0, PREVIEW_LINES);
  let out = lines.join('\n');
  if (out.length > PREVIEW_CHARS) out = `${out.slice(0, PREVIEW_CHARS)}…`;
  return out;
}

/** Markdown summary of a part: type, encoding, charset, file name, size, and a preview or "binary, N KB". */
export function partSummary(text: string, part: MimePart, l10n: ServerBundle): string {
  const texts = l10n.eml;
  const type = mediaType(part);
  const out = [`**${texts.partTitle(type)}**${part.path ? ` (${part.path})` : ''}`, ''];
  const facts: string[] = [];
  facts.push(`${texts.partEncoding}: \`${part.transferEncoding}\``);
  if (part.charset && (part.contentType.type === 'text' || part.contentType.params.charset)) facts.push(`${texts.partCharset}: \`${part.charset}\``);
  if (part.filename) facts.push(`${texts.partFilename}: \`${part.filename}\``);
  if (part.children.length) {
    facts.push(texts.partChildren(part.children.length));
    out.push(facts.join(' · '), '', ...part.children.slice(0, 20).map((c) => `- \`${mediaType(c)}\`${c.filename ? ` ${c.filename}` : ''}`));
    if (part.children.length > 20) out.push('- …');
    return out.join('\n');
  }
  const size = decodedSize(text, part);
  facts.push(`${texts.partSize}: ${formatSize(size, l10n)}`);
  out.push(facts.join(' · '));
  if (isTextual(part) && !part.embedded) {
    const first = preview(text, part);
    if (first.trim()) out.push('', `${texts.partPreview}:`, '', fenced(first));
  } else if (!part.embedded) {
    out.push('', texts.partBinary(formatSize(size, l10n)));
  }
  return out.join('\n');
}

/**
 * Builds the preview of a message from its text, as a recipient's client
 * would show it: the decoded headers; the body, preferring the HTML
 * alternative of a multipart/alternative (RFC 2046 §5.1.4: the last
 * alternative it can show) and keeping the others for a switch; a
 * multipart/related's root with its `cid:` parts resolved (RFC 2387, RFC 2392);
 * inline images; attached messages nested; everything else listed as an
 * attachment. Lenient like the parser: a broken message previews as far as it
 * parses. Never decodes an attachment it does not show.
 */
import { decodedBytes, decodedSize, decodedText, mediaType } from '../message/body';
import { parseDateTime } from '../message/dates';
import { decodeEncodedWords } from '../message/encodings';
import { findHeader, type MimePart } from '../message/model';
import { parseMessage } from '../message/parse';
import type { Preview, PreviewAlternative, PreviewAttachment, PreviewBlock, PreviewFieldName, PreviewHeader, PreviewMessage } from './model';
import { sanitizeMessageHtml } from './sanitize';

/** Where a message's text comes from: the text parsed and how its offsets map back to the document. */
export interface MessageSource {
  /** The message text (the document itself, a slice of it, or a transcript's unstuffed DATA). */
  text: string;
  /** Maps an offset in `text` to the document's offset (identity when omitted). */
  toDocument?(offset: number): number;
}

/** Options of `buildPreview`. */
export interface PreviewOptions {
  /** Let remote images and styles load (tracking pixels stay blocked). Default false. */
  allowRemote?: boolean;
  /** Deepest nesting parsed (the validator's setting). */
  maxDepth?: number;
}

const HEADER_ORDER: readonly PreviewFieldName[] = ['from', 'to', 'cc', 'reply-to', 'subject', 'date'];

/** Images a browser shows, by subtype (others are listed as attachments). */
const SHOWN_IMAGES = /^(png|gif|jpe?g|webp|bmp)$/;

interface Context {
  text: string;
  at(offset: number): number;
  allowRemote: boolean;
  remoteBlocked: number;
  trackersBlocked: number;
}

/** Builds the preview of the message in `source`. Never throws on message content. */
export function buildPreview(source: MessageSource, options: PreviewOptions = {}): Preview {
  const parsed = parseMessage(source.text, { maxDepth: options.maxDepth });
  const map = source.toDocument;
  const ctx: Context = { text: source.text, at: map ? (o) => map(o) : (o) => o, allowRemote: !!options.allowRemote, remoteBlocked: 0, trackersBlocked: 0 };
  const message = buildMessage(ctx, parsed.root, '');
  return { message, remoteBlocked: ctx.remoteBlocked, trackersBlocked: ctx.trackersBlocked, allowRemote: ctx.allowRemote };
}

/** One message: its headers, then its body from the root entity. Iterative over attached messages' depth via the explicit queue below. */
function buildMessage(ctx: Context, root: MimePart, path: string): PreviewMessage {
  const message: PreviewMessage = { path, offset: ctx.at(root.offset), end: ctx.at(root.end), headers: headersOf(ctx, root), blocks: [], attachments: [] };
  // The parts of this message (not of the messages attached inside it), for cid: look-ups.
  const byContentId = new Map<string, MimePart>();
  const leaves: MimePart[] = [];
  const stack: MimePart[] = [root];
  while (stack.length) {
    const p = stack.pop()!;
    const cid = findHeader(p, 'content-id');
    if (cid) {
      const id = cid.value.trim().replace(/^<|>$/g, '').trim();
      if (id && !byContentId.has(id)) byContentId.set(id, p);
    }
    if (p.children.length) for (let i = p.children.length - 1; i >= 0; i--) stack.push(p.children[i]);
    else leaves.push(p);
  }
  const used = new Set<MimePart>();
  const resolveCid = (raw: string): string | undefined => {
    let id = raw.trim();
    try {
      id = decodeURIComponent(id); // RFC 2392: the cid URL is the Content-ID, URL-encoded
    } catch {
      /* keep as written */
    }
    const part = byContentId.get(id) ?? byContentId.get(id.replace(/^<|>$/g, ''));
    if (!part || part.children.length || part.embedded) return undefined;
    const type = mediaType(part);
    if (!/^image\//.test(type) || !SHOWN_IMAGES.test(part.contentType.subtype)) return undefined;
    used.add(part);
    return `data:${type};base64,${decodedBytes(ctx.text, part).toString('base64')}`;
  };
  renderEntity(ctx, root, message, used, resolveCid);
  for (const leaf of leaves) {
    if (used.has(leaf)) continue;
    message.attachments.push(attachmentOf(ctx, leaf));
  }
  return message;
}

function headersOf(ctx: Context, part: MimePart): PreviewHeader[] {
  const rows: PreviewHeader[] = [];
  for (const name of HEADER_ORDER) {
    const field = findHeader(part, name);
    if (!field) continue;
    const value = decodeEncodedWords(field.value.replace(/[\r\n]+/g, ' ')).text;
    const row: PreviewHeader = { name, value, offset: ctx.at(field.offset), end: ctx.at(field.end) };
    if (name === 'date') {
      const date = parseDateTime(field.value).date;
      if (date && !Number.isNaN(date.getTime())) row.isoDate = date.toISOString();
    }
    rows.push(row);
  }
  return rows;
}

function attachmentOf(ctx: Context, part: MimePart): PreviewAttachment {
  const type = mediaType(part);
  let name = part.filename;
  if (name === undefined && part.embedded) {
    const subject = findHeader(part.embedded, 'subject');
    if (subject) name = decodeEncodedWords(subject.value).text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) + '.eml';
  }
  return { name, mediaType: type, size: decodedSize(ctx.text, part), path: part.path, offset: ctx.at(part.offset), end: ctx.at(part.end) };
}

/** True for a leaf that a client shows in the body (not as an attachment). */
function isBodyText(part: MimePart): boolean {
  if (part.disposition === 'attachment') return false;
  const t = part.contentType;
  if (t.type !== 'text') return false;
  if (t.subtype === 'html' || t.subtype === 'plain' || t.subtype === 'enriched' || t.subtype === 'richtext') return part.filename === undefined || part.disposition === 'inline';
  return false;
}

/** The text leaf that stands for an entity in a multipart/alternative (RFC 2046 §5.1.4), RFC 2387 root for related. */
function leafFor(part: MimePart): MimePart | undefined {
  let p: MimePart | undefined = part;
  for (let guard = 0; p && guard < 1000; guard++) {
    if (!p.children.length) return isBodyText(p) ? p : undefined;
    const sub = p.contentType.subtype;
    if (sub === 'related') p = relatedRoot(p);
    else if (sub === 'alternative') p = pickAlternative(p.children.map((c) => ({ part: c, leaf: leafFor(c) })))?.part;
    else p = p.children[0];
  }
  return undefined;
}

/** RFC 2387 §3.2: the root is the part named by `start`, else the first. */
function relatedRoot(part: MimePart): MimePart {
  const start = part.contentType.params.start?.trim().replace(/^<|>$/g, '');
  if (start) {
    const named = part.children.find((c) => findHeader(c, 'content-id')?.value.trim().replace(/^<|>$/g, '') === start);
    if (named) return named;
  }
  return part.children[0];
}

/** The alternative to show first: the last HTML one, else the last text one. */
function pickAlternative<T extends { leaf?: MimePart }>(options: T[]): T | undefined {
  for (let i = options.length - 1; i >= 0; i--) if (options[i].leaf?.contentType.subtype === 'html') return options[i];
  for (let i = options.length - 1; i >= 0; i--) if (options[i].leaf) return options[i];
  return undefined;
}

function alternativeOf(ctx: Context, leaf: MimePart, span: MimePart, resolveCid: (id: string) => string | undefined): PreviewAlternative {
  const html = leaf.contentType.subtype === 'html';
  const decoded = decodedText(ctx.text, leaf);
  let content = decoded;
  if (html) {
    const clean = sanitizeMessageHtml(decoded, { allowRemote: ctx.allowRemote, resolveCid });
    ctx.remoteBlocked += clean.remoteBlocked;
    ctx.trackersBlocked += clean.trackersBlocked;
    content = clean.html;
  }
  return { kind: html ? 'html' : 'text', mediaType: mediaType(leaf), path: leaf.path, content, charset: leaf.charset, offset: ctx.at(span.offset), end: ctx.at(span.end) };
}

/**
 * Appends the blocks of `entity` to `message.blocks`, in reading order. An
 * explicit stack (no recursion on the input's depth): multiparts push their
 * children, attached messages become nested previews.
 */
function renderEntity(ctx: Context, entity: MimePart, message: PreviewMessage, used: Set<MimePart>, resolveCid: (id: string) => string | undefined): void {
  const stack: MimePart[] = [entity];
  while (stack.length) {
    const part = stack.pop()!;
    if (part.embedded) {
      const nested = buildMessage(ctx, part.embedded, part.path);
      message.blocks.push({ kind: 'message', message: nested, offset: ctx.at(part.offset), end: ctx.at(part.end) });
      // Listed too (as .eml), so it can be opened or saved like any attachment.
      continue;
    }
    if (part.children.length) {
      const sub = part.contentType.subtype;
      if (sub === 'alternative') {
        const options = part.children.map((c) => ({ part: c, leaf: leafFor(c) })).filter((o) => o.leaf);
        if (options.length) {
          const first = pickAlternative(options)!;
          const alternatives = options.map((o) => alternativeOf(ctx, o.leaf!, o.part, resolveCid));
          for (const o of options) used.add(o.leaf!);
          // multipart/related alternatives: their root is shown, the other parts are its resources.
          const block: PreviewBlock = { kind: 'body', alternatives, chosen: options.indexOf(first), offset: ctx.at(part.offset), end: ctx.at(part.end) };
          message.blocks.push(block);
          continue;
        }
      }
      if (sub === 'related') {
        const root = relatedRoot(part);
        stack.push(root);
        continue;
      }
      for (let i = part.children.length - 1; i >= 0; i--) stack.push(part.children[i]);
      continue;
    }
    if (isBodyText(part)) {
      used.add(part);
      message.blocks.push({ kind: 'body', alternatives: [alternativeOf(ctx, part, part, resolveCid)], chosen: 0, offset: ctx.at(part.offset), end: ctx.at(part.end) });
      continue;
    }
    if (part.contentType.type === 'image' && SHOWN_IMAGES.test(part.contentType.subtype) && part.disposition === 'inline' && !used.has(part)) {
      used.add(part);
      const dataUri = `data:${mediaType(part)};base64,${decodedBytes(ctx.text, part).toString('base64')}`;
      message.blocks.push({ kind: 'image', mediaType: mediaType(part), path: part.path, name: part.filename, dataUri, offset: ctx.at(part.offset), end: ctx.at(part.end) });
    }
    // Anything else is an attachment (listed by buildMessage).
  }
}

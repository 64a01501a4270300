/**
 * Helpers over the parsed MIME tree that several features share: which part or
 * header is at an offset, a part's decoded bytes and text, a one-line summary.
 * All loops are iterative (parts can nest 1000 deep).
 */
import { decodeBase64, decodeCharset, decodeQuotedPrintable } from '../../mail/message/encodings';
import type { BoundaryLine, HeaderField, MimePart } from '../../mail/message/model';
import { formatSize } from './texts';

/** `type/subtype` of a part. */
export function mediaType(part: MimePart): string {
  return `${part.contentType.type}/${part.contentType.subtype}`;
}

/** True when the offset lies in [start, end] (end inclusive: the cursor may sit right after the text). */
const within = (offset: number, start: number, end: number): boolean => offset >= start && offset <= end;

/**
 * The deepest part whose span holds `offset` (an embedded message's root counts
 * as a part). Descends without recursion; children are found by binary search.
 */
export function partAt(root: MimePart, offset: number): MimePart {
  let part = root;
  for (;;) {
    if (part.embedded && within(offset, part.embedded.offset, part.embedded.end) && offset >= part.bodyOffset) {
      part = part.embedded;
      continue;
    }
    const children = part.children;
    let lo = 0;
    let hi = children.length - 1;
    let found: MimePart | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (offset < c.offset) hi = mid - 1;
      else if (offset > c.end) lo = mid + 1;
      else {
        found = c;
        break;
      }
    }
    if (!found) return part;
    part = found;
  }
}

/** The header field of `part` whose span holds `offset`, if any. */
export function headerAt(part: MimePart, offset: number): HeaderField | undefined {
  if (offset < part.offset || offset > part.headerEnd) return undefined;
  return part.headers.find((h) => within(offset, h.offset, h.end));
}

/**
 * The delimiter line at `offset` in `part`'s body, with the part that follows
 * it (undefined after the close delimiter).
 */
export function boundaryLineAt(part: MimePart, offset: number): { line: BoundaryLine; next?: MimePart } | undefined {
  const line = part.boundaryLines.find((b) => within(offset, b.offset, b.offset + b.length));
  if (!line) return undefined;
  const next = line.close ? undefined : part.children.find((c) => c.offset > line.offset);
  return { line, next };
}

/** The raw body of a part as written in the document. */
export function rawBody(text: string, part: MimePart): string {
  return text.slice(part.bodyOffset, part.bodyEnd);
}

/** The transfer-decoded bytes of a leaf part (base64 and quoted-printable undone; others as UTF-8 text). */
export function decodedBytes(text: string, part: MimePart): Buffer {
  const raw = rawBody(text, part);
  switch (part.transferEncoding) {
    case 'base64':
      return decodeBase64(raw);
    case 'quoted-printable':
      return decodeQuotedPrintable(raw);
    default:
      // 7bit/8bit/binary: the editor already decoded the file into characters.
      return Buffer.from(raw, 'utf8');
  }
}

/** True for parts whose decoded content is text people read (text/*, message/*, a few textual application types). */
export function isTextual(part: MimePart): boolean {
  const t = part.contentType.type;
  if (t === 'text' || t === 'message') return true;
  return t === 'application' && /^(json|xml|javascript|x-sh|pgp-signature|pgp-keys|ics|x-yaml)$/.test(part.contentType.subtype);
}

/** The decoded text of a textual part, in its charset (UTF-8 by default). */
export function decodedText(text: string, part: MimePart): string {
  if (part.transferEncoding !== 'base64' && part.transferEncoding !== 'quoted-printable') return rawBody(text, part);
  return decodeCharset(decodedBytes(text, part), part.charset ?? 'utf-8');
}

/**
 * The decoded size of a part without decoding it where that is cheap (base64:
 * from the count of alphabet characters), else by decoding.
 */
export function decodedSize(text: string, part: MimePart): number {
  // Parts belong to one parse of one version, so caching by part object is safe.
  let size = sizeCache.get(part);
  if (size === undefined) {
    size = computeDecodedSize(text, part);
    sizeCache.set(part, size);
  }
  return size;
}

const sizeCache = new WeakMap<MimePart, number>();

function computeDecodedSize(text: string, part: MimePart): number {
  if (part.transferEncoding === 'base64') {
    let n = 0;
    let pad = 0;
    for (let i = part.bodyOffset; i < part.bodyEnd; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) n++;
      else if (c === 61) pad++;
    }
    return Math.max(0, Math.floor(((n + pad) * 3) / 4) - pad);
  }
  return decodedBytes(text, part).length;
}

/** A short one-line description of a part: `text/plain, 1.2 KB, report.pdf`. */
export function partLabel(text: string, part: MimePart): { name: string; detail: string } {
  const name = mediaType(part);
  const bits: string[] = [];
  if (part.filename) bits.push(part.filename);
  if (part.children.length === 0 && !part.embedded) bits.push(formatSize(decodedSize(text, part)));
  return { name, detail: bits.join(', ') };
}

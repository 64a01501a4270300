/**
 * A part's body as content: its raw span, the transfer-decoded bytes, the text
 * through its charset, the decoded size. Shared by the editor features (hover,
 * Decode Part) and the preview, so both read a body the same way.
 */
import { decodeBase64, decodeCharset, decodeQuotedPrintable } from './encodings';
import type { MimePart } from './model';

/** `type/subtype` of a part. */
export function mediaType(part: MimePart): string {
  return `${part.contentType.type}/${part.contentType.subtype}`;
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
    // Every 4 alphabet characters are 3 octets, a tail of 2 or 3 gives 1 or 2 (padding adds none), as decodeBase64 reads them.
    const body = rawBody(text, part);
    let n: number;
    if (!/[^A-Za-z0-9+/=\r\n]/.test(body)) {
      // The usual body (alphabet and line breaks only): count the rest with native
      // searches; a per-character loop took ~100 ms per 3 MB.
      n = body.length - countOf(body, '=') - countOf(body, '\n') - countOf(body, '\r');
    } else {
      n = 0;
      for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47) n++;
      }
    }
    return Math.floor((n * 3) / 4);
  }
  return decodedBytes(text, part).length;
}

/** How many times `ch` occurs in `s`. */
function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

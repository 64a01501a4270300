/**
 * Makes a message 7-bit for a server that does not offer 8BITMIME: RFC 6152 §3
 * lets a client send octets above 127 only after `BODY=8BITMIME` to a server
 * that advertised it; otherwise the 8-bit parts are to be converted
 * (RFC 6152 §3 item 2; RFC 2045 §6: quoted-printable or base64). Pure: text in,
 * text out. The octets of each part stay the same (only their transfer
 * encoding changes), so its charset stays true.
 *
 * What cannot be converted is refused, with the line: 8-bit text in a header
 * (it would need encoded words, RFC 2047, which change what the field says),
 * raw 8-bit inside a base64 body, or 8-bit text outside every part (a
 * multipart preamble or epilogue).
 */
import { encodeBase64Lines, encodeQuotedPrintable } from './message/encodings';
import { findHeader, walkParts, type MimePart } from './message/model';
import { parseMessage } from './message/parse';

/** The 7-bit message, or why there is none. */
export type SevenBitResult = { ok: true; data: string; reencoded: number } | { ok: false; reason: string };

const EIGHT_BIT = /[^\x00-\x7f]/;

/** 1-based line of `offset` in a CRLF text. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Converts every 8-bit leaf part of `data` (CRLF line ends) to quoted-printable
 * (text) or base64 (anything else), and declares composite parts `7bit`.
 * `encoding` says how `data` maps to octets (see `SendRequest.encoding`).
 */
export function toSevenBit(data: string, encoding: 'utf8' | 'latin1'): SevenBitResult {
  if (!EIGHT_BIT.test(data)) return { ok: true, data, reencoded: 0 };
  const parsed = parseMessage(data);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let refusal: string | undefined;
  let reencoded = 0;
  const refuse = (offset: number, why: string): void => {
    refusal ??= `The server does not offer 8BITMIME (RFC 6152), and line ${lineAt(data, offset)} of the message ${why}; the message was not sent.`;
  };
  /** Replaces the part's Content-Transfer-Encoding field, or adds one at the end of its header. */
  const declare = (part: MimePart, value: string): void => {
    const field = findHeader(part, 'content-transfer-encoding');
    if (field) edits.push({ start: field.offset, end: field.end, text: `Content-Transfer-Encoding: ${value}` });
    else {
      const lead = part.headerEnd > part.offset && data.charCodeAt(part.headerEnd - 1) !== 10 ? '\r\n' : '';
      edits.push({ start: part.headerEnd, end: part.headerEnd, text: `${lead}Content-Transfer-Encoding: ${value}\r\n` });
    }
  };

  walkParts(parsed.root, (part) => {
    const header = data.slice(part.offset, part.headerEnd);
    const inHeader = header.search(EIGHT_BIT);
    if (inHeader >= 0) return refuse(part.offset + inHeader, 'holds 8-bit characters in a header field (write them as an encoded word, RFC 2047)');
    const composite = part.children.length > 0 || part.embedded !== undefined;
    if (composite) {
      // RFC 2045 §6.4: a composite entity is 7bit once nothing inside it is 8-bit.
      if ((part.transferEncoding === '8bit' || part.transferEncoding === 'binary') && EIGHT_BIT.test(data.slice(part.bodyOffset, part.bodyEnd))) declare(part, '7bit');
      return;
    }
    const body = data.slice(part.bodyOffset, part.bodyEnd);
    const at = body.search(EIGHT_BIT);
    if (at < 0) return;
    if (part.transferEncoding === 'base64') return refuse(part.bodyOffset + at, 'holds 8-bit octets inside a base64 body');
    const bytes = Buffer.from(body, encoding);
    let text: string;
    if (part.transferEncoding === 'quoted-printable') {
      // Escape only the raw 8-bit octets; the rest already is quoted-printable.
      text = '';
      for (const b of bytes) text += b > 127 ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b);
    } else if (part.contentType.type === 'text') {
      declare(part, 'quoted-printable');
      text = encodeQuotedPrintable(bytes, '\r\n');
    } else {
      declare(part, 'base64');
      text = encodeBase64Lines(bytes, '\r\n');
    }
    edits.push({ start: part.bodyOffset, end: part.bodyEnd, text });
    reencoded++;
  });
  if (refusal) return { ok: false, reason: refusal };

  edits.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let pos = 0;
  for (const e of edits) {
    pieces.push(data.slice(pos, e.start), e.text);
    pos = e.end;
  }
  pieces.push(data.slice(pos));
  const out = pieces.join('');
  const left = out.search(EIGHT_BIT);
  if (left >= 0) {
    return { ok: false, reason: `The server does not offer 8BITMIME (RFC 6152), and line ${lineAt(out, left)} of the message holds 8-bit text outside every part (a multipart preamble or epilogue); the message was not sent.` };
  }
  return { ok: true, data: out, reencoded };
}

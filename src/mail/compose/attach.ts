/**
 * Attaching files to a message (RFC 2046 §5.1.3 multipart/mixed, RFC 2183
 * Content-Disposition, RFC 2231 parameter values, RFC 2045 §6.8 base64).
 *
 * A message that is already multipart/mixed gets one more part per file
 * before its close delimiter. Any other message becomes multipart/mixed: its
 * Content-* fields move, unchanged, into the first part with its body; every
 * other header field stays where it was, and MIME-Version is added if missing.
 * Pure: text in, text out; the file types come from the caller (mime-types).
 */
import { encodeBase64Lines } from '../message/encodings';
import { freshBoundary } from '../message/fresh';
import type { MimePart } from '../message/model';
import { parseMessage } from '../message/parse';

/** One file to attach. */
export interface Attachment {
  /** File name as shown to the recipient (any Unicode). */
  name: string;
  bytes: Buffer | Uint8Array;
  /** `type/subtype` with any parameters (e.g. `text/plain; charset=UTF-8`); default application/octet-stream. */
  contentType?: string;
}

/** Longest header line written (RFC 5322 §2.1.1 SHOULD: 78 characters). */
const LINE = 78;

/** RFC 2045 §5.1 token characters. */
const TOKEN = /^[!#$%&'*+\-.0-9A-Z^_`a-z{|}~]+$/;

/**
 * A parameter `name=value` as one or more header-line pieces: a quoted string
 * when the value is printable ASCII and fits; else RFC 2231 §4 `name*=utf-8''…`
 * percent-encoded, split into `name*0*`, `name*1*`, … sections (§3) to keep
 * lines under 78 characters.
 */
export function encodeParameter(name: string, value: string): string[] {
  if (/^[\x20-\x7e]*$/.test(value)) {
    const quoted = TOKEN.test(value) ? value : `"${value.replace(/["\\]/g, '\\$&')}"`;
    if (name.length + quoted.length + 2 <= LINE) return [`${name}=${quoted}`];
  }
  // attr-char (RFC 2231 §7): ALPHA / DIGIT and !#$&+-.^_`|~ ; everything else is %XX of its UTF-8 octets.
  // One piece per character, so a section never splits the octets of one character.
  const encoded = Array.from(value, (c) =>
    /^[A-Za-z0-9!#$&+\-.^_`|~]$/.test(c) ? c : Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  const whole = `${name}*=utf-8''${encoded.join('')}`;
  if (whole.length + 2 <= LINE) return [whole];
  const pieces: string[] = [];
  let current = '';
  let index = 0;
  const head = (): string => `${name}*${index}*=${index === 0 ? "utf-8''" : ''}`;
  for (const e of encoded) {
    if (head().length + current.length + e.length + 2 > LINE && current) {
      pieces.push(head() + current);
      index++;
      current = '';
    }
    current += e;
  }
  pieces.push(head() + current);
  return pieces;
}

/** `Field: value;` with each parameter on its own folded line when the whole does not fit on one. */
function fieldWithParameters(field: string, value: string, params: string[], eol: string): string {
  const one = `${field}: ${[value, ...params].join('; ')}`;
  if (one.length <= LINE) return one;
  return `${field}: ${value};${eol}${params.map((p) => ` ${p}`).join(`;${eol}`)}`;
}

/** The header and body of one attachment part (no delimiter line). */
function attachmentPart(file: Attachment, eol: string): string {
  const type = (file.contentType ?? 'application/octet-stream').split(';').map((s) => s.trim()).filter(Boolean);
  const [media, ...extra] = type;
  const name = file.name.replace(/[\r\n\t]/g, ' ');
  return [
    fieldWithParameters('Content-Type', media || 'application/octet-stream', [...extra, ...encodeParameter('name', name)], eol),
    fieldWithParameters('Content-Disposition', 'attachment', encodeParameter('filename', name), eol),
    'Content-Transfer-Encoding: base64',
    '',
    encodeBase64Lines(Buffer.from(file.bytes), eol),
  ].join(eol);
}

/** A boundary that occurs nowhere in `text` (RFC 2046 §5.1.1). */
function boundaryFor(text: string): string {
  for (;;) {
    const b = freshBoundary();
    if (!text.includes(b)) return b;
  }
}

/** True when the body holds a character outside US-ASCII. */
function hasEightBit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) > 126) return true;
  return false;
}

/** The line break after offset `at` (the field's end), or '' at the end of the text. */
function breakAt(text: string, at: number): string {
  if (text.startsWith('\r\n', at)) return '\r\n';
  if (text.charCodeAt(at) === 10) return '\n';
  return '';
}

/**
 * Returns `text` with `files` attached. The message's own line break style is
 * kept (CRLF when it has none). Never throws on a malformed message: the
 * parser is lenient, and whatever it could not read stays in place.
 */
export function attachFiles(text: string, files: readonly Attachment[]): string {
  if (!files.length) return text;
  const parsed = parseMessage(text);
  const root: MimePart = parsed.root;
  const eol = text.includes('\n') ? parsed.eol : '\r\n';
  const ct = root.contentType;
  const close = root.boundaryLines.find((l) => l.close);
  if (ct.type === 'multipart' && ct.subtype === 'mixed' && root.boundary !== undefined && root.children.length > 0) {
    const b = root.boundary;
    const parts = files.map((f) => `--${b}${eol}${attachmentPart(f, eol)}${eol}`).join('');
    if (close) return text.slice(0, close.offset) + parts + text.slice(close.offset);
    // No close delimiter yet: end the last part, add the files, close the multipart.
    const end = text.length;
    const lead = end > 0 && text.charCodeAt(end - 1) !== 10 ? eol : '';
    return `${text}${lead}${parts}--${b}--${eol}`;
  }

  // Make it multipart/mixed: Content-* fields (RFC 2045 §9) go with the body into the first part.
  const boundary = boundaryFor(text);
  const moved: string[] = [];
  const removed: Array<[number, number]> = [];
  let hasMimeVersion = false;
  for (const h of root.headers) {
    const name = h.name.toLowerCase();
    if (name === 'mime-version') hasMimeVersion = true;
    if (!name.startsWith('content-')) continue;
    moved.push(text.slice(h.offset, h.end));
    removed.push([h.offset, h.end + breakAt(text, h.end).length]);
  }
  const firstHeaders = [...moved];
  const body = text.slice(root.bodyOffset, root.end);
  if (!root.headers.some((h) => h.name.toLowerCase() === 'content-type')) {
    // RFC 2045 §5.2's default, written out now that the text is a part; UTF-8 when it is not ASCII.
    const eight = hasEightBit(text, root.bodyOffset, root.end);
    firstHeaders.unshift(`Content-Type: text/plain; charset=${eight ? 'utf-8' : 'us-ascii'}`);
    if (eight && !root.headers.some((h) => h.name.toLowerCase() === 'content-transfer-encoding')) firstHeaders.push('Content-Transfer-Encoding: 8bit');
  }
  let header = '';
  let at = root.offset;
  for (const [from, to] of removed) {
    header += text.slice(at, from);
    at = to;
  }
  header += text.slice(at, root.headerEnd);
  if (header && !header.endsWith('\n')) header += eol;
  const added = [...(hasMimeVersion ? [] : ['MIME-Version: 1.0']), `Content-Type: multipart/mixed; boundary="${boundary}"`];
  const bodyEnd = body && !body.endsWith('\n') ? eol : '';
  return (
    text.slice(0, root.offset) +
    header +
    added.map((l) => l + eol).join('') +
    eol +
    `--${boundary}${eol}` +
    firstHeaders.map((l) => l + eol).join('') +
    eol +
    body +
    bodyEnd +
    files.map((f) => `--${boundary}${eol}${attachmentPart(f, eol)}${eol}`).join('') +
    `--${boundary}--${eol}`
  );
}

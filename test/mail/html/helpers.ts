/** Builders of HTML test messages (not a test file itself). */
import { decodeQuotedPrintable, encodeBase64Lines, encodeQuotedPrintable } from '../../../src/mail/message/encodings';
import type { Problem } from '../../../src/mail/codes';

/** The transfer encodings the HTML tables run with. */
export type HtmlEncoding = '8bit' | 'quoted-printable' | 'base64';
export const ENCODINGS: HtmlEncoding[] = ['8bit', 'quoted-printable', 'base64'];
export const EOLS: Array<{ name: string; eol: string }> = [
  { name: 'LF', eol: '\n' },
  { name: 'CRLF', eol: '\r\n' },
];

/** Encodes an HTML body (its lines joined with `eol`) in `cte`. */
export function encodeBody(html: string, cte: HtmlEncoding, eol: string): string {
  const withEol = html.replace(/\r?\n/g, eol);
  if (cte === 'quoted-printable') return encodeQuotedPrintable(withEol, eol);
  if (cte === 'base64') return encodeBase64Lines(Buffer.from(withEol, 'utf8'), eol);
  return withEol;
}

const HEAD = ['From: a@example.com', 'To: b@example.com', 'Subject: html', 'Date: Thu, 03 Dec 2026 09:00:00 +0000', 'Message-ID: <html-test@example.com>', 'MIME-Version: 1.0'];

/** Options of `htmlMessage`. */
export interface HtmlMessageOptions {
  /** Put a text/plain alternative beside the HTML (default true). */
  alternative?: boolean;
  /** Extra parts (raw, headers and body) after the HTML inside a multipart/related. */
  related?: string[];
}

/** A whole message around `html`, in `cte` and `eol`. */
export function htmlMessage(html: string, cte: HtmlEncoding, eol: string, options: HtmlMessageOptions = {}): string {
  const htmlPart = [`Content-Type: text/html; charset=utf-8`, `Content-Transfer-Encoding: ${cte}`, '', encodeBody(html, cte, eol)];
  let lines: string[];
  const related = options.related?.length
    ? ['Content-Type: multipart/related; boundary="rel"', '', '--rel', ...htmlPart, ...options.related.flatMap((p) => ['--rel', p]), '--rel--']
    : htmlPart;
  if (options.alternative === false) lines = [...HEAD, ...related];
  else lines = [...HEAD, 'Content-Type: multipart/alternative; boundary="alt"', '', '--alt', 'Content-Type: text/plain; charset=utf-8', '', 'plain text', '--alt', ...related, '--alt--'];
  return lines.join(eol).replace(/\r?\n/g, eol) + eol;
}

/** The text a problem's range covers, decoded when the part is quoted-printable. */
export function coveredText(message: string, p: Problem, cte: HtmlEncoding): string {
  const raw = message.slice(p.offset, p.offset + p.length);
  return cte === 'quoted-printable' ? decodeQuotedPrintable(raw).toString('utf8') : raw;
}

/** The first line of the HTML part's body. */
export function firstBodyLine(message: string): { offset: number; length: number } {
  const ct = message.indexOf('Content-Type: text/html');
  const sep = message.indexOf('\n\n', ct) >= 0 && (message.indexOf('\r\n\r\n', ct) < 0 || message.indexOf('\n\n', ct) < message.indexOf('\r\n\r\n', ct)) ? message.indexOf('\n\n', ct) + 2 : message.indexOf('\r\n\r\n', ct) + 4;
  let end = sep;
  while (end < message.length && message[end] !== '\n' && message[end] !== '\r') end++;
  return { offset: sep, length: end - sep };
}

/** 1-based line and column of `needle` (+ delta) in `html`. */
export function lineColumnOf(html: string, needle: string, delta = 0): { line: number; column: number } {
  const at = html.indexOf(needle) + delta;
  const before = html.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

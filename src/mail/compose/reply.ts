/**
 * New messages made from an existing one: a reply (RFC 5322 §3.6.4
 * In-Reply-To and References, "Re:" subject, the text quoted) and a forward
 * with the original attached as message/rfc822 (RFC 2046 §5.2.1, "Fwd:").
 * Pure: message text in, message text out.
 */
import { encodeParameter } from './attach';
import { foldAtSpaces } from './encodeHeaders';
import { decodedText } from '../message/body';
import { formatRfc5322Date } from '../message/dates';
import { decodeEncodedWords, encodeEncodedWord, encodeQuotedPrintable } from '../message/encodings';
import { freshBoundary, freshMessageId } from '../message/fresh';
import { findHeader, walkParts, type MimePart } from '../message/model';
import { parseMessage } from '../message/parse';

/** Who writes the new message, and when. */
export interface ComposeOptions {
  /** The From field's value, e.g. `Ann <ann@example.org>`. */
  from: string;
  /** The To field's value; a reply defaults to the original's Reply-To, else its From. */
  to?: string;
  /** Default: now. */
  now?: Date;
  /** Line break of the new message; default CRLF. */
  eol?: '\r\n' | '\n';
}

/**
 * `Name: value` with the value's runs of white space made single spaces, folded
 * at them so lines stay within 78 characters (RFC 5322 §2.2.3), as any field is
 * folded (`foldAtSpaces`).
 */
export function foldField(name: string, value: string, eol: string): string {
  const words = value.split(/[ \t]+/).filter(Boolean);
  return words.length ? foldAtSpaces(`${name}: ${words.join(' ')}`, eol) : `${name}:`;
}

/** A header value for a new field: raw text as is when ASCII, else RFC 2047 encoded words (RFC 6532 is not assumed). */
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeEncodedWord(value);
}

/** The domain of the first address in a From value, for the new Message-ID. */
function domainOf(from: string): string | undefined {
  const m = /@([A-Za-z0-9.-]+)/.exec(from);
  return m ? m[1].replace(/\.+$/, '') : undefined;
}

/** The subject with `prefix` ("Re:", "Fwd:") unless it already starts with it (case-insensitive, after decoding). */
function prefixed(subject: string | undefined, prefix: string): string {
  const raw = (subject ?? '').trim();
  const shown = decodeEncodedWords(raw).text.trim();
  if (shown.toLowerCase().startsWith(prefix.toLowerCase())) return raw;
  return raw ? `${prefix} ${raw}` : prefix;
}

/** References of a reply or forward: the original's References (or In-Reply-To) and its Message-ID (RFC 5322 §3.6.4). */
function referencesOf(root: MimePart): { inReplyTo?: string; references?: string } {
  const id = findHeader(root, 'message-id')?.value.trim();
  const earlier = (findHeader(root, 'references') ?? findHeader(root, 'in-reply-to'))?.value.match(/<[^<>\s]+>/g) ?? [];
  const ids = [...earlier, ...(id && /^<[^<>\s]+>$/.test(id) ? [id] : [])];
  return { inReplyTo: id && /^<[^<>\s]+>$/.test(id) ? id : undefined, references: ids.length ? ids.join(' ') : undefined };
}

/** The first text/plain part that is not an attachment: what a reply quotes. */
function readableText(text: string, root: MimePart): string {
  let found: MimePart | undefined;
  walkParts(root, (p) => {
    if (!found && !p.children.length && !p.embedded && p.contentType.type === 'text' && p.contentType.subtype === 'plain' && p.disposition !== 'attachment') found = p;
  });
  return found ? decodedText(text, found) : '';
}

/** A text/plain body: 7bit when it is short-lined ASCII, else quoted-printable UTF-8 (RFC 2045 §6.7). */
function textBody(body: string, eol: string): { headers: string[]; body: string } {
  const lines = body.split(/\r?\n/);
  if (/^[\x20-\x7e\t]*$/.test(lines.join('')) && lines.every((l) => l.length <= 76)) {
    return { headers: ['Content-Type: text/plain; charset=us-ascii', 'Content-Transfer-Encoding: 7bit'], body: lines.join(eol) };
  }
  return { headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'], body: encodeQuotedPrintable(Buffer.from(lines.join('\r\n'), 'utf8'), eol) };
}

/** The common header of a new message. */
function newHeader(options: ComposeOptions, to: string | undefined, subject: string, refs: { inReplyTo?: string; references?: string }, eol: string): string[] {
  const now = options.now ?? new Date();
  const fields = [`From: ${headerText(options.from)}`];
  if (to) fields.push(foldField('To', headerText(to), eol));
  fields.push(foldField('Subject', headerText(subject), eol), `Date: ${formatRfc5322Date(now)}`, `Message-ID: ${freshMessageId(domainOf(options.from))}`);
  if (refs.inReplyTo) fields.push(`In-Reply-To: ${refs.inReplyTo}`);
  if (refs.references) fields.push(foldField('References', refs.references, eol));
  fields.push('MIME-Version: 1.0');
  return fields;
}

/**
 * A reply to `original`: To is the original's Reply-To (else From) unless
 * given, Subject "Re: …", In-Reply-To and References set, and the original's
 * text quoted under an attribution line.
 */
export function composeReply(original: string, options: ComposeOptions): string {
  const eol = options.eol ?? '\r\n';
  const { root, text } = parseMessage(original);
  const to = options.to ?? (findHeader(root, 'reply-to') ?? findHeader(root, 'from'))?.value;
  const subject = prefixed(findHeader(root, 'subject')?.value, 'Re:');
  const header = newHeader(options, to, subject, referencesOf(root), eol);
  const who = decodeEncodedWords(findHeader(root, 'from')?.value ?? '').text.trim() || 'someone';
  const when = findHeader(root, 'date')?.value.trim();
  const quoted = readableText(text, root)
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((l) => (l === '' || l.startsWith('>') ? `>${l}` : `> ${l}`));
  const { headers, body } = textBody(['', `${when ? `On ${when}, ` : ''}${who} wrote:`, ...quoted, ''].join('\n'), eol);
  return [...header, ...headers, '', body].join(eol) + eol;
}

/**
 * A new message with `original` attached whole as message/rfc822: Subject
 * "Fwd: …", References set, an empty text part to write in first.
 */
export function composeForward(original: string, options: ComposeOptions): string {
  const eol = options.eol ?? '\r\n';
  const { root, text } = parseMessage(original);
  const subjectField = findHeader(root, 'subject')?.value;
  const subject = prefixed(subjectField, 'Fwd:');
  const refs = referencesOf(root);
  const header = newHeader(options, options.to, subject, { references: refs.references }, eol);
  // The original without an mbox separator line, in the new message's line breaks.
  const inner = text.slice(root.offset).replace(/\r?\n/g, eol);
  let boundary = freshBoundary();
  while (inner.includes(boundary)) boundary = freshBoundary();
  const name = `${(decodeEncodedWords(subjectField ?? '').text.trim() || 'message').replace(/[\\/:*?"<>|\x00-\x1f]+/g, '_').slice(0, 60)}.eml`;
  // RFC 2046 §5.2.1: only 7bit, 8bit or binary; 8bit when it has octets above 127.
  const cte = /[^\x00-\x7f]/.test(inner) ? '8bit' : '7bit';
  const disposition = encodeParameter('filename', name);
  return [
    ...header,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    `Content-Disposition: attachment;${eol} ${disposition.join(`;${eol} `)}`,
    `Content-Transfer-Encoding: ${cte}`,
    '',
    inner.replace(/(\r?\n)+$/, ''),
    `--${boundary}--`,
    '',
  ].join(eol);
}

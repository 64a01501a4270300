/**
 * The position-keeping model of an RFC 5322 + MIME message.
 *
 * Every offset is a UTF-16 index into the string that was parsed (the editor's
 * document text), so `text.slice(offset, end)` always gives the source span.
 * Nothing here holds decoded bodies: parts are ranges, decoding is on demand
 * (see ./encodings.ts).
 */
import type { Problem } from '../codes';

/** One physical line of a (possibly folded) header field, without its line break. */
export interface HeaderLine {
  offset: number;
  length: number;
}

/** One header field as written, with the offsets of its pieces (RFC 5322 §2.2). */
export interface HeaderField {
  /** The field name as written (case kept); compare with `name.toLowerCase()`. */
  name: string;
  /**
   * The unfolded value (RFC 5322 §2.2.3: every line break that precedes white
   * space removed, the white space kept), with leading and trailing white
   * space trimmed. Raw: encoded words are not decoded.
   */
  value: string;
  /** Start of the field (its first character). */
  offset: number;
  /** End of the field's last line, excluding the line break. */
  end: number;
  nameOffset: number;
  nameLength: number;
  /** Offset of the colon, or -1 when the line has none (a `header-syntax` problem). */
  colonOffset: number;
  /** First character after the colon (equal to `end` when there is no colon). */
  valueOffset: number;
  /** Each physical line of the field. */
  lines: HeaderLine[];
}

/** A parsed Content-Type (RFC 2045 §5.1), defaults applied (RFC 2045 §5.2, RFC 2046 §5.1.5). */
export interface ContentType {
  /** Lowercased media type, e.g. `text`. */
  type: string;
  /** Lowercased subtype, e.g. `plain`. */
  subtype: string;
  /** Parameters: lowercased names; RFC 2231 continuations joined and extended values decoded. */
  params: Record<string, string>;
  /** True when a well-formed Content-Type field chose the type; false for the default. */
  explicit: boolean;
}

/** One delimiter line of a multipart body (RFC 2046 §5.1.1). */
export interface BoundaryLine {
  /** Start of the `--boundary` text (the preceding line break belongs to it too). */
  offset: number;
  /** Length of the line, without its line break. */
  length: number;
  /** True for the close delimiter `--boundary--`. */
  close: boolean;
}

/** One MIME entity: the whole message, a part of a multipart, or an embedded message. */
export interface MimePart {
  /** Start of the entity's header section. */
  offset: number;
  /**
   * End of the header section: the start of the blank line that separates
   * header and body (the place to insert a new field). When there is no blank
   * line this is the end of the last header line including its line break.
   */
  headerEnd: number;
  /** Start of the body (after the blank line); equals `end` when there is no body. */
  bodyOffset: number;
  /** End of the body. For parts of a multipart, the line break before the next delimiter is excluded (RFC 2046 §5.1.1). */
  bodyEnd: number;
  /** End of the entity (same as `bodyEnd`). */
  end: number;
  /** False when the header section ran to the end of the input or stopped at a non-header line without a blank line. */
  hasSeparator: boolean;
  headers: HeaderField[];
  contentType: ContentType;
  /** Lowercased Content-Transfer-Encoding value (comments removed); `7bit` when absent. */
  transferEncoding: string;
  /** The boundary parameter of a multipart entity, when there is one. */
  boundary?: string;
  /** Delimiter lines found for `boundary`. */
  boundaryLines: BoundaryLine[];
  /** Parts of a multipart entity, in order. */
  children: MimePart[];
  /** The message inside a message/rfc822 (or message/global) entity. */
  embedded?: MimePart;
  /** 0 for the message; +1 for each multipart child or embedded message. */
  depth: number;
  /**
   * IMAP-style part number (RFC 3501 §6.4.5): '' for the message, '1', '1.2', ...; the root of an
   * attached message numbered `n` is `n.1` (its body) unless it is a multipart, whose parts are
   * `n.1`, `n.2`, ... (see ./partLookup.ts).
   */
  path: string;
  /** The enclosing entity; not enumerable, so JSON.stringify does not see a cycle. */
  parent?: MimePart;
  /** True for the root of a message (the whole message or a message/rfc822 body). */
  isMessage: boolean;
  /** Content-Disposition filename, else the Content-Type name parameter. */
  filename?: string;
  /** The charset parameter, lowercased. */
  charset?: string;
  /** Lowercased Content-Disposition type (`inline`, `attachment`), when present. */
  disposition?: string;
}

/** A message parsed from a string. */
export interface ParsedMessage {
  root: MimePart;
  text: string;
  /** The line break that most lines use. */
  eol: '\r\n' | '\n';
  /** Structural problems found while parsing (header syntax, Content-Type, boundaries, nesting). */
  problems: Problem[];
  /** Work done (lines and header fields visited); tests use it to show linear time. */
  steps: number;
}

/** Finds the first header field called `name` (case-insensitive). */
export function findHeader(part: MimePart, name: string): HeaderField | undefined {
  const lower = name.toLowerCase();
  return part.headers.find((h) => h.name.toLowerCase() === lower);
}

/** All header fields called `name` (case-insensitive), in order. */
export function findHeaders(part: MimePart, name: string): HeaderField[] {
  const lower = name.toLowerCase();
  return part.headers.filter((h) => h.name.toLowerCase() === lower);
}

/**
 * Visits every entity in document order without recursion (an explicit stack),
 * so 10000-deep nesting is safe.
 */
export function walkParts(root: MimePart, visit: (part: MimePart) => void): void {
  const stack: MimePart[] = [root];
  while (stack.length) {
    const part = stack.pop()!;
    visit(part);
    if (part.embedded) stack.push(part.embedded);
    for (let i = part.children.length - 1; i >= 0; i--) stack.push(part.children[i]);
  }
}

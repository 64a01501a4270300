/**
 * HTML tokens with source positions, from htmlparser2's tokenizer (the HTML
 * Living Standard's tokenization states, forgiving like a browser): each start
 * tag with the span of its name and of every attribute name and value, and
 * each run of text with the element it is the raw content of (`<style>`,
 * `<script>`). Offsets are into the decoded HTML string.
 */
import { decodeHTMLAttribute } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';

/** One attribute of a start tag. */
export interface HtmlAttribute {
  /** Lowercased name. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The value with character references decoded. */
  value: string;
  /** Span of the value without its quotes (equal to nameEnd when there is no value). */
  valueStart: number;
  valueEnd: number;
  /** End of the whole attribute, closing quote included. */
  end: number;
}

/** One start tag. */
export interface HtmlStartTag {
  /** Lowercased tag name. */
  name: string;
  /** Offset of `<`. */
  start: number;
  /** End of the tag name. */
  nameEnd: number;
  /** Offset after `>`. */
  end: number;
  attributes: HtmlAttribute[];
}

/** The value of a tag's attribute (the first of duplicates, as browsers keep), or undefined. */
export function attributeValue(tag: HtmlStartTag, name: string): string | undefined {
  for (const a of tag.attributes) if (a.name === name) return a.value;
  return undefined;
}

/** What `scanHtml` reports. */
export interface HtmlVisitor {
  startTag?(tag: HtmlStartTag): void;
  endTag?(name: string, start: number): void;
  /** Text from `start` to `end` (raw source; character references not decoded); `rawIn` is the raw-text element it sits in (`style`, `script`). */
  text?(start: number, end: number, rawIn: string | undefined): void;
  /** A character reference in text, decoded. */
  textEntity?(codepoint: number, start: number, end: number): void;
}

/** Elements whose content the tokenizer reads as raw text or escapable raw text (HTML §13.1.2). */
const RAW_TEXT = new Set(['style', 'script', 'textarea', 'title']);

/** True when `s` has an ASCII capital (names are compared lowercased). */
function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * Tokenizes `html`, calling `visitor` for tags and text in document order.
 *
 * Without a `textEntity` visitor, character references are left to the
 * attribute values that hold one (decoded as the HTML standard decodes them
 * in attributes, §13.2.5.73): the tokenizer then skips over text and
 * attribute values natively instead of visiting each character. Tags, spans
 * and values are the same either way.
 */
export function scanHtml(html: string, visitor: HtmlVisitor): void {
  const decodeEntities = visitor.textEntity !== undefined;
  let tag: HtmlStartTag | undefined;
  let attr: HtmlAttribute | undefined;
  let rawIn: string | undefined;
  let entityStart = -1;
  /** The value of the attribute being read, when it holds a character reference (else sliced at its end). */
  let decoded: string | undefined;
  const finishTag = (end: number): void => {
    if (!tag) return;
    tag.end = end;
    visitor.startTag?.(tag);
    if (RAW_TEXT.has(tag.name)) rawIn = tag.name;
    tag = undefined;
  };
  const callbacks: TokenizerCallbacks = {
    onattribname(start, endIndex) {
      let name = html.slice(start, endIndex);
      if (hasUpper(name)) name = name.toLowerCase();
      attr = { name, nameStart: start, nameEnd: endIndex, value: '', valueStart: -1, valueEnd: endIndex, end: endIndex };
      decoded = undefined;
    },
    onattribdata(start, endIndex) {
      if (!attr) return;
      if (attr.valueStart < 0) attr.valueStart = start;
      // The value is sliced once at its end; only values with character references are built piece by piece.
      if (decoded !== undefined) decoded += html.slice(start, endIndex);
      attr.valueEnd = endIndex;
    },
    onattribentity(codepoint) {
      if (!attr) return;
      if (decoded === undefined) decoded = attr.valueStart < 0 ? '' : html.slice(attr.valueStart, attr.valueEnd);
      decoded += String.fromCodePoint(codepoint);
      // The reference itself is part of the written value: the next data starts after it.
    },
    onattribend(quote, endIndex) {
      if (!attr || !tag) return;
      if (attr.valueStart < 0) {
        // Empty or absent value: an empty span where the value would be.
        const quoted = quote === 2 || quote === 3;
        attr.valueStart = attr.valueEnd = quoted ? endIndex - 1 : attr.nameEnd;
      } else if (quote === 2 || quote === 3) attr.valueEnd = Math.max(attr.valueEnd, endIndex - 1);
      if (decoded !== undefined) attr.value = decoded;
      else {
        const raw = html.slice(attr.valueStart, attr.valueEnd);
        attr.value = !decodeEntities && raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
      }
      decoded = undefined;
      attr.end = endIndex;
      tag.attributes.push(attr);
      attr = undefined;
    },
    oncdata() {},
    onclosetag(start, endIndex) {
      const name = html.slice(start, endIndex).toLowerCase();
      if (rawIn === name) rawIn = undefined;
      visitor.endTag?.(name, start);
    },
    oncomment() {},
    ondeclaration() {},
    onend() {},
    onopentagend(endIndex) {
      finishTag(endIndex + 1);
    },
    onopentagname(start, endIndex) {
      let name = html.slice(start, endIndex);
      if (hasUpper(name)) name = name.toLowerCase();
      tag = { name, start: start - 1, nameEnd: endIndex, end: endIndex, attributes: [] };
    },
    onprocessinginstruction() {},
    onselfclosingtag(endIndex) {
      const name = tag?.name;
      finishTag(endIndex + 1);
      // `<style/>` does not open raw text in HTML, but a self-closed tag has no content to scan either.
      if (name && rawIn === name) rawIn = undefined;
    },
    ontext(start, endIndex) {
      visitor.text?.(start, endIndex, rawIn);
      entityStart = endIndex;
    },
    ontextentity(codepoint, endIndex) {
      // The reference starts at the last "&" before its end.
      const amp = html.lastIndexOf('&', endIndex - 1);
      const start = amp >= entityStart ? amp : endIndex;
      visitor.textEntity?.(codepoint, start, endIndex);
      entityStart = endIndex;
    },
  };
  const tokenizer = new Tokenizer({ decodeEntities }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}

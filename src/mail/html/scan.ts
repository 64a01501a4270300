/**
 * HTML tokens with source positions, from htmlparser2's tokenizer (the HTML
 * Living Standard's tokenization states, forgiving like a browser): each start
 * tag with the span of its name and of every attribute name and value, and
 * each run of text with the element it is the raw content of (`<style>`,
 * `<script>`). Offsets are into the decoded HTML string.
 */
import { decodeHTMLAttribute } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { keepShape } from '../shapes';

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
  /** A start tag. The tag and its attributes are reused for the next tag (a big part has tens of thousands): copy what is kept. */
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

/** Slots of the name table (a power of two). */
const NAME_SLOTS = 1024;
/** Longer names are sliced each time (real tag and attribute names are short). */
const MAX_INTERNED = 24;
/** Lowercased ASCII tag and attribute names met before, by a hash of their characters. */
const names: Array<string | undefined> = new Array(NAME_SLOTS).fill(undefined);

/**
 * The lowercased name at html[start, end). Names repeat thousands of times in
 * a big part: the same string each time means no new string, and lookups by
 * name reuse its hash instead of computing it again. A slot holds the last
 * name that hashed to it; the characters are compared before reuse. Names
 * with other than ASCII are sliced and lowercased as before: whole with
 * `lowerWhole`, else only when they hold an ASCII capital.
 */
function nameAt(html: string, start: number, end: number, lowerWhole = false): string {
  const n = end - start;
  if (n <= MAX_INTERNED && n > 0) {
    let h = n;
    let ascii = true;
    for (let i = start; i < end; i++) {
      let c = html.charCodeAt(i);
      if (c >= 128) {
        ascii = false;
        break;
      }
      if (c >= 65 && c <= 90) c += 32;
      h = (Math.imul(h, 31) + c) | 0;
    }
    if (ascii) {
      const slot = (h ^ (h >>> 10)) & (NAME_SLOTS - 1);
      const known = names[slot];
      if (known !== undefined && known.length === n) {
        let same = true;
        for (let i = 0; i < n; i++) {
          let c = html.charCodeAt(start + i);
          if (c >= 65 && c <= 90) c += 32;
          if (c !== known.charCodeAt(i)) {
            same = false;
            break;
          }
        }
        if (same) return known;
      }
      // ASCII only: lowercasing the ASCII capitals is the whole of toLowerCase.
      const name = html.slice(start, end).toLowerCase();
      names[slot] = name;
      return name;
    }
  }
  const name = html.slice(start, end);
  return lowerWhole || hasUpper(name) ? name.toLowerCase() : name;
}

/**
 * The tokenizer's callbacks for one scan. A class, not closures made per
 * call: optimized code inlines the callbacks it calls, and a closure that
 * dies after the scan makes the next garbage collection throw that code
 * away, so every scan after a full collection would run unoptimized.
 * Prototype methods live as long as the module.
 */
class TokenCollector implements TokenizerCallbacks {
  private tag: HtmlStartTag | undefined = undefined;
  private attr: HtmlAttribute | undefined = undefined;
  /** The one start tag object, refilled for each tag (see `HtmlVisitor.startTag`). */
  private readonly tagObject: HtmlStartTag = { name: '', start: 0, nameEnd: 0, end: 0, attributes: [] };
  /** Attribute objects refilled for each tag, and how many the current tag has taken. */
  private readonly attrPool: HtmlAttribute[] = [];
  private attrsTaken = 0;
  /** How many attributes the current tag has kept (its array is cut to that length when the tag ends, not emptied first: emptying drops the array's storage). */
  private attrsKept = 0;
  private rawIn: string | undefined = undefined;
  private entityStart = -1;
  /** The value of the attribute being read, when it holds a character reference (else sliced at its end). */
  private decoded: string | undefined = undefined;

  constructor(
    private readonly html: string,
    private readonly visitor: HtmlVisitor,
    private readonly decodeEntities: boolean,
  ) {}

  private finishTag(end: number): void {
    const tag = this.tag;
    if (!tag) return;
    tag.end = end;
    if (tag.attributes.length !== this.attrsKept) tag.attributes.length = this.attrsKept;
    this.tag = undefined;
    this.visitor.startTag?.(tag);
    if (RAW_TEXT.has(tag.name)) this.rawIn = tag.name;
  }

  onattribname(start: number, endIndex: number): void {
    const name = nameAt(this.html, start, endIndex);
    let attr = this.attrPool[this.attrsTaken];
    if (attr === undefined) {
      attr = { name, nameStart: start, nameEnd: endIndex, value: '', valueStart: -1, valueEnd: endIndex, end: endIndex };
      this.attrPool.push(attr);
    } else {
      attr.name = name;
      attr.nameStart = start;
      attr.nameEnd = endIndex;
      attr.value = '';
      attr.valueStart = -1;
      attr.valueEnd = endIndex;
      attr.end = endIndex;
    }
    this.attrsTaken++;
    this.attr = attr;
    this.decoded = undefined;
  }

  onattribdata(start: number, endIndex: number): void {
    const attr = this.attr;
    if (!attr) return;
    if (attr.valueStart < 0) attr.valueStart = start;
    // The value is sliced once at its end; only values with character references are built piece by piece.
    if (this.decoded !== undefined) this.decoded += this.html.slice(start, endIndex);
    attr.valueEnd = endIndex;
  }

  onattribentity(codepoint: number): void {
    const attr = this.attr;
    if (!attr) return;
    if (this.decoded === undefined) this.decoded = attr.valueStart < 0 ? '' : this.html.slice(attr.valueStart, attr.valueEnd);
    this.decoded += String.fromCodePoint(codepoint);
    // The reference itself is part of the written value: the next data starts after it.
  }

  onattribend(quote: number, endIndex: number): void {
    const attr = this.attr;
    const tag = this.tag;
    if (!attr || !tag) return;
    if (attr.valueStart < 0) {
      // Empty or absent value: an empty span where the value would be.
      const quoted = quote === 2 || quote === 3;
      attr.valueStart = attr.valueEnd = quoted ? endIndex - 1 : attr.nameEnd;
    } else if (quote === 2 || quote === 3) attr.valueEnd = Math.max(attr.valueEnd, endIndex - 1);
    if (this.decoded !== undefined) attr.value = this.decoded;
    else {
      const raw = this.html.slice(attr.valueStart, attr.valueEnd);
      attr.value = !this.decodeEntities && raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
    }
    this.decoded = undefined;
    attr.end = endIndex;
    tag.attributes[this.attrsKept++] = attr;
    this.attr = undefined;
  }

  oncdata(): void {}

  onclosetag(start: number, endIndex: number): void {
    // A closing tag's name is lowercased whole (an open tag's only when it has an ASCII capital).
    const name = nameAt(this.html, start, endIndex, true);
    if (this.rawIn === name) this.rawIn = undefined;
    this.visitor.endTag?.(name, start);
  }

  oncomment(): void {}
  ondeclaration(): void {}
  onend(): void {}

  onopentagend(endIndex: number): void {
    this.finishTag(endIndex + 1);
  }

  onopentagname(start: number, endIndex: number): void {
    const tag = this.tagObject;
    tag.name = nameAt(this.html, start, endIndex);
    tag.start = start - 1;
    tag.nameEnd = endIndex;
    tag.end = endIndex;
    this.attrsTaken = 0;
    this.attrsKept = 0;
    this.tag = tag;
  }

  onprocessinginstruction(): void {}

  onselfclosingtag(endIndex: number): void {
    const name = this.tag?.name;
    this.finishTag(endIndex + 1);
    // `<style/>` does not open raw text in HTML, but a self-closed tag has no content to scan either.
    if (name && this.rawIn === name) this.rawIn = undefined;
  }

  ontext(start: number, endIndex: number): void {
    this.visitor.text?.(start, endIndex, this.rawIn);
    this.entityStart = endIndex;
  }

  ontextentity(codepoint: number, endIndex: number): void {
    // The reference starts at the last "&" before its end.
    const amp = this.html.lastIndexOf('&', endIndex - 1);
    const start = amp >= this.entityStart ? amp : endIndex;
    this.visitor.textEntity?.(codepoint, start, endIndex);
    this.entityStart = endIndex;
  }
}

/**
 * Tokenizes `html`, calling `visitor` for tags and text in document order.
 *
 * Without a `textEntity` visitor, character references are left to the
 * attribute values that hold one (decoded as the HTML standard decodes them
 * in attributes, §13.2.5.73): the tokenizer then skips over text and
 * attribute values natively instead of visiting each character. Tags, spans
 * and values are the same either way.
 *
 * The visitor's methods are called as methods: pass an object whose methods
 * outlive the call (a class instance) on hot paths, for the reason given at
 * `TokenCollector`.
 */
export function scanHtml(html: string, visitor: HtmlVisitor): void {
  const decodeEntities = visitor.textEntity !== undefined;
  const tokenizer = new Tokenizer({ decodeEntities }, new TokenCollector(html, visitor, decodeEntities));
  tokenizer.write(html);
  tokenizer.end();
}

// The shapes of the tokenizer and its callbacks outlive each scan (see ./shapes).
keepShape(new Tokenizer({ decodeEntities: false }, new TokenCollector('', {}, false)));

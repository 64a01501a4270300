/**
 * The position-keeping MIME parser.
 *
 * One pass over the lines of the text, like CPython's email.feedparser: a
 * stack of open entities (no recursion on the input's depth) and a map from
 * each active boundary to its multipart, so a delimiter line closes every
 * entity nested inside its multipart at once. Lenient: problems are recorded
 * and parsing goes on. Linear: each line is visited once (body lines are
 * skipped with indexOf while looking for the next `--`), each entity is
 * pushed and popped once. Offsets are UTF-16 indices into `text`.
 */
import { problem, type Problem } from '../codes';
import type { BoundaryLine, ContentType, HeaderField, MimePart, ParsedMessage } from './model';
import { ENGLISH_MESSAGES, type Detail, type MessageTable } from './messages';
import type { CoreBundle } from '../i18n';
import { parseParameterised, displayFilename } from './params';
import { stripComments } from './lexer';
import { childPath, embeddedRootPath } from './partLookup';
import { keepShape } from '../shapes';

/** Options of `parseMessage`. */
export interface ParseOptions {
  /** Deepest nesting parsed; deeper entities are kept as opaque bodies (`nesting-too-deep`). Default 100. */
  maxDepth?: number;
  /** The locale bundle the parse problems are written with (../i18n.ts); English when absent. */
  l10n?: CoreBundle;
}

/**
 * Start of the first line after `pos` that begins with "--" (-1 when none). Searched as
 * "--" rather than as a line break and "--": a base64 body has no "-" at all, so the
 * search runs through it in one native scan instead of stopping at each of its lines. A
 * "--" inside a line skips the rest of that line, so a body full of dashes stays linear.
 */
function nextDashLine(text: string, pos: number): number {
  for (let at = text.indexOf('--', pos); at >= 0; ) {
    if (at > pos && text.charCodeAt(at - 1) === 10) return at;
    const nl = text.indexOf('\n', at);
    if (nl < 0) return -1;
    if (text.charCodeAt(nl + 1) === 45 && text.charCodeAt(nl + 2) === 45) return nl + 1;
    at = text.indexOf('--', nl + 1);
  }
  return -1;
}

/** How many distinct boundary lengths a `--` line is tried against (prefix matching). */
const MAX_PREFIX_LENGTHS = 64;

/** Default nesting limit, the same as the `smtpEml.validation.maxDepth` setting. */
export const DEFAULT_MAX_DEPTH = 100;

type Mode = 'header' | 'body' | 'preamble' | 'parts' | 'epilogue';

interface Frame {
  part: MimePart;
  /** Position in the stack (fixed while the frame is open). */
  index: number;
  mode: Mode;
  /** The field being read (for continuation lines). */
  field?: HeaderField;
  /** Default Content-Type of this entity: message/rfc822 inside multipart/digest (RFC 2046 §5.1.5). */
  digestChild: boolean;
  /** True once a `--boundary` delimiter (not the close one) was seen. */
  sawDelimiter?: boolean;
  /** Where the boundary parameter's value is written (for boundary problems). */
  boundarySpan?: { offset: number; length: number };
}

const TEXT_PLAIN: () => ContentType = () => ({ type: 'text', subtype: 'plain', params: { charset: 'us-ascii' }, explicit: false });

function newPart(offset: number, depth: number, path: string, parent: MimePart | undefined, isMessage: boolean): MimePart {
  const part: MimePart = {
    offset,
    headerEnd: offset,
    bodyOffset: offset,
    bodyEnd: offset,
    end: offset,
    hasSeparator: false,
    headers: [],
    contentType: TEXT_PLAIN(),
    transferEncoding: '7bit',
    boundaryLines: [],
    children: [],
    depth,
    path,
    isMessage,
  };
  if (parent) Object.defineProperty(part, 'parent', { value: parent, enumerable: false, writable: true, configurable: true });
  return part;
}

/** White space that String.prototype.trim removes, for the ASCII and Latin-1 range; other characters are kept (see unfold). */
function isTrimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * True for an mbox "From " separator line at `pos` (RFC 4155: "From " then the
 * sender and a date). `From : Alice <a@example.org>`, the obsolete header form
 * with white space before the colon (RFC 5322 §4.5.6), is not one.
 */
export function isMboxFromLine(text: string, pos: number): boolean {
  if (!text.startsWith('From ', pos)) return false;
  let i = pos + 5;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i);
  return i < text.length && c !== 58 /* : */ && c !== 10 && c !== 13;
}

/** RFC 2046 §5.1.1 bchars: DIGIT / ALPHA / "'()+_,-./:=?" and space (not last). */
function boundaryCharOk(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || "'()+_,-./:=? ".includes(String.fromCharCode(c));
}

/**
 * Parses a message. Never throws; records structural problems (header syntax,
 * Content-Type and parameters, boundaries, nesting) in `problems`.
 */
export function parseMessage(text: string, options: ParseOptions = {}): ParsedMessage {
  keepParserShape();
  return new MessageParser(text, options.maxDepth ?? DEFAULT_MAX_DEPTH, options.l10n?.messages ?? ENGLISH_MESSAGES).run();
}

/** A short MIME message whose parser, once run, lives as long as the process: see `keepParserShape`. */
const SHAPE_SAMPLE = 'From: a@example.org\r\nSubject: sample\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nBody.\r\n--b--\r\n';
let shapeKept = false;

/**
 * Keeps one parser that has run, with the parts and fields it made (see
 * `keepShape`): a parse drops all of them, so a full garbage collection between
 * two validations would otherwise take their classes' shapes, and the
 * optimised code of every step, with it. Made on the first parse, not when the
 * module loads.
 */
function keepParserShape(): void {
  if (shapeKept) return;
  shapeKept = true;
  keepShape(new MessageParser(SHAPE_SAMPLE, DEFAULT_MAX_DEPTH, ENGLISH_MESSAGES)).run();
}

/**
 * One parse of one message: the open entities and active boundaries in
 * fields, the steps as methods (compiled once and shared by every parse,
 * where closures nested in parseMessage were made anew on every call).
 */
class MessageParser {
  readonly problems: Problem[] = [];
  /** Work done, for the counted-work tests. */
  private steps = 0;
  private crlf = 0;
  private lf = 0;
  private readonly len: number;
  private readonly root: MimePart;
  /** The open entities, outermost first (no recursion on the input's depth). */
  private readonly stack: Frame[];
  /** Active boundary -> the frame of its multipart (`index` is its place in `stack`). */
  private readonly active = new Map<string, Frame>();
  /** Lengths of the active boundaries, with how many have each length (for prefix matching). */
  private readonly lengths = new Map<number, number>();
  private reportedDepth = false;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly messages: MessageTable,
  ) {
    this.len = text.length;
    this.root = newPart(0, 0, '', undefined, true);
    this.stack = [{ part: this.root, index: 0, mode: 'header', digestChild: false }];
  }

  /** Reads every line once, then closes what the end of the text leaves open. */
  run(): ParsedMessage {
    const text = this.text;
    const len = this.len;
    const stack = this.stack;
    const active = this.active;
    let pos = 0;
    // An mbox "From " envelope line before the first header is not part of the message (RFC 4155).
    if (isMboxFromLine(text, 0)) {
      const nl = text.indexOf('\n');
      pos = nl < 0 ? len : nl + 1;
      this.root.offset = pos;
    }

    while (pos < len) {
      this.steps++;
      const top = stack[stack.length - 1];
      if (top.mode !== 'header') {
        if (active.size === 0) break; // nothing left but body text
        // Skip body lines to the next line starting with "--".
        if (!(text.charCodeAt(pos) === 45 && text.charCodeAt(pos + 1) === 45)) {
          const next = nextDashLine(text, pos);
          if (next < 0) break;
          pos = next;
        }
      }
      const nl = text.indexOf('\n', pos);
      const next = nl < 0 ? len : nl + 1;
      let lineEnd = nl < 0 ? len : nl;
      if (nl > 0 && text.charCodeAt(nl - 1) === 13) {
        lineEnd = nl - 1;
        if (lineEnd >= pos) this.crlf++;
      } else if (nl >= 0) this.lf++;

      // A delimiter line of an active boundary ends every entity nested inside its multipart.
      if (active.size > 0 && text.charCodeAt(pos) === 45 && text.charCodeAt(pos + 1) === 45) {
        let e = lineEnd;
        // RFC 2046 §5.1.1: transport padding (white space) may follow the boundary.
        while (e > pos + 2 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
        const candidate = text.slice(pos + 2, e);
        let owner = active.get(candidate);
        let close = false;
        if (owner === undefined && candidate.endsWith('--')) {
          owner = active.get(candidate.slice(0, -2));
          close = owner !== undefined;
        }
        if (owner === undefined) {
          // RFC 2046 §5.1.1, note to implementors: the boundary only has to appear in its
          // entirety at the start of the line; more text may follow it. Try each active
          // boundary length (bounded, so a hostile nest of this.lengths stays linear); the
          // innermost match wins.
          let tries = 0;
          let bestLength = 0;
          for (const length of this.lengths.keys()) {
            if (++tries > MAX_PREFIX_LENGTHS) break;
            if (pos + 2 + length > lineEnd) continue;
            const frame = active.get(text.substr(pos + 2, length));
            if (frame && (!owner || frame.index > owner.index)) {
              owner = frame;
              bestLength = length;
            }
          }
          if (owner) close = text.charCodeAt(pos + 2 + bestLength) === 45 && text.charCodeAt(pos + 3 + bestLength) === 45;
        }
        if (owner !== undefined) {
          const index = owner.index;
          const end = this.breakBefore(pos);
          while (stack.length - 1 > index) {
            const frame = stack.pop()!;
            this.finishEntity(frame, end);
          }
          const frame = stack[index];
          const multipart = frame.part;
          const line: BoundaryLine = { offset: pos, length: lineEnd - pos, close };
          multipart.boundaryLines.push(line);
          if (frame.mode === 'preamble' || frame.mode === 'parts') {
            // (preamble ends here; a part, if one was open, was popped above)
          }
          if (close) {
            frame.mode = 'epilogue';
            this.deactivate(multipart.boundary!);
          } else {
            frame.mode = 'parts';
            frame.sawDelimiter = true;
            const digest = multipart.contentType.subtype === 'digest';
            const child = newPart(next, multipart.depth + 1, childPath(multipart.path, multipart.children.length + 1), multipart, false);
            multipart.children.push(child);
            stack.push({ part: child, index: stack.length, mode: 'header', digestChild: digest });
          }
          pos = next;
          continue;
        }
      }

      if (top.mode === 'header') {
        this.readHeaderLine(top, pos, lineEnd, next);
      }
      pos = next;
    }

    // Count the remaining line ends for the dominant style (cheap indexOf loop).
    if (pos < len) {
      let i = text.indexOf('\n', pos);
      while (i >= 0) {
        if (i > 0 && text.charCodeAt(i - 1) === 13) this.crlf++;
        else this.lf++;
        i = text.indexOf('\n', i + 1);
      }
    }
    while (stack.length) this.finishEntity(stack.pop()!, len);

    return { root: this.root, text: this.text, eol: this.crlf >= this.lf && this.crlf > 0 ? '\r\n' : '\n', problems: this.problems, steps: this.steps };
  }

  private activate(boundary: string, frame: Frame): void {
    this.active.set(boundary, frame);
    this.lengths.set(boundary.length, (this.lengths.get(boundary.length) ?? 0) + 1);
  }

  private deactivate(boundary: string): void {
    this.active.delete(boundary);
    const n = (this.lengths.get(boundary.length) ?? 1) - 1;
    if (n > 0) this.lengths.set(boundary.length, n);
    else this.lengths.delete(boundary.length);
  }

  /** Offset of the line break that ends the line before `pos` (the delimiter's leading CRLF, RFC 2046 §5.1.1). */
  private breakBefore(pos: number): number {
    if (pos >= 2 && this.text.charCodeAt(pos - 1) === 10 && this.text.charCodeAt(pos - 2) === 13) return pos - 2;
    if (pos >= 1 && this.text.charCodeAt(pos - 1) === 10) return pos - 1;
    return pos;
  }


  private finishEntity(frame: Frame, endOffset: number): void {
    const part = frame.part;
    // Two delimiters in a row: the empty part between them shares its line break with the second one.
    if (endOffset < part.offset) endOffset = part.offset;
    if (frame.mode === 'header') {
      // The input (or the enclosing part) ended inside the header section.
      part.headerEnd = Math.max(part.offset, Math.min(endOffset, part.headerEnd));
      part.bodyOffset = endOffset;
      this.finishHeaders(frame, false);
    }
    if (endOffset < part.bodyOffset) {
      // The blank line after the headers is also the delimiter's leading line break: the body is empty.
      part.bodyOffset = endOffset;
      if (part.headerEnd > endOffset) part.headerEnd = endOffset;
      const embedded = part.embedded;
      if (embedded && embedded.offset > endOffset) {
        // The message/rfc822 body was opened after that blank line, so it is empty too: keep it inside its parent.
        // (It read no line, so it has no headers or parts to move.)
        embedded.offset = embedded.headerEnd = embedded.bodyOffset = embedded.bodyEnd = embedded.end = endOffset;
      }
    }
    part.bodyEnd = endOffset;
    part.end = endOffset;
    if (part.boundary !== undefined && frame.mode !== 'body' && frame.mode !== 'header') {
      if (this.active.get(part.boundary) === frame) this.deactivate(part.boundary);
      const anchor = frame.boundarySpan ?? { offset: part.offset, length: 0 };
      if (!frame.sawDelimiter) {
        // RFC 2046 §5.1.1: the body must contain at least one delimiter line.
        this.problems.push(problem('boundary-not-found', anchor.offset, anchor.length, this.messages['boundary-not-found'](part.boundary), { data: { boundary: part.boundary } }));
      } else if (frame.mode !== 'epilogue') {
        // RFC 2046 §5.1.1: the last part is followed by the close delimiter.
        const insertOffset = endOffset;
        this.problems.push(
          problem('closing-boundary-missing', anchor.offset, anchor.length, this.messages['closing-boundary-missing'](part.boundary), {
            data: { boundary: part.boundary, insertOffset, text: `--${part.boundary}--`, needsLineBreak: insertOffset > 0 && this.text.charCodeAt(insertOffset - 1) !== 10 },
          }),
        );
      }
    }
  }

  /** Interprets Content-Type, Content-Transfer-Encoding, Content-Disposition; decides how the body is read. */
  private finishHeaders(frame: Frame, separator: boolean): void {
    const part = frame.part;
    part.hasSeparator = separator;
    let ctField: HeaderField | undefined;
    let cteField: HeaderField | undefined;
    let cdField: HeaderField | undefined;
    for (const h of part.headers) {
      // Unfold once here, not per continuation line (a field of many lines stays linear).
      h.value = this.unfold(h);
      const n = h.name.toLowerCase();
      this.steps++;
      if (n === 'content-type' && !ctField) ctField = h;
      else if (n === 'content-transfer-encoding' && !cteField) cteField = h;
      else if (n === 'content-disposition' && !cdField) cdField = h;
    }
    // RFC 2046 §5.1.5: in a multipart/digest the default type is message/rfc822.
    part.contentType = frame.digestChild ? { type: 'message', subtype: 'rfc822', params: {}, explicit: false } : TEXT_PLAIN();
    if (ctField && ctField.colonOffset >= 0) {
      const pv = parseParameterised(this.text, ctField.valueOffset, ctField.end, this.problems, this.messages);
      this.steps += pv.head.length + pv.raw.length;
      const h = pv.head;
      // RFC 2045 §5.1: content := "Content-Type" ":" type "/" subtype *(";" parameter)
      const ok = h.length === 3 && h[0].kind === 'atom' && h[1].kind === 'special' && h[1].value === '/' && h[2].kind === 'atom';
      if (ok) {
        part.contentType = { type: h[0].value.toLowerCase(), subtype: h[2].value.toLowerCase(), params: pv.params, explicit: true };
      } else {
        const detail: Detail = h.length === 0 ? ['value-empty'] : h.length === 1 && h[0].kind === 'atom' ? ['subtype-missing', h[0].value] : ['not-type-subtype', this.text.slice(pv.valueOffset, pv.valueEnd)];
        const offset = h.length ? pv.valueOffset : ctField.nameOffset;
        const length = h.length ? pv.valueEnd - pv.valueOffset : ctField.nameLength;
        this.problems.push(problem('content-type-syntax', offset, length, this.messages['content-type-syntax'](detail)));
        // RFC 2045 §5.2: a syntactically invalid Content-Type means this.text/plain; charset=us-ascii.
        part.contentType = TEXT_PLAIN();
        if (pv.params.charset) part.contentType.params = pv.params;
      }
      if (pv.params.charset) part.charset = pv.params.charset.toLowerCase();
      if (pv.params.name !== undefined) part.filename = displayFilename(pv.params.name);
      if (part.contentType.type === 'multipart') {
        const b = pv.params.boundary;
        const raw = pv.raw.find((p) => p.name === 'boundary' || p.name.startsWith('boundary*'));
        const span = raw ? { offset: raw.valueOffset, length: raw.valueEnd - raw.valueOffset } : { offset: pv.valueOffset, length: pv.valueEnd - pv.valueOffset };
        frame.boundarySpan = span;
        if (b === undefined) {
          this.problems.push(problem('boundary-missing', span.offset, span.length, this.messages['boundary-missing'](`${part.contentType.type}/${part.contentType.subtype}`)));
        } else {
          // RFC 2046 §5.1.1: boundary := 0*69<bchars> bcharsnospace
          if (b.length === 0) this.problems.push(problem('boundary-invalid', span.offset, span.length, this.messages['boundary-invalid-empty']()));
          else if (b.length > 70) this.problems.push(problem('boundary-invalid', span.offset, span.length, this.messages['boundary-invalid-length'](b.length)));
          else {
            for (let i = 0; i < b.length; i++) {
              const c = b.charCodeAt(i);
              if (!boundaryCharOk(c) || (c === 32 && i === b.length - 1)) {
                this.problems.push(problem('boundary-invalid', span.offset, span.length, this.messages['boundary-invalid-char'](c === 32 ? ['char-trailing-space'] : ['char-quoted', b[i]])));
                break;
              }
            }
          }
          if (b.length > 0) {
            if (this.active.has(b)) {
              // RFC 2046 §5.1.2: a nested multipart must not reuse an enclosing boundary.
              this.problems.push(problem('boundary-invalid', span.offset, span.length, this.messages['boundary-invalid-reused']()));
            } else {
              part.boundary = b;
              // RFC 2046 §5.1.1: delimiters match by prefix, so a boundary that starts with an
              // enclosing one makes its own delimiter lines read as the enclosing multipart's.
              let tries = 0;
              for (const length of this.lengths.keys()) {
                if (++tries > MAX_PREFIX_LENGTHS) break;
                if (length < b.length && this.active.has(b.slice(0, length))) {
                  this.problems.push(problem('boundary-invalid', span.offset, span.length, this.messages['boundary-invalid-prefix'](b.slice(0, length))));
                  break;
                }
              }
            }
          }
        }
      }
    }
    if (cteField && cteField.colonOffset >= 0) {
      part.transferEncoding = stripComments(this.text, cteField.valueOffset, cteField.end).toLowerCase() || '7bit';
    }
    if (cdField && cdField.colonOffset >= 0) {
      const pv = parseParameterised(this.text, cdField.valueOffset, cdField.end, this.problems, this.messages);
      this.steps += pv.head.length + pv.raw.length;
      part.disposition = pv.value || undefined;
      // RFC 2183 §2: disposition := disposition-type *(";" disposition-parm), the type one token.
      if (pv.head.length === 0 && pv.raw.length === 0) {
        this.problems.push(problem('content-disposition-syntax', cdField.nameOffset, cdField.nameLength, this.messages['content-disposition-empty']()));
      } else if (pv.head.length !== 1 || pv.head[0].kind !== 'atom') {
        const shown = this.text.slice(pv.valueOffset, pv.valueEnd);
        const detail: Detail = pv.head.length === 0 ? ['value-empty'] : ['disposition-not-token', shown];
        const at = pv.head.length ? { offset: pv.valueOffset, length: pv.valueEnd - pv.valueOffset } : { offset: cdField.nameOffset, length: cdField.nameLength };
        this.problems.push(problem('content-disposition-syntax', at.offset, at.length, this.messages['content-disposition-syntax'](detail)));
        part.disposition = undefined;
      }
      if (pv.params.filename !== undefined) part.filename = displayFilename(pv.params.filename);
    }
    const ct = part.contentType;
    const wantsChildren = ct.type === 'multipart' && part.boundary !== undefined;
    const identity = part.transferEncoding === '7bit' || part.transferEncoding === '8bit' || part.transferEncoding === 'binary';
    // RFC 2046 §5.2.1 message/rfc822 and RFC 6532 §3.7 message/global hold a whole message (only in an identity encoding, RFC 2045 §6.4).
    const wantsEmbedded = ct.type === 'message' && (ct.subtype === 'rfc822' || ct.subtype === 'global') && identity;
    // An attached message's root takes its number once its type is known: a body of its own unless its parts are read.
    if (part.isMessage && part.parent) part.path = embeddedRootPath(part.parent.path, wantsChildren && part.depth < this.maxDepth);
    if ((wantsChildren || wantsEmbedded) && part.depth >= this.maxDepth) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        const anchor = ctField ?? part.headers[0];
        this.problems.push(problem('nesting-too-deep', anchor ? anchor.nameOffset : part.offset, anchor ? anchor.nameLength : 0, this.messages['nesting-too-deep'](this.maxDepth)));
      }
      part.boundary = undefined;
      frame.mode = 'body';
      return;
    }
    if (wantsChildren) {
      this.activate(part.boundary!, frame);
      frame.mode = 'preamble';
    } else if (wantsEmbedded && separator) {
      frame.mode = 'body';
      // Numbered when its header is read (its number depends on its type).
      const child = newPart(part.bodyOffset, part.depth + 1, part.path, part, true);
      part.embedded = child;
      this.stack.push({ part: child, index: this.stack.length, mode: 'header', digestChild: false });
    } else frame.mode = 'body';
  }

  /** One line of a header section (RFC 5322 §2.2, §3.6.8; obsolete forms §4.5). */
  private readHeaderLine(frame: Frame, pos: number, lineEnd: number, next: number): void {
    const part = frame.part;
    if (part.depth > 0 && part.isMessage && pos === part.offset && isMboxFromLine(this.text, pos)) {
      // A forwarded or ARF-attached message/rfc822 often keeps its mbox "From " line (RFC 4155):
      // skipped as at the top, so the attached header is read and validated as one.
      part.offset = part.headerEnd = part.bodyOffset = next;
      return;
    }
    if (lineEnd === pos) {
      // The blank line: the body follows (RFC 5322 §2.1).
      part.headerEnd = pos;
      part.bodyOffset = next;
      frame.field = undefined;
      this.finishHeaders(frame, true);
      return;
    }
    const c = this.text.charCodeAt(pos);
    if (c === 32 || c === 9) {
      if (frame.field) {
        frame.field.lines.push({ offset: pos, length: lineEnd - pos });
        frame.field.end = lineEnd;
        part.headerEnd = next;
      } else {
        // RFC 5322 §2.2.3: folding continues a field; there is none yet.
        this.problems.push(problem('continuation-first', pos, lineEnd - pos, this.messages['continuation-first']()));
        part.headerEnd = next;
      }
      return;
    }
    let colon = -1;
    for (let i = pos; i < lineEnd; i++) {
      if (this.text.charCodeAt(i) === 58) {
        colon = i;
        break;
      }
    }
    let nameEnd = colon < 0 ? lineEnd : colon;
    while (nameEnd > pos && (this.text.charCodeAt(nameEnd - 1) === 32 || this.text.charCodeAt(nameEnd - 1) === 9)) nameEnd--;
    let innerSpace = false;
    for (let i = pos; i < nameEnd; i++) {
      const d = this.text.charCodeAt(i);
      if (d === 32 || d === 9) {
        innerSpace = true;
        break;
      }
    }
    if (colon < 0 || innerSpace) {
      // Not a field: most likely the blank line before the body is missing. Like
      // CPython's feedparser (MissingHeaderBodySeparatorDefect), the body starts here.
      const shown = this.text.slice(pos, Math.min(lineEnd, pos + 40));
      this.problems.push(
        problem('header-syntax', pos, lineEnd - pos, this.messages['header-syntax'](shown + (lineEnd - pos > 40 ? '…' : '')), {
          data: { insertOffset: pos, eol: this.text.charCodeAt(lineEnd) === 13 ? '\r\n' : '\n' },
        }),
      );
      part.headerEnd = pos;
      part.bodyOffset = pos;
      frame.field = undefined;
      this.finishHeaders(frame, false);
      return;
    }
    if (nameEnd === pos) {
      this.problems.push(problem('header-name-invalid', pos, colon - pos + 1, this.messages['header-name-invalid-empty']()));
    } else {
      for (let i = pos; i < nameEnd; i++) {
        const d = this.text.charCodeAt(i);
        // RFC 5322 §3.6.8: ftext = %d33-57 / %d59-126
        if (d < 33 || d > 126) {
          const shown: Detail = d < 32 ? ['char-control', d] : d === 127 ? ['char-del'] : ['char-quoted', this.text[i]];
          this.problems.push(problem('header-name-invalid', i, 1, this.messages['header-name-invalid'](shown)));
          break;
        }
      }
      if (nameEnd < colon) {
        // RFC 5322 §4.5 obs-optional: field-name *WSP ":"
        this.problems.push(problem('header-space-before-colon', nameEnd, colon - nameEnd, this.messages['header-space-before-colon']()));
      }
    }
    const field: HeaderField = {
      name: this.text.slice(pos, nameEnd),
      value: '',
      offset: pos,
      end: lineEnd,
      nameOffset: pos,
      nameLength: nameEnd - pos,
      colonOffset: colon,
      valueOffset: colon + 1,
      lines: [{ offset: pos, length: lineEnd - pos }],
    };
    part.headers.push(field);
    frame.field = field;
    part.headerEnd = next;
  }


  private unfold(field: HeaderField): string {
    if (field.lines.length === 1) {
      // One line (the usual case): trim by offsets and slice once.
      let s = field.valueOffset;
      let e = field.end;
      while (s < e && isTrimmable(this.text.charCodeAt(s))) s++;
      while (e > s && isTrimmable(this.text.charCodeAt(e - 1))) e--;
      return this.text.slice(s, e);
    }
    const raw = this.text.slice(field.valueOffset, field.end);
    return (raw.indexOf('\n') >= 0 ? raw.replace(/\r?\n/g, '') : raw).trim();
  }
}

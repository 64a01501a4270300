/**
 * Raw non-ASCII header text as RFC 2047 encoded words, for the quick fix and
 * for Format Document: Subject and other unstructured fields word by word,
 * address fields only in display names and comments (§5 (3)); lines folded
 * at 78 characters (RFC 5322 §2.1.1, §2.2.3).
 */
import { encodeEncodedWord } from '../message/encodings';
import { lookupLowerField } from '../message/fieldCatalog';
import { walkParts, type HeaderField } from '../message/model';
import { parseMessage } from '../message/parse';
import { ADDRESS_FIELDS } from '../message/validate';

/**
 * Whether encoded words may go into the field `name` (lower case): the field
 * table says so for the fields it knows (RFC 2047 §5: unstructured text,
 * comments and phrases, never ids, dates, tokens or URLs). Of the fields it
 * does not know, other MIME fields are structured (RFC 2045 §9) and the rest
 * are taken as unstructured text (RFC 5322 §3.6.8 optional fields).
 */
function allowsEncodedWords(name: string): boolean {
  const info = lookupLowerField(name);
  return info ? info.encodedWords : !name.startsWith('content-');
}

/** Longest line written (RFC 5322 §2.1.1 SHOULD). */
const LINE = 78;

/** A field's text folded at its spaces so that lines stay within 78 characters where a space allows (RFC 5322 §2.2.3). */
export function foldAtSpaces(field: string, eol: string): string {
  const unfolded = field.replace(/\r?\n(?=[ \t])/g, '');
  if (unfolded.length <= LINE) return unfolded;
  const words = unfolded.split(' ');
  let out = words[0];
  let line = words[0].length;
  for (const w of words.slice(1)) {
    if (line + 1 + w.length > LINE && line > 0 && w !== '') {
      out += `${eol} ${w}`;
      line = 1 + w.length;
    } else {
      out += ` ${w}`;
      line += 1 + w.length;
    }
  }
  return out;
}

/**
 * The field `h` of `text` with its raw non-ASCII words encoded, folded at 78;
 * undefined when there is nothing to encode or it cannot be done (a field
 * that allows no encoded words, non-ASCII inside an addr-spec).
 */
export function encodeField(text: string, h: HeaderField, eol: '\r\n' | '\n'): string | undefined {
  if (h.colonOffset < 0) return undefined;
  const name = h.name.toLowerCase();
  if (!allowsEncodedWords(name)) return undefined;
  const structured = ADDRESS_FIELDS.has(name);
  /** Spans to replace by encoded words, in order; `plain` is the text they carry. */
  const pieces: Array<{ from: number; to: number; plain: string; atLineStart: boolean; atLineEnd: boolean }> = [];
  let inAngle = false;
  for (const line of h.lines) {
    const start = Math.max(line.offset, h.valueOffset);
    const end = line.offset + line.length;
    // Tokens: quoted strings, runs of word characters, and single separators.
    const re = structured ? /"(?:[^"\\\r\n]|\\.)*"?|[^\s"<>,;:@()]+|[<>,;:@()]|\s+/g : /\S+|\s+/g;
    const segment = text.slice(start, end);
    let run: { from: number; to: number } | undefined; // a run of non-ASCII words (document offsets)
    const add = (from: number, to: number, plain: string): void => {
      pieces.push({ from, to, plain, atLineStart: text.slice(start, from).trim() === '', atLineEnd: text.slice(to, end).trim() === '' });
    };
    const flush = (): void => {
      if (run) add(run.from, run.to, text.slice(run.from, run.to));
      run = undefined;
    };
    let m: RegExpExecArray | null;
    while ((m = re.exec(segment))) {
      const tok = m[0];
      const tokStart = start + m.index;
      const tokEnd = tokStart + tok.length;
      const nonAscii = /[^\x00-\x7f]/.test(tok);
      if (/^\s+$/.test(tok)) continue; // white space joins the words of one run
      if (structured && (tok === '<' || tok === '>')) {
        flush();
        inAngle = tok === '<';
      } else if (structured && tok.startsWith('"')) {
        // RFC 2047 §5 (3): no encoded word inside a quoted string; the whole string becomes one.
        flush();
        if (nonAscii) add(tokStart, tokEnd, tok.slice(1, tok.endsWith('"') && tok.length > 1 ? -1 : undefined).replace(/\\(.)/g, '$1'));
      } else if (structured && /^[,;:@()]$/.test(tok)) {
        flush();
      } else if (nonAscii && structured && (inAngle || text[tokEnd] === '@' || text[tokStart - 1] === '@')) {
        return undefined; // non-ASCII in an addr-spec: no encoded word may go there
      } else if (nonAscii) {
        run = run ? { from: run.from, to: tokEnd } : { from: tokStart, to: tokEnd };
      } else {
        flush(); // an ASCII word stays readable as it is
      }
    }
    flush();
  }
  if (!pieces.length) return undefined;
  let field = text.slice(h.offset, h.end);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i];
    // RFC 2047 §6.2: white space between two encoded words is dropped, so a fold
    // between two encoded pieces would lose its space: carry it inside the first.
    const next = pieces[i + 1];
    const plain = p.atLineEnd && next?.atLineStart ? `${p.plain} ` : p.plain;
    field = field.slice(0, p.from - h.offset) + encodeEncodedWord(plain) + field.slice(p.to - h.offset);
  }
  return field.split(/\r?\n/).some((l) => l.length > LINE) ? foldAtSpaces(field, eol) : field;
}

/** One replacement of a field's text. */
export interface FieldEdit {
  offset: number;
  end: number;
  text: string;
}

/** Every field of every header section of the message in `text` with raw non-ASCII text, encoded (Format Document). */
export function encodeHeaderEdits(text: string): FieldEdit[] {
  const parsed = parseMessage(text);
  const edits: FieldEdit[] = [];
  walkParts(parsed.root, (part) => {
    for (const h of part.headers) {
      let ascii = true;
      for (let i = h.offset; i < h.end && ascii; i++) if (text.charCodeAt(i) > 126) ascii = false;
      if (ascii) continue;
      const encoded = encodeField(text, h, parsed.eol);
      if (encoded !== undefined) edits.push({ offset: h.offset, end: h.end, text: encoded });
    }
  });
  return edits;
}

/**
 * A tokenizer for structured header values (RFC 5322 §3.2, RFC 2045 §5.1).
 *
 * It reads the RAW slice of the document (`text`, `start`..`end`), so folds
 * (CRLF + WSP) are simply white space and every token keeps its absolute
 * offset. Comments nest (RFC 5322 §3.2.2); quoted pairs are honoured in
 * quoted strings, comments and domain literals. Linear, no regexes.
 */

/** Kinds of tokens. `atom` is a run of non-special, non-space characters. */
export type TokenKind = 'atom' | 'quoted' | 'comment' | 'literal' | 'special';

export interface Token {
  kind: TokenKind;
  /** Absolute offset of the token's first character (the quote or parenthesis included). */
  offset: number;
  /** Absolute end (exclusive). */
  end: number;
  /** For atoms and specials the text; for quoted strings, comments and literals the content with quoted pairs resolved. */
  value: string;
  /** True when a quoted string, comment or literal runs to the end without closing. */
  unterminated?: boolean;
  /** True when white space (or a comment) comes before this token. */
  spaceBefore: boolean;
}

/** RFC 5322 §3.2.3 specials. */
export const RFC5322_SPECIALS = '()<>[]:;@\\,."';
const ATEXT_ASCII = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~") ATEXT_ASCII[ch.charCodeAt(0)] = 1;

/**
 * RFC 5322 §3.2.3 atext, the ASCII characters an atom is made of: printable
 * ASCII but the specials, space, quote and parentheses (RFC 5321 §4.1.2 Atom uses it too).
 */
export function isAsciiAtext(c: number): boolean {
  return c < 128 && ATEXT_ASCII[c] === 1;
}

/** RFC 2045 §5.1 tspecials. */
export const MIME_TSPECIALS = '()<>@,;:\\"/[]?=';

/** A lookup of the specials by character code (specials are ASCII), built once per grammar. */
interface SpecialTable {
  has(c: number): boolean;
}
const SPECIAL_TABLES = new Map<string, SpecialTable>();

function specialTable(specials: string): SpecialTable {
  let table = SPECIAL_TABLES.get(specials);
  if (!table) {
    const bits = new Uint8Array(128);
    for (let i = 0; i < specials.length; i++) if (specials.charCodeAt(i) < 128) bits[specials.charCodeAt(i)] = 1;
    table = { has: (c: number): boolean => c < 128 && bits[c] === 1 };
    // Callers pass one of the two constants above (or ''); bounded in case of others.
    if (SPECIAL_TABLES.size < 16) SPECIAL_TABLES.set(specials, table);
  }
  return table;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Tokenizes text[start, end). `specials` chooses the grammar: RFC 5322
 * (addresses, dates, message ids) or MIME (Content-Type parameters).
 * Comments are returned as tokens when `keepComments`, otherwise skipped.
 */
export function tokenize(text: string, start: number, end: number, specials: string, keepComments = false): Token[] {
  const tokens: Token[] = [];
  const specialSet = specialTable(specials);
  let i = start;
  let space = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
      continue;
    }
    if (c === 0x28 /* ( */) {
      // Nested comment: depth counter, no recursion.
      let depth = 0;
      let j = i;
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) {
          j++;
          continue;
        }
        if (d === 0x28) depth++;
        else if (d === 0x29) {
          depth--;
          if (depth === 0) break;
        }
      }
      const unterminated = j >= end;
      const tokEnd = unterminated ? end : j + 1;
      // The comment's text is copied only when it is kept.
      if (keepComments) tokens.push({ kind: 'comment', offset: i, end: tokEnd, value: text.slice(i + 1, Math.min(j, end)), unterminated, spaceBefore: space });
      space = true;
      i = tokEnd;
      continue;
    }
    if (c === 0x22 /* " */ || (c === 0x5b /* [ */ && specialSet.has(0x5b) && specials === RFC5322_SPECIALS)) {
      const close = c === 0x22 ? 0x22 : 0x5d;
      let j = i + 1;
      // Built by concatenation rather than an array and join: most quoted strings have no
      // quoted pair, and then the value is one slice with nothing else allocated.
      let value = '';
      let seg = j;
      for (; j < end; j++) {
        const d = text.charCodeAt(j);
        if (d === 0x5c && j + 1 < end) {
          value += text.slice(seg, j);
          seg = j + 1;
          j++;
          continue;
        }
        if (d === close) break;
      }
      const unterminated = j >= end;
      value += text.slice(seg, Math.min(j, end));
      // Unfold inside quoted strings: drop line breaks (RFC 5322 §3.2.4 with §2.2.3).
      if (value.indexOf('\n') >= 0) value = value.replace(/\r?\n/g, '');
      tokens.push({ kind: c === 0x22 ? 'quoted' : 'literal', offset: i, end: unterminated ? end : j + 1, value, unterminated, spaceBefore: space });
      space = false;
      i = unterminated ? end : j + 1;
      continue;
    }
    if (specialSet.has(c)) {
      tokens.push({ kind: 'special', offset: i, end: i + 1, value: text[i], spaceBefore: space });
      space = false;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isSpace(d) || specialSet.has(d) || d === 0x28 || d === 0x22) break;
      j++;
    }
    tokens.push({ kind: 'atom', offset: i, end: j, value: text.slice(i, j), spaceBefore: space });
    space = false;
    i = j;
  }
  return tokens;
}

/** Removes comments and folds from a raw value and trims it (for simple fields like MIME-Version). */
export function stripComments(text: string, start: number, end: number): string {
  const tokens = tokenize(text, start, end, '');
  let out = '';
  for (const t of tokens) {
    if (out && t.spaceBefore) out += ' ';
    out += t.kind === 'quoted' ? t.value : text.slice(t.offset, t.end);
  }
  return out;
}

/**
 * DKIM tag lists (RFC 6376 §3.2), as used by DKIM-Signature, ARC-Seal,
 * ARC-Message-Signature and DKIM key records: `name=value; name=value`,
 * with folding white space allowed around names, `=` and values.
 *
 * Lenient and position-keeping: every tag keeps the offsets of its name and
 * value in the text, so diagnostics point at `bh=` or `b=` exactly; a
 * malformed piece is recorded and parsing goes on at the next `;`.
 */

/** One `name=value` of a tag list. */
export interface Tag {
  /** The tag name as written (tag names are case-sensitive, RFC 6376 §3.2). */
  name: string;
  /** The value with all white space removed (no DKIM tag value keeps any, RFC 6376 §3.5). */
  value: string;
  /** Start of the tag name. */
  offset: number;
  /** End of the value (before trailing white space and the `;`). */
  end: number;
  /** Start of the value (after `=` and white space); `end` when the value is empty. */
  valueOffset: number;
  /**
   * The span to blank when the value is "treated as the empty string"
   * (RFC 6376 §3.7: the b= value including all surrounding white space):
   * from just after `=` to the `;` or the end of the list.
   */
  blankFrom: number;
  blankTo: number;
}

/** Why a piece of a tag list is malformed. */
export type TagProblem =
  | { kind: 'no-equals'; offset: number; length: number; text: string }
  | { kind: 'bad-name'; offset: number; length: number; text: string }
  | { kind: 'duplicate'; offset: number; length: number; name: string };

/** A parsed tag list. */
export interface TagList {
  tags: Tag[];
  /** Tags by name (the first of duplicates). */
  byName: Map<string, Tag>;
  problems: TagProblem[];
}

const isWhite = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;

/** RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC (ALNUMPUNC = ALPHA / DIGIT / "_"). */
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Parses the tag list in `text` from `from` to `to`. */
export function parseTagList(text: string, from: number, to: number): TagList {
  const tags: Tag[] = [];
  const byName = new Map<string, Tag>();
  const problems: TagProblem[] = [];
  let pos = from;
  while (pos <= to) {
    let semi = text.indexOf(';', pos);
    if (semi < 0 || semi > to) semi = to;
    let s = pos;
    let e = semi;
    while (s < e && isWhite(text.charCodeAt(s))) s++;
    while (e > s && isWhite(text.charCodeAt(e - 1))) e--;
    if (s < e) {
      const eq = text.indexOf('=', s);
      if (eq < 0 || eq >= e) {
        problems.push({ kind: 'no-equals', offset: s, length: e - s, text: text.slice(s, e) });
      } else {
        let ne = eq;
        while (ne > s && isWhite(text.charCodeAt(ne - 1))) ne--;
        const name = text.slice(s, ne);
        if (!TAG_NAME.test(name)) {
          problems.push({ kind: 'bad-name', offset: s, length: Math.max(1, ne - s), text: name });
        } else {
          let vs = eq + 1;
          while (vs < e && isWhite(text.charCodeAt(vs))) vs++;
          const raw = text.slice(vs, e);
          const tag: Tag = { name, value: /\s/.test(raw) ? raw.replace(/\s+/g, '') : raw, offset: s, end: e, valueOffset: vs, blankFrom: eq + 1, blankTo: semi };
          tags.push(tag);
          if (byName.has(name)) problems.push({ kind: 'duplicate', offset: s, length: ne - s, name });
          else byName.set(name, tag);
        }
      }
    }
    if (semi >= to) break;
    pos = semi + 1;
  }
  return { tags, byName, problems };
}

/**
 * Content-Type / Content-Disposition values: `type/subtype; name=value ...`
 * (RFC 2045 §5.1, RFC 2183 §2) with RFC 2231 continuations, charsets and
 * languages (`name*0*=utf-8''a%20b; name*1=c`). Works on the raw document
 * slice so every problem has an exact range.
 */
import { problem, type Problem } from '../codes';
import { tokenize, MIME_TSPECIALS, type Token } from './lexer';
import { ENGLISH_MESSAGES, type Detail, type MessageTable } from './messages';
import { decodeCharset, decodeEncodedWords } from './encodings';

/** One parameter as written (before RFC 2231 joining). */
export interface RawParameter {
  /** Lowercased name as written, e.g. `filename*0*`. */
  name: string;
  value: string;
  nameOffset: number;
  valueOffset: number;
  valueEnd: number;
  /** True when the value is a quoted string that never closes. */
  unterminated?: boolean;
}

/** Result of parsing a parameterised field. */
export interface ParameterisedValue {
  /** Everything before the first `;`, lowercased, e.g. `text/plain` or `attachment`. */
  value: string;
  valueOffset: number;
  valueEnd: number;
  /** The value's atoms/specials before the first `;` (for type/subtype checks). */
  head: Token[];
  /** Joined and decoded parameters. */
  params: Record<string, string>;
  raw: RawParameter[];
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Parameter names seen in nearly every message, as the program's own (interned) strings. */
const COMMON_NAMES = new Map(
  ['charset', 'boundary', 'name', 'filename', 'format', 'delsp', 'type', 'start', 'start-info', 'protocol', 'micalg', 'size', 'creation-date', 'modification-date', 'read-date', 'report-type', 'method', 'reply-type', 'access-type', 'smime-type', 'id', 'differences', 'number', 'total'].map((n) => [n, n]),
);

/**
 * Returns the interned copy of a common name: a fresh string used as an object
 * key costs a string-table lookup per use, which dominated parsing a message of
 * 1000 nested multiparts.
 */
function commonName(name: string): string {
  return COMMON_NAMES.get(name) ?? name;
}

/** RFC 2231 §4: percent-decodes an extended value; returns undefined on a bad `%`. */
function percentDecode(s: string): { bytes: Buffer; bad?: number } {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      const a = hex(s.charCodeAt(i + 1));
      const b = hex(s.charCodeAt(i + 2));
      if (a < 0 || b < 0) {
        return { bytes: Buffer.from(out), bad: i };
      }
      out.push((a << 4) | b);
      i += 2;
    } else if (c < 0x80) out.push(c);
    else for (const b of Buffer.from(s[i], 'utf8')) out.push(b);
  }
  return { bytes: Buffer.from(out) };
}

/**
 * Parses `text[start, end)` as `value *(";" parameter)`. Problems (code
 * `parameter-syntax`) are appended to `problems`; the caller checks the head.
 */
export function parseParameterised(text: string, start: number, end: number, problems: Problem[], messages: MessageTable = ENGLISH_MESSAGES): ParameterisedValue {
  const tokens = tokenize(text, start, end, MIME_TSPECIALS);
  let i = 0;
  const head: Token[] = [];
  while (i < tokens.length && !(tokens[i].kind === 'special' && tokens[i].value === ';')) head.push(tokens[i++]);
  const valueOffset = head.length ? head[0].offset : start;
  const valueEnd = head.length ? head[head.length - 1].end : start;
  const value = head.map((t) => t.value).join('').toLowerCase();
  const raw: RawParameter[] = [];
  while (i < tokens.length) {
    // tokens[i] is ';'
    i++;
    const segStart = i;
    while (i < tokens.length && !(tokens[i].kind === 'special' && tokens[i].value === ';')) i++;
    const seg = tokens.slice(segStart, i);
    if (seg.length === 0) continue; // empty parameter (trailing ';') is tolerated by every reader
    const nameTok = seg[0];
    if (nameTok.kind !== 'atom') {
      problems.push(problem('parameter-syntax', nameTok.offset, nameTok.end - nameTok.offset, messages['parameter-syntax'](['param-name-expected'])));
      continue;
    }
    if (seg.length < 2 || seg[1].kind !== 'special' || seg[1].value !== '=') {
      problems.push(problem('parameter-syntax', nameTok.offset, seg[seg.length - 1].end - nameTok.offset, messages['parameter-syntax'](['param-no-equals', nameTok.value])));
      continue;
    }
    const valueTokens = seg.slice(2);
    if (valueTokens.length === 0) {
      problems.push(problem('parameter-syntax', nameTok.offset, seg[1].end - nameTok.offset, messages['parameter-syntax'](['param-no-value', nameTok.value])));
      continue;
    }
    let pvalue: string;
    const first = valueTokens[0];
    const last = valueTokens[valueTokens.length - 1];
    if (first.kind === 'quoted' && first.unterminated) {
      problems.push(problem('parameter-syntax', first.offset, 1, messages['parameter-syntax'](['param-quote-unclosed', nameTok.value])));
      // Readers stop a runaway quoted value at the next ";" (no regex: linear on long values).
      const semi = first.value.indexOf(';');
      pvalue = (semi >= 0 ? first.value.slice(0, semi) : first.value).trimEnd();
    } else if (valueTokens.length === 1 && (first.kind === 'atom' || first.kind === 'quoted')) {
      pvalue = first.value;
    } else {
      // RFC 2045 §5.1: a value holding tspecials must be a quoted string.
      pvalue = text.slice(first.offset, last.end).replace(/\r?\n/g, '');
      const bad = valueTokens.find((t) => t.kind === 'special');
      const ch = bad ? bad.value : pvalue.includes('(') ? '(' : undefined;
      const detail: Detail = ch !== undefined ? ['param-needs-quotes', nameTok.value, ch] : ['param-needs-quotes-space', nameTok.value];
      problems.push(problem('parameter-syntax', first.offset, last.end - first.offset, messages['parameter-syntax'](detail)));
    }
    raw.push({ name: commonName(nameTok.value.toLowerCase()), value: pvalue, nameOffset: nameTok.offset, valueOffset: first.offset, valueEnd: last.end, unterminated: first.kind === 'quoted' && first.unterminated });
  }
  return { value, valueOffset, valueEnd, head, params: joinParameters(raw, problems, messages), raw };
}

/** RFC 2231 §3-§4: joins `name*0`, `name*1*`, ... and decodes `charset'lang'%XX` values. */
export function joinParameters(raw: RawParameter[], problems: Problem[], messages: MessageTable = ENGLISH_MESSAGES): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  if (!raw.some((p) => p.name.includes('*'))) {
    // The usual case, no RFC 2231 sections: each name once, values as written.
    for (const p of raw) {
      if (p.name in params) {
        // RFC 2045 §5.1 lists each parameter once; a repeat is ambiguous.
        problems.push(problem('parameter-syntax', p.nameOffset, p.name.length, messages['parameter-syntax'](['param-repeated', p.name])));
      } else params[p.name] = p.value;
    }
    return params;
  }
  const groups = new Map<string, { index: number; extended: boolean; p: RawParameter }[]>();
  const seen = new Set<string>();
  for (const p of raw) {
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(p.name);
    if (!m || (m[2] === undefined && !m[3] && p.name.includes('*'))) {
      problems.push(problem('parameter-syntax', p.nameOffset, p.name.length, messages['parameter-syntax'](['param-name-invalid', p.name])));
      continue;
    }
    const base = m[1];
    if (seen.has(p.name)) {
      // RFC 2045 §5.1 lists each parameter once; a repeat is ambiguous.
      problems.push(problem('parameter-syntax', p.nameOffset, p.name.length, messages['parameter-syntax'](['param-repeated', p.name])));
      continue;
    }
    seen.add(p.name);
    if (m[2] === undefined) {
      if (m[3]) groups.set(base + '*', [{ index: 0, extended: true, p }]);
      else params[base] = p.value;
      continue;
    }
    if (m[2].length > 1 && m[2].startsWith('0')) {
      problems.push(problem('parameter-syntax', p.nameOffset, p.name.length, messages['parameter-syntax'](['param-leading-zero', p.name])));
    }
    const list = groups.get(base) ?? [];
    list.push({ index: Number(m[2]), extended: !!m[3], p });
    groups.set(base, list);
  }
  for (const [key, list] of groups) {
    const single = key.endsWith('*');
    const base = single ? key.slice(0, -1) : key;
    list.sort((a, b) => a.index - b.index);
    let charset = '';
    const bytes: Buffer[] = [];
    let ok = true;
    for (let k = 0; k < list.length; k++) {
      const { index, extended, p } = list[k];
      if (!single && index !== k) {
        problems.push(problem('parameter-syntax', p.nameOffset, p.name.length, messages['parameter-syntax'](['param-section-missing', base, k, p.name])));
        ok = false;
        break;
      }
      let v = p.value;
      if (extended) {
        if (k === 0) {
          // RFC 2231 §4: the first extended section starts with charset'language'.
          const q1 = v.indexOf("'");
          const q2 = q1 >= 0 ? v.indexOf("'", q1 + 1) : -1;
          if (q2 < 0) {
            problems.push(problem('parameter-syntax', p.valueOffset, p.valueEnd - p.valueOffset, messages['parameter-syntax'](['param-extended-prefix', p.name])));
          } else {
            charset = v.slice(0, q1);
            v = v.slice(q2 + 1);
          }
        }
        const d = percentDecode(v);
        if (d.bad !== undefined) {
          problems.push(problem('parameter-syntax', p.valueOffset, p.valueEnd - p.valueOffset, messages['parameter-syntax'](['param-percent', p.name])));
        }
        bytes.push(d.bytes);
      } else bytes.push(Buffer.from(v, 'utf8'));
    }
    if (!ok && bytes.length === 0) continue;
    const joined = Buffer.concat(bytes);
    // An extended value wins over a plain one of the same name (RFC 2231 §4, last paragraph in practice).
    params[base] = charset ? decodeCharset(joined, charset) : joined.toString('utf8');
  }
  return params;
}

/** Decodes a filename the way readers do: RFC 2047 words inside quoted values are common practice. */
export function displayFilename(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value.includes('=?') ? decodeEncodedWords(value).text : value;
}

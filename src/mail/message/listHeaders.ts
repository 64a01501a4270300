/**
 * List-Unsubscribe (RFC 2369 §2, §3.2) and one-click List-Unsubscribe-Post
 * (RFC 8058 §3.1): the value is a comma list of URIs in angle brackets, with
 * comments and white space around them (and folding inside them) ignored.
 */
import { problem, type Problem } from '../codes';
import { ENGLISH_MESSAGES, type MessageTable } from './messages';
import type { HeaderField } from './model';

/** RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":". */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** The URIs of one List-Unsubscribe value, and its faults. */
interface ListValue {
  uris: string[];
  problems: Problem[];
}

/** Index after the white space and comments (nested, RFC 5322 §3.2.2) at `i`. */
function skipCfws(text: string, i: number, end: number): number {
  for (;;) {
    while (i < end && ' \t\r\n'.includes(text[i])) i++;
    if (i >= end || text.charCodeAt(i) !== 40 /* ( */) return i;
    let depth = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 /* \ */) i++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) {
        i++;
        break;
      }
    }
  }
}

/** The span from `i` up to the next comma (or `end`), trailing white space left out. */
function untilComma(text: string, i: number, end: number): { offset: number; length: number; next: number } {
  let j = text.indexOf(',', i);
  if (j < 0 || j > end) j = end;
  let e = j;
  while (e > i && ' \t\r\n'.includes(text[e - 1])) e--;
  return { offset: i, length: Math.max(1, e - i), next: j < end ? j + 1 : end };
}

/** Reads `<URI>, <URI>` from text[start, end) (RFC 2369 §2). Linear: each character is looked at a bounded number of times. */
function readListValue(text: string, start: number, end: number, messages: MessageTable): ListValue {
  const uris: string[] = [];
  const problems: Problem[] = [];
  const bad = (offset: number, length: number, detail: Parameters<MessageTable['list-unsubscribe-syntax']>[0]): void => {
    problems.push(problem('list-unsubscribe-syntax', offset, length, messages['list-unsubscribe-syntax'](detail)));
  };
  let i = skipCfws(text, start, end);
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      // An empty list element: tolerated, as the address lists of RFC 5322 §4.4 are.
      i = skipCfws(text, i + 1, end);
      continue;
    }
    if (c !== 60 /* < */) {
      const s = untilComma(text, i, end);
      bad(s.offset, s.length, ['list-uri-not-bracketed', text.slice(s.offset, s.offset + s.length)]);
      i = skipCfws(text, s.next, end);
      continue;
    }
    const close = text.indexOf('>', i + 1);
    if (close < 0 || close >= end) {
      let e = end;
      while (e > i && ' \t\r\n'.includes(text[e - 1])) e--;
      bad(i, e - i, ['angle-unclosed']);
      break;
    }
    // RFC 2369 §2: white space inside the brackets (a folded long URI) is ignored.
    const uri = text.slice(i + 1, close).replace(/[ \t\r\n]+/g, '');
    if (uri === '') bad(i, close + 1 - i, ['list-uri-empty']);
    else if (!SCHEME.test(uri)) bad(i, close + 1 - i, ['list-uri-scheme', uri]);
    else uris.push(uri);
    i = skipCfws(text, close + 1, end);
    if (i < end && text.charCodeAt(i) !== 44) {
      const s = untilComma(text, i, end);
      bad(s.offset, s.length, ['list-after-uri', text.slice(s.offset, s.offset + s.length)]);
      i = skipCfws(text, s.next, end);
      continue;
    }
    if (i < end) i = skipCfws(text, i + 1, end);
  }
  return { uris, problems };
}

/**
 * Problems of a message's List-Unsubscribe and List-Unsubscribe-Post fields
 * (each list is every occurrence in the header, in order).
 */
export function checkListUnsubscribe(text: string, unsubscribe: HeaderField[] | undefined, post: HeaderField[] | undefined, messages: MessageTable = ENGLISH_MESSAGES): Problem[] {
  const out: Problem[] = [];
  const uris: string[] = [];
  for (const h of unsubscribe ?? []) {
    if (h.colonOffset < 0) continue;
    const v = readListValue(text, h.valueOffset, h.end, messages);
    if (v.uris.length === 0 && v.problems.length === 0) {
      out.push(problem('list-unsubscribe-syntax', h.nameOffset, h.nameLength, messages['list-unsubscribe-syntax'](['field-empty', h.name])));
    }
    out.push(...v.problems);
    uris.push(...v.uris);
  }
  const first = post?.find((h) => h.colonOffset >= 0);
  if (first) {
    const value = text.slice(first.valueOffset, first.end).replace(/[ \t\r\n]+/g, '');
    // RFC 8058 §3.1: the field MUST hold the single key/value pair "List-Unsubscribe=One-Click".
    if (value.toLowerCase() !== 'list-unsubscribe=one-click') {
      let s = first.valueOffset;
      let e = first.end;
      while (s < e && ' \t\r\n'.includes(text[s])) s++;
      while (e > s && ' \t\r\n'.includes(text[e - 1])) e--;
      const at = e > s ? { offset: s, length: e - s } : { offset: first.nameOffset, length: first.nameLength };
      out.push(problem('list-unsubscribe-syntax', at.offset, at.length, messages['list-unsubscribe-post-value'](text.slice(s, e))));
    }
    // RFC 8058 §3.1: one-click needs an HTTPS URI in List-Unsubscribe to POST to.
    if (!unsubscribe?.length) {
      out.push(problem('list-unsubscribe-syntax', first.nameOffset, first.nameLength, messages['list-unsubscribe-post-alone']()));
    } else if (!uris.some((u) => /^https:/i.test(u))) {
      out.push(problem('list-unsubscribe-syntax', first.nameOffset, first.nameLength, messages['list-unsubscribe-post-no-https']()));
    }
  }
  return out;
}

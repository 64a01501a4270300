/**
 * RFC 5322 §3.4 address lists (with the obsolete forms of §4.4 that readers
 * must accept: phrases with dots, routes, CFWS around dots, empty list
 * elements).
 *
 * Positions: the parser reads the RAW value slice of the document, i.e.
 * `text.slice(field.valueOffset, field.end)` with the folds (CRLF + WSP) still
 * in it; folds and comments are white space to the tokenizer. So every offset
 * is simply `baseOffset + index in value`, absolute in the document, with no
 * mapping from an unfolded string back to the text.
 *
 * An addr-spec is not always an SMTP path: RFC 5322 allows "_" or a leading
 * hyphen in a dot-atom domain, folding white space in a domain literal and the
 * obsolete local parts, RFC 5321 §4.1.2 does not. The two grammars share the
 * atom characters (`isAsciiAtext`, ./lexer.ts, the complement of the specials
 * this tokenizer splits on); whether an address read here can go into
 * MAIL FROM / RCPT TO is ../mailbox.ts's to say, and the envelope asks it.
 */
import { problem, type Problem } from '../codes';
import { tokenize, RFC5322_SPECIALS, type Token } from './lexer';
import { ENGLISH_MESSAGES, type Detail, type MessageTable } from './messages';
import { decodeEncodedWords } from './encodings';

/** One mailbox: `Name <local@domain>` or `local@domain`. */
export interface Mailbox {
  kind: 'mailbox';
  /** Display name with quotes removed and encoded words decoded. */
  displayName?: string;
  /** The addr-spec `local@domain` (quoted local parts keep their quotes). */
  address: string;
  /** Absolute offset of the mailbox in the document. */
  offset: number;
  length: number;
  /** Absolute span of the addr-spec alone. */
  addressOffset: number;
  addressLength: number;
}

/** A group: `name: member, member;` (RFC 5322 §3.4). */
export interface Group {
  kind: 'group';
  name: string;
  members: Mailbox[];
  offset: number;
  length: number;
}

export type AddressItem = Mailbox | Group;

/** Flattens groups into their members, keeping order. */
export function mailboxesOf(items: readonly AddressItem[]): Mailbox[] {
  const out: Mailbox[] = [];
  for (const item of items) {
    if (item.kind === 'mailbox') out.push(item);
    else out.push(...item.members);
  }
  return out;
}

function isSpecial(t: Token | undefined, ch: string): boolean {
  return !!t && t.kind === 'special' && t.value === ch;
}

function hasBadAtomChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 33 || c === 127) return true;
  }
  return false;
}

class Failure {
  constructor(
    readonly at: Token | undefined,
    readonly detail: Detail,
  ) {}
}

/**
 * Parses an address list. `value` is the raw slice of the document (folds
 * included), `baseOffset` its offset in the document. Never throws; a bad
 * element is reported (`address-syntax`, range = that element) and skipped.
 */
export function parseAddressList(value: string, baseOffset: number, messages: MessageTable = ENGLISH_MESSAGES): { items: AddressItem[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const tokens = tokenize(value, 0, value.length, RFC5322_SPECIALS);
  for (const t of tokens) {
    t.offset += baseOffset;
    t.end += baseOffset;
  }
  const items: AddressItem[] = [];
  let i = 0;
  const n = tokens.length;

  const fail = (at: Token | undefined, detail: Detail): never => {
    throw new Failure(at, detail);
  };

  /** Skips to the next ',' (or ';' when `inGroup`) and reports the element from `start`. */
  const recover = (start: number, f: Failure, inGroup: boolean): void => {
    let j = Math.max(i, start);
    while (j < n && !isSpecial(tokens[j], ',') && !(inGroup && isSpecial(tokens[j], ';'))) j++;
    const first = tokens[start] ?? tokens[n - 1];
    const lastTok = tokens[Math.max(start, j - 1)] ?? first;
    const offset = first ? first.offset : baseOffset;
    const length = first ? Math.max(lastTok.end - offset, 1) : 0;
    problems.push(problem('address-syntax', offset, length, messages['address-syntax'](f.detail)));
    i = j;
  };

  const phraseText = (from: number, to: number): string => {
    let s = '';
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (s && t.spaceBefore) s += ' ';
      s += t.value;
    }
    return s.includes('=?') ? decodeEncodedWords(s).text : s;
  };

  const checkQuotedWords = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const t = tokens[k];
      if (t.kind === 'quoted' && t.unterminated) fail(t, ['quote-unclosed']);
      if (t.kind === 'quoted' && t.value.includes('=?')) {
        // RFC 2047 §5 (3): an encoded word must not appear within a quoted string.
        const words = decodeEncodedWords(t.value).words;
        if (words.length) {
          problems.push(problem('encoded-word-invalid', t.offset, t.end - t.offset, messages['encoded-word-invalid'](['encoded-word-in-quotes'])));
        }
      }
      if (t.kind === 'atom' && hasBadAtomChar(t.value)) fail(t, ['control-char']);
    }
  };

  /** addr-spec = local-part "@" domain (RFC 5322 §3.4.1, obs forms §4.4). Reads from i; returns the addr-spec text. */
  const readAddrSpec = (stop: (t: Token) => boolean): { address: string; offset: number; end: number } => {
    const startTok = tokens[i];
    if (!startTok || stop(startTok)) fail(startTok, ['address-missing']);
    let local = '';
    let expectWord = true;
    while (i < n && !isSpecial(tokens[i], '@') && !stop(tokens[i])) {
      const t = tokens[i];
      if (expectWord) {
        if (t.kind === 'atom' && t.value.includes('=?') && decodeEncodedWords(t.value).words.length) {
          // RFC 2047 §5 (3): an encoded word must not appear in any portion of an addr-spec.
          problems.push(problem('encoded-word-invalid', t.offset, t.end - t.offset, messages['encoded-word-invalid'](['encoded-word-in-address'])));
        }
        if (t.kind === 'atom') local += t.value;
        else if (t.kind === 'quoted') {
          if (t.unterminated) fail(t, ['quote-unclosed']);
          if (t.value.includes('=?') && decodeEncodedWords(t.value).words.length) {
            // RFC 2047 §5: encoded words are not allowed in an addr-spec.
            problems.push(problem('encoded-word-invalid', t.offset, t.end - t.offset, messages['encoded-word-invalid'](['encoded-word-in-address'])));
          }
          local += value.slice(t.offset - baseOffset, t.end - baseOffset);
        } else fail(t, t.kind === 'special' && t.value === '.' ? ['local-empty-piece'] : ['local-char', t.value]);
        if (t.kind === 'atom' && hasBadAtomChar(t.value)) fail(t, ['control-char']);
        expectWord = false;
      } else {
        if (!isSpecial(t, '.')) fail(t, ['local-char-unquoted', t.value]);
        local += '.';
        expectWord = true;
      }
      i++;
    }
    if (!isSpecial(tokens[i], '@')) fail(tokens[i - 1] ?? startTok, ['domain-absent']);
    if (expectWord) fail(tokens[i], ['local-empty-or-dot']);
    const at = tokens[i];
    i++;
    let domain = '';
    expectWord = true;
    while (i < n && !stop(tokens[i])) {
      const t = tokens[i];
      if (expectWord) {
        if (t.kind === 'atom') {
          if (hasBadAtomChar(t.value)) fail(t, ['domain-control-char']);
          domain += t.value;
        } else if (t.kind === 'literal' && domain === '') {
          if (t.unterminated) fail(t, ['domain-literal-unclosed']);
          domain += value.slice(t.offset - baseOffset, t.end - baseOffset);
          i++;
          expectWord = false;
          break;
        } else fail(t, ['domain-char', t.value]);
        expectWord = false;
      } else {
        if (!isSpecial(t, '.')) break;
        domain += '.';
        expectWord = true;
      }
      i++;
    }
    if (domain === '') fail(tokens[i] ?? at, ['domain-missing']);
    if (expectWord) fail(tokens[i - 1], ['domain-trailing-dot']);
    return { address: `${local}@${domain}`, offset: startTok.offset, end: tokens[i - 1].end };
  };

  /** mailbox = name-addr / addr-spec. Reads from i up to a ',' / ';' / end. */
  const readMailbox = (inGroup: boolean): Mailbox => {
    const start = i;
    const stopTop = (t: Token): boolean => isSpecial(t, ',') || (inGroup && isSpecial(t, ';'));
    // Find '<' before the element ends: then it is name-addr.
    let j = i;
    while (j < n && !stopTop(tokens[j]) && !isSpecial(tokens[j], '<') && !isSpecial(tokens[j], '@') && !isSpecial(tokens[j], ':')) j++;
    if (j < n && isSpecial(tokens[j], '<')) {
      // name-addr = [display-name] angle-addr; display-name = phrase (obs-phrase allows ".").
      for (let k = start; k < j; k++) {
        const t = tokens[k];
        if (!(t.kind === 'atom' || t.kind === 'quoted' || isSpecial(t, '.'))) fail(t, ['display-name-char', t.value]);
      }
      checkQuotedWords(start, j);
      const displayName = j > start ? phraseText(start, j) : undefined;
      i = j + 1;
      // obs-route = obs-domain-list ":" (RFC 5322 §4.4): "@a,@b:" before the addr-spec.
      if (isSpecial(tokens[i], '@')) {
        while (i < n && !isSpecial(tokens[i], ':') && !isSpecial(tokens[i], '>')) i++;
        if (isSpecial(tokens[i], ':')) i++;
      }
      if (isSpecial(tokens[i], '>')) fail(tokens[i], ['angle-empty']);
      const spec = readAddrSpec((t) => isSpecial(t, '>') || stopTop(t));
      if (!isSpecial(tokens[i], '>')) fail(tokens[i] ?? tokens[i - 1], ['angle-unclosed']);
      const close = tokens[i];
      i++;
      return {
        kind: 'mailbox',
        displayName,
        address: spec.address,
        offset: tokens[start].offset,
        length: close.end - tokens[start].offset,
        addressOffset: spec.offset,
        addressLength: spec.end - spec.offset,
      };
    }
    const spec = readAddrSpec(stopTop);
    return { kind: 'mailbox', address: spec.address, offset: spec.offset, length: spec.end - spec.offset, addressOffset: spec.offset, addressLength: spec.end - spec.offset };
  };

  const expectEndOfElement = (inGroup: boolean): void => {
    const t = tokens[i];
    if (i >= n || isSpecial(t, ',') || (inGroup && isSpecial(t, ';'))) return;
    fail(t, ['after-address', t.value]);
  };

  while (i < n) {
    if (isSpecial(tokens[i], ',')) {
      i++; // obs-addr-list: empty elements are allowed (RFC 5322 §4.4)
      continue;
    }
    const start = i;
    try {
      // group = display-name ":" [group-list] ";" — a ':' before any '<' or '@' makes a group.
      let j = i;
      while (j < n && !isSpecial(tokens[j], ',') && !isSpecial(tokens[j], '<') && !isSpecial(tokens[j], '@') && !isSpecial(tokens[j], ':')) j++;
      if (j < n && isSpecial(tokens[j], ':')) {
        if (j === start) fail(tokens[j], ['group-no-name']);
        for (let k = start; k < j; k++) {
          const t = tokens[k];
          if (!(t.kind === 'atom' || t.kind === 'quoted' || isSpecial(t, '.'))) fail(t, ['group-name-char', t.value]);
        }
        checkQuotedWords(start, j);
        const name = phraseText(start, j);
        i = j + 1;
        const members: Mailbox[] = [];
        while (i < n && !isSpecial(tokens[i], ';')) {
          if (isSpecial(tokens[i], ',')) {
            i++;
            continue;
          }
          const mstart = i;
          try {
            members.push(readMailbox(true));
            expectEndOfElement(true);
          } catch (e) {
            if (!(e instanceof Failure)) throw e;
            recover(mstart, e, true);
          }
        }
        if (!isSpecial(tokens[i], ';')) fail(tokens[n - 1], ['group-unclosed', name]);
        const endTok = tokens[i];
        i++;
        items.push({ kind: 'group', name, members, offset: tokens[start].offset, length: endTok.end - tokens[start].offset });
        expectEndOfElement(false);
        continue;
      }
      items.push(readMailbox(false));
      expectEndOfElement(false);
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      recover(start, e, false);
    }
  }
  return { items, problems };
}

/**
 * The syntax of an SMTP path's mailbox (RFC 5321 §4.1.2), in one place: the
 * transcript checks `MAIL FROM:<...>` / `RCPT TO:<...>` with it, and the
 * envelope checks every address it is about to put into those commands with
 * it, so the two cannot disagree on what a valid path is.
 *
 *     Mailbox        = Local-part "@" ( Domain / address-literal )
 *     Local-part     = Dot-string / Quoted-string
 *     Dot-string     = Atom *("."  Atom)
 *     Quoted-string  = DQUOTE *QcontentSMTP DQUOTE
 *     QcontentSMTP   = qtextSMTP / quoted-pairSMTP      ; %d32-126 less \ and "
 *     quoted-pairSMTP= %d92 %d32-126
 *     Domain         = sub-domain *("." sub-domain)
 *     sub-domain     = Let-dig [Ldh-str]
 *
 * with the UTF-8 extension of RFC 6531 §3.3 (SMTPUTF8): non-ASCII characters
 * are allowed in atoms, quoted strings and sub-domains.
 *
 * A problem is a detail key (rendered by each language's detail table) and the
 * range of the offending part, absolute in the text passed in. Linear in the
 * length.
 */
import { isAsciiAtext } from './message/lexer';
import { utf8Length } from './octets';
import type { Detail } from './message/messages';

/** Why a text is not a mailbox, and where. */
export interface MailboxProblem {
  /** The reason, as a key of the detail tables and its arguments. */
  readonly detail: Detail;
  /** Offset of the offending part in the text that was checked. */
  readonly offset: number;
  /** Its length (0 where something is missing rather than wrong). */
  readonly length: number;
}

/** RFC 5321 Atom characters: atext, plus non-ASCII under SMTPUTF8 (RFC 6531 §3.3). */
const isAtext = (c: number): boolean => c > 127 || isAsciiAtext(c);
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** RFC 5321 Let-dig, plus non-ASCII for U-labels (RFC 6531 §3.3). */
const isLetDig = (c: number): boolean => isAlpha(c) || isDigit(c) || c > 127;

/**
 * The classes above as bits by ASCII code, for the scanning loops: one load a
 * character where the predicates' comparisons took most of a path's check.
 */
const ATEXT = 1;
const LET_DIG = 2;
const HYPHEN = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = (isAtext(c) ? ATEXT : 0) | (isLetDig(c) ? LET_DIG : 0) | (c === 45 ? HYPHEN : 0);
/** True when `c` is in one of the classes `bits` (a non-ASCII character is in every one: RFC 6531 §3.3). */
const inClass = (c: number, bits: number): boolean => c > 127 || (ASCII_CLASS[c] & bits) !== 0;

const problemAt = (detail: Detail, offset: number, length: number): MailboxProblem => ({ detail, offset, length });

/**
 * The problem of a character that does not belong where it is, outside quotes:
 * white space and control characters are named as such (they are what would
 * break a command line), anything else is quoted as the offending token.
 */
function unexpectedCharacter(s: string, i: number, inDomain: boolean): MailboxProblem {
  const c = s.charCodeAt(i);
  if (c === 32 || c === 9) return problemAt(['smtp-space'], i, 1);
  if (c < 32 || c === 127) return problemAt(['smtp-control'], i, 1);
  return problemAt(inDomain ? ['smtp-domain-char', s[i]] : ['smtp-local-char', s[i]], i, 1);
}

/**
 * Scans an RFC 5321 `Domain` or `address-literal` at `s[i..end)` and returns
 * the index where it ends, or why there is none. It stops at the first
 * character that cannot continue the domain; the caller decides whether
 * anything may follow.
 */
export function scanDomain(s: string, i: number, end: number): number | MailboxProblem {
  const start = i;
  if (i < end && s.charCodeAt(i) === 91 /* [ */) {
    // address-literal = "[" ( IPv4 / IPv6 / General-address-literal ) "]" (§4.1.3); the forms are the server's to judge,
    // the brackets and a content without brackets, backslash or white space are ours.
    const close = s.indexOf(']', i);
    if (close < 0 || close >= end) return problemAt(['smtp-literal-unclosed'], start, end - start);
    if (close === i + 1) return problemAt(['smtp-literal-invalid'], start, 2);
    for (let k = i + 1; k < close; k++) {
      const c = s.charCodeAt(k);
      if (c <= 32 || c === 91 || c === 92 || c === 127 || (c > 127 && /\s/.test(s[k]))) return problemAt(['smtp-literal-invalid'], start, close + 1 - start);
    }
    return close + 1;
  }
  for (;;) {
    // sub-domain = Let-dig [Ldh-str]
    if (i >= end || !isLetDig(s.charCodeAt(i))) {
      if (i >= end) return i === start ? problemAt(['smtp-domain-missing'], i, 0) : problemAt(['smtp-label-invalid'], i, 0);
      const c = s.charCodeAt(i);
      // A label that is empty or starts with a hyphen; any other character is named.
      if (c === 46 || c === 45) return problemAt(['smtp-label-invalid'], i, 1);
      return unexpectedCharacter(s, i, true);
    }
    let last = s.charCodeAt(i);
    i++;
    // Ldh-str: letters, digits and hyphens (one read a character).
    while (i < end) {
      const c = s.charCodeAt(i);
      if (!inClass(c, LET_DIG | HYPHEN)) break;
      last = c;
      i++;
    }
    if (last === 45) return problemAt(['smtp-label-hyphen'], i - 1, 1);
    if (i < end && s.charCodeAt(i) === 46 /* . */) {
      i++;
      continue;
    }
    return i;
  }
}

/**
 * Checks that `s[start..end)` is exactly one RFC 5321 `Mailbox`
 * (Local-part "@" ( Domain / address-literal ), §4.1.2); returns the first
 * problem from the left, or undefined.
 */
export function checkMailbox(s: string, start: number, end: number): MailboxProblem | undefined {
  let i = start;
  if (i >= end) return problemAt(['smtp-address-empty'], start, 0);
  if (s.charCodeAt(i) === 34 /* " */) {
    i++;
    for (;;) {
      if (i >= end) return problemAt(['smtp-quote-unclosed'], start, end - start);
      const ch = s.charCodeAt(i);
      if (ch === 92 /* \ */) {
        // quoted-pairSMTP = "\" %d32-126 (non-ASCII too under SMTPUTF8).
        if (i + 1 >= end) return problemAt(['smtp-quote-unclosed'], start, end - start);
        const next = s.charCodeAt(i + 1);
        if (next < 32 || next === 127) return problemAt(['smtp-quoted-control'], i + 1, 1);
        i += 2;
        continue;
      }
      if (ch === 34) {
        i++;
        break;
      }
      if (ch < 32 || ch === 127) return problemAt(['smtp-quoted-control'], i, 1);
      i++;
    }
  } else {
    let atomStart = i;
    for (;;) {
      while (i < end && inClass(s.charCodeAt(i), ATEXT)) i++;
      if (i === atomStart) {
        // An empty atom before "@" or at the end; a dot where an atom should start is named as the character.
        if (i >= end || s.charCodeAt(i) === 64) return problemAt(['smtp-local-empty'], i, 0);
        return unexpectedCharacter(s, i, false);
      }
      if (i < end && s.charCodeAt(i) === 46) {
        i++;
        atomStart = i;
        continue;
      }
      break;
    }
  }
  if (i >= end) return problemAt(['smtp-domain-absent'], end, 0);
  if (s.charCodeAt(i) !== 64 /* @ */) return unexpectedCharacter(s, i, false);
  i++;
  const d = scanDomain(s, i, end);
  if (typeof d !== 'number') return d;
  if (d !== end) return unexpectedCharacter(s, d, true);
  return undefined;
}

/** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, its angle brackets included. */
export const MAX_PATH_CONTENT_OCTETS = 254;

/**
 * Checks the content of a non-null path, `s[start..end)`, the text between
 * `<` and `>` of `MAIL FROM:` (`role` 'sender') or `RCPT TO:` ('recipient'):
 * at most 254 octets (§4.5.3.1.3); `postmaster` alone as a recipient
 * (§4.5.1); an obsolete source route `@a,@b:` before the mailbox accepted and
 * ignored (§4.1.2 A-d-l, Appendix C); then the `Mailbox`. The null path `<>`
 * is the caller's to judge (valid as a reverse-path only, §4.5.5).
 */
export function checkPathContent(s: string, start: number, end: number, role: 'sender' | 'recipient'): MailboxProblem | undefined {
  if (end - start > MAX_PATH_CONTENT_OCTETS / 4 && utf8Length(s, start, end) > MAX_PATH_CONTENT_OCTETS) {
    return problemAt(['smtp-path-too-long'], start, end - start);
  }
  if (role === 'recipient' && end - start === 10 && s.slice(start, end).toLowerCase() === 'postmaster') return undefined;
  let a = start;
  if (s.charCodeAt(start) === 64 /* @ */) {
    const colon = s.indexOf(':', start);
    if (colon > 0 && colon < end) a = colon + 1;
  }
  return checkMailbox(s, a, end);
}

/**
 * Argument syntax of SMTP commands (RFC 5321 §4.1.1-§4.1.3 and the extensions'
 * parameters). Hand-written scanners, linear in the line length.
 */
import { problem, type Problem } from '../codes';
import { checkPathContent, scanDomain } from '../mailbox';
import { ENGLISH_TRANSCRIPT_MESSAGES, type TranscriptMessageTable } from './messages';

/** Where a command's argument is in the transcript. */
export interface ArgumentSpan {
  /** The argument text (everything after the verb and its space). */
  readonly text: string;
  /** Offset of `text` in the transcript. */
  readonly offset: number;
}

/** Checks an ESMTP parameter list; reports per bad parameter. */
function checkParameters(
  verb: 'MAIL' | 'RCPT',
  s: string,
  start: number,
  base: number,
  advertised: ReadonlySet<string> | undefined,
  out: Problem[],
  M: TranscriptMessageTable,
): void {
  const seen = new Set<string>();
  let i = start;
  const n = s.length;
  while (i < n) {
    while (i < n && s.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && s.charCodeAt(j) !== 32) j++;
    const param = s.slice(i, j);
    const eq = param.indexOf('=');
    const keyword = (eq < 0 ? param : param.slice(0, eq)).toUpperCase();
    const value = eq < 0 ? undefined : param.slice(eq + 1);
    const at = base + i;
    const bad = (msg: string): void => void out.push(problem('command-syntax', at, param.length, msg));
    if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(keyword) || (value !== undefined && !/^[\x21-\x3c\x3e-\x7e\u0080-\uffff]+$/.test(value))) {
      bad(M.parameterSyntax(param));
    } else if (seen.has(keyword)) {
      bad(M.parameterDuplicate(keyword));
    } else {
      seen.add(keyword);
      const need = (ext: string, rfc: string): void => {
        if (advertised && !advertised.has(ext)) bad(M.parameterNotAdvertised(keyword, ext, rfc));
      };
      const v = value ?? '';
      if (verb === 'MAIL') {
        if (keyword === 'SIZE') {
          if (!/^\d{1,20}$/.test(v)) bad(M.parameterValue('SIZE', ['expect-size']));
          else need('SIZE', 'RFC 1870');
        } else if (keyword === 'BODY') {
          const u = v.toUpperCase();
          if (u !== '7BIT' && u !== '8BITMIME' && u !== 'BINARYMIME') bad(M.parameterValue('BODY', ['expect-body']));
          else if (u === '8BITMIME') need('8BITMIME', 'RFC 6152');
          else if (u === 'BINARYMIME') need('BINARYMIME', 'RFC 3030');
        } else if (keyword === 'RET') {
          if (!/^(FULL|HDRS)$/i.test(v)) bad(M.parameterValue('RET', ['expect-ret']));
        } else if (keyword === 'SMTPUTF8') {
          if (value !== undefined) bad(M.parameterValue('SMTPUTF8', ['expect-no-value']));
          else need('SMTPUTF8', 'RFC 6531');
        } else if (keyword === 'PRDR') {
          // draft-hall-prdr §3: a parameter without a value, only when EHLO advertised PRDR.
          if (value !== undefined) bad(M.parameterValue('PRDR', ['expect-prdr-no-value']));
          else need('PRDR', 'draft-hall-prdr');
        } else if (keyword === 'AUTH' || keyword === 'ENVID') {
          if (value === undefined || value === '') bad(M.parameterValue(keyword, ['expect-xtext-value']));
        }
      } else if (keyword === 'NOTIFY') {
        if (!/^(NEVER|(SUCCESS|FAILURE|DELAY)(,(SUCCESS|FAILURE|DELAY))*)$/i.test(v)) {
          bad(M.parameterValue('NOTIFY', ['expect-notify']));
        }
      } else if (keyword === 'ORCPT') {
        if (!/^[A-Za-z0-9-]+;.+$/.test(v)) bad(M.parameterValue('ORCPT', ['expect-orcpt']));
      }
    }
    i = j;
  }
}

/**
 * True when `s` starts with `keyword` (upper-case letters and `:`) in any case,
 * as `s.slice(0, n).toUpperCase() === keyword` says, without the two strings:
 * no character but the ASCII letter itself upper-cases to F, R, O, M or T.
 */
function startsWithKeyword(s: string, keyword: string): boolean {
  if (s.length < keyword.length) return false;
  for (let i = 0; i < keyword.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== keyword.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Checks `MAIL FROM:<path> params` / `RCPT TO:<path> params`. `arg` starts right
 * after the verb's space. Returns where the path's `<` is in `arg.text` when
 * the path parsed (the address runs from after it to the next `>`), -1 when
 * not: a number, so that the many commands whose address nobody reads make no
 * object and no copy of it.
 */
export function checkPathCommand(
  verb: 'MAIL' | 'RCPT',
  arg: ArgumentSpan,
  advertised: ReadonlySet<string> | undefined,
  out: Problem[],
  M: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES,
  /**
   * The text `arg` was sliced from, when there is one (the transcript): the
   * mailbox is scanned there, a flat string, where a slice's every character
   * is read through its parent.
   */
  source?: string,
): number {
  const keyword = verb === 'MAIL' ? 'FROM:' : 'TO:';
  const s = arg.text;
  if (!startsWithKeyword(s, keyword)) {
    out.push(problem('command-syntax', arg.offset, Math.max(1, Math.min(s.length, keyword.length)), M.pathPrefix(verb, keyword)));
    return -1;
  }
  let i = keyword.length;
  if (s.charCodeAt(i) === 32) {
    let j = i;
    while (s.charCodeAt(j) === 32) j++;
    out.push(problem('command-syntax', arg.offset + i, j - i, M.spaceAfterColon(keyword), { data: { replacement: '' } }));
    i = j;
  }
  if (s.charCodeAt(i) !== 60 /* < */) {
    let j = i;
    while (j < s.length && s.charCodeAt(j) !== 32) j++;
    const bare = s.slice(i, j);
    out.push(problem('command-syntax', arg.offset + i, Math.max(1, j - i), M.pathNotBracketed(), bare && !bare.includes('<') && !bare.includes('>') ? { data: { replacement: `<${bare}>` } } : undefined));
    return -1;
  }
  const close = s.indexOf('>', i);
  if (close < 0) {
    out.push(problem('command-syntax', arg.offset + i, s.length - i, M.pathUnclosed()));
    return -1;
  }
  if (close === i + 1) {
    if (verb === 'RCPT') out.push(problem('command-syntax', arg.offset + i, 2, M.nullPathNotAllowed()));
  } else {
    // The whole path is the range: the reason names the offending part.
    const role = verb === 'MAIL' ? 'sender' : 'recipient';
    const bad = source !== undefined ? checkPathContent(source, arg.offset + i + 1, arg.offset + close, role) : checkPathContent(s, i + 1, close, role);
    if (bad) out.push(problem('command-syntax', arg.offset + i + 1, Math.max(1, close - i - 1), M.mailboxSyntax(bad.detail)));
  }
  if (close + 1 < s.length) {
    if (s.charCodeAt(close + 1) !== 32) {
      out.push(problem('command-syntax', arg.offset + close + 1, s.length - close - 1, M.parameterSyntax(s.slice(close + 1))));
    } else {
      checkParameters(verb, s, close + 1, arg.offset, advertised, out, M);
    }
  }
  return i;
}

/** HELO/EHLO: a domain or an address literal (RFC 5321 §4.1.1.1). */
export function checkHelloArgument(verb: string, arg: ArgumentSpan | undefined, lineOffset: number, lineLength: number, out: Problem[], M: TranscriptMessageTable = ENGLISH_TRANSCRIPT_MESSAGES): void {
  const text = arg?.text.trim() ?? '';
  if (!arg || text === '') {
    out.push(problem('command-syntax', lineOffset, lineLength, M.missingArgument(verb, ['expect-client-domain'])));
    return;
  }
  const lead = arg.text.length - arg.text.trimStart().length;
  const d = scanDomain(text, 0, text.length);
  // Many clients send a bare host name or an IP without brackets; only reject what is clearly not a name.
  if (d !== text.length) {
    if (!/^[\x21-\x7e\u0080-\uffff]+$/.test(text)) out.push(problem('command-syntax', arg.offset + lead, text.length, M.domainSyntax(verb)));
  }
}

/** True for base64 text (RFC 4648 alphabet and padding). */
export function isBase64(s: string): boolean {
  if (s.length % 4 !== 0) return false;
  return /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}

/** Redaction placeholders we write and accept in AUTH data. */
export const REDACTED = '<redacted>';

/** True for text that a person or tool put in place of secrets. */
export function isPlaceholder(s: string): boolean {
  return s === REDACTED || /^(\*+|x{3,}|<[^<>]*>|\/\* secret \*\/|\[redacted\]|\[hidden\])$/i.test(s);
}

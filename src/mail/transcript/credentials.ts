/**
 * AUTH data that exposes a credential (RFC 4954 §4: base64 is an encoding, not
 * a protection): PLAIN and LOGIN secrets, bearer tokens, and the same data
 * written decoded.
 */
import type { Reply } from './model';
import type { TranscriptMessageTable } from './messages';
import { isBase64, isPlaceholder } from './syntax';

/** Where the checks report. */
export interface Reporter {
  /** The texts of the call's locale bundle. */
  readonly messages: TranscriptMessageTable;
  report(code: 'credentials-exposed', offset: number, length: number, message: string, data?: Record<string, unknown>): void;
}

/** Base64 AUTH data (an initial response or the answer to challenge `index`) that decodes to a credential. */
export function checkCredentials(s: Reporter, mechanism: string, data: string, offset: number, index: number, challenge?: Reply): void {
  if (data === '' || data === '=' || data === '*' || isPlaceholder(data)) return;
  const mech = mechanism.toUpperCase();
  if (!isBase64(data)) return;
  const decoded = Buffer.from(data, 'base64').toString('utf8');
  const flag = (msg: string): void => s.report('credentials-exposed', offset, data.length, msg, { mechanism: mech });
  if (mech === 'PLAIN') {
    const parts = decoded.split('\u0000');
    const pass = parts.length >= 3 ? parts[2] : decoded;
    const user = parts.length >= 3 ? parts[1] : '';
    if (isPlaceholder(pass) || pass === '') {
      if (user && !isPlaceholder(user)) flag(s.messages.credentialsUserOnly());
    } else flag(s.messages.credentialsPlain());
  } else if (mech === 'LOGIN') {
    if (isPlaceholder(decoded)) return;
    const prompt = challenge ? Buffer.from(challenge.lines[0]?.text ?? '', 'base64').toString('utf8').toLowerCase() : '';
    const what = prompt.startsWith('pass') || (!prompt.startsWith('user') && index > 0) ? 'credential-password' : 'credential-user';
    flag(s.messages.credentialsLogin([what]));
  } else if (mech === 'XOAUTH2' || mech === 'OAUTHBEARER') {
    if (/auth=Bearer\s+\S/i.test(decoded) && !/auth=Bearer\s+(\/\* secret \*\/|<redacted>|\*+)\u0001/i.test(decoded)) flag(s.messages.credentialsToken(mech));
  }
}

/**
 * AUTH PLAIN / LOGIN data written decoded, as swaks --auth-plaintext and people
 * writing transcripts by hand show it (`\0user\0password`, or the user name and
 * password after each 334): as exposed as the base64 form (RFC 4954 §4). True
 * when the data was read as such (reported or a placeholder), false for other
 * mechanisms, whose non-base64 data stays a syntax error.
 */
export function checkClearCredentials(s: Reporter, mechanism: string, data: string, offset: number, index: number, challenge?: Reply): boolean {
  const mech = mechanism.toUpperCase();
  const flag = (msg: string): void => s.report('credentials-exposed', offset, data.length, msg, { mechanism: mech, plaintext: true });
  if (mech === 'PLAIN') {
    // authzid NUL authcid NUL passwd (RFC 4616 §2), each NUL shown as a backslash and 0 or as it is.
    const parts = data.split(/\\0|\u0000/);
    if (parts.length < 3) return false;
    const user = parts[1];
    const pass = parts.slice(2).join('');
    if (isPlaceholder(pass) || pass === '') {
      if (user && !isPlaceholder(user)) flag(s.messages.credentialsClearUser());
    } else flag(s.messages.credentialsClearPlain());
    return true;
  }
  if (mech === 'LOGIN') {
    const text = challenge?.lines[0]?.text.trim() ?? '';
    const prompt = (isBase64(text) ? Buffer.from(text, 'base64').toString('utf8') : text).toLowerCase();
    const what = prompt.startsWith('pass') || (!prompt.startsWith('user') && index > 0) ? 'credential-password' : 'credential-user';
    flag(s.messages.credentialsClearLogin([what]));
    return true;
  }
  return false;
}

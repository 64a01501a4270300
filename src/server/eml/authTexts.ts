/**
 * Texts of the authentication editor features (hover, outline, code lens),
 * in English (other languages in ../locales/<language>.ts); the request's locale
 * bundle (../l10n.ts) holds them.
 */
import { plural } from '../../mail/plural';
import type { SignatureStatus } from '../../mail/auth/verify';

/** The strings of one language. */
export interface AuthTexts {
  readonly lens: Record<SignatureStatus, string>;
  /** Code lens of an ARC chain. */
  readonly arcLens: (status: 'pass' | 'fail' | 'unverified', sets: number) => string;
  readonly dkimTitle: string;
  readonly arcSealTitle: (i: number) => string;
  readonly arcSignatureTitle: (i: number) => string;
  readonly resultsTitle: string;
  readonly result: string;
  readonly statusText: Record<SignatureStatus, string>;
  readonly tag: Record<string, string>;
  readonly signedAt: string;
  readonly expiresAt: string;
  readonly expired: string;
  readonly inFuture: string;
  readonly wholeBody: string;
  readonly bodyLength: (n: number) => string;
  readonly bodyHashNow: string;
  readonly keyRecord: string;
  readonly keyInfo: (type: string, bits: number | undefined, testing: boolean) => string;
  readonly chain: (status: 'pass' | 'fail' | 'unverified', sets: number) => string;
  readonly cv: Record<string, string>;
  readonly notChecked: string;
  readonly outlineAuth: string;
  readonly outlineArc: string;
  readonly outlineSet: (i: number) => string;
  readonly authServ: string;
  /** What a result of a method means (RFC 8601 §2.7, RFC 8617 §5.2). */
  readonly meaning: (method: string, result: string) => string;
}

const MEANINGS_EN: Record<string, string> = {
  pass: 'the check succeeded',
  fail: 'the check ran and failed',
  softfail: 'the sender domain says the host is probably not allowed to send (SPF ~all)',
  neutral: 'the check ran but could not say yes or no (for DKIM: e.g. the body hash did not verify)',
  none: 'there was nothing to check (no signature, no SPF record, no policy)',
  policy: 'the check passed technically but a local policy rejected the result (e.g. a weak key)',
  temperror: 'a temporary error (usually DNS) stopped the check; a later try may succeed',
  permerror: 'a permanent error (a malformed record or signature) stopped the check',
  bestguesspass: 'no published policy, but a guess passed',
};

/** The English texts. */
export const ENGLISH_AUTH_TEXTS: AuthTexts = {
  lens: { pass: 'DKIM: pass', 'body-changed': 'DKIM: body changed', 'signature-invalid': 'DKIM: signature invalid', 'key-unavailable': 'DKIM: key unknown', malformed: 'DKIM: malformed' },
  arcLens: (s, n) => `ARC: ${s === 'pass' ? 'pass' : s === 'fail' ? 'chain broken' : 'key unknown'} (${n} ${plural('en', n, { one: 'set', other: 'sets' })})`,
  dkimTitle: 'DKIM signature (RFC 6376)',
  arcSealTitle: (i) => `ARC-Seal, set i=${i} (RFC 8617)`,
  arcSignatureTitle: (i) => `ARC-Message-Signature, set i=${i} (RFC 8617)`,
  resultsTitle: 'Authentication results (RFC 8601)',
  result: 'Result',
  statusText: {
    pass: 'pass: the body and the signed fields are as signed, and the key verifies the signature',
    'body-changed': 'body changed after signing',
    'signature-invalid': 'signature invalid',
    'key-unavailable': 'key unknown: only the body hash was checked, and it matches',
    malformed: 'malformed: the signature cannot be checked',
  },
  tag: {
    a: 'Algorithm', d: 'Signing domain', s: 'Selector', c: 'Canonicalization (header/body)', h: 'Signed fields', i: 'Identity / instance',
    l: 'Body length signed', t: 'Signed at', x: 'Expires', bh: 'Body hash', cv: 'Chain validation', q: 'Key query method', v: 'Version',
  },
  signedAt: 'Signed at',
  expiresAt: 'Expires',
  expired: 'expired',
  inFuture: 'in the future',
  wholeBody: 'the whole body',
  bodyLength: (n) => `the first ${n} ${plural('en', n, { one: 'octet', other: 'octets' })} (l=): text added after them is not covered`,
  bodyHashNow: 'Body hash now',
  keyRecord: 'Key',
  keyInfo: (type, bits, testing) => `${type}${bits ? `, ${bits} bits` : ''}${testing ? ', testing mode (t=y)' : ''}`,
  chain: (s, n) => `Chain of ${n} ${plural('en', n, { one: 'set', other: 'sets' })}: ${s === 'pass' ? 'pass' : s === 'fail' ? 'broken' : 'structure sound; some key unknown, so not every signature was checked'}`,
  cv: {
    none: 'none: the first set; there was no chain before it',
    pass: 'pass: the chain before this set validated when it was added',
    fail: 'fail: the chain was already broken when this set was added',
  },
  notChecked: 'not checked (only the newest ARC-Message-Signature is)',
  outlineAuth: 'Authentication',
  outlineArc: 'ARC chain',
  outlineSet: (i) => `ARC set i=${i}`,
  authServ: 'Checked by',
  meaning: (method, result) => {
    const r = result.toLowerCase();
    const base = MEANINGS_EN[r] ?? 'a result this extension does not know';
    if (method === 'dkim' && r === 'pass') return 'a DKIM signature verified';
    if (method === 'spf' && r === 'pass') return 'the sending host is allowed by the envelope sender domain\'s SPF record';
    if (method === 'dmarc' && r === 'pass') return 'an aligned SPF or DKIM pass satisfied the From domain\'s DMARC policy';
    if (method === 'arc' && r === 'pass') return 'the ARC chain validated';
    return base;
  },
};

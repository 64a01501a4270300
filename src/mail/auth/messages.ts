/**
 * Texts of the authentication diagnostics (DKIM, ARC), one table per language
 * like ../message/messages.ts; a caller passes its locale bundle's table in (../i18n.ts).
 */

const en = {
  'syntax-tag-missing': (tag: string) => `This signature lacks the required ${tag}= tag, so it cannot be checked.`,
  'syntax-tag-duplicate': (tag: string) => `The tag ${tag}= appears twice; a signature with repeated tags is invalid (RFC 6376 §3.2).`,
  'syntax-tag-malformed': (text: string) => `"${text}" is not a tag of the form name=value; the signature's tag list is malformed.`,
  'syntax-version': (v: string) => `v=${v} is not a DKIM version this verifier knows; only v=1 is defined.`,
  'syntax-algorithm': (a: string) => `a=${a} is not a signing algorithm (rsa-sha256, ed25519-sha256, or the obsolete rsa-sha1).`,
  'syntax-canonicalization': (c: string) => `c=${c} is not a canonicalization; use simple or relaxed, as header/body (e.g. relaxed/relaxed).`,
  'syntax-no-from': () => 'h= does not list From, so the signature does not protect the author: RFC 6376 §5.4 requires From to be signed.',
  'syntax-number': (tag: string, value: string) => `${tag}=${value} is not a number of seconds or octets.`,
  'syntax-identity': (i: string, d: string) => `The identity i=${i} is not in the signing domain d=${d} or one of its subdomains.`,
  'syntax-expiry': () => 'The expiry x= is not later than the signing time t=.',
  'syntax-base64': (tag: string) => `The ${tag}= value is not base64.`,
  'body-hash-mismatch': (canon: string, limit: number | undefined) =>
    `The body changed after signing: canonicalized as ${canon}${limit !== undefined ? ` and cut at l=${limit} octets` : ''}, it no longer hashes to bh=. Undo the change to the body, or sign the message again.`,
  'body-shorter-than-l': (limit: number, length: number) =>
    `The body is shorter than the l=${limit} octets that were signed (${length} now): part of it was removed after signing.`,
  'signature-changed': (fields: string) =>
    `The signature does not verify: a signed header field changed after signing (the key is the one that signed). Signed fields: ${fields}.`,
  'signature-changed-field': (field: string) => `The signature does not verify: ${field} changed after signing (it differs from the copy in z=).`,
  'signature-failed': (fields: string) =>
    `The signature does not verify with the selector's key: a signed header field changed after signing, or the key is not the one that signed. Signed fields: ${fields}.`,
  'signature-wrong-key': (name: string) =>
    `The signature was not made with the key published at ${name} (the key changed, or the signature is forged); the signed fields may be unchanged.`,
  'signature-key-unusable': (name: string, why: string) => `The key at ${name} cannot verify this signature: ${why}.`,
  'key-why-revoked': () => 'the key was revoked (empty p=)',
  'key-why-syntax': (detail: string) => `the key record is malformed (${detail})`,
  'key-why-type': (type: string) => `the key type ${type} is not rsa or ed25519, or does not match a=`,
  'key-why-short': (bits: number) => `the RSA key has ${bits} bits; verifiers must refuse keys shorter than 1024 (RFC 8301)`,
  'key-why-hash': (hash: string) => `the key record's h= does not allow ${hash}`,
  'key-unavailable': (name: string, why: 'unknown' | 'pending' | 'not-found' | 'failed', error: string) =>
    `No public key for ${name}${
      why === 'pending' ? ' yet: the DNS lookup is under way' : why === 'not-found' ? ': DNS has no such record' : why === 'failed' ? `: the DNS lookup failed (${error})` : ' in the keys file, and DNS lookups are off'
    }. Only the body hash was checked. Add the key to the keys file (setting smtpEml.dkim.keys) or turn on smtpEml.dkim.dnsLookups.`,
  'arc-too-many': (n: number) => `The message has ${n} ARC sets; a chain may have at most 50 (RFC 8617 §4.2.1).`,
  'arc-instance-gap': (expected: number, found: number) => `ARC sets must be numbered i=1 to i=n without gaps; i=${expected} is missing before i=${found}.`,
  'arc-instance-bad': (value: string) => `i=${value} is not an ARC instance number (1-50).`,
  'arc-set-incomplete': (instance: number, missing: string) => `ARC set i=${instance} has no ${missing}: each set is one ARC-Seal, one ARC-Message-Signature and one ARC-Authentication-Results.`,
  'arc-duplicate': (instance: number, field: string) => `ARC set i=${instance} has more than one ${field}.`,
  'arc-cv-first': (cv: string) => `The first ARC-Seal (i=1) must say cv=none; it says cv=${cv || '(nothing)'}.`,
  'arc-cv-later': (instance: number, cv: string) => `ARC-Seal i=${instance} must say cv=pass (the chain before it validated); it says cv=${cv || '(nothing)'}.`,
  'arc-cv-fail': (instance: number) => `ARC-Seal i=${instance} says cv=fail: the chain was already broken when this set was added.`,
  'arc-syntax': (instance: number, field: string, why: string) => `${field} of ARC set i=${instance} is malformed: ${why}`,
  'arc-ams-body': (instance: number) => `The body changed after the newest ARC set (i=${instance}) was added: its ARC-Message-Signature body hash no longer matches.`,
  'arc-ams-signature': (instance: number) => `The ARC-Message-Signature of the newest set (i=${instance}) does not verify: a signed header field changed after it was added.`,
  'arc-seal-signature': (instance: number) => `The ARC-Seal i=${instance} does not verify: an ARC header field of sets 1-${instance} changed after sealing.`,
};

/** The authentication message table type. */
export type AuthMessageTable = typeof en;

/** The English table. */
export const ENGLISH_AUTH_MESSAGES: AuthMessageTable = en;

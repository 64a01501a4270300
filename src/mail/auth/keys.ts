/**
 * DKIM public keys: the key record (RFC 6376 §3.6.1, RFC 8463 §4 for Ed25519)
 * and where records come from. Verification asks a `KeyLookup` for the TXT
 * text of `selector._domainkey.domain` and gets it at once, or learns why not:
 * a linter answers synchronously from what it has (a keys file, a DNS cache)
 * and never waits on the network.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseTagList } from './tags';

/** What a lookup found for one name. */
export type KeyAnswer =
  /** The TXT record text (several strings of one record already joined). */
  | { record: string }
  /**
   * No record: `unknown` (not in the keys and DNS lookups are off), `pending`
   * (a DNS lookup is under way), `not-found` (DNS says there is none),
   * `failed` (DNS could not answer; `error` says why).
   */
  | { missing: 'unknown' | 'pending' | 'not-found' | 'failed'; error?: string };

/** Answers key lookups synchronously. */
export interface KeyLookup {
  lookup(name: string): KeyAnswer;
}

/** A key record read into a usable key. */
export type ParsedKey =
  | { key: KeyObject; type: 'rsa' | 'ed25519'; bits?: number; hashes?: string[]; testing: boolean }
  | { error: 'revoked' | 'syntax' | 'version' | 'type' | 'key'; detail?: string };

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4); the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Reads a key record's text (`v=DKIM1; k=rsa; p=MIIB...`) into a public key. */
export function parseKeyRecord(record: string): ParsedKey {
  const list = parseTagList(record, 0, record.length);
  const v = list.byName.get('v')?.value;
  // RFC 6376 §3.6.1: v= is optional, but when present it must be first and "DKIM1".
  if (v !== undefined && (v !== 'DKIM1' || list.tags[0]?.name !== 'v')) return { error: 'version', detail: v };
  const p = list.byName.get('p');
  if (!p) return { error: 'syntax', detail: 'p=' };
  // An empty p= means the key was revoked (RFC 6376 §3.6.1).
  if (p.value === '') return { error: 'revoked' };
  const k = (list.byName.get('k')?.value ?? 'rsa').toLowerCase();
  const flags = (list.byName.get('t')?.value ?? '').split(':');
  const hashes = list.byName.get('h')?.value.split(':').map((h) => h.toLowerCase());
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(p.value)) return { error: 'key', detail: 'base64' };
  const der = Buffer.from(p.value, 'base64');
  try {
    if (k === 'rsa') {
      let key: KeyObject;
      try {
        key = createPublicKey({ key: der, format: 'der', type: 'spki' });
      } catch {
        // Some publishers put the bare RSAPublicKey (PKCS#1) in p=.
        key = createPublicKey({ key: der, format: 'der', type: 'pkcs1' });
      }
      if (key.asymmetricKeyType !== 'rsa') return { error: 'type', detail: key.asymmetricKeyType };
      return { key, type: 'rsa', bits: key.asymmetricKeyDetails?.modulusLength, hashes, testing: flags.includes('y') };
    }
    if (k === 'ed25519') {
      if (der.length !== 32) return { error: 'key', detail: `${der.length} bytes` };
      const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, der]), format: 'der', type: 'spki' });
      return { key, type: 'ed25519', hashes, testing: flags.includes('y') };
    }
    return { error: 'type', detail: k };
  } catch (e) {
    return { error: 'key', detail: (e as Error).message };
  }
}

/**
 * Reads a keys file's JSON into `name → record text`. Two shapes are accepted:
 * `{"s1._domainkey.example.org": "v=DKIM1; k=rsa; p=..."}` and mailauth's DNS
 * cache `{"s1._domainkey.example.org": {"TXT": [["v=DKIM1; ", "p=..."]]}}`
 * (each inner array is one record split into strings). Names are compared
 * without case and without a final dot. Returns the records and what could
 * not be read (names with values of another shape).
 */
export function readKeysJson(json: unknown): { records: Map<string, string>; skipped: string[] } {
  const records = new Map<string, string>();
  const skipped: string[] = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { records, skipped: ['(the file is not a JSON object)'] };
  for (const [name, value] of Object.entries(json as Record<string, unknown>)) {
    const key = normalizeKeyName(name);
    if (typeof value === 'string') records.set(key, value);
    else if (Array.isArray(value) && value.every((s) => typeof s === 'string')) records.set(key, value.join(''));
    else if (value && typeof value === 'object' && Array.isArray((value as { TXT?: unknown }).TXT)) {
      const txt = (value as { TXT: unknown[] }).TXT;
      // The first record that looks like a DKIM key; else the first record.
      const texts = txt.map((r) => (Array.isArray(r) ? r.join('') : typeof r === 'string' ? r : '')).filter((r) => r);
      const pick = texts.find((r) => /(^|;)\s*p=/.test(r)) ?? texts[0];
      if (pick !== undefined) records.set(key, pick);
      else skipped.push(name);
    } else skipped.push(name);
  }
  return { records, skipped };
}

/** A key name as looked up: lower case, no final dot. */
export function normalizeKeyName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** A lookup over a fixed set of records (a keys file, a test), falling back to `next` for other names. */
export function recordLookup(records: ReadonlyMap<string, string>, next?: KeyLookup): KeyLookup {
  return {
    lookup(name: string): KeyAnswer {
      const record = records.get(normalizeKeyName(name));
      if (record !== undefined) return { record };
      return next ? next.lookup(name) : { missing: 'unknown' };
    },
  };
}

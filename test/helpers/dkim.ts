/**
 * DKIM test material made at test time: key pairs (node:crypto), their DNS
 * key records, a keys lookup, and mailauth (the independent implementation)
 * for signing and verifying.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalizeField, hashBody } from '../../src/mail/auth/canonical';
import { recordLookup, type KeyLookup } from '../../src/mail/auth/keys';

/** A key pair with its DNS record text. */
export interface TestKey {
  privateKey: KeyObject;
  privatePem: string;
  publicKey: KeyObject;
  /** The TXT record text published at `selector._domainkey.domain`. */
  record: string;
}

const made = new Map<string, TestKey>();

/** A key pair (cached per name within one test process: RSA generation is slow). */
export function testKey(type: 'rsa' | 'ed25519' = 'rsa', name = 'default'): TestKey {
  const id = `${type}:${name}`;
  const hit = made.get(id);
  if (hit) return hit;
  const { privateKey, publicKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  // RFC 8463 §4: an Ed25519 record holds the raw 32-byte key, not the SPKI structure.
  const p = type === 'rsa' ? spki.toString('base64') : spki.subarray(spki.length - 32).toString('base64');
  const key: TestKey = { privateKey, publicKey, privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), record: `v=DKIM1; k=${type}; p=${p}` };
  made.set(id, key);
  return key;
}

/** A lookup that knows `records` (name → key). */
export function lookupOf(records: Record<string, TestKey | string>): KeyLookup {
  return recordLookup(new Map(Object.entries(records).map(([name, k]) => [name.toLowerCase(), typeof k === 'string' ? k : k.record])));
}

/** A resolver for mailauth that answers TXT queries from `records` (its DNS stub). */
export function stubResolver(records: Record<string, TestKey | string>): (name: string, type: string) => Promise<string[][]> {
  return async (name: string, type: string) => {
    const k = records[name.toLowerCase()];
    if (type !== 'TXT' || !k) {
      const err = new Error(`no ${type} record for ${name}`) as Error & { code: string };
      err.code = 'ENOTFOUND';
      throw err;
    }
    return [[typeof k === 'string' ? k : k.record]];
  };
}

/** mailauth, loaded only by tests (the product bundles its own verifier). */
export const mailauth = require('mailauth') as {
  dkimVerify(input: Buffer | string, opts: { resolver: unknown; curTime?: Date }): Promise<{ results: Array<{ status: { result: string; comment?: string }; signingDomain?: string; selector?: string }> }>;
};
export const mailauthSign = require('mailauth/lib/dkim/sign') as {
  dkimSign(input: Buffer | string, opts: Record<string, unknown>): Promise<{ signatures: string; errors: unknown[] }>;
};
export const mailauthArc = require('mailauth/lib/arc') as {
  sealMessage(input: Buffer | string, seal: Record<string, unknown>): Promise<Buffer>;
};

/** A plain test message with CRLF line ends. */
export function sampleMessage(body = 'Hello Bob,\r\n\r\nthe report is attached.\r\n\r\n-- \r\nAlice\r\n', extraHeaders: string[] = []): string {
  return [
    'From: Alice <alice@example.org>',
    'To: Bob <bob@example.net>',
    'Subject: Quarterly report',
    'Date: Fri, 27 Nov 2026 10:00:00 +0000',
    'Message-ID: <q3.report@example.org>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    ...extraHeaders,
    '',
    '',
  ].join('\r\n') + body;
}

/**
 * Adds one ARC set (i=1, cv=none) to a CRLF message, made synchronously with
 * node:crypto (for table tests that cannot await mailauth): ARC-Message-Signature
 * over From, To, Subject and the relaxed body, ARC-Seal over the set (RFC 8617 §5.1).
 */
export function arcSealSync(message: string, key: TestKey, domain = 'example.org', selector = 's1'): string {
  const split = message.indexOf('\r\n\r\n');
  const header = message.slice(0, split + 2);
  const body = message.slice(split + 4);
  const field = (name: string): string => {
    const m = new RegExp(`^${name}:.*(?:\\r\\n[ \\t].*)*`, 'im').exec(header);
    return m ? m[0] : '';
  };
  const aar = 'ARC-Authentication-Results: i=1; mx.example.org; dkim=pass header.d=example.org';
  const bh = hashBody(body, 'relaxed', 'sha256').hash;
  const amsUnsigned = `ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=${selector}; h=From:To:Subject; bh=${bh}; b=`;
  const amsInput = ['From', 'To', 'Subject'].map((n) => canonicalizeField(field(n), 'relaxed')).join('') + canonicalizeField(amsUnsigned, 'relaxed', true);
  const ams = amsUnsigned + sign('sha256', Buffer.from(amsInput), key.privateKey).toString('base64');
  const asUnsigned = `ARC-Seal: i=1; a=rsa-sha256; cv=none; d=${domain}; s=${selector}; b=`;
  const asInput = canonicalizeField(aar, 'relaxed') + canonicalizeField(ams, 'relaxed') + canonicalizeField(asUnsigned, 'relaxed', true);
  const seal = asUnsigned + sign('sha256', Buffer.from(asInput), key.privateKey).toString('base64');
  return `${seal}\r\n${ams}\r\n${aar}\r\n${message}`;
}

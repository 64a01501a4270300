/**
 * DKIM signing (RFC 6376 §5) of the exact octets about to be sent:
 * relaxed/relaxed, rsa-sha256, or ed25519-sha256 (RFC 8463) when the key is
 * Ed25519. Uses the same canonicalization as verification (./canonical.ts),
 * so what we sign is what we check.
 */
import { createHash, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { canonicalizeField, hashBody } from './canonical';
import { FIELD_CATALOG } from '../message/fieldCatalog';

/** Who signs and with which key. */
export interface DkimSigner {
  /** d=: the signing domain. */
  domain: string;
  /** s=: the selector; the public key is published at `selector._domainkey.domain`. */
  selector: string;
  /** The private key (PEM text or a KeyObject). */
  privateKey: string | Buffer | KeyObject;
  /** Passphrase of an encrypted PEM key. */
  passphrase?: string;
}

/** A signed message. */
export interface SignedMessage {
  /** The DKIM-Signature field followed by the original octets. */
  message: Buffer;
  /** The DKIM-Signature field as added (folded, without its final CRLF). */
  field: string;
  algorithm: 'rsa-sha256' | 'ed25519-sha256';
  /** The names in h=. */
  signedFields: string[];
}

/** Fields signed when present (RFC 6376 §5.4.1's list, as common signers use it): the field table's `dkimSigned`. */
const SIGNED_FIELDS = FIELD_CATALOG.filter((i) => i.dkimSigned !== undefined)
  .sort((a, b) => a.dkimSigned! - b.dkimSigned!)
  .map((i) => i.name.toLowerCase());

/** Reads a private key, with a message that says what is wrong. */
export function readPrivateKey(key: string | Buffer | KeyObject, passphrase?: string): KeyObject {
  if (typeof key === 'object' && !Buffer.isBuffer(key)) return key;
  try {
    return createPrivateKey(passphrase ? { key, passphrase } : { key });
  } catch (e) {
    const why = (e as Error).message;
    if (/passphrase|decrypt|bad decrypt/i.test(why)) throw new Error(passphrase ? 'The DKIM private key could not be decrypted: wrong passphrase.' : 'The DKIM private key is encrypted: give its passphrase.');
    throw new Error(`The DKIM private key cannot be read (PEM expected): ${why}`);
  }
}

/** Splits raw header octets (latin1) into fields, each with its folded lines. */
function splitFields(header: string): string[] {
  const fields: string[] = [];
  for (const line of header.split('\r\n')) {
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && fields.length) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return fields;
}

/** Folds `tag=value` items into lines of at most ~76 characters (long values are cut, FWS is allowed in them, RFC 6376 §3.5). */
function fold(prefix: string, items: string[]): string {
  let out = prefix;
  let column = prefix.length;
  items.forEach((item, k) => {
    const piece = k < items.length - 1 ? `${item};` : item;
    if (column + 1 + piece.length > 76 && column > 1) {
      out += '\r\n';
      column = 0;
    }
    let rest = piece;
    out += ' ';
    column += 1;
    while (column + rest.length > 76) {
      const take = Math.max(1, 76 - column);
      out += `${rest.slice(0, take)}\r\n `;
      rest = rest.slice(take);
      column = 1;
    }
    out += rest;
    column += rest.length;
  });
  return out;
}

/**
 * Signs `message` (octets with CRLF line ends, as they go on the wire) and
 * returns it with a DKIM-Signature field in front. `time` sets t= (default now).
 */
export function signMessage(message: Buffer, signer: DkimSigner, time: Date = new Date()): SignedMessage {
  const key = readPrivateKey(signer.privateKey, signer.passphrase);
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ed25519') throw new Error(`A DKIM key must be RSA or Ed25519, not ${type ?? 'unknown'}.`);
  const algorithm = type === 'rsa' ? 'rsa-sha256' : 'ed25519-sha256';
  const domain = signer.domain.trim().toLowerCase();
  const selector = signer.selector.trim();
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(domain)) throw new Error(`"${signer.domain}" is not a domain name for d=.`);
  if (!/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(selector)) throw new Error(`"${signer.selector}" is not a selector for s=.`);

  const text = message.toString('latin1');
  const split = text.startsWith('\r\n') ? 0 : text.indexOf('\r\n\r\n');
  const headerText = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + (split === 0 ? 2 : 4));
  const fields = splitFields(headerText);
  const names = fields.map((f) => f.slice(0, Math.max(0, f.indexOf(':'))).trim());

  // Every instance of each signed field, bottom-up as verifiers select them (RFC 6376 §5.4.2),
  // and From once more, so that a second From added later breaks the signature (§8.15).
  const signed: string[] = [];
  const chosen: string[] = [];
  for (const wanted of SIGNED_FIELDS) {
    for (let i = fields.length - 1; i >= 0; i--) {
      if (names[i].toLowerCase() === wanted) {
        signed.push(names[i]);
        chosen.push(fields[i]);
      }
    }
  }
  signed.push('From');
  const bodyHash = hashBody(body, 'relaxed', 'sha256', undefined, 'latin1').hash;
  const items = [`v=1`, `a=${algorithm}`, `c=relaxed/relaxed`, `d=${domain}`, `s=${selector}`, `t=${Math.floor(time.getTime() / 1000)}`, `h=${signed.join(':')}`, `bh=${bodyHash}`, 'b='];
  const unsigned = fold('DKIM-Signature:', items);
  let input = '';
  for (const f of chosen) input += canonicalizeField(f, 'relaxed');
  input += canonicalizeField(unsigned, 'relaxed', true);
  const data = Buffer.from(input, 'latin1');
  const signature = (type === 'rsa' ? cryptoSign('sha256', data, key) : cryptoSign(null, createHash('sha256').update(data).digest(), key)).toString('base64');
  const field = fold('DKIM-Signature:', [...items.slice(0, -1), `b=${signature}`]);
  return { message: Buffer.concat([Buffer.from(`${field}\r\n`, 'latin1'), message]), field, algorithm, signedFields: signed };
}

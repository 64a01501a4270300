/**
 * DKIM signing on send: the key is read (and its passphrase checked) before
 * connecting, so a bad key never reaches the server; the signature is made
 * over the exact octets handed to the server, after Bcc removal and any
 * re-encoding. What the session log says names the signer, never the key.
 */
import type { KeyObject } from 'node:crypto';
import { readPrivateKey, signMessage } from '../mail/auth/sign';
import { mailboxesOf, parseAddressList } from '../mail/message/address';
import type { DkimSigning } from './types';

/** A signer ready to sign, or why it cannot be. */
export type PreparedSigner = { sign(payload: Buffer): { payload: Buffer; note: string } } | { error: string };

/** The domain of the first From address in the message octets (RFC 6376 §3.5 d= is usually the author's domain). */
function fromDomain(payload: Buffer): string | undefined {
  const text = payload.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const header = end < 0 ? text : text.slice(0, end + 2);
  const m = /(?:^|\r\n)from[ \t]*:((?:[^\r\n]|\r\n[ \t])*)/i.exec(header);
  if (!m) return undefined;
  const value = m[1].replace(/\r\n/g, '');
  const boxes = mailboxesOf(parseAddressList(value, 0).items);
  const address = boxes[0]?.address;
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).toLowerCase() : undefined;
}

/** Reads the key and checks the settings; call before connecting. `payload` gives the default domain. */
export function prepareSigner(dkim: DkimSigning, payload: Buffer): PreparedSigner {
  let key: KeyObject;
  try {
    key = readPrivateKey(dkim.privateKey, dkim.passphrase);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const domain = dkim.domain?.trim() || fromDomain(payload);
  if (!domain) return { error: 'DKIM signing needs a domain: the message has no From address, and no DKIM domain was given.' };
  if (!dkim.selector?.trim()) return { error: 'DKIM signing needs a selector (s=).' };
  const bits = key.asymmetricKeyDetails?.modulusLength;
  return {
    sign(bytes: Buffer) {
      const signed = signMessage(bytes, { domain, selector: dkim.selector, privateKey: key });
      const field = signed.field;
      return {
        payload: signed.message,
        note: `DKIM: signed by d=${domain} s=${dkim.selector.trim()} (${signed.algorithm}${bits ? `, ${bits}-bit key` : ''}); public key expected at ${dkim.selector.trim()}._domainkey.${domain}; h=${signed.signedFields.join(':')}; ${field.length} characters added`,
      };
    },
  };
}

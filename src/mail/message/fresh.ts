/** Fresh values for new header fields and parts: boundaries and Message-IDs (randomness from node:crypto). */
import { randomBytes } from 'node:crypto';

/** A random boundary: 2046 §5.1.1 bchars only, well under 70 characters, unlikely in any body. */
export function freshBoundary(): string {
  return `=_part_${randomBytes(12).toString('hex')}`;
}

/** A fresh `<random@domain>` id (5322 §3.6.4: the right side names the host that made it). */
export function freshMessageId(domain: string | undefined): string {
  const left = `${Date.now().toString(36)}.${randomBytes(9).toString('hex')}`;
  return `<${left}@${domain && /^[A-Za-z0-9.-]+$/.test(domain) ? domain : 'localhost.localdomain'}>`;
}

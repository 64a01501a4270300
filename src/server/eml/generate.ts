/**
 * Fresh values that completion and quick fixes insert: boundaries, Message-IDs,
 * the domain of From. Pure functions over text (randomness from node:crypto).
 */
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

/**
 * The domain of the (first) From mailbox in the top-level header block, read
 * textually so it works while the header is half-typed. Undefined when none.
 */
export function domainOfFrom(text: string): string | undefined {
  const headerEnd = topHeaderEnd(text);
  const header = text.slice(0, headerEnd);
  const m = /^from[ \t]*:((?:.*)(?:\r?\n[ \t].*)*)/im.exec(header);
  if (!m) return undefined;
  const at = /@\[?([A-Za-z0-9.-]+)/.exec(m[1]);
  return at ? at[1].replace(/\.+$/, '') : undefined;
}

/** Offset where the top-level header block ends (the blank line or the end). Linear. */
export function topHeaderEnd(text: string): number {
  const lf = text.search(/\r?\n\r?\n/);
  return lf < 0 ? text.length : lf;
}

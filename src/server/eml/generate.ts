/**
 * Fresh values that completion and quick fixes insert: boundaries, Message-IDs,
 * the domain of From. Pure functions over text (randomness from node:crypto).
 */
export { freshBoundary, freshMessageId } from '../../mail/message/fresh';

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

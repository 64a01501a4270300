/**
 * Helpers over the parsed MIME tree that several features share: which part or
 * header is at an offset, a part's decoded bytes and text, a one-line summary.
 * All loops are iterative (parts can nest 1000 deep).
 */
import { decodedSize, mediaType } from '../../mail/message/body';
import type { BoundaryLine, HeaderField, MimePart } from '../../mail/message/model';
import { formatSize, type CoreBundle } from '../../mail/i18n';

// The body helpers live in the core (the preview reads bodies the same way); the features import them from here.
export { decodedBytes, decodedSize, decodedText, isTextual, mediaType, rawBody } from '../../mail/message/body';

/** True when the offset lies in [start, end] (end inclusive: the cursor may sit right after the text). */
const within = (offset: number, start: number, end: number): boolean => offset >= start && offset <= end;

/**
 * The deepest part whose span holds `offset` (an embedded message's root counts
 * as a part). Descends without recursion; children are found by binary search.
 */
export function partAt(root: MimePart, offset: number): MimePart {
  let part = root;
  for (;;) {
    if (part.embedded && within(offset, part.embedded.offset, part.embedded.end) && offset >= part.bodyOffset) {
      part = part.embedded;
      continue;
    }
    const children = part.children;
    let lo = 0;
    let hi = children.length - 1;
    let found: MimePart | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      if (offset < c.offset) hi = mid - 1;
      else if (offset > c.end) lo = mid + 1;
      else {
        found = c;
        break;
      }
    }
    if (!found) return part;
    part = found;
  }
}

/** The header field of `part` whose span holds `offset`, if any. */
export function headerAt(part: MimePart, offset: number): HeaderField | undefined {
  if (offset < part.offset || offset > part.headerEnd) return undefined;
  return part.headers.find((h) => within(offset, h.offset, h.end));
}

/**
 * The delimiter line at `offset` in `part`'s body, with the part that follows
 * it (undefined after the close delimiter).
 */
export function boundaryLineAt(part: MimePart, offset: number): { line: BoundaryLine; next?: MimePart } | undefined {
  const line = part.boundaryLines.find((b) => within(offset, b.offset, b.offset + b.length));
  if (!line) return undefined;
  const next = line.close ? undefined : part.children.find((c) => c.offset > line.offset);
  return { line, next };
}

/** A short one-line description of a part: `text/plain, 1.2 KB, report.pdf`. */
export function partLabel(text: string, part: MimePart, l10n: CoreBundle): { name: string; detail: string } {
  const name = mediaType(part);
  const bits: string[] = [];
  if (part.filename) bits.push(part.filename);
  if (part.children.length === 0 && !part.embedded) bits.push(formatSize(decodedSize(text, part), l10n));
  return { name, detail: bits.join(', ') };
}

/**
 * Helpers over the parsed MIME tree that several features share: which part or
 * header is at an offset, a part's decoded bytes and text, a one-line summary.
 * All loops are iterative (parts can nest 1000 deep).
 */
import { decodedSize, mediaType } from '../../mail/message/body';
import type { HeaderField, MimePart } from '../../mail/message/model';
import { formatSize, type CoreBundle } from '../../mail/i18n';

// The body helpers live in the core (the preview reads bodies the same way); the features import them from here.
export { decodedBytes, decodedSize, decodedText, isTextual, mediaType, rawBody } from '../../mail/message/body';

// Finding parts lives in the core too, with the part numbers it finds them by.
export { boundaryLineAt, partAt } from '../../mail/message/partLookup';

/** True when the offset lies in [start, end] (end inclusive: the cursor may sit right after the text). */
const within = (offset: number, start: number, end: number): boolean => offset >= start && offset <= end;

/** The header field of `part` whose span holds `offset`, if any. */
export function headerAt(part: MimePart, offset: number): HeaderField | undefined {
  if (offset < part.offset || offset > part.headerEnd) return undefined;
  return part.headers.find((h) => within(offset, h.offset, h.end));
}

/** A short one-line description of a part: `text/plain, 1.2 KB, report.pdf`. */
export function partLabel(text: string, part: MimePart, l10n: CoreBundle): { name: string; detail: string } {
  const name = mediaType(part);
  const bits: string[] = [];
  if (part.filename) bits.push(part.filename);
  if (part.children.length === 0 && !part.embedded) bits.push(formatSize(decodedSize(text, part), l10n));
  return { name, detail: bits.join(', ') };
}

/**
 * Which message a document holds at a position, for the preview: an `.eml`
 * is one message; an `.mbox` is a run of messages each opened by a `From `
 * line (RFC 4155), and the one under the cursor is taken; a transcript holds
 * messages in its DATA (or BDAT) transfers, dot-unstuffed (RFC 5321 §4.5.2),
 * and the one under the cursor (else the first) is taken.
 */
import { mapMessageOffset, messageOfBlock, parseTranscript } from '../transcript';
import type { MessageSource } from './build';

/** A message found in a document, with where it sits. */
export interface LocatedMessage extends MessageSource {
  /** Document span of the message (for a transcript: its DATA lines). */
  offset: number;
  end: number;
}

/**
 * The message of an mbox at `offset`: from the `From ` line at or before it
 * (at the start of the file or after a blank line, RFC 4155 §2) to the next
 * such line. A file without `From ` lines is one message.
 */
export function mboxMessageAt(text: string, offset: number): LocatedMessage {
  const isSeparator = (i: number): boolean =>
    text.startsWith('From ', i) && (i === 0 || (text.charCodeAt(i - 1) === 10 && (i === 1 || text.charCodeAt(i - 2) === 10 || (text.charCodeAt(i - 2) === 13 && text.charCodeAt(i - 3) === 10))));
  let start = 0;
  let i = text.indexOf('\nFrom ');
  let end = text.length;
  while (i >= 0) {
    const at = i + 1;
    if (isSeparator(at)) {
      if (at <= offset) start = at;
      else {
        end = at;
        break;
      }
    }
    i = text.indexOf('\nFrom ', at);
  }
  const slice = text.slice(start, end);
  return { text: slice, toDocument: (o) => o + start, offset: start, end };
}

/**
 * The message of the transcript's DATA (or BDAT) transfer at `offset`, else
 * the first one; undefined when the transcript has none (or its body was left
 * out of the log).
 */
export function transcriptMessageAt(text: string, offset: number): LocatedMessage | undefined {
  const blocks = parseTranscript(text).dataBlocks.filter((b) => !b.elided && b.lines.length > 0);
  if (!blocks.length) return undefined;
  const spanOf = (b: (typeof blocks)[number]): [number, number] => {
    const first = b.lines[0];
    const last = b.lines[b.lines.length - 1];
    return [first.offset, last.end];
  };
  let chosen = blocks[0];
  for (const b of blocks) {
    const [s] = spanOf(b);
    if (s <= offset) chosen = b;
  }
  const m = messageOfBlock(chosen);
  const [s, e] = spanOf(chosen);
  return { text: m.text, toDocument: (o) => mapMessageOffset(m, o), offset: s, end: e };
}

/** The kinds of document the preview reads. */
export type DocumentKind = 'eml' | 'mbox' | 'transcript';

/** The message a document of `kind` holds at `offset`. */
export function messageAt(kind: DocumentKind, text: string, offset: number): LocatedMessage | undefined {
  if (kind === 'transcript') return transcriptMessageAt(text, offset);
  if (kind === 'mbox') return mboxMessageAt(text, offset);
  return { text, offset: 0, end: text.length };
}

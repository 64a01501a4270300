/**
 * Which message a document holds at a position, for the preview: an `.eml`
 * is one message; an `.mbox` is a run of messages each opened by a `From `
 * line (RFC 4155), and the one under the cursor is taken; a transcript holds
 * messages in its DATA (or BDAT) transfers, dot-unstuffed (RFC 5321 §4.5.2),
 * and the one under the cursor (else the first) is taken.
 */
import { messageAt as mailboxMessageAt, splitMbox } from '../mbox/split';
import { mapMessageOffset, messageOfBlock, parseTranscript } from '../transcript';
import type { MimePart } from '../message/model';
import { parseMessage } from '../message/parse';
import { partByPath } from '../message/partLookup';
import type { MessageSource } from './build';

/** A message found in a document, with where it sits. */
export interface LocatedMessage extends MessageSource {
  /** Document span of the message (for a transcript: its DATA lines). */
  offset: number;
  end: number;
}

/**
 * The message of an mbox at `offset`, as the mailbox splitter
 * (../mbox/split.ts) reads the file: from its `From ` line to the empty line
 * before the next message. On that empty line, the message before it. A file
 * that does not start with a `From ` line is one message.
 */
export function mboxMessageAt(text: string, offset: number): LocatedMessage {
  const messages = splitMbox(text);
  if (!messages.length) return { text, toDocument: (o) => o, offset: 0, end: text.length };
  const m = mailboxMessageAt(messages, offset) ?? messages.filter((x) => x.offset <= offset).pop() ?? messages[0];
  const start = m.offset;
  return { text: text.slice(start, m.end), toDocument: (o) => o + start, offset: start, end: m.end };
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

/** A part found by its address, in the message that holds it. */
export interface LocatedPart {
  message: LocatedMessage;
  /** The part, with offsets into `message.text`. */
  part: MimePart;
}

/**
 * The part numbered `path` (see ../message/partLookup.ts) of the message a
 * document of `kind` holds at `at`; undefined when it is not there.
 */
export function locatePart(kind: DocumentKind, text: string, at: number, path: string): LocatedPart | undefined {
  const message = messageAt(kind, text, at);
  if (!message) return undefined;
  const part = partByPath(parseMessage(message.text).root, path);
  return part && { message, part };
}

/**
 * Reads a mailbox file as a stream of messages in bounded memory: the file is
 * read in 1 MB chunks, fed line by line to the pure splitter
 * (src/mail/mbox/split.ts), and only the bytes of the message still open are
 * held. A message larger than `maxMessageBytes` is reported without its bytes
 * (and not held), so a 500 MB export costs one message plus one chunk.
 */
import { createReadStream } from 'node:fs';
import { HEAD_CHARS, MboxScanner, type MboxMessage, type ScannedLine } from '../mail/mbox/split';

/** One message of the file. */
export interface FileMessage {
  message: MboxMessage;
  /** 0-based line of the message's first header line, counting line breaks as the editor does (CRLF, LF, lone CR). */
  headerLine: number;
  /** The separator line's bytes (without its line break), or undefined when the message was too large to hold. */
  separator?: Buffer;
  /** The bytes of the separator line's line break ('' at the end of the file). */
  separatorBreak?: Buffer;
  /** The message's bytes after its separator line, or undefined when it was larger than `maxMessageBytes`. */
  bytes?: Buffer;
}

/** Options of `readMailbox`. */
export interface MailboxReadOptions {
  /** Largest message held in memory (default 64 MiB). */
  maxMessageBytes?: number;
  /** Bytes read at a time (default 1 MiB). */
  chunkBytes?: number;
}

/** What `readMailbox` found. */
export interface MailboxSummary {
  /** False when the file does not start with a separator line (then no message was visited). */
  isMbox: boolean;
  messages: number;
  size: number;
}

/** The chunks still needed, by absolute offset. */
class ByteStore {
  private chunks: Buffer[] = [];
  private starts: number[] = [];
  /** Bytes before this offset were dropped. */
  keptFrom = 0;

  push(chunk: Buffer, start: number): void {
    this.chunks.push(chunk);
    this.starts.push(start);
  }

  /** The bytes [from, to), or undefined when some were dropped. */
  slice(from: number, to: number): Buffer | undefined {
    if (from < this.keptFrom) return undefined;
    const parts: Buffer[] = [];
    for (let i = 0; i < this.chunks.length; i++) {
      const s = this.starts[i];
      const e = s + this.chunks[i].length;
      if (e <= from || s >= to) continue;
      parts.push(this.chunks[i].subarray(Math.max(0, from - s), Math.min(e, to) - s));
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  byteAt(offset: number): number {
    for (let i = this.chunks.length - 1; i >= 0; i--) {
      const s = this.starts[i];
      if (offset >= s) return offset - s < this.chunks[i].length ? this.chunks[i][offset - s] : -1;
    }
    return -1;
  }

  /** Releases every chunk that ends at or before `offset`. */
  dropBefore(offset: number): void {
    if (offset > this.keptFrom) this.keptFrom = offset;
    let n = 0;
    while (n < this.chunks.length && this.starts[n] + this.chunks[n].length <= offset) n++;
    if (n) {
      this.chunks.splice(0, n);
      this.starts.splice(0, n);
    }
  }
}

/** The line the scanner looks at, reading its bytes from the store on demand. */
class StoreLine implements ScannedLine {
  offset = 0;
  next = 0;
  line = 0;
  blank = false;
  contentEnd = 0;
  constructor(private readonly store: ByteStore) {}
  head(): string {
    return this.store.slice(this.offset, Math.min(this.contentEnd, this.offset + HEAD_CHARS))?.toString('latin1') ?? '';
  }
  octets(): number {
    return this.next - this.offset;
  }
}

/**
 * Visits every message of the mailbox in `file`, in order. `visit` may be
 * async (writing a file); reading waits for it.
 */
export async function readMailbox(file: string, visit: (m: FileMessage) => void | Promise<void>, options: MailboxReadOptions = {}): Promise<MailboxSummary> {
  const maxMessageBytes = options.maxMessageBytes ?? 64 * 1024 * 1024;
  const store = new ByteStore();
  const current = new StoreLine(store);
  const finished: MboxMessage[] = [];
  const scanner = new MboxScanner((m) => finished.push(m));
  let lineStart = 0;
  let lfLines = 0;
  /** Lone CRs so far (each starts a line in the editor's count). */
  let loneCrs = 0;
  let lineLoneCrs = 0;
  let pendingCr = false;
  let size = 0;
  let messages = 0;

  const feed = (next: number, contentEnd: number): void => {
    current.offset = lineStart;
    current.next = next;
    current.contentEnd = contentEnd;
    current.line = lfLines + loneCrs;
    current.blank = contentEnd === lineStart && next > lineStart;
    scanner.line(current);
    loneCrs += lineLoneCrs;
    lineLoneCrs = 0;
    lfLines++;
    lineStart = next;
  };

  const deliver = async (): Promise<void> => {
    while (finished.length) {
      const m = finished.shift()!;
      messages++;
      const held = m.end - m.offset <= maxMessageBytes ? store.slice(m.offset, m.end) : undefined;
      // The scanner was given the editor's line numbers, so `m.line` is one.
      const fm: FileMessage = { message: m, headerLine: m.line + 1 };
      if (held) {
        const rel = m.headerOffset - m.offset;
        let sepEnd = rel;
        if (sepEnd > 0 && held[sepEnd - 1] === 10) sepEnd--;
        if (sepEnd > 0 && held[sepEnd - 1] === 13) sepEnd--;
        fm.separator = held.subarray(0, sepEnd);
        fm.separatorBreak = held.subarray(sepEnd, rel);
        if (sepEnd === rel) fm.headerLine--; // the separator line ends the file: nothing follows it
        // A lone CR inside the separator line starts another editor line.
        for (let i = 0; i < sepEnd; i++) if (held[i] === 13 && held[i + 1] !== 10) fm.headerLine++;
        fm.bytes = held.subarray(rel);
      }
      await visit(fm);
    }
  };

  const stream = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const start = size;
    store.push(chunk, start);
    size += chunk.length;
    let i = 0;
    if (pendingCr) {
      // A CR ended the previous chunk: a lone CR unless this chunk starts with LF.
      if (chunk[0] !== 10) lineLoneCrs++;
      pendingCr = false;
    }
    let cr = chunk.indexOf(13, 0);
    while (i < chunk.length) {
      const lf = chunk.indexOf(10, i);
      const stop = lf < 0 ? chunk.length : lf;
      while (cr >= 0 && cr < stop) {
        if (cr === chunk.length - 1) pendingCr = true;
        else if (chunk[cr + 1] !== 10) lineLoneCrs++;
        cr = chunk.indexOf(13, cr + 1);
      }
      if (lf < 0) break;
      const next = start + lf + 1;
      const crBefore = lf > 0 ? chunk[lf - 1] === 13 : store.byteAt(start - 1) === 13;
      feed(next, crBefore && start + lf - 1 >= lineStart ? start + lf - 1 : start + lf);
      i = lf + 1;
    }
    if (!scanner.isMbox) {
      stream.destroy();
      return { isMbox: false, messages: 0, size };
    }
    await deliver();
    // Keep the open message and the partial line; a message (or a line) over the limit is not kept.
    let keep = Math.min(scanner.openOffset ?? lineStart, lineStart);
    if (size - keep > maxMessageBytes) keep = size - lineStart > maxMessageBytes ? size : lineStart;
    store.dropBefore(keep);
  }
  if (lineStart < size) feed(size, size);
  if (!scanner.isMbox || (messages === 0 && finished.length === 0 && scanner.openOffset === undefined)) return { isMbox: false, messages: 0, size };
  scanner.finish(size);
  await deliver();
  return { isMbox: true, messages, size };
}

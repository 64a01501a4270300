/**
 * How the CLI reads a message or transcript file: as UTF-8 when it is valid
 * UTF-8, else byte for byte (latin1), so no octet is lost; only from a regular
 * file and with a size limit (see `readInputFile`).
 */
import { DEFAULT_MAX_INPUT_BYTES, readInputFile } from './io';

/** Reads a file as UTF-8 when it is valid UTF-8, else byte for byte (latin1). */
export function readText(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): { text: string; encoding: 'utf8' | 'latin1' } {
  return decodeBytes(readInputFile(file, maxBytes));
}

/**
 * `readText`, or undefined after writing to `stderr` why the file cannot be
 * read (every command says it the same way; exit code 2 is the caller's).
 */
export function readTextOrReport(file: string, stderr: NodeJS.WritableStream, maxBytes = DEFAULT_MAX_INPUT_BYTES): { text: string; encoding: 'utf8' | 'latin1' } | undefined {
  try {
    return readText(file, maxBytes);
  } catch (e) {
    stderr.write(`smtp-eml: cannot read ${file}: ${(e as Error).message}\n`);
    return undefined;
  }
}

/** Decodes bytes the same way (a mailbox's messages, one at a time). */
export function decodeBytes(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD') || Buffer.from(utf8, 'utf8').equals(bytes)) return { text: utf8, encoding: 'utf8' };
  return { text: bytes.toString('latin1'), encoding: 'latin1' };
}

/**
 * How the CLI reads a message or transcript file: as UTF-8 when it is valid
 * UTF-8, else byte for byte (latin1), so no octet is lost; only from a regular
 * file and with a size limit (see `readInputFile`).
 */
import { ENGLISH_CLI_TEXTS, type CliTexts } from '../mail/cliTexts';
import { DEFAULT_MAX_INPUT_BYTES, describeInputProblem, InputError, readInputFile } from './io';

/** Reads a file as UTF-8 when it is valid UTF-8, else byte for byte (latin1). */
export function readText(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): { text: string; encoding: 'utf8' | 'latin1' } {
  return decodeBytes(readInputFile(file, maxBytes));
}

/**
 * `readText`, or undefined after writing to `stderr` why the file cannot be
 * read (every command says it the same way; exit code 2 is the caller's).
 */
export function readTextOrReport(
  file: string,
  stderr: NodeJS.WritableStream,
  maxBytes = DEFAULT_MAX_INPUT_BYTES,
  texts: CliTexts = ENGLISH_CLI_TEXTS,
): { text: string; encoding: 'utf8' | 'latin1' } | undefined {
  try {
    return readText(file, maxBytes);
  } catch (e) {
    stderr.write(`smtp-eml: ${texts.cannotRead(file, readFailure(e, texts))}\n`);
    return undefined;
  }
}

/**
 * Why reading failed, in the language of `texts`: the input's own problem,
 * else the system's reason by its error code (`ENOENT`), else its message.
 */
export function readFailure(error: unknown, texts: CliTexts): string {
  if (error instanceof InputError) return describeInputProblem(error.file, error.problem, texts);
  const e = error as NodeJS.ErrnoException;
  return typeof e?.code === 'string' ? texts.systemReason(e.code, e.message) : String(e?.message ?? e);
}

/** Decodes bytes the same way (a mailbox's messages, one at a time). */
export function decodeBytes(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD') || Buffer.from(utf8, 'utf8').equals(bytes)) return { text: utf8, encoding: 'utf8' };
  return { text: bytes.toString('latin1'), encoding: 'latin1' };
}

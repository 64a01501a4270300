/**
 * The CLI's contact with the terminal and the file system, made safe against
 * hostile input: every control character that reaches stdout or stderr is
 * shown escaped (a header line holding `ESC ]0;... BEL` or a server reply
 * with `ESC [2J` must not retitle or clear the user's terminal), inputs are
 * read with a size limit and only from regular files (a FIFO would hang,
 * /dev/zero would never end), and a closed pipe (`| head -1`) ends the
 * process quietly.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { ENGLISH_CLI_TEXTS, type CliTexts } from '../mail/cliTexts';

/** Default bound on an input file (`--max-size` changes it). */
export const DEFAULT_MAX_INPUT_BYTES = 200 * 1024 * 1024;

/**
 * Characters a terminal may act on: C0 controls but TAB and LF (the CLI's own
 * line ends), DEL, C1 controls (0x9b is CSI on some terminals), LINE and
 * PARAGRAPH SEPARATOR.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with every terminal control character written as `\xHH` (`\uHHHH` above U+00FF). */
export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => {
    const n = c.charCodeAt(0);
    return n > 0xff ? `\\u${n.toString(16).padStart(4, '0')}` : `\\x${n.toString(16).padStart(2, '0')}`;
  });
}

/**
 * JSON text with the characters JSON.stringify leaves raw but a terminal may
 * act on (C1 controls, DEL, U+2028/U+2029) written as `\uHHHH` escapes: still
 * valid JSON, and the parsed value is unchanged.
 */
export function escapeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writable that escapes terminal controls (see `escapeTerminal`) in everything written to `stream`. */
export function escapingWriter(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Proxy(stream, {
    get(target, key, receiver) {
      if (key === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
          return (target.write as (...a: unknown[]) => boolean).call(target, escapeTerminal(text), ...rest);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Why a file is not read (the kind of file, or its size against the limit in binary megabytes). */
export type InputProblem = { kind: 'directory' | 'fifo' | 'device' | 'socket' | 'not-regular' } | { kind: 'too-large'; megabytes: number };

/** An input problem in the language of `texts`. */
export function describeInputProblem(file: string, problem: InputProblem, texts: CliTexts): string {
  switch (problem.kind) {
    case 'directory':
      return texts.isDirectory(file);
    case 'fifo':
      return texts.isFifo(file);
    case 'device':
      return texts.isDevice(file);
    case 'socket':
      return texts.isSocket(file);
    case 'not-regular':
      return texts.notRegularFile(file);
    case 'too-large':
      return texts.tooLarge(file, problem.megabytes);
  }
}

/** Why an input cannot be read: the message (English) is for the user, without a stack; `problem` says it in any language. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: InputProblem,
  ) {
    super(describeInputProblem(file, problem, ENGLISH_CLI_TEXTS));
  }
}

/** Writes a usage error with the pointer to `--help` and returns exit code 2 (wrong usage). */
export function usageError(stderr: NodeJS.WritableStream, message: string, texts: CliTexts = ENGLISH_CLI_TEXTS): number {
  stderr.write(`smtp-eml: ${message}\n${texts.seeHelp}\n`);
  return 2;
}

/** A byte count in the binary megabytes the limit is given in, to one decimal. */
function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * Reads a regular file of at most `maxBytes`. A FIFO, a device (`/dev/zero`),
 * a socket or a directory is refused before it is opened (opening a FIFO
 * blocks until a writer comes); the read stops after `maxBytes` + 1 octets,
 * so a file that grows while it is read (or a /proc file that reports size 0)
 * cannot exceed the bound either.
 */
export function readInputFile(file: string, maxBytes: number): Buffer {
  const st = statSync(file);
  if (st.isDirectory()) throw new InputError(file, { kind: 'directory' });
  if (!st.isFile()) {
    const kind = st.isFIFO() ? 'fifo' : st.isCharacterDevice() || st.isBlockDevice() ? 'device' : st.isSocket() ? 'socket' : 'not-regular';
    throw new InputError(file, { kind });
  }
  const tooBig = (): InputError => new InputError(file, { kind: 'too-large', megabytes: megabytes(maxBytes) });
  if (st.size > maxBytes) throw tooBig();
  const fd = openSync(file, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new InputError(file, { kind: 'not-regular' });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooBig();
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Parses `--max-size MB` (a positive number of binary megabytes) into bytes. */
export function parseMaxSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 512) return NaN;
  return Math.floor(Number(value) * 1024 * 1024);
}

/**
 * Ends the process quietly when a reader closes the pipe (`smtp-eml check x | head -1`):
 * EPIPE on stdout or stderr is the reader saying it has read enough, not an error.
 */
export function endQuietlyOnClosedPipe(streams: NodeJS.WritableStream[]): void {
  for (const s of streams) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw e;
    });
  }
}

/**
 * The locale of the CLI's texts: `--locale` when given, else the POSIX variables
 * in gettext's order of precedence (LC_ALL, LC_MESSAGES, LANG). The caller takes
 * its bundle with `bundleFor` (src/mail/i18n.ts); `C`, `POSIX` and unknown
 * languages are English.
 */
export function cliLocale(option: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return option ?? (env.LC_ALL || env.LC_MESSAGES || env.LANG || undefined);
}

/**
 * The value of `--locale` anywhere among the arguments (`--locale fa` or
 * `--locale=fa`, before a `--`), so that the help and usage errors speak the
 * language even when the command is unknown or its options do not parse.
 */
export function argvLocale(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--locale' && i + 1 < argv.length) return argv[i + 1];
    if (arg.startsWith('--locale=')) return arg.slice('--locale='.length);
  }
  return undefined;
}

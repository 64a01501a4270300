/**
 * The CLI's mailbox commands:
 *
 *   smtp-eml check FILE.mbox          each message validated alone, positions in the file
 *   smtp-eml split FILE.mbox --out DIR  one .eml per message (mboxrd quoting undone)
 *   smtp-eml join DIR|FILE... --out FILE.mbox   an mboxrd mailbox (quoting added)
 *
 * split keeps each message's "From " separator line as the first line of its
 * .eml (our parser and most mail tools read it as the envelope, RFC 4155), so
 * `join` of the pieces gives back the original file byte for byte. The empty
 * line between two messages belongs to the mailbox: split drops it, join adds
 * it; the last message keeps whatever ends the file.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { parseArgs } from 'node:util';
import { problem, type Problem } from '../mail/codes';
import { bundleFor } from '../mail/i18n';
import { isSeparatorLine, quoteFromLines, separatorLine, unquoteFromLines, HEAD_CHARS } from '../mail/mbox/split';
import { mailboxesOf, parseAddressList } from '../mail/message/address';
import { parseDateTime } from '../mail/message/dates';
import { findHeader } from '../mail/message/model';
import { parseMessage } from '../mail/message/parse';
import { DEFAULT_MAX_FULL_SIZE } from '../mail/message/validate';
import type { CliIo } from './main';
import { readMailbox } from './mailboxFile';
import { argvLocale, cliLocale } from './io';
import { decodeBytes, readFailure } from './readText';
import { commandHelp } from './usage';

/** True when the file starts with an mbox separator line (read from its first bytes only). */
export function isMailboxFile(file: string): boolean {
  let fd: number | undefined;
  try {
    // Only a regular file can be a mailbox: opening a FIFO would wait for a writer.
    if (!statSync(file).isFile()) return false;
    fd = openSync(file, 'r');
    const head = Buffer.alloc(HEAD_CHARS);
    const n = readSync(fd, head, 0, HEAD_CHARS, 0);
    const first = head.subarray(0, n).toString('latin1').split('\n', 1)[0];
    return isSeparatorLine(first);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A problem of one message, with its place in the mailbox file. */
export interface MailboxProblem {
  problem: Problem;
  /** 1-based message number. */
  message: number;
  /** 0-based line in the file of the message's first header line (add the problem's line in the message). */
  headerLine: number;
  /** The message's text, for turning the problem's offset into a line and column. */
  text: string;
}

/**
 * Validates every message of a mailbox file alone with `validate` (the
 * check's own options), streaming (one message in memory at a time). Resolves to the counts; `report` gets each problem.
 */
export async function checkMailbox(
  file: string,
  locale: string | undefined,
  validate: (text: string, encoding: 'utf8' | 'latin1') => Problem[],
  report: (p: MailboxProblem) => void,
): Promise<{ messages: number; withErrors: number; isMbox: boolean }> {
  let withErrors = 0;
  const summary = await readMailbox(
    file,
    (m) => {
      const number = m.message.index + 1;
      let problems: Problem[];
      let text = '';
      if (!m.bytes) {
        const size = m.message.end - m.message.headerOffset;
        problems = [problem('too-large', 0, 0, bundleFor(locale).messages['too-large'](size, DEFAULT_MAX_FULL_SIZE))];
      } else {
        const decoded = decodeBytes(m.bytes);
        text = decoded.text;
        problems = validate(decoded.text, decoded.encoding);
      }
      if (problems.some((p) => p.severity === 'error')) withErrors++;
      for (const p of problems) report({ problem: p, message: number, headerLine: m.headerLine, text });
    },
    { maxMessageBytes: DEFAULT_MAX_FULL_SIZE },
  );
  return { messages: summary.messages, withErrors, isMbox: summary.isMbox };
}

function usage(io: CliIo, message: string, text: string): number {
  io.stderr.write(`smtp-eml: ${message}\n${text}`);
  return 2;
}

/** `smtp-eml split`. */
export async function runSplit(args: string[], io: CliIo): Promise<number> {
  const texts = bundleFor(cliLocale(argvLocale(args), io.env)).cli;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, 'strip-envelope': { type: 'boolean', default: false }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(commandHelp('split', texts));
    return 0;
  }
  if (positionals.length !== 1) return usage(io, texts.needsOneFile('split'), commandHelp('split', texts));
  if (!values.out) return usage(io, texts.needsOut('split', 'DIR'), commandHelp('split', texts));
  const file = positionals[0]!;
  const dir = values.out;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    io.stderr.write(`smtp-eml: ${texts.cannotCreate(dir, (e as Error).message)}\n`);
    return 1;
  }
  const written: string[] = [];
  let failed: string | undefined;
  let summary;
  try {
    summary = await readMailbox(
      file,
      (m) => {
        if (failed) return;
        const name = joinPath(dir, `${String(m.message.index + 1).padStart(4, '0')}.eml`);
        if (!m.bytes || !m.separator) {
          failed = `message ${m.message.index + 1} (line ${m.message.line + 1}) is larger than ${SPLIT_LIMIT / 1024 / 1024} MB`;
          return;
        }
        // Latin-1 maps each byte to one character and back: quoting is undone on the bytes as they are.
        const body = Buffer.from(unquoteFromLines(m.bytes.toString('latin1')), 'latin1');
        const parts = values['strip-envelope'] ? [body] : [m.separator, m.separatorBreak!, body];
        let fd: number;
        try {
          fd = openSync(name, 'wx');
        } catch (e) {
          failed = (e as NodeJS.ErrnoException).code === 'EEXIST' ? texts.splitWouldOverwrite(name) : texts.cannotWrite(name, (e as Error).message);
          return;
        }
        try {
          for (const p of parts) writeSync(fd, p);
        } finally {
          closeSync(fd);
        }
        written.push(name);
      },
      { maxMessageBytes: SPLIT_LIMIT },
    );
  } catch (e) {
    io.stderr.write(`smtp-eml: ${texts.cannotRead(file, readFailure(e, texts))}\n`);
    return 2;
  }
  if (!summary.isMbox) {
    io.stderr.write(`smtp-eml: ${texts.notMailbox(file)}\n`);
    return 1;
  }
  if (failed) {
    io.stderr.write(`smtp-eml: ${texts.stoppedAfter(written.length, failed)}\n`);
    return 1;
  }
  io.stderr.write(`smtp-eml: ${texts.wroteMessages(written.length, dir)}\n`);
  return 0;
}

/** Largest message split writes (held in memory while written). */
const SPLIT_LIMIT = 1024 * 1024 * 1024;

/** The .eml files of a directory in name order, or the file itself. */
function inputsOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((n) => /\.eml$/i.test(n))
    .sort()
    .map((n) => joinPath(path, n));
}

/** A separator line for a message without one: sender from Return-Path, else From; date from Date, else `fallback`. */
function separatorFor(bytes: Buffer, fallback: Date): string {
  const { text } = decodeBytes(bytes.subarray(0, Math.min(bytes.length, 256 * 1024)));
  const { root } = parseMessage(text);
  let sender = '';
  for (const name of ['return-path', 'from', 'sender']) {
    const field = findHeader(root, name);
    if (!field) continue;
    const boxes = mailboxesOf(parseAddressList(field.value, 0).items);
    if (boxes[0]?.address) {
      sender = boxes[0].address;
      break;
    }
  }
  const dateField = findHeader(root, 'date');
  const date = (dateField && parseDateTime(dateField.value).date) || fallback;
  return separatorLine(sender, date);
}

/** `smtp-eml join`. */
export async function runJoin(args: string[], io: CliIo): Promise<number> {
  const texts = bundleFor(cliLocale(argvLocale(args), io.env)).cli;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(commandHelp('join', texts));
    return 0;
  }
  if (positionals.length === 0) return usage(io, texts.joinNeedsInput, commandHelp('join', texts));
  if (!values.out) return usage(io, texts.needsOut('join', 'FILE.mbox'), commandHelp('join', texts));
  let inputs: string[];
  try {
    inputs = positionals.flatMap(inputsOf);
  } catch (e) {
    io.stderr.write(`smtp-eml: ${texts.cannotRead((e as Error & { path?: string }).path ?? texts.anInput, readFailure(e, texts))}\n`);
    return 2;
  }
  if (inputs.length === 0) {
    io.stderr.write(`smtp-eml: ${texts.noEmlToJoin}\n`);
    return 1;
  }
  let fd: number;
  try {
    fd = openSync(values.out, values.force ? 'w' : 'wx');
  } catch (e) {
    const exists = (e as NodeJS.ErrnoException).code === 'EEXIST';
    io.stderr.write(`smtp-eml: ${exists ? texts.outExists(values.out) : texts.cannotWrite(values.out, (e as Error).message)}\n`);
    return 1;
  }
  try {
    for (let i = 0; i < inputs.length; i++) {
      const bytes = readFileSync(inputs[i]);
      const text = bytes.toString('latin1');
      const firstBreak = text.indexOf('\n');
      const eol = firstBreak > 0 && text.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
      let separator: string;
      let content: string;
      const firstLine = (firstBreak < 0 ? text : text.slice(0, firstBreak)).replace(/\r$/, '');
      if (isSeparatorLine(firstLine)) {
        separator = text.slice(0, firstBreak < 0 ? text.length : firstBreak + 1);
        content = firstBreak < 0 ? '' : text.slice(firstBreak + 1);
      } else {
        separator = separatorFor(bytes, statSync(inputs[i]).mtime) + eol;
        content = text;
      }
      let out = separator + quoteFromLines(content);
      if (i < inputs.length - 1) {
        // Every message but the last ends with a line break and the empty line that separates it from the next.
        if (!out.endsWith('\n')) out += eol;
        out += eol;
      }
      writeSync(fd, Buffer.from(out, 'latin1'));
    }
  } catch (e) {
    io.stderr.write(`smtp-eml: ${texts.joinFailed((e as Error).message)}\n`);
    return 1;
  } finally {
    closeSync(fd);
  }
  io.stderr.write(`smtp-eml: ${texts.wroteMessages(inputs.length, values.out)}\n`);
  return 0;
}

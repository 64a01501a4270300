/**
 * `smtp-eml`: the command line.
 *
 *   smtp-eml check [--format text|json] [--locale fa] FILE...
 *   smtp-eml send FILE --host H [--port P] [--security starttls|tls|none] [--user U]
 *                 [--insecure] [--ca FILE] [--from ADDR] [--to ADDR]... [--log FILE]
 *   smtp-eml inbox [--port 2525] [--dir DIR] [--script FILE.smtp]
 *   smtp-eml split FILE.mbox --out DIR  /  smtp-eml join DIR|FILE... --out FILE.mbox
 *
 * Exit codes: 0 success; 1 errors found (check) or message not sent (send);
 * 2 wrong usage or unreadable input.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KeyLookup } from '../mail/auth/keys';
import { CODES, type Problem } from '../mail/codes';
import type { CliTexts } from '../mail/cliTexts';
import { bundleFor } from '../mail/i18n';
import { LineIndex } from './lineIndex';
import { validateMessage } from '../mail/message/validate';
import { htmlOptionsOf } from './htmlClients';
import type { HtmlCheckOptions } from '../mail/html/check';
import { validateTranscript } from '../mail/transcript/validate';
import type * as InboxModule from '../send/inbox';
import { loadInboxScript, type InboxScript } from '../send/inboxScript';
import { MAX_TIMER_MS } from '../send/limits';
import { runTokenCommand } from '../send/oauth2';
import type * as SendModule from '../send/send';
import type { SmtpProfile } from '../send/types';
import { VERSION } from '../version';
import { CHECK_DKIM_OPTIONS, keysFromFile, SEND_DKIM_OPTIONS, signingFromArgs } from './dkim';
import { argvLocale, cliLocale, DEFAULT_MAX_INPUT_BYTES, endQuietlyOnClosedPipe, escapeJson, escapeTerminal, escapingWriter, parseMaxSize, usageError } from './io';
import { connectionOptions, readConnectionArgs } from './connectionArgs';
import { checkMailbox, isMailboxFile, runJoin, runSplit } from './mailbox';
import { readPassword } from './password';
import { readFailure, readText, readTextOrReport } from './readText';
import type * as RenderModule from './render';
import type * as ReplayModule from './replay';
import { usageText } from './usage';

/** Where the CLI writes; tests and embedders can swap these. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
  env: NodeJS.ProcessEnv;
}

class UsageError extends Error {}

/** One problem as `file:line:col: severity code message` (positions 1-based). */
export function formatProblem(file: string, index: LineIndex, p: Problem): string {
  const { line, column } = index.positionAt(p.offset);
  return `${file}:${line}:${column}: ${p.severity} ${p.code} ${p.message.replace(/\r?\n/g, ' ')}`;
}

/**
 * The problems of one file, validated by its kind (.smtp transcripts, anything else a message).
 * A file read as latin1 has one character per octet, so line lengths count characters.
 */
function checkText(file: string, text: string, encoding: 'utf8' | 'latin1', locale: string | undefined, html: HtmlCheckOptions | false, keys?: KeyLookup): Problem[] {
  const options = { textEncoding: encoding, html, keys, l10n: bundleFor(locale) };
  return /\.smtp$/i.test(file) ? validateTranscript(text, options) : validateMessage(text, options);
}

async function runCheck(args: string[], io: CliIo, texts: CliTexts): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, locale: { type: 'string' }, 'html-clients': { type: 'string' }, 'max-size': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...CHECK_DKIM_OPTIONS },
  });
  if (values.help) {
    io.stdout.write(usageText(texts));
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(texts.formatInvalid(String(values.format)));
  if (positionals.length === 0) throw new UsageError(texts.checkNeedsFile);
  const maxBytes = maxSizeOf(values['max-size'], texts);
  const locale = cliLocale(values.locale, io.env);
  const htmlChoice = htmlOptionsOf(values['html-clients'], texts);
  if ('error' in htmlChoice) throw new UsageError(htmlChoice.error);
  const html = htmlChoice.options;
  let keys: KeyLookup | undefined;
  try {
    keys = keysFromFile(values['dkim-keys'], texts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let errors = 0;
  let unreadable = 0;
  const json: unknown[] = [];
  for (const file of positionals) {
    if (!/\.smtp$/i.test(file) && isMailboxFile(file)) {
      // A mailbox: streamed, each message checked alone, positions in the file.
      let indexed: { text: string; index: LineIndex } | undefined;
      let result;
      try {
        const validate = (text: string, encoding: 'utf8' | 'latin1'): Problem[] => checkText(file, text, encoding, locale, html, keys);
        result = await checkMailbox(file, locale, validate, ({ problem: p, message, headerLine, text }) => {
          if (indexed?.text !== text) indexed = { text, index: new LineIndex(text) };
          const { index } = indexed;
          if (p.severity === 'error') errors++;
          const start = index.positionAt(p.offset);
          const line = headerLine + start.line;
          if (values.format === 'text') {
            io.stdout.write(`${file}:${line}:${start.column}: ${p.severity} ${p.code} ${p.message.replace(/\r?\n/g, ' ')}\n`);
          } else {
            const end = index.positionAt(p.offset + p.length);
            const entry: Record<string, unknown> = { file, line, column: start.column, endLine: headerLine + end.line, endColumn: end.column, severity: p.severity, code: p.code, source: CODES[p.code]?.source, message: p.message, mboxMessage: message };
            if (CODES[p.code]?.href) entry.href = CODES[p.code].href;
            json.push(entry);
          }
        });
      } catch (e) {
        io.stderr.write(`smtp-eml: ${texts.cannotRead(file, readFailure(e, texts))}\n`);
        unreadable++;
        continue;
      }
      io.stderr.write(`smtp-eml: ${texts.mailboxSummary(file, result.messages, result.withErrors)}\n`);
      continue;
    }
    const input = readTextOrReport(file, io.stderr, maxBytes, texts);
    if (!input) {
      unreadable++;
      continue;
    }
    const { text } = input;
    const problems = checkText(file, text, input.encoding, locale, html, keys);
    const index = new LineIndex(text);
    for (const p of problems) {
      if (p.severity === 'error') errors++;
      if (values.format === 'text') {
        io.stdout.write(`${formatProblem(file, index, p)}\n`);
      } else {
        const start = index.positionAt(p.offset);
        const end = index.positionAt(p.offset + p.length);
        const entry: Record<string, unknown> = {
          file,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          severity: p.severity,
          code: p.code,
          source: CODES[p.code]?.source,
          message: p.message,
        };
        if (CODES[p.code]?.href) entry.href = CODES[p.code].href;
        json.push(entry);
      }
    }
  }
  if (values.format === 'json') io.stdout.write(`${escapeJson(JSON.stringify(json, null, 2))}\n`);
  if (unreadable) return 2;
  return errors > 0 ? 1 : 0;
}

/** `--max-size MB` in bytes, or the default. */
function maxSizeOf(value: string | undefined, texts: CliTexts): number {
  const bytes = parseMaxSize(value);
  if (bytes === undefined) return DEFAULT_MAX_INPUT_BYTES;
  if (Number.isNaN(bytes)) throw new UsageError(texts.maxSizeInvalid(String(value)));
  return bytes;
}

function parsePort(value: string | undefined, name: string, texts: CliTexts): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new UsageError(texts.portInvalid(name, value, 0));
  return Number(value);
}

async function runSend(args: string[], io: CliIo, texts: CliTexts): Promise<number> {
  // nodemailer and the send engine: loaded by this command only.
  const { cleartextAuthProblem, defaultPort, sendMessage } = require('../send/send') as typeof SendModule;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...connectionOptions('starttls'),
      ca: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string', multiple: true },
      log: { type: 'string' },
      name: { type: 'string' },
      'max-size': { type: 'string' },
      'allow-cleartext-auth': { type: 'boolean', default: false },
      'oauth2-token-command': { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...SEND_DKIM_OPTIONS,
    },
  });
  if (values.help) {
    io.stdout.write(usageText(texts));
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(texts.needsOneFile('send'));
  const tokenCommand = values['oauth2-token-command'];
  if (tokenCommand !== undefined && !values.user) throw new UsageError(texts.tokenCommandNeedsUser);
  if (tokenCommand !== undefined && !tokenCommand.trim()) throw new UsageError(texts.tokenCommandEmpty);
  const connection = readConnectionArgs('send', values, texts);
  if (typeof connection === 'string') throw new UsageError(connection);
  const { security, port, timeout } = connection;
  let dkim;
  try {
    dkim = signingFromArgs(values, io.env, texts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const file = positionals[0]!;
  const maxBytes = maxSizeOf(values['max-size'], texts);
  const input = readTextOrReport(file, io.stderr, maxBytes, texts);
  if (!input) return 2;

  const profile: SmtpProfile = { name: `command line (${connection.host})`, host: connection.host, security };
  if (port !== undefined) profile.port = port;
  if (values.user) profile.user = values.user;
  if (values.insecure) profile.rejectUnauthorized = false;
  if (values.ca) profile.caFile = resolve(values.ca);
  if (values.name) profile.clientName = values.name;
  if (timeout !== undefined) {
    profile.connectionTimeout = timeout;
    profile.greetingTimeout = timeout;
    profile.socketTimeout = timeout;
    // Silence ends a stage after `timeout`; a server that trickles bytes is stopped at twice that.
    profile.stageTimeout = Math.min(timeout * 2, MAX_TIMER_MS);
  }
  if (values['allow-cleartext-auth']) profile.allowCleartextAuth = true;
  // Before any password prompt: a login that would go out in the clear is refused unless insisted on.
  const cleartext = cleartextAuthProblem(profile, bundleFor(cliLocale(values.locale, io.env)).transcriptMessages);
  if (cleartext) {
    io.stderr.write(`smtp-eml: ${texts.notSent(cleartext)}\n`);
    return 1;
  }

  if (tokenCommand !== undefined) {
    profile.auth = 'oauth2';
    profile.tokenCommand = tokenCommand;
  }
  let password: string | undefined;
  if (values.user && tokenCommand === undefined) {
    password = io.env.SMTP_PASSWORD;
    if (password === undefined) {
      password = await readPassword(texts.passwordPrompt(values.user, connection.host, defaultPort(profile)), io.stdin, io.stderr);
      if (password === undefined) {
        io.stderr.write(`smtp-eml: ${texts.noPassword}\n`);
        return 1;
      }
    }
  }

  let logStream: WriteStream | undefined;
  if (values.log) {
    logStream = createWriteStream(values.log);
    await new Promise<void>((ok, fail) => {
      logStream!.once('open', () => ok());
      logStream!.once('error', fail);
    }).catch((e: Error) => {
      throw new UsageError(texts.cannotWriteLog(String(values.log), e.message));
    });
  }
  const out = logStream ?? io.stdout;

  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const envelope: { from?: string; to?: string[] } = {};
    if (values.from) envelope.from = values.from;
    if (values.to?.length) envelope.to = values.to;
    const result = await sendMessage({
      text: input.text,
      encoding: input.encoding,
      profile,
      password,
      getAccessToken: tokenCommand === undefined ? undefined : () => runTokenCommand(tokenCommand, { signal: controller.signal }),
      envelope,
      signal: controller.signal,
      onLog: (line) => out.write(`${line}\n`),
      dkim,
      locale: cliLocale(values.locale, io.env),
    });
    for (const r of result.recipients) {
      if (!r.accepted && r.reply) io.stderr.write(`smtp-eml: ${texts.refused(r.address, r.reply)}\n`);
    }
    if (result.ok) {
      const accepted = result.recipients.filter((r) => r.accepted).length;
      io.stderr.write(`smtp-eml: ${texts.sentTo(accepted, result.recipients.length, result.response ?? '')}\n`);
      return 0;
    }
    const reason = (result.error?.message ?? texts.unknownError).replace(/\r?\n/g, ' ');
    io.stderr.write(`smtp-eml: ${result.deliveryUnknown ? texts.deliveryUnknown(reason) : texts.notSent(reason)}\n`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    if (logStream) await new Promise<void>((done) => logStream!.end(() => done()));
  }
}

async function runInbox(args: string[], io: CliIo, texts: CliTexts): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string', default: '2525' }, dir: { type: 'string', default: 'inbox' }, script: { type: 'string' }, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(usageText(texts));
    return 0;
  }
  const port = parsePort(values.port, '--port', texts) ?? 2525;
  const dir = resolve(values.dir ?? 'inbox');
  let script: InboxScript | undefined;
  if (values.script) {
    let text: string;
    try {
      text = readText(values.script).text;
    } catch (e) {
      io.stderr.write(`smtp-eml: ${texts.cannotRead(values.script, readFailure(e, texts))}\n`);
      return 2;
    }
    const loaded = loadInboxScript(text, bundleFor(cliLocale(values.locale, io.env)));
    if (!loaded.script) {
      const index = new LineIndex(text);
      for (const p of loaded.problems) io.stderr.write(`${formatProblem(values.script, index, p)}\n`);
      io.stderr.write(`smtp-eml: ${texts.scriptProblems(values.script, loaded.problems.length)}\n`);
      return 1;
    }
    script = loaded.script;
  }
  let inbox;
  try {
    // smtp-server: loaded by this command only.
    const { startLocalInbox } = require('../send/inbox') as typeof InboxModule;
    inbox = await startLocalInbox({ port, dir, ...(script ? { script } : {}) });
  } catch (e) {
    io.stderr.write(`smtp-eml: ${texts.inboxCannotStart(port, (e as Error).message)}\n`);
    return 1;
  }
  inbox.onMessage((file) => io.stdout.write(`${texts.inboxReceived(file)}\n`));
  inbox.onSession((session) => io.stdout.write(`${texts.inboxSession(session.transcript)}\n`));
  io.stdout.write(`${texts.inboxListening(inbox.port, dir, values.script)}\n`);
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      done();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await inbox.close();
  io.stdout.write(`${texts.inboxStopped}\n`);
  return 0;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], raw: CliIo): Promise<number> {
  // Whatever a file or a server holds, the terminal sees no control character unescaped.
  const io: CliIo = { ...raw, stdout: escapingWriter(raw.stdout), stderr: escapingWriter(raw.stderr) };
  const [command, ...rest] = argv;
  // The help and the CLI's own lines speak the language of --locale (wherever it is given), else of the environment.
  const texts = bundleFor(cliLocale(argvLocale(argv), io.env)).cli;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io, texts);
      case 'split':
        return await runSplit(rest, io);
      case 'join':
        return await runJoin(rest, io);
      case 'send':
        return await runSend(rest, io, texts);
      case 'inbox':
        return await runInbox(rest, io, texts);
      // Loaded for their command only (scripts/build.mjs makes each its own file): check starts without them.
      case 'render':
        return (require('./render') as typeof RenderModule).runRender(rest, io);
      case 'replay':
        return await (require('./replay') as typeof ReplayModule).runReplay(rest, io);
      case '--version':
      case '-v':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(usageText(texts));
        return 0;
      case undefined:
        io.stderr.write(usageText(texts));
        return 2;
      default:
        throw new UsageError(texts.unknownCommand(command));
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    if (e instanceof UsageError) return usageError(io.stderr, err.message, texts);
    if (typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS')) return usageError(io.stderr, texts.argumentError(err.code, err.message), texts);
    io.stderr.write(`smtp-eml: ${err.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  endQuietlyOnClosedPipe([process.stdout, process.stderr]);
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`smtp-eml: ${escapeTerminal(e.message)}\n`);
      process.exitCode = 1;
    },
  );
}

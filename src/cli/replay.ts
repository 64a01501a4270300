/**
 * `smtp-eml replay FILE.smtp --host H [--port P] [--security starttls|tls|none]
 * [--match code|class|text] [--user U] [--insecure] [--timeout MS]`: plays the
 * transcript's client side against a live server and prints the live session
 * as a transcript, each difference marked. Exit 0 when every reply matches,
 * 1 when any differs (or the server ended the session early), 2 when it could
 * not run (usage, unreadable file, no connection, nothing to replay).
 */
import { parseArgs } from 'node:util';
import { replayTranscript, type ReplayMatch } from '../send/replay';
import type { CliIo } from './main';
import { readTextOrReport } from './readText';
import { bundleFor } from '../mail/i18n';
import type { CliTexts } from '../mail/cliTexts';
import { argvLocale, cliLocale, usageError } from './io';
import { commandUsage } from './usage';
import { readPassword } from './password';
import { connectionOptions, readConnectionArgs } from './connectionArgs';

/** Usage of `replay`, also part of `smtp-eml --help`. */
function usage(io: CliIo, message: string, texts?: CliTexts): number {
  return usageError(io.stderr, message, texts);
}

/** Runs `smtp-eml replay ...`; resolves to the exit code. */
export async function runReplay(args: string[], io: CliIo): Promise<number> {
  const bundle = bundleFor(cliLocale(argvLocale(args), io.env));
  const texts = bundle.cli;
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...connectionOptions('none'),
      match: { type: 'string', default: 'code' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(commandUsage('replay', texts));
    return 0;
  }
  if (positionals.length !== 1) return usage(io, texts.needsOneFile('replay'), texts);
  const connection = readConnectionArgs('replay', values, texts);
  if (typeof connection === 'string') return usage(io, connection, texts);
  const { host, security, port, timeout } = connection;
  const match = values.match as ReplayMatch;
  if (!['code', 'class', 'text'].includes(match)) return usage(io, texts.matchInvalid(String(values.match)), texts);
  const file = positionals[0]!;
  const input = readTextOrReport(file, io.stderr, undefined, texts);
  if (!input) return 2;
  const text = input.text;
  let password: string | undefined;
  if (values.user) {
    password = io.env.SMTP_PASSWORD ?? (await readPassword(texts.replayPasswordPrompt(values.user, host), io.stdin, io.stderr));
    if (password === undefined) {
      io.stderr.write(`smtp-eml: ${texts.replayNoPassword}\n`);
      return 2;
    }
  }
  const result = await replayTranscript({
    text,
    host,
    security,
    match,
    insecure: values.insecure,
    ...(port !== undefined ? { port } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    ...(values.user ? { user: values.user, password } : {}),
    onLog: (line) => io.stdout.write(`${line}\n`),
    texts: bundle.replay,
  });
  for (const m of result.mismatches) io.stderr.write(`${file}:${m.line}: ${texts.replayMismatch(m.command, m.expected, m.actual)}\n`);
  if (!result.ran) {
    io.stderr.write(`smtp-eml: ${texts.replayCouldNotRun(result.error ?? texts.unknownError)}\n`);
    return 2;
  }
  if (result.error) io.stderr.write(`smtp-eml: ${texts.replayStopped(result.error)}\n`);
  if (result.ok) io.stderr.write(`smtp-eml: ${texts.replayAllMatch}\n`);
  return result.ok ? 0 : 1;
}

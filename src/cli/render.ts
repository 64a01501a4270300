/**
 * `smtp-eml render FILE [--out FILE.html] [--allow-remote]`: the preview of a
 * message as one self-contained, sanitized HTML page (images as `data:` URIs,
 * no remote load unless --allow-remote), for CI artefacts and browsers. An
 * .mbox renders its first message (or --message N); an .smtp transcript the
 * message of its first DATA (or --message N).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bundleFor, resolveLanguage } from '../mail/i18n';
import { validateMessage } from '../mail/message/validate';
import { buildPreview } from '../mail/preview/build';
import { renderStandalone } from '../mail/preview/render';
import { splitMbox } from '../mail/mbox/split';
import { messageAt, mboxMessageAt, type DocumentKind, type LocatedMessage } from '../mail/preview/source';
import { parseTranscript } from '../mail/transcript';
import { readTextOrReport } from './readText';
import { commandUsage } from './usage';
import { argvLocale, cliLocale, usageError } from './io';

/** The command's part of `smtp-eml --help`. */
/** Where the CLI writes (the subset of main.ts's CliIo this command uses). */
interface RenderIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}


/** The Nth message (1-based) of a document of `kind`. */
function nthMessage(kind: DocumentKind, text: string, n: number): LocatedMessage | undefined {
  if (kind === 'eml') return n === 1 ? messageAt('eml', text, 0) : undefined;
  if (kind === 'mbox') {
    const messages = splitMbox(text);
    if (!messages.length) return n === 1 ? mboxMessageAt(text, 0) : undefined;
    const m = messages[n - 1];
    return m ? mboxMessageAt(text, m.offset) : undefined;
  }
  const blocks = parseTranscript(text).dataBlocks.filter((b) => !b.elided && b.lines.length > 0);
  const block = blocks[n - 1];
  return block ? messageAt('transcript', text, block.lines[0].offset) : undefined;
}

/** Runs `smtp-eml render`; returns the exit code (0 written, 1 nothing to render, 2 usage or unreadable). */
export function runRender(args: string[], io: RenderIo): number {
  const texts = bundleFor(cliLocale(argvLocale(args), io.env)).cli;
  const usage = (message: string): number => usageError(io.stderr, message, texts);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        'allow-remote': { type: 'boolean', default: false },
        message: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    return usage(typeof err.code === 'string' ? texts.argumentError(err.code, err.message) : err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(commandUsage('render', texts));
    return 0;
  }
  if (positionals.length !== 1) return usage(texts.needsOneFile('render'));
  const n = values.message === undefined ? 1 : Number(values.message);
  if (!Number.isInteger(n) || n < 1) return usage(texts.messageNumberInvalid(String(values.message)));
  const file = positionals[0];
  const input = readTextOrReport(file, io.stderr, undefined, texts);
  if (!input) return 2;
  const text = input.text;
  const kind: DocumentKind = /\.smtp$/i.test(file) ? 'transcript' : /\.mbox$/i.test(file) ? 'mbox' : 'eml';
  const located = nthMessage(kind, text, n);
  if (!located) {
    io.stderr.write(`smtp-eml: ${kind === 'transcript' ? texts.noMessageNInTranscript(file, n) : texts.noMessageN(file, n)}\n`);
    return 1;
  }
  const locale = cliLocale(values.locale, io.env);
  const language = resolveLanguage(locale);
  const problems = validateMessage(located.text, { l10n: bundleFor(locale) });
  const preview = buildPreview({ text: located.text }, { allowRemote: values['allow-remote'] });
  const html = renderStandalone(preview, {
    language,
    problems: { errors: problems.filter((p) => p.severity === 'error').length, warnings: problems.filter((p) => p.severity === 'warning').length },
  });
  if (values.out) {
    try {
      writeFileSync(values.out, html);
    } catch (e) {
      io.stderr.write(`smtp-eml: ${texts.cannotWrite(values.out, (e as Error).message)}\n`);
      return 2;
    }
  } else io.stdout.write(html);
  return 0;
}

/** Hover on transcripts: commands, reply codes, enhanced status codes, EHLO keywords. */
import type * as lsp from 'vscode-languageserver';
import {
  COMMANDS,
  ENHANCED_CLASS,
  ENHANCED_DETAIL,
  ENHANCED_SUBJECT,
  EXTENSIONS,
  PARAMETERS,
  REPLY_CODES,
  REPLY_FIRST_DIGIT,
  REPLY_SECOND_DIGIT,
  SASL_MECHANISMS,
} from '../../mail/transcript/catalog';
import type { Command } from '../../mail/transcript/parse';
import type { CoreBundle } from '../../mail/i18n';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { lineAt, sessionOf } from './session';


/** Markdown for a command verb. */
export function commandMarkdown(l10n: CoreBundle, verb: string): string | undefined {
  const L = l10n.transcriptLabels;
  const T = l10n.catalog;
  const info = COMMANDS[verb];
  if (!info) return undefined;
  return [
    `**${info.verb}** (${info.rfc})`,
    '',
    T?.commands[info.verb] ?? info.summary,
    '',
    `${L.syntax}: \`${info.syntax}\``,
    '',
    `${L.replies}: ${info.replies.join(', ')} (${L.alwaysReplies}).`,
  ].join('\n');
}

/** Markdown for a reply code: its digits and, when known, the specific meaning. */
export function replyCodeMarkdown(l10n: CoreBundle, code: string): string {
  const L = l10n.transcriptLabels;
  const T = l10n.catalog;
  const specific = T?.replyCodes[Number(code)] ?? REPLY_CODES[Number(code)];
  return [
    `**${code}** ${specific ?? L.unknownCode}`,
    '',
    `- ${T?.firstDigit[code[0]] ?? REPLY_FIRST_DIGIT[code[0]] ?? ''}`,
    `- ${T?.secondDigit[code[1]] ?? REPLY_SECOND_DIGIT[code[1]] ?? ''}`,
  ].join('\n');
}

/** Markdown for an RFC 3463 enhanced status code. */
export function enhancedMarkdown(l10n: CoreBundle, code: string): string {
  const L = l10n.transcriptLabels;
  const T = l10n.catalog;
  const [klass, subject, detail] = code.split('.');
  return [
    `**${L.enhanced(code)}**`,
    '',
    `- ${L.enhancedClass} ${klass}: ${T?.enhancedClass[klass] ?? ENHANCED_CLASS[klass] ?? '?'}`,
    `- ${L.enhancedSubject} ${subject}: ${T?.enhancedSubject[subject] ?? ENHANCED_SUBJECT[subject] ?? '?'}`,
    `- ${L.enhancedDetail} ${subject}.${detail}: ${T?.enhancedDetail[`${subject}.${detail}`] ?? ENHANCED_DETAIL[`${subject}.${detail}`] ?? '?'}`,
  ].join('\n');
}

/** Markdown for an EHLO keyword. */
export function extensionMarkdown(l10n: CoreBundle, keyword: string): string {
  const L = l10n.transcriptLabels;
  const T = l10n.catalog;
  const info = EXTENSIONS[keyword.toUpperCase()];
  if (!info) return `**${keyword}**\n\n${L.unknownExtension}`;
  return `**${L.extension(info.keyword, info.rfc)}**\n\n${T?.extensions[info.keyword] ?? info.summary}`;
}

const md = (value: string, ctx: FeatureContext, offset: number, length: number): lsp.Hover => ({
  contents: { kind: 'markdown', value },
  range: rangeOf(ctx.document, offset, length),
});

/** The hover at `position`, or null. */
export function smtpHover(ctx: FeatureContext, position: lsp.Position): lsp.Hover | null {
  const { session, roles } = sessionOf(ctx);
  const L = ctx.l10n.transcriptLabels;
  const offset = ctx.document.offsetAt(position);
  const line = lineAt(session, offset);
  if (!line) return null;
  const role = roles.get(line.index);
  if (!role) return null;
  if (role.kind === 'command') {
    const c = role.command;
    if (c.kind !== 'command') return null;
    if (offset > c.verbOffset + c.verbLength) return argumentHover(ctx, c, offset);
    if (offset < c.verbOffset) return null;
    const text = commandMarkdown(ctx.l10n, c.verb);
    return text ? md(text, ctx, c.verbOffset, c.verbLength) : null;
  }
  if (role.kind === 'reply') {
    const rl = role.replyLine;
    if (offset >= rl.codeOffset && offset <= rl.codeOffset + 3) {
      const context = role.reply.command ? L.inReplyTo(role.reply.command.verb) : session.greeting === role.reply ? L.greeting : '';
      return md(`${replyCodeMarkdown(ctx.l10n, rl.code)}${context ? `\n\n${context}` : ''}`, ctx, rl.codeOffset, 3);
    }
    if (rl.enhanced && offset >= rl.enhanced.offset && offset <= rl.enhanced.offset + rl.enhanced.length) {
      return md(enhancedMarkdown(ctx.l10n, rl.enhanced.code), ctx, rl.enhanced.offset, rl.enhanced.length);
    }
    const cmd = role.reply.command;
    if (cmd && (cmd.verb === 'EHLO' || cmd.verb === 'LHLO') && role.index > 0) {
      const hello = session.hellos.find((h) => h.command === cmd);
      const ext = hello?.extensions.find((e) => offset >= e.offset && offset <= e.offset + e.length);
      if (ext) return md(extensionMarkdown(ctx.l10n, ext.keyword), ctx, ext.offset, ext.length);
    }
  }
  return null;
}

/** Hover inside an argument: a MAIL/RCPT parameter or an AUTH mechanism. */
function argumentHover(ctx: FeatureContext, c: Command, offset: number): lsp.Hover | null {
  const arg = c.argument;
  if (!arg) return null;
  const L = ctx.l10n.transcriptLabels;
  const T = ctx.l10n.catalog;
  // The space-separated token under the cursor.
  const rel = offset - arg.offset;
  if (rel < 0 || rel > arg.text.length) return null;
  let a = rel;
  while (a > 0 && arg.text[a - 1] !== ' ') a--;
  let b = rel;
  while (b < arg.text.length && arg.text[b] !== ' ') b++;
  const token = arg.text.slice(a, b);
  if (c.verb === 'AUTH' && a === 0) {
    const info = T?.sasl[token.toUpperCase()] ?? SASL_MECHANISMS[token.toUpperCase()];
    return info ? md(info, ctx, arg.offset, token.length) : null;
  }
  if ((c.verb === 'MAIL' || c.verb === 'RCPT') && a > 0) {
    const eq = token.indexOf('=');
    const keyword = (eq < 0 ? token : token.slice(0, eq)).toUpperCase();
    const info = PARAMETERS[keyword];
    if (info) return md(`**${info.keyword}** (${info.rfc})\n\n${T?.parameters[info.keyword] ?? info.summary}\n\n${L.syntax}: \`${info.syntax}\``, ctx, arg.offset + a, token.length);
  }
  return null;
}

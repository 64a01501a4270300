/** Completion in transcripts: verbs, MAIL/RCPT path skeletons, reply codes fitting the command. */
import * as lsp from 'vscode-languageserver';
import { COMMANDS, COMPLETION_VERBS, DATA_END_REPLIES, GREETING_REPLIES, REPLY_CODES } from '../../mail/transcript/catalog';
import { rangeOf } from '../diagnostics';
import type { FeatureContext } from '../features';
import { commandMarkdown, replyCodeMarkdown } from './hover';
import { lineAt, sessionOf } from './session';

const PATH_SNIPPETS: Record<string, { label: 'snippetFrom' | 'snippetTo'; snippet: string }> = {
  MAIL: { label: 'snippetFrom', snippet: 'FROM:<${1:sender@example.org}>' },
  RCPT: { label: 'snippetTo', snippet: 'TO:<${1:recipient@example.com}>' },
};

/** Completion items at `position`. */
export function smtpCompletion(ctx: FeatureContext, position: lsp.Position): lsp.CompletionItem[] {
  const { session, roles } = sessionOf(ctx);
  const L = ctx.l10n.transcriptLabels;
  const text = ctx.document.getText();
  const offset = ctx.document.offsetAt(position);
  const line = lineAt(session, offset);
  const edit = (start: number, newText: string): lsp.TextEdit => ({ range: rangeOf(ctx.document, start, offset - start), newText });
  if (!line || line.kind === 'blank' || line.kind === 'invalid') {
    if (session.dialect !== 'canonical') return [];
    const start = line?.offset ?? offset;
    return [
      { label: 'C: ', kind: lsp.CompletionItemKind.Keyword, detail: L.clientLine, textEdit: edit(start, 'C: ') },
      { label: 'S: ', kind: lsp.CompletionItemKind.Keyword, detail: L.serverLine, textEdit: edit(start, 'S: ') },
    ];
  }
  if (offset < line.contentOffset) return [];
  const before = text.slice(line.contentOffset, offset);
  const role = roles.get(line.index);
  if (line.kind === 'client') {
    if (role?.kind === 'data' || role?.kind === 'auth-response') return [];
    if (!/\s/.test(before)) {
      return COMPLETION_VERBS.map((verb, i) => {
        const path = PATH_SNIPPETS[verb];
        return {
          label: verb,
          kind: lsp.CompletionItemKind.Keyword,
          detail: COMMANDS[verb].syntax,
          documentation: { kind: 'markdown', value: commandMarkdown(ctx.l10n, verb) ?? '' },
          sortText: String(i).padStart(2, '0'),
          ...(path
            ? { insertTextFormat: lsp.InsertTextFormat.Snippet, textEdit: edit(line.contentOffset, `${verb} ${path.snippet}`) }
            : { textEdit: edit(line.contentOffset, verb) }),
        };
      });
    }
    const m = /^(MAIL|RCPT) +(\S*)$/i.exec(before);
    if (m) {
      const path = PATH_SNIPPETS[m[1].toUpperCase()];
      return [
        {
          label: L[path.label],
          kind: lsp.CompletionItemKind.Snippet,
          insertTextFormat: lsp.InsertTextFormat.Snippet,
          textEdit: edit(offset - m[2].length, path.snippet),
          filterText: path.snippet.slice(0, path.snippet.indexOf('<') + 1),
        },
      ];
    }
    return [];
  }
  if (line.kind === 'server' && !/\s/.test(before) && !before.includes('-')) {
    let codes: readonly number[] = GREETING_REPLIES;
    const answered = role?.kind === 'reply' ? role.reply.command : undefined;
    const previous = answered ?? [...session.commands].reverse().find((c) => c.line.offset < line.offset);
    if (previous) codes = previous.kind === 'data-end' ? DATA_END_REPLIES : (COMMANDS[previous.verb]?.replies ?? [500, 502]);
    else if (session.greeting && session.greeting.offset < line.offset) codes = [];
    return codes.map((code, i) => ({
      label: String(code),
      kind: lsp.CompletionItemKind.Value,
      detail: ctx.l10n.catalog?.replyCodes[code] ?? REPLY_CODES[code] ?? '',
      documentation: { kind: 'markdown', value: replyCodeMarkdown(ctx.l10n, String(code)) },
      sortText: String(i).padStart(3, '0'),
      textEdit: edit(line.contentOffset, `${code} `),
    }));
  }
  return [];
}
